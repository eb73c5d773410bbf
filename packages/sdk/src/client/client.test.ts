// The SDK client against the real server (real HTTP on a random port, real database): the tutorial
// of the Python SDK step by step, 2FA login, errors, single-flight refresh, pagination, API keys.
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../../test/helpers.js';
import { createAdmin, createOrgWithMembers, Keyring, PasswordHasher, startTestApp, STRONG_PASSWORD, uniqueEmail, type TestApp } from '@saasready/test-kit';
import { SaaSReady, SaaSReadyError, type Tokens } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Every request the client sends, through the fetch it was given. */
interface Recorder {
  fetch: (request: Request) => Promise<Response>;
  requests: { method: string; path: string; authorization: string | null; status: number }[];
  count(method: string, path: string): number;
}
function recorder(): Recorder {
  const requests: Recorder['requests'] = [];
  return {
    requests,
    async fetch(request) {
      const entry = { method: request.method, path: new URL(request.url).pathname, authorization: request.headers.get('authorization'), status: 0 };
      requests.push(entry);
      const response = await fetch(request);
      entry.status = response.status;
      return response;
    },
    count: (method, path) => requests.filter((r) => r.method === method && r.path === path).length,
  };
}

const newClient = (options: Partial<ConstructorParameters<typeof SaaSReady>[0]> = {}) => new SaaSReady({ baseUrl: t.baseUrl, ...options });


