// Bounds how many secrets an attacker can check. Rules enforced here:
// - an attempt is reserved before the secret is checked and counted after, so concurrent guesses
//   (any number of requests, any number of processes) check at most the threshold per lock window;
// - passwords are counted per account *and* source (client IP): a stranger's wrong guesses lock
//   out the stranger's address, not the owner on another network; an account-wide bucket with a
//   far higher threshold still bounds a guesser spread over many addresses;
// - second factors are counted per account: whoever sends codes already holds the password;
// - unknown emails are counted exactly like known ones (no enumeration through lockout);
// - a lock is audited once, when it starts, with the source it applies to;
// - finishing a check (counting it, or giving its slot back) that cannot reach the database is kept
//   and retried, not lost: a lost finish would hold a slot until its lease ends (60 s), refusing the
//   owner's right password after a database restart.
import type { SQL } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Database, Executor } from '../../db/client.js';
import { ipSource } from '../../lib/ip-source.js';
import type { Metrics } from '../../lib/metrics.js';
import type { RequestContext } from '../../lib/request-context.js';
import { recordAudit } from '../audit-logs/service.js';
import { accountLocked } from '../auth/errors.js';
import * as repository from './repository.js';

/** Whose secret is being checked: a password (by email, known or not) or a second factor. */
export type LockoutSubject =
  | { kind: 'password'; email: string; user: { id: string; email: string } | null }
  | { kind: 'second_factor'; user: { id: string; email: string } };

/**
 * A right secret whose success the caller records itself, in the statement that acts on it (the
 * login's session write): `cte(gate)` is a WITH item that records it when `gate` has a row, and
 * `settled()` tells that it committed so. `finish()` records it on its own otherwise (at most once;
 * a database that misses it is retried like every finish): call it in a `finally`.
 */
export interface PendingSuccess {
  cte(gate: SQL): SQL;
  settled(): void;
  finish(): Promise<void>;
}

export interface LockoutDeps {
  db: Database;
  config: Pick<Config, 'lockout'>;
  metrics: Metrics;
}

/** A password reset proved the inbox: the email's password lockouts, from every source, are lifted. */
export const forgiveAccount = (ex: Executor, email: string): Promise<void> => repository.clearSubject(ex, email);

/** Roughly one pass of pruning per this many failures. */
const PRUNE_EVERY = 200;
/** Unfinished finishes kept for retry at most (beyond, the oldest are left to their lease). */
const MAX_UNFINISHED = 10_000;
const RETRY_MS = 1_000;

