// Keeps this process's caches honest. A change to any row a cache is built from notifies the
// `saasready_cache` channel from inside its own transaction (migration 0009's triggers), so the
// message exists only if the change committed and arrives only after it did. This listens on a
// connection of its own and drops the entries each message names. While that connection is down
// nothing cached can be trusted: the caches are emptied and bypassed — every check reads the
// database, exactly as without a cache — until it listens again (and empties them once more,
// since messages sent in between are lost).
// Freshness: notifications and heartbeat answers come in order on one connection, so once a
// heartbeat sent at time S is answered, every change committed before S has been applied here.
// `freshWithin(ms)` says whether that S is less than `ms` old (always, for the in-process PGlite):
// code that must not act on a stale "nothing changed" (webhook subscriptions) asks it first.
import type { Logger } from 'pino';
import { CACHE_CHANNEL, type DatabaseHandle, type ListenConnection } from '../db/client.js';
import type { Metrics } from '../lib/metrics.js';

export interface Invalidatable {
  invalidate(tag: string): void;
  clear(): void;
}

export interface InvalidationOptions {
  logger: Logger;
  metrics: Metrics;
  /**
   * how often the listening connection proves it is alive and up to date: a quarter of the
   * freshness the webhook hints ask for (1 s), so a proof younger than that is always at hand
   */
  heartbeatMs?: number;
  /** how long a writer waits for its own transaction's notifications before distrusting everything */
  barrierTimeoutMs?: number;
  /** first pause before listening again after a loss (doubles up to 2 s) */
  reconnectDelayMs?: number;
}

/** The message that empties every cache (migration 0024's trigger sends it for a row no key names). */
export const FLUSH_ALL = 'all';
const FIRST_RECONNECT_DELAY_MS = 100;
const MAX_RECONNECT_DELAY_MS = 2_000;
/** a heartbeat not answered within this is a lost connection */
const HEARTBEAT_TIMEOUT_MS = 2_000;
const MAX_EARLY_TOKENS = 4_096;

