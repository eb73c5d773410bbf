// Which endpoints may hear an event, without asking the database on every audited write. Each
// process keeps, per scope (an organization, or the instance), the subscriptions of the enabled
// endpoints that hear its events, in a cache kept honest by the cache-invalidation channel
// (migration 0020's trigger on webhook_endpoints). Rules:
// - Only "nobody listens" is ever taken from the cache; when a cached entry names a subscriber of
//   the event, the endpoints are read again in the writing transaction (exact, as without a cache).
// - That "nobody listens" is trusted only while the invalidation listener is fresh
//   (CacheInvalidation.freshWithin(FRESHNESS_MS)): it reflects every endpoint change that committed
//   more than FRESHNESS_MS (1 s) before the write. The process that changed the endpoint knows at
//   once (its commit barrier). Otherwise — listener down, slow, stalled — the database is read.
// - A transaction that changed an endpoint never fills the cache (what it sees may roll back).
import { webhookFilterMatches } from '@saasready/contracts';
import type { ReadThroughCache } from '../../cache/caches.js';
import type { CacheInvalidation } from '../../cache/invalidation.js';
import { localsOf, type DatabaseHandle, type Executor } from '../../db/client.js';
import * as repository from './repository.js';

/** How stale a cached "nobody listens" may be at most: a new endpoint hears every process's writes after this. */
export const FRESHNESS_MS = 1_000;
const LOCAL = 'webhooks.subscriptionHints';

export interface ScopeSubscribers {
  subscribers: repository.Subscriber[];
  dirty: boolean;
}

const INSTANCE_TAG = 'webhooks:instance';

export class SubscriptionHints {
  constructor(
    private readonly cache: ReadThroughCache<ScopeSubscribers>,
    private readonly invalidation: CacheInvalidation | null,
    private readonly freshnessMs = FRESHNESS_MS,
  ) {}

  /** The enabled endpoints that hear events of this scope; [] only when none subscribes to any of `types`. */
  async subscribersFor(ex: Executor, organizationId: string | null, types: readonly string[]): Promise<repository.Subscriber[]> {
    if (!this.invalidation?.freshWithin(this.freshnessMs)) return repository.subscribers(ex, organizationId);
    let loaded = false;
    const entry = await this.cache.get(
      organizationId ?? 'instance',
      async () => {
        loaded = true;
        return repository.scopeSubscribers(ex, organizationId);
      },
      () => (organizationId === null ? [INSTANCE_TAG] : [`webhooks:${organizationId}`, INSTANCE_TAG]),
      (value) => !value.dirty,
    );
    // read just now, in this transaction: exact
    if (loaded && entry) return entry.subscribers;
    const anyone = entry?.subscribers.some((e) => e.event_types.some((f) => types.some((t) => webhookFilterMatches(f, t)))) ?? true;
    return anyone ? repository.subscribers(ex, organizationId) : [];
  }
}

/** Makes `hints` the ones transactions of `database` use; returns the function that withdraws them. */
export function installSubscriptionHints(database: Pick<DatabaseHandle, 'locals'>, hints: SubscriptionHints): () => void {
  database.locals.set(LOCAL, hints);
  return () => {
    if (database.locals.get(LOCAL) === hints) database.locals.delete(LOCAL);
  };
}

/** The hints of the database `ex` belongs to, if its app installed them. */
export function hintsOf(ex: Executor): SubscriptionHints | undefined {
  return localsOf(ex)?.get(LOCAL) as SubscriptionHints | undefined;
}
