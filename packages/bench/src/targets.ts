// What the bench points autocannon at: a fresh migrated database (PGlite in a temp DATA_DIR, or a
// throw-away PostgreSQL database), the real app on it, and the "ceiling" server on the same handle.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { importJWK, jwtVerify, type JWK } from 'jose';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '@saasready/server/internal/app.js';
import { loadConfig, type Config } from '@saasready/server/internal/config.js';
import { openDatabase, queryRows, type DatabaseHandle } from '@saasready/server/internal/db/client.js';
import { sessions } from '@saasready/server/internal/db/schema.js';
import { randomToken, sha256 } from '@saasready/server/internal/lib/crypto.js';
import { newId } from '@saasready/server/internal/lib/ids.js';

export type DbKind = 'pglite' | 'postgres';

export interface BenchDatabase {
  kind: DbKind;
  handle: DatabaseHandle;
  /** where it lives, for the report (no credentials) */
  description: string;
  /** server version string */
  version: string;
  /** the database's name on PostgreSQL (null on PGlite) */
  name: string | null;
  /**
   * Runs one statement outside the app's pool, without its 15 s statement_timeout (bulk seeding,
   * VACUUM): on PostgreSQL on a connection of its own, on PGlite on the same client.
   */
  bulk(text: string, params?: unknown[]): Promise<void>;
  drop(): Promise<void>;
}

