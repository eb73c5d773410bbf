// Request ids (accepted from X-Request-ID or generated, always echoed) and the logger's view of a
// request: method, route and status — never headers, bodies or query strings, which carry secrets.
import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's genReqId: trust a well-formed incoming id so traces join up across services. */
export function requestIdFor(request: { headers: Record<string, string | string[] | undefined> }): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Paths that carry a bearer secret (later: invitation previews) are logged by template only. */
export const logSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: request.routeOptions?.url ?? request.url.split('?')[0], remoteAddress: request.ip };
  },
};

/** Belt and braces: redact anything secret-shaped should it ever be logged by accident. */
export const logRedact = {
  paths: [
    'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
    '*.password', '*.current_password', '*.new_password', '*.refresh_token', '*.access_token', '*.token',
    'headers.authorization', 'headers.cookie',
  ],
  censor: '[redacted]',
};

export default fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', String(request.id));
    });
  },
  { name: 'request-context' },
);
