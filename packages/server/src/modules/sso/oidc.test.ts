// OIDC end to end against a real oidc-provider on loopback (PKCE S256, state, nonce), the code
// redeemed across two server processes on one database, domain discovery and tenant isolation.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { freePort, startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { addMember, expectProblem, login, registerUser, uniqueEmail, type RegisteredUser } from '../../../test/helpers/factories.js';
import { browse, startOidcIdp, type TestOidcIdp } from '../../../test/helpers/oidc-idp.js';
import { IDP_CERT } from '../../../test/helpers/saml-idp.js';

const REDIRECT = 'https://app.example.test/sso/done';
let t: TestApp;
let t2: TestApp;
let idp: TestOidcIdp;
let owner: RegisteredUser;
let connection: { id: string; sp: { redirect_uri: string } };
const masterKey = randomBytes(32);

beforeAll(async () => {
  idp = await startOidcIdp([]);
  const port = await freePort();
  // the IdP is on loopback: allowed only because the operator says so (SSO_ALLOW_PRIVATE)
  const overrides = { masterKey, publicUrl: `http://127.0.0.1:${port}`, ssoRedirectUris: [REDIRECT], ssoAllowPrivate: true };
  t = await startTestApp(overrides, { port });
  t2 = await startTestApp(overrides, { database: t.database });
  owner = await registerUser(t);
  const created = await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'oidc', name: 'Okta (test)', issuer: idp.issuer, client_id: idp.clientId, client_secret: idp.clientSecret } });
  expect(created.status, created.text).toBe(201);
  connection = created.body;
  await idp.allowRedirect(connection.sp.redirect_uri);
  // the IdP speaks for the organization's verified domains only: the test people are all @example.test
  await verifyDomain(owner.orgId, 'example.test');
});
afterAll(async () => {
  await t2?.close();
  await t?.close();
  await idp?.close();
});

const authorizeUrl = (query: Record<string, string>) => `${t.baseUrl}/api/v1/sso/authorize?${new URLSearchParams({ redirect_uri: REDIRECT, ...query })}`;
const codeOf = (url: string) => new URL(url).searchParams.get('code')!;
/** The OAuth-style error a failure after the redirect_uri was validated carries back to it. */
const errorOf = (res: Response) => Object.fromEntries(new URL(res.headers.get('location')!).searchParams);
const verifyDomain = (orgId: string, domain: string) =>
  t.database.handle.db.execute(sql`insert into organization_domains (id, organization_id, domain, verification_token, verified_at) values (gen_random_uuid(), ${orgId}, ${domain}, 'x', now())`);

describe('OIDC connections', () => {
  it('keeps the client secret encrypted and never returns it; refuses an issuer that does not answer discovery', async () => {
    const listed = await t.request('GET', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken });
    expect(listed.text).not.toContain(idp.clientSecret);
    expect(listed.body[0]).toMatchObject({ type: 'oidc', oidc: { issuer: idp.issuer, client_id: idp.clientId, client_secret_set: true, scopes: ['openid', 'email', 'profile'] }, saml: null });
    const [row] = await queryRows<{ oidc_client_secret_enc: string }>(t.database.handle.db, sql`select oidc_client_secret_enc from sso_connections where id = ${connection.id}`);
    expect(row!.oidc_client_secret_enc).toMatch(/^v1\./);
    expect(row!.oidc_client_secret_enc).not.toContain(idp.clientSecret);
    expect(t.logs.join('\n')).not.toContain(idp.clientSecret);
    expectProblem(await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'oidc', name: 'Nowhere', issuer: 'http://127.0.0.1:1', client_id: 'x', client_secret: 'y' } }), 422, 'sso.invalid_connection');
  });

  it('another organization’s connection is a 404 on every verb; a member without sso.manage is refused', async () => {
    const other = await registerUser(t);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      expectProblem(await t.request(method, `/api/v1/orgs/${other.orgId}/sso/connections/${connection.id}`, { token: other.accessToken, body: method === 'PATCH' ? { name: 'x' } : undefined }), 404, 'sso.connection_not_found');
    }
    expectProblem(await t.request('GET', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: other.accessToken }), 404, 'organization.not_found');
  });
});

