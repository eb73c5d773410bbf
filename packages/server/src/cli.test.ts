// The compiled CLI (`npm test` builds it first), run as a real process against a real database:
// PGlite in a temporary DATA_DIR, or the PostgreSQL test database on the postgres run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseHandle } from './db/client.js';
import { PasswordHasher } from './lib/passwords.js';
import { createTestDatabase, testDbKind, type TestDatabase } from '../test/helpers/db.js';
import { TEST_PGLITE_CONF } from '../test/helpers/pglite-conf.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Process startup includes opening (and on first use initialising) the database: be generous. */
const SPAWN_TIMEOUT = 120_000;

const ADMIN_EMAIL = 'Admin@B.Test';
const FIRST_PASSWORD = 'granite-harbor-lantern-17';
const SECOND_PASSWORD = 'velvet-comet-orchard-58';

let dataDir: string;
let pg: TestDatabase | null = null;
let baseEnv: Record<string, string>;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  expect(existsSync(CLI), `${CLI} missing: run tsc -b first`).toBe(true);
  dataDir = mkdtempSync(join(tmpdir(), 'saasready-cli-'));
  pg = testDbKind() === 'postgres' ? await createTestDatabase() : null;
  // A clean environment: nothing leaks in from the test runner's own.
  baseEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    MASTER_KEY: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'info',
    ...(pg ? { DATABASE_URL: pg.url! } : {}),
  };
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await pg?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** One request on a connection of its own (no keep-alive): the cluster's primary picks the worker. */
async function freshConnection(port: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; text: string }> {
  const { request } = await import('node:http');
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: Number(port), method, path, agent: false, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: Record<string, string> = {}, stdin?: string): { child: ChildProcess; done: Promise<Run>; stdout: () => string } {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...baseEnv, ...env }, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (stdin !== undefined) child.stdin!.end(stdin);
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done, stdout: () => stdout };
}

const run = (args: string[], env: Record<string, string> = {}, stdin?: string) => start(args, env, stdin).done;

/** `saasready start` on a free port, once it listens. */
async function startServing(): Promise<{ server: ReturnType<typeof start>; baseUrl: string }> {
  const server = start(['start'], { PORT: '0', HOST: '127.0.0.1' });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const check = () => {
      for (const line of server.stdout().split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string };
        const listening = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)$/.exec(entry.msg ?? '');
        if (listening) {
          server.child.stdout!.off('data', check);
          return resolve(listening[1]!);
        }
      }
    };
    server.child.stdout!.on('data', check);
    server.done.then((r) => reject(new Error(`server exited early (${r.code}): ${r.stderr}`)), reject);
  });
  return { server, baseUrl };
}

const login = (baseUrl: string, email: string, password: string) =>
  fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

/** No stack frames: operators get one readable line, not a trace. */
const expectNoStack = (output: string) => expect(output).not.toMatch(/^\s+at /m);

