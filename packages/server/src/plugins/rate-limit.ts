// Named, keyed rate limits (per IP, per account) built on @fastify/rate-limit's store, shared
// through Redis when REDIS_URL is set so every server process counts together. While Redis is
// unreachable each process counts on its own (logged), and the per-account lockout in the database
// still holds across processes.
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Redis } from 'ioredis';
import { rateLimited } from '../lib/errors.js';

export interface LimitOptions {
  /** requests allowed per window */
  max: number;
  windowMs: number;
  /** the bucket; return null to skip this limiter for the request */
  key(request: FastifyRequest): string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** A preHandler hook enforcing `options` under the limiter name `name`. */
    limit(name: string, options: LimitOptions): preHandlerAsyncHookHandler;
  }
}

/** Fixed-window counters in process memory: the fallback while Redis is unreachable. */
class LocalWindow {
  private windows = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly max: number, private readonly windowMs: number) {}

  /** Counts a hit; returns seconds to wait when over the limit, else null. */
  hit(key: string): number | null {
    const now = Date.now();
    if (this.windows.size > 50_000) for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return window.count > this.max ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : null;
  }
}

export default fp<{ redis: Redis | null; enabled: boolean; namespace: string }>(
  async (app, { redis, enabled, namespace }) => {
    await app.register(rateLimit, {
      global: false,
      // a store error is caught below and counted in this process instead
      skipOnError: false,
      ...(redis ? { redis, nameSpace: namespace } : {}),
    });
    let degraded = false;
    let commandsFailing = false;
    app.decorate('limit', (name: string, options: LimitOptions): preHandlerAsyncHookHandler => {
      const check = app.createRateLimit({ max: options.max, timeWindow: options.windowMs, keyGenerator: (req) => `${name}:${options.key(req)}` });
      const fallback = new LocalWindow(options.max, options.windowMs);
      return async function limitHook(request) {
        const key = options.key(request);
        if (!enabled || key === null) return;
        // Redis down: count in this process rather than not at all (documented degradation)
        if (redis && redis.status !== 'ready') {
          if (!degraded) request.log.warn('redis unavailable: rate limits fall back to per-process counting');
          degraded = true;
          const retryAfter = fallback.hit(`${name}:${key}`);
          if (retryAfter !== null) throw rateLimited(retryAfter);
          return;
        }
        degraded = false;
        let result: Awaited<ReturnType<typeof check>>;
        try {
          result = await check(request);
        } catch (err) {
          // Redis answered with an error or not within its command timeout (frozen, partitioned):
          // this request is counted here, like while the connection is down
          if (!commandsFailing) request.log.warn({ err: { message: (err as Error).message } }, 'redis commands failing: rate limits count per process');
          commandsFailing = true;
          const retryAfter = fallback.hit(`${name}:${key}`);
          if (retryAfter !== null) throw rateLimited(retryAfter);
          return;
        }
        commandsFailing = false;
        if (!result.isAllowed && result.isExceeded) throw rateLimited(Math.max(1, result.ttlInSeconds));
      };
    });
  },
  { name: 'rate-limit' },
);
