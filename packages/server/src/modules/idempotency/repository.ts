import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/** Claims the key for this request; false when a live record already exists. Expired records are replaced. */
export async function claim(ex: Executor, row: { principal: string; key: string; method: string; path: string; body_hash: string; expires_at: Date }): Promise<boolean> {
  await ex.delete(idempotencyKeys).where(and(eq(idempotencyKeys.principal, row.principal), eq(idempotencyKeys.key, row.key), lt(idempotencyKeys.expires_at, sql`now()`)));
  const inserted = await ex.insert(idempotencyKeys).values({ ...row, status: 'in_progress' }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  return inserted.length === 1;
}

export async function find(ex: Executor, principal: string, key: string): Promise<IdempotencyRow | null> {
  const [row] = await ex.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key))).limit(1);
  return row ?? null;
}

export async function complete(ex: Executor, principal: string, key: string, status: number, body: unknown): Promise<void> {
  await ex
    .update(idempotencyKeys)
    .set({ status: 'completed', response_status: status, response_body: body })
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
}

export async function release(ex: Executor, principal: string, key: string): Promise<void> {
  await ex.delete(idempotencyKeys).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
}
