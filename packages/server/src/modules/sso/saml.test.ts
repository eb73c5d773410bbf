// SAML end to end against a loopback IdP whose responses are really signed (xml-crypto, test key),
// and every hardening case as a crafted response. One app, one IdP for the file.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { addMember, expectProblem, registerUser, uniqueEmail, type RegisteredUser } from '../../../test/helpers/factories.js';
import { ATTACKER_CERT, ATTACKER_KEY, IDP_CERT, buildResponse, formFields, readAuthnRequest, startSamlIdp, type ResponseOptions, type TestSamlIdp } from '../../../test/helpers/saml-idp.js';
import { startReceiver } from '../../../test/helpers/webhook-receiver.js';

const REDIRECT = 'https://app.example.test/sso/done';
let t: TestApp;
let idp: TestSamlIdp;
let owner: RegisteredUser;
let connection: { id: string; sp: { entity_id: string; acs_url: string } };
let unsolicited: { id: string; sp: { entity_id: string; acs_url: string } };

beforeAll(async () => {
  idp = await startSamlIdp();
  // the IdP (and its metadata URL) is on loopback: allowed only because the operator says so
  t = await startTestApp({ ssoRedirectUris: [REDIRECT, 'https://app.example.test/other'], ssoAllowPrivate: true });
  owner = await registerUser(t);
  const created = await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'saml', name: 'Test IdP', idp_metadata_xml: idp.metadataXml } });
  expect(created.status, created.text).toBe(201);
  connection = created.body;
  const second = await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'saml', name: 'Unsolicited', idp_entity_id: idp.entityId, idp_sso_url: idp.ssoUrl, idp_certificate: IDP_CERT, allow_idp_initiated: true } });
  expect(second.status, second.text).toBe(201);
  unsolicited = second.body;
  // the IdP speaks for the organization's verified domains only: the test people are all @example.test
  await verifyDomain(owner.orgId, 'example.test');
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

