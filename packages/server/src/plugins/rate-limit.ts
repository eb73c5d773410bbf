// Named, keyed rate limits (per IP, per account) built on @fastify/rate-limit's store, shared
// through Redis when REDIS_URL is set so every server process counts together. When Redis is
// unreachable the limiter fails open and logs it (the per-account lockout in the database still holds).
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

export default fp<{ redis: Redis | null; enabled: boolean; namespace: string }>(
  async (app, { redis, enabled, namespace }) => {
    await app.register(rateLimit, {
      global: false,
      skipOnError: true,
      ...(redis ? { redis, nameSpace: namespace } : {}),
    });
    app.decorate('limit', (name: string, options: LimitOptions): preHandlerAsyncHookHandler => {
      const check = app.createRateLimit({ max: options.max, timeWindow: options.windowMs, keyGenerator: (req) => `${name}:${options.key(req)}` });
      return async function limitHook(request) {
        if (!enabled || options.key(request) === null) return;
        const result = await check(request);
        if (!result.isAllowed && result.isExceeded) throw rateLimited(Math.max(1, result.ttlInSeconds));
      };
    });
  },
  { name: 'rate-limit' },
);
