// The lockout under attack: concurrent guesses on two servers, strangers on other networks,
// guesses through the routes that re-check a password or a code (issue 15, items 1, 4 and 9).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { totp } from '../../lib/totp.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { expectProblem, login, registerUser, STRONG_PASSWORD, type RegisteredUser } from '../../../test/helpers/factories.js';

/** A 6-digit code that matches none of the steps the server accepts around now. */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-1, 0, 1].map((s) => totp(secret).generate({ timestamp: now + s * 30_000 })));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

async function enrol(t: TestApp, user: RegisteredUser): Promise<string> {
  const setup = await t.request('POST', '/api/v1/auth/2fa/setup', { token: user.accessToken });
  expect(setup.status, setup.text).toBe(200);
  const verify = await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code: totp(setup.body.secret).generate(), password: user.password } });
  expect(verify.status, verify.text).toBe(200);
  return setup.body.secret;
}

async function mfaToken(t: TestApp, user: RegisteredUser): Promise<string> {
  const res = await login(t, user.email, user.password);
  expect(res.body.mfa_required, res.text).toBe(true);
  return res.body.mfa_token;
}

/** A login sent from another client address (the socket's peer, as a proxy-less server sees it). */
async function loginFrom(t: TestApp, ip: string, email: string, password: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
  return { status: res.statusCode, body: res.json() };
}

const auditRows = (t: TestApp, action: string, userId: string) =>
  queryRows<{ metadata: any }>(t.database.handle.db, sql`select metadata from audit_logs where action = ${action} and target_id = ${userId} order by created_at`);

const tally = (responses: { status: number; body: any }[]) => {
  const counts: Record<string, number> = {};
  for (const r of responses) counts[`${r.status} ${r.body.code}`] = (counts[`${r.status} ${r.body.code}`] ?? 0) + 1;
  return counts;
};

describe('concurrent guesses on two servers sharing one database', () => {
  const THRESHOLD = 5;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // the HTTP rate limits are off: this proves the database's bound on its own
    const overrides = { lockout: { threshold: THRESHOLD, accountThreshold: 100 }, rateLimit: { enabled: false } };
    a = await startTestApp(overrides);
    b = await startTestApp({ ...overrides, masterKey: a.config.masterKey }, { database: a.database });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('checks at most the threshold of 300 wrong TOTP codes sent at once over 12 mfa_tokens; the rest are refused unchecked', async () => {
    const user = await registerUser(a);
    const secret = await enrol(a, user);
    const tokens: string[] = [];
    for (let i = 0; i < 12; i++) tokens.push(await mfaToken(i % 2 ? a : b, user));
    const code = wrongCode(secret);
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: tokens[i % 12], code } })),
    );
    const counts = tally(responses);
    const checked = counts['401 auth.invalid_mfa_code'] ?? 0;
    expect(checked, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(checked, JSON.stringify(counts)).toBeLessThanOrEqual(THRESHOLD);
    expect(counts['429 auth.account_locked'], JSON.stringify(counts)).toBe(300 - checked);
    expect((await auditRows(a, 'user.login.mfa_failed', user.userId)).length).toBe(checked);
    // the lock holds for the right code too, on either server
    const right = await a.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: tokens[0], code: totp(secret).generate() } });
    expectProblem(right, 429, 'auth.account_locked');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('checks at most the threshold of 300 wrong passwords sent at once from one address', async () => {
    const user = await registerUser(a);
    const responses = await Promise.all(Array.from({ length: 300 }, (_, i) => login(i % 2 ? a : b, user.email, `wrong-password-${i}`)));
    const counts = tally(responses);
    const checked = counts['401 auth.invalid_credentials'] ?? 0;
    expect(checked, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(checked, JSON.stringify(counts)).toBeLessThanOrEqual(THRESHOLD);
    expect(counts['429 auth.account_locked'], JSON.stringify(counts)).toBe(300 - checked);
    expectProblem(await login(b, user.email, user.password), 429, 'auth.account_locked');
  });

  it("locks a stranger's address out on both servers while the owner, elsewhere, logs in through either", async () => {
    const owner = await registerUser(a);
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => loginFrom(i % 2 ? a : b, '203.0.113.77', owner.email, `wrong-password-${i}`)));
    expect(guesses.filter((g) => g.status === 401).length).toBeLessThanOrEqual(THRESHOLD);
    for (const server of [a, b]) {
      expect((await loginFrom(server, '203.0.113.77', owner.email, owner.password)).status).toBe(429);
      expect((await loginFrom(server, '198.51.100.20', owner.email, owner.password)).status).toBe(200);
    }
  });

  it('gives a reservation back when its check never finishes: a lost one expires after its lease', async () => {
    const user = await registerUser(a);
    // four checks "in flight" on a process that died, and one failure
    await a.database.handle.db.execute(sql`
      insert into login_throttles (subject, source, failures, in_flight, reserved_at, updated_at)
      values (${user.email}, 'ip:127.0.0.1', 1, 4, now(), now())`);
    expectProblem(await login(a, user.email, user.password), 429, 'auth.account_locked');
    await a.database.handle.db.execute(sql`update login_throttles set reserved_at = now() - interval '61 seconds' where subject = ${user.email}`);
    expect((await login(a, user.email, user.password)).status).toBe(200);
  });
});

