// The overview's aggregates. Each reads one index range (migration 0019), never a table: sign-ups
// and accounts per month from users_created_at_idx, logins from audit_logs_login_events_idx (login
// events only), active users from the activity tables' primary keys, two-factor adoption from
// user_mfa_enabled_at_idx. Measured at a million users in docs/benchmarks.md (bench:overview).
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.js';

/** Per UTC day from `from` (a UTC midnight) on: accounts created. */
export async function signupsPerDay(ex: Executor, from: Date): Promise<Map<string, number>> {
  const rows = await queryRows<{ day: string; n: number }>(ex, sql`
    select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n
      from users where created_at >= ${from} group by 1`);
  return new Map(rows.map((r) => [r.day, r.n]));
}

/** Per UTC day from `from` on: successful logins (both names of the event) and failed ones (password or second factor). */
export async function loginsPerDay(ex: Executor, from: Date): Promise<Map<string, { logins: number; failed: number }>> {
  const rows = await queryRows<{ day: string; ok: number; failed: number }>(ex, sql`
    select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day,
           count(*) filter (where action in ('user.logged_in', 'user.login'))::int as ok,
           count(*) filter (where action in ('user.login.failed', 'user.login.mfa_failed'))::int as failed
      from audit_logs
     where action in ('user.logged_in', 'user.login', 'user.login.failed', 'user.login.mfa_failed') and created_at >= ${from}
     group by 1`);
  return new Map(rows.map((r) => [r.day, { logins: r.ok, failed: r.failed }]));
}

/** Per UTC day from `from` (a date) on: users with a session created or used that day. */
export async function activePerDay(ex: Executor, from: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ day: string; n: number }>(ex, sql`
    select to_char(day, 'YYYY-MM-DD') as day, count(*)::int as n from user_activity_days where day >= ${from}::date group by day`);
  return new Map(rows.map((r) => [r.day, r.n]));
}

/** Per month from `from` (a first of month) on: users active in that month. */
export async function activePerMonth(ex: Executor, from: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ month: string; n: number }>(ex, sql`
    select to_char(month, 'YYYY-MM-DD') as month, count(*)::int as n from user_activity_months where month >= ${from}::date group by month`);
  return new Map(rows.map((r) => [r.month, r.n]));
}

/**
 * Accounts and enabled second factors per month of creation / enabling, for all time (an index-only
 * pass over each index: the running totals need everything before the window too).
 */
export async function accountsPerMonth(ex: Executor): Promise<{ users: Map<string, number>; twoFactor: Map<string, number> }> {
  const [users, twoFactor] = await Promise.all([
    queryRows<{ month: string; n: number }>(ex, sql`
      select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM-DD') as month, count(*)::int as n from users group by 1`),
    queryRows<{ month: string; n: number }>(ex, sql`
      select to_char(date_trunc('month', enabled_at at time zone 'UTC'), 'YYYY-MM-DD') as month, count(*)::int as n
        from user_mfa where enabled_at is not null group by 1`),
  ]);
  return { users: new Map(users.map((r) => [r.month, r.n])), twoFactor: new Map(twoFactor.map((r) => [r.month, r.n])) };
}
