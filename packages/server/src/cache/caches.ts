// The per-request checks worth not asking the database twice: the session behind an access token,
// a membership with its permissions, the caller's membership list (/auth/me), an API key, an
// organization's flags, the flag snapshot SDKs poll. Each is read through a TaggedCache kept honest by CacheInvalidation; a
// value is cached only when every rule that could refuse it later is either re-checked on each use
// (expiry) or covered by a notification (revocation, role and permission changes, suspension).
// Values are shared between requests: callers never mutate them (save the documented last_used_at).
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/client.js';
import type { Metrics } from '../lib/metrics.js';
import { CacheInvalidation } from './invalidation.js';
import { TaggedCache } from './tagged-cache.js';

export const userTag = (id: string) => `user:${id}`;
export const orgTag = (id: string) => `org:${id}`;
export const FLAGS_TAG = 'flags';
/** any organization's flag override (the superuser's all-organizations snapshot) */
export const OVERRIDES_TAG = 'overrides';

export class ReadThroughCache<V extends object> {
  constructor(
    private readonly name: string,
    private readonly store: TaggedCache<V> | null,
    private readonly invalidation: CacheInvalidation | null,
    private readonly metrics: Metrics,
  ) {}

  /**
   * The cached value, or `load()`'s — cached under `tags` when `keep` allows it and no
   * invalidation arrived while it was being read (it could predate the change it announced).
   */
  async get(key: string, load: () => Promise<V | null>, tags: (value: V) => readonly string[], keep: (value: V) => boolean = () => true): Promise<V | null> {
    const { store, invalidation } = this;
    if (!store || !invalidation?.usable) {
      if (store) this.metrics.cacheLookups.inc({ cache: this.name, result: 'bypass' });
      return load();
    }
    const hit = store.get(key);
    if (hit) {
      this.metrics.cacheLookups.inc({ cache: this.name, result: 'hit' });
      return hit;
    }
    this.metrics.cacheLookups.inc({ cache: this.name, result: 'miss' });
    const generation = invalidation.generation;
    const value = await load();
    if (value && keep(value) && invalidation.usable && invalidation.generation === generation) store.set(key, value, tags(value));
    return value;
  }

  /** Forgets one entry (its value was found unusable, e.g. expired: the next use reads it again). */
  forget(key: string): void {
    this.store?.delete(key);
  }
}

/**
 * The caches of one app, invalidated together. The cache layer knows no module's rows: whoever
 * fills a cache names its value type when it creates it (`set.cache<AccessRow>('access')`).
 */
export interface CacheSet {
  /** A new read-through cache; `name` labels its metrics. Create every cache before `start()`. */
  cache<V extends object>(name: string): ReadThroughCache<V>;
  invalidation: CacheInvalidation | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface CacheOptions {
  /** seconds an entry may live at most (a safety net: invalidation is what keeps entries true); 0 = no caching */
  ttlSeconds: number;
  maxEntries: number;
  logger: Logger;
  metrics: Metrics;
}

export function createCaches(database: DatabaseHandle, options: CacheOptions): CacheSet {
  const enabled = options.ttlSeconds > 0;
  const invalidation = enabled ? new CacheInvalidation(database, { logger: options.logger, metrics: options.metrics }) : null;
  return {
    cache: <V extends object>(name: string) => {
      const store = enabled ? new TaggedCache<V>({ max: options.maxEntries, ttlMs: options.ttlSeconds * 1000 }) : null;
      if (store) invalidation!.register(store);
      return new ReadThroughCache<V>(name, store, invalidation, options.metrics);
    },
    invalidation,
    start: async () => invalidation?.start(),
    stop: async () => invalidation?.stop(),
  };
}

/** Caching off (tests of code that runs without an app, tools). */
export function noCaches(metrics: Metrics): CacheSet {
  return {
    cache: <V extends object>() => new ReadThroughCache<V>('off', null, null, metrics),
    invalidation: null,
    start: async () => {},
    stop: async () => {},
  };
}
