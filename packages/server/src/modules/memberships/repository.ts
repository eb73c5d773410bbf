import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { MyMembership } from '@saasready/contracts';
import { preparedRows, queryRows, type Executor } from '../../db/client.js';
import { containsPattern } from '../../lib/like.js';
import { memberships } from '../../db/schema.js';

export async function insert(ex: Executor, row: typeof memberships.$inferInsert): Promise<void> {
  await ex.insert(memberships).values(row);
}

/** A WITH item that makes the user an active member of the organization `organizations` selects (a relation with an `id` column). */
export function insertMembershipFor(organizations: SQL, row: { id: string; user_id: string; role_id: string }): SQL {
  return sql`new_membership as (
    insert into memberships (id, organization_id, user_id, role_id, status)
    select ${row.id}::uuid, o.id, ${row.user_id}::uuid, ${row.role_id}::uuid, 'active' from ${organizations} o)`;
}

/** The caller's own memberships in live organizations, with each role's permissions. */
export async function listForUser(ex: Executor, userId: string): Promise<MyMembership[]> {
  const rows = await preparedRows<MyMembership>(ex, 'memberships_for_user', sql`
    select m.id, m.organization_id, o.name as organization_name, o.slug as organization_slug,
           m.role_id, r.name as role_name, m.status,
           coalesce((o.settings->>'require_2fa')::boolean, false) as require_2fa,
           -- a correlated index-only scan of role_permissions' primary key, cheaper than join + group by
           array(select rp.permission from role_permissions rp where rp.role_id = m.role_id order by rp.permission) as permissions
      from memberships m
      join organizations o on o.id = m.organization_id and o.deleted_at is null
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
     where m.user_id = ${userId}
     order by m.created_at, m.id`);
  return rows.map((row) => ({ ...row, permissions: [...(row.permissions as string[])] }));
}

export interface AccessRow {
  membership_id: string;
  role_id: string;
  role_name: string;
  status: string;
  is_owner: boolean;
  require_2fa: boolean;
  permissions: string[];
  organization_name: string;
}

/**
 * The guard's lookup: the user's membership in one live organization with its permissions,
 * in one indexed query (memberships_org_user_key), or null when they are not a member.
 */
export async function findAccess(ex: Executor, organizationId: string, userId: string): Promise<AccessRow | null> {
  const rows = await preparedRows<AccessRow>(ex, 'membership_access', sql`
    select m.id as membership_id, m.role_id, r.name as role_name, m.status, (r.is_system and r.name = 'Owner') as is_owner,
           coalesce((o.settings->>'require_2fa')::boolean, false) as require_2fa, o.name as organization_name,
           array(select rp.permission from role_permissions rp where rp.role_id = m.role_id) as permissions
      from memberships m
      join organizations o on o.id = m.organization_id and o.deleted_at is null
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
     where m.organization_id = ${organizationId} and m.user_id = ${userId}`);
  return rows[0] ?? null;
}

const MEMBER_COLUMNS = sql`m.id, m.user_id, m.organization_id, m.role_id, r.name as role_name, m.status,
  m.created_at, m.last_active_at, u.email as user_email, u.full_name as user_full_name, (m.directory_id is not null) as managed_by_directory,
  exists(select 1 from user_mfa f where f.user_id = m.user_id and f.enabled_at is not null) as two_factor_enabled`;

export interface MemberRow {
  id: string;
  user_id: string;
  organization_id: string;
  role_id: string;
  role_name: string;
  status: 'active' | 'suspended';
  created_at: Date | string;
  last_active_at: Date | string | null;
  user_email: string;
  user_full_name: string;
  /** a confirmed TOTP factor (one primary-key lookup per listed row) */
  two_factor_enabled: boolean;
  /** a SCIM directory manages the membership (migration 0017) */
  managed_by_directory: boolean;
}

/** The member list's orders besides join order (which is membership id order). */
export type MemberSortKey = 'joined' | 'name' | 'role' | 'last_active';

export interface MemberFilter {
  limit: number;
  sort?: MemberSortKey;
  descending?: boolean;
  /** the last member of the previous page: its id, and for name/role/last_active its sort key as listed */
  after?: { id: string; key: string | null };
  search?: string;
  roleId?: string;
  status?: 'active' | 'suspended';
}

/** A listed member with the sort key the next page continues after (null in join order). */
export type ListedMember = MemberRow & { sort_key: string | null };

// The index expressions of migration 0019 (spelt exactly so: the planner matches them to the indexes)
const NAME_KEY = sql.raw(`lower(split_part(m.search_text, E'\\n', 2))`);
const LAST_ACTIVE_KEY = sql.raw(`coalesce(m.last_active_at, '-infinity'::timestamptz)`);
/** the key as text the cursor carries: microseconds in UTC, or -infinity for never */
const LAST_ACTIVE_TEXT = sql.raw(`case when m.last_active_at is null then '-infinity' else to_char(m.last_active_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end`);

