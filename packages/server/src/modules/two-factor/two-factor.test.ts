import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { matchTotpStep } from '../../lib/totp.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createOrgWithMembers, expectProblem, login, registerUser, type RegisteredUser } from '../../../test/helpers/factories.js';

// An independent RFC 6238 implementation (HMAC-SHA1, dynamic truncation), not the one the server uses.
function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of input.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}
function totpCode(secretBase32: string, timeMs: number, digits = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 1000 / 30)));
  const hmac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}
/** Waits out the last seconds of a 30 s step, so "now" on the server is the step the test computed for. */
async function safeWindow() {
  const into = Date.now() % 30_000;
  if (into > 24_000) await new Promise((r) => setTimeout(r, 30_000 - into + 200));
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ lockout: { threshold: 4, baseSeconds: 30, maxSeconds: 3600 } });
});
afterAll(() => t.close());

async function enrol(user: RegisteredUser): Promise<{ secret: string; backupCodes: string[] }> {
  const setup = await t.request('POST', '/api/v1/auth/2fa/setup', { token: user.accessToken });
  expect(setup.status, setup.text).toBe(200);
  const verify = await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code: totpCode(setup.body.secret, Date.now()), password: user.password } });
  expect(verify.status, verify.text).toBe(200);
  return { secret: setup.body.secret, backupCodes: verify.body.backup_codes };
}

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors, in the test’s implementation and the server’s', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // "12345678901234567890"
    const vectors: [number, string][] = [[59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'], [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130']];
    for (const [seconds, expected] of vectors) {
      expect(totpCode(secret, seconds * 1000, 8)).toBe(expected);
      expect(matchTotpStep(secret, expected.slice(-6), seconds * 1000)).toBe(Math.floor(seconds / 30));
    }
  });
});

describe('enrolment', () => {
  it('gives a secret, an otpauth URL and a QR code; enables only after a valid code; returns 10 backup codes', async () => {
    const user = await registerUser(t);
    const setup = await t.request('POST', '/api/v1/auth/2fa/setup', { token: user.accessToken });
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauth_url).toBe(`otpauth://totp/SaaSReady:${encodeURIComponent(user.email)}?issuer=SaaSReady&secret=${setup.body.secret}&algorithm=SHA1&digits=6&period=30`);
    expect(setup.body.qr_code).toMatch(/^data:image\/png;base64,/);
    expect((await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).body.two_factor_enabled).toBe(false);
    // still a password-only login
    expect((await login(t, user.email, user.password)).body.access_token).toBeTruthy();

    expectProblem(await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code: '000000', password: user.password } }), 422, 'mfa.invalid_code');
    const verify = await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code: totpCode(setup.body.secret, Date.now()), password: user.password } });
    expect(verify.status, verify.text).toBe(200);
    expect(verify.body.backup_codes).toHaveLength(10);
    expect(new Set(verify.body.backup_codes).size).toBe(10);
    expect((await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).body.two_factor_enabled).toBe(true);

    const [row] = await queryRows<{ secret_enc: string }>(t.database.handle.db, sql`select secret_enc from user_mfa where user_id = ${user.userId}`);
    expect(row!.secret_enc).toMatch(/^v1\./);
    expect(row!.secret_enc).not.toContain(setup.body.secret);
    const codes = await queryRows<{ code_hash: string }>(t.database.handle.db, sql`select code_hash from mfa_backup_codes where user_id = ${user.userId}`);
    expect(codes.map((c) => c.code_hash).join()).not.toContain(verify.body.backup_codes[0].replace('-', ''));
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/setup', { token: user.accessToken }), 409, 'mfa.already_enabled');
    const audit = await queryRows(t.database.handle.db, sql`select 1 from audit_logs where action = 'user.2fa.enabled' and actor_user_id = ${user.userId}`);
    expect(audit).toHaveLength(1);
  });

  it('lets a new setup replace an unconfirmed one', async () => {
    const user = await registerUser(t);
    const first = await t.request('POST', '/api/v1/auth/2fa/setup', { token: user.accessToken });
    const second = await t.request('POST', '/api/v1/auth/2fa/setup', { token: user.accessToken });
    expect(second.body.secret).not.toBe(first.body.secret);
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code: totpCode(first.body.secret, Date.now()), password: user.password } }), 422, 'mfa.invalid_code');
    expect((await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code: totpCode(second.body.secret, Date.now()), password: user.password } })).status).toBe(200);
  });
});

