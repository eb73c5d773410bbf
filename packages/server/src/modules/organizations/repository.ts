import { and, eq, gt, ilike, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { preparedRows, preparedRowsOfText, queryRows, type Executor } from '../../db/client.js';
import { containsPattern } from '../../lib/like.js';
import { isUniqueViolation } from '../../db/errors.js';
import { memberships, organizations, roles } from '../../db/schema.js';
import { organizationNotFound } from '../../lib/errors.js';
import { slugCandidates } from '../../lib/slugs.js';
import { slugTaken } from './errors.js';

export type OrganizationRow = typeof organizations.$inferSelect;

/**
 * More writes riding in the organization's INSERT statement: WITH items that select from
 * `inserted` (the new row, with its `id`; empty when the slug was taken, so they write nothing).
 */
export type AlongWithInsert = (inserted: SQL) => SQL[];

type NewOrganizationRow = Pick<typeof organizations.$inferInsert, 'id' | 'name' | 'slug' | 'description' | 'metadata'>;

/** The new row, or null when the slug is taken (ON CONFLICT DO NOTHING keeps the transaction usable). */
async function insertOrNull(ex: Executor, row: NewOrganizationRow, along?: AlongWithInsert): Promise<OrganizationRow | null> {
  const inserted = sql`new_organization`;
  const [created] = await preparedRowsOfText<OrganizationRow>(ex, 'organization_insert', sql`
    with new_organization as (
      insert into organizations (id, name, slug, description, metadata)
      values (${row.id}::uuid, ${row.name}, ${row.slug}, ${row.description ?? null}, ${JSON.stringify(row.metadata ?? {})}::jsonb)
      on conflict (slug) do nothing
      returning *)${along ? sql`, ${sql.join(along(inserted), sql`, `)}` : sql``}
    select * from new_organization`);
  return created ?? null;
}

/** Inserts the organization under the first free slug among `slugCandidates(baseSlug)`. */
export async function insertWithFreeSlug(ex: Executor, row: Omit<NewOrganizationRow, 'slug'>, baseSlug: string, along?: AlongWithInsert): Promise<OrganizationRow> {
  let attempts = 0;
  for (const slug of slugCandidates(baseSlug)) {
    const created = await insertOrNull(ex, { ...row, slug }, along);
    if (created) return created;
    if (++attempts > 20) break;
  }
  throw new Error('could not find a free organization slug');
}

/** A live organization, its row locked until the transaction ends: a concurrent delete waits, or has won. */
export async function findByIdForUpdate(ex: Executor, id: string): Promise<OrganizationRow | null> {
  const [row] = await ex.select().from(organizations).where(and(eq(organizations.id, id), isNull(organizations.deleted_at))).for('update');
  return row ?? null;
}

/** A live (not deleted) organization by id (prepared: GET /orgs/{id} is on hot paths). */
export async function findById(ex: Executor, id: string): Promise<OrganizationRow | null> {
  const [row] = await preparedRows<OrganizationRow>(ex, 'organization_by_id', sql`select * from organizations where id = ${id} and deleted_at is null`);
  return row ?? null;
}

/** The first free slug among `slugCandidates(base)`, for suggestions. */
export async function suggestSlug(ex: Executor, base: string): Promise<string> {
  const taken = new Set(
    (await ex.select({ slug: organizations.slug }).from(organizations).where(like(organizations.slug, `${base}%`)).limit(200)).map((r) => r.slug),
  );
  for (const candidate of slugCandidates(base)) if (!taken.has(candidate)) return candidate;
  return base;
}

/** Inserts under exactly `slug`; a taken slug becomes organization.slug_taken with a suggestion. */
export async function insert(ex: Executor, row: NewOrganizationRow, along?: AlongWithInsert): Promise<OrganizationRow> {
  const created = await insertOrNull(ex, row, along);
  if (!created) throw slugTaken(await suggestSlug(ex, row.slug));
  return created;
}

/** Updates a live organization; one deleted meanwhile (or never there) is organization.not_found. */
export async function update(ex: Executor, id: string, values: Partial<typeof organizations.$inferInsert>): Promise<OrganizationRow> {
  let row: OrganizationRow | undefined;
  try {
    [row] = await ex
      .update(organizations)
      .set({ ...values, updated_at: new Date() })
      .where(and(eq(organizations.id, id), isNull(organizations.deleted_at)))
      .returning();
  } catch (err) {
    if (isUniqueViolation(err) && values.slug) {
      const candidates = slugCandidates(values.slug);
      candidates.next();
      throw slugTaken(candidates.next().value!);
    }
    throw err;
  }
  if (!row) throw organizationNotFound();
  return row;
}

/** Soft delete: the row and its audit trail stay; the slug is freed for reuse. False when it was already deleted. */
export async function softDelete(ex: Executor, id: string): Promise<boolean> {
  const rows = await ex
    .update(organizations)
    .set({ deleted_at: new Date(), is_active: false, slug: sql`${organizations.slug} || '~deleted~' || ${organizations.id}`, updated_at: new Date() })
    .where(and(eq(organizations.id, id), isNull(organizations.deleted_at)))
    .returning({ id: organizations.id });
  return rows.length === 1;
}

/** Serialises changes to one organization's ownership (last-owner checks) across transactions. */
export interface OrganizationWithRole extends OrganizationRow {
  your_role: string;
  your_role_id: string;
}

/** The caller's live organizations where their membership is active. */
export async function listForUser(ex: Executor, userId: string): Promise<OrganizationWithRole[]> {
  const rows = await ex
    .select({ org: organizations, your_role: roles.name, your_role_id: roles.id })
    .from(memberships)
    .innerJoin(organizations, and(eq(organizations.id, memberships.organization_id), isNull(organizations.deleted_at)))
    .innerJoin(roles, and(eq(roles.id, memberships.role_id), eq(roles.organization_id, memberships.organization_id)))
    .where(and(eq(memberships.user_id, userId), eq(memberships.status, 'active')))
    .orderBy(organizations.name, organizations.id);
  return rows.map((r) => ({ ...r.org, your_role: r.your_role, your_role_id: r.your_role_id }));
}

/** Superuser listing of every organization, keyset by id, optionally searching name or slug. */
export async function listAll(ex: Executor, filter: { limit: number; afterId?: string; search?: string }): Promise<OrganizationRow[]> {
  const conditions = [isNull(organizations.deleted_at)];
  if (filter.afterId) conditions.push(gt(organizations.id, filter.afterId));
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    conditions.push(or(ilike(organizations.name, pattern), ilike(organizations.slug, pattern))!);
  }
  return ex.select().from(organizations).where(and(...conditions)).orderBy(organizations.id).limit(filter.limit + 1);
}
