import { sql } from 'drizzle-orm';
import type { Filter } from 'scim2-parse-filter';
import { queryRows, type Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { uniqueness } from './errors.js';
import { compileFilter, groupScope, userScope } from './scim-filter.js';

/**
 * A list of ids as one uuid[] parameter: a group's members can outnumber the 65,535 parameters a
 * statement may have, which a parameter per id (`in ($1, $2, …)`) ran into.
 */
const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

// ---------------------------------------------------------------------------------------------
// Directories

export interface DirectoryRow {
  id: string;
  organization_id: string;
  name: string;
  token_prefix: string;
  default_role_id: string | null;
  last_sync_at: Date | string | null;
  created_at: Date | string;
  user_count: number;
  group_count: number;
}

const DIRECTORY_COLUMNS = sql`d.id, d.organization_id, d.name, d.token_prefix, d.default_role_id, d.last_sync_at, d.created_at,
  (select count(*)::int from scim_users su where su.directory_id = d.id) as user_count,
  (select count(*)::int from scim_groups sg where sg.directory_id = d.id) as group_count`;

export async function insertDirectory(ex: Executor, row: { id: string; organization_id: string; name: string; token_hash: string; token_prefix: string; default_role_id: string | null; created_by: string | null }): Promise<void> {
  await ex.execute(sql`
    insert into scim_directories (id, organization_id, name, token_hash, token_prefix, default_role_id, created_by)
    values (${row.id}, ${row.organization_id}, ${row.name}, ${row.token_hash}, ${row.token_prefix}, ${row.default_role_id}, ${row.created_by})`);
}

export async function listDirectories(ex: Executor, organizationId: string): Promise<DirectoryRow[]> {
  return queryRows<DirectoryRow>(ex, sql`select ${DIRECTORY_COLUMNS} from scim_directories d where d.organization_id = ${organizationId} order by d.id limit 100`);
}

export async function findDirectory(ex: Executor, organizationId: string, id: string): Promise<DirectoryRow | null> {
  const rows = await queryRows<DirectoryRow>(ex, sql`select ${DIRECTORY_COLUMNS} from scim_directories d where d.organization_id = ${organizationId} and d.id = ${id}`);
  return rows[0] ?? null;
}

/** The directory a token belongs to, in a live organization: one probe of the unique index on its hash. */
export async function findByTokenHash(ex: Executor, tokenHash: string): Promise<{ id: string; organization_id: string } | null> {
  const rows = await queryRows<{ id: string; organization_id: string }>(ex, sql`
    select d.id, d.organization_id from scim_directories d join organizations o on o.id = d.organization_id and o.deleted_at is null
     where d.token_hash = ${tokenHash}`);
  return rows[0] ?? null;
}

export async function setToken(ex: Executor, organizationId: string, id: string, tokenHash: string, prefix: string): Promise<boolean> {
  const rows = await queryRows(ex, sql`update scim_directories set token_hash = ${tokenHash}, token_prefix = ${prefix}, updated_at = now() where organization_id = ${organizationId} and id = ${id} returning id`);
  return rows.length === 1;
}

/** Deletes the directory (its users, groups and mappings go with it; its members stay, released). */
export async function deleteDirectory(ex: Executor, organizationId: string, id: string): Promise<boolean> {
  const rows = await queryRows(ex, sql`delete from scim_directories where organization_id = ${organizationId} and id = ${id} returning id`);
  return rows.length === 1;
}

/** Marks a sync, at most every 10 s (a full resync is thousands of requests). */
export async function touchSync(ex: Executor, organizationId: string, id: string): Promise<void> {
  await ex.execute(sql`update scim_directories set last_sync_at = now()
     where organization_id = ${organizationId} and id = ${id} and (last_sync_at is null or last_sync_at < now() - interval '10 seconds')`);
}

// ---------------------------------------------------------------------------------------------
// Users

export interface ScimUserRow {
  id: string;
  organization_id: string;
  directory_id: string;
  user_id: string;
  user_name: string;
  external_id: string | null;
  display_name: string | null;
  active: boolean;
  attributes: Record<string, unknown>;
  created_account: boolean;
  base_role_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const USER_COLUMNS = sql`u.id, u.organization_id, u.directory_id, u.user_id, u.user_name, u.external_id, u.display_name, u.active, u.attributes, u.created_account, u.base_role_id, u.created_at, u.updated_at`;

export async function findUser(ex: Executor, organizationId: string, directoryId: string, id: string, forUpdate = false): Promise<ScimUserRow | null> {
  const rows = await queryRows<ScimUserRow>(ex, sql`
    select ${USER_COLUMNS} from scim_users u where u.organization_id = ${organizationId} and u.directory_id = ${directoryId} and u.id = ${id}
    ${forUpdate ? sql`for update` : sql``}`);
  return rows[0] ?? null;
}

export async function findUserByAccount(ex: Executor, organizationId: string, directoryId: string, userId: string): Promise<ScimUserRow | null> {
  const rows = await queryRows<ScimUserRow>(ex, sql`select ${USER_COLUMNS} from scim_users u where u.organization_id = ${organizationId} and u.directory_id = ${directoryId} and u.user_id = ${userId}`);
  return rows[0] ?? null;
}

/** A page of the directory's users matching the SCIM filter (compiled to one parameterised predicate), in id order, and how many match. */
export async function listUsers(ex: Executor, organizationId: string, directoryId: string, filter: Filter | null, offset: number, limit: number): Promise<{ rows: ScimUserRow[]; total: number }> {
  const where = sql`u.organization_id = ${organizationId} and u.directory_id = ${directoryId}${filter ? sql` and ${compileFilter(filter, userScope)}` : sql``}`;
  const [countRows, rows] = await Promise.all([
    queryRows<{ n: number }>(ex, sql`select count(*)::int as n from scim_users u where ${where}`),
    // the page's ids first (an index-only walk of scim_users_page_idx past `offset` entries), then only their rows
    limit > 0 ? queryRows<ScimUserRow>(ex, sql`
      select ${USER_COLUMNS} from scim_users u
        join (select u.id from scim_users u where ${where} order by u.id offset ${offset} limit ${limit}) page on page.id = u.id
       order by u.id`) : Promise.resolve([]),
  ]);
  return { rows, total: Number(countRows[0]!.n) };
}

function userUniqueness(err: unknown): never {
  if (isUniqueViolation(err, 'scim_users_user_name_key')) throw uniqueness('A User with this userName already exists in the directory.');
  if (isUniqueViolation(err, 'scim_users_directory_user_key')) throw uniqueness('The account behind this email is already a User of the directory.');
  throw err;
}

export async function insertUser(ex: Executor, row: Omit<ScimUserRow, 'created_at' | 'updated_at'>): Promise<ScimUserRow> {
  try {
    const rows = await queryRows<ScimUserRow>(ex, sql`
      insert into scim_users as u (id, organization_id, directory_id, user_id, user_name, external_id, display_name, active, attributes, created_account, base_role_id)
      values (${row.id}, ${row.organization_id}, ${row.directory_id}, ${row.user_id}, ${row.user_name}, ${row.external_id}, ${row.display_name}, ${row.active},
              ${JSON.stringify(row.attributes)}::jsonb, ${row.created_account}, ${row.base_role_id})
      returning ${USER_COLUMNS}`);
    return rows[0]!;
  } catch (err) {
    return userUniqueness(err);
  }
}

export async function updateUser(ex: Executor, organizationId: string, id: string, values: { user_name: string; external_id: string | null; display_name: string | null; active: boolean; attributes: Record<string, unknown> }): Promise<ScimUserRow> {
  try {
    const rows = await queryRows<ScimUserRow>(ex, sql`
      update scim_users u set user_name = ${values.user_name}, external_id = ${values.external_id}, display_name = ${values.display_name}, active = ${values.active},
             attributes = ${JSON.stringify(values.attributes)}::jsonb, updated_at = now()
       where u.organization_id = ${organizationId} and u.id = ${id}
      returning ${USER_COLUMNS}`);
    return rows[0]!;
  } catch (err) {
    return userUniqueness(err);
  }
}

export async function deleteUser(ex: Executor, organizationId: string, id: string): Promise<void> {
  await ex.execute(sql`delete from scim_users where organization_id = ${organizationId} and id = ${id}`);
}

/** The groups of each listed user (the User resource's read-only `groups`). */
export async function groupsOfUsers(ex: Executor, organizationId: string, scimUserIds: readonly string[]): Promise<{ scim_user_id: string; id: string; display_name: string }[]> {
  if (!scimUserIds.length) return [];
  return queryRows(ex, sql`
    select gm.scim_user_id, g.id, g.display_name from scim_group_members gm join scim_groups g on g.id = gm.group_id and g.organization_id = gm.organization_id
     where gm.organization_id = ${organizationId} and gm.scim_user_id = any(${uuids(scimUserIds)}) order by g.display_name, g.id`);
}

/** Other memberships of the account, in any organization (whether it belongs to anyone else). */
export async function countOtherMemberships(ex: Executor, userId: string, organizationId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(ex, sql`select count(*)::int as n from memberships where user_id = ${userId} and organization_id <> ${organizationId}`);
  return Number(rows[0]!.n);
}

// ---------------------------------------------------------------------------------------------
// Groups

export interface ScimGroupRow {
  id: string;
  organization_id: string;
  directory_id: string;
  display_name: string;
  external_id: string | null;
  role_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const GROUP_COLUMNS = sql`g.id, g.organization_id, g.directory_id, g.display_name, g.external_id, g.role_id, g.created_at, g.updated_at`;

export async function findGroup(ex: Executor, organizationId: string, directoryId: string, id: string, forUpdate = false): Promise<ScimGroupRow | null> {
  const rows = await queryRows<ScimGroupRow>(ex, sql`
    select ${GROUP_COLUMNS} from scim_groups g where g.organization_id = ${organizationId} and g.directory_id = ${directoryId} and g.id = ${id}
    ${forUpdate ? sql`for update` : sql``}`);
  return rows[0] ?? null;
}

export async function listGroups(ex: Executor, organizationId: string, directoryId: string, filter: Filter | null, offset: number, limit: number): Promise<{ rows: ScimGroupRow[]; total: number }> {
  const where = sql`g.organization_id = ${organizationId} and g.directory_id = ${directoryId}${filter ? sql` and ${compileFilter(filter, groupScope)}` : sql``}`;
  const [countRows, rows] = await Promise.all([
    queryRows<{ n: number }>(ex, sql`select count(*)::int as n from scim_groups g where ${where}`),
    limit > 0 ? queryRows<ScimGroupRow>(ex, sql`
      select ${GROUP_COLUMNS} from scim_groups g
        join (select g.id from scim_groups g where ${where} order by g.id offset ${offset} limit ${limit}) page on page.id = g.id
       order by g.id`) : Promise.resolve([]),
  ]);
  return { rows, total: Number(countRows[0]!.n) };
}

export async function insertGroup(ex: Executor, row: { id: string; organization_id: string; directory_id: string; display_name: string; external_id: string | null }): Promise<ScimGroupRow> {
  const rows = await queryRows<ScimGroupRow>(ex, sql`
    insert into scim_groups as g (id, organization_id, directory_id, display_name, external_id)
    values (${row.id}, ${row.organization_id}, ${row.directory_id}, ${row.display_name}, ${row.external_id})
    returning ${GROUP_COLUMNS}`);
  return rows[0]!;
}

export async function updateGroup(ex: Executor, organizationId: string, id: string, values: { display_name: string; external_id: string | null }): Promise<void> {
  await ex.execute(sql`update scim_groups set display_name = ${values.display_name}, external_id = ${values.external_id}, updated_at = now() where organization_id = ${organizationId} and id = ${id}`);
}

export async function touchGroup(ex: Executor, organizationId: string, id: string): Promise<void> {
  await ex.execute(sql`update scim_groups set updated_at = now() where organization_id = ${organizationId} and id = ${id}`);
}

export async function deleteGroup(ex: Executor, organizationId: string, id: string): Promise<void> {
  await ex.execute(sql`delete from scim_groups where organization_id = ${organizationId} and id = ${id}`);
}

export async function setGroupRole(ex: Executor, organizationId: string, directoryId: string, id: string, roleId: string | null): Promise<boolean> {
  const rows = await queryRows(ex, sql`update scim_groups set role_id = ${roleId}, updated_at = now() where organization_id = ${organizationId} and directory_id = ${directoryId} and id = ${id} returning id`);
  return rows.length === 1;
}

/** Members of the groups, with their userName (the member's `display`). */
export async function membersOfGroups(ex: Executor, organizationId: string, groupIds: readonly string[]): Promise<{ group_id: string; scim_user_id: string; user_name: string }[]> {
  if (!groupIds.length) return [];
  return queryRows(ex, sql`
    select gm.group_id, gm.scim_user_id, u.user_name from scim_group_members gm join scim_users u on u.id = gm.scim_user_id and u.organization_id = gm.organization_id
     where gm.organization_id = ${organizationId} and gm.group_id = any(${uuids(groupIds)}) order by gm.group_id, u.id`);
}

export async function memberIdsOf(ex: Executor, organizationId: string, groupId: string): Promise<string[]> {
  const rows = await queryRows<{ scim_user_id: string }>(ex, sql`select scim_user_id from scim_group_members where organization_id = ${organizationId} and group_id = ${groupId}`);
  return rows.map((r) => r.scim_user_id);
}

/** Which of the ids are Users of this directory (a member must be one). */
export async function existingUserIds(ex: Executor, organizationId: string, directoryId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await queryRows<{ id: string }>(ex, sql`select id from scim_users where organization_id = ${organizationId} and directory_id = ${directoryId} and id = any(${uuids(ids)})`);
  return new Set(rows.map((r) => r.id));
}

export async function addMembers(ex: Executor, organizationId: string, groupId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await queryRows<{ scim_user_id: string }>(ex, sql`
    insert into scim_group_members (organization_id, group_id, scim_user_id)
    select ${organizationId}, ${groupId}, x.id from unnest(${uuids(ids)}) as x(id)
    on conflict do nothing returning scim_user_id`);
  return rows.map((r) => r.scim_user_id);
}

export async function removeMembers(ex: Executor, organizationId: string, groupId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await queryRows<{ scim_user_id: string }>(ex, sql`
    delete from scim_group_members where organization_id = ${organizationId} and group_id = ${groupId} and scim_user_id = any(${uuids(ids)}) returning scim_user_id`);
  return rows.map((r) => r.scim_user_id);
}

/** The directory's groups for the dashboard, with member counts and mapped roles. */
export async function listGroupsWithRoles(ex: Executor, organizationId: string, directoryId: string): Promise<(ScimGroupRow & { member_count: number; role_name: string | null })[]> {
  return queryRows(ex, sql`
    select ${GROUP_COLUMNS}, r.name as role_name,
           (select count(*)::int from scim_group_members gm where gm.group_id = g.id) as member_count
      from scim_groups g left join roles r on r.id = g.role_id and r.organization_id = g.organization_id
     where g.organization_id = ${organizationId} and g.directory_id = ${directoryId}
     order by lower(g.display_name), g.id limit 1000`);
}

// ---------------------------------------------------------------------------------------------
// Roles the directory grants

export interface DesiredRoleRow {
  scim_user_id: string;
  user_id: string;
  membership_id: string | null;
  role_id: string | null;
  status: 'active' | 'suspended' | null;
  desired_role_id: string;
  active: boolean;
}

/**
 * What each listed User's membership should be: the role of their mapped group holding the most
 * permissions (ties: the lowest role id), else the role they held before the directory took them
 * over, else the directory's default role, else Member.
 */
export async function desiredRoles(ex: Executor, organizationId: string, scimUserIds: readonly string[]): Promise<DesiredRoleRow[]> {
  if (!scimUserIds.length) return [];
  return queryRows<DesiredRoleRow>(ex, sql`
    select su.id as scim_user_id, su.user_id, m.id as membership_id, m.role_id, m.status, su.active,
           coalesce(
             (select g.role_id from scim_group_members gm join scim_groups g on g.id = gm.group_id and g.organization_id = gm.organization_id
               where gm.scim_user_id = su.id and g.role_id is not null
               order by (select count(*) from role_permissions rp where rp.role_id = g.role_id) desc, g.role_id limit 1),
             su.base_role_id, d.default_role_id,
             (select r.id from roles r where r.organization_id = su.organization_id and r.is_system and r.name = 'Member')) as desired_role_id
      from scim_users su
      join scim_directories d on d.id = su.directory_id and d.organization_id = su.organization_id
      left join memberships m on m.organization_id = su.organization_id and m.user_id = su.user_id
     where su.organization_id = ${organizationId} and su.id = any(${uuids(scimUserIds)})`);
}

export async function roleName(ex: Executor, organizationId: string, roleId: string): Promise<string | null> {
  const rows = await queryRows<{ name: string }>(ex, sql`select name from roles where organization_id = ${organizationId} and id = ${roleId}`);
  return rows[0]?.name ?? null;
}
