// The references of issue 20's write-path targets that are "the least work the call needs on the same
// stack": bare Fastify 5 (no plugins) in the bench's process, on the app's database handle.
//
// - POST /ceiling/refresh: one compare-and-swap UPDATE on a small sessions table of its own
//   (`sessions_ref`: id, user, current secret's hash, generation, expiry, revoked) and one ES256
//   signature. The body carries the session id and its current secret; the answer the next secret.
//   The load generator keeps a pool of sessions (more than connections) and chains each session's next
//   request from the previous answer (load.ts `chain`), so every request presents the current secret
//   and the swap succeeds; a stale secret would be a 401.
// - GET /ceiling/me: a jose verify of the app's access token and one in-memory Map lookup of its
//   session — what a cache hit costs, with no query.
import { createHash, randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { sql } from 'drizzle-orm';
import { queryRows } from '@saasready/server/internal/db/client.js';
import type { BenchDatabase, BenchUser, Target } from './targets.js';

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

export interface WriteCeilings extends Target {
  /** fresh sessions for one refresh-ceiling run: `count` of them, each with its current secret */
  seedSessions(count: number): Promise<{ session_id: string; secret: string }[]>;
}

export async function startWriteCeilings(
  database: BenchDatabase,
  jwks: { keys: JWK[] },
  claims: { issuer: string; audience: string },
  user: BenchUser,
): Promise<WriteCeilings> {
  const jwk = jwks.keys.find((k) => k.alg === 'ES256');
  if (!jwk) throw new Error('the app published no ES256 signing key');
  const publicKey = await importJWK(jwk, 'ES256');
  // a signing key of its own, of the app's kind (ES256 P-256), imported once
  const { privateKey, publicKey: ownPublic } = await generateKeyPair('ES256', { extractable: true });
  const kid = `ceiling-${(await exportJWK(ownPublic)).x!.slice(0, 8)}`;
  const { db } = database.handle;
  await database.bulk(`create table if not exists sessions_ref (
    id uuid primary key,
    user_id uuid not null,
    secret_hash text not null,
    generation integer not null default 0,
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`);

  // what /auth/me answers, for the one session the bench's token names, held in a Map
  const { sid, sub } = decodeJwt(user.accessToken) as { sid: string; sub: string };
  const cache = new Map<string, { id: string; email: string; full_name: string; session_id: string; current_organization: { id: string | null } }>();
  cache.set(sid, { id: sub, email: user.email, full_name: 'Bench User 0', session_id: sid, current_organization: { id: user.organizationId } });

  const app = Fastify({ logger: false });
  app.get('/ceiling/me', async (request, reply) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
    let session: string;
    try {
      const { payload } = await jwtVerify(token, publicKey, { algorithms: ['ES256'], issuer: claims.issuer, audience: claims.audience });
      session = String(payload.sid);
    } catch {
      return reply.code(401).send({ error: 'invalid token' });
    }
    const me = cache.get(session);
    if (!me) return reply.code(401).send({ error: 'no session' });
    return me;
  });

  app.post<{ Body: { session_id?: string; secret?: string } }>('/ceiling/refresh', async (request, reply) => {
    const { session_id: id, secret } = request.body ?? {};
    if (typeof id !== 'string' || typeof secret !== 'string') return reply.code(400).send({ error: 'session_id and secret' });
    const next = randomBytes(32).toString('base64url');
    const [row] = await queryRows<{ id: string; user_id: string; generation: number }>(
      db,
      sql`update sessions_ref set secret_hash = ${hash(next)}, generation = generation + 1
           where id = ${id} and secret_hash = ${hash(secret)} and revoked_at is null and expires_at > now()
       returning id, user_id, generation`,
    );
    if (!row) return reply.code(401).send({ error: 'not the current secret' });
    const accessToken = await new SignJWT({ sid: row.id, gen: row.generation })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setSubject(row.user_id)
      .setIssuer(claims.issuer)
      .setAudience(claims.audience)
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(privateKey);
    return { session_id: row.id, secret: next, access_token: accessToken, token_type: 'Bearer', expires_in: 900 };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app: app as unknown as FastifyInstance,
    baseUrl,
    close: () => app.close(),
    async seedSessions(count) {
      const sessions = Array.from({ length: count }, () => ({ session_id: crypto.randomUUID(), secret: randomBytes(32).toString('base64url') }));
      await database.bulk(
        `insert into sessions_ref (id, user_id, secret_hash, expires_at)
         select s.id, $1::uuid, s.hash, now() + interval '30 days' from unnest($2::uuid[], $3::text[]) as s(id, hash)`,
        [sub, sessions.map((s) => s.session_id), sessions.map((s) => hash(s.secret))],
      );
      return sessions;
    },
  };
}