describe('OIDC login', () => {
  it('sends the browser to the IdP with PKCE S256, state and nonce; provisions the person; the code gives the token response and profile', async () => {
    idp.user = { sub: `sub-${randomBytes(4).toString('hex')}`, email: uniqueEmail('oidc'), email_verified: true, given_name: 'Grace', family_name: 'Hopper' };
    const start = await fetch(authorizeUrl({ connection_id: connection.id, state: 'st-1' }), { redirect: 'manual' });
    expect(start.status).toBe(302);
    const toIdp = new URL(start.headers.get('location')!);
    expect(toIdp.origin).toBe(idp.issuer);
    expect(Object.fromEntries(toIdp.searchParams)).toMatchObject({ response_type: 'code', code_challenge_method: 'S256', client_id: idp.clientId, redirect_uri: connection.sp.redirect_uri });
    expect(toIdp.searchParams.get('state')).toHaveLength(43);
    expect(toIdp.searchParams.get('nonce')).toBeTruthy();
    const back = await browse(toIdp.href, REDIRECT);
    expect(new URL(back).searchParams.get('state')).toBe('st-1');
    const tokens = await t.request('POST', '/api/v1/sso/token', { body: { code: codeOf(back) } });
    expect(tokens.status, tokens.text).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'bearer', user: { email: idp.user.email } });
    expect(tokens.body.sso_profile).toMatchObject({ connection_id: connection.id, organization_id: owner.orgId, idp_id: idp.user.sub, email: idp.user.email, first_name: 'Grace', last_name: 'Hopper', connection_type: 'oidc' });
    expect(tokens.body.sso_profile.raw_attributes).not.toHaveProperty('nonce');
    const me = await t.request('GET', '/api/v1/auth/me', { token: tokens.body.access_token });
    expect(me.body.current_org_id).toBe(owner.orgId);
    expect(me.body.memberships.find((m: { organization_id: string }) => m.organization_id === owner.orgId).role_name).toBe('Member');
  });

  it('a code redeemed at once on two server processes is won exactly once', async () => {
    idp.user = { sub: `sub-${randomBytes(4).toString('hex')}`, email: uniqueEmail('race') };
    const code = codeOf(await browse(authorizeUrl({ connection_id: connection.id }), REDIRECT));
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? t2 : t).request('POST', '/api/v1/sso/token', { body: { code } })));
    expect(attempts.filter((a) => a.status === 200)).toHaveLength(1);
    for (const lost of attempts.filter((a) => a.status !== 200)) expectProblem(lost, 400, 'sso.invalid_code');
  });

  it('the IdP’s answer is used once: a replayed callback, an unknown state or a forged code is refused', async () => {
    idp.user = { sub: `sub-${randomBytes(4).toString('hex')}`, email: uniqueEmail('replay') };
    const callback = await browse(authorizeUrl({ connection_id: connection.id }), `${t.config.publicUrl}/api/v1/sso/oidc/`);
    // the callback, finished on the other process (the state is in the database)
    const first = await fetch(callback.replace(t.config.publicUrl, t2.baseUrl), { redirect: 'manual' });
    expect(first.status).toBe(302);
    // cookie mode, as the dashboard's login uses it: the refresh token only in the HttpOnly cookie
    const cookieMode = await t.request('POST', '/api/v1/sso/token', { body: { code: codeOf(first.headers.get('location')!) }, headers: { 'x-refresh-token-mode': 'cookie' } });
    expect(cookieMode.status, cookieMode.text).toBe(200);
    expect(cookieMode.body.refresh_token).toBeUndefined();
    expect(cookieMode.body.sso_profile.email).toBe(idp.user.email);
    expect(cookieMode.headers.getSetCookie().some((c) => c.startsWith('sr_refresh=') && /HttpOnly/i.test(c))).toBe(true);
    const again = await fetch(callback, { redirect: 'manual' });
    expect(again.status).toBe(400);
    expect((await again.json()).code).toBe('sso.invalid_state');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'x'.repeat(43));
    expect((await (await fetch(forged, { redirect: 'manual' })).json()).code).toBe('sso.invalid_state');
    // a fresh state with a code the IdP never issued
    const callback2 = new URL(await browse(authorizeUrl({ connection_id: connection.id }), `${t.config.publicUrl}/api/v1/sso/oidc/`));
    callback2.searchParams.set('code', 'forged-code');
    // once the state named the redirect_uri, a failure goes back there, OAuth style, with the client's state
    const refused = await fetch(callback2, { redirect: 'manual' });
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')!.startsWith(`${REDIRECT}?`)).toBe(true);
    expect(errorOf(refused)).toMatchObject({ error: 'access_denied', error_code: 'sso.invalid_response', error_reason: 'oidc' });
    expect(errorOf(refused).code).toBeUndefined();
    // an IdP-reported error
    const callback3 = new URL(await browse(authorizeUrl({ connection_id: connection.id }), `${t.config.publicUrl}/api/v1/sso/oidc/`));
    callback3.searchParams.delete('code');
    callback3.searchParams.set('error', 'access_denied');
    expect(errorOf(await fetch(callback3, { redirect: 'manual' }))).toMatchObject({ error: 'access_denied', error_reason: 'idp_error' });
    const withState = new URL(await browse(authorizeUrl({ connection_id: connection.id, state: 'client-xyz' }), `${t.config.publicUrl}/api/v1/sso/oidc/`));
    withState.searchParams.set('code', 'forged-code');
    expect(errorOf(await fetch(withState, { redirect: 'manual' }))).toMatchObject({ error_code: 'sso.invalid_response', state: 'client-xyz' });
  });

  it('the callback answers OIDC connections only, and a repeated query value (an array, where one string belongs) is a 400 before any state is used', async () => {
    // a SAML connection's login state (its RelayState) does not finish at the OIDC callback
    const samlConnection = await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'saml', name: 'SAML beside', idp_entity_id: 'https://idp.example.test', idp_sso_url: 'https://idp.example.test/sso', idp_certificate: IDP_CERT } });
    expect(samlConnection.status, samlConnection.text).toBe(201);
    try {
      const toIdp = await fetch(authorizeUrl({ connection_id: samlConnection.body.id }), { redirect: 'manual' });
      const relayState = new URL(toIdp.headers.get('location')!).searchParams.get('RelayState')!;
      const crossed = await fetch(`${t.baseUrl}/api/v1/sso/oidc/${samlConnection.body.id}/callback?${new URLSearchParams({ state: relayState, code: 'x' })}`, { redirect: 'manual' });
      expect(crossed.status).toBe(404);
      expect((await crossed.json()).code).toBe('sso.connection_not_found');
      expect(await queryRows(t.database.handle.db, sql`select 1 from sso_login_states where connection_id = ${samlConnection.body.id} and used_at is not null`)).toEqual([]);
    } finally {
      // (the organization's first connection stays the OIDC one, which the tests below discover)
      await t.request('DELETE', `/api/v1/orgs/${owner.orgId}/sso/connections/${samlConnection.body.id}`, { token: owner.accessToken });
    }
    // refused by the query's schema: the real login still finishes afterwards
    idp.user = { sub: `sub-${randomBytes(4).toString('hex')}`, email: uniqueEmail('typed') };
    const callback = new URL(await browse(authorizeUrl({ connection_id: connection.id }), `${t.config.publicUrl}/api/v1/sso/oidc/`));
    const state = callback.searchParams.get('state')!;
    for (const query of [`state=${state}&state=${state}`, `${callback.search.slice(1)}&code=second`, `${callback.search.slice(1)}&error=a&error=b`]) {
      const res = await fetch(`${t.baseUrl}${callback.pathname}?${query}`, { redirect: 'manual' });
      expect(res.status, query).toBe(400);
      expect((await res.json()).code).toBe('request.validation_failed');
    }
    const finished = await fetch(callback.href.replace(t.config.publicUrl, t.baseUrl), { redirect: 'manual' });
    expect(new URL(finished.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  });

  it('an over-long `sub` from the IdP is refused like any bad answer (never a 500)', async () => {
    // random text: PostgreSQL would otherwise compress it below its index-row limit
    idp.user = { sub: randomBytes(5_000).toString('hex'), email: uniqueEmail('longsub') };
    const back = await browse(authorizeUrl({ connection_id: connection.id, state: 'long' }), REDIRECT);
    expect(Object.fromEntries(new URL(back).searchParams)).toMatchObject({ error: 'access_denied', error_code: 'sso.invalid_response', error_reason: 'subject_too_long', state: 'long' });
  });

  it('a state started at one organization’s connection does not finish at another’s', async () => {
    const other = await registerUser(t);
    const theirs = await t.request('POST', `/api/v1/orgs/${other.orgId}/sso/connections`, { token: other.accessToken, body: { type: 'oidc', name: 'Theirs', issuer: idp.issuer, client_id: idp.clientId, client_secret: idp.clientSecret } });
    expect(theirs.status, theirs.text).toBe(201);
    const callback = await browse(authorizeUrl({ connection_id: connection.id }), `${t.config.publicUrl}/api/v1/sso/oidc/`);
    const moved = await fetch(callback.replace(connection.id, theirs.body.id), { redirect: 'manual' });
    expect(moved.status).toBe(400);
    expect((await moved.json()).code).toBe('sso.invalid_state');
  });
});