/** The invitation token from the development mailbox (the API never returns it). */
async function invitationTokenFor(email: string): Promise<string> {
  const res = await t.request('GET', `/api/v1/dev/mailbox?to=${encodeURIComponent(email)}`);
  expect(res.status, res.text).toBe(200);
  const mail = res.body.find((m: { template: string }) => m.template.includes('invit')) ?? res.body[0];
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in ${mail.text}`);
  return match[1]!;
}

// An independent RFC 6238 implementation (HMAC-SHA1, 30 s steps, 6 digits), not the server's.
function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of input.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
}
function totp(secretBase32: string, timeMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 1000 / 30)));
  const hmac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
/** Waits out the end of a 30 s step, so the server's "now" is the step the test computed for. */
async function safeWindow() {
  const into = Date.now() % 30_000;
  if (into > 22_000) await new Promise((r) => setTimeout(r, 30_000 - into + 200));
}

describe('the tutorial, step by step', () => {
  it('registers, creates an organization, invites, manages roles, reads the audit log and the feature flags', async () => {
    const rec = recorder();
    const client = newClient({ fetch: rec.fetch });

    // Step 3: register; the client keeps the session
    const email = uniqueEmail('founder');
    const registered = await client.auth.register({ email, password: STRONG_PASSWORD, full_name: 'Jane Founder' });
    if (!('access_token' in registered)) throw new Error('expected a session');
    expect(registered.user.email).toBe(email);
    expect(registered.token_type).toBe('bearer');
    expect(client.tokens).toEqual({ accessToken: registered.access_token, refreshToken: registered.refresh_token });

    // login again: tokens are replaced
    const loggedIn = await client.auth.login({ email, password: STRONG_PASSWORD });
    if (!('access_token' in loggedIn)) throw new Error('expected a session');
    expect(client.tokens.accessToken).toBe(loggedIn.access_token);

    const me = await client.auth.me();
    expect(me.full_name).toBe('Jane Founder');
    expect(me.memberships).toHaveLength(1); // the personal organization
    expect(rec.requests.at(-1)!.authorization).toBe(`Bearer ${loggedIn.access_token}`);

    // Step 4: organizations
    const org = await client.orgs.create({ name: 'Acme Corporation', slug: 'acme-corp' });
    expect(org).toMatchObject({ name: 'Acme Corporation', slug: 'acme-corp', is_active: true, your_role: 'Owner' });
    const orgs = await client.orgs.list();
    expect(orgs.find((o) => o.id === org.id)?.your_role).toBe('Owner');
    expect(orgs).toHaveLength(2);
    // the create answer adds the caller's role (as the list does) to the organization itself
    const { your_role: _role, your_role_id: _roleId, ...organization } = org;
    expect(await client.orgs.get(org.id)).toEqual(organization);
    const updated = await client.orgs.update(org.id, { metadata: { stripe_customer_id: 'cus_abc123' } });
    expect(updated.metadata).toEqual({ stripe_customer_id: 'cus_abc123' });

    // Step 5: RBAC
    const roles = await client.orgs.listRoles(org.id);
    expect(roles.map((r) => r.name).sort()).toEqual(['Admin', 'Member', 'Owner', 'Viewer']);
    const permissions = (await client.auth.me()).memberships.find((m) => m.organization_id === org.id)!.permissions;
    expect(permissions).toEqual(expect.arrayContaining(['org.update', 'user.invite']));
    // the security settings have their own call (org.settings)
    expect((await client.orgs.updateSettings(org.id, { require_2fa: false })).settings).toEqual({ require_2fa: false });
    const check = await client.orgs.authorize(org.id, { permissions: ['org.update', 'org.delete'] });
    expect(check).toEqual({ allowed: true, permissions: { 'org.update': true, 'org.delete': true }, role: 'Owner' });

    // Step 6: invite a team member
    const adminRole = roles.find((r) => r.name === 'Admin')!;
    const aliceEmail = uniqueEmail('alice');
    const invitation = await client.orgs.inviteMember(org.id, { email: aliceEmail, role_id: adminRole.id }, { idempotencyKey: randomUUID() });
    expect(invitation).toMatchObject({ email: aliceEmail, role_name: 'Admin', status: 'pending' });
    expect(invitation.expires_at).toEqual(expect.any(String));
    expect((await client.orgs.listInvitations(org.id)).map((i) => i.email)).toEqual([aliceEmail]);

    // the invitee previews (no login) and registers with the token: joins at once
    const token = await invitationTokenFor(aliceEmail);
    const alice = newClient();
    const preview = await alice.invitations.preview(token);
    expect(preview).toMatchObject({ organization_name: 'Acme Corporation', inviter_name: 'Jane Founder', role_name: 'Admin', email: aliceEmail });
    const joined = await alice.auth.register({ email: aliceEmail, password: STRONG_PASSWORD, full_name: 'Alice Admin', invitation_token: token });
    // the tutorial's `response.organization.name` and `response.role`, typed
    if ('email_verification_required' in joined) throw new Error('an invitation proves the inbox: a session is expected');
    expect([joined.organization?.name, joined.role]).toEqual(['Acme Corporation', 'Admin']);
    expect((await alice.orgs.list()).find((o) => o.id === org.id)?.your_role).toBe('Admin');
    expect(await client.orgs.listInvitations(org.id, { status: 'pending' })).toEqual([]);

    // members, and a role change
    const members = await client.orgs.listMembers(org.id);
    expect(members.map((m) => m.user_email).sort()).toEqual([aliceEmail, email].sort());
    expect(members.nextCursor).toBeNull();
    const aliceMembership = members.find((m) => m.user_email === aliceEmail)!;
    const memberRole = roles.find((r) => r.name === 'Member')!;
    const changed = await client.orgs.updateMemberRole(org.id, aliceMembership.id, { role_id: memberRole.id });
    expect(changed).toMatchObject({ id: aliceMembership.id, role_name: 'Member' });
    const aliceCheck = await alice.orgs.authorize(org.id, { permissions: ['user.invite'] });
    expect(aliceCheck).toMatchObject({ allowed: false, role: 'Member' });

    // Step 8: the audit log
    const logs = await client.orgs.listAuditLogs(org.id, { limit: 50 });
    const actions = logs.map((l) => l.action);
    expect(actions).toEqual(expect.arrayContaining(['org.created', 'user.invite.sent', 'user.invite.accepted', 'user.role.updated']));
    const roleChange = logs.find((l) => l.action === 'user.role.updated')!;
    expect(roleChange).toMatchObject({ actor_email: email, ip_address: expect.any(String) });
    const all: string[] = [];
    for await (const log of client.orgs.auditLogs(org.id, { limit: 2 })) all.push(log.id);
    expect(all).toEqual(logs.map((l) => l.id)); // same rows, newest first, across pages
    const exported = await client.orgs.exportAuditLogs(org.id, {}, { as: 'text' });
    expect(exported.trim().split('\n').map((line) => JSON.parse(line).action)).toEqual(expect.arrayContaining(actions));
    const csv = await new Response(await client.orgs.exportAuditLogs(org.id, { format: 'csv' })).text();
    expect(csv.split('\n')[0]).toContain('action');
    expect((await client.orgs.verifyAuditLogs(org.id)).ok).toBe(true);

    // Step 9: feature flags (a superuser defines the flag; the organization overrides it)
    await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: 'sdk-admin@example.test', password: 'sdk-admin-secret-1', fullName: 'SDK Admin' });
    const superuser = newClient();
    await superuser.auth.login({ email: 'sdk-admin@example.test', password: 'sdk-admin-secret-1' });
    const created = await t.request('POST', '/api/v1/admin/feature-flags', { token: superuser.tokens.accessToken!, body: { key: 'advanced-analytics', name: 'Advanced analytics' } });
    expect(created.status, created.text).toBe(201);

    const flags = await client.features.list(org.id);
    expect(flags).toEqual([expect.objectContaining({ key: 'advanced-analytics', enabled: false, overridden: false })]);
    expect(await client.features.isEnabled(org.id, 'advanced-analytics')).toBe(false);
    expect(await client.features.set(org.id, 'advanced-analytics', { enabled: true })).toMatchObject({ enabled: true, overridden: true });
    expect(await client.features.isEnabled(org.id, 'advanced-analytics')).toBe(true);
    expect(await client.features.isEnabled(org.id, 'no-such-flag')).toBe(false);
    // a second identical evaluation is revalidated with the ETag: 304, same answer
    expect(await client.features.evaluate(org.id)).toEqual({ flags: { 'advanced-analytics': true } });
    expect(await client.features.evaluate(org.id)).toEqual({ flags: { 'advanced-analytics': true } });
    expect(rec.requests.filter((r) => r.path.endsWith('/feature-flags/evaluate')).at(-1)!.status).toBe(304);
    expect(await client.features.reset(org.id, 'advanced-analytics')).toMatchObject({ enabled: false, overridden: false });
    expect(await client.features.evaluate(org.id)).toEqual({ flags: { 'advanced-analytics': false } });
    // the old client's spelling: set_flag(org_id, flag_name, enabled) and is_enabled(flag_name, org_id=…)
    const puts = rec.count('PUT', `/api/v1/orgs/${org.id}/feature-flags/advanced-analytics`);
    expect(await client.features.setFlag(org.id, 'advanced-analytics', true)).toMatchObject({ key: 'advanced-analytics', enabled: true, overridden: true });
    expect(rec.count('PUT', `/api/v1/orgs/${org.id}/feature-flags/advanced-analytics`)).toBe(puts + 1);
    expect(await client.features.isEnabled('advanced-analytics', { orgId: org.id })).toBe(true);
    expect(await client.features.isEnabled('advanced-analytics', { organizationId: org.id })).toBe(true);
    expect(await client.features.isEnabled('no-such-flag', { orgId: org.id })).toBe(false);
    expect(await client.features.setFlag(org.id, 'advanced-analytics', false)).toMatchObject({ enabled: false, overridden: true });
    expect(await client.features.isEnabled('advanced-analytics', { orgId: org.id })).toBe(false);
    expect(await client.features.isEnabled(org.id, 'advanced-analytics')).toBe(false);
    await client.features.reset(org.id, 'advanced-analytics');

    // sessions and logout
    const sessions = await client.auth.sessions();
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    await client.auth.logout();
    expect(client.tokens).toEqual({ accessToken: undefined, refreshToken: undefined });
    expect((await failure(client.auth.me())).code).toBe('auth.unauthenticated');
  });

  it('keeps an organization-scoped token after switchOrg, and the refresh token unchanged', async () => {
    const seen: Tokens[] = [];
    const client = newClient({ onTokens: (tokens) => void seen.push(tokens) });
    await client.auth.register({ email: uniqueEmail(), password: STRONG_PASSWORD, full_name: 'Switcher' });
    const org = await client.orgs.create({ name: 'Second Org' });
    const before = client.tokens;
    const switched = await client.auth.switchOrg(org.id);
    expect(switched.organization.id).toBe(org.id);
    expect(client.tokens).toEqual({ accessToken: switched.access_token, refreshToken: before.refreshToken });
    expect(seen.at(-1)).toEqual({ accessToken: switched.access_token, refreshToken: before.refreshToken, expiresIn: switched.expires_in });
    expect((await client.auth.me()).current_organization?.id).toBe(org.id);
  });
});

describe('login with 2FA', () => {
  it('answers mfa_required without a session, and loginWith2fa completes it with a TOTP or a backup code', async () => {
    const email = uniqueEmail('mfa');
    const enrol = newClient();
    await enrol.auth.register({ email, password: STRONG_PASSWORD, full_name: 'Two Factor' });
    // enable2fa (the old client's name) is setup2fa: a new secret each call, no backup codes yet
    const early = await enrol.auth.enable2fa();
    expect(early).toEqual({ secret: expect.stringMatching(/^[A-Z2-7]+$/), otpauth_url: expect.stringMatching(/^otpauth:\/\/totp\//), qr_code: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(early).not.toHaveProperty('backup_codes');
    expect((await enrol.auth.me()).two_factor_enabled).toBe(false);
    const setup = await enrol.auth.setup2fa();
    expect(setup.secret).toMatch(/^[A-Z2-7]+$/);
    expect(setup.otpauth_url).toMatch(/^otpauth:\/\/totp\//);
    await safeWindow();
    const { backup_codes } = await enrol.auth.verify2fa({ code: totp(setup.secret, Date.now()), password: STRONG_PASSWORD });
    expect(backup_codes).toHaveLength(10);

    const seen: Tokens[] = [];
    const client = newClient({ onTokens: (tokens) => void seen.push(tokens) });
    const first = await client.auth.login({ email, password: STRONG_PASSWORD });
    if (!('mfa_required' in first)) throw new Error('expected the 2FA step');
    expect(first.mfa_required).toBe(true);
    expect(first.methods).toEqual(expect.arrayContaining(['totp', 'backup_code']));
    expect(client.tokens.accessToken).toBeUndefined();
    expect(seen).toEqual([]);

    // the code of the next step: the enrolment code's step cannot be replayed
    await safeWindow();
    const session = await client.auth.loginWith2fa({ mfa_token: first.mfa_token, code: totp(setup.secret, Date.now() + 30_000) });
    expect(session.user.email).toBe(email);
    expect(client.tokens).toEqual({ accessToken: session.access_token, refreshToken: session.refresh_token });
    expect(seen).toEqual([{ accessToken: session.access_token, refreshToken: session.refresh_token, expiresIn: session.expires_in }]);
    expect((await client.auth.me()).two_factor_enabled).toBe(true);

    // a wrong code is a SaaSReadyError (a 401 that is not token expiry: no refresh attempted)
    const again = await client.auth.login({ email, password: STRONG_PASSWORD });
    if (!('mfa_required' in again)) throw new Error('expected the 2FA step');
    const wrong = await failure(client.auth.loginWith2fa({ mfa_token: again.mfa_token, code: '000000' }));
    expect(wrong).toMatchObject({ status: 401, code: 'auth.invalid_mfa_code' });

    const third = await client.auth.login({ email, password: STRONG_PASSWORD });
    if (!('mfa_required' in third)) throw new Error('expected the 2FA step');
    const withBackup = await client.auth.loginWith2fa({ mfa_token: third.mfa_token, backup_code: backup_codes[0]! });
    expect(withBackup.user.email).toBe(email);
  });
});

describe('errors', () => {
  it('throws SaaSReadyError with code, status, field errors and request id', async () => {
    const client = newClient();
    const weak = await failure(client.auth.register({ email: uniqueEmail(), password: 'password123', full_name: 'Weak' }));
    expect(weak).toBeInstanceOf(Error);
    expect(weak).toMatchObject({ name: 'SaaSReadyError', status: 422, code: 'auth.password_rejected', type: 'urn:saasready:problem:auth.password_rejected' });
    expect(weak.errors).toEqual([expect.objectContaining({ field: '/password' })]);
    expect(weak.requestId).toEqual(expect.any(String));
    expect(weak.title).toEqual(expect.any(String));
    expect(weak.message).toContain(weak.title);

    const email = uniqueEmail();
    await client.auth.register({ email, password: STRONG_PASSWORD, full_name: 'First' });
    const taken = await failure(newClient().auth.register({ email: email.toUpperCase(), password: STRONG_PASSWORD, full_name: 'Second' }));
    expect(taken).toMatchObject({ status: 409, code: 'auth.email_taken' });

    const invalid = await failure(client.auth.register({ email: uniqueEmail(), password: 'short-9ch', full_name: 'Short' }));
    expect(invalid).toMatchObject({ status: 400, code: 'request.validation_failed' });
    expect(invalid.errors[0]).toMatchObject({ field: '/password', message: expect.any(String) });

    await client.orgs.create({ name: 'Taken', slug: 'taken-slug' });
    const slug = await failure(client.orgs.create({ name: 'Taken again', slug: 'taken-slug' }));
    expect(slug).toMatchObject({ status: 409, code: 'organization.slug_taken', meta: { suggestion: expect.any(String) } });

    const badLogin = await failure(newClient().auth.login({ email, password: 'not the password' }));
    expect(badLogin).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });

    const notFound = await failure(client.orgs.get(randomUUID()));
    expect(notFound).toMatchObject({ status: 404, code: 'organization.not_found' });
  });

  it('falls back to a generic error for a body that is not a problem document', () => {
    const err = SaaSReadyError.fromResponse(
      { status: 502, statusText: 'Bad Gateway', headers: new Headers({ 'content-type': 'text/html', 'retry-after': '7' }) },
      '<html><body>upstream down</body></html>',
    );
    expect(err).toMatchObject({ status: 502, code: 'http_error', title: 'Bad Gateway', retryAfter: 7, errors: [], meta: {} });
    expect(err.detail).toContain('upstream down');
    const empty = SaaSReadyError.fromResponse({ status: 500, statusText: '', headers: new Headers() }, undefined);
    expect(empty).toMatchObject({ status: 500, code: 'http_error', title: 'HTTP 500', detail: undefined });
  });

  it('refuses an API key combined with user tokens', () => {
    expect(() => newClient({ apiKey: 'sr_x', accessToken: 'y' })).toThrow(TypeError);
  });
});

describe('refreshing an expired access token', () => {
  async function expiredSession() {
    const founder = newClient();
    await founder.auth.register({ email: uniqueEmail('refresh'), password: STRONG_PASSWORD, full_name: 'Refresher' });
    const { accessToken, refreshToken } = founder.tokens;
    const claims = JSON.parse(Buffer.from(accessToken!.split('.')[1]!, 'base64url').toString());
    // another signer on the same keys, back-dating the token beyond the server's clock tolerance
    const keyring = new Keyring(t.database.handle.db, {
      masterKey: t.config.masterKey, alg: t.config.jwtAlg, accessTokenTtl: t.config.accessTokenTtl, issuer: t.config.issuer, audience: t.config.audience,
    });
    await keyring.init();
    keyring.stop();
    const expired = await keyring.sign({ sub: claims.sub, sid: claims.sid, org_id: claims.org_id }, Math.floor(Date.now() / 1000) - t.config.accessTokenTtl - 30);
    return { expired, refreshToken: refreshToken! };
  }

  it('refreshes once for 10 concurrent calls, retries each, and reports the new tokens once', async () => {
    const { expired, refreshToken } = await expiredSession();
    const rec = recorder();
    const seen: Tokens[] = [];
    const client = newClient({ accessToken: expired, refreshToken, fetch: rec.fetch, onTokens: (tokens) => void seen.push(tokens) });

    const results = await Promise.all(Array.from({ length: 10 }, () => client.auth.me()));
    expect(results.every((me) => me.full_name === 'Refresher')).toBe(true);
    expect(rec.count('POST', '/api/v1/auth/refresh')).toBe(1);
    expect(rec.requests.filter((r) => r.path === '/api/v1/auth/me' && r.status === 401)).toHaveLength(10);
    expect(rec.requests.filter((r) => r.path === '/api/v1/auth/me' && r.status === 200)).toHaveLength(10);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.refreshToken).not.toBe(refreshToken);
    expect(client.tokens).toEqual({ accessToken: seen[0]!.accessToken, refreshToken: seen[0]!.refreshToken });

    // the session survived (no refresh token was presented twice) and keeps working
    expect((await client.auth.sessions()).filter((s) => s.current)).toHaveLength(1);
    expect(rec.count('POST', '/api/v1/auth/refresh')).toBe(1);
  });

  it('starts from a refresh token alone: one refresh before the first calls', async () => {
    const { refreshToken } = await expiredSession();
    const rec = recorder();
    const seen: Tokens[] = [];
    const client = newClient({ refreshToken, fetch: rec.fetch, onTokens: (tokens) => void seen.push(tokens) });
    const [me, orgs] = await Promise.all([client.auth.me(), client.orgs.list()]);
    expect(me.full_name).toBe('Refresher');
    expect(orgs).toHaveLength(1);
    expect(rec.count('POST', '/api/v1/auth/refresh')).toBe(1);
    expect(rec.requests.filter((r) => r.status === 401)).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('retries only once, and forgets a session whose refresh fails', async () => {
    const { expired } = await expiredSession();
    const rec = recorder();
    const client = newClient({ accessToken: expired, refreshToken: 'not-a-refresh-token', fetch: rec.fetch });
    const err = await failure(client.auth.me());
    expect(err).toMatchObject({ status: 401, code: 'auth.invalid_refresh_token' });
    expect(rec.count('POST', '/api/v1/auth/refresh')).toBe(1);
    expect(rec.count('GET', '/api/v1/auth/me')).toBe(1);
    expect(client.tokens).toEqual({ accessToken: undefined, refreshToken: undefined });
  });

  it('does not refresh without a refresh token: the token_expired error is thrown', async () => {
    const { expired } = await expiredSession();
    const err = await failure(newClient({ accessToken: expired }).auth.me());
    expect(err).toMatchObject({ status: 401, code: 'auth.token_expired' });
  });
});

describe('members() walks every page', () => {
  it('follows X-Next-Cursor with limit 2 until the last page', async () => {
    const f = await createOrgWithMembers(t, 'Paged Co');
    const rec = recorder();
    const client = newClient({ accessToken: f.owner.accessToken, refreshToken: f.owner.refreshToken, fetch: rec.fetch });

    const first = await client.orgs.listMembers(f.orgId, { limit: 2 });
    expect(first).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(JSON.stringify(first)).not.toContain('nextCursor'); // still the API's plain array

    const seen: string[] = [];
    for await (const member of client.orgs.members(f.orgId, { limit: 2 })) seen.push(member.id);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen.sort()).toEqual(Object.values(f.memberships).sort());
    expect(rec.count('GET', `/api/v1/orgs/${f.orgId}/members`)).toBe(1 + 3); // the single page above, then 2 + 2 + 1

    const active: string[] = [];
    for await (const member of client.orgs.members(f.orgId, { limit: 2, status: 'suspended' })) active.push(member.id);
    expect(active).toEqual([f.memberships.suspended]);
  });
});

describe('API key mode', () => {
  it('sends the key as the bearer credential for organization routes and never refreshes', async () => {
    const f = await createOrgWithMembers(t, 'Keyed Co');
    const owner = newClient({ accessToken: f.owner.accessToken, refreshToken: f.owner.refreshToken });
    const key = await owner.apiKeys.create(f.orgId, { name: 'CI', permissions: ['org.read', 'audit.read'] }, { idempotencyKey: randomUUID() });
    expect(key.raw_key).toMatch(/^sr_/);
    expect((await owner.apiKeys.list(f.orgId)).map((k) => k.id)).toEqual([key.id]);

    const rec = recorder();
    const ci = newClient({ apiKey: key.raw_key!, fetch: rec.fetch });
    expect(ci.tokens).toEqual({ accessToken: undefined, refreshToken: undefined });
    expect((await ci.orgs.get(f.orgId)).id).toBe(f.orgId);
    expect(await ci.apiKeys.me()).toMatchObject({ id: key.id, organization_id: f.orgId, permissions: ['audit.read', 'org.read'] });
    expect(await ci.orgs.authorize(f.orgId, { permissions: ['audit.read', 'org.update'] })).toMatchObject({ allowed: false, role: 'api_key' });
    const logs = await ci.orgs.listAuditLogs(f.orgId);
    expect(logs.map((l) => l.action)).toContain('api_key.created');
    expect(rec.requests.every((r) => r.authorization === `Bearer ${key.raw_key}`)).toBe(true);

    // user-only routes refuse keys; a foreign organization is "not found"
    expect(await failure(ci.auth.me())).toMatchObject({ status: 403, code: 'api_key.forbidden' });
    const other = await createOrgWithMembers(t, 'Other Keyed Co');
    expect(await failure(ci.orgs.get(other.orgId))).toMatchObject({ status: 404, code: 'organization.not_found' });

    // revoked: 401, and no refresh is ever attempted
    await owner.apiKeys.revoke(f.orgId, key.id);
    const revoked = await failure(ci.orgs.get(f.orgId));
    expect(revoked.status).toBe(401);
    expect(rec.count('POST', '/api/v1/auth/refresh')).toBe(0);
    expect(() => ci.setTokens({ accessToken: 'x' })).toThrow(TypeError);
  });
});
