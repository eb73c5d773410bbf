// Request duration by route template (never by raw URL: ids would explode cardinality) and GET /metrics.
// With METRICS_TOKEN set, /metrics answers only `Authorization: Bearer <token>` (compared in
// constant time); otherwise it is public and production logs a warning at start-up (app.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors.js';
import { problem } from '../lib/route-schemas.js';
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
      config: { public: true },
      schema: {
        operationId: 'operations.metrics',
        tags: ['operations'],
        summary: 'Prometheus metrics',
        description:
          'Prometheus text exposition format. With METRICS_TOKEN set, send `Authorization: Bearer <METRICS_TOKEN>`; without it the endpoint is public. ' +
          'A root path, not under /api/v1: its address stays the same across API versions.',
        security: [],
        response: {
          200: { description: 'The metrics, in Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } },
          401: { ...problem, description: 'METRICS_TOKEN is set and the request does not carry it' },
        },
      },
      onRequest: async (request) => {
        if (!expected) return;
        const match = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '');
        if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
          throw new AppError('auth.unauthenticated', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.', { headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
        }
      },
    }, async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    });
  },
  { name: 'metrics' },
);
