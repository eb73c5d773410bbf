import { sql } from 'drizzle-orm';
import type { MyMembership } from '@saasready/contracts';
import { queryRows, type Executor } from '../../db/client.js';
import { memberships } from '../../db/schema.js';

export async function insert(ex: Executor, row: typeof memberships.$inferInsert): Promise<void> {
  await ex.insert(memberships).values(row);
}

/** The caller's own memberships in live organizations, with each role's permissions. */
export async function listForUser(ex: Executor, userId: string): Promise<MyMembership[]> {
  const rows = await queryRows<MyMembership>(ex, sql`
    select m.id, m.organization_id, o.name as organization_name, o.slug as organization_slug,
           m.role_id, r.name as role_name, m.status,
           coalesce(array_agg(rp.permission order by rp.permission) filter (where rp.permission is not null), '{}') as permissions
      from memberships m
      join organizations o on o.id = m.organization_id and o.deleted_at is null
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
      left join role_permissions rp on rp.role_id = m.role_id
     where m.user_id = ${userId}
     group by m.id, o.id, r.id
     order by m.created_at, m.id`);
  return rows.map((row) => ({ ...row, permissions: [...(row.permissions as string[])] }));
}

export interface AccessRow {
  membership_id: string;
  role_id: string;
  role_name: string;
  status: string;
  permissions: string[];
}

/**
 * The guard's lookup: the user's membership in one live organization with its permissions,
 * in one indexed query (memberships_org_user_key), or null when they are not a member.
 */
export async function findAccess(ex: Executor, organizationId: string, userId: string): Promise<AccessRow | null> {
  const rows = await queryRows<AccessRow>(ex, sql`
    select m.id as membership_id, m.role_id, r.name as role_name, m.status,
           coalesce(array_agg(rp.permission) filter (where rp.permission is not null), '{}') as permissions
      from memberships m
      join organizations o on o.id = m.organization_id and o.deleted_at is null
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
      left join role_permissions rp on rp.role_id = m.role_id
     where m.organization_id = ${organizationId} and m.user_id = ${userId}
     group by m.id, r.id`);
  return rows[0] ?? null;
}
