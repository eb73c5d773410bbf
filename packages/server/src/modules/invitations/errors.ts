import { AppError } from '../../lib/errors.js';

export const invitationNotFound = () => new AppError('invitation.not_found', 'This invitation link is not valid.');
export const invitationGone = (why: 'expired' | 'accepted' | 'revoked') =>
  new AppError('invitation.gone', `This invitation has ${why === 'expired' ? 'expired' : `been ${why}`}; ask for a new one.`, {
    meta: { reason: why },
  });
export const alreadyMember = () => new AppError('invitation.already_member', 'This person is already a member of the organization.');
export const pendingExists = (invitationId: string) =>
  new AppError('invitation.pending_exists', 'An invitation to this email is already pending; resend it instead.', {
    meta: { invitation_id: invitationId },
  });
export const emailMismatch = () =>
  new AppError('invitation.email_mismatch', 'This invitation was sent to a different email address; log in with that address to accept it.');
export const notPending = () => new AppError('invitation.not_pending', 'Only pending invitations can be resent or revoked.');
export const inviterLacksAuthority = (reason: 'inviter_not_member' | 'inviter_inactive' | 'role_exceeds_inviter') =>
  new AppError(
    'invitation.inviter_lacks_authority',
    'The person who sent this invitation can no longer grant its role; ask a current administrator for a new invitation.',
    { meta: { reason } },
  );
export const pendingJustRevoked = (invitationId: string) =>
  new AppError('invitation.pending_exists', 'An invitation to this email was pending and has just been revoked; retry.', {
    meta: { invitation_id: invitationId },
  });
