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

const SELECT = sql`
  select k.*, coalesce(array_agg(p.permission order by p.permission) filter (where p.permission is not null), '{}') as permissions
    from api_keys k
    left join api_key_permissions p on p.api_key_id = k.id and p.organization_id = k.organization_id`;

export async function insert(ex: Executor, row: typeof apiKeys.$inferInsert, permissions: string[]): Promise<void> {
  await ex.insert(apiKeys).values(row);
  await ex.insert(apiKeyPermissions).values(permissions.map((permission) => ({ organization_id: row.organization_id, api_key_id: row.id, permission })));
}

export async function list(ex: Executor, organizationId: string): Promise<ApiKeyRow[]> {
  return queryRows<ApiKeyRow>(ex, sql`${SELECT} where k.organization_id = ${organizationId} group by k.id order by k.id desc limit 500`);
}

export async function findById(ex: Executor, organizationId: string, id: string): Promise<ApiKeyRow | null> {
  const rows = await queryRows<ApiKeyRow>(ex, sql`${SELECT} where k.organization_id = ${organizationId} and k.id = ${id} group by k.id`);
  return rows[0] ?? null;
}

/** A key as authentication needs it: the row, its permissions, and whether its organization still exists. */
export type ApiKeyAuthRow = ApiKeyRow & { org_live: boolean };

/** The authentication lookup: by the key's public prefix, with its permissions, in one query. */
export async function findByPrefix(ex: Executor, prefix: string): Promise<ApiKeyAuthRow | null> {
  const rows = await queryRows<ApiKeyAuthRow>(ex, sql`
    select k.*, (o.deleted_at is null) as org_live,
           coalesce(array_agg(p.permission) filter (where p.permission is not null), '{}') as permissions
      from api_keys k
      join organizations o on o.id = k.organization_id
      left join api_key_permissions p on p.api_key_id = k.id and p.organization_id = k.organization_id
     where k.prefix = ${prefix}
     group by k.id, o.id`);
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
