// The per-process caches: entries are really served from memory, every kind of change drops them
// (through the code, through another server, through an operator's SQL), a fill racing a change
// is not kept, and a lost listener means no cache at all until it is back.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { openDatabase, queryRows, LISTENER_NAME } from '../db/client.js';
import { Metrics } from '../lib/metrics.js';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { createTestDatabase, testDbKind, type TestDatabase } from '../../test/helpers/db.js';
import { createOrgWithMembers, expectProblem, registerUser } from '../../test/helpers/factories.js';
import { CacheInvalidation } from './invalidation.js';
import { ReadThroughCache } from './caches.js';
import { TaggedCache } from './tagged-cache.js';
import { startTcpProxy } from '../../test/helpers/tcp-proxy.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` holds; returns how long it took (ms). */
async function within(ms: number, probe: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await sleep(10);
  }
}

/** cache_lookups_total for one cache and result, read from GET /metrics. */
async function lookups(t: TestApp, cache: string, result: 'hit' | 'miss' | 'bypass'): Promise<number> {
  const text = (await t.request('GET', '/metrics')).text;
  const line = text.split('\n').find((l) => l.startsWith(`cache_lookups_total{cache="${cache}",result="${result}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('TaggedCache', () => {
  it('drops every entry carrying an invalidated tag, and only those', () => {
    const cache = new TaggedCache<{ v: number }>({ max: 100, ttlMs: 60_000 });
    cache.set('a', { v: 1 }, ['user:1', 'org:1']);
    cache.set('b', { v: 2 }, ['org:1']);
    cache.set('c', { v: 3 }, ['user:2']);
    cache.invalidate('org:1');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, undefined, { v: 3 }]);
    cache.invalidate('user:2');
    expect(cache.size).toBe(0);
  });

  it('re-indexes a replaced entry under its new tags, and forgets evicted ones', () => {
    const cache = new TaggedCache<{ v: number }>({ max: 2, ttlMs: 60_000 });
    cache.set('a', { v: 1 }, ['org:1']);
    cache.set('a', { v: 2 }, ['org:2']);
    cache.invalidate('org:1');
    expect(cache.get('a')).toEqual({ v: 2 });
    cache.invalidate('org:2');
    expect(cache.get('a')).toBeUndefined();
    cache.set('x', { v: 1 }, ['t']);
    cache.set('y', { v: 2 }, ['t']);
    cache.set('z', { v: 3 }, ['t']); // evicts x
    expect(cache.get('x')).toBeUndefined();
    cache.invalidate('t');
    expect(cache.size).toBe(0);
  });

  it('expires entries after the TTL', async () => {
    const cache = new TaggedCache<{ v: number }>({ max: 10, ttlMs: 30 });
    cache.set('a', { v: 1 }, []);
    await sleep(60);
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('read-through with database invalidation', () => {
  let db: TestDatabase;
  let invalidation: CacheInvalidation;
  const metrics = new Metrics({ defaultMetrics: false });
  beforeAll(async () => {
    db = await createTestDatabase();
    invalidation = new CacheInvalidation(db.handle, { logger: pino({ level: 'silent' }), metrics });
    await invalidation.start();
  });
  afterAll(async () => {
    await invalidation.stop();
    await db.drop();
  });

  it('does not keep a value read while an invalidation arrived (it may predate the change)', async () => {
    const store = new TaggedCache<{ v: number }>({ max: 10, ttlMs: 60_000 });
    invalidation.register(store);
    const cache = new ReadThroughCache('race', store, invalidation, metrics);
    let loads = 0;
    const stale = cache.get('k', async () => {
      loads++;
      // the row changes (and its notification arrives) while this read is under way
      await db.handle.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('saasready_cache', 'user:someone')`);
        await tx.execute(sql`select set_config('saasready.cache_dirty', 'on', true)`);
      });
      return { v: 1 };
    }, () => ['user:k']);
    expect(await stale).toEqual({ v: 1 });
    expect(await cache.get('k', async () => (loads++, { v: 2 }), () => ['user:k'])).toEqual({ v: 2 });
    expect(await cache.get('k', async () => (loads++, { v: 3 }), () => ['user:k'])).toEqual({ v: 2 });
    expect(loads).toBe(2);
  });

  it.runIf(testDbKind() === 'postgres')('empties and bypasses the caches while its listening connection is gone (PostgreSQL)', async () => {
    const own = new CacheInvalidation(db.handle, { logger: pino({ level: 'silent' }), metrics, reconnectDelayMs: 1_000 });
    await own.start();
    try {
      const store = new TaggedCache<{ v: number }>({ max: 10, ttlMs: 60_000 });
      own.register(store);
      const cache = new ReadThroughCache('lost', store, own, metrics);
      let loads = 0;
      const load = async () => (loads++, { v: loads });
      await cache.get('k', load, () => []);
      expect(await cache.get('k', load, () => [])).toEqual({ v: 1 });
      const admin = await openSecondHandle(db);
      try {
        await admin.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${LISTENER_NAME} and datname = current_database()`);
      } finally {
        await admin.close();
      }
      await within(900, async () => !own.usable);
      expect(store.size).toBe(0);
      expect(await cache.get('k', load, () => [])).toEqual({ v: 2 });
      expect(await cache.get('k', load, () => [])).toEqual({ v: 3 }); // not kept: bypassed
      await within(5_000, async () => own.usable);
      await cache.get('k', load, () => []);
      expect(await cache.get('k', load, () => [])).toEqual({ v: 4 }); // kept again
    } finally {
      await own.stop();
    }
  });

  it.runIf(testDbKind() === 'postgres')('stops trusting its caches when the listening connection goes silent, and stops promptly (PostgreSQL)', async () => {
    const target = new URL(db.url!);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(db.url!);
    viaProxy.port = String(proxy.port);
    const handle = await openDatabase({ databaseUrl: viaProxy.toString(), dataDir: 'memory://', poolMax: 1 });
    const own = new CacheInvalidation(handle, { logger: pino({ level: 'silent' }), metrics, reconnectDelayMs: 60_000 });
    try {
      await own.start();
      expect(own.usable).toBe(true);
      // a partition: no reset, no FIN, the socket just stops carrying anything
      proxy.stall();
      const noticed = await within(4_000, async () => !own.usable);
      expect(noticed).toBeGreaterThan(0);
      const stopping = Date.now();
      await own.stop();
      expect(Date.now() - stopping).toBeLessThan(2_000);
    } finally {
      await own.stop();
      await proxy.close();
      await handle.close();
    }
  });

  it('a transaction that fired a trigger returns only after this process dropped what it changed', async () => {
    const store = new TaggedCache<{ v: number }>({ max: 10, ttlMs: 60_000 });
    invalidation.register(store);
    const [user] = await queryRows<{ id: string }>(db.handle.db, sql`
      insert into users (id, email, password_hash, full_name) values (gen_random_uuid(), 'rw@example.test', 'x', 'Before') returning id`);
    store.set('me', { v: 1 }, [`user:${user!.id}`]);
    await db.handle.db.transaction(async (tx) => {
      await tx.execute(sql`update users set full_name = 'After' where id = ${user!.id}`);
    });
    expect(store.get('me')).toBeUndefined();
  });
});

describe('caches behind the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves repeated checks from memory', async () => {
    const f = await createOrgWithMembers(t, 'Cache Hits');
    const before = { sessions: await lookups(t, 'sessions', 'hit'), access: await lookups(t, 'access', 'hit'), flags: await lookups(t, 'org_flags', 'hit'), me: await lookups(t, 'memberships', 'hit') };
    for (let i = 0; i < 3; i++) {
      expect((await t.request('GET', '/api/v1/auth/me', { token: f.member.accessToken })).status).toBe(200);
      expect((await t.request('GET', `/api/v1/orgs/${f.orgId}/feature-flags/evaluate`, { token: f.member.accessToken })).status).toBe(200);
    }
    // 6 authenticated requests: at least the last 5 find the session; the last 2 of each kind find the rest
    expect((await lookups(t, 'sessions', 'hit')) - before.sessions).toBeGreaterThanOrEqual(5);
    expect((await lookups(t, 'access', 'hit')) - before.access).toBeGreaterThanOrEqual(2);
    expect((await lookups(t, 'org_flags', 'hit')) - before.flags).toBeGreaterThanOrEqual(2);
    expect((await lookups(t, 'memberships', 'hit')) - before.me).toBeGreaterThanOrEqual(2);
  });

  it('answers every change through the API from fresh data on the very next request', async () => {
    const f = await createOrgWithMembers(t, 'Cache Fresh');
    const me = () => t.request('GET', '/api/v1/auth/me', { token: f.member.accessToken });
    const evaluate = () => t.request('GET', `/api/v1/orgs/${f.orgId}/feature-flags/evaluate`, { token: f.member.accessToken });
    await me();
    await me(); // cached
    // organization renamed → the membership list shows the new name
    await t.request('PATCH', `/api/v1/orgs/${f.orgId}`, { token: f.owner.accessToken, body: { name: 'Renamed Fresh' } });
    expect((await me()).body.memberships.find((m: any) => m.organization_id === f.orgId).organization_name).toBe('Renamed Fresh');
    // profile changed
    await t.request('PATCH', '/api/v1/auth/me', { token: f.member.accessToken, body: { full_name: 'New Name' } });
    expect((await me()).body.full_name).toBe('New Name');
    // role changed → the membership list and the guard agree at once
    await t.request('PATCH', `/api/v1/orgs/${f.orgId}/members/${f.memberships.Member}/role`, { token: f.owner.accessToken, body: { role_id: f.roles.Viewer } });
    expect((await me()).body.memberships.find((m: any) => m.organization_id === f.orgId).role_name).toBe('Viewer');
    // suspended → refused
    await evaluate();
    expect((await t.request('PATCH', `/api/v1/orgs/${f.orgId}/members/${f.memberships.Member}`, { token: f.owner.accessToken, body: { status: 'suspended' } })).status).toBe(200);
    expectProblem(await evaluate(), 403, 'membership.suspended');
  });

  it('sees a flag override or rule change at once, in evaluations and snapshots', async () => {
    const f = await createOrgWithMembers(t, 'Cache Flags');
    const admin = await registerUser(t);
    // in a transaction: it returns once this process dropped the cached session (an autocommit write would race the listener)
    await t.database.handle.db.transaction(async (tx) => tx.execute(sql`update users set is_superuser = true where email = ${admin.email}`));
    await t.request('POST', '/api/v1/admin/feature-flags', { token: admin.accessToken, body: { key: 'cache-flag', name: 'Cache flag' } });
    const evaluate = async () => (await t.request('GET', `/api/v1/orgs/${f.orgId}/feature-flags/evaluate?keys=cache-flag`, { token: f.owner.accessToken })).body.flags['cache-flag'];
    const key = (await t.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'sdk', permissions: ['feature_flags.read'] } })).body.raw_key;
    const overrideIn = async (token: string) =>
      (await t.request('GET', '/api/v1/feature-flags/snapshot', { token })).body.flags.find((flag: any) => flag.key === 'cache-flag').overrides[f.orgId] ?? null;
    for (let i = 0; i < 2; i++) {
      expect(await evaluate()).toBe(false);
      expect(await overrideIn(key)).toBeNull(); // the organization's snapshot (API key)
      expect(await overrideIn(admin.accessToken)).toBeNull(); // every organization's (superuser)
    }
    const hits = await lookups(t, 'flag_snapshots', 'hit');
    expect(hits).toBeGreaterThanOrEqual(2);
    expect((await t.request('PUT', `/api/v1/orgs/${f.orgId}/feature-flags/cache-flag`, { token: f.owner.accessToken, body: { enabled: true } })).status).toBe(200);
    expect(await evaluate()).toBe(true);
    expect(await overrideIn(key)).toMatchObject({ enabled: true });
    expect(await overrideIn(admin.accessToken)).toMatchObject({ enabled: true });
    // a rule change reaches them too
    await t.request('PATCH', '/api/v1/admin/feature-flags/cache-flag', { token: admin.accessToken, body: { rollout_percent: 42 } });
    expect((await t.request('GET', '/api/v1/feature-flags/snapshot', { token: key })).body.flags.find((flag: any) => flag.key === 'cache-flag').rollout_percent).toBe(42);
  });

  it('announces a rename for the user only: the memberships\' copied search text is in no cache', async () => {
    const user = await registerUser(t); // with a personal organization, so the user has a membership
    const heard: string[] = [];
    const listening = await t.database.handle.listen('saasready_cache', { onMessage: (p) => heard.push(p), onLost: () => {} });
    try {
      expect((await t.request('PATCH', '/api/v1/auth/me', { token: user.accessToken, body: { full_name: 'Renamed Person' } })).status).toBe(200);
      await within(1_000, async () => heard.includes(`user:${user.userId}`));
      await sleep(50);
      expect(heard.filter((p) => !p.startsWith('tx:'))).toEqual([`user:${user.userId}`]);
    } finally {
      await listening.close();
    }
  });

  it('drops entries on a change made by SQL outside the server (an operator, a script)', async () => {
    const user = await registerUser(t);
    const f = await createOrgWithMembers(t, 'Cache Operator');
    expect((await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: f.admin.accessToken })).status).toBe(200);
    const other = await openSecondHandle(t.database);
    try {
      await other.execute(sql`update users set is_active = false where email = ${user.email}`);
      await other.execute(sql`delete from memberships where id = ${f.memberships.Admin}`);
    } finally {
      await other.close();
    }
    // another connection's commit reaches this process through its listener: within a second
    await within(1_000, async () => (await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).body?.code === 'auth.account_disabled');
    await within(1_000, async () => (await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: f.admin.accessToken })).status === 404);
  });
});

/** A connection of its own to the test database (PostgreSQL: a second pool; PGlite: the same instance). */
async function openSecondHandle(database: TestDatabase) {
  if (!database.url) return { execute: (q: ReturnType<typeof sql>) => database.handle.db.execute(q), close: async () => {} };
  const handle = await openDatabase({ databaseUrl: database.url, dataDir: 'memory://', poolMax: 2 });
  return { execute: (q: ReturnType<typeof sql>) => handle.db.execute(q), close: () => handle.close() };
}

describe.runIf(testDbKind() === 'postgres')('two servers with their own pools and listeners (PostgreSQL)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    const handle = await openDatabase({ databaseUrl: a.database.url, dataDir: 'memory://', poolMax: 5 });
    b = await startTestApp({ masterKey: a.config.masterKey }, { database: { handle, url: a.database.url, drop: () => handle.close() } });
  });
  afterAll(async () => {
    await b.close();
    await b.database.drop();
    await a.close();
  });

  it('enforces a revocation, a role change and a key revocation on the other server within a second', async () => {
    const f = await createOrgWithMembers(a, 'Own Listeners');
    const key = (await a.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'k', permissions: ['org.read'] } })).body;
    // warm b's caches
    for (let i = 0; i < 2; i++) {
      expect((await b.request('GET', '/api/v1/auth/me', { token: f.member.accessToken })).status).toBe(200);
      expect((await b.request('PATCH', `/api/v1/orgs/${f.orgId}`, { token: f.admin.accessToken, body: { description: 'ok' } })).status).toBe(200);
      expect((await b.request('GET', `/api/v1/orgs/${f.orgId}`, { token: key.raw_key })).status).toBe(200);
    }
    expect(await lookups(b, 'sessions', 'hit')).toBeGreaterThan(0);
    await a.request('POST', '/api/v1/auth/logout', { token: f.member.accessToken });
    await a.request('PATCH', `/api/v1/orgs/${f.orgId}/members/${f.memberships.Admin}/role`, { token: f.owner.accessToken, body: { role_id: f.roles.Viewer } });
    await a.request('DELETE', `/api/v1/orgs/${f.orgId}/api-keys/${key.id}`, { token: f.owner.accessToken });
    await within(1_000, async () => (await b.request('GET', '/api/v1/auth/me', { token: f.member.accessToken })).status === 401);
    await within(1_000, async () => (await b.request('PATCH', `/api/v1/orgs/${f.orgId}`, { token: f.admin.accessToken, body: { description: 'no' } })).status === 403);
    await within(1_000, async () => (await b.request('GET', `/api/v1/orgs/${f.orgId}`, { token: key.raw_key })).status === 401);
  });

  it('bypasses its caches while its listener is gone, and uses them again once it is back', async () => {
    const f = await createOrgWithMembers(a, 'Lost Listener');
    const me = () => b.request('GET', '/api/v1/auth/me', { token: f.member.accessToken });
    await me();
    await me();
    const admin = await openSecondHandle(a.database);
    try {
      // kill b's listening connection (a's too: both are named alike; each must recover on its own)
      await admin.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${LISTENER_NAME} and datname = current_database()`);
      await within(2_000, async () => /^cache_listener_up 0$/m.test((await b.request('GET', '/metrics')).text));
      expect(b.logs.some((l) => l.includes('cache invalidation listener lost'))).toBe(true);
      // a revocation made around the loss is enforced once the listener is back (nothing stale survives)
      await a.request('POST', '/api/v1/auth/logout', { token: f.member.accessToken });
      await within(5_000, async () => /^cache_listener_up 1$/m.test((await b.request('GET', '/metrics')).text));
      expectProblem(await me(), 401, 'auth.session_revoked');
      const hits = await lookups(b, 'access', 'hit');
      await b.request('GET', `/api/v1/orgs/${f.orgId}`, { token: f.owner.accessToken });
      await b.request('GET', `/api/v1/orgs/${f.orgId}`, { token: f.owner.accessToken });
      expect(await lookups(b, 'access', 'hit')).toBeGreaterThan(hits);
      expect(b.logs.some((l) => l.includes('cache invalidation listener is back'))).toBe(true);
    } finally {
      await admin.close();
    }
  });
});

describe('CACHE_TTL=0', () => {
  it('turns caching off: every check reads the database', async () => {
    const t = await startTestApp({ cache: { ttlSeconds: 0, maxEntries: 10 } });
    try {
      const user = await registerUser(t);
      await t.request('GET', '/api/v1/auth/me', { token: user.accessToken });
      await t.request('GET', '/api/v1/auth/me', { token: user.accessToken });
      expect(await lookups(t, 'sessions', 'hit')).toBe(0);
      expect(await lookups(t, 'sessions', 'miss')).toBe(0);
      expect((await t.request('GET', '/metrics')).text).not.toMatch(/^cache_listener_up 1$/m);
    } finally {
      await t.close();
    }
  });
});
