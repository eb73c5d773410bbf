// Liveness, readiness and the public signing keys.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { DatabaseHandle } from '../../db/client.js';
import { serviceUnavailable } from '../../lib/errors.js';
import { ok, problemAnswer } from '../../lib/route-schemas.js';
import type { Keyring } from '../signing-keys/service.js';

const Status = Type.Object({ status: Type.String() });
const Jwks = Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) });

/** Root paths: for load balancers, orchestrators and token verifiers, outside the versioned API. */
const tags = ['operations'];
const ROOT = 'A root path, not under /api/v1: its address stays the same across API versions.';

export const healthRoutes: FastifyPluginAsyncTypebox<{ database: DatabaseHandle; replica?: DatabaseHandle | null; keyring: Keyring }> = async (app, { database, replica, keyring }) => {
  app.get('/healthz', {
    config: { public: true },
    schema: {
      operationId: 'operations.liveness', tags, summary: 'The process is up', description: `Liveness probe. ${ROOT}`, security: [],
      response: { 200: ok('The process is up: `{"status":"ok"}`', Status) },
    },
  }, async () => ({ status: 'ok' }));

  app.get('/readyz', {
    config: { public: true },
    schema: {
      operationId: 'operations.readiness', tags, summary: 'The database (and the read replica, when configured) is reachable', description: `Readiness probe. ${ROOT}`, security: [],
      response: { 200: ok('Ready to serve: `{"status":"ok"}`', Status), 503: problemAnswer('Not ready: the database or the read replica is unreachable') },
    },
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
    schema: {
      operationId: 'operations.jwks', tags, summary: 'Public keys that verify access tokens', security: [],
      description: `The JSON Web Key Set (RFC 7517) of the access tokens' signing keys, retired ones included until their tokens expire; cacheable for 5 minutes. ${ROOT}`,
      response: { 200: ok('The JSON Web Key Set', Jwks) },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    // a rotation made by `saasready keys rotate` (another process) shows here within a second
    await keyring.reloadIfOlderThan(1_000);
    return keyring.jwks();
  });
};