/**
 * One keyset page of an organization's members in the filter's order, ties broken by membership id
 * (UUIDv7: join order). Returns up to limit + 1 rows so the caller knows whether there is a next page.
 *
 * The page is chosen from memberships alone and only its rows are joined to users and roles (both
 * joins follow foreign keys, so they never drop a row): a search reads the organization's matching
 * memberships, not each one's user as well. Each order reads an index of migration 0019 (or
 * memberships_org_id_idx) from the cursor on; by role, the organization's few roles are walked in
 * name order and each one's members read from (organization_id, role_id, id) until the page is full.
 */
export async function list(ex: Executor, organizationId: string, filter: MemberFilter): Promise<ListedMember[]> {
  const conditions = [sql`m.organization_id = ${organizationId}`];
  if (filter.roleId) conditions.push(sql`m.role_id = ${filter.roleId}`);
  if (filter.status) conditions.push(sql`m.status = ${filter.status}`);
  if (filter.search) conditions.push(memberSearch(filter.search));
  const sort = filter.sort ?? 'joined';
  const desc = filter.descending ?? false;
  const dir = sql.raw(desc ? 'desc' : 'asc');
  const past = sql.raw(desc ? '<' : '>');
  const after = filter.after;
  const limit = filter.limit + 1;
  const inner = sql`m.id, m.user_id, m.organization_id, m.role_id, m.status, m.created_at, m.last_active_at, m.directory_id`;

  let page;
  if (sort === 'role') {
    const roleConditions = [sql`r.organization_id = ${organizationId}`];
    if (after) {
      roleConditions.push(sql`r.name ${sql.raw(desc ? '<=' : '>=')} ${after.key ?? ''}`);
      conditions.push(sql`(r.name <> ${after.key ?? ''} or m.id ${past} ${after.id})`);
    }
    page = sql`select m.*, r.name as sort_key, r.name as sort_value
      from roles r
      cross join lateral (select ${inner} from memberships m
                           where m.role_id = r.id and ${sql.join(conditions, sql` and `)}
                           order by m.id ${dir} limit ${limit}) m
     where ${sql.join(roleConditions, sql` and `)}
     order by r.name ${dir}, m.id ${dir}
     limit ${limit}`;
  } else if (sort === 'name' || sort === 'last_active') {
    const key = sort === 'name' ? NAME_KEY : LAST_ACTIVE_KEY;
    const keyText = sort === 'name' ? NAME_KEY : LAST_ACTIVE_TEXT;
    if (after) {
      const at = sort === 'name' ? sql`${after.key ?? ''}` : sql`${after.key ?? '-infinity'}::timestamptz`;
      conditions.push(sql`(${key}, m.id) ${past} (${at}, ${after.id})`);
    }
    page = sql`select ${inner}, ${keyText} as sort_key, ${key} as sort_value
      from memberships m
     where ${sql.join(conditions, sql` and `)}
     order by ${key} ${dir}, m.id ${dir}
     limit ${limit}`;
  } else {
    if (after) conditions.push(sql`m.id ${past} ${after.id}`);
    page = sql`select ${inner}, null::text as sort_key, m.id as sort_value
      from memberships m
     where ${sql.join(conditions, sql` and `)}
     order by m.id ${dir}
     limit ${limit}`;
  }
  // roles are matched on the organization as a constant (the subquery hides it): its few are read once
  return queryRows<ListedMember>(ex, sql`
    select ${MEMBER_COLUMNS}, m.sort_key
      from (${page}) m
      join users u on u.id = m.user_id
      join roles r on r.id = m.role_id and r.organization_id = ${organizationId}
     order by m.sort_value ${dir}, m.id ${dir}`);
}

/**
 * "The member's email or full name contains the term" (ILIKE, wildcards literal), as a condition on
 * the membership. search_text (migration 0010) is the user's email, a line break and the name, so
 * for a term without a line break a match in it lies inside one of the two: the same rows, found
 * through the GIN index on (organization_id, search_text). A term with a line break could match
 * across the two, so it asks users.
 */
function memberSearch(term: string) {
  const pattern = containsPattern(term);
  if (!term.includes('\n')) return sql`m.search_text ilike ${pattern}`;
  return sql`m.user_id in (select u.id from users u where u.email ilike ${pattern} or u.full_name ilike ${pattern})`;
}

export interface MemberWithRole extends MemberRow {
  is_owner: boolean;
}

async function findOne(ex: Executor, organizationId: string, match: ReturnType<typeof sql>): Promise<MemberWithRole | null> {
  const rows = await queryRows<MemberWithRole>(ex, sql`
    select ${MEMBER_COLUMNS}, (r.is_system and r.name = 'Owner') as is_owner
      from memberships m
      join users u on u.id = m.user_id
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
     where m.organization_id = ${organizationId} and ${match}`);
  return rows[0] ?? null;
}

export const findById = (ex: Executor, organizationId: string, membershipId: string) => findOne(ex, organizationId, sql`m.id = ${membershipId}`);

export const findByUser = (ex: Executor, organizationId: string, userId: string) => findOne(ex, organizationId, sql`m.user_id = ${userId}`);
/** The membership of the account with this (normalised) email, if it has one here. */
export const findByEmail = (ex: Executor, organizationId: string, email: string) => findOne(ex, organizationId, sql`u.email = ${email}`);