/** The CLI's database, opened after the process has exited (PGlite allows one process at a time). */
async function inspect<T>(work: (db: DatabaseHandle['db']) => Promise<T>): Promise<T> {
  if (pg) return work(pg.handle.db);
  const handle = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

describe('configuration and usage errors', () => {
  it('exits non-zero on a bad PORT with one line naming it, and no stack trace', async () => {
    const result = await run(['migrate'], { PORT: 'abc' });
    expect(result.code).not.toBe(0);
    expect(result.code).toBe(78); // EX_CONFIG
    expect(result.stderr).toContain('Invalid configuration: PORT');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expectNoStack(result.stderr);
  });

  it('exits 2 with the usage on an unknown command', async () => {
    const result = await run(['frobnicate', '--now']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command: frobnicate --now');
    expect(result.stderr).toContain('Usage: saasready <command>');
    expect(result.stderr).toMatch(/create-admin --email/);
    expectNoStack(result.stderr);
  });

  it('treats a mistyped create-admin option as a usage error (exit 2), not a crash', async () => {
    const result = await run(['create-admin', '--email', 'typo@b.test', '--pasword', 'granite-harbor-lantern-99']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--pasword'/);
    expect(result.stderr).toContain('Usage: saasready <command>');
    expectNoStack(result.stderr);
  });
});

describe('start --workers', () => {
  it('refuses bad worker counts, and several workers on the embedded database', { timeout: SPAWN_TIMEOUT }, async () => {
    const zero = await run(['start', '--workers', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--workers must be a whole number');
    if (!pg) {
      const embedded = await run(['start', '--workers', '2']);
      expect(embedded.code).toBe(2);
      expect(embedded.stderr).toContain('--workers needs DATABASE_URL');
    }
  });

  it.runIf(process.env.TEST_DB === 'postgres')('runs N processes on PostgreSQL that all serve, enforce one another\'s revocations within a second, and stop on SIGTERM', { timeout: SPAWN_TIMEOUT }, async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const server = start(['start', '--workers', '2'], { PORT: port, LOG_LEVEL: 'info' });
    const deadline = Date.now() + 20_000;
    const pids = new Set<number>();
    while (Date.now() < deadline && pids.size < 2) {
      const listening = [...server.stdout().matchAll(/"pid":(\d+)[^\n]*Server listening/g)].map((m) => Number(m[1]));
      listening.forEach((pid) => pids.add(pid));
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(pids.size).toBe(2);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);

    // A logout answered by one process is enforced by the other (which cached the session) within a
    // second. Each request opens its own connection, so the primary deals them out round-robin.
    const email = `workers-${randomBytes(4).toString('hex')}@example.test`;
    const registered = await freshConnection(port, 'POST', '/api/v1/auth/register', undefined, { email, password: FIRST_PASSWORD, full_name: 'Two Workers' });
    expect(registered.status, registered.text).toBe(201);
    const token = JSON.parse(registered.text).access_token as string;
    const me = () => freshConnection(port, 'GET', '/api/v1/auth/me', token);
    for (let i = 0; i < 10; i++) expect((await me()).status).toBe(200); // both processes serve it, from their caches after the first

    // Wrong passwords at once through both processes: the lockout (default threshold 5) checks at
    // most its threshold, whichever process takes each guess; the rest are refused unchecked.
    const guesses = await Promise.all(Array.from({ length: 60 }, (_, i) => freshConnection(port, 'POST', '/api/v1/auth/login', undefined, { email, password: `wrong-guess-${i}` })));
    const checked = guesses.filter((g) => g.status === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(guesses.filter((g) => g.status === 429)).toHaveLength(60 - checked);
    expect((await freshConnection(port, 'POST', '/api/v1/auth/logout', token)).status).toBe(204);
    const loggedOut = Date.now();
    let refusedInARow = 0;
    while (refusedInARow < 6) {
      refusedInARow = (await me()).status === 401 ? refusedInARow + 1 : 0;
      expect(Date.now() - loggedOut, 'a process still accepts the revoked session').toBeLessThan(1_000);
    }
    server.child.kill('SIGTERM');
    const result = await server.done;
    expect(result.code).toBe(0);
  });
});

describe('database commands', () => {
  it('migrate applies the migrations and exits 0', { timeout: SPAWN_TIMEOUT }, async () => {
    const result = await run(['migrate']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('migrations applied');
    // from here on, PGlite starts with 16 MB of shared buffers like every test database (zeroing the
    // default 128 MB is ~0.5 s of each of the ~20 starts below; PostgreSQL takes the last setting)
    if (!pg) appendFileSync(join(dataDir, 'pgdata', 'postgresql.conf'), `\n${TEST_PGLITE_CONF.join('\n')}\n`);
    const tables = await inspect((db) => queryRows<{ n: number }>(db, sql`select count(*)::int as n from information_schema.tables where table_name in ('users', 'sessions', 'signing_keys', 'audit_logs')`));
    expect(tables[0]!.n).toBe(4);
  });

  it('create-admin creates an instance superuser with a personal organization', { timeout: SPAWN_TIMEOUT }, async () => {
    const result = await run(['create-admin', '--email', ADMIN_EMAIL, '--password', FIRST_PASSWORD, '--full-name', 'Ada Admin']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('created superuser admin@b.test');
    const rows = await inspect((db) =>
      queryRows<{ is_superuser: boolean; full_name: string; memberships: number }>(
        db,
        sql`select u.is_superuser, u.full_name, (select count(*)::int from memberships m where m.user_id = u.id) as memberships from users u where u.email = 'admin@b.test'`,
      ),
    );
    expect(rows).toEqual([{ is_superuser: true, full_name: 'Ada Admin', memberships: 1 }]);
  });

  it('create-admin again updates the password of the same account instead of duplicating it', { timeout: SPAWN_TIMEOUT }, async () => {
    const result = await run(['create-admin', '--email', ADMIN_EMAIL.toLowerCase(), '--password', SECOND_PASSWORD]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('promoted superuser admin@b.test');
    const rows = await inspect((db) =>
      queryRows<{ is_superuser: boolean; password_hash: string }>(db, sql`select is_superuser, password_hash from users where email = 'admin@b.test'`),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.is_superuser).toBe(true);
    const hasher = new PasswordHasher({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect((await hasher.verify(rows[0]!.password_hash, SECOND_PASSWORD)).ok).toBe(true);
    expect((await hasher.verify(rows[0]!.password_hash, FIRST_PASSWORD)).ok).toBe(false);
  });

  it('create-admin refuses a common password, exits non-zero and changes nothing', { timeout: SPAWN_TIMEOUT }, async () => {
    const result = await run(['create-admin', '--email', 'other-admin@b.test', '--password', 'password1234']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/password/i);
    expectNoStack(result.stderr);
    const rows = await inspect((db) => queryRows(db, sql`select id from users where email = 'other-admin@b.test'`));
    expect(rows).toHaveLength(0);
  });

  /** Whether admin@b.test's stored password is `password`. */
  const adminPasswordIs = async (email: string, password: string) => {
    const rows = await inspect((db) => queryRows<{ password_hash: string }>(db, sql`select password_hash from users where email = ${email}`));
    expect(rows).toHaveLength(1);
    return (await new PasswordHasher({ memoryCost: 19456, timeCost: 2, parallelism: 1 }).verify(rows[0]!.password_hash, password)).ok;
  };

  it('create-admin without --password reads the first line of standard input (never the rest)', { timeout: SPAWN_TIMEOUT }, async () => {
    const result = await run(['create-admin', '--email', 'stdin-admin@b.test'], {}, `${FIRST_PASSWORD}\nsecond line ignored\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('created superuser stdin-admin@b.test');
    expect(result.stderr).not.toMatch(/--password is visible/);
    expect(await adminPasswordIs('stdin-admin@b.test', FIRST_PASSWORD)).toBe(true);
  });

  it('create-admin without --password takes SAASREADY_ADMIN_PASSWORD; --password still works but warns it shows in ps', { timeout: SPAWN_TIMEOUT }, async () => {
    const fromEnv = await run(['create-admin', '--email', 'stdin-admin@b.test'], { SAASREADY_ADMIN_PASSWORD: SECOND_PASSWORD });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stdout).toContain('promoted superuser stdin-admin@b.test');
    expect(await adminPasswordIs('stdin-admin@b.test', SECOND_PASSWORD)).toBe(true);
    const flag = await run(['create-admin', '--email', 'stdin-admin@b.test', '--password', FIRST_PASSWORD]);
    expect(flag.code, flag.stderr).toBe(0);
    expect(flag.stderr).toMatch(/--password is visible to other users in the process list/);
    expect(await adminPasswordIs('stdin-admin@b.test', FIRST_PASSWORD)).toBe(true);
  });

  it('create-admin with no password anywhere is a usage error (exit 2) that says where to put it', async () => {
    const result = await run(['create-admin', '--email', 'nopass@b.test'], {}, '');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs a password: pipe it on standard input, set SAASREADY_ADMIN_PASSWORD/);
    expectNoStack(result.stderr);
  });

  // Item 1 of issue 16: the README's command, from the repository root, as a new user types it.
  it('`npx saasready create-admin` from the repository root works as the README shows (password on standard input)', { timeout: SPAWN_TIMEOUT }, async () => {
    const child = spawn('sh', ['-c', `printf '%s\\n' "$PW" | npx saasready create-admin --email npx-admin@b.test`], { cwd: REPO_ROOT, env: { ...baseEnv, PW: FIRST_PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    children.delete(child);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('created superuser npx-admin@b.test');
    expect(await adminPasswordIs('npx-admin@b.test', FIRST_PASSWORD)).toBe(true);
  });

  it('npm can link the saasready command at install time, before anything is built', () => {
    // npm links a bin only if its file exists when it installs: in a fresh clone that is before the
    // prepare script builds dist/, so the bin must be a checked-in file; and a root package of the same
    // name would make `npx saasready` look at the root manifest (which has no bin) instead
    const server = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/server/package.json'), 'utf8')) as { bin: Record<string, string> };
    const rootName = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name;
    expect(rootName).not.toBe('saasready');
    const bin = join('packages/server', server.bin.saasready!);
    expect(bin, 'the bin is a build output').not.toMatch(/^packages\/server\/dist\//);
    expect(existsSync(join(REPO_ROOT, bin)), `${bin} missing`).toBe(true);
  });

  let rotatedKid = '';
  it('keys rotate adds a signing key and retires the previous one', { timeout: SPAWN_TIMEOUT }, async () => {
    const result = await run(['keys', 'rotate']);
    expect(result.code, result.stderr).toBe(0);
    const match = /new signing key (\S+);/.exec(result.stdout);
    expect(match, result.stdout).not.toBeNull();
    rotatedKid = match![1]!;
    const keys = await inspect((db) =>
      queryRows<{ kid: string; retired: boolean }>(db, sql`select kid, retired_at is not null as retired from signing_keys order by created_at`),
    );
    expect(keys).toHaveLength(2);
    expect(keys.filter((k) => k.retired)).toHaveLength(1);
    expect(keys.find((k) => !k.retired)!.kid).toBe(rotatedKid);
  });

  it('start serves the API, signs with the rotated key, and exits 0 on SIGTERM', { timeout: SPAWN_TIMEOUT }, async () => {
    const { server, baseUrl } = await startServing();

    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const jwks = (await (await fetch(`${baseUrl}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid)).toContain(rotatedKid);
    expect(jwks.keys).toHaveLength(2);

    // the admin made by the CLI logs in with the updated password, and the token uses the new key
    const loggedIn = await login(baseUrl, ADMIN_EMAIL, SECOND_PASSWORD);
    expect(loggedIn.status).toBe(200);
    const tokens = (await loggedIn.json()) as { access_token: string; user: { is_superuser: boolean } };
    expect(tokens.user.is_superuser).toBe(true);
    expect(JSON.parse(Buffer.from(tokens.access_token.split('.')[0]!, 'base64url').toString()).kid).toBe(rotatedKid);

    server.child.kill('SIGTERM');
    const result = await server.done;
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/"signal":"SIGTERM".*"msg":"shutting down"/);
    expect(result.stdout).not.toContain(SECOND_PASSWORD);
    expect(result.stdout).not.toContain(tokens.access_token);
  });

  // Item 2 of issue 16: PGlite is single-process; a second process on the same DATA_DIR used to
  // report success and lose its write when the server closed. Now it refuses at once.
  const LOCKED_EMAIL = 'while-running@b.test';
  it.runIf(testDbKind() === 'pglite')('while start runs, create-admin and a second start refuse at once naming the holder, and write nothing', { timeout: SPAWN_TIMEOUT }, async () => {
    const { server } = await startServing();
    const refusal = new RegExp(`^DATA_DIR .* is in use by process ${server.child.pid} \\(node .*cli\\.js start\\) since \\S+: .*Stop that process, then run this again`);
    const began = Date.now();
    const admin = await run(['create-admin', '--email', LOCKED_EMAIL], {}, `${FIRST_PASSWORD}\n`);
    const secondStart = start(['start'], { PORT: '0', HOST: '127.0.0.1' });
    const second = await Promise.race([secondStart.done, new Promise<Run>((resolve) => setTimeout(() => resolve({ code: null, signal: null, stdout: 'still running after 15 s', stderr: '' }), 15_000))]);
    secondStart.child.kill('SIGKILL');
    expect(Date.now() - began, 'refusing must not wait for the database').toBeLessThan(12_000);
    for (const refused of [admin, second]) {
      expect(refused.code).toBe(1);
      expect(refused.stdout).not.toMatch(/created|promoted|listening/);
      expect(refused.stderr.trim()).toMatch(refusal);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expectNoStack(refused.stderr);
    }
    server.child.kill('SIGTERM');
    expect((await server.done).code).toBe(0);
    expect(existsSync(join(dataDir, 'saasready.lock')), 'the server released its lock').toBe(false);
    expect(await inspect((db) => queryRows(db, sql`select id from users where email = ${LOCKED_EMAIL}`))).toHaveLength(0);
  });

  it.runIf(testDbKind() === 'pglite')('takes over a lock left by a dead process: create-admin succeeds and the next start lets that user log in', { timeout: SPAWN_TIMEOUT }, async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dataDir, 'saasready.lock'), JSON.stringify({ pid: dead, since: '2026-01-01T00:00:00.000Z', command: 'node cli.js start', hostname: 'crashed' }));
    const admin = await run(['create-admin', '--email', LOCKED_EMAIL], {}, `${FIRST_PASSWORD}\n`);
    expect(admin.code, admin.stderr).toBe(0);
    expect(admin.stdout).toContain(`created superuser ${LOCKED_EMAIL}`);
    expect(admin.stderr).toContain(`taking over the lock of process ${dead}`);
    const { server, baseUrl } = await startServing();
    expect((await login(baseUrl, LOCKED_EMAIL, FIRST_PASSWORD)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect((await server.done).code).toBe(0);
  });
});
