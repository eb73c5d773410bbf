// The Owners' break-glass password login of an organization that requires SSO: audited only when the
// login completes — after the second factor, with its session — never for a password alone.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { totp } from '../../lib/totp.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { IDP_CERT } from '../../../test/helpers/saml-idp.js';
import { addMember, expectProblem, login, registerUser, type RegisteredUser } from '../../../test/helpers/factories.js';
import { verifyChain } from '../audit-logs/service.js';

let t: TestApp;
let owner: RegisteredUser;
let secret: string;
let backupCodes: string[];
const step = Math.floor(Date.now() / 30_000);
const codeAt = (s: number) => totp(secret).generate({ timestamp: s * 30_000 + 1 });
const WRONG_CODE = () => codeAt(step - 20);
const db = () => t.database.handle.db;

/** Enables 2FA with the enrolment code of `at`; answers the secret and backup codes. */
async function enrol(user: RegisteredUser, at: number): Promise<{ secret: string; backupCodes: string[] }> {
  const setup = await t.request('POST', '/api/v1/auth/2fa/setup', { token: user.accessToken });
  expect(setup.status, setup.text).toBe(200);
  const code = totp(setup.body.secret).generate({ timestamp: at * 30_000 + 1 });
  const verify = await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code, password: user.password } });
  expect(verify.status, verify.text).toBe(200);
  return { secret: setup.body.secret, backupCodes: verify.body.backup_codes };
}

const breakGlassEvents = (userId: string) =>
  queryRows<{ organization_id: string; request_id: string }>(db(), sql`select organization_id, request_id from audit_logs where action = 'user.login.break_glass' and actor_user_id = ${userId} order by seq`);

beforeAll(async () => {
  t = await startTestApp();
  const domain = `glass-${randomBytes(3).toString('hex')}.test`;
  owner = await registerUser(t, { email: `owner@${domain}` });
  ({ secret, backupCodes } = await enrol(owner, step));
  // the organization verified the domain, has an enabled connection and requires SSO
  await db().execute(sql`insert into organization_domains (id, organization_id, domain, verification_token, verified_at) values (gen_random_uuid(), ${owner.orgId}, ${domain}, 'x', now())`);
  const connection = await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'saml', name: 'IdP', idp_entity_id: 'https://idp.glass.test', idp_sso_url: 'https://idp.glass.test/sso', idp_certificate: IDP_CERT } });
  expect(connection.status, connection.text).toBe(201);
  const on = await t.request('PATCH', `/api/v1/orgs/${owner.orgId}/settings`, { token: owner.accessToken, body: { sso_required: true } });
  expect(on.status, on.text).toBe(200);
});
afterAll(() => t?.close());

describe('break-glass login', () => {
  it('a right password with a wrong or missing second factor records no break-glass event', async () => {
    // the single-call form with a wrong code
    expectProblem(await t.request('POST', '/api/v1/auth/login', { body: { email: owner.email, password: owner.password, two_factor_code: WRONG_CODE() } }), 401, 'auth.invalid_mfa_code');
    // the two-step form: a challenge abandoned, another answered wrongly
    const abandoned = await login(t, owner.email, owner.password);
    expect(abandoned.body.mfa_required, abandoned.text).toBe(true);
    const challenge = await login(t, owner.email, owner.password);
    expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: challenge.body.mfa_token, code: WRONG_CODE() } }), 401, 'auth.invalid_mfa_code');
    expect(await breakGlassEvents(owner.userId)).toEqual([]);
  });

  it('a completed login records one, in its organization’s log, with the login’s session (both forms); the chains verify', async () => {
    const challenge = await login(t, owner.email, owner.password);
    const twoStep = await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: challenge.body.mfa_token, backup_code: backupCodes[0] } });
    expect(twoStep.status, twoStep.text).toBe(200);
    const oneCall = await t.request('POST', '/api/v1/auth/login', { body: { email: owner.email, password: owner.password, two_factor_code: codeAt(step + 1) } });
    expect(oneCall.status, oneCall.text).toBe(200);

    const events = await breakGlassEvents(owner.userId);
    expect(events.map((e) => e.organization_id)).toEqual([owner.orgId, owner.orgId]);
    // each beside the login it belongs to: the same request wrote a user.logged_in and a session
    for (const { request_id } of events) {
      const logins = await queryRows<{ metadata: { mfa: boolean } }>(db(), sql`select metadata from audit_logs where action = 'user.logged_in' and request_id = ${request_id}`);
      expect(logins).toHaveLength(1);
      expect(logins[0]!.metadata.mfa).toBe(true);
    }
    const live = await queryRows(db(), sql`select 1 from sessions where user_id = ${owner.userId} and revoked_at is null`);
    expect(live.length).toBeGreaterThanOrEqual(3);
    expect(await verifyChain(db(), owner.orgId)).toMatchObject({ ok: true, first_broken: null });
    expect(await verifyChain(db(), owner.userId)).toMatchObject({ ok: true, first_broken: null });
  });

  it('a member whose password step came before sso_required cannot finish with the mfa_token (refused, no session, nothing recorded)', async () => {
    const domain = `late-${randomBytes(3).toString('hex')}.test`;
    const boss = await registerUser(t, { email: `boss@${domain}` });
    const member = await registerUser(t, { email: `member@${domain}` });
    await addMember(t, boss.orgId, member, 'Member');
    const { backupCodes: memberCodes } = await enrol(member, step);
    await db().execute(sql`insert into organization_domains (id, organization_id, domain, verification_token, verified_at) values (gen_random_uuid(), ${boss.orgId}, ${domain}, 'x', now())`);
    const connection = await t.request('POST', `/api/v1/orgs/${boss.orgId}/sso/connections`, { token: boss.accessToken, body: { type: 'saml', name: 'IdP', idp_entity_id: 'https://idp.late.test', idp_sso_url: 'https://idp.late.test/sso', idp_certificate: IDP_CERT } });
    expect(connection.status, connection.text).toBe(201);

    const challenge = await login(t, member.email, member.password);
    expect(challenge.body.mfa_required, challenge.text).toBe(true);
    expect((await t.request('PATCH', `/api/v1/orgs/${boss.orgId}/settings`, { token: boss.accessToken, body: { sso_required: true } })).status).toBe(200);
    expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: challenge.body.mfa_token, backup_code: memberCodes[0] } }), 403, 'auth.sso_required');
    const after = await queryRows(db(), sql`select 1 from sessions where user_id = ${member.userId} and revoked_at is null`);
    expect(after).toEqual([]);
    expect(await breakGlassEvents(member.userId)).toEqual([]);
  });
});
