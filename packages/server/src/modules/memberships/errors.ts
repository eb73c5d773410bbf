import { AppError } from '../../lib/errors.js';

export const membershipNotFound = () => new AppError('membership.not_found');
export const lastOwner = () =>
  new AppError('membership.last_owner', 'An organization must keep at least one active Owner. Make someone else Owner first.');
export const escalation = (missing: string[]) =>
  new AppError('membership.escalation', `You cannot grant permissions you do not hold: ${missing.join(', ')}.`, {
    meta: { missing_permissions: missing },
  });
export const roleNotFound = () => new AppError('role.not_found');
export const insufficientPrivilege = (what: 'member' | 'role', missing: string[]) =>
  new AppError(
    'membership.insufficient_privilege',
    what === 'member'
      ? `This member holds permissions you do not: ${missing.join(', ')}. Only someone holding all of them can manage this member.`
      : `This role holds permissions you do not: ${missing.join(', ')}. Only someone holding all of them can change or delete it.`,
    { meta: { missing_permissions: missing } },
  );
export const directoryManaged = () =>
  new AppError('membership.directory_managed', 'This member is managed by the organization’s SCIM directory: change their role or membership in the identity provider (or delete the directory to manage them here).');