export class CacheInvalidation {
  private readonly caches: Invalidatable[] = [];
  private readonly waiters = new Map<string, () => void>();
  /** transaction tokens that arrived before their writer started waiting (PGlite delivers before COMMIT returns) */
  private readonly arrived = new Set<string>();
  private connection: ListenConnection | null = null;
  private listening = false;
  private stopped = false;
  private everListened = false;
  private reconnectDelayMs: number;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private removeBarrier: () => void = () => {};
  private gen = 0;
  /** performance.now() when the last answered heartbeat (or the LISTEN) was sent */
  private confirmedAt = 0;
  private heartbeating = false;
  private inProcess = false;
  private readonly heartbeatMs: number;
  private readonly barrierTimeoutMs: number;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly options: InvalidationOptions,
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 250;
    this.barrierTimeoutMs = options.barrierTimeoutMs ?? 2_000;
    this.reconnectDelayMs = options.reconnectDelayMs ?? FIRST_RECONNECT_DELAY_MS;
  }

  register(cache: Invalidatable): void {
    this.caches.push(cache);
  }

  /** Caches may be read and filled only while this is true. */
  get usable(): boolean {
    return this.listening;
  }

  /** Changes whenever anything may have been invalidated: a fill that saw it change is dropped. */
  get generation(): number {
    return this.gen;
  }

  /**
   * True when every change committed more than `ms` ago has been applied to the caches (the
   * listener is up and a heartbeat sent less than `ms` ago was answered), or when notifications
   * come from inside this process and are never in flight.
   */
  freshWithin(ms: number): boolean {
    return this.listening && (this.inProcess || performance.now() - this.confirmedAt < ms);
  }

  async start(): Promise<void> {
    this.removeBarrier = this.database.addCommitBarrier((token) => this.ownNotifications(token));
    await this.connect();
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.heartbeatMs).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.reconnectTimer);
    this.removeBarrier();
    this.listening = false;
    for (const release of [...this.waiters.values()]) release();
    await this.connection?.close().catch(() => {});
    this.connection = null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const sent = performance.now();
      const connection = await this.database.listen(CACHE_CHANNEL, {
        onMessage: (payload) => this.onMessage(payload),
        onLost: (err) => this.lost(err),
      });
      if (this.stopped) return void (await connection.close());
      this.connection = connection;
      this.inProcess = connection.inProcess === true;
      this.confirmedAt = sent;
      this.clearAll();
      this.listening = true;
      this.reconnectDelayMs = this.options.reconnectDelayMs ?? FIRST_RECONNECT_DELAY_MS;
      this.options.metrics.cacheListenerUp.set(1);
      if (this.everListened) this.options.logger.info('cache invalidation listener is back: caches are in use again');
      this.everListened = true;
    } catch (err) {
      this.scheduleReconnect(err as Error);
    }
  }

  private onMessage(payload: string): void {
    if (payload.startsWith('tx:')) return this.tokenArrived(payload.slice(3));
    this.options.metrics.cacheInvalidations.inc();
    // a change no one tag names (a system role's shared permissions, migration 0024): every cache
    if (payload === FLUSH_ALL) return this.clearAll();
    this.gen++;
    for (const cache of this.caches) cache.invalidate(payload);
  }

  private lost(err: Error): void {
    const wasListening = this.listening;
    this.listening = false;
    this.connection = null;
    this.arrived.clear();
    this.clearAll();
    // a writer waiting for its notifications has nothing left to wait for: the caches are empty
    for (const release of [...this.waiters.values()]) release();
    this.options.metrics.cacheListenerUp.set(0);
    if (wasListening) this.options.logger.warn({ err: { message: err.message } }, 'cache invalidation listener lost: caches bypassed until it reconnects');
    this.scheduleReconnect(err);
  }

  private scheduleReconnect(err: Error): void {
    if (this.stopped || this.reconnectTimer) return;
    if (!this.everListened && this.reconnectDelayMs === (this.options.reconnectDelayMs ?? FIRST_RECONNECT_DELAY_MS)) this.options.logger.warn({ err: { message: err.message } }, 'cache invalidation listener could not start: caches bypassed until it does');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, this.reconnectDelayMs).unref();
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, Math.max(MAX_RECONNECT_DELAY_MS, this.reconnectDelayMs));
  }

  /** A connection can die without a word (a partition): a round trip that does not come back is a loss. */
  private async heartbeat(): Promise<void> {
    const connection = this.connection;
    // one at a time: a slow answer is waited for (up to the timeout), not piled onto
    if (!connection || this.heartbeating) return;
    this.heartbeating = true;
    let timer: NodeJS.Timeout | undefined;
    const sent = performance.now();
    try {
      await Promise.race([
        connection.ping(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('cache listener heartbeat timed out')), HEARTBEAT_TIMEOUT_MS))),
      ]);
      if (this.connection === connection) this.confirmedAt = Math.max(this.confirmedAt, sent);
    } catch (err) {
      if (this.connection !== connection) return;
      // stop trusting the caches first: closing a connection that stopped answering may itself take a while
      this.lost(err as Error);
      await connection.close(true);
    } finally {
      clearTimeout(timer);
      this.heartbeating = false;
    }
  }

  private tokenArrived(token: string): void {
    const waiter = this.waiters.get(token);
    if (waiter) return waiter();
    // most tokens are other processes' (never awaited here): keep a bounded window of recent ones
    this.arrived.add(token);
    if (this.arrived.size > MAX_EARLY_TOKENS) this.arrived.delete(this.arrived.values().next().value!);
  }

  /** Resolves once this process applied every notification of the transaction that sent `token`. */
  private ownNotifications(token: string): Promise<void> {
    if (!this.listening || this.arrived.delete(token)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        // the notification never came back: what else was missed is unknowable, so forget everything
        this.options.logger.warn('cache invalidation: own notification not received in time; caches cleared');
        this.clearAll();
        release();
      }, this.barrierTimeoutMs);
      const release = () => {
        clearTimeout(timer);
        this.waiters.delete(token);
        resolve();
      };
      this.waiters.set(token, release);
    });
  }

  private clearAll(): void {
    this.gen++;
    for (const cache of this.caches) cache.clear();
  }
}
