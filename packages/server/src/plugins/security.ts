// Security headers (helmet) and CORS from the CORS_ORIGINS allow-list (nothing allowed when empty).
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';

export default fp<{ corsOrigins: string[] }>(
  async (app, { corsOrigins }) => {
    await app.register(helmet, { global: true, contentSecurityPolicy: false });
    await app.register(cors, {
      origin: corsOrigins.length ? corsOrigins : false,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after', 'etag', 'idempotency-replayed'],
      maxAge: 600,
    });
  },
  { name: 'security' },
);
