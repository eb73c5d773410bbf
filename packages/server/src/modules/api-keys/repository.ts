import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.js';
import { apiKeyPermissions, apiKeys } from '../../db/schema.js';

export interface ApiKeyRow {
  id: string;
  organization_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_by: string | null;
  created_at: Date | string;
  last_used_at: Date | string | null;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
  permissions: string[];
}

/** The creator's standing in the key's organization, read with the key (a key acts with at most what its creator holds now). */
export interface CreatorStanding {
  /** the creator's membership status; null when they are no longer a member (or the user is gone) */
  creator_status: 'active' | 'suspended' | null;
  /** false when the creator's account was disabled (or deleted) */
  creator_user_active: boolean;
  /** the creator's current role's permissions ('{}' when not a member) */
  creator_permissions: string[];
}

export type ApiKeyListRow = ApiKeyRow & CreatorStanding;

// the creator's membership in the key's organization, its role's permissions and their account
const CREATOR = sql`
  left join memberships cm on cm.organization_id = k.organization_id and cm.user_id = k.created_by
  left join users cu on cu.id = k.created_by`;
const CREATOR_COLUMNS = sql`cm.status as creator_status, coalesce(cu.is_active, false) as creator_user_active,
  array(select rp.permission from role_permissions rp where rp.role_id = cm.role_id) as creator_permissions`;


export async function insert(ex: Executor, row: typeof apiKeys.$inferInsert, permissions: string[]): Promise<void> {
  await ex.insert(apiKeys).values(row);
  await ex.insert(apiKeyPermissions).values(permissions.map((permission) => ({ organization_id: row.organization_id, api_key_id: row.id, permission })));
}

const WITH_CREATOR = sql`
  select k.*, ${CREATOR_COLUMNS},
         coalesce(array_agg(p.permission order by p.permission) filter (where p.permission is not null), '{}') as permissions
    from api_keys k
    left join api_key_permissions p on p.api_key_id = k.id and p.organization_id = k.organization_id
    ${CREATOR}`;

export async function list(ex: Executor, organizationId: string): Promise<ApiKeyListRow[]> {
  return queryRows<ApiKeyListRow>(ex, sql`${WITH_CREATOR} where k.organization_id = ${organizationId} group by k.id, cm.id, cu.id order by k.id desc limit 500`);
}

export async function findById(ex: Executor, organizationId: string, id: string): Promise<ApiKeyListRow | null> {
  const rows = await queryRows<ApiKeyListRow>(ex, sql`${WITH_CREATOR} where k.organization_id = ${organizationId} and k.id = ${id} group by k.id, cm.id, cu.id`);
  return rows[0] ?? null;
}

/** The live (unrevoked, unexpired) keys one user created in an organization. */
export async function listLiveByCreator(ex: Executor, organizationId: string, userId: string): Promise<{ id: string; name: string; prefix: string }[]> {
  return queryRows<{ id: string; name: string; prefix: string }>(ex, sql`
    select id, name, prefix from api_keys
     where organization_id = ${organizationId} and created_by = ${userId} and revoked_at is null and (expires_at is null or expires_at > now())
     order by id`);
}


/** A key as authentication needs it: the row, its permissions, its creator's standing, and whether its organization still exists. */
export type ApiKeyAuthRow = ApiKeyListRow & { org_live: boolean };

/**
 * The authentication lookup: by the key's public prefix, with its permissions and its creator's
 * current membership, role permissions and account, in one query (memberships_org_user_key).
 */
export async function findByPrefix(ex: Executor, prefix: string): Promise<ApiKeyAuthRow | null> {
  const rows = await queryRows<ApiKeyAuthRow>(ex, sql`
    select k.*, (o.deleted_at is null) as org_live, ${CREATOR_COLUMNS},
           coalesce(array_agg(p.permission) filter (where p.permission is not null), '{}') as permissions
      from api_keys k
      join organizations o on o.id = k.organization_id
      left join api_key_permissions p on p.api_key_id = k.id and p.organization_id = k.organization_id
      ${CREATOR}
     where k.prefix = ${prefix}
     group by k.id, o.id, cm.id, cu.id`);
  return rows[0] ?? null;
}

export async function revoke(ex: Executor, organizationId: string, id: string): Promise<boolean> {
  const rows = await ex
    .update(apiKeys)
    .set({ revoked_at: new Date() })
    .where(and(eq(apiKeys.organization_id, organizationId), eq(apiKeys.id, id), isNull(apiKeys.revoked_at)))
    .returning({ id: apiKeys.id });
  return rows.length === 1;
}

export async function touch(ex: Executor, id: string): Promise<void> {
  await ex.update(apiKeys).set({ last_used_at: new Date() }).where(eq(apiKeys.id, id));
}