/** A condition: the organization has a membership (any status) of the account with this email. */
export const memberWithEmailExists = (organizationId: string, email: string): SQL =>
  sql`exists (select 1 from memberships m join users u on u.id = m.user_id where m.organization_id = ${organizationId} and u.email = ${email})`;

/** Email addresses of the organization's active Owners (whom the server writes to about the organization). */
export async function listActiveOwnerEmails(ex: Executor, organizationId: string): Promise<string[]> {
  const rows = await queryRows<{ email: string }>(ex, sql`
    select u.email
      from memberships m
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
      join users u on u.id = m.user_id
     where m.organization_id = ${organizationId} and m.status = 'active' and r.is_system and r.name = 'Owner' and u.is_active
     order by u.email`);
  return rows.map((r) => r.email);
}

/** Active Owners of the organization; callers hold the organization's row lock while counting. */
export async function countActiveOwners(ex: Executor, organizationId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(ex, sql`
    select count(*)::int as n
      from memberships m
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
     where m.organization_id = ${organizationId} and m.status = 'active' and r.is_system and r.name = 'Owner'`);
  return Number(rows[0]!.n);
}

export async function update(
  ex: Executor,
  organizationId: string,
  membershipId: string,
  values: { role_id?: string; status?: 'active' | 'suspended'; directory_id?: string | null },
): Promise<void> {
  await ex
    .update(memberships)
    .set({ ...values, updated_at: new Date() })
    .where(and(eq(memberships.organization_id, organizationId), eq(memberships.id, membershipId)));
}

async function deleteRow(ex: Executor, organizationId: string, membershipId: string): Promise<void> {
  await ex.delete(memberships).where(and(eq(memberships.organization_id, organizationId), eq(memberships.id, membershipId)));
}

/** A membership as the privilege rules need it, read under its row lock. */
export interface LockedMember {
  id: string;
  user_id: string;
  role_id: string;
  role_name: string;
  status: 'active' | 'suspended';
  is_owner: boolean;
  permissions: string[];
}

const idList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** Locks the memberships (FOR UPDATE, in id order: see rules.ts for the lock order) and returns their ids. */
export async function lockByIds(ex: Executor, organizationId: string, ids: readonly string[]): Promise<{ id: string; role_id: string }[]> {
  if (!ids.length) return [];
  return queryRows<{ id: string; role_id: string }>(ex, sql`
    select m.id, m.role_id from memberships m
     where m.organization_id = ${organizationId} and m.id in (${idList(ids)})
     order by m.id
       for update`);
}

/** Locks the organization's row (FOR UPDATE): the first lock of the order in rules.ts. */
export async function lockOrganization(ex: Executor, id: string): Promise<void> {
  await ex.execute(sql`select id from organizations where id = ${id} for update`);
}

/** Locks the roles (FOR UPDATE, in id order: see rules.ts for the lock order). */
export async function lockRoles(ex: Executor, organizationId: string, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  await ex.execute(sql`
    select id from roles
     where organization_id = ${organizationId} and id in (${sql.join(unique.map((id) => sql`${id}`), sql`, `)})
     order by id
       for update`);
}

/** The memberships with their roles' permissions (callers hold their locks). */
export async function findLocked(ex: Executor, organizationId: string, ids: readonly string[]): Promise<LockedMember[]> {
  if (!ids.length) return [];
  return queryRows<LockedMember>(ex, sql`
    select m.id, m.user_id, m.role_id, r.name as role_name, m.status, (r.is_system and r.name = 'Owner') as is_owner,
           array(select rp.permission from role_permissions rp where rp.role_id = m.role_id order by rp.permission) as permissions
      from memberships m
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
     where m.organization_id = ${organizationId} and m.id in (${idList(ids)})`);
}

/** A user's standing in an organization (membership, role permissions, account), its membership row share-locked; null when not a member. */
export async function findStandingForShare(ex: Executor, organizationId: string, userId: string): Promise<{ status: 'active' | 'suspended'; is_owner: boolean; user_active: boolean; permissions: string[] } | null> {
  const rows = await queryRows<{ status: 'active' | 'suspended'; is_owner: boolean; user_active: boolean; permissions: string[] }>(ex, sql`
    select m.status, (r.is_system and r.name = 'Owner') as is_owner, u.is_active as user_active,
           array(select rp.permission from role_permissions rp where rp.role_id = m.role_id) as permissions
      from memberships m
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
      join users u on u.id = m.user_id
     where m.organization_id = ${organizationId} and m.user_id = ${userId}
       for share of m`);
  return rows[0] ?? null;
}

/** `repository.delete(…)`: the style guide's repository verb (a reserved word cannot name a function declaration). */
export { deleteRow as delete };

/** How many members hold each role of the organization (memberships_org_role_idx). */
export async function countByRole(ex: Executor, organizationId: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ role_id: string; n: number }>(ex, sql`
    select role_id, count(*)::int as n from memberships where organization_id = ${organizationId} group by role_id`);
  return new Map(rows.map((r) => [r.role_id, r.n]));
}