const authorize = (query: Record<string, string>) => fetch(`${t.baseUrl}/api/v1/sso/authorize?${new URLSearchParams(query)}`, { redirect: 'manual' });
const postAcs = (connectionId: string, fields: Record<string, string>) =>
  fetch(`${t.baseUrl}/api/v1/sso/saml/${connectionId}/acs`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
const redeem = (code: string) => t.request('POST', '/api/v1/sso/token', { body: { code } });
const verifyDomain = (orgId: string, domain: string) =>
  t.database.handle.db.execute(sql`insert into organization_domains (id, organization_id, domain, verification_token, verified_at) values (gen_random_uuid(), ${orgId}, ${domain}, 'x', now())`);
/** A redirect's query: `code` on success, OAuth-style `error`, `error_code`, … on a refusal. */
const paramsOf = (res: Response) => Object.fromEntries(new URL(res.headers.get('location')!).searchParams);

/** Starts an SP-initiated login: what our AuthnRequest said. */
async function start(c = connection) {
  const res = await authorize({ connection_id: c.id, redirect_uri: REDIRECT, state: 'client-state' });
  expect(res.status).toBe(302);
  return readAuthnRequest(res.headers.get('location')!);
}

/**
 * A crafted response to a fresh SP-initiated login, posted to the ACS. The login's state named the
 * redirect_uri, so every answer is a 302 back there: `code` when accepted, `error` when refused.
 */
async function attack(options: Partial<ResponseOptions>, c = connection) {
  const request = await start(c);
  const SAMLResponse = buildResponse(idp, { acsUrl: c.sp.acs_url, audience: c.sp.entity_id, inResponseTo: request.id, email: uniqueEmail('victim'), ...options });
  const res = await postAcs(c.id, { SAMLResponse, RelayState: request.relayState });
  expect(res.status, res.status === 302 ? '' : await res.text()).toBe(302);
  expect(res.headers.get('location')!.startsWith(`${REDIRECT}?`)).toBe(true);
  const params = paramsOf(res);
  return { location: params.code ? res.headers.get('location') : null, code: params.code ?? null, error: params.error ? params : null };
}

async function failures(reason: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from audit_logs where action = 'sso.login.failed' and metadata->>'reason' = ${reason}`);
  return rows[0]!.n;
}

describe('SAML connections', () => {
  it('reads the IdP from its metadata and publishes our SP metadata; never a key', async () => {
    const one = await t.request('GET', `/api/v1/orgs/${owner.orgId}/sso/connections/${connection.id}`, { token: owner.accessToken });
    expect(one.body).toMatchObject({ type: 'saml', saml: { idp_entity_id: idp.entityId, idp_sso_url: idp.ssoUrl, idp_certificate_count: 1 }, allow_idp_initiated: false });
    const metadata = await fetch(`${t.baseUrl}/api/v1/sso/saml/${connection.id}/metadata`);
    expect(metadata.headers.get('content-type')).toMatch(/samlmetadata\+xml/);
    const xml = await metadata.text();
    expect(xml).toContain(`entityID="${connection.sp.entity_id}"`);
    expect(xml).toContain(`Location="${connection.sp.acs_url}"`);
    expectProblem(await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'saml', name: 'Bad', idp_metadata_xml: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' } }), 422, 'sso.invalid_connection');
    expectProblem(await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'saml', name: 'Bad', idp_entity_id: 'x', idp_sso_url: idp.ssoUrl, idp_certificate: 'A'.repeat(100) } }), 422, 'sso.invalid_connection');
    // from the metadata URL too
    const byUrl = await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'saml', name: 'By URL', idp_metadata_url: idp.ssoUrl.replace('/sso', '/metadata') } });
    expect(byUrl.status, byUrl.text).toBe(201);
    expect(byUrl.body.saml.idp_metadata_url).toContain('/metadata');
    expect((await t.request('DELETE', `/api/v1/orgs/${owner.orgId}/sso/connections/${byUrl.body.id}`, { token: owner.accessToken })).status).toBe(204);
    const audited = await queryRows<{ action: string }>(t.database.handle.db, sql`select action from audit_logs where target_id = ${byUrl.body.id} order by seq`);
    expect(audited.map((a) => a.action)).toEqual(['sso.connection.created', 'sso.connection.deleted']);
  });

  it('refuses IdP metadata without an entityID (the IdP’s issuer would go unchecked)', async () => {
    for (const metadata of [idp.metadataXml.replace(/ entityID="[^"]*"/, ''), idp.metadataXml.replace(/ entityID="[^"]*"/, ' entityID="  "')]) {
      const res = await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'saml', name: 'No entity', idp_metadata_xml: metadata } });
      expectProblem(res, 422, 'sso.invalid_connection');
      expect(res.body.detail).toMatch(/entityID/);
    }
  });

  it('refuses a metadata URL that answers a redirect, without following it (even with SSO_ALLOW_PRIVATE)', async () => {
    // a public-looking URL that bounces to an internal one is the classic way around an address check
    const bouncer = await startReceiver();
    bouncer.respond = () => ({ status: 302, headers: { location: idp.ssoUrl.replace('/sso', '/metadata') } });
    try {
      const res = await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: { type: 'saml', name: 'Bounced', idp_metadata_url: `http://127.0.0.1:${bouncer.port}/metadata` } });
      expectProblem(res, 422, 'sso.invalid_connection');
      expect(res.body.detail).toMatch(/answered 302 \(a redirect to .*\/metadata\), which is not followed/);
      expect(bouncer.received).toHaveLength(1);
    } finally {
      await bouncer.close();
    }
  });

  it('refuses a redirect_uri off the allow-list before redirecting anywhere (no open redirect)', async () => {
    for (const redirect of ['https://evil.example/steal', 'https://app.example.test/sso/done/../../evil', 'https://app.example.test.evil.example/sso/done', 'https://user@app.example.test/sso/done', 'javascript:alert(1)', '//evil.example']) {
      const res = await authorize({ connection_id: connection.id, redirect_uri: redirect });
      expect(res.status, redirect).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect((await res.json()).code).toBe('sso.redirect_uri_not_allowed');
    }
  });

  it('adds an organization’s own redirect URIs (settings.sso_redirect_uris) for its connections only', async () => {
    const own = 'https://tenant.example.test/cb';
    expect((await authorize({ connection_id: connection.id, redirect_uri: own })).status).toBe(400);
    const set = await t.request('PATCH', `/api/v1/orgs/${owner.orgId}/settings`, { token: owner.accessToken, body: { sso_redirect_uris: [own] } });
    expect(set.status, set.text).toBe(200);
    expect((await authorize({ connection_id: connection.id, redirect_uri: own })).status).toBe(302);
    expectProblem(await t.request('PATCH', `/api/v1/orgs/${owner.orgId}/settings`, { token: owner.accessToken, body: { sso_redirect_uris: ['javascript:alert(1)'] } }), 400, 'request.validation_failed');
    const other = await registerUser(t);
    const theirs = await t.request('POST', `/api/v1/orgs/${other.orgId}/sso/connections`, { token: other.accessToken, body: { type: 'saml', name: 'Theirs', idp_entity_id: idp.entityId, idp_sso_url: idp.ssoUrl, idp_certificate: IDP_CERT } });
    const refused = await authorize({ connection_id: theirs.body.id, redirect_uri: own });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('location')).toBeNull();
  });
});

