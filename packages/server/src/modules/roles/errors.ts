import { AppError } from '../../lib/errors.js';

export const systemImmutable = () => new AppError('role.system_immutable', 'System roles cannot be changed or deleted.');
export const roleInUse = (members: number, pendingInvitations: number) =>
  new AppError(
    'role.in_use',
    `${members} member(s) hold this role and ${pendingInvitations} pending invitation(s) offer it; pass reassign_to to move them to another role (or revoke the invitations first).`,
    { meta: { members, pending_invitations: pendingInvitations } },
  );
export const roleNameTaken = () => new AppError('role.name_taken', 'This organization already has a role with that name.');