describe('a finish the database missed', () => {
  it('is retried, not lost: after the database fails mid-login, the right password is not refused until a lease ends', async () => {
    const t = await startTestApp({ lockout: { threshold: 3 }, rateLimit: { enabled: false } });
    try {
      const db = t.database.handle.db;
      const user = await registerUser(t);
      // a fault that fails every write giving a slot back (in_flight going down), while reservations still succeed
      await db.execute(sql`create table lockout_fault (on_ boolean)`);
      await db.execute(sql`create function lockout_fault() returns trigger language plpgsql as $$
        begin
          if new.in_flight < old.in_flight and exists (select 1 from lockout_fault) then raise exception 'injected fault'; end if;
          return new;
        end $$`);
      await db.execute(sql`create trigger lockout_fault before update on login_throttles for each row execute function lockout_fault()`);
      await db.execute(sql`insert into lockout_fault values (true)`);
      for (let i = 0; i < 3; i++) expect((await login(t, user.email, user.password)).status).toBeGreaterThanOrEqual(500);
      // the three slots are held while the database keeps failing; without the retry they would stay
      // held for the 60 s lease after it recovers, refusing the right password
      expectProblem(await login(t, user.email, user.password), 429, 'auth.account_locked');
      await db.execute(sql`delete from lockout_fault`);
      expect((await login(t, user.email, user.password)).status).toBe(200);
      const rows = await queryRows<{ in_flight: number }>(db, sql`select in_flight from login_throttles where subject = ${user.email}`);
      expect(rows.map((r) => Number(r.in_flight))).toEqual([0, 0]);
    } finally {
      await t.close();
    }
  });
});

