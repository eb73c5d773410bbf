// Roles of an organization. Rules: system roles are read-only; custom role names are unique per
// organization; permissions come only from the catalog and never exceed the caller's own (no
// escalation); you change or delete only a role holding nothing you lack (before and after the
// change), checked under the locks of memberships/rules.ts; a role still held by members is deleted
// only with `reassign_to`, which must itself be a role the caller could grant, and its pending
// invitations move with its members (or are revoked when nobody held it and no reassign_to is
// given), never silently deleted. Each change and its audit rows share one transaction.
import { SYSTEM_ROLE_IDS, SYSTEM_ROLES, type CreateRoleBody, type Role, type SystemRoleName, type UpdateRoleBody } from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import type { RequestContext } from '../../lib/request-context.js';
import { catalogPermissions } from '../../lib/permission-catalog.js';
import { iso } from '../../lib/time.js';
import type { OrgAccess } from '../../types.js';
import { recordAudit } from '../audit-logs/service.js';
import { roleNotFound } from '../memberships/errors.js';
import { assertCanChangeRole, assertCanGrant, lockForChange } from '../memberships/rules.js';
import * as repository from './repository.js';
import { systemImmutable, roleInUse } from './errors.js';

export const toRole = (row: repository.RoleRow): Role => ({
  id: row.id,
  organization_id: row.organization_id,
  name: row.name,
  description: row.description,
  is_system: row.is_system,
  permissions: [...row.permissions],
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
});

export class RolesService {
  constructor(private readonly db: Database) {}

  async list(access: OrgAccess): Promise<Role[]> {
    return (await repository.list(this.db, access.organizationId)).map(toRole);
  }

  async create(ctx: RequestContext, access: OrgAccess, body: CreateRoleBody): Promise<Role> {
    const permissions = catalogPermissions(body.permissions);
    return this.db.transaction(async (tx) => {
      const { actor } = await lockForChange(tx, access, 'role.manage');
      assertCanGrant(actor, { is_system: false, name: body.name, permissions });
      const id = newId();
      await repository.insert(tx, access.organizationId, { id, name: body.name.trim(), description: body.description ?? null, permissions });
      await recordAudit(tx, ctx, { action: 'role.created', organizationId: access.organizationId, targetType: 'role', targetId: id, metadata: { name: body.name.trim(), permissions } });
      return toRole((await repository.findById(tx, access.organizationId, id))!);
    });
  }

  async update(ctx: RequestContext, access: OrgAccess, roleId: string, body: UpdateRoleBody): Promise<Role> {
    const permissions = body.permissions ? catalogPermissions(body.permissions) : undefined;
    return this.db.transaction(async (tx) => {
      const { actor } = await lockForChange(tx, access, 'role.manage', { roles: [roleId] });
      const before = await repository.findById(tx, access.organizationId, roleId);
      if (!before) throw roleNotFound();
      if (before.is_system) throw systemImmutable();
      assertCanChangeRole(actor, before);
      if (permissions) assertCanGrant(actor, { ...before, permissions });
      const values: { name?: string; description?: string | null } = {};
      if (body.name !== undefined) values.name = body.name.trim();
      if (body.description !== undefined) values.description = body.description;
      await repository.update(tx, access.organizationId, roleId, values);
      if (permissions) await repository.replacePermissions(tx, access.organizationId, roleId, permissions);
      const after = (await repository.findById(tx, access.organizationId, roleId))!;
      await recordAudit(tx, ctx, {
        action: 'role.updated',
        organizationId: access.organizationId,
        targetType: 'role',
        targetId: roleId,
        metadata: { before: { name: before.name, permissions: before.permissions }, after: { name: after.name, permissions: after.permissions } },
      });
      return toRole(after);
    });
  }

  async delete(ctx: RequestContext, access: OrgAccess, roleId: string, reassignTo?: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { actor } = await lockForChange(tx, access, 'role.manage', { roles: reassignTo ? [roleId, reassignTo] : [roleId] });
      const role = await repository.findById(tx, access.organizationId, roleId);
      if (!role) throw roleNotFound();
      if (role.is_system) throw systemImmutable();
      assertCanChangeRole(actor, role);
      const holders = await repository.countWithRole(tx, access.organizationId, roleId);
      const invitations = await repository.invitationsWithRole(tx, access.organizationId, roleId);
      if ((holders > 0 || invitations.pending.length > 0) && !reassignTo) throw roleInUse(holders, invitations.pending.length);
      let reassigned = 0;
      if (reassignTo) {
        // checked even when nobody holds the role, so the audit row never names an unknown role
        const target = reassignTo === roleId ? null : await repository.findById(tx, access.organizationId, reassignTo);
        if (!target) throw roleNotFound();
        assertCanGrant(actor, target);
        if (holders > 0) reassigned = await repository.reassignRole(tx, access.organizationId, roleId, target.id);
        // pending invitations move with the members; the foreign key would otherwise delete them
        if (invitations.pending.length) await repository.reassignPendingInvitations(tx, access.organizationId, roleId, target.id);
      }
      await repository.delete(tx, access.organizationId, roleId);
      await recordAudit(tx, ctx, {
        action: 'role.deleted',
        organizationId: access.organizationId,
        targetType: 'role',
        targetId: roleId,
        metadata: {
          name: role.name,
          permissions: role.permissions,
          reassigned_to: reassignTo ?? null,
          members_reassigned: reassigned,
          invitations_reassigned: invitations.pending,
          // accepted, revoked: history, which the audit log keeps; the rows go with the role
          ended_invitations_deleted: invitations.ended,
        },
      });
    });
  }
}

/**
 * What a grant check needs of a system role, without a read: every organization has the four, and
 * their permissions are the instance's (migration 0024; roles.test.ts and migration-0024.test.ts
 * hold the rows to SYSTEM_ROLES). Null for any other id (a custom role: read it).
 */
export function systemRoleFacts(roleId: string): { id: string; name: SystemRoleName; is_system: true; permissions: string[] } | null {
  const name = (Object.keys(SYSTEM_ROLE_IDS) as SystemRoleName[]).find((n) => SYSTEM_ROLE_IDS[n] === roleId);
  return name ? { id: roleId, name, is_system: true, permissions: [...SYSTEM_ROLES[name]] } : null;
}

// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { findById, insertSystemRolesFor } from './repository.js';
