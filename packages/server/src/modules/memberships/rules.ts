// The membership invariants, shared by every service that changes who holds which role
// (members, roles, invitations).
//
// Lock order — every transaction that changes who holds what in an organization takes, in turn:
//   1. the organization row (FOR UPDATE): management within one organization is serialised;
//   2. the memberships involved — the acting member's and the target's — in id order (FOR UPDATE);
//   3. the roles involved — those memberships' roles and any role being granted, changed or
//      deleted — in id order (FOR UPDATE).
// Every privilege check runs on what was read under those locks, never on the guard's (possibly
// cached, possibly a moment old) copy: a member promoted to Owner while an Admin suspends them is
// either still a Member when the suspension is checked, or already an Owner — never half of each.
import type { Executor } from '../../db/client.js';
import { membershipSuspended, organizationNotFound, permissionDenied } from '../../lib/errors.js';
import type { OrgAccess } from '../../types.js';
import { ownerRequired } from '../organizations/errors.js';
import { escalation, insufficientPrivilege, lastOwner } from './errors.js';
import * as repository from './repository.js';

/** What the rules read of a role (roles/repository's RoleRow has it). */
interface RoleFacts {
  is_system: boolean;
  name: string;
  permissions: string[];
}

export const isOwnerRole = (role: Pick<RoleFacts, 'is_system' | 'name'>): boolean => role.is_system && role.name === 'Owner';

/** No escalation: only Owners grant Owner, and nobody grants a role holding a permission they lack. */
export function assertCanGrant(access: OrgAccess, role: RoleFacts): void {
  if (isOwnerRole(role) && !access.isOwner) throw ownerRequired('Only an Owner can grant the Owner role.');
  const missing = role.permissions.filter((p) => !access.permissions.has(p));
  if (missing.length) throw escalation(missing);
}

/**
 * Privilege ordering: you manage (change the role of, suspend, reactivate, remove) only a member
 * whose current role holds nothing you lack; only Owners touch Owners.
 */
export function assertCanManage(access: OrgAccess, target: { is_owner: boolean; permissions: readonly string[] }): void {
  if (target.is_owner && !access.isOwner) throw ownerRequired('Only an Owner can change or remove another Owner.');
  const missing = target.permissions.filter((p) => !access.permissions.has(p));
  if (missing.length) throw insufficientPrivilege('member', missing);
}

/** Privilege ordering for roles: you change or delete only a role that holds nothing you lack (as it is now). */
export function assertCanChangeRole(access: OrgAccess, role: Pick<RoleFacts, 'permissions'>): void {
  const missing = role.permissions.filter((p) => !access.permissions.has(p));
  if (missing.length) throw insufficientPrivilege('role', missing);
}

export interface Locked {
  /** the acting member as of the lock: their current role and permissions */
  actor: OrgAccess;
  /** the other memberships asked for, by id (absent: not a member of this organization) */
  members: Map<string, repository.LockedMember>;
}

/**
 * Takes the locks in the documented order and re-reads the acting member under them: a member
 * removed, suspended or stripped of `permission` since the guard looked is refused here.
 */
export async function lockForChange(
  tx: Executor,
  access: OrgAccess,
  permission: string,
  involved: { memberships?: string[]; roles?: string[] } = {},
): Promise<Locked> {
  const organizationId = access.organizationId;
  await repository.lockOrganization(tx, organizationId);
  const ids = [...new Set([access.membershipId, ...(involved.memberships ?? [])])];
  const locked = await repository.lockByIds(tx, organizationId, ids);
  await repository.lockRoles(tx, organizationId, [...locked.map((m) => m.role_id), ...(involved.roles ?? [])]);
  const rows = await repository.findLocked(tx, organizationId, locked.map((m) => m.id));
  const members = new Map(rows.map((row) => [row.id, row]));
  const self = members.get(access.membershipId);
  if (!self) throw organizationNotFound();
  if (self.status !== 'active') throw membershipSuspended();
  if (!self.permissions.includes(permission)) throw permissionDenied(permission);
  const actor: OrgAccess = { ...access, roleId: self.role_id, roleName: self.role_name, isOwner: self.is_owner, permissions: new Set(self.permissions) };
  return { actor, members };
}

/**
 * The organization keeps at least one active Owner. Takes the organization's row lock first, so
 * two concurrent demotions of the last two Owners serialise and the second one sees the first.
 */
export async function assertOwnersRemain(tx: Executor, organizationId: string, target: { id: string }): Promise<void> {
  await repository.lockOrganization(tx, organizationId);
  const fresh = await repository.findById(tx, organizationId, target.id);
  if (!fresh || !fresh.is_owner || fresh.status !== 'active') return;
  if ((await repository.countActiveOwners(tx, organizationId)) <= 1) throw lastOwner();
}