/** A fresh database of the given kind, migrated with the app's own migrations. */
export async function createDatabase(kind: DbKind, postgresUrl: string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'saasready-bench-'));
    const handle = await openDatabase({ databaseUrl: undefined, dataDir: dir });
    await handle.migrate();
    const [row] = await queryRows<{ version: string }>(handle.db, sql`select version() as version`);
    return {
      kind,
      handle,
      description: 'PGlite (embedded, temp DATA_DIR)',
      name: null,
      version: row?.version ?? '?',
      async bulk(text, params = []) {
        await (handle.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<unknown> } }).$client.query(text, params);
      },
      async drop() {
        await handle.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `saasready_bench_${process.pid}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  await admin(async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  });
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  // the app's own default pool (10), as in production
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
  await handle.migrate();
  const [row] = await queryRows<{ version: string }>(handle.db, sql`select version() as version`);
  return {
    kind,
    handle,
    description: `PostgreSQL on ${url.hostname}:${url.port || '5432'} (fresh database ${name}, pool max 10)`,
    name,
    version: row?.version ?? '?',
    async bulk(text, params = []) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await client.query(text, params);
      } finally {
        await client.end();
      }
    },
    async drop() {
      await handle.close().catch(() => {});
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/**
 * Production config with a random master key, quiet logs, rate limits off (the bench hammers from
 * one IP) and 2-hour access tokens (the users' tokens are issued once and must outlive a long run).
 */
export function benchConfig(): Config {
  const config = loadConfig(
    { NODE_ENV: 'production', DATA_DIR: 'memory://', MASTER_KEY: randomBytes(32).toString('base64url'), LOG_LEVEL: 'warn', ACCESS_TOKEN_TTL: '2h' },
    () => {},
  );
  config.rateLimit.enabled = false;
  return config;
}

export interface Target {
  app: FastifyInstance;
  baseUrl: string;
  close(): Promise<void>;
}

function urlOf(app: FastifyInstance): string {
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** warn-level log lines go to stderr, keeping stdout for the table */
const stderrStream = new Writable({
  write(chunk, _encoding, callback) {
    process.stderr.write(chunk, () => callback());
  },
});

export async function startApp(config: Config, database: BenchDatabase): Promise<Target> {
  const app = await buildApp(config, { database: database.handle, logStream: stderrStream, migrate: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, baseUrl: urlOf(app), close: () => app.close() };
}

/**
 * The ceiling: bare Fastify 5, no plugins, a route doing what /auth/me cannot avoid — an ES256
 * verify with jose (public key imported once, algorithm pinned) and one primary-key select on the
 * sessions table, through the same database handle as the app. A second route, PATCH
 * /ceiling/orgs/:org_id, is the write ceiling: the same verify and one UPDATE of the organization.
 */
export async function startCeiling(
  database: BenchDatabase,
  jwks: { keys: JWK[] },
  claims: { issuer: string; audience: string },
): Promise<Target> {
  const jwk = jwks.keys.find((k) => k.alg === 'ES256');
  if (!jwk) throw new Error('the app published no ES256 signing key');
  const key = await importJWK(jwk, 'ES256');
  const { db } = database.handle;
  const app = Fastify({ logger: false });
  app.get('/ceiling', async (request, reply) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
    let sid: string;
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['ES256'], issuer: claims.issuer, audience: claims.audience });
      sid = String(payload.sid);
    } catch {
      return reply.code(401).send({ error: 'invalid token' });
    }
    const [row] = await queryRows<{ id: string; user_id: string; expires_at: Date; revoked_at: Date | null }>(
      db,
      sql`select id, user_id, expires_at, revoked_at from sessions where id = ${sid}`,
    );
    if (!row) return reply.code(401).send({ error: 'no session' });
    return { id: row.id, user_id: row.user_id, revoked: row.revoked_at !== null };
  });
  // The write ceiling: the same verify, then the one UPDATE that PATCH /orgs/{id} makes to the
  // organization (as organizations/repository.ts update() sends it: set, bump updated_at, returning
  // the row), autocommitted — no session lookup, no guard, no transaction, no audit row.
  app.patch<{ Params: { org_id: string }; Body: { description?: string } }>('/ceiling/orgs/:org_id', async (request, reply) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
    try {
      await jwtVerify(token, key, { algorithms: ['ES256'], issuer: claims.issuer, audience: claims.audience });
    } catch {
      return reply.code(401).send({ error: 'invalid token' });
    }
    const [row] = await queryRows<{ id: string; name: string; slug: string; description: string | null; updated_at: Date | string }>(
      db,
      sql`update organizations set description = ${request.body?.description ?? null}, updated_at = ${new Date().toISOString()}
           where id = ${request.params.org_id} and deleted_at is null
       returning id, name, slug, description, metadata, settings, is_active, created_at, updated_at`,
    );
    if (!row) return reply.code(404).send({ error: 'no organization' });
    return { id: row.id, name: row.name, slug: row.slug, description: row.description, updated_at: row.updated_at };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app: app as unknown as FastifyInstance, baseUrl: urlOf(app as unknown as FastifyInstance), close: () => app.close() };
}

export interface BenchUser {
  email: string;
  password: string;
  userId: string;
  organizationId: string | null;
  accessToken: string;
}

/** One JSON API call for bench set-up; a non-2xx answer throws with its status and body. */
export async function call(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<any> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** Registers `count` users through the API (one argon2 hash each) and checks /auth/me works for them. */
export async function registerUsers(baseUrl: string, count: number): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  const tag = randomBytes(4).toString('hex');
  for (let i = 0; i < count; i++) {
    const email = `bench-${tag}-${i}@example.com`;
    const password = `Bench-${randomBytes(9).toString('base64url')}`;
    const registered = await call(baseUrl, 'POST', '/api/v1/auth/register', { email, password, full_name: `Bench User ${i}` });
    const me = await call(baseUrl, 'GET', '/api/v1/auth/me', undefined, registered.access_token);
    users.push({ email, password, userId: me.id, organizationId: me.current_organization?.id ?? null, accessToken: registered.access_token });
  }
  return users;
}

export async function fetchJwks(baseUrl: string): Promise<{ keys: JWK[] }> {
  return call(baseUrl, 'GET', '/.well-known/jwks.json');
}

/**
 * `count` fresh sessions, each with its current refresh token, written the way startSession writes
 * them (hashed token on the session row, 30-day expiry) but in bulk: logging in that many times would cost an argon2
 * verify each. Returns the plaintext refresh tokens.
 */
export async function seedRefreshTokens(database: BenchDatabase, users: BenchUser[], count: number, refreshTtlSeconds: number): Promise<string[]> {
  const tokens: string[] = [];
  const expiresAt = new Date(Date.now() + refreshTtlSeconds * 1000);
  const CHUNK = 500;
  for (let start = 0; start < count; start += CHUNK) {
    const sessionRows: (typeof sessions.$inferInsert)[] = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++) {
      const user = users[i % users.length]!;
      const token = randomToken();
      sessionRows.push({ id: newId(), user_id: user.userId, organization_id: user.organizationId, ip: '127.0.0.1', user_agent: 'saasready-bench', expires_at: expiresAt, refresh_hash: sha256(token) });
      tokens.push(token);
    }
    await database.handle.db.insert(sessions).values(sessionRows);
  }
  return tokens;
}
