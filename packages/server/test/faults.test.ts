// Fault injection: PostgreSQL restarted under load, Redis killed under load, a connection dying
// right after checkout, and a server process killed (SIGKILL) in the middle of concurrent writes.
// PostgreSQL only. The shared PostgreSQL and Redis of the test run are never stopped: the restart
// and the kill hit a private cluster and a private redis-server the test starts; a connection
// dying exactly between checkout and BEGIN still needs a TCP proxy, the one way to cut it on cue.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pg from 'pg';
import { LISTENER_NAME, openDatabase, queryRows } from '../src/db/client.js';
import { isDatabaseUnavailable } from '../src/db/errors.js';
import { sha256 } from '../src/lib/crypto.js';
import { verifyChain } from '../src/modules/audit-logs/service.js';
import { startTestApp } from './helpers/app.js';
import { callChild, startChildServer, type ChildServer } from './helpers/child-server.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { expectProblem, login, registerUser, uniqueEmail, STRONG_PASSWORD } from './helpers/factories.js';
import { startPrivatePostgres } from './helpers/private-postgres.js';
import { startPrivateRedis } from './helpers/private-redis.js';
import { linkToken, startSmtpServer } from './helpers/smtp.js';
import { startTcpProxy } from './helpers/tcp-proxy.js';

/** Generous, yet far below the test timeout: the pool gives up connecting after 5 s, a statement after 15 s. */
const REQUEST_BOUND_MS = 20_000;
const STACK_TRACE = /\bat .+\.(ts|js):\d+/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  // bounded: a failed test must not turn into a hook timeout (a leaked pool client makes close() wait forever)
  while (cleanups.length) await Promise.race([cleanups.pop()!().catch(() => {}), sleep(5_000)]);
});

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** One sample of the app's /metrics (Prometheus text), by metric name and labels; 0 when absent. */
async function metric(t: { request: (method: string, path: string) => Promise<{ text: string }> }, name: string, labels: Record<string, string> = {}): Promise<number> {
  const { text } = await t.request('GET', '/metrics');
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => has[k] === v)) return Number(match[3]);
  }
  return 0;
}

interface Sample {
  what: string;
  /** the phase the request started in */
  phase: 'before' | 'down' | 'after';
  startedAt: number;
  status: number;
  ms: number;
  contentType: string;
  text: string;
}

