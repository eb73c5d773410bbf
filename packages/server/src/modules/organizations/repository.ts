import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { organizations } from '../../db/schema.js';
import { slugCandidates } from '../../lib/slugs.js';

export type OrganizationRow = typeof organizations.$inferSelect;

/**
 * Inserts the organization under the first free slug among `slugCandidates(baseSlug)`.
 * ON CONFLICT DO NOTHING keeps the surrounding transaction usable when a slug is taken concurrently.
 */
export async function insertWithFreeSlug(
  ex: Executor,
  row: Omit<typeof organizations.$inferInsert, 'slug'>,
  baseSlug: string,
): Promise<OrganizationRow> {
  let attempts = 0;
  for (const slug of slugCandidates(baseSlug)) {
    const [created] = await ex.insert(organizations).values({ ...row, slug }).onConflictDoNothing({ target: organizations.slug }).returning();
    if (created) return created;
    if (++attempts > 20) break;
  }
  throw new Error('could not find a free organization slug');
}

/** A live (not deleted) organization by id. */
export async function findById(ex: Executor, id: string): Promise<OrganizationRow | null> {
  const [row] = await ex.select().from(organizations).where(and(eq(organizations.id, id), isNull(organizations.deleted_at))).limit(1);
  return row ?? null;
}
