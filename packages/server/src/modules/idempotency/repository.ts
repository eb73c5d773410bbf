import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/**
 * Claims the key for this request until `expires_at` (the in-progress lease); null when a live
 * record already exists. Expired records (answers past their TTL, claims past their lease) are
 * replaced. The returned claim id (its `created_at`, millisecond-exact) lets `complete` and
 * `release` touch only this claim, never a later one that replaced it after the lease.
 */
export async function claim(ex: Executor, row: { principal: string; key: string; method: string; path: string; body_hash: string; expires_at: Date }): Promise<Date | null> {
  await ex.delete(idempotencyKeys).where(and(eq(idempotencyKeys.principal, row.principal), eq(idempotencyKeys.key, row.key), lt(idempotencyKeys.expires_at, sql`now()`)));
  const claimedAt = new Date();
  const inserted = await ex.insert(idempotencyKeys).values({ ...row, status: 'in_progress', created_at: claimedAt }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  return inserted.length === 1 ? claimedAt : null;
}

const ownClaim = (principal: string, key: string, claimedAt: Date) =>
  and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key), eq(idempotencyKeys.status, 'in_progress'), eq(idempotencyKeys.created_at, claimedAt));

export async function find(ex: Executor, principal: string, key: string): Promise<IdempotencyRow | null> {
  const [row] = await ex.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key))).limit(1);
  return row ?? null;
}

/** Stores the answer of this claim, kept until `expiresAt`. */
export async function complete(ex: Executor, principal: string, key: string, claimedAt: Date, status: number, body: unknown, expiresAt: Date): Promise<void> {
  await ex
    .update(idempotencyKeys)
    .set({ status: 'completed', response_status: status, response_body: body, expires_at: expiresAt })
    .where(ownClaim(principal, key, claimedAt));
}

export async function release(ex: Executor, principal: string, key: string, claimedAt: Date): Promise<void> {
  await ex.delete(idempotencyKeys).where(ownClaim(principal, key, claimedAt));
}
