// Security headers (helmet), CORS from the CORS_ORIGINS allow-list (nothing allowed when empty), and
// `Cache-Control: no-store` on every API answer that does not choose its own caching: token
// responses, backup codes and API keys must never rest in a browser or proxy cache.
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';

export default fp<{ corsOrigins: string[] }>(
  async (app, { corsOrigins }) => {
    await app.register(helmet, { global: true, contentSecurityPolicy: false });
    // @fastify/cors answers preflights in its onRequest hook and adds a catch-all `OPTIONS *` route
    // that only ends in a 404 when CORS does not apply. That route carries no credentials by
    // nature: declare it public (it is registered before the boot guard, which would not see it),
    // so it is not answered 401 by the authentication hook.
    app.addHook('onRoute', (route) => {
      if (route.method === 'OPTIONS' && route.url === '*') route.config = { ...(route.config ?? {}), public: true, internal: true };
    });
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    });
    await app.register(cors, {
      origin: corsOrigins.length ? corsOrigins : false,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id', 'x-csrf-token', 'x-refresh-token-mode'],
      exposedHeaders: ['x-request-id', 'retry-after', 'etag', 'idempotency-replayed'],
      maxAge: 600,
    });
  },
  { name: 'security' },
);