describe.runIf(process.env.TEST_DB === 'postgres')('PostgreSQL restarted while requests flow', () => {
  it('answers 503 problems while it is down, never 500, never hangs; the same server then serves, writes and sees revocations', { timeout: 45_000 }, async ({ annotate }) => {
    // An error nobody handles would end a real server process (seen: a pg client losing its
    // connection mid-transaction); here it must be counted, not just reported by the runner.
    const uncaught: string[] = [];
    const onUncaught = (err: Error) => uncaught.push(`${err.name}: ${err.message}`);
    process.on('uncaughtException', onUncaught);
    cleanups.push(async () => process.off('uncaughtException', onUncaught));
    // a cluster of this test's own: the shared PostgreSQL of the run must never go down
    const cluster = await startPrivatePostgres();
    cleanups.push(() => cluster.remove());
    const url = cluster.url();
    const handle = await openDatabase({ databaseUrl: url, dataDir: 'memory://', poolMax: 5 });
    cleanups.push(() => handle.close());
    await handle.migrate();
    const database: TestDatabase = { handle, url, drop: async () => {} };
    // logins repeat for one account: neither the per-account limit nor the lockout may turn them into
    // 429s (a login cut off by the outage counts against the lockout until its lease ends, by design)
    const t = await startTestApp({ databaseUrl: url, rateLimit: { perAccountPerMinute: 100_000 }, lockout: { threshold: 100_000, accountThreshold: 100_000 } }, { database });
    cleanups.push(() => t.close());
    // a connection beside the server, as an operator's psql would be: its changes reach the server
    // only through PostgreSQL
    const operator = new pg.Client({ connectionString: url });
    const startTime = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<{ t: string }>('select pg_postmaster_start_time()::text as t')).rows[0]!.t;
      } finally {
        await client.end();
      }
    };
    const bootedAt = await startTime();

    const user = await registerUser(t);
    const calls: [string, () => ReturnType<typeof t.request>][] = [
      ['GET /auth/me', () => t.request('GET', '/api/v1/auth/me', { token: user.accessToken })],
      ['GET /orgs/{id}/members', () => t.request('GET', `/api/v1/orgs/${user.orgId}/members`, { token: user.accessToken })],
      ['GET /auth/me', () => t.request('GET', '/api/v1/auth/me', { token: user.accessToken })],
      ['GET /orgs/{id}/members', () => t.request('GET', `/api/v1/orgs/${user.orgId}/members`, { token: user.accessToken })],
      ['POST /auth/login', () => t.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: STRONG_PASSWORD } })],
    ];

    let phase: Sample['phase'] = 'before';
    let stop = false;
    const samples: Sample[] = [];
    const client = async (offset: number) => {
      // bounded: at most 1,000 requests per client, 25 ms apart
      for (let n = 0; n < 1_000 && !stop; n++) {
        const [what, call] = calls[(offset + n) % calls.length]!;
        const started = performance.now();
        const startedIn = phase;
        const res = await call().catch((err: Error) => ({ status: 0, headers: new Headers(), text: `fetch failed: ${err.message}` }));
        samples.push({ what, phase: startedIn, startedAt: started, status: res.status, ms: performance.now() - started, contentType: res.headers.get('content-type') ?? '', text: res.text });
        await sleep(25);
      }
    };
    const traffic = Promise.all(Array.from({ length: 6 }, (_, i) => client(i)));

    await until('traffic flows', async () => samples.filter((s) => s.status === 200).length >= 12, 10_000, 20);
    // fast shutdown: PostgreSQL terminates every session (57P01), then refuses connections
    phase = 'down';
    const downAt = performance.now();
    await cluster.stop();
    await sleep(1_000);
    const readyWhileDown = await t.request('GET', '/readyz');
    // the cache listener noticed: its connection died with the others, so nothing is served from cache
    const listenerWhileDown = await metric(t, 'cache_listener_up');
    await sleep(2_000);
    await cluster.start();
    phase = 'after';
    const backAt = performance.now();
    // the same process answers again, without a restart: poll, each poll itself bounded by the fetch
    await until('GET /auth/me answers 200 once PostgreSQL is back', async () => (await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).status === 200, 5_000, 50);
    const recoveredAt = performance.now();
    const readyAfter = await t.request('GET', '/readyz');
    // the cache listener connects and LISTENs again by itself (it backs off up to 2 s between attempts)
    await until('the cache listener is back', async () => (await metric(t, 'cache_listener_up')) === 1, 5_000, 50);
    const listenerBackAt = performance.now();
    await sleep(1_500);
    stop = true;
    await traffic;
    // a connection that died while checked out must still go back to (and be dropped by) the pool:
    // one that is never released is a slot lost for good, and enough of them starve the server
    const pool = (handle.db as unknown as { $client: { totalCount: number; idleCount: number } }).$client;
    await until('every pool connection is released', async () => pool.totalCount === pool.idleCount, 2_000, 50).catch(() => {});
    expect(pool.totalCount - pool.idleCount, 'connections checked out and never released').toBe(0);

    // it really was restarted (not merely unreachable)
    expect(await startTime()).not.toBe(bootedAt);
    expect(listenerWhileDown).toBe(0);
    // one listening connection, shared by the cache invalidation and the webhook wake-ups, not one
    // more per reconnection attempt: both came back on it, and nothing leaked
    await operator.connect();
    cleanups.push(() => operator.end());
    const listeners = await operator.query('select count(*)::int as n from pg_stat_activity where application_name = $1', [LISTENER_NAME]);
    expect(listeners.rows[0].n).toBe(1);
    // /readyz follows the database
    expect(readyWhileDown.status, readyWhileDown.text).toBe(503);
    expect(readyWhileDown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(readyWhileDown.body).toMatchObject({ status: 503, code: 'service.unavailable' });
    expect(readyAfter.status, readyAfter.text).toBe(200);

    // every answer is a 2xx or a 503 problem with the stable code; none is a 500, none leaks a stack
    const unexpected = samples.filter((s) => !(s.status >= 200 && s.status < 300) && s.status !== 503);
    expect(unexpected.map((s) => `${s.phase} ${s.what} → ${s.status} ${s.text.slice(0, 200)}`)).toEqual([]);
    const unavailable = samples.filter((s) => s.status === 503);
    for (const s of unavailable) {
      expect(s.contentType, s.text).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(s.text)).toMatchObject({ status: 503, code: 'service.unavailable', type: 'urn:saasready:problem:service.unavailable' });
    }
    for (const s of samples) expect(s.text).not.toMatch(STACK_TRACE);
    expect(t.logs.filter((line) => line.includes('"unhandled error"'))).toEqual([]);
    expect(uncaught, 'uncaught exceptions: each would have killed a server process').toEqual([]);
    // the outage was seen (otherwise this test proves nothing) and was answered, not waited out
    expect(unavailable.filter((s) => s.phase === 'down').length).toBeGreaterThan(0);
    // nothing hung
    const slowest = Math.max(...samples.map((s) => s.ms));
    expect(slowest).toBeLessThan(REQUEST_BOUND_MS);
    // traffic before the shutdown was healthy, and once recovered it is healthy again for good
    const beforeDown = samples.filter((s) => s.startedAt + s.ms < downAt);
    expect(beforeDown.length).toBeGreaterThan(10);
    expect(beforeDown.filter((s) => s.status !== 200).map((s) => `${s.what} → ${s.status}`)).toEqual([]);
    const settled = samples.filter((s) => s.startedAt > recoveredAt + 500);
    expect(settled.length).toBeGreaterThan(10);
    expect(settled.filter((s) => s.status !== 200).map((s) => `${s.what} → ${s.status}`)).toEqual([]);
    expect(recoveredAt - backAt).toBeLessThan(5_000);

    // a write goes through after the restart, and is read back
    const renamed = await t.request('PATCH', '/api/v1/auth/me', { token: user.accessToken, body: { full_name: 'Renamed After Restart' } });
    expect(renamed.status, renamed.text).toBe(200);
    const me = await t.request('GET', '/api/v1/auth/me', { token: user.accessToken });
    expect(me.body.full_name).toBe('Renamed After Restart');
    // A session revoked after the restart by someone else than this server (an operator's SQL) is
    // refused: a server that caches sessions learns of it only through its LISTEN connection, which
    // the restart killed and which must have listened again.
    const other = await t.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: STRONG_PASSWORD } });
    expect(other.status, other.text).toBe(200);
    const otherToken: string = other.body.access_token;
    const otherSession: string = JSON.parse(Buffer.from(otherToken.split('.')[1]!, 'base64url').toString()).sid;
    // served from the cache, so the refusal below can only come from an invalidation that arrived
    expect((await t.request('GET', '/api/v1/auth/me', { token: otherToken })).status).toBe(200);
    const hits = await metric(t, 'cache_lookups_total', { cache: 'sessions', result: 'hit' });
    expect((await t.request('GET', '/api/v1/auth/me', { token: otherToken })).status).toBe(200);
    expect(await metric(t, 'cache_lookups_total', { cache: 'sessions', result: 'hit' })).toBeGreaterThan(hits);
    // a second listener, like the server's, shows the notification was sent
    const bystander = new pg.Client({ connectionString: url });
    await bystander.connect();
    cleanups.push(() => bystander.end());
    await bystander.query('listen saasready_cache');
    const heard = new Promise<void>((resolve) => bystander.on('notification', (n) => n.payload === `user:${user.userId}` && resolve()));
    await operator.query('update sessions set revoked_at = now() where id = $1', [otherSession]);
    const revokedAt = performance.now();
    await Promise.race([heard, sleep(2_000).then(() => Promise.reject(new Error('no saasready_cache notification for the revocation within 2 s')))]);
    // Another connection's commit reaches this process when its listener receives the notification:
    // not "the next request" but within the documented delivery time, which the suite holds to 1 s.
    // (Seen once: the request right after the bystander heard it was still answered from the cache.)
    let staleAnswers = 0;
    const refusedAfter = await until(
      'the session revoked by the operator is refused',
      async () => {
        const res = await t.request('GET', '/api/v1/auth/me', { token: otherToken });
        if (res.status === 200) return void staleAnswers++;
        expectProblem(res, 401, 'auth.session_revoked');
        return performance.now() - revokedAt;
      },
      1_000,
      5,
    );
    // One this server revokes itself (logout) is refused on the very next request: the writer waits
    // until its own notification came back through the listener (read-your-writes) …
    expect((await t.request('POST', '/api/v1/auth/logout', { token: user.accessToken })).status).toBe(204);
    expectProblem(await t.request('GET', '/api/v1/auth/me', { token: user.accessToken }), 401, 'auth.session_revoked');
    // … and it did come back, for the rename and the logout alike (a listener that reconnected but
    // does not LISTEN would make each writer time out and empty the caches instead)
    expect(t.logs.filter((l) => l.includes('own notification not received in time'))).toEqual([]);

    const count = (p: Sample['phase'], ok: boolean) => samples.filter((s) => s.phase === p && (s.status < 300) === ok).length;
    await annotate(
      `${samples.length} requests: before ${count('before', true)} ok/${count('before', false)} 503; down ${count('down', true)} ok/${count('down', false)} 503; ` +
        `after ${count('after', true)} ok/${count('after', false)} 503; slowest ${Math.round(slowest)} ms; PostgreSQL down ${Math.round(backAt - downAt)} ms; ` +
        `recovered ${Math.round(recoveredAt - backAt)} ms after it accepted connections again, cache listener back after ${Math.round(listenerBackAt - backAt)} ms; ` +
        `operator's revocation refused after ${Math.round(refusedAfter)} ms (${staleAnswers} answer(s) from the cache before)`,
    );
  });
});

