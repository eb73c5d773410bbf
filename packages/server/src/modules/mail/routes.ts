// The development mailbox: with no SMTP server configured, outgoing mail stays readable here so
// every flow (invitations, resets, verification) works out of the box. Never registered when
// NODE_ENV=production, when SMTP_URL is set or when HOST is not loopback (config.devMailboxEnabled).
// Even then it answers only a loopback socket peer that no proxy forwarded (X-Forwarded-For is
// never trusted here): anyone else gets the 404 of a route that does not exist.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DevMailSchema } from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { isLoopbackAddress } from '../../lib/loopback.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import { noSuchRoute } from './errors.js';
import { listDevMailbox, type Mailer } from './service.js';

/** Headers a reverse proxy adds: a proxy on this machine would make every client look local. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

export const devMailboxRoutes: FastifyPluginAsyncTypebox<{ db: Database; mailer: Mailer }> = async (app, { db, mailer }) => {
  app.get('/dev/mailbox', {
    config: { public: true },
    schema: {
      operationId: 'dev.mailbox.list',
      tags: ['development'],
      summary: 'Development only: the latest outgoing emails, newest first',
      security: [],
      querystring: Type.Object({ to: Type.Optional(Type.String({ maxLength: 254 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }),
      response: { 200: ok('The mail kept in the dev mailbox, newest first', Type.Array(DevMailSchema)), ...problemResponses },
    },
    // onRequest: a refused peer learns nothing, not even what a valid query looks like
    onRequest: async (request) => {
      const local = isLoopbackAddress(request.raw.socket.remoteAddress) && !PROXY_HEADERS.some((h) => request.headers[h] !== undefined);
      if (!local) throw noSuchRoute(request.method, request.url);
    },
  }, async (request) => {
    return listDevMailbox(db, mailer, request.query);
  });
};
