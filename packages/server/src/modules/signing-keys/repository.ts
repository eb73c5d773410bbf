import { desc, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { signingKeys } from '../../db/schema.js';

export type SigningKeyRow = typeof signingKeys.$inferSelect;

export async function listAll(ex: Executor): Promise<SigningKeyRow[]> {
  return ex.select().from(signingKeys).orderBy(desc(signingKeys.created_at));
}

export async function insert(ex: Executor, row: typeof signingKeys.$inferInsert): Promise<void> {
  await ex.insert(signingKeys).values(row);
}

/** Retires every current key, so the next inserted one becomes the signing key. */
export async function retireCurrent(ex: Executor): Promise<void> {
  await ex.update(signingKeys).set({ retired_at: new Date() }).where(isNull(signingKeys.retired_at));
}
