import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { mfaBackupCodes, mfaChallenges, userMfa } from '../../db/schema.js';

export type UserMfaRow = typeof userMfa.$inferSelect;

export async function find(ex: Executor, userId: string): Promise<UserMfaRow | null> {
  const [row] = await ex.select().from(userMfa).where(eq(userMfa.user_id, userId)).limit(1);
  return row ?? null;
}

/** Starts (or restarts) an unconfirmed enrolment. */
export async function upsertPending(ex: Executor, userId: string, secretEnc: string): Promise<void> {
  await ex
    .insert(userMfa)
    .values({ user_id: userId, secret_enc: secretEnc })
    .onConflictDoUpdate({ target: userMfa.user_id, set: { secret_enc: secretEnc, enabled_at: null, last_used_step: null, created_at: new Date() } });
}

export async function enable(ex: Executor, userId: string): Promise<void> {
  await ex.update(userMfa).set({ enabled_at: new Date() }).where(eq(userMfa.user_id, userId));
}

/** Records that a code of `step` was used; false when that step (or a later one) was already used: a replay. */
export async function useStep(ex: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await ex
    .update(userMfa)
    .set({ last_used_step: step })
    .where(and(eq(userMfa.user_id, userId), or(isNull(userMfa.last_used_step), lt(userMfa.last_used_step, step))))
    .returning({ user_id: userMfa.user_id });
  return rows.length === 1;
}

async function deleteRow(ex: Executor, userId: string): Promise<void> {
  await ex.delete(mfaBackupCodes).where(eq(mfaBackupCodes.user_id, userId));
  await ex.delete(userMfa).where(eq(userMfa.user_id, userId));
}

export async function replaceBackupCodes(ex: Executor, userId: string, rows: { id: string; code_hash: string }[]): Promise<void> {
  await ex.delete(mfaBackupCodes).where(eq(mfaBackupCodes.user_id, userId));
  await ex.insert(mfaBackupCodes).values(rows.map((r) => ({ ...r, user_id: userId })));
}

/** Spends a backup code; false when it does not exist or was used. */
export async function useBackupCode(ex: Executor, userId: string, codeHash: string): Promise<boolean> {
  const rows = await ex
    .update(mfaBackupCodes)
    .set({ used_at: new Date() })
    .where(and(eq(mfaBackupCodes.user_id, userId), eq(mfaBackupCodes.code_hash, codeHash), isNull(mfaBackupCodes.used_at)))
    .returning({ id: mfaBackupCodes.id });
  return rows.length === 1;
}

export async function insertChallenge(ex: Executor, row: typeof mfaChallenges.$inferInsert): Promise<void> {
  await ex.insert(mfaChallenges).values(row);
}

export async function findChallenge(ex: Executor, tokenHash: string) {
  const [row] = await ex.select().from(mfaChallenges).where(eq(mfaChallenges.token_hash, tokenHash)).limit(1);
  return row ?? null;
}

/** `repository.delete(…)`: the style guide's repository verb (a reserved word cannot name a function declaration). */
export { deleteRow as delete };
