// The overview's aggregates. Each reads one index range (migration 0019), never a table: sign-ups
// and accounts per month from users_created_at_idx, logins from audit_logs_login_events_idx (login
// events only), active users from the activity tables' primary keys (closed periods once, then from
// activity_counts), two-factor adoption from user_mfa_enabled_at_idx. Measured at a million users in docs/benchmarks.md (bench:overview).
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.js';

/** Per UTC day from `from` (a UTC midnight) on: accounts created. */
export async function signupsPerDay(ex: Executor, from: Date): Promise<Map<string, number>> {
  const rows = await queryRows<{ day: string; n: number }>(ex, sql`
    select to_char(d, 'YYYY-MM-DD') as day, n from (
      select (created_at at time zone 'UTC')::date as d, count(*)::int as n from users where created_at >= ${from} group by 1) per_day`);
  return new Map(rows.map((r) => [r.day, r.n]));
}

/** Per UTC day from `from` on: successful logins (both names of the event) and failed ones (password or second factor). */
export async function loginsPerDay(ex: Executor, from: Date): Promise<Map<string, { logins: number; failed: number }>> {
  const rows = await queryRows<{ day: string; ok: number; failed: number }>(ex, sql`
    select to_char(d, 'YYYY-MM-DD') as day, ok, failed from (
      select (created_at at time zone 'UTC')::date as d,
             count(*) filter (where action in ('user.logged_in', 'user.login'))::int as ok,
             count(*) filter (where action in ('user.login.failed', 'user.login.mfa_failed'))::int as failed
        from audit_logs
       where action in ('user.logged_in', 'user.login', 'user.login.failed', 'user.login.mfa_failed') and created_at >= ${from}
       group by 1) per_day`);
  return new Map(rows.map((r) => [r.day, { logins: r.ok, failed: r.failed }]));
}

/** Users active in each period starting on `from`…`to` (dates, inclusive), counted from the activity tables' primary keys. */
export async function countActive(ex: Executor, period: 'day' | 'month', from: string, to: string): Promise<Map<string, number>> {
  const rows = period === 'day'
    ? await queryRows<{ starts_on: string; n: number }>(ex, sql`
        select to_char(day, 'YYYY-MM-DD') as starts_on, count(*)::int as n from user_activity_days where day between ${from}::date and ${to}::date group by day`)
    : await queryRows<{ starts_on: string; n: number }>(ex, sql`
        select to_char(month, 'YYYY-MM-DD') as starts_on, count(*)::int as n from user_activity_months where month between ${from}::date and ${to}::date group by month`);
  return new Map(rows.map((r) => [r.starts_on, r.n]));
}

/** The kept counts of closed periods starting on `from`…`to`. */
export async function keptCounts(ex: Executor, period: 'day' | 'month', from: string, to: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ starts_on: string; users: number }>(ex, sql`
    select to_char(starts_on, 'YYYY-MM-DD') as starts_on, users from activity_counts where period = ${period} and starts_on between ${from}::date and ${to}::date`);
  return new Map(rows.map((r) => [r.starts_on, r.users]));
}

/** Keeps the counts of closed periods (a concurrent request keeping the same ones is harmless: equal values). */
export async function keepCounts(ex: Executor, period: 'day' | 'month' | 'accounts', counts: [string, number][]): Promise<void> {
  if (counts.length === 0) return;
  await ex.execute(sql`insert into activity_counts (period, starts_on, users)
    values ${sql.join(counts.map(([startsOn, users]) => sql`(${period}, ${startsOn}::date, ${users})`), sql`, `)}
    on conflict do nothing`);
}

/** Accounts created per month, from `from` (a first of month, UTC) on; all of them without `from`. */
export async function accountsPerMonth(ex: Executor, from?: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ month: string; n: number }>(ex, sql`
    select to_char(m, 'YYYY-MM-DD') as month, n from (
      select date_trunc('month', created_at at time zone 'UTC')::date as m, count(*)::int as n from users
       ${from ? sql`where created_at >= (${from}::date)::timestamp at time zone 'UTC'` : sql``} group by 1) per_month`);
  return new Map(rows.map((r) => [r.month, r.n]));
}

/** Second factors enabled (and still enabled) per month, all time (user_mfa_enabled_at_idx). */
export async function twoFactorPerMonth(ex: Executor): Promise<Map<string, number>> {
  const rows = await queryRows<{ month: string; n: number }>(ex, sql`
    select to_char(m, 'YYYY-MM-DD') as month, n from (
      select date_trunc('month', enabled_at at time zone 'UTC')::date as m, count(*)::int as n from user_mfa where enabled_at is not null group by 1) per_month`);
  return new Map(rows.map((r) => [r.month, r.n]));
}

/** Every kept count of a kind (the accounts of all closed months: a few hundred rows at most). */
export async function allKeptCounts(ex: Executor, period: 'accounts'): Promise<Map<string, number>> {
  const rows = await queryRows<{ starts_on: string; users: number }>(ex, sql`
    select to_char(starts_on, 'YYYY-MM-DD') as starts_on, users from activity_counts where period = ${period}`);
  return new Map(rows.map((r) => [r.starts_on, r.users]));
}