describe('login with a second factor', () => {
  it('asks for the second factor, then issues tokens for a valid code; the mfa_token and the code work once', async () => {
    const user = await registerUser(t);
    const { secret } = await enrol(user);
    const first = await login(t, user.email, user.password);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfa_required: true, mfa_token: expect.any(String), methods: ['totp', 'backup_code'] });
    // the enrolment used this step's code; the next step's is within the ±1 window and not used yet
    const code = totpCode(secret, Date.now() + 30_000);
    const done = await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: first.body.mfa_token, code } });
    expect(done.status, done.text).toBe(200);
    expect(done.body.access_token).toBeTruthy();
    expect((await t.request('GET', '/api/v1/auth/me', { token: done.body.access_token })).body.two_factor_enabled).toBe(true);
    // the mfa_token is spent
    expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: first.body.mfa_token, code } }), 401, 'auth.invalid_mfa_token');
    // and the code is spent: replaying it in a new login fails
    const again = await login(t, user.email, user.password);
    expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: again.body.mfa_token, code } }), 401, 'auth.invalid_mfa_code');
    const audit = await queryRows(t.database.handle.db, sql`select 1 from audit_logs where action = 'user.login.mfa_failed' and actor_user_id = ${user.userId}`);
    expect(audit).toHaveLength(1);
  });

  it('accepts the code of the previous and next step but not two steps away', async () => {
    const user = await registerUser(t);
    const setup = await t.request('POST', '/api/v1/auth/2fa/setup', { token: user.accessToken });
    const secret = setup.body.secret;
    await safeWindow();
    const now = Date.now();
    // two steps away, either side: refused
    for (const offset of [-60_000, 60_000]) {
      expectProblem(await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code: totpCode(secret, now + offset), password: user.password } }), 422, 'mfa.invalid_code');
    }
    // the previous step: accepted (clock drift)
    expect((await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code: totpCode(secret, now - 30_000), password: user.password } })).status).toBe(200);
    // the next step is still ahead of the last used one: accepted at login
    const step1 = await login(t, user.email, user.password);
    const res = await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: step1.body.mfa_token, code: totpCode(secret, now + 30_000) } });
    expect(res.status, res.text).toBe(200);
    // and after it, the current step's code counts as a replay of an earlier step
    const step2 = await login(t, user.email, user.password);
    expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: step2.body.mfa_token, code: totpCode(secret, now) } }), 401, 'auth.invalid_mfa_code');
  });

  it('supports the single-call form: login with two_factor_code', async () => {
    const user = await registerUser(t);
    const { secret } = await enrol(user);
    const res = await t.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password, two_factor_code: totpCode(secret, Date.now() + 30_000) } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.access_token).toBeTruthy();
    expectProblem(await t.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password, two_factor_code: '123456' } }), 401, 'auth.invalid_mfa_code');
  });

  it('accepts each backup code once', async () => {
    const user = await registerUser(t);
    const { backupCodes } = await enrol(user);
    const step = await login(t, user.email, user.password);
    const ok = await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: step.body.mfa_token, backup_code: backupCodes[3].toUpperCase() } });
    expect(ok.status, ok.text).toBe(200);
    const again = await login(t, user.email, user.password);
    expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: again.body.mfa_token, backup_code: backupCodes[3] } }), 401, 'auth.invalid_mfa_code');
    expect((await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: again.body.mfa_token, backup_code: backupCodes[4] } })).status).toBe(200);
    const audit = await queryRows(t.database.handle.db, sql`select 1 from audit_logs where action = 'user.2fa.backup_code.used' and target_id = ${user.userId}`);
    expect(audit).toHaveLength(2);
  });

  it('refuses an expired mfa_token', async () => {
    const user = await registerUser(t);
    const { backupCodes } = await enrol(user);
    const step = await login(t, user.email, user.password);
    await t.database.handle.db.execute(sql`update mfa_challenges set expires_at = now() - interval '1 second' where user_id = ${user.userId}`);
    expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: step.body.mfa_token, backup_code: backupCodes[0] } }), 401, 'auth.invalid_mfa_token');
  });

  it('locks the account after repeated wrong codes, like wrong passwords', async () => {
    const user = await registerUser(t);
    const { backupCodes } = await enrol(user);
    const step = await login(t, user.email, user.password);
    for (let i = 0; i < 4; i++) {
      expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: step.body.mfa_token, code: String(100000 + i) } }), 401, 'auth.invalid_mfa_code');
    }
    const locked = await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: step.body.mfa_token, backup_code: backupCodes[0] } });
    expectProblem(locked, 429, 'auth.account_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('managing the factor', () => {
  it('regenerates backup codes with password and code; the old ones stop working', async () => {
    const user = await registerUser(t);
    const { secret, backupCodes } = await enrol(user);
    const res = await t.request('POST', '/api/v1/auth/2fa/backup-codes', { token: user.accessToken, body: { password: user.password, code: totpCode(secret, Date.now() + 30_000) } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.backup_codes).not.toContain(backupCodes[0]);
    const step = await login(t, user.email, user.password);
    expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: step.body.mfa_token, backup_code: backupCodes[0] } }), 401, 'auth.invalid_mfa_code');
    expect((await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: step.body.mfa_token, backup_code: res.body.backup_codes[0] } })).status).toBe(200);
  });

  it('disables with password and a backup code; login no longer asks for a code', async () => {
    const user = await registerUser(t);
    const { backupCodes } = await enrol(user);
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/disable', { token: user.accessToken, body: { password: 'wrong-password!', code: backupCodes[0] } }), 422, 'auth.password_rejected');
    expect((await t.request('POST', '/api/v1/auth/2fa/disable', { token: user.accessToken, body: { password: user.password, code: backupCodes[0] } })).status).toBe(204);
    expect((await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).body.two_factor_enabled).toBe(false);
    expect((await login(t, user.email, user.password)).body.access_token).toBeTruthy();
    const audit = await queryRows(t.database.handle.db, sql`select 1 from audit_logs where action = 'user.2fa.disabled' and actor_user_id = ${user.userId}`);
    expect(audit).toHaveLength(1);
  });
});

