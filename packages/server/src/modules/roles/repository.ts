import { and, eq, sql, type SQL } from 'drizzle-orm';
import { SYSTEM_ROLE_IDS, SYSTEM_ROLES, type SystemRoleName } from '@saasready/contracts';
import { queryRows, type Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { memberships, rolePermissions, roles } from '../../db/schema.js';
import { roleNameTaken } from './errors.js';

/**
 * A WITH item that gives the organization(s) `organizations` selects (a relation with an `id`
 * column, e.g. the CTE inserting one) the four system roles: rows with the fixed ids, and no
 * permission rows — a system role's permissions are the instance's (migration 0024).
 */
export function insertSystemRolesFor(organizations: SQL): SQL {
  const values = (Object.keys(SYSTEM_ROLES) as SystemRoleName[]).map((name) => sql`(${SYSTEM_ROLE_IDS[name]}::uuid, ${name}, ${`${name} (system role)`})`);
  return sql`system_roles as (
    insert into roles (id, organization_id, name, description, is_system)
    select v.id, o.id, v.name, v.description, true from ${organizations} o cross join (values ${sql.join(values, sql`, `)}) v(id, name, description))`;
}

export interface RoleRow {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  is_system: boolean;
  permissions: string[];
  created_at: Date | string;
  updated_at: Date | string;
}

// A correlated index scan of role_permissions' primary key per role (as memberships/repository.ts
// reads permissions), not a join: the join's `or organization_id is null` made PostgreSQL scan the
// whole table. A system role's permissions are the shared rows (organization null), a custom role's
// its own (its id is unique instance-wide, and migration 0024's check keeps shared rows off it).
const ROLE_SELECT = sql`
  select r.id, r.organization_id, r.name, r.description, r.is_system, r.created_at, r.updated_at,
         array(select rp.permission from role_permissions rp
                where rp.role_id = r.id and (rp.organization_id = r.organization_id or rp.organization_id is null)
                order by rp.permission) as permissions
    from roles r`;

/** System roles first (Owner, Admin, Member, Viewer), then custom roles by name. */
export async function list(ex: Executor, organizationId: string): Promise<RoleRow[]> {
  return queryRows<RoleRow>(ex, sql`${ROLE_SELECT}
     where r.organization_id = ${organizationId}
     order by r.is_system desc,
              array_position(array['Owner','Admin','Member','Viewer'], r.name) nulls last, r.name`);
}

export async function findById(ex: Executor, organizationId: string, roleId: string): Promise<RoleRow | null> {
  const rows = await queryRows<RoleRow>(ex, sql`${ROLE_SELECT}
     where r.organization_id = ${organizationId} and r.id = ${roleId}`);
  return rows[0] ?? null;
}

export async function insert(
  ex: Executor,
  organizationId: string,
  values: { id: string; name: string; description: string | null; permissions: string[] },
): Promise<void> {
  try {
    await ex.insert(roles).values({ id: values.id, organization_id: organizationId, name: values.name, description: values.description, is_system: false });
  } catch (err) {
    if (isUniqueViolation(err)) throw roleNameTaken();
    throw err;
  }
  await replacePermissions(ex, organizationId, values.id, values.permissions);
}

export async function update(ex: Executor, organizationId: string, roleId: string, values: { name?: string; description?: string | null }): Promise<void> {
  try {
    await ex.update(roles).set({ ...values, updated_at: new Date() }).where(and(eq(roles.organization_id, organizationId), eq(roles.id, roleId)));
  } catch (err) {
    if (isUniqueViolation(err)) throw roleNameTaken();
    throw err;
  }
}

export async function replacePermissions(ex: Executor, organizationId: string, roleId: string, permissions: string[]): Promise<void> {
  await ex.delete(rolePermissions).where(and(eq(rolePermissions.organization_id, organizationId), eq(rolePermissions.role_id, roleId)));
  if (permissions.length) {
    await ex.insert(rolePermissions).values(permissions.map((permission) => ({ organization_id: organizationId, role_id: roleId, permission })));
  }
}

async function deleteRow(ex: Executor, organizationId: string, roleId: string): Promise<void> {
  await ex.delete(roles).where(and(eq(roles.organization_id, organizationId), eq(roles.id, roleId)));
}

/** The members holding the role. */
export async function countWithRole(ex: Executor, organizationId: string, roleId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(ex, sql`select count(*)::int as n from memberships where organization_id = ${organizationId} and role_id = ${roleId}`);
  return Number(rows[0]!.n);
}

/** Moves every holder of `fromRoleId` to `toRoleId`; answers how many moved. */
export async function reassignRole(ex: Executor, organizationId: string, fromRoleId: string, toRoleId: string): Promise<number> {
  const rows = await ex
    .update(memberships)
    .set({ role_id: toRoleId, updated_at: new Date() })
    .where(and(eq(memberships.organization_id, organizationId), eq(memberships.role_id, fromRoleId)))
    .returning({ id: memberships.id });
  return rows.length;
}

// A role's invitations: deleting the role must never drop a pending one silently (the foreign key
// cascades), so the deletion moves them first; these two queries belong to that step.

/** The role's invitations, locked (pending ones first, each list in id order). */
export async function invitationsWithRole(ex: Executor, organizationId: string, roleId: string): Promise<{ pending: string[]; ended: string[] }> {
  const rows = await queryRows<{ id: string; status: string }>(ex, sql`
    select id, status from invitations where organization_id = ${organizationId} and role_id = ${roleId} order by id for update`);
  return { pending: rows.filter((r) => r.status === 'pending').map((r) => r.id), ended: rows.filter((r) => r.status !== 'pending').map((r) => r.id) };
}

/** Moves the role's pending invitations to another role of the organization. */
export async function reassignPendingInvitations(ex: Executor, organizationId: string, fromRoleId: string, toRoleId: string): Promise<void> {
  await ex.execute(sql`
    update invitations set role_id = ${toRoleId}, updated_at = now()
     where organization_id = ${organizationId} and role_id = ${fromRoleId} and status = 'pending'`);
}

/** `repository.delete(…)`: the style guide's repository verb (a reserved word cannot name a function declaration). */
export { deleteRow as delete };
