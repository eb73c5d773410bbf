// Liveness, readiness and the public signing keys.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { DatabaseHandle } from '../../db/client.js';
import { serviceUnavailable } from '../../lib/errors.js';
import type { Keyring } from '../signing-keys/service.js';

const Status = Type.Object({ status: Type.String() });
const Jwks = Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) });

export const healthRoutes: FastifyPluginAsyncTypebox<{ database: DatabaseHandle; replica?: DatabaseHandle | null; keyring: Keyring }> = async (app, { database, replica, keyring }) => {
  app.get('/healthz', { config: { public: true }, schema: { tags: ['health'], summary: 'The process is up', security: [], response: { 200: Status } } }, async () => ({ status: 'ok' }));

  app.get('/readyz', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'The database (and the read replica, when configured) is reachable', security: [], response: { 200: Status, 503: { $ref: 'Problem#' } } },
  }, async () => {
    try {
      await database.ping();
    } catch {
      throw serviceUnavailable('The database is not reachable.');
    }
    // lists read the replica: a process that cannot reach it cannot serve them
    try {
      await replica?.ping();
    } catch {
      throw serviceUnavailable('The read replica (DATABASE_REPLICA_URL) is not reachable.');
    }
    return { status: 'ok' };
  });

  app.get('/.well-known/jwks.json', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Public keys that verify access tokens', security: [], response: { 200: Jwks } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    // a rotation made by `saasready keys rotate` (another process) shows here within a second
    await keyring.reloadIfOlderThan(1_000);
    return keyring.jwks();
  });
};