describe('a lockout keyed by account and source', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ lockout: { threshold: 3, accountThreshold: 6 }, rateLimit: { enabled: false } });
  });
  afterAll(() => t.close());

  it("locks out a stranger's address, not the owner logging in from another network (audited with the source)", async () => {
    const owner = await registerUser(t);
    for (let i = 0; i < 3; i++) expect((await loginFrom(t, '203.0.113.9', owner.email, 'wrong-password-x')).status).toBe(401);
    const stranger = await loginFrom(t, '203.0.113.9', owner.email, owner.password);
    expect(stranger.status).toBe(429);
    expect(stranger.body.code).toBe('auth.account_locked');
    expect((await loginFrom(t, '198.51.100.7', owner.email, owner.password)).status).toBe(200);
    const [locked] = await auditRows(t, 'user.account.locked', owner.userId);
    expect(locked!.metadata).toMatchObject({ scope: 'source', source: '203.0.113.9', failures: 3, factor: 'password' });
  });

  it('counts an IPv6 /64 as one source', async () => {
    const owner = await registerUser(t);
    for (let i = 1; i <= 3; i++) expect((await loginFrom(t, `2001:db8:7:7::${i}`, owner.email, 'wrong-password-x')).status).toBe(401);
    expect((await loginFrom(t, '2001:db8:7:7::99', owner.email, owner.password)).status).toBe(429);
    expect((await loginFrom(t, '2001:db8:7:8::1', owner.email, owner.password)).status).toBe(200);
  });

  it('bounds a guesser spread over many addresses with the far higher account-wide limit, audited as such', async () => {
    const owner = await registerUser(t);
    for (let i = 1; i <= 6; i++) expect((await loginFrom(t, `192.0.2.${i}`, owner.email, 'wrong-password-x')).status).toBe(401);
    const refused = await loginFrom(t, '192.0.2.200', owner.email, owner.password);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('auth.account_locked');
    const scopes = (await auditRows(t, 'user.account.locked', owner.userId)).map((r) => r.metadata.scope);
    expect(scopes).toEqual(['account']);
  });

  it('answers Retry-After with the longest lock of the buckets that refused, rounded up', async () => {
    const owner = await registerUser(t);
    const ip = '203.0.113.60';
    const retryAfter = async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: owner.password }, remoteAddress: ip });
      expect(res.statusCode, res.body).toBe(429);
      return Number(res.headers['retry-after']);
    };
    const set = (source: string, values: { failures: number; inFlight: number; lockedSeconds: number | null }) => t.database.handle.db.execute(sql`
      insert into login_throttles (subject, source, failures, in_flight, reserved_at, updated_at, locked_until)
      values (${owner.email}, ${source}, ${values.failures}, ${values.inFlight}, now(), now(), now() + make_interval(secs => ${values.lockedSeconds}::float8))
      on conflict (subject, source) do update set failures = excluded.failures, in_flight = excluded.in_flight, reserved_at = now(), updated_at = now(), locked_until = excluded.locked_until`);
    // the account is locked for 10 minutes; this address is merely saturated by checks in flight
    await set('*', { failures: 6, inFlight: 0, lockedSeconds: 600 });
    await set(`ip:${ip}`, { failures: 0, inFlight: 3, lockedSeconds: null });
    expect(await retryAfter()).toBeGreaterThanOrEqual(599);
    expect(await retryAfter()).toBeLessThanOrEqual(600);
    // the address locked for 30 s, the account for 10 minutes (a fraction of a second over): the longer, rounded up
    await set(`ip:${ip}`, { failures: 3, inFlight: 0, lockedSeconds: 30 });
    await set('*', { failures: 6, inFlight: 0, lockedSeconds: 600.5 });
    const seconds = await retryAfter();
    expect(seconds).toBeGreaterThanOrEqual(600);
    expect(seconds).toBeLessThanOrEqual(601);
  });

  it('treats an unknown email exactly like a known one', async () => {
    const ghost = `ghost-${randomBytes(4).toString('hex')}@example.test`;
    for (let i = 0; i < 3; i++) expect((await loginFrom(t, '203.0.113.50', ghost, 'wrong-password-x')).status).toBe(401);
    expect((await loginFrom(t, '203.0.113.50', ghost, 'wrong-password-x')).status).toBe(429);
    expect((await loginFrom(t, '203.0.113.51', ghost, 'wrong-password-x')).status).toBe(401);
  });
});