describe.runIf(process.env.TEST_DB === 'postgres')('Redis killed while requests flow', () => {
  it('does not hold requests on a Redis that stops answering without closing: a command timeout, then per-process counts', { timeout: 30_000 }, async () => {
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.remove());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const namespace = `saasready-frozen:${randomBytes(6).toString('hex')}:`;
    const t = await startTestApp({ redisUrl: redis.url, rateLimit: { perAccountPerMinute: 3 }, lockout: { threshold: 1_000 } }, { database, redisNamespace: namespace });
    cleanups.push(() => t.close());
    redis.freeze(); // connections stay open, nothing is answered: the client still says "ready"
    const email = uniqueEmail('frozen');
    const timings: number[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      statuses.push((await login(t, email, 'wrong-password-x')).status);
      timings.push(performance.now() - started);
    }
    // counted in this process (3 allowed, the 4th refused), each answer after at most the 500 ms command timeout + argon2
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(Math.max(...timings)).toBeLessThan(2_500);
    const failing = t.logs.filter((l) => l.includes('redis commands failing: rate limits count per process'));
    expect(failing).toHaveLength(1);
    redis.thaw();
    // answering again: counts go to Redis once more (a fresh email, shared counter)
    const again = uniqueEmail('thawed');
    await until('Redis answers again', async () => (await login(t, again, 'wrong-password-x')).status === 401, 5_000, 100);
    const inspector = new Redis(redis.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await until('a counter in Redis', async () => (await inspector.keys(`${namespace}*login:account:${again}`)).length === 1, 5_000, 100);
    } finally {
      inspector.disconnect();
    }
  });

  it('keeps serving with limits counted per process (logged once), and counts in Redis again once it is back', { timeout: 30_000 }, async ({ annotate }) => {
    // a redis-server of this test's own: the shared one of the run must never go down
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.remove());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const namespace = `saasready-faults:${randomBytes(6).toString('hex')}:`;
    // two servers sharing one Redis, so "shared" and "per process" are told apart by the counts;
    // the 4th failed login for one email within a minute is refused; the database lockout (which
    // is shared whatever Redis does) is kept out of the way
    const overrides = { redisUrl: redis.url, rateLimit: { perAccountPerMinute: 3 }, lockout: { threshold: 1_000 } };
    const a = await startTestApp(overrides, { database, redisNamespace: namespace });
    cleanups.push(() => a.close());
    const b = await startTestApp({ ...overrides, masterKey: a.config.masterKey }, { database, redisNamespace: namespace });
    cleanups.push(() => b.close());
    const user = await registerUser(a);

    /** The login attempts Redis holds for `email` (null: no counter), read by a client of our own. */
    const countedInRedis = async (email: string) => {
      const inspector = new Redis(redis.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        const keys = (await inspector.keys(`${namespace}*`)).filter((k) => k.endsWith(`login:account:${email}`));
        expect(keys.length, `counters for ${email}: ${keys.join(', ')}`).toBeLessThanOrEqual(1);
        return keys[0] ? Number(await inspector.get(keys[0])) : null;
      } finally {
        inspector.disconnect();
      }
    };
    /** Failed logins for one email, alternating servers as listed; the statuses answered. */
    const attempts = async (email: string, servers: (typeof a)[]) => {
      const statuses: number[] = [];
      for (const server of servers) statuses.push((await login(server, email, 'wrong-password-x')).status);
      return statuses;
    };

    // background traffic on both servers, through the limiters (fresh emails: never limited) and not
    type Phase = 'up' | 'down' | 'back';
    let phase: Phase = 'up';
    let stop = false;
    const samples: { phase: Phase; what: string; status: number; ms: number; text: string }[] = [];
    const client = async (n: number) => {
      const server = n % 2 ? b : a;
      for (let i = 0; i < 1_000 && !stop; i++) {
        const startedIn = phase;
        const started = performance.now();
        const [what, res] =
          i % 2
            ? ['GET /auth/me', await server.request('GET', '/api/v1/auth/me', { token: user.accessToken }).catch((err: Error) => ({ status: 0, text: err.message }))]
            : ['POST /auth/login', await login(server, uniqueEmail('traffic'), 'wrong-password-x').catch((err: Error) => ({ status: 0, text: err.message }))];
        samples.push({ phase: startedIn, what, status: res.status, ms: performance.now() - started, text: res.text });
        await sleep(25);
      }
    };
    const traffic = Promise.all([0, 1, 2, 3].map(client));

    // Redis up: the limit is shared, the 4th attempt is refused whichever server takes it
    const sharedEmail = uniqueEmail('shared');
    expect(await attempts(sharedEmail, [a, b, a, b])).toEqual([401, 401, 401, 429]);
    expect(await countedInRedis(sharedEmail)).toBe(4);

    // The kill lands while requests talk to Redis: it first stops answering (SIGSTOP) with a burst
    // of logins waiting on it, then dies (SIGKILL), their commands still in flight. A plain kill
    // between two commands would leave the in-flight case to chance.
    phase = 'down';
    redis.freeze();
    const burst = Promise.all(Array.from({ length: 8 }, (_, i) => login(i % 2 ? b : a, uniqueEmail('burst'), 'wrong-password-x')));
    await sleep(300);
    const killedAt = performance.now();
    await redis.kill();
    const caughtByTheKill = await burst;
    expect(caughtByTheKill.map((r) => `${r.status} ${r.text.slice(0, 120)}`)).toEqual(caughtByTheKill.map(() => expect.stringMatching(/^401 /)));
    const unavailable = (t: typeof a) => t.logs.filter((l) => l.includes('redis unavailable: rate limits count per process until it is back'));
    await until('both servers log that Redis is unavailable', async () => unavailable(a).length > 0 && unavailable(b).length > 0, 5_000, 20);
    const loggedAt = performance.now();
    // degraded: each process counts alone, so each lets 3 through before refusing (6 in all, not 3)
    const degradedEmail = uniqueEmail('degraded');
    expect(await attempts(degradedEmail, [a, a, a, a])).toEqual([401, 401, 401, 429]);
    expect(await attempts(degradedEmail, [b, b, b, b])).toEqual([401, 401, 401, 429]);
    await sleep(1_000); // several reconnection attempts fail meanwhile (ioredis backs off from 50 ms)

    // back on the same port, empty: both servers reconnect by themselves and count in it again
    await redis.start();
    phase = 'back';
    const restartedAt = performance.now();
    const back = (t: typeof a) => t.logs.some((l) => l.includes('redis is back: rate limits are shared again'));
    await until('both servers log that Redis is back', async () => back(a) && back(b), 5_000, 20);
    const reconnectedAt = performance.now();
    const againEmail = uniqueEmail('again');
    expect(await attempts(againEmail, [b, a, b, a])).toEqual([401, 401, 401, 429]);
    expect(await countedInRedis(againEmail)).toBe(4);
    // the degraded phase's counts stayed in the processes: the restarted Redis never saw them
    expect(await countedInRedis(degradedEmail)).toBeNull();
    await sleep(500);
    stop = true;
    await traffic;

    // the servers kept serving: nothing but the answers of healthy servers, none slow
    const answered = (s: (typeof samples)[number]) => (s.what === 'GET /auth/me' ? s.status === 200 : s.status === 401);
    expect(samples.filter((s) => !answered(s)).map((s) => `${s.phase} ${s.what} → ${s.status} ${s.text.slice(0, 200)}`)).toEqual([]);
    expect(samples.filter((s) => s.phase === 'down').length).toBeGreaterThan(10);
    const slowest = Math.max(...samples.map((s) => s.ms));
    // a command caught by the kill waits for one failed reconnection (connectTimeout 2 s at most),
    // plus the slack of a busy 2-core machine (seen: 2.1 s at load average 8.7)
    expect(slowest).toBeLessThan(5_000);
    for (const t of [a, b]) {
      // logged per outage, not per reconnection attempt nor per request; warn level
      expect(unavailable(t)).toHaveLength(1);
      expect(JSON.parse(unavailable(t)[0]!).level).toBe(40);
      expect(t.logs.filter((l) => l.includes('rate limits fall back to per-process counting'))).toHaveLength(1);
      expect(t.logs.filter((l) => l.includes('"unhandled error"'))).toEqual([]);
    }

    await annotate(
      `${samples.length} requests (${samples.filter((s) => s.phase === 'down').length} while Redis was down), all answered, slowest ${Math.round(slowest)} ms; ` +
        `outage logged ${Math.round(loggedAt - killedAt)} ms after the kill; shared again ${Math.round(reconnectedAt - restartedAt)} ms after Redis was back`,
    );
  });
});

