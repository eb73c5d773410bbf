import { AppError } from '../../lib/errors.js';

export const membershipNotFound = () => new AppError('membership.not_found', 'Member not found');
export const lastOwner = () =>
  new AppError('membership.last_owner', 'Last owner', 'An organization must keep at least one active Owner. Make someone else Owner first.');
export const escalation = (missing: string[]) =>
  new AppError('membership.escalation', 'Cannot grant more than you hold', `You cannot grant permissions you do not hold: ${missing.join(', ')}.`, {
    meta: { missing_permissions: missing },
  });
export const roleNotFound = () => new AppError('role.not_found', 'Role not found');
