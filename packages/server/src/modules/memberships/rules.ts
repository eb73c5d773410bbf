// The membership invariants, shared by every service that changes who holds which role
// (members, roles, and later invitations).
import type { Executor } from '../../db/client.js';
import type { OrgAccess } from '../../types.js';
import { ownerRequired } from '../organizations/errors.js';
import * as organizations from '../organizations/repository.js';
import type { RoleRow } from '../roles/repository.js';
import { escalation, lastOwner } from './errors.js';
import * as repository from './repository.js';

export const isOwnerRole = (role: Pick<RoleRow, 'is_system' | 'name'>): boolean => role.is_system && role.name === 'Owner';

/** No escalation: only Owners grant Owner, and nobody grants a role holding a permission they lack. */
export function assertCanGrant(access: OrgAccess, role: Pick<RoleRow, 'is_system' | 'name' | 'permissions'>): void {
  if (isOwnerRole(role) && !access.isOwner) throw ownerRequired('Only an Owner can grant the Owner role.');
  const missing = role.permissions.filter((p) => !access.permissions.has(p));
  if (missing.length) throw escalation(missing);
}

/** Only Owners change, suspend or remove an Owner. */
export function assertCanManage(access: OrgAccess, target: { is_owner: boolean }): void {
  if (target.is_owner && !access.isOwner) throw ownerRequired('Only an Owner can change or remove another Owner.');
}

/**
 * The organization keeps at least one active Owner. Takes the organization's row lock first, so
 * two concurrent demotions of the last two Owners serialise and the second one sees the first.
 */
export async function assertOwnersRemain(tx: Executor, organizationId: string, target: { id: string }): Promise<void> {
  await organizations.lockForUpdate(tx, organizationId);
  const fresh = await repository.findById(tx, organizationId, target.id);
  if (!fresh || !fresh.is_owner || fresh.status !== 'active') return;
  if ((await repository.countActiveOwners(tx, organizationId)) <= 1) throw lastOwner();
}
