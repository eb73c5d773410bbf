// Lockout buckets in SQL. Every change is one statement, so two processes (or two hundred
// concurrent requests) counting the same bucket serialise on its row and never both pass.
import { sql } from 'drizzle-orm';
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

/**
 * Reserves one check in the bucket. Refused (returns the lock's end, or null with `saturated`)
 * while the bucket is locked, or while its failures plus the checks already in flight reach the
 * threshold; past the threshold (after a lock lapsed) one check at a time is allowed.
 */
export async function reserve(ex: Executor, b: Bucket): Promise<{ reserved: true } | { reserved: false; lockedUntil: Date | null }> {
  const rows = await queryRows<{ in_flight: number }>(ex, sql`
    insert into login_throttles as t (subject, source, failures, in_flight, reserved_at, updated_at)
    values (${b.subject}, ${b.source}, 0, 1, now(), now())
    on conflict (subject, source) do update set
      failures = case when t.updated_at < now() - ${FAILURE_MEMORY} then 0 else t.failures end,
      in_flight = case when t.reserved_at < now() - ${RESERVATION_LEASE} then 1 else t.in_flight + 1 end,
      reserved_at = now()
    where (t.locked_until is null or t.locked_until <= now())
      and (case when t.reserved_at < now() - ${RESERVATION_LEASE} then 0 else t.in_flight end)
        < greatest(${b.threshold}::int - (case when t.updated_at < now() - ${FAILURE_MEMORY} then 0 else t.failures end), 1)
    returning in_flight`);
  if (rows.length) return { reserved: true };
  const [row] = await queryRows<{ locked_until: Date | null }>(ex, sql`
    select locked_until from login_throttles where subject = ${b.subject} and source = ${b.source} and locked_until > now()`);
  return { reserved: false, lockedUntil: row?.locked_until ? new Date(row.locked_until) : null };
}

/** Gives back a reservation whose check never ran to a verdict (an error, another bucket refused). */
export async function release(ex: Executor, b: Bucket): Promise<void> {
  await ex.execute(sql`
    update login_throttles set in_flight = greatest(in_flight - 1, 0)
    where subject = ${b.subject} and source = ${b.source}`);
}

/**
 * Finishes a reservation with a failure. Past the threshold the bucket locks for
 * base × 2^(failures − threshold) seconds, capped. Returns the failure count and the new lock.
 */
export async function recordFailure(ex: Executor, b: Bucket, policy: LockPolicy): Promise<{ failures: number; lockedUntil: Date | null }> {
  const rows = await queryRows<{ failures: number; locked_until: Date | null }>(ex, sql`
    insert into login_throttles as t (subject, source, failures, in_flight, updated_at)
    values (${b.subject}, ${b.source}, 1, 0, now())
    on conflict (subject, source) do update set
      failures = t.failures + 1,
      in_flight = greatest(t.in_flight - 1, 0),
      updated_at = now(),
      locked_until = case when t.failures + 1 >= ${b.threshold}::int
        then now() + make_interval(secs => least(${policy.maxSeconds}::float8, ${policy.baseSeconds}::float8 * power(2, least(t.failures + 1 - ${b.threshold}::int, 30))))
        else t.locked_until end
    returning failures, locked_until`);
  const row = rows[0]!;
  const lockedUntil = row.locked_until ? new Date(row.locked_until) : null;
  return { failures: Number(row.failures), lockedUntil: Number(row.failures) >= b.threshold ? lockedUntil : null };
}

/** Finishes a reservation with a success: this bucket's failures are forgotten. */
export async function recordSuccess(ex: Executor, b: Bucket): Promise<void> {
  await ex.execute(sql`
    update login_throttles set failures = 0, locked_until = null, in_flight = greatest(in_flight - 1, 0), updated_at = now()
    where subject = ${b.subject} and source = ${b.source}`);
}

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
