// SSO in the dashboard, end to end in a real Chromium: an Owner adds a SAML connection by pasting
// the IdP's metadata, copies the ACS URL, claims a domain and verifies it through a DNS server on
// loopback; then a member of that domain, who has no account yet, signs in from the login page with
// "Continue with SSO" through the real test SAML IdP (signed responses) and lands in the dashboard
// with a cookie session. One server, one browser; PostgreSQL only (RUN_ONCE).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, startDnsServer, startSamlIdp, startTestApp, STRONG_PASSWORD, uniqueEmail, type DnsServer, type TestApp, type TestSamlIdp } from '@saasready/test-kit';
import { ensureChromium, launchChromium } from './browser.js';

describe.runIf(process.env.TEST_DB === 'postgres')('SSO in the dashboard', () => {
  let t: TestApp;
  let idp: TestSamlIdp;
  let dns: DnsServer;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let owner: Page;
  let base: string;
  let orgId: string;
  const ownerEmail = uniqueEmail('sso-owner');
  const domain = `sso-e2e-${Date.now().toString(36)}.test`;

  beforeAll(async () => {
    expect(await ensureChromium()).toMatchObject({ ok: true });
  }, 600_000);

  beforeAll(async () => {
    [idp, dns] = await Promise.all([startSamlIdp(), startDnsServer()]);
    const port = await freePort();
    base = `http://localhost:${port}`;
    // no SSO_REDIRECT_URIS: the dashboard's own {PUBLIC_URL}/sso/callback is allowed by default
    t = await startTestApp({ publicUrl: base, issuer: base, dnsServers: [dns.address], ssoRedirectUris: [] }, { port });
    const registered = await t.request('POST', '/api/v1/auth/register', { body: { email: ownerEmail, password: STRONG_PASSWORD, full_name: 'Sso Owner' } });
    expect(registered.status, registered.text).toBe(201);
    orgId = (await t.request('GET', '/api/v1/auth/me', { token: registered.body.access_token })).body.current_org_id;
    browser = await launchChromium();
    ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ownerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    owner = await ownerContext.newPage();
    owner.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await Promise.all([idp?.close(), dns?.close()]);
  });

  it('an Owner adds a SAML connection from metadata, copies the ACS URL and verifies a domain', async () => {
    await owner.goto(`${base}/login`);
    await owner.getByLabel('Email').fill(ownerEmail);
    await owner.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    await owner.getByRole('button', { name: 'Log in', exact: true }).click();
    await owner.waitForURL(/\/orgs\//);
    await owner.goto(`${base}/orgs/${orgId}`);

    const sso = owner.getByRole('region', { name: 'Single sign-on (SSO)' });
    await sso.getByRole('button', { name: 'Add connection' }).click();
    const form = owner.getByRole('form', { name: 'Add SSO connection' });
    await form.getByLabel('Name').fill('Test IdP');
    await form.getByLabel('IdP metadata XML').fill(idp.metadataXml);
    await form.getByRole('button', { name: 'Add connection' }).click();
    const card = sso.getByRole('article', { name: 'Connection Test IdP' });
    await card.waitFor();

    const [connection] = (await t.request('GET', `/api/v1/orgs/${orgId}/sso/connections`, { token: await ownerToken() })).body;
    expect(connection.saml.idp_entity_id).toBe(idp.entityId);
    await card.getByRole('button', { name: 'Copy ACS URL' }).click();
    await card.getByRole('button', { name: 'ACS URL copied' }).waitFor();
    expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(`${base}/api/v1/sso/saml/${connection.id}/acs`);

    // the domain: the TXT record shown is published, then Verify
    const domains = sso.getByRole('region', { name: 'Domains' });
    await domains.getByRole('textbox', { name: 'Domain', exact: true }).fill(domain);
    await domains.getByRole('button', { name: 'Add domain' }).click();
    const row = domains.getByRole('article', { name: `Domain ${domain}` });
    await row.getByText('Pending').waitFor();
    const name = await row.getByRole('textbox', { name: 'TXT record name' }).inputValue();
    const value = await row.getByRole('textbox', { name: 'TXT record value' }).inputValue();
    expect(name).toBe(`_saasready-verification.${domain}`);
    dns.txt.set(name, [value]);
    await row.getByRole('button', { name: 'Verify' }).click();
    await row.getByText('Verified').waitFor();
  });

  it('a member at the domain signs in with SSO from the login page through the IdP and lands in the dashboard', async () => {
    const memberEmail = `ada@${domain}`;
    idp.user = { email: memberEmail, firstName: 'Ada', lastName: 'Lovelace' };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const member = await context.newPage();
      member.setDefaultTimeout(15_000);
      await member.goto(`${base}/login`);
      await member.getByLabel('Email').fill(memberEmail);
      await member.getByRole('button', { name: 'Continue with SSO' }).click();
      // the IdP's auto-posted form → our ACS → /sso/callback?code=… → the dashboard
      await member.waitForURL(/\/orgs\/[0-9a-f-]+/, { timeout: 20_000 });
      await member.getByRole('button', { name: 'Account menu' }).waitFor();
      expect(member.url()).toContain(`/orgs/${orgId}`);
      // a cookie session (HttpOnly refresh cookie), and no code left in the address bar
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'sr_refresh')).toMatchObject({ httpOnly: true });
      expect(member.url()).not.toContain('code=');
      // the same browser cannot replay the callback: the state was used up
      await member.goto(`${base}/sso/callback?code=x&state=replayed`);
      await member.getByText('was not started in this browser').waitFor();
      const who = await t.request('GET', `/api/v1/orgs/${orgId}/members?search=${encodeURIComponent(memberEmail)}`, { token: await ownerToken() });
      expect(who.body.map((m: { user_email: string; role_name: string }) => [m.user_email, m.role_name])).toEqual([[memberEmail, 'Member']]);
    } finally {
      await context.close();
    }
  });

  async function ownerToken(): Promise<string> {
    return (await t.request('POST', '/api/v1/auth/login', { body: { email: ownerEmail, password: STRONG_PASSWORD } })).body.access_token;
  }
});
