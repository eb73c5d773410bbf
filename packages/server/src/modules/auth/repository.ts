import { eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.js';
import { loginThrottles } from '../../db/schema.js';

/** Failures older than this are forgotten. */
const FAILURE_MEMORY = sql`interval '24 hours'`;

export async function findLock(ex: Executor, email: string): Promise<Date | null> {
  const [row] = await ex.select({ locked_until: loginThrottles.locked_until }).from(loginThrottles).where(eq(loginThrottles.email, email));
  return row?.locked_until && row.locked_until > new Date() ? row.locked_until : null;
}

/** Counts one failed login and returns the failure count (reset after a day of quiet). */
export async function recordFailure(ex: Executor, email: string): Promise<number> {
  const rows = await queryRows<{ failures: number }>(ex, sql`
    insert into login_throttles (email, failures, updated_at) values (${email}, 1, now())
    on conflict (email) do update set
      failures = case when login_throttles.updated_at < now() - ${FAILURE_MEMORY} then 1 else login_throttles.failures + 1 end,
      updated_at = now()
    returning failures`);
  return Number(rows[0]!.failures);
}

export async function lockUntil(ex: Executor, email: string, until: Date): Promise<void> {
  await ex.update(loginThrottles).set({ locked_until: until }).where(eq(loginThrottles.email, email));
}

export async function clearFailures(ex: Executor, email: string): Promise<void> {
  await ex.delete(loginThrottles).where(eq(loginThrottles.email, email));
}