describe.runIf(process.env.TEST_DB === 'postgres')('A pooled connection dying right after checkout', () => {
  it('is released, not leaked: the pool keeps its slots and still closes', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const direct = new URL(database.url!);
    const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    cleanups.push(() => proxy.close());
    direct.hostname = '127.0.0.1';
    direct.port = String(proxy.port);
    const handle = await openDatabase({ databaseUrl: direct.toString(), dataDir: 'memory://', poolMax: 2 });
    const pool = (handle.db as unknown as { $client: { totalCount: number; idleCount: number; once(event: 'acquire', f: () => void): void } }).$client;
    await handle.ping(); // one idle connection in the pool

    // the connection dies between the transaction's checkout and its BEGIN
    pool.once('acquire', () => proxy.cut());
    const failed = await handle.db.transaction(async (tx) => tx.execute(sql`select 1`)).then(() => null, (err: unknown) => err);
    expect(isDatabaseUnavailable(failed), String(failed)).toBe(true);
    proxy.restore();
    await until('the dead connection is out of the pool', async () => pool.totalCount === pool.idleCount, 2_000, 20).catch(() => {});
    expect(pool.totalCount - pool.idleCount, 'connections checked out and never released').toBe(0);

    // both slots still serve transactions at once, and the pool closes
    await Promise.all([1, 2].map(() => handle.db.transaction(async (tx) => tx.execute(sql`select pg_sleep(0.05)`))));
    await expect(Promise.race([handle.close().then(() => 'closed'), sleep(3_000).then(() => 'hangs')])).resolves.toBe('closed');
  });
});

