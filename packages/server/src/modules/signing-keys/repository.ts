import { desc, isNull, sql } from 'drizzle-orm';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.js';
import { queryRows, type Executor } from '../../db/client.js';
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

/** The advisory lock under which keys are added (first key, rotation). */
const KEYS_LOCK = ADVISORY_LOCKS.signingKeys;

/** Serialises key changes across processes until the caller's transaction ends. */
export async function lockKeys(ex: Executor): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock(${KEYS_LOCK})`);
}

/** Whether a key signs now (an un-retired one exists). */
export async function hasCurrent(ex: Executor): Promise<boolean> {
  return (await queryRows<{ one: number }>(ex, sql`select 1 as one from signing_keys where retired_at is null limit 1`)).length > 0;
}
