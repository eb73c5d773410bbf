// Prometheus metrics, one registry per app instance (tests build many apps in one process).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type AuthAttemptKind = 'register' | 'login' | 'refresh' | 'password_change';
export type AuthAttemptOutcome = 'success' | 'failure' | 'locked' | 'reused' | 'rejected';

export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly authAttempts = new Counter({
    name: 'auth_attempts_total',
    help: 'Authentication attempts by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly cacheLookups = new Counter({
    name: 'cache_lookups_total',
    help: 'Per-request checks served from the in-process cache (hit), read from the database and cached (miss), or read from the database because the cache could not be trusted (bypass)',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });
  readonly cacheInvalidations = new Counter({
    name: 'cache_invalidations_total',
    help: 'Invalidation notifications received from the database',
    registers: [this.registry],
  });
  readonly cacheListenerUp = new Gauge({
    name: 'cache_listener_up',
    help: '1 while this process listens for cache invalidations (caches in use), 0 while it does not (caches bypassed)',
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  authAttempt(kind: AuthAttemptKind, outcome: AuthAttemptOutcome): void {
    this.authAttempts.inc({ kind, outcome });
  }
}
