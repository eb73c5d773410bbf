// client.sso against the real server: connections and domains, the authorize URL the browser
// follows, the lookup, and exchangeCode with a code from a really signed SAML response.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildResponse, IDP_CERT, startTestApp, uniqueEmail, STRONG_PASSWORD, type TestApp } from '@saasready/test-kit';
import { failure } from '../../test/helpers.js';
import { SaaSReady } from './index.js';

const REDIRECT = 'https://app.example.test/sso/callback';
let t: TestApp;
beforeAll(async () => {
  // a DNS server that is not there: verification fails at once instead of waiting on the system resolver
  t = await startTestApp({ ssoRedirectUris: [REDIRECT], dnsServers: ['127.0.0.1:9'] });
});
afterAll(() => t.close());

it('manages connections and domains, builds the authorize URL, and exchanges a code for a session it keeps', async () => {
  const admin = new SaaSReady({ baseUrl: t.baseUrl });
  await admin.auth.register({ email: uniqueEmail('sdk-sso'), password: STRONG_PASSWORD, full_name: 'SDK Owner' });
  const orgId = (await admin.auth.me()).current_org_id!;

  const domain = await admin.sso.addDomain(orgId, 'sdk-sso.test');
  expect(domain).toMatchObject({ domain: 'sdk-sso.test', status: 'pending', verification: { name: '_saasready-verification.sdk-sso.test' } });
  expect((await admin.sso.listDomains(orgId)).map((d) => d.id)).toEqual([domain.id]);
  expect((await failure(admin.sso.verifyDomain(orgId, domain.id))).code).toBe('domain.verification_failed');
  await admin.sso.removeDomain(orgId, domain.id);

  const idp = { entityId: 'https://idp.sdk.test' };
  const connection = await admin.sso.createConnection(orgId, { type: 'saml', name: 'SDK IdP', idp_entity_id: idp.entityId, idp_sso_url: 'http://127.0.0.1:9/sso', idp_certificate: IDP_CERT, allow_idp_initiated: true });
  expect((await admin.sso.updateConnection(orgId, connection.id, { name: 'Renamed' })).name).toBe('Renamed');
  expect((await admin.sso.getConnection(orgId, connection.id)).sp.acs_url).toContain(`/api/v1/sso/saml/${connection.id}/acs`);
  expect(await admin.sso.listConnections(orgId)).toHaveLength(1);

  const url = admin.sso.authorizeUrl({ connectionId: connection.id, redirectUri: REDIRECT, state: 's1' });
  expect(url).toBe(`${t.baseUrl}/api/v1/sso/authorize?connection_id=${connection.id}&redirect_uri=${encodeURIComponent(REDIRECT)}&state=s1`);
  const toIdp = await fetch(url, { redirect: 'manual' });
  expect(toIdp.status).toBe(302);
  expect(toIdp.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:9\/sso\?SAMLRequest=/);
  expect((await admin.sso.lookup('x@unknown.test')).sso).toBe(false);

  // the IdP posts an unsolicited (allowed) response; the browser lands on REDIRECT with a code
  // the IdP speaks for the organization's verified domains only (verified here straight in the database)
  const email = uniqueEmail('sdk-person');
  await t.database.handle.db.execute(sql`insert into organization_domains (id, organization_id, domain, verification_token, verified_at) values (gen_random_uuid(), ${orgId}, 'example.test', 'x', now())`);
  const SAMLResponse = buildResponse(idp, { acsUrl: connection.sp.acs_url!, audience: connection.sp.entity_id!, inResponseTo: null, email });
  const acs = await fetch(connection.sp.acs_url!.replace(/^http:\/\/[^/]+/, t.baseUrl), { method: 'POST', redirect: 'manual', body: new URLSearchParams({ SAMLResponse, RelayState: REDIRECT }) });
  const code = new URL(acs.headers.get('location')!).searchParams.get('code')!;
  const person = new SaaSReady({ baseUrl: t.baseUrl });
  const session = await person.sso.exchangeCode(code);
  expect(session.sso_profile).toMatchObject({ email, organization_id: orgId, connection_id: connection.id });
  expect((await person.auth.me()).email).toBe(email);
  expect((await failure(person.sso.exchangeCode(code))).code).toBe('sso.invalid_code');
  await admin.sso.deleteConnection(orgId, connection.id);
  expect(await admin.sso.listConnections(orgId)).toEqual([]);
});