describe('every route that re-checks a secret counts toward the same lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ lockout: { threshold: 3 }, rateLimit: { enabled: false } });
  });
  afterAll(() => t.close());

  it('wrong current passwords on POST /auth/password lock like wrong logins, and are audited', async () => {
    const user = await registerUser(t);
    const change = (current: string) =>
      t.request('POST', '/api/v1/auth/password', { token: user.accessToken, body: { current_password: current, new_password: 'a-brand-new-secret-77' } });
    for (let i = 0; i < 3; i++) expectProblem(await change('wrong-password-x'), 422, 'auth.password_rejected');
    expectProblem(await change(user.password), 429, 'auth.account_locked');
    expectProblem(await login(t, user.email, user.password), 429, 'auth.account_locked');
    const failed = await auditRows(t, 'user.password.verification_failed', user.userId);
    expect(failed.map((r) => r.metadata.purpose)).toEqual(['password_change', 'password_change', 'password_change']);
  });

  it('wrong codes on /auth/2fa/disable and /auth/2fa/backup-codes lock the second factor, and are audited', async () => {
    const user = await registerUser(t);
    const secret = await enrol(t, user);
    const code = wrongCode(secret);
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/disable', { token: user.accessToken, body: { password: user.password, code } }), 422, 'mfa.invalid_code');
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/backup-codes', { token: user.accessToken, body: { password: user.password, code } }), 422, 'mfa.invalid_code');
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/disable', { token: user.accessToken, body: { password: user.password, code } }), 422, 'mfa.invalid_code');
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/disable', { token: user.accessToken, body: { password: user.password, code: totp(secret).generate() } }), 429, 'auth.account_locked');
    // the login's second step shares the lock
    expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: await mfaToken(t, user), code: totp(secret).generate() } }), 429, 'auth.account_locked');
    const failed = await auditRows(t, 'user.2fa.verification_failed', user.userId);
    expect(failed.map((r) => r.metadata.purpose)).toEqual(['disable', 'backup_codes', 'disable']);
  });

  it('wrong passwords on /auth/2fa/disable count toward the password lockout', async () => {
    const user = await registerUser(t);
    const secret = await enrol(t, user);
    for (let i = 0; i < 3; i++) {
      expectProblem(await t.request('POST', '/api/v1/auth/2fa/disable', { token: user.accessToken, body: { password: 'wrong-password-x', code: '000000' } }), 422, 'auth.password_rejected');
    }
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/disable', { token: user.accessToken, body: { password: user.password, code: totp(secret).generate() } }), 429, 'auth.account_locked');
    expect((await auditRows(t, 'user.password.verification_failed', user.userId)).map((r) => r.metadata.purpose)).toEqual(['two_factor', 'two_factor', 'two_factor']);
  });
});

describe('the second login step is rate-limited per account, not per mfa_token', () => {
  it('counts attempts with different mfa_tokens of one user in one bucket', async () => {
    const t = await startTestApp({ rateLimit: { perAccountPerMinute: 3 } });
    try {
      const user = await registerUser(t);
      const secret = await enrol(t, user);
      const [first, second] = [await mfaToken(t, user), await mfaToken(t, user)];
      const code = wrongCode(secret);
      for (const token of [first, second, first]) {
        expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: token, code } }), 401, 'auth.invalid_mfa_code');
      }
      expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: second, code } }), 429, 'request.rate_limited');
    } finally {
      await t.close();
    }
  });
});

describe('enrolling a second factor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimit: { enabled: false } });
  });
  afterAll(() => t.close());

  it('needs the password: an access token alone cannot enrol an authenticator', async () => {
    const user = await registerUser(t);
    const setup = await t.request('POST', '/api/v1/auth/2fa/setup', { token: user.accessToken });
    const code = totp(setup.body.secret).generate();
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code } }), 400, 'request.validation_failed');
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code, password: 'wrong-password-x' } }), 422, 'auth.password_rejected');
    const me = await t.request('GET', '/api/v1/auth/me', { token: user.accessToken });
    expect(me.body.two_factor_enabled).toBe(false);
  });

  it("ends the user's other sessions (audited), and keeps this one", async () => {
    const user = await registerUser(t);
    const other = (await login(t, user.email, user.password)).body.access_token;
    await enrol(t, user);
    expectProblem(await t.request('GET', '/api/v1/auth/me', { token: other }), 401, 'auth.session_revoked');
    expect((await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
    const [enabled] = await auditRows(t, 'user.2fa.enabled', user.userId);
    expect(enabled!.metadata).toMatchObject({ other_sessions_ended: 1 });
  });
});