describe('organization 2FA policy', () => {
  it('is set with org.settings by someone who has 2FA, and then blocks members without it', async () => {
    const f = await createOrgWithMembers(t, 'Policy Co');
    const setPolicy = (token: string, on: boolean) => t.request('PATCH', `/api/v1/orgs/${f.orgId}`, { token, body: { settings: { require_2fa: on } } });
    expectProblem(await setPolicy(f.owner.accessToken, true), 409, 'mfa.enable_first');
    expectProblem(await setPolicy(f.admin.accessToken, true), 403, 'permission_denied'); // Admin lacks org.settings
    await enrol(f.owner);
    const on = await setPolicy(f.owner.accessToken, true);
    expect(on.status, on.text).toBe(200);
    expect(on.body.settings).toEqual({ require_2fa: true });

    // a member without 2FA: refused on the organization's routes, except reading it and leaving
    expectProblem(await t.request('GET', `/api/v1/orgs/${f.orgId}/members`, { token: f.member.accessToken }), 403, 'two_factor_required');
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: f.member.accessToken })).status).toBe(200);
    const me = await t.request('GET', '/api/v1/auth/me', { token: f.member.accessToken });
    expect(me.body.two_factor_setup_required).toBe(true);
    expect(me.body.memberships.find((m: any) => m.organization_id === f.orgId).require_2fa).toBe(true);
    // the owner (with 2FA) is unaffected
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}/members`, { token: f.owner.accessToken })).status).toBe(200);
    // once the member enrols, access returns at once
    await enrol(f.member);
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}/members`, { token: f.member.accessToken })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/auth/me', { token: f.member.accessToken })).body.two_factor_setup_required).toBe(false);
    const audit = await queryRows(t.database.handle.db, sql`select 1 from audit_logs where action = 'org.settings.updated' and organization_id = ${f.orgId}`);
    expect(audit).toHaveLength(1);
  });
});