describe('discovery by domain, and enforcement', () => {
  it('finds the connection from an email or domain once the domain is verified; disabled connections stop logins', async () => {
    const domain = `acme-${randomBytes(3).toString('hex')}.test`;
    const lookup = (email: string) => t.request('POST', '/api/v1/auth/sso/lookup', { body: { email } });
    expect((await lookup(`jo@${domain}`)).body).toEqual({ sso: false, organization_id: null, connection_id: null, sso_required: false });
    await t.database.handle.db.execute(sql`insert into organization_domains (id, organization_id, domain, verification_token, verified_at) values (gen_random_uuid(), ${owner.orgId}, ${domain}, 'x', now())`);
    expect((await lookup(`Jo@${domain.toUpperCase()}`)).body).toEqual({ sso: true, organization_id: owner.orgId, connection_id: connection.id, sso_required: false });
    for (const query of [{ email: `jo@${domain}` }, { domain }, { organization_id: owner.orgId }]) {
      const res = await fetch(authorizeUrl(query), { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toContain(idp.issuer);
    }
    // the redirect_uri is allowed: the client hears of a missing or disabled connection there
    const noConnection = await fetch(authorizeUrl({ domain: 'unknown-domain.test', state: 's' }), { redirect: 'manual' });
    expect(errorOf(noConnection)).toMatchObject({ error: 'access_denied', error_code: 'sso.no_connection', state: 's' });
    // …but never at a URL off the list: a problem, not a redirect
    const notAllowed = await fetch(authorizeUrl({ domain: 'unknown-domain.test', redirect_uri: 'https://evil.example/cb' }), { redirect: 'manual' });
    expect(notAllowed.status).toBe(404);
    expect(notAllowed.headers.get('location')).toBeNull();

    const disabled = await t.request('PATCH', `/api/v1/orgs/${owner.orgId}/sso/connections/${connection.id}`, { token: owner.accessToken, body: { enabled: false } });
    expect(disabled.body.enabled).toBe(false);
    expect(errorOf(await fetch(authorizeUrl({ connection_id: connection.id }), { redirect: 'manual' })).error_code).toBe('sso.connection_disabled');
    expect((await lookup(`jo@${domain}`)).body.sso).toBe(false);
    await t.request('PATCH', `/api/v1/orgs/${owner.orgId}/sso/connections/${connection.id}`, { token: owner.accessToken, body: { enabled: true } });
    const audited = await queryRows<{ action: string; metadata: Record<string, unknown> }>(t.database.handle.db, sql`select action, metadata from audit_logs where target_id = ${connection.id} and action like 'sso.connection.%' order by seq`);
    expect(audited).toEqual([
      { action: 'sso.connection.created', metadata: { type: 'oidc', name: 'Okta (test)' } },
      { action: 'sso.connection.updated', metadata: { changed: ['enabled'] } },
      { action: 'sso.connection.updated', metadata: { changed: ['enabled'] } },
    ]);
  });

  it('sso_required refuses password logins of the organization’s members at its verified domain; Owners keep a 2FA break-glass', async () => {
    const domain = `enforced-${randomBytes(3).toString('hex')}.test`;
    await t.database.handle.db.execute(sql`insert into organization_domains (id, organization_id, domain, verification_token, verified_at) values (gen_random_uuid(), ${owner.orgId}, ${domain}, 'x', now())`);
    const [member, breakGlass, outsider] = await Promise.all([registerUser(t, { email: `m@${domain}` }), registerUser(t, { email: `boss@${domain}` }), registerUser(t, { email: `someone@${domain}` })]);
    await addMember(t, owner.orgId, member, 'Member');
    await addMember(t, owner.orgId, breakGlass, 'Owner');
    // the member also signs in once through the IdP: an SSO session beside the password one
    idp.user = { sub: `sub-${randomBytes(4).toString('hex')}`, email: member.email, email_verified: true };
    const viaSso = await t.request('POST', '/api/v1/sso/token', { body: { code: codeOf(await browse(authorizeUrl({ connection_id: connection.id }), REDIRECT)) } });
    expect(viaSso.status, viaSso.text).toBe(200);
    const me = (token: string) => t.request('GET', '/api/v1/auth/me', { token });
    const on = await t.request('PATCH', `/api/v1/orgs/${owner.orgId}/settings`, { token: owner.accessToken, body: { sso_required: true } });
    expect(on.status, on.text).toBe(200);
    expect(on.body.settings.sso_required).toBe(true);
    // the switch ends the member's password session at once; their SSO session, the Owners' and an outsider's stay
    expectProblem(await me(member.accessToken), 401, 'auth.session_revoked');
    for (const token of [viaSso.body.access_token, breakGlass.accessToken, owner.accessToken, outsider.accessToken]) expect((await me(token)).status).toBe(200);
    const ended = await queryRows<{ metadata: unknown; actor_user_id: string }>(t.database.handle.db, sql`select metadata, actor_user_id from audit_logs where action = 'sso.required.sessions_ended' and organization_id = ${owner.orgId}`);
    expect(ended).toEqual([{ metadata: { sessions: 1, users: 1 }, actor_user_id: owner.userId }]);
    // saving the setting again ends nothing more (only the switch from off to on does)
    await t.request('PATCH', `/api/v1/orgs/${owner.orgId}/settings`, { token: owner.accessToken, body: { sso_required: true } });
    expect((await queryRows(t.database.handle.db, sql`select 1 from audit_logs where action = 'sso.required.sessions_ended' and organization_id = ${owner.orgId}`)).length).toBe(1);
    expect((await t.request('POST', '/api/v1/auth/sso/lookup', { body: { email: member.email } })).body.sso_required).toBe(true);

    const refused = await login(t, member.email, member.password);
    expectProblem(refused, 403, 'auth.sso_required');
    expect(refused.body.meta.authorize_url).toBe(`${t.config.publicUrl}/api/v1/sso/authorize?organization_id=${owner.orgId}`);
    // an Owner without 2FA is refused too; with 2FA, the password leads to the second step
    expectProblem(await login(t, breakGlass.email, breakGlass.password), 403, 'auth.sso_required');
    await t.database.handle.db.execute(sql`insert into user_mfa (user_id, secret_enc, enabled_at) values (${breakGlass.userId}, 'v1.x.y.z', now())`);
    const secondStep = await login(t, breakGlass.email, breakGlass.password);
    expect(secondStep.status, secondStep.text).toBe(200);
    expect(secondStep.body.mfa_required).toBe(true);
    // the break-glass is recorded only once the second factor passed, with the session (modules/auth/break-glass.test.ts)
    const audited = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from audit_logs where action = 'user.login.break_glass' and actor_user_id = ${breakGlass.userId}`);
    expect(audited[0]!.n).toBe(0);
    // someone at the domain who is not a member is not this organization's to govern
    expect((await login(t, outsider.email, outsider.password)).status).toBe(200);
    await t.request('PATCH', `/api/v1/orgs/${owner.orgId}/settings`, { token: owner.accessToken, body: { sso_required: false } });
    expect((await login(t, member.email, member.password)).status).toBe(200);
  });
});