describe('recovering from a second factor the owner does not hold', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimit: { enabled: false } });
  });
  afterAll(() => t.close());

  async function mailTo(to: string, subject: RegExp): Promise<{ text: string }> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const res = await t.request('GET', `/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`);
      const mail = (res.body as { subject: string; text: string }[]).find((m) => subject.test(m.subject));
      if (mail) return mail;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no mail to ${to} matching ${subject}`);
  }

  it('a password reset keeps the factor but tells the owner, with the recovery path', async () => {
    const user = await registerUser(t);
    await enrol(t, user);
    await t.request('POST', '/api/v1/auth/forgot-password', { body: { email: user.email } });
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec((await mailTo(user.email, /Reset your/)).text)![1];
    expect((await t.request('POST', '/api/v1/auth/reset-password', { body: { token, new_password: 'a-fresh-secret-99' } })).status).toBe(204);
    const notice = await mailTo(user.email, /password was reset/);
    expect(notice.text).toMatch(/Two-factor authentication stays on/);
    expect(notice.text).toMatch(/backup code/);
    const [reset] = await auditRows(t, 'user.password.reset', user.userId);
    expect(reset!.metadata).toMatchObject({ two_factor_enabled: true });
    expect((await login(t, user.email, 'a-fresh-secret-99')).body.mfa_required).toBe(true);
  });

  it('an instance superuser can remove it (audited, sessions ended); nobody else can', async () => {
    const user = await registerUser(t);
    await enrol(t, user);
    const admin = await registerUser(t);
    const path = `/api/v1/admin/users/${user.userId}/2fa/reset`;
    expect((await t.request('POST', path, { token: admin.accessToken })).status).toBe(403);
    expect((await t.request('POST', path, { token: user.accessToken })).status).toBe(403);
    await t.database.handle.db.execute(sql`update users set is_superuser = true where id = ${admin.userId}`);
    const superuser = (await login(t, admin.email, STRONG_PASSWORD)).body.access_token;
    expect((await t.request('POST', path, { token: superuser })).status).toBe(204);
    expectProblem(await t.request('POST', path, { token: superuser }), 409, 'mfa.not_enabled');
    expectProblem(await t.request('GET', '/api/v1/auth/me', { token: user.accessToken }), 401, 'auth.session_revoked');
    expect((await login(t, user.email, user.password)).body.access_token).toBeTruthy();
    const [reset] = await auditRows(t, 'user.2fa.reset', user.userId);
    expect(reset!.metadata).toMatchObject({ email: user.email, sessions_ended: 1 });
  });
});

describe('token responses are never cached', () => {
  it('answers login, register, refresh, the 2FA step and switch-org with Cache-Control: no-store; JWKS keeps its own', async () => {
    const t = await startTestApp({ rateLimit: { enabled: false } });
    try {
      const user = await registerUser(t);
      const register = await t.request('POST', '/api/v1/auth/register', { body: { email: `n-${randomBytes(4).toString('hex')}@example.test`, password: STRONG_PASSWORD, full_name: 'N' } });
      const loggedIn = await login(t, user.email, user.password);
      const refreshed = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: loggedIn.body.refresh_token } });
      const switched = await t.request('POST', '/api/v1/auth/switch-org', { token: user.accessToken, body: { org_id: user.orgId } });
      const secondStep = await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: 'x'.repeat(43), code: '123456' } });
      for (const res of [register, loggedIn, refreshed, switched, secondStep]) expect(res.headers.get('cache-control'), res.text).toBe('no-store');
      expect((await t.request('GET', '/.well-known/jwks.json')).headers.get('cache-control')).toMatch(/max-age/);
    } finally {
      await t.close();
    }
  });
});