describe.runIf(process.env.TEST_DB === 'postgres')('A process killed with SIGKILL mid-invitation', () => {
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'saasready-faults-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  /** a child server whose SIGKILL at the end of the test is this file's cleanup */
  async function startChild(env: Record<string, string>): Promise<ChildServer> {
    const server = await startChildServer(env);
    cleanups.push(server.kill);
    return server;
  }
  const call = callChild;

  async function register(baseUrl: string, fullName: string) {
    const res = await call(baseUrl, 'POST', '/api/v1/auth/register', undefined, { email: uniqueEmail('inviter'), password: STRONG_PASSWORD, full_name: fullName });
    expect(res.status, res.text).toBe(201);
    const claims = JSON.parse(Buffer.from(res.body.access_token.split('.')[1], 'base64url').toString());
    return { userId: res.body.user.id as string, token: res.body.access_token as string, orgId: claims.org_id as string };
  }

  it('leaves every invitation whole or absent, keeps the audit chain intact, and delivers every committed email at least once', { timeout: 60_000 }, async ({ annotate }) => {
    const smtp = await startSmtpServer();
    cleanups.push(() => smtp.close());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const db = database.handle.db;
    const dbName = new URL(database.url!).pathname.slice(1);
    // the killed process's connections are recognisable in pg_stat_activity by their application_name
    const killedUrl = new URL(database.url!);
    killedUrl.searchParams.set('application_name', 'saasready-faults-killed');
    const env = {
      DATA_DIR: dataDir(),
      // both processes issue and accept the same tokens: the issuer must not depend on their ports
      PUBLIC_URL: 'https://auth.faults.test',
      MASTER_KEY: randomBytes(32).toString('base64url'),
      SMTP_URL: smtp.url,
      // a claim of the killed process must expire within this test, not after the default 60 s
      OUTBOX_LEASE: '2s',
    };

    const first = await startChild({ ...env, DATABASE_URL: killedUrl.toString() });
    // two inviters: the per-account invite limit (30 a minute) must not turn requests into 429s
    const owner = await register(first.baseUrl, 'Olive Owner');
    const admin = await register(first.baseUrl, 'Adam Admin');
    const roles = await call(first.baseUrl, 'GET', `/api/v1/orgs/${owner.orgId}/roles`, owner.token);
    expect(roles.status, roles.text).toBe(200);
    const roleId = (name: string) => roles.body.find((r: { name: string }) => r.name === name).id as string;
    await db.execute(sql`insert into memberships (id, organization_id, user_id, role_id, status) values (gen_random_uuid(), ${owner.orgId}, ${admin.userId}, ${roleId('Admin')}, 'active')`);
    const rollbacksBefore = await xactRollbacks(db, dbName);
    // the SMTP server records each message but answers slowly, so the worker of the process about
    // to die holds claimed messages, one of them already in the mailbox but not yet marked sent
    smtp.replyDelayMs = 1_000; // the first wave alone keeps the worker busy for ~10 s
    const emails = Array.from({ length: 40 }, (_, i) => uniqueEmail(`invitee${i}`));
    let answered = 0;
    let killAfter = Infinity;
    const invite = (email: string, i: number) =>
      call(first.baseUrl, 'POST', `/api/v1/orgs/${owner.orgId}/invite`, (i % 2 ? admin : owner).token, { email, role_id: roleId('Member') }).then(
        (res) => {
          if (++answered === killAfter) first.child.kill('SIGKILL');
          return { email, status: res.status, id: res.body?.id as string | undefined, text: res.text };
        },
        (err: Error) => ({ email, status: 0, id: undefined, text: err.message }),
      );
    // a first wave of 10, answered and being delivered…
    const firstWave = await Promise.all(emails.slice(0, 10).map(invite));
    expect(firstWave.map((r) => r.status)).toEqual(firstWave.map(() => 201));
    await until('the first invitation reaches the mailbox', async () => smtp.messages.some((m) => emails.includes(m.to)), 5_000, 20);
    // …then 30 at once, and SIGKILL when 10 of them have been answered
    killAfter = 20;
    const responses = [...firstWave, ...(await Promise.all(emails.slice(10).map((email, i) => invite(email, i + 10))))];
    expect((await first.exited).signal).toBe('SIGKILL');
    smtp.replyDelayMs = 0;
    const acknowledged = responses.filter((r) => r.status === 201);
    const unanswered = responses.filter((r) => r.status === 0);
    expect(responses.filter((r) => r.status !== 201 && r.status !== 0).map((r) => `${r.status} ${r.text}`)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(unanswered.length).toBeGreaterThan(0); // the kill did land while requests were in flight

    // PostgreSQL ends the dead process's sessions. An invitation is one statement (its email and audit
    // row in it), so the kill cannot catch one half-written: a statement in flight commits whole or
    // not at all, and open transactions (the mail worker's) are rolled back; the count is reported
    await until('the killed process has no session left', async () => (await backendsOf(db, 'saasready-faults-killed')) === 0, 10_000, 50);
    const rolledBack = (await xactRollbacks(db, dbName)) - rollbacksBefore;

    const invitations = await queryRows<{ id: string; email: string; token_hash: string }>(db, sql`select id, email, token_hash from invitations where organization_id = ${owner.orgId}`);
    const invited = new Map(invitations.map((r) => [r.email, r]));
    // an acknowledged invitation is durable; an unacknowledged one may or may not have committed
    for (const r of acknowledged) expect(invited.get(r.email)?.id).toBe(r.id);
    expect(invitations.every((r) => emails.includes(r.email))).toBe(true);

    // whole or absent: each invitation has exactly one audit row and one outbox row, and nothing
    // exists for an invitation that does not
    const audits = await queryRows<{ target_id: string; n: number }>(
      db,
      sql`select target_id, count(*)::int as n from audit_logs where action = 'user.invite.sent' group by target_id`,
    );
    expect(Object.fromEntries(audits.map((a) => [a.target_id, a.n]))).toEqual(Object.fromEntries(invitations.map((r) => [r.id, 1])));
    const outbox = await queryRows<{ to_address: string; n: number; sending: number }>(
      db,
      sql`select to_address, count(*)::int as n, count(*) filter (where status = 'sending')::int as sending from email_outbox where template = 'invitation' group by to_address`,
    );
    expect(Object.fromEntries(outbox.map((o) => [o.to_address, o.n]))).toEqual(Object.fromEntries(invitations.map((r) => [r.email, 1])));
    const claimedByTheDead = outbox.reduce((n, o) => n + o.sending, 0);
    expect(claimedByTheDead).toBeGreaterThan(0); // so the lease expiry below is exercised
    const inMailboxAtKill = invitations.filter((r) => smtp.messages.some((m) => m.to === r.email)).length;

    // the organization's hash chain has no gap and no broken link
    const chain = await verifyChain(db, owner.orgId);
    const [{ n: orgAuditRows }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_logs where organization_id = ${owner.orgId}`)) as [{ n: number }];
    expect(chain).toEqual({ ok: true, checked: orgAuditRows, first_broken: null });

    // a new process on the same database delivers every committed invitation, including the ones
    // the dead process had claimed (once their lease runs out)
    const second = await startChild({ ...env, DATABASE_URL: database.url! });
    const received = (email: string) => smtp.messages.filter((m) => m.to === email);
    await until('every invitation has been delivered', async () => invitations.every((r) => received(r.email).length > 0), 20_000);
    await until(
      'every invitation email is marked sent',
      async () => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from email_outbox where template = 'invitation' and status <> 'sent'`))[0]!.n === 0,
      10_000,
    );
    for (const r of invitations) {
      for (const mail of received(r.email)) expect(sha256(linkToken(mail, '/accept-invite'))).toBe(r.token_hash); // the link is the invitation's own
    }
    // nobody whose invitation was rolled back got an email
    const lost = emails.filter((e) => !invited.has(e));
    expect(lost.flatMap(received)).toEqual([]);

    const verified = await call(second.baseUrl, 'GET', `/api/v1/audit/orgs/${owner.orgId}/verify`, owner.token);
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, first_broken: null });
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    const duplicates = invitations.reduce((n, r) => n + received(r.email).length - 1, 0);
    await annotate(
      `40 invitations: ${acknowledged.length} answered 201, ${unanswered.length} cut off; ${invitations.length} committed, ${lost.length} rolled back or never started ` +
        `(pg_stat_database xact_rollback +${rolledBack}); at the kill ${inMailboxAtKill} were in the mailbox and ${claimedByTheDead} claimed (status sending) ` +
        `by the dead process; after restart every one delivered, ${duplicates} duplicate(s)`,
    );
  });
});

async function xactRollbacks(db: TestDatabase['handle']['db'], dbName: string): Promise<number> {
  await db.execute(sql`select pg_stat_clear_snapshot()`);
  const [row] = await queryRows<{ n: number }>(db, sql`select xact_rollback::int as n from pg_stat_database where datname = ${dbName}`);
  return row!.n;
}

async function backendsOf(db: TestDatabase['handle']['db'], applicationName: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_stat_activity where application_name = ${applicationName}`);
  return row!.n;
}