describe('SAML login, SP-initiated, through the IdP', () => {
  it('provisions a new person just in time, sends the browser back with a single-use code, and the code gives tokens and the profile', async () => {
    idp.user = { email: uniqueEmail('jit'), firstName: 'Ada', lastName: 'Lovelace' };
    const startRes = await authorize({ connection_id: connection.id, redirect_uri: REDIRECT, state: 'abc' });
    const idpPage = await fetch(startRes.headers.get('location')!);
    const form = formFields(await idpPage.text());
    const acs = await postAcs(connection.id, form);
    expect(acs.status).toBe(302);
    const back = new URL(acs.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('abc');
    const code = back.searchParams.get('code')!;
    const tokens = await redeem(code);
    expect(tokens.status, tokens.text).toBe(200);
    expect(tokens.body.sso_profile).toMatchObject({ connection_id: connection.id, organization_id: owner.orgId, email: idp.user.email, first_name: 'Ada', last_name: 'Lovelace', idp_id: idp.user.email, connection_type: 'saml' });
    expect(tokens.body.sso_profile.raw_attributes).toMatchObject({ email: idp.user.email, firstName: 'Ada' });
    const claims = JSON.parse(Buffer.from(tokens.body.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ org_id: owner.orgId, org_role: 'Member' });
    expectProblem(await redeem(code), 400, 'sso.invalid_code');
    // the form cannot be posted again: its state was used and the assertion ID is remembered
    expectProblem(Object.assign(await t.request('POST', `/api/v1/sso/saml/${connection.id}/acs`, { raw: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })), 401, 'sso.invalid_response');
    const actions = await queryRows<{ action: string }>(t.database.handle.db, sql`select action from audit_logs where organization_id = ${owner.orgId} and actor_email = ${idp.user.email} order by seq`);
    expect(actions.map((a) => a.action)).toEqual(['user.registered', 'member.provisioned', 'sso.login.succeeded', 'user.logged_in']);
  });

  it('links an existing account only once the organization has verified the email’s domain', async () => {
    const domain = `linked-${Date.now()}.test`;
    const existing = await registerUser(t, { email: `pat@${domain}` });
    const refused = await attack({ email: existing.email });
    expect(refused.error).toMatchObject({ error: 'access_denied', error_code: 'sso.domain_not_verified', state: 'client-state' });
    await verifyDomain(owner.orgId, domain);
    const linked = await attack({ email: existing.email });
    const tokens = await redeem(linked.code!);
    expect(tokens.body.user.id).toBe(existing.userId);
  });

  it('a linked IdP subject stops signing in once its account’s email left the organization’s verified domains', async () => {
    const subject = `emp-${randomBytes(4).toString('hex')}`;
    const email = uniqueEmail('moved');
    const first = await attack({ nameId: subject, email });
    expect(first.code, JSON.stringify(first.error)).toBeTruthy();
    const userId = (await redeem(first.code!)).body.user.id as string;
    // the account's address moves to a domain this organization never verified; the IdP still speaks for the old one
    await t.database.handle.db.execute(sql`update users set email = ${`moved-${randomBytes(4).toString('hex')}@elsewhere-unverified.test`} where id = ${userId}`);
    const refused = await attack({ nameId: subject, email });
    expect(refused.code).toBeNull();
    expect(refused.error).toMatchObject({ error: 'access_denied', error_code: 'sso.domain_not_verified', state: 'client-state' });
    // the same answer as an address outside the verified domains gets, word for word
    const outside = await attack({ nameId: `other-${subject}`, email: `x-${randomBytes(4).toString('hex')}@elsewhere-unverified.test` });
    expect(refused.error).toEqual(outside.error);
  });

  it('attack: an organization’s IdP cannot squat an address outside its verified domains (no account is created, none is linked, nothing is revealed)', async () => {
    // the attacker owns an organization and an IdP (here: a connection trusting the test IdP's key)
    const attacker = await registerUser(t);
    const theirs = await t.request('POST', `/api/v1/orgs/${attacker.orgId}/sso/connections`, { token: attacker.accessToken, body: { type: 'saml', name: 'Evil IdP', idp_entity_id: idp.entityId, idp_sso_url: idp.ssoUrl, idp_certificate: IDP_CERT, allow_idp_initiated: true } });
    expect(theirs.status, theirs.text).toBe(201);
    const assertFor = (email: string) => postAcs(theirs.body.id, { SAMLResponse: buildResponse(idp, { acsUrl: theirs.body.sp.acs_url, audience: theirs.body.sp.entity_id, inResponseTo: null, email }) });
    const victim = `ceo-${Date.now()}@victim-corp.test`;
    const first = await assertFor(victim);
    expect(paramsOf(first)).toMatchObject({ error: 'access_denied', error_code: 'sso.domain_not_verified' });
    const squatted = await queryRows(t.database.handle.db, sql`select 1 from users where email = ${victim}`);
    expect(squatted).toEqual([]);
    expect(await queryRows(t.database.handle.db, sql`select 1 from sso_identities where connection_id = ${theirs.body.id}`)).toEqual([]);
    // the address's real owner signs up afterwards without colliding with anything
    const real = await registerUser(t, { email: victim });
    // the same refusal, word for word, now that an account exists: the IdP's admin learns nothing
    const second = await assertFor(victim);
    expect(paramsOf(second)).toEqual({ ...paramsOf(first) });
    expect(await queryRows(t.database.handle.db, sql`select 1 from memberships where user_id = ${real.userId} and organization_id = ${attacker.orgId}`)).toEqual([]);
    // a domain another organization verified is not the attacker's either (example.test is owner's)
    expect(paramsOf(await assertFor(owner.email)).error_code).toBe('sso.domain_not_verified');
    expect(await failures('sso.domain_not_verified')).toBeGreaterThanOrEqual(3);
  });
});

describe('SAML hardening: each crafted response is refused, with its reason audited', () => {
  const cases: [string, Partial<ResponseOptions>, string][] = [
    ['unsigned', { sign: 'none' }, 'invalid_signature'],
    ['signed by another IdP’s key', { key: ATTACKER_KEY, cert: ATTACKER_CERT }, 'invalid_signature'],
    ['response signed by another key, assertion unsigned', { sign: 'response', key: ATTACKER_KEY, cert: ATTACKER_CERT }, 'invalid_signature'],
    ['SHA-1 signature (connection did not opt in)', { sha1: true }, 'sha1_signature'],
    ['wrong audience', { audience: 'https://other-sp.example/metadata' }, 'wrong_audience'],
    ['wrong recipient', { recipient: 'https://other-sp.example/acs' }, 'wrong_recipient'],
    ['wrong destination', { destination: 'https://other-sp.example/acs' }, 'wrong_destination'],
    ['expired (NotOnOrAfter 3 minutes ago)', { notOnOrAfter: new Date(Date.now() - 3 * 60_000), notBefore: new Date(Date.now() - 10 * 60_000) }, 'expired'],
    ['not yet valid (NotBefore in 5 minutes)', { notBefore: new Date(Date.now() + 5 * 60_000) }, 'expired'],
    ['InResponseTo of a request we never issued', { inResponseTo: '_not-ours' }, 'in_response_to'],
    ['no InResponseTo on an SP-initiated login', { inResponseTo: null }, 'in_response_to'],
    ['another issuer', { issuer: 'https://evil-idp.example' }, 'wrong_issuer'],
    ['a DOCTYPE with an external entity (XXE)', { tamper: (xml) => `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${xml}` }, 'doctype'],
    ['wrapping: the signed assertion moved into Extensions, an unsigned one in its place', {
      email: 'ceo@victim.test',
      tamper: (xml) => {
        const signed = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0];
        const evil = signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace(/ID="[^"]+"/, 'ID="_evil"');
        return xml.replace(signed, `<samlp:Extensions>${signed}</samlp:Extensions>${evil}`);
      },
    }, 'invalid_signature'],
    ['wrapping: the signed assertion duplicated', { tamper: (xml) => { const a = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0]; return xml.replace(a, a + a); } }, 'multiple_assertions'],
    ['wrapping: a second, unsigned assertion beside the signed response', { sign: 'response', tamper: (xml) => xml.replace('</samlp:Response>', '<saml:Assertion ID="_x2" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><saml:Issuer>x</saml:Issuer></saml:Assertion></samlp:Response>') }, 'multiple_assertions'],
    ['the signed assertion altered after signing', { tamper: (xml) => xml.replace(/(<saml:AttributeValue>)[^<]*/, '$1ceo@victim.test') }, 'invalid_signature'],
    ['encrypted but unsigned assertion', { sign: 'none', tamper: (xml) => xml.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, '<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedAssertion>') }, 'encrypted_assertion'],
  ];
  it.each(cases)('%s', async (_name, options, reason) => {
    const before = await failures(reason);
    const res = await attack(options);
    // back to the client, OAuth style, with its state; never a code
    expect(res.error).toMatchObject({ error: 'access_denied', error_code: 'sso.invalid_response', error_reason: reason, state: 'client-state' });
    expect(res.code).toBeNull();
    expect(await failures(reason)).toBe(before + 1);
  });

  it('accepts a signature on the Response alone, or on both, by the configured certificate', async () => {
    for (const sign of ['response', 'both'] as const) {
      const res = await attack({ sign });
      expect(res.code, JSON.stringify(res.error)).toBeTruthy();
    }
  });

  it('the comment-split NameID reads as the whole (signed) value, never the prefix', async () => {
    // (say the organization verified the attacker's own domain: the login then succeeds, as that address)
    await verifyDomain(owner.orgId, 'victim.test.attacker.test');
    const res = await attack({ nameId: 'boss@victim.test.attacker.test', email: undefined, tamper: (xml) => xml.replace('boss@victim.test.attacker.test', 'boss@victim.test<!---->.attacker.test') });
    // the signature covers the text without the comment: accepted, as the attacker's own identity
    expect(res.code, JSON.stringify(res.error)).toBeTruthy();
    const tokens = await redeem(new URL(res.location!).searchParams.get('code')!);
    expect(tokens.body.sso_profile.email).toBe('boss@victim.test.attacker.test');
  });

  it('refuses garbage: bad base64, not XML, not a Response, an oversized body — never a 500', async () => {
    for (const SAMLResponse of ['%%%not-base64%%%', Buffer.from('plain text').toString('base64'), Buffer.from('<a><b></a>').toString('base64'), Buffer.from('<Foo/>').toString('base64')]) {
      const res = await postAcs(connection.id, { SAMLResponse });
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe('sso.invalid_response');
    }
    const huge = await postAcs(connection.id, { SAMLResponse: 'A'.repeat(300_000) });
    expect([400, 413]).toContain(huge.status);
    const json = await fetch(`${t.baseUrl}/api/v1/sso/saml/${connection.id}/acs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"SAMLResponse": 5}' });
    expect(json.status).toBe(400);
    expect((await postAcs(connection.id, { RelayState: 'x' })).status).toBe(400);
  });

  it('an over-long assertion ID or NameID is refused like any bad response, before the database sees it (never a 500)', async () => {
    // random text: PostgreSQL would otherwise compress it below its index-row limit
    const long = randomBytes(5_000).toString('hex');
    for (const [options, reason] of [[{ assertionId: `_${long}` }, 'assertion_id_too_long'], [{ nameId: long, email: uniqueEmail('long') }, 'name_id_too_long']] as const) {
      const before = await failures(reason);
      const res = await attack(options);
      expect(res.error).toMatchObject({ error: 'access_denied', error_code: 'sso.invalid_response', error_reason: reason, state: 'client-state' });
      expect(await failures(reason)).toBe(before + 1);
    }
    expect(await queryRows(t.database.handle.db, sql`select 1 from sso_saml_assertions where length(assertion_id) > 256`)).toEqual([]);
  });

  it('a response for one connection is refused at another organization’s connection', async () => {
    const other = await registerUser(t);
    const theirs = await t.request('POST', `/api/v1/orgs/${other.orgId}/sso/connections`, { token: other.accessToken, body: { type: 'saml', name: 'Theirs', idp_entity_id: idp.entityId, idp_sso_url: idp.ssoUrl, idp_certificate: ATTACKER_CERT } });
    const request = await start();
    const SAMLResponse = buildResponse(idp, { acsUrl: connection.sp.acs_url, audience: connection.sp.entity_id, inResponseTo: request.id, email: uniqueEmail() });
    const res = await postAcs(theirs.body.id, { SAMLResponse, RelayState: request.relayState });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('sso.invalid_response');
  });
});

describe('IdP-initiated SAML', () => {
  it('is refused unless the connection allows it; when allowed, each assertion is accepted once', async () => {
    const email = uniqueEmail('idpinit');
    const refused = await postAcs(connection.id, { SAMLResponse: buildResponse(idp, { acsUrl: connection.sp.acs_url, audience: connection.sp.entity_id, inResponseTo: null, email }) });
    expect(refused.status).toBe(401);
    expect((await refused.json()).meta.reason).toBe('in_response_to');

    const SAMLResponse = buildResponse(idp, { acsUrl: unsolicited.sp.acs_url, audience: unsolicited.sp.entity_id, inResponseTo: null, email });
    const accepted = await postAcs(unsolicited.id, { SAMLResponse, RelayState: 'https://app.example.test/other' });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get('location')).toMatch(/^https:\/\/app\.example\.test\/other\?code=/);
    const replay = await postAcs(unsolicited.id, { SAMLResponse, RelayState: 'https://app.example.test/other' });
    expect(replay.status).toBe(401);
    expect((await replay.json()).meta.reason).toBe('replayed_assertion');
    // an unsolicited RelayState off the allow-list falls back to the first allowed URL, never to the RelayState
    const fallback = await postAcs(unsolicited.id, { SAMLResponse: buildResponse(idp, { acsUrl: unsolicited.sp.acs_url, audience: unsolicited.sp.entity_id, inResponseTo: null, email }), RelayState: 'https://evil.example/' });
    expect(fallback.headers.get('location')).toMatch(/^https:\/\/app\.example\.test\/sso\/done\?code=/);
  });
});

describe('connection settings that change a login', () => {
  const unsolicitedLogin = (email: string, options: Partial<ResponseOptions> = {}) =>
    postAcs(unsolicited.id, { SAMLResponse: buildResponse(idp, { acsUrl: unsolicited.sp.acs_url, audience: unsolicited.sp.entity_id, inResponseTo: null, email, ...options }) });
  const patch = (body: object, token = owner.accessToken) => t.request('PATCH', `/api/v1/orgs/${owner.orgId}/sso/connections/${unsolicited.id}`, { token, body });

  it('provisions with the default role (never one its setter could not grant); a suspended member stays out; SHA-1 only when allowed', async () => {
    const roles = await t.request('GET', `/api/v1/orgs/${owner.orgId}/roles`, { token: owner.accessToken });
    const roleId = (name: string) => roles.body.find((r: { name: string }) => r.name === name).id as string;
    expect((await patch({ default_role_id: roleId('Viewer') })).status).toBe(200);
    const viewer = await unsolicitedLogin(uniqueEmail('viewer'));
    const tokens = await redeem(new URL(viewer.headers.get('location')!).searchParams.get('code')!);
    expect(JSON.parse(Buffer.from(tokens.body.access_token.split('.')[1], 'base64url').toString()).org_role).toBe('Viewer');

    // SSO setup is an Owner's (its IdP speaks for Owners too): the system Admin role cannot touch a
    // connection, and whoever an Owner lets manage SSO (a custom role) cannot make the IdP hand out Owner
    const admin = await registerUser(t);
    await addMember(t, owner.orgId, admin, 'Admin');
    expectProblem(await patch({ issuer: 'https://idp.admin-controlled.example' }, admin.accessToken), 403, 'permission_denied');
    const custom = await t.request('POST', `/api/v1/orgs/${owner.orgId}/roles`, { token: owner.accessToken, body: { name: 'SSO keeper', permissions: ['sso.manage'] } });
    expect(custom.status, custom.text).toBe(201);
    const keeper = await registerUser(t);
    await addMember(t, owner.orgId, keeper, 'SSO keeper');
    expectProblem(await patch({ default_role_id: roleId('Owner') }, keeper.accessToken), 403, 'membership.owner_required');
    expectProblem(await patch({ issuer: 'https://x.example' }), 422, 'sso.invalid_connection');

    // a suspended membership is not revived by an SSO login
    const email = uniqueEmail('suspended');
    const first = await unsolicitedLogin(email);
    const userId = (await redeem(new URL(first.headers.get('location')!).searchParams.get('code')!)).body.user.id;
    await t.database.handle.db.execute(sql`update memberships set status = 'suspended' where organization_id = ${owner.orgId} and user_id = ${userId}`);
    const refused = await unsolicitedLogin(email);
    expect(paramsOf(refused)).toMatchObject({ error: 'access_denied', error_code: 'membership.suspended' });

    expect((await unsolicitedLogin(uniqueEmail(), { sha1: true })).status).toBe(401);
    expect((await patch({ allow_sha1: true })).body.allow_sha1).toBe(true);
    // (an unsolicited response that fails its signature has no trusted redirect_uri: a problem, never a redirect)
    expect((await unsolicitedLogin(uniqueEmail(), { sha1: true })).status).toBe(302);
  });

  it('two first logins of one new person at once both land, on one account and one membership', async () => {
    const email = uniqueEmail('twice');
    const post = () => postAcs(unsolicited.id, { SAMLResponse: buildResponse(idp, { acsUrl: unsolicited.sp.acs_url, audience: unsolicited.sp.entity_id, inResponseTo: null, email }) });
    const results = await Promise.all([post(), post(), post()]);
    expect(results.map((r) => r.status)).toEqual([302, 302, 302]);
    const rows = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from memberships m join users u on u.id = m.user_id where u.email = ${email}`);
    expect(rows[0]!.n).toBe(1);
  });
});
