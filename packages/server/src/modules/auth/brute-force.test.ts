import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { expectProblem, login, registerUser, uniqueEmail } from '../../../test/helpers/factories.js';

describe('per-account lockout with growing back-off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ lockout: { threshold: 3, baseSeconds: 30, maxSeconds: 3600 }, rateLimit: { enabled: false } });
  });
  afterAll(() => t.close());

  it('locks after the threshold, refusing even the right password, with Retry-After', async () => {
    const user = await registerUser(t);
    for (let i = 0; i < 3; i++) expectProblem(await login(t, user.email, 'wrong-password-x'), 401, 'auth.invalid_credentials');
    const locked = await login(t, user.email, user.password);
    expectProblem(locked, 429, 'auth.account_locked');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(20);
    expect(retryAfter).toBeLessThanOrEqual(30);
    const audit = await queryRows(t.database.handle.db, sql`select 1 from audit_logs where action = 'user.account.locked' and actor_user_id = ${user.userId}`);
    expect(audit).toHaveLength(1);
  });

  it('doubles the lock on each further failure', async () => {
    const user = await registerUser(t);
    for (let i = 0; i < 3; i++) await login(t, user.email, 'wrong-password-x');
    // let the first lock lapse, then fail once more
    await t.database.handle.db.execute(sql`update login_throttles set locked_until = now() - interval '1 second' where subject = ${user.email}`);
    expectProblem(await login(t, user.email, 'wrong-password-x'), 401, 'auth.invalid_credentials');
    const locked = await login(t, user.email, user.password);
    expectProblem(locked, 429, 'auth.account_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(50); // 60 s now
  });

  it('treats an unknown email exactly like a known one (no enumeration through lockout)', async () => {
    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < 3; i++) expectProblem(await login(t, ghost, 'wrong-password-x'), 401, 'auth.invalid_credentials');
    expectProblem(await login(t, ghost, 'wrong-password-x'), 429, 'auth.account_locked');
  });

  it('forgets failures after a successful login', async () => {
    const user = await registerUser(t);
    for (let i = 0; i < 2; i++) await login(t, user.email, 'wrong-password-x');
    expect((await login(t, user.email, user.password)).status).toBe(200);
    for (let i = 0; i < 2; i++) await login(t, user.email, 'wrong-password-x');
    expect((await login(t, user.email, user.password)).status).toBe(200);
    // the success is recorded with the session (one statement): this source's count is cleared, the
    // account-wide one kept, and neither holds a check in flight afterwards
    const buckets = await queryRows<{ source: string; failures: number; in_flight: number }>(t.database.handle.db, sql`
      select source, failures, in_flight from login_throttles where subject = ${user.email} order by source = '*' desc`);
    expect(buckets.map((b) => ({ ...b, source: b.source === '*' ? '*' : 'ip' }))).toEqual([
      { source: '*', failures: 4, in_flight: 0 },
      { source: 'ip', failures: 0, in_flight: 0 },
    ]);
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimit: { perIpPerMinute: 4, perAccountPerMinute: 2 }, redisUrl: process.env.TEST_REDIS_URL });
  });
  afterAll(() => t.close());

  it('limits attempts per account: the third login for one email within a minute gets 429', async () => {
    const email = uniqueEmail();
    await login(t, email, 'wrong-password-x');
    await login(t, email, 'wrong-password-x');
    const limited = await login(t, email, 'wrong-password-x');
    expectProblem(limited, 429, 'request.rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits attempts per IP across accounts', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: `unknown-${i}` } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });
});

describe('rate limits while Redis is down', () => {
  it('fall back to counting in this process, and say so in the log', async () => {
    const t = await startTestApp({ rateLimit: { perIpPerMinute: 100, perAccountPerMinute: 2 }, redisUrl: 'redis://127.0.0.1:1' });
    try {
      const email = uniqueEmail();
      expect((await login(t, email, 'wrong-password-x')).status).toBe(401);
      expect((await login(t, email, 'wrong-password-x')).status).toBe(401);
      expectProblem(await login(t, email, 'wrong-password-x'), 429, 'request.rate_limited');
      expect(t.logs.some((l) => l.includes('rate limits fall back to per-process counting'))).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe.runIf(process.env.TEST_REDIS_URL || process.env.CI)('rate limits shared through Redis', () => {
  it('counts attempts made through two server processes together', async () => {
    expect(process.env.TEST_REDIS_URL, 'CI must provide TEST_REDIS_URL').toBeTruthy();
    const namespace = `saasready-test-shared:${randomBytes(6).toString('hex')}:`;
    const overrides = { rateLimit: { perIpPerMinute: 100, perAccountPerMinute: 3 }, redisUrl: process.env.TEST_REDIS_URL };
    const a = await startTestApp(overrides, { redisNamespace: namespace });
    const b = await startTestApp({ ...overrides, masterKey: a.config.masterKey }, { database: a.database, redisNamespace: namespace });
    try {
      const email = uniqueEmail();
      expect((await login(a, email, 'wrong-password-x')).status).toBe(401);
      expect((await login(b, email, 'wrong-password-x')).status).toBe(401);
      expect((await login(a, email, 'wrong-password-x')).status).toBe(401);
      expectProblem(await login(b, email, 'wrong-password-x'), 429, 'request.rate_limited');
    } finally {
      await b.close();
      await a.close();
    }
  });
});
