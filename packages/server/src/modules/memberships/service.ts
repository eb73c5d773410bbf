// Members of an organization. Rules (see rules.ts): an organization always keeps an active Owner,
// also under concurrent requests; only Owners touch Owners; no escalation; a suspended member has
// no access (enforced by the guard); you manage only members whose role holds nothing you lack,
// checked under the locks of rules.ts; a member who loses access takes their API keys' access with
// them (audited once, here). Each change and its audit row share one transaction.
import type { ListMembersQuery, Member } from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { decodeCursor, page } from '../../lib/cursor.js';
import type { RequestContext } from '../../lib/request-context.js';
import { iso } from '../../lib/time.js';
import type { OrgAccess } from '../../types.js';
import { recordCreatorLostAccess } from '../api-keys/service.js';
import { recordAudit } from '../audit-logs/service.js';
import * as roles from '../roles/service.js';
import { directoryManaged, membershipNotFound, roleNotFound } from './errors.js';
import * as repository from './repository.js';
import { assertCanGrant, assertCanManage, assertOwnersRemain, isOwnerRole, lockForChange } from './rules.js';

export const toMember = (row: repository.MemberRow): Member => ({
  id: row.id,
  user_id: row.user_id,
  organization_id: row.organization_id,
  role_id: row.role_id,
  role_name: row.role_name,
  status: row.status,
  created_at: iso(row.created_at),
  user_email: row.user_email,
  user_full_name: row.user_full_name,
  two_factor_enabled: row.two_factor_enabled,
  managed_by_directory: Boolean(row.managed_by_directory),
});

export class MembershipsService {
  /** `reader` serves the member list (a replica when configured); changes and their checks use `db`. */
  constructor(
    private readonly db: Database,
    private readonly reader: Database = db,
  ) {}

  async list(access: OrgAccess, query: ListMembersQuery): Promise<{ items: Member[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const rows = await repository.list(this.reader, access.organizationId, {
      limit,
      afterId: decodeCursor(query.cursor),
      search: query.search,
      roleId: query.role_id,
      status: query.status,
    });
    const { items, nextCursor } = page(rows, limit);
    return { items: items.map(toMember), nextCursor };
  }

  async changeRole(ctx: RequestContext, access: OrgAccess, membershipId: string, roleId: string): Promise<Member> {
    return this.db.transaction(async (tx) => {
      const { actor, members } = await lockForChange(tx, access, 'user.manage', { memberships: [membershipId], roles: [roleId] });
      const target = members.get(membershipId);
      if (!target) throw membershipNotFound();
      const role = await roles.findById(tx, access.organizationId, roleId);
      if (!role) throw roleNotFound();
      assertCanManage(actor, target);
      assertCanGrant(actor, role);
      const current = (await repository.findById(tx, access.organizationId, membershipId))!;
      if (target.role_id === role.id) return toMember(current);
      // the directory's next sync would undo it: the role follows the IdP's groups
      if (current.managed_by_directory) throw directoryManaged();
      if (!isOwnerRole(role)) await assertOwnersRemain(tx, access.organizationId, target);
      await repository.update(tx, access.organizationId, membershipId, { role_id: role.id });
      await recordAudit(tx, ctx, {
        action: 'user.role.updated',
        organizationId: access.organizationId,
        targetType: 'membership',
        targetId: membershipId,
        metadata: { user_id: target.user_id, from_role: target.role_name, from_role_id: target.role_id, to_role: role.name, to_role_id: role.id },
      });
      return toMember({ ...current, role_id: role.id, role_name: role.name });
    });
  }

  async changeStatus(ctx: RequestContext, access: OrgAccess, membershipId: string, status: 'active' | 'suspended'): Promise<Member> {
    return this.db.transaction(async (tx) => {
      const { actor, members } = await lockForChange(tx, access, 'user.manage', { memberships: [membershipId] });
      const target = members.get(membershipId);
      if (!target) throw membershipNotFound();
      assertCanManage(actor, target);
      const current = (await repository.findById(tx, access.organizationId, membershipId))!;
      if (target.status === status) return toMember(current);
      // suspending stays possible (an emergency stop); reactivating is the IdP's call (`active`)
      if (current.managed_by_directory && status === 'active') throw directoryManaged();
      if (status === 'suspended') await assertOwnersRemain(tx, access.organizationId, target);
      await repository.update(tx, access.organizationId, membershipId, { status });
      await recordAudit(tx, ctx, {
        action: status === 'suspended' ? 'member.suspended' : 'member.reactivated',
        organizationId: access.organizationId,
        targetType: 'membership',
        targetId: membershipId,
        metadata: { user_id: target.user_id, role: target.role_name },
      });
      if (status === 'suspended') await recordCreatorLostAccess(tx, ctx, access.organizationId, target.user_id, 'creator_suspended');
      return toMember({ ...current, status });
    });
  }

  async removeMember(ctx: RequestContext, access: OrgAccess, membershipId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { actor, members } = await lockForChange(tx, access, 'user.manage', { memberships: [membershipId] });
      const target = members.get(membershipId);
      if (!target) throw membershipNotFound();
      assertCanManage(actor, target);
      const current = (await repository.findById(tx, access.organizationId, membershipId))!;
      if (current.managed_by_directory) throw directoryManaged();
      await assertOwnersRemain(tx, access.organizationId, target);
      await repository.delete(tx, access.organizationId, membershipId);
      await recordAudit(tx, ctx, {
        action: 'user.removed',
        organizationId: access.organizationId,
        targetType: 'membership',
        targetId: membershipId,
        metadata: { user_id: target.user_id, email: current.user_email, role: target.role_name },
      });
      await recordCreatorLostAccess(tx, ctx, access.organizationId, target.user_id, 'creator_removed');
    });
  }

  async leave(ctx: RequestContext, access: OrgAccess): Promise<void> {
    await this.db.transaction(async (tx) => {
      if ((await repository.findById(tx, access.organizationId, access.membershipId))?.managed_by_directory) throw directoryManaged();
      await assertOwnersRemain(tx, access.organizationId, { id: access.membershipId });
      await repository.delete(tx, access.organizationId, access.membershipId);
      await recordAudit(tx, ctx, { action: 'member.left', organizationId: access.organizationId, targetType: 'membership', targetId: access.membershipId });
      if (ctx.principal) await recordCreatorLostAccess(tx, ctx, access.organizationId, ctx.principal.userId, 'creator_removed');
    });
  }
}

// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { findAccess, findByEmail, listActiveOwnerEmails, findByUser, findStandingForShare, insert, listForUser, lockOrganization, update, delete as deleteMembership } from './repository.js';
export { assertOwnersRemain, assertCanGrant, isOwnerRole } from './rules.js';
export type { AccessRow } from './repository.js';
