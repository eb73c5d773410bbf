// Lockout buckets in SQL. Every change is one statement, so two processes (or two hundred
// concurrent requests) counting the same bucket serialise on its row and never both pass.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.js';

/** One counter: who is guessed at, from where, and how many checks it allows before locking. */
export interface Bucket {
  subject: string;
  source: string;
  threshold: number;
}

export interface LockPolicy {
  baseSeconds: number;
  maxSeconds: number;
}

/** Failures older than this are forgotten. */
const FAILURE_MEMORY = sql`interval '24 hours'`;
/** A reservation not finished within this is treated as lost (the process died mid-check). */
const RESERVATION_LEASE = sql`interval '60 seconds'`;

/** The buckets as a VALUES list (subject, source, threshold, position), so one statement serves them all. */
const bucketValues = (buckets: readonly Bucket[]) =>
  sql.join(buckets.map((b, i) => sql`(${b.subject}::text, ${b.source}::text, ${b.threshold}::int, ${i}::int)`), sql`, `);

/** A bucket's failures, forgotten once they are older than the failure memory. */
const LIVE_FAILURES = sql`(case when t.updated_at < now() - ${FAILURE_MEMORY} then 0 else t.failures end)`;
/** A bucket's checks in flight, forgotten once their lease ended (the process died mid-check). */
const LIVE_IN_FLIGHT = sql`(case when t.reserved_at < now() - ${RESERVATION_LEASE} then 0 else t.in_flight end)`;

export type Reservation = { reserved: true } | { reserved: false; lockedUntil: Date | null };

/**
 * Reserves one check in every bucket, in one statement. A bucket refuses while it is locked, or while
 * its failures plus the checks already in flight reach its threshold; past the threshold (after a
 * lock lapsed) one check at a time is allowed. Answers per bucket, in the order given; when some
 * buckets refused, the caller gives back the ones that reserved (every bucket or none).
 */
export async function reserve(ex: Executor, buckets: readonly Bucket[]): Promise<Reservation[]> {
  const rows = await queryRows<{ pos: number; reserved: boolean; locked_until: Date | null }>(ex, sql`
    with wanted (subject, source, threshold, pos) as (values ${bucketValues(buckets)}),
    taken as (
      insert into login_throttles as t (subject, source, failures, in_flight, reserved_at, updated_at)
      select subject, source, 0, 1, now(), now() from wanted
      on conflict (subject, source) do update set
        failures = ${LIVE_FAILURES},
        in_flight = ${LIVE_IN_FLIGHT} + 1,
        reserved_at = now()
      where (t.locked_until is null or t.locked_until <= now())
        and ${LIVE_IN_FLIGHT} < greatest((select w.threshold from wanted w where w.subject = t.subject and w.source = t.source) - ${LIVE_FAILURES}, 1)
      returning subject, source
    )
    select w.pos, (k.subject is not null) as reserved,
           (select t.locked_until from login_throttles t where t.subject = w.subject and t.source = w.source and t.locked_until > now()) as locked_until
      from wanted w left join taken k on k.subject = w.subject and k.source = w.source
     order by w.pos`);
  return rows.map((r) => (r.reserved ? { reserved: true } : { reserved: false, lockedUntil: r.locked_until ? new Date(r.locked_until) : null }));
}

/** Gives back reservations whose check never ran to a verdict (an error, another bucket refused). */
export async function release(ex: Executor, buckets: readonly Bucket[]): Promise<void> {
  await ex.execute(sql`
    update login_throttles as t set in_flight = greatest(t.in_flight - 1, 0)
      from (values ${bucketValues(buckets)}) as w (subject, source, threshold, pos)
     where t.subject = w.subject and t.source = w.source`);
}

/**
 * Finishes reservations with a failure, in one statement. Past its threshold a bucket locks for
 * base × 2^(failures − threshold) seconds, capped. Answers each bucket's failure count and new lock,
 * in the order given.
 */
export async function recordFailure(ex: Executor, buckets: readonly Bucket[], policy: LockPolicy): Promise<{ failures: number; lockedUntil: Date | null }[]> {
  const rows = await queryRows<{ pos: number; failures: number; locked_until: Date | null; threshold: number }>(ex, sql`
    with wanted (subject, source, threshold, pos) as (values ${bucketValues(buckets)}),
    counted as (
      insert into login_throttles as t (subject, source, failures, in_flight, updated_at)
      select subject, source, 1, 0, now() from wanted
      on conflict (subject, source) do update set
        failures = t.failures + 1,
        in_flight = greatest(t.in_flight - 1, 0),
        updated_at = now(),
        locked_until = case when t.failures + 1 >= (select w.threshold from wanted w where w.subject = t.subject and w.source = t.source)
          then now() + make_interval(secs => least(${policy.maxSeconds}::float8, ${policy.baseSeconds}::float8
                 * power(2, least(t.failures + 1 - (select w.threshold from wanted w where w.subject = t.subject and w.source = t.source), 30))))
          else t.locked_until end
      returning subject, source, failures, locked_until
    )
    select w.pos, w.threshold, c.failures, c.locked_until from wanted w join counted c on c.subject = w.subject and c.source = w.source order by w.pos`);
  return rows.map((row) => {
    const lockedUntil = row.locked_until ? new Date(row.locked_until) : null;
    return { failures: Number(row.failures), lockedUntil: Number(row.failures) >= Number(row.threshold) ? lockedUntil : null };
  });
}

/**
 * Finishes reservations with a success, in one statement: the narrowest bucket's failures are
 * forgotten (this source proved it knows the secret), the wider buckets' reservations are given back
 * and their counts stay.
 */
export async function recordSuccess(ex: Executor, narrowest: Bucket, wider: readonly Bucket[]): Promise<void> {
  await ex.execute(successSql(narrowest, wider, null));
}

/** recordSuccess's UPDATE; with `gate`, only when that CTE (of the statement it rides in) has a row. */
const successSql = (narrowest: Bucket, wider: readonly Bucket[], gate: SQL | null) => sql`
    update login_throttles as t set
      in_flight = greatest(t.in_flight - 1, 0),
      failures = case when w.pos = 0 then 0 else t.failures end,
      locked_until = case when w.pos = 0 then null else t.locked_until end,
      updated_at = case when w.pos = 0 then now() else t.updated_at end
      from (values ${bucketValues([narrowest, ...wider])}) as w (subject, source, threshold, pos)
     where t.subject = w.subject and t.source = w.source${gate ? sql` and exists (select 1 from ${gate})` : sql``}`;

/** recordSuccess as a WITH item (`lockout_settled`) of another statement, done only when `gate` has a row. */
export const successCte = (narrowest: Bucket, wider: readonly Bucket[], gate: SQL): SQL => sql`lockout_settled as (${successSql(narrowest, wider, gate)})`;

/** Forgets buckets quiet for longer than the failure memory (bounded work per call). */
export async function pruneQuiet(ex: Executor, limit = 1000): Promise<void> {
  await ex.execute(sql`
    delete from login_throttles where ctid = any(array(
      select ctid from login_throttles
      where updated_at < now() - ${FAILURE_MEMORY} and (locked_until is null or locked_until < now()) limit ${limit}))`);
}

/** Lifts every lock and forgets every failure of the subject, from every source. */
export async function clearSubject(ex: Executor, subject: string): Promise<void> {
  await ex.execute(sql`delete from login_throttles where subject = ${subject}`);
}
