// Request duration by route template (never by raw URL: ids would explode cardinality) and GET /metrics.
// With METRICS_TOKEN set, /metrics answers only `Authorization: Bearer <token>` (compared in
// constant time); otherwise it is public and production logs a warning at start-up (app.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors.js';
import type { Metrics } from '../lib/metrics.js';

/** Equal-length digests, so neither the comparison nor an early length check reveals the token. */
const digest = (value: string) => createHash('sha256').update(value).digest();

export default fp<{ metrics: Metrics; token?: string | undefined }>(
  async (app, { metrics, token }) => {
    app.addHook('onResponse', async (request, reply) => {
      metrics.httpDuration.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
    const expected = token === undefined ? null : digest(token);
    app.get('/metrics', {
      config: { public: true, internal: true },
      schema: { hide: true },
      onRequest: async (request) => {
        if (!expected) return;
        const match = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '');
        if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
          throw new AppError('auth.unauthenticated', 'Unauthenticated', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.', { headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
        }
      },
    }, async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    });
  },
  { name: 'metrics' },
);
