// Two server instances on one database (and one Redis when configured): nothing that matters lives
// in a single process. (Separate OS processes are exercised by the CLI's `start --workers` test.)
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './helpers/app.js';
import { createOrgWithMembers, expectProblem, login, registerUser, uniqueEmail } from './helpers/factories.js';

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  const namespace = `saasready-multi:${randomBytes(6).toString('hex')}:`;
  const overrides = { rateLimit: { perIpPerMinute: 100_000, perAccountPerMinute: 3 }, redisUrl: process.env.TEST_REDIS_URL };
  a = await startTestApp(overrides, { redisNamespace: namespace });
  b = await startTestApp({ ...overrides, masterKey: a.config.masterKey }, { database: a.database, redisNamespace: namespace });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

describe('two servers, one database', () => {
  it('refuses on one server a session revoked on the other, at once', async () => {
    const user = await registerUser(a);
    expect((await b.request('GET', '/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
    expect((await a.request('POST', '/api/v1/auth/logout', { token: user.accessToken })).status).toBe(204);
    expectProblem(await b.request('GET', '/api/v1/auth/me', { token: user.accessToken }), 401, 'auth.session_revoked');
    expectProblem(await b.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: user.refreshToken } }), 401, 'auth.invalid_refresh_token');
  });

  it('enforces a role change made through one server on the other, at once', async () => {
    const f = await createOrgWithMembers(a, 'Two Servers');
    expect((await b.request('PATCH', `/api/v1/orgs/${f.orgId}`, { token: f.admin.accessToken, body: { description: 'ok' } })).status).toBe(200);
    await a.request('PATCH', `/api/v1/orgs/${f.orgId}/members/${f.memberships.Admin}/role`, { token: f.owner.accessToken, body: { role_id: f.roles.Viewer } });
    expectProblem(await b.request('PATCH', `/api/v1/orgs/${f.orgId}`, { token: f.admin.accessToken, body: { description: 'no' } }), 403, 'permission_denied');
  });

  it('rejects on one server an API key revoked on the other, at once', async () => {
    const f = await createOrgWithMembers(a, 'Two Servers Keys');
    const key = (await a.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'k', permissions: ['org.read'] } })).body;
    expect((await b.request('GET', `/api/v1/orgs/${f.orgId}`, { token: key.raw_key })).status).toBe(200);
    await a.request('DELETE', `/api/v1/orgs/${f.orgId}/api-keys/${key.id}`, { token: f.owner.accessToken });
    expectProblem(await b.request('GET', `/api/v1/orgs/${f.orgId}`, { token: key.raw_key }), 401, 'api_key.invalid');
  });

  it.runIf(Boolean(process.env.TEST_REDIS_URL))('counts a rate limit hit through one server on the other (Redis)', async () => {
    const email = uniqueEmail();
    for (const server of [a, b, a]) expect((await login(server, email, 'wrong-password-x')).status).toBe(401);
    expectProblem(await login(b, email, 'wrong-password-x'), 429, 'request.rate_limited');
  });

  it('shares the lockout through the database even without Redis', async () => {
    const user = await registerUser(a);
    for (let i = 0; i < 5; i++) await login(i % 2 ? a : b, user.email, `wrong-password-${i}`);
    // the per-account limit (3/min) or the lockout (5 failures) refuses further attempts on both servers
    expect([429]).toContain((await login(a, user.email, user.password)).status);
    expect([429]).toContain((await login(b, user.email, user.password)).status);
  });
});

describe('database faults', () => {
  it.runIf(process.env.TEST_DB === 'postgres')('answers 503 problems while connections are being killed, and recovers without a restart', async () => {
    const user = await registerUser(a);
    const dbName = new URL(a.database.url!).pathname.slice(1);
    const killer = await a.database.handle.db.execute(sql`select 1`); // warm the pool
    expect(killer).toBeTruthy();
    const statuses: number[] = [];
    const bodies: string[] = [];
    const traffic = (async () => {
      for (let i = 0; i < 60; i++) {
        const res = await a.request('GET', '/api/v1/auth/me', { token: user.accessToken });
        statuses.push(res.status);
        if (res.status !== 200) bodies.push(res.text);
      }
    })();
    // kill every other connection to this database, several times, while requests flow
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    for (let i = 0; i < 5; i++) {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);
      await new Promise((r) => setTimeout(r, 30));
    }
    await admin.end();
    await traffic;
    expect(statuses.every((s) => s === 200 || s === 503), statuses.join(',')).toBe(true);
    for (const body of bodies) expect(JSON.parse(body)).toMatchObject({ status: 503, code: 'service.unavailable' });
    // recovered: the pool reconnects by itself
    expect((await a.request('GET', '/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
    expect((await a.request('GET', '/readyz')).status).toBe(200);
  });
});