export class LockoutService {
  /** finishes whose database write failed, oldest first; retried before the next reservation and on a timer */
  private unfinished: (() => Promise<unknown>)[] = [];
  private retrying: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: LockoutDeps) {}

  /**
   * Runs `check` under a reservation in every bucket of the subject and counts its verdict.
   * Throws `auth.account_locked` (429, Retry-After) without running `check` when any bucket is
   * locked or saturated. A check that throws gives its reservations back uncounted.
   */
  async guard<T extends { ok: boolean }>(ctx: RequestContext, subject: LockoutSubject, check: () => Promise<T>): Promise<T> {
    const { result, success } = await this.guardLeavingSuccess(ctx, subject, check);
    await success?.finish();
    return result;
  }

  /** guard, with a success left for the caller to record (PendingSuccess); null when the check failed. */
  async guardLeavingSuccess<T extends { ok: boolean }>(ctx: RequestContext, subject: LockoutSubject, check: () => Promise<T>): Promise<{ result: T; success: PendingSuccess | null }> {
    const buckets = this.bucketsOf(ctx, subject);
    await this.retryUnfinished();
    await this.reserveAll(buckets);
    let result: T;
    try {
      result = await check();
    } catch (err) {
      await this.finish([() => repository.release(this.deps.db, buckets)]).catch(() => {});
      throw err;
    }
    if (result.ok) return { result, success: this.pendingSuccess(buckets) };
    await this.failed(ctx, subject, buckets);
    return { result, success: null };
  }

  /** Stops the retry timer (the app is closing; what is still unfinished is left to its lease). */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Step: run each finish; the ones that fail are kept for retry, and the first error is thrown. */
  private async finish<R>(ops: (() => Promise<R>)[]): Promise<R[]> {
    const results = await Promise.allSettled(ops.map((op) => op()));
    const failed = ops.filter((_, i) => results[i]!.status === 'rejected');
    if (!failed.length) return results.map((r) => (r as PromiseFulfilledResult<R>).value);
    this.unfinished.push(...failed);
    if (this.unfinished.length > MAX_UNFINISHED) this.unfinished.splice(0, this.unfinished.length - MAX_UNFINISHED);
    this.scheduleRetry();
    throw (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
  }

  /** Step: before a new reservation, the finishes the database missed (one retry at a time per process). */
  private retryUnfinished(): Promise<void> {
    if (!this.unfinished.length) return Promise.resolve();
    this.retrying ??= (async () => {
      try {
        while (this.unfinished.length) {
          const op = this.unfinished[0]!;
          await op();
          this.unfinished.shift();
        }
      } catch {
        this.scheduleRetry(); // still unreachable: the reservation that follows will say so
      } finally {
        this.retrying = null;
      }
    })();
    return this.retrying;
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.retryUnfinished();
    }, RETRY_MS).unref();
  }

  /** Step: the subject's buckets, narrowest first. */
  private bucketsOf(ctx: RequestContext, subject: LockoutSubject): repository.Bucket[] {
    const { threshold, accountThreshold } = this.deps.config.lockout;
    if (subject.kind === 'second_factor') return [{ subject: `mfa:${subject.user.id}`, source: '*', threshold }];
    return [
      { subject: subject.email, source: `ip:${ipSource(ctx.ip ?? 'unknown')}`, threshold },
      { subject: subject.email, source: '*', threshold: accountThreshold },
    ];
  }

  /** Step: reserve in every bucket or in none (one statement; the rare partial reservation is given back). */
  private async reserveAll(buckets: repository.Bucket[]): Promise<void> {
    const outcomes = await repository.reserve(this.deps.db, buckets);
    const refused = outcomes.flatMap((o) => (o.reserved ? [] : [o]));
    if (!refused.length) return;
    const taken = buckets.filter((_, i) => outcomes[i]!.reserved);
    // a give-back the database misses is kept for retry (finish): the caller still hears of the lock
    if (taken.length) await this.finish([() => repository.release(this.deps.db, taken)]).catch(() => {});
    this.deps.metrics.authAttempt('login', 'locked');
    // the longest lock among the refusing buckets (not the first one's: a saturated address beside a
    // locked account would say 1 s); saturated by checks in flight only: they finish within a second or two
    const until = Math.max(0, ...refused.map((o) => o.lockedUntil?.getTime() ?? 0));
    const seconds = until ? Math.ceil((until - Date.now()) / 1000) : 1;
    throw accountLocked(Math.max(1, seconds));
  }

  /** Step: the secret was right: this source's failures are forgotten; the account-wide count stays. */
  private pendingSuccess(buckets: repository.Bucket[]): PendingSuccess {
    const [narrowest, ...wider] = buckets;
    let done = false;
    return {
      cte: (gate) => repository.successCte(narrowest!, wider, gate),
      settled: () => void (done = true),
      finish: async () => {
        if (done) return;
        done = true;
        await this.finish([() => repository.recordSuccess(this.deps.db, narrowest!, wider)]);
      },
    };
  }

  /** Step: count the failure in every bucket; audit each lock as it starts. */
  private async failed(ctx: RequestContext, subject: LockoutSubject, buckets: repository.Bucket[]): Promise<void> {
    const policy = this.deps.config.lockout;
    const [counted] = await this.finish([() => repository.recordFailure(this.deps.db, buckets, policy)]);
    for (const [i, bucket] of buckets.entries()) {
      const { failures, lockedUntil } = counted![i]!;
      if (!lockedUntil) continue;
      const user = subject.user;
      await recordAudit(this.deps.db, ctx, {
        action: 'user.account.locked',
        actor: user ? { userId: user.id, email: user.email } : null,
        targetType: user ? 'user' : undefined,
        targetId: user?.id,
        metadata: {
          ...(subject.kind === 'password' ? { email: subject.email } : {}),
          factor: subject.kind,
          scope: bucket.source === '*' ? 'account' : 'source',
          source: bucket.source === '*' ? null : ipSource(ctx.ip ?? 'unknown'),
          failures,
          seconds: Math.round((lockedUntil.getTime() - Date.now()) / 1000),
        },
      });
    }
    if (Math.random() < 1 / PRUNE_EVERY) await repository.pruneQuiet(this.deps.db);
  }
}
