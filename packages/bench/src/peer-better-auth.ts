// Better Auth 1.x as a measured peer for the write paths: its documented PostgreSQL setup (a `pg`
// Pool as `database`, default size 10 like ours), the organization plugin, email + password, rate
// limit off, served by its Node handler on 127.0.0.1:0 in the bench's process — the way the app is.
// Its own fresh database `betterauth_bench_<pid>` beside ours, its schema made by its own migration
// API (`getMigrations` from `better-auth/db/migration`), dropped at the end.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import { organization } from 'better-auth/plugins';
import pg from 'pg';

export interface BetterAuthPeer {
  baseUrl: string;
  /** what it is, for the report */
  description: string;
  /** headers of the signed-in user: the session cookie, and the Origin its CSRF check wants */
  headers: Record<string, string>;
  /** the organization that user created (they are its owner) */
  organizationId: string;
  /** its database's name */
  database: string;
  close(): Promise<void>;
}

/** One JSON call to the peer; a non-2xx answer throws. Returns the body and the Set-Cookie headers. */
async function call(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ body: any; cookies: string[] }> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Better Auth ${path} → ${response.status}: ${text.slice(0, 300)}`);
  return { body: text ? JSON.parse(text) : null, cookies: response.headers.getSetCookie() };
}

export async function startBetterAuth(postgresUrl: string): Promise<BetterAuthPeer> {
  const name = `betterauth_bench_${process.pid}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists "${name}" with (force)`);
  await admin(`create database "${name}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString() });
  // the database is dropped WITH (FORCE) at the end: a connection it terminates must not crash the bench
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  // the HTTP server first: Better Auth wants its base URL (cookies, the Origin check) up front
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  const drop = async () => {
    await pool.end().catch(() => {});
    await admin(`drop database if exists "${name}" with (force)`);
  };
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const auth = betterAuth({
      database: pool,
      baseURL: baseUrl,
      secret: randomBytes(32).toString('base64url'),
      emailAndPassword: { enabled: true },
      rateLimit: { enabled: false },
      telemetry: { enabled: false },
      logger: { level: 'error' },
      // the bench invites thousands of people into one organization: the default cap of 100 pending
      // invitations would turn the run into 403s (membershipLimit counts members, not invitations)
      plugins: [organization({ invitationLimit: 1_000_000_000 })],
    });
    const { runMigrations } = await getMigrations(auth.options);
    await runMigrations();
    handler = toNodeHandler(auth);

    const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
    const signUp = await call(baseUrl, '/api/auth/sign-up/email', { email, password: `Bench-${randomBytes(9).toString('base64url')}`, name: 'Bench Owner' });
    const cookie = signUp.cookies.map((c) => c.split(';')[0]).join('; ');
    if (!cookie.includes('session_token')) throw new Error(`Better Auth sign-up set no session cookie (${signUp.cookies.join(', ')})`);
    const headers = { cookie, origin: baseUrl };
    const org = await call(baseUrl, '/api/auth/organization/create', { name: 'Bench organization', slug: `bench-${randomBytes(4).toString('hex')}` }, headers);
    const [row] = (await pool.query<{ version: string }>('select version() as version')).rows;
    return {
      baseUrl,
      description: `Better Auth ${peerVersion()} (organization plugin, pg Pool max 10, fresh database ${name}; ${row?.version.split(',')[0] ?? ''})`,
      headers,
      organizationId: org.body.id as string,
      database: name,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await drop();
      },
    };
  } catch (err) {
    server.close();
    await drop().catch(() => {});
    throw err;
  }
}

/** the installed version, read from its package.json (not among its exports) */
function peerVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('better-auth');
    const file = join(entry.slice(0, entry.lastIndexOf(`${sep}dist${sep}`)), 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '1.x';
  }
}
