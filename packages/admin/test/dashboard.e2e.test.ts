// The dashboard end to end, in a real Chromium against the real server and database: an owner signs
// up, creates an organization, invites a colleague (link read from the dev mailbox), the colleague
// joins from a second browser, the owner promotes them and sees it in the audit log, toggles a
// feature flag, creates and revokes an API key, adds a webhook endpoint and sees a test event
// delivered to a loopback receiver, creates a SCIM directory (token shown once), enrols 2FA, logs out
// and back in with a TOTP code.
// Screenshots of each main page go to test-results/screenshots/ (git-ignored).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as OTPAuth from 'otpauth';
import { addVerifiedDomain, createAdmin, freePort, PasswordHasher, startReceiver, startTestApp, STRONG_PASSWORD, testConfig, uniqueEmail, type Receiver, type TestApp } from '@saasready/test-kit';
import { WebhookVerifier } from '@saasready/sdk';
import { ensureChromium, launchChromium } from './browser.js';

const SHOTS = path.resolve(import.meta.dirname, '../../../test-results/screenshots');
// the browser suite runs once per `npm test` (on PostgreSQL when CI provides it, else PGlite)
const runHere = process.env.TEST_DB === (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');

describe.runIf(runHere)('dashboard in a real browser', () => {
  let t: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let colleagueContext: BrowserContext;
  let owner: Page;
  let colleague: Page;
  let base: string;
  let orgId: string;
  let adminToken: string;
  let totpSecret: string;
  const ownerEmail = uniqueEmail('owner');
  const colleagueEmail = uniqueEmail('colleague');
  const orgName = `Acme ${Date.now().toString(36)}`;

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
  const api = async (method: string, url: string, token: string, body?: unknown) => t.request(method, url, { token, body });

  // installing Debian's chromium on a fresh machine takes a minute or two: given its own time
  beforeAll(async () => {
    expect(await ensureChromium()).toMatchObject({ ok: true });
  }, 600_000);

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const port = await freePort();
    base = `http://localhost:${port}`;
    // webhooks may reach the loopback receiver (WEBHOOK_ALLOW_PRIVATE=true, as in the webhook tests)
    [t, receiver] = await Promise.all([
      startTestApp({ publicUrl: base, issuer: base, webhooks: { ...testConfig().webhooks, allowPrivate: true } }, { port }),
      startReceiver(),
    ]);
    // a superuser creates the global flag the owner will toggle
    const adminEmail = uniqueEmail('root');
    await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: adminEmail, password: STRONG_PASSWORD, fullName: 'Root' });
    adminToken = (await t.request('POST', '/api/v1/auth/login', { body: { email: adminEmail, password: STRONG_PASSWORD } })).body.access_token;
    const flag = await api('POST', '/api/v1/admin/feature-flags', adminToken, { key: 'new-dashboard', name: 'New dashboard', description: 'The redesigned home page', default_enabled: false, rollout_percent: 0 });
    expect(flag.status, flag.text).toBe(201);

    browser = await launchChromium();
    ownerContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    colleagueContext = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', isMobile: true, hasTouch: true });
    owner = await ownerContext.newPage();
    colleague = await colleagueContext.newPage();
    for (const page of [owner, colleague]) page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await receiver?.close();
  });

  it('signs up and keeps the session across a reload without exposing tokens to scripts', async () => {
    await owner.goto(`${base}/signup`);
    await owner.getByLabel('Full name').fill('Olivia Owner');
    await owner.getByLabel('Email').fill(ownerEmail);
    await owner.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    await owner.getByRole('button', { name: 'Create account' }).click();
    await owner.waitForURL(/\/orgs\/[0-9a-f-]+\/members$/);

    await owner.reload();
    await expect(owner.getByRole('button', { name: 'Account menu' }).waitFor()).resolves.toBeUndefined();
    expect(owner.url()).toMatch(/\/orgs\/[0-9a-f-]+\/members$/);

    const cookies = await ownerContext.cookies();
    const refresh = cookies.find((c) => c.name === 'sr_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1/auth/refresh' });
    const visible = await owner.evaluate(() => ({ cookie: document.cookie, local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
    expect(visible.cookie).not.toContain('sr_refresh');
    expect(visible.cookie).not.toContain(refresh!.value);
    expect(visible.local).not.toMatch(/eyJ|sr_/);
    expect(visible.session).not.toMatch(/eyJ|sr_/);
  });

  it('creates an organization from the switcher', async () => {
    await owner.getByRole('button', { name: 'Switch organization' }).click();
    await owner.getByRole('menuitem', { name: 'Create organization' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Create organization' });
    await dialog.getByLabel('Name').fill(orgName);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await owner.waitForURL(/\/orgs\/[0-9a-f-]+$/);
    orgId = owner.url().split('/orgs/')[1]!;
    await expect(owner.getByRole('button', { name: 'Switch organization' })).toBeDefined();
    await owner.getByRole('button', { name: 'Switch organization' }).getByText(orgName).waitFor();
    await shot(owner, 'organization-settings');
  });

  it('invites a colleague, who accepts from a second browser', async () => {
    await owner.goto(`${base}/orgs/${orgId}/invitations`);
    await owner.getByRole('button', { name: 'Invite member' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('Email').fill(colleagueEmail);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await owner.getByRole('option', { name: 'Member', exact: true }).click();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByRole('cell', { name: colleagueEmail }).waitFor();
    await shot(owner, 'invitations');

    // the link, as the colleague would get it, from the development mailbox
    await owner.goto(`${base}/dev/mailbox`);
    await owner.getByLabel('Recipient').fill(colleagueEmail);
    const link = owner.locator('a[href*="/accept-invite?token="]').first();
    await link.waitFor();
    const href = new URL((await link.getAttribute('href'))!, base).toString();
    await shot(owner, 'dev-mailbox');

    await colleague.goto(href);
    await colleague.getByText(orgName).first().waitFor();
    await shot(colleague, 'accept-invitation-mobile');
    await colleague.getByLabel('Full name').fill('Carl Colleague');
    await colleague.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    await colleague.getByRole('button', { name: 'Create account and join' }).click();
    await colleague.waitForURL(new RegExp(`/orgs/${orgId}/members$`));
    await colleague.getByText(ownerEmail).first().waitFor();
    await shot(colleague, 'members-mobile-dark');
  });

  it('promotes the colleague, and the change shows in the audit log', async () => {
    await owner.goto(`${base}/orgs/${orgId}/members`);
    const roleSelect = owner.getByRole('combobox', { name: `Role for ${colleagueEmail}` });
    await roleSelect.click();
    await owner.getByRole('option', { name: 'Admin', exact: true }).click();
    await expect.poll(async () => roleSelect.inputValue()).toBe('Admin');
    await shot(owner, 'members');

    await owner.goto(`${base}/orgs/${orgId}/audit`);
    await owner.getByText('user.role.updated').first().waitFor();
    await shot(owner, 'audit-log');
  });

  it('toggles a feature flag for the organization', async () => {
    await owner.goto(`${base}/orgs/${orgId}/feature-flags`);
    const toggle = owner.getByRole('switch', { name: 'Toggle new-dashboard' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    // by keyboard, as a person without a mouse would
    await toggle.focus();
    await owner.keyboard.press('Space');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await shot(owner, 'feature-flags');
    const snapshot = await api('GET', '/api/v1/feature-flags/snapshot', adminToken);
    const flag = snapshot.body.flags.find((f: { key: string }) => f.key === 'new-dashboard');
    expect(flag.overrides[orgId]).toMatchObject({ enabled: true });
  });

  it('creates an API key, shown once, and revokes it', async () => {
    await owner.goto(`${base}/orgs/${orgId}/api-keys`);
    await owner.getByRole('button', { name: 'Create API key' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('Name').fill('CI key');
    await dialog.getByRole('checkbox', { name: /org\.read/ }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const rawKey = (await owner.getByTestId('raw-key').textContent())!.trim();
    expect(rawKey).toMatch(/^sr_/);
    await shot(owner, 'api-key-created');
    expect((await api('GET', '/api/v1/api-keys/me', rawKey)).status).toBe(200);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(owner.getByTestId('raw-key').count()).resolves.toBe(0);

    await owner.getByRole('button', { name: 'Revoke CI key' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await expect.poll(async () => (await api('GET', '/api/v1/api-keys/me', rawKey)).status).toBe(401);
    await shot(owner, 'api-keys');
  });

  it('adds a webhook endpoint, shows its secret once, sends a test event and shows it delivered', async () => {
    await owner.goto(`${base}/orgs/${orgId}/webhooks`);
    await owner.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('Endpoint URL').fill(receiver.url);
    await dialog.getByRole('checkbox', { name: /membership\.\*/ }).check();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await owner.getByTestId('webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByText('you will not see it again').waitFor();
    await shot(owner, 'webhook-secret');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await owner.getByRole('link', { name: receiver.url }).click();
    await owner.getByRole('heading', { name: 'Webhook endpoint' }).waitFor();
    // shown once: nowhere on the endpoint's page
    expect(await owner.content()).not.toContain(secret.slice(6));
    await owner.getByRole('button', { name: 'Send test event' }).click();
    // the secret the page showed is the one the delivery is signed with
    const got = await receiver.waitFor((r) => r.json?.type === 'webhook.test');
    expect(new WebhookVerifier(secret).verify(got.body, got.headers as Record<string, string>).type).toBe('webhook.test');
    const row = owner.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: 'webhook.test' });
    await row.getByText('HTTP 204').waitFor();
    await row.getByText('succeeded').waitFor();
    await shot(owner, 'webhook-deliveries');
    // a change of description alone (PATCH sends only what changed)
    await owner.getByRole('button', { name: 'Edit' }).click();
    const edit = owner.getByRole('dialog', { name: 'Edit webhook endpoint' });
    await edit.getByLabel('Description').fill('CRM sync');
    await edit.getByRole('button', { name: 'Save' }).click();
    // the page shows what the server now holds (reloaded after the save), the events untouched
    await owner.getByText('CRM sync', { exact: true }).waitFor();
    await owner.getByText('membership.*', { exact: true }).waitFor();
  });

  it('creates a SCIM directory, shows its URL and token once, and marks the members it provisions', async () => {
    await owner.goto(`${base}/orgs/${orgId}/directory-sync`);
    await owner.getByRole('button', { name: 'Create directory' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Okta');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const token = (await owner.getByTestId('scim-token').textContent())!.trim();
    expect(token).toMatch(/^scim_/);
    expect((await owner.getByTestId('scim-url').textContent())!.trim()).toBe(`${base}/scim/v2`);
    await shot(owner, 'directory-created');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(owner.getByTestId('scim-token').count()).resolves.toBe(0);
    await expect(owner.content()).resolves.not.toContain(token);
    // a directory provisions addresses at the organization's verified domains only
    const domain = `scim-${orgId.slice(-8)}.test`;
    await addVerifiedDomain(t, orgId, domain);
    const pushed = await t.request('POST', '/scim/v2/Users', { token, headers: { 'content-type': 'application/scim+json' }, body: { userName: uniqueEmail('scim').replace('@example.test', `@${domain}`), name: { givenName: 'Sync', familyName: 'Ed' } } });
    expect(pushed.status, pushed.text).toBe(201);
    await owner.goto(`${base}/orgs/${orgId}/members`);
    await owner.getByText('Sync Ed').waitFor();
    await expect(owner.getByText('Directory', { exact: true }).count()).resolves.toBe(1);
  });

  it('enrols two-factor authentication with a code computed here', async () => {
    await owner.goto(`${base}/account?tab=2fa`);
    await owner.getByRole('button', { name: 'Set up two-factor' }).click();
    await owner.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    totpSecret = (await owner.getByTestId('totp-secret').textContent())!.trim();
    await shot(owner, 'two-factor-setup');
    await owner.getByLabel('6-digit code').fill(totp(totpSecret, 0));
    await owner.getByLabel('Your password').fill(STRONG_PASSWORD);
    await owner.getByRole('button', { name: 'Enable two-factor' }).click();
    const codes = (await owner.getByTestId('backup-codes').textContent())!;
    expect(codes.match(/[A-Za-z0-9]{4,}/g)!.length).toBeGreaterThanOrEqual(10);
    await owner.getByRole('button', { name: 'Done' }).click();
  });

  it('logs out, and logs back in with the second factor', async () => {
    await owner.getByRole('button', { name: 'Account menu' }).click();
    await owner.getByRole('menuitem', { name: 'Log out' }).click();
    await owner.waitForURL(/\/login/);
    expect((await ownerContext.cookies()).find((c) => c.name === 'sr_refresh')).toBeUndefined();

    await owner.getByLabel('Email').fill(ownerEmail);
    await owner.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    await owner.getByRole('button', { name: 'Log in' }).click();
    await owner.getByText('Enter the 6-digit code from your authenticator app.').waitFor();
    await shot(owner, 'login-two-factor');
    // the enrolment used this time step; the next one is inside the ±1 window and not yet used
    await owner.getByRole('textbox').first().click();
    await owner.keyboard.type(totp(totpSecret, 1));
    // back where the session ended (the account page), signed in
    await owner.getByRole('button', { name: 'Account menu' }).waitFor();
    await owner.waitForURL(/\/account\?tab=2fa$/);
    await owner.getByText('Enabled', { exact: true }).first().waitFor();
    await shot(owner, 'dashboard-after-login');
  });
});

/** The RFC 6238 code for the current time step plus `stepOffset`. */
function totp(secret: string, stepOffset: number): string {
  const generator = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return generator.generate({ timestamp: Date.now() + stepOffset * 30_000 });
}
