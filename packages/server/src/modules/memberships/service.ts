// Members of an organization. Rules (see rules.ts): an organization always keeps an active Owner,
// also under concurrent requests; only Owners touch Owners; no escalation; a suspended member has
// no access (enforced by the guard); you manage only members whose role holds nothing you lack,
// checked under the locks of rules.ts; a member who loses access takes their API keys' access with
// them (audited once, here). Each change and its audit row share one transaction.
import type { ListMembersQuery, Member } from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { AppError } from '../../lib/errors.js';
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
  last_active_at: row.last_active_at === null ? null : iso(row.last_active_at),
  managed_by_directory: Boolean(row.managed_by_directory),
});

/**
 * The member list's cursor. In join order (the default) it is the plain id cursor of every other
 * list; in another order it carries the order, the last row's sort key and its id, and is refused
 * with any other order (a page must continue the order it started).
 */
function encodeMemberCursor(sort: string, last: repository.ListedMember): string {
  if (sort === 'joined') return encodeCursor(last.id);
  return Buffer.from(JSON.stringify([sort, last.sort_key, last.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UTC_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** `2026-05-01T10:00:00.123456Z` naming a real instant (PostgreSQL would refuse Feb 30 with a 500) */
function isInstant(key: string): boolean {
  if (!UTC_MICROS.test(key)) return false;
  const date = new Date(`${key.slice(0, 19)}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === key.slice(0, 19);
}

function decodeMemberCursor(cursor: string | undefined, sort: string): { id: string; key: string | null } | undefined {
  if (cursor === undefined) return undefined;
  if (sort === 'joined') return { id: decodeCursor(cursor)!, key: null };
  const refuse = () =>
    new AppError('request.validation_failed', 'The cursor is not one this API issued for this sort.', {
      errors: [{ field: 'querystring:/cursor', message: 'is not a valid cursor for this sort', code: 'cursor' }],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw refuse();
  const [cursorSort, key, id] = parsed as unknown[];
  if (cursorSort !== sort || typeof id !== 'string' || !UUID.test(id)) throw refuse();
  // reversed join order continues after the id alone
  if (sort === '-joined') {
    if (key !== null) throw refuse();
    return { id, key: null };
  }
  if (typeof key !== 'string' || key.length > 600) throw refuse();
  // the key goes to PostgreSQL as a timestamptz: only a real instant in the format the list wrote
  if (sort.endsWith('last_active') && key !== '-infinity' && !isInstant(key)) throw refuse();
  if (key.includes('\u0000')) throw refuse();
  return { id, key };
}

export class MembershipsService {
  /** `reader` serves the member list (a replica when configured); changes and their checks use `db`. */
  constructor(
    private readonly db: Database,
    private readonly reader: Database = db,
  ) {}

  async list(access: OrgAccess, query: ListMembersQuery): Promise<{ items: Member[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const sort = query.sort ?? 'joined';
    const key = sort.replace(/^-/, '') as repository.MemberSortKey;
    const rows = await repository.list(this.reader, access.organizationId, {
      limit,
      sort: key,
      descending: sort.startsWith('-'),
      after: decodeMemberCursor(query.cursor, sort),
      search: query.search,
      roleId: query.role_id,
      status: query.status,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeMemberCursor(sort, last) : null;
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
        metadata: { user_id: target.user_id, email: current.user_email, from_role: target.role_name, from_role_id: target.role_id, to_role: role.name, to_role_id: role.id },
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
        metadata: { user_id: target.user_id, email: current.user_email, role: target.role_name },
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
export { countByRole, findAccess, findByEmail, memberWithEmailExists, listActiveOwnerEmails, findByUser, findStandingForShare, insert, insertMembershipFor, listForUser, lockOrganization, update, delete as deleteMembership } from './repository.js';
export { assertOwnersRemain, assertCanGrant, isOwnerRole } from './rules.js';
export type { AccessRow } from './repository.js';
