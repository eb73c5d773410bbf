// The dashboard when things go wrong, in a real Chromium against the real server: a session ended
// elsewhere, a page chunk that is gone, /auth/me and /auth/refresh failing, a proxy's HTML error
// page, unknown addresses, no access for each real reason, forms that keep their own errors, and
// public pages that send no refresh without a session. Then reading and safety: the audit log as
// sentences, and confirmations before risky changes. Failures are injected with page.route; one
// server and one browser serve every check.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAdmin, createOrgWithMembers, freePort, PasswordHasher, registerUser, STRONG_PASSWORD, uniqueEmail, startTestApp, type OrgFixture, type RegisteredUser, type TestApp } from '@saasready/test-kit';
import * as OTPAuth from 'otpauth';
import { ensureChromium, launchChromium } from './browser.js';

// Nothing here depends on the database kind: like dashboard.e2e, the browser suite runs once per
// `npm test` (on PostgreSQL when CI provides it, else PGlite).
const runHere = process.env.TEST_DB === (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');

const LOGO = 'https://cdn.northwind.test/logo.svg';
const BAD_GATEWAY = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

describe.runIf(runHere)('dashboard under failure', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let acme: OrgFixture;
  /** the Owner's browser, shared by the checks that need no other user (its HTTP cache keeps the bundle) */
  let owner: { context: BrowserContext; page: Page };
  /** one more browser for everyone else (visitors, other members): `as(user)` swaps whose cookies it holds */
  let other: { context: BrowserContext; page: Page };
  const orgName = `Acme ${Date.now().toString(36)}`;
  /** a paused webhook endpoint of Acme (nothing is queued for it): its list card and its page */
  let webhookId: string;

  beforeAll(async () => {
    expect(await ensureChromium()).toMatchObject({ ok: true });
  }, 600_000);

  beforeAll(async () => {
    const port = await freePort();
    base = `http://localhost:${port}`;
    // a brand of its own (PRODUCT_NAME, PRODUCT_LOGO_URL, PRODUCT_COLOR): the dashboard and the emails
    // must show it, not "SaaSReady" (the logo's host does not resolve here: a broken image, alt="")
    t = await startTestApp({ publicUrl: base, issuer: base, productName: 'Northwind Auth', productLogoUrl: LOGO, productColor: '#0b7285' }, { port });
    [acme, browser] = await Promise.all([createOrgWithMembers(t, orgName), launchChromium()]);
    owner = await signedIn(acme.owner);
    const hook = await t.request('POST', `/api/v1/orgs/${acme.orgId}/webhooks`, {
      token: acme.owner.accessToken, body: { url: 'https://hooks.example.test/saasready', event_types: ['membership.*', 'audit.event'], description: 'CRM sync', enabled: false },
    });
    expect(hook.status, hook.text).toBe(201);
    webhookId = hook.body.id;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    other = { context, page: await context.newPage() };
    other.page.setDefaultTimeout(15_000);
  }, 120_000);

  afterEach(async () => {
    await owner?.page.unrouteAll({ behavior: 'ignoreErrors' });
    await owner?.page.setViewportSize({ width: 1280, height: 800 });
    await owner?.page.emulateMedia({ colorScheme: 'light' });
    await other?.page.emulateMedia({ colorScheme: 'light' });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A browser context holding `user`'s session cookies, as a login in this browser would leave them. */
  async function signedIn(
    user: RegisteredUser,
    options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const phone = (options.viewport?.width ?? 1280) < 500;
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
      ...(phone ? { isMobile: true, hasTouch: true } : {}),
    });
    await context.addCookies(await sessionCookies(user));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return { context, page };
  }

  /** The cookies a login in this browser would leave (cookie mode). */
  async function sessionCookies(user: RegisteredUser) {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password }, headers: { 'x-refresh-token-mode': 'cookie' } });
    expect(res.status, res.text).toBe(200);
    return res.headers.getSetCookie().map((line) => {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      return { name, value, domain: 'localhost', path, secure: true, httpOnly: /httponly/i.test(line), sameSite: 'Strict' as const };
    });
  }

  /** A working password-reset token of a new account, read from the development mailbox. */
  async function resetToken(): Promise<string> {
    const user = await registerUser(t);
    expect((await t.request('POST', '/api/v1/auth/forgot-password', { body: { email: user.email } })).status).toBe(202);
    let token = '';
    await expect.poll(async () => {
      const mails = (await t.request('GET', `/api/v1/dev/mailbox?to=${encodeURIComponent(user.email)}`)).body as { text: string | null }[];
      token = mails.map((m) => /reset-password\?token=([\w-]+)/.exec(m.text ?? '')?.[1]).find(Boolean) ?? '';
      return token;
    }, { timeout: 15_000 }).not.toBe('');
    return token;
  }

  /** The second browser as `user` (null: a visitor without a session); its cache keeps the bundle. */
  async function as(user: RegisteredUser | null): Promise<Page> {
    await other.context.clearCookies();
    if (user) await other.context.addCookies(await sessionCookies(user));
    return other.page;
  }

  it('sends no refresh from public pages without a session, shows its own Not found page for unknown addresses, and says a used reset link is used before its form', async () => {
    const page = await as(null);
    const refreshes: string[] = [];
    page.on('request', (request) => request.url().includes('/auth/refresh') && refreshes.push(request.url()));

    await page.goto(`${base}/login`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.getByRole('heading', { name: 'Northwind Auth' }).waitFor();
    expect(await page.title()).toBe('Northwind Auth');
    // branding on the login and sign-up pages (item 18): the logo beside the name, the accent on the card
    expect(await page.getByTestId('brand-logo').getAttribute('src')).toBe(LOGO);
    expect(await page.getByRole('main').getAttribute('data-accent')).toBe('#0b7285');
    await page.goto(`${base}/signup`);
    await page.getByRole('heading', { name: 'Northwind Auth' }).waitFor();
    expect(await page.getByTestId('brand-logo').getAttribute('src')).toBe(LOGO);
    expect(await page.getByRole('main').evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(11, 114, 133)');
    await page.goto(`${base}/forgot-password`);
    await page.getByRole('heading').first().waitFor();
    expect(refreshes).toEqual([]);

    const unknown = await page.goto(`${base}/no-such-page`);
    expect(unknown?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Log in' }).waitFor();
    // an API address stays an API answer, even for a browser
    const api = await page.goto(`${base}/api/v1/no-such-route`);
    expect(api?.status()).toBe(404);
    expect(await api?.headerValue('content-type')).toMatch(/^application\/problem\+json/);
    expect(refreshes).toEqual([]);

    // a reset link that was already used says so before the form is filled (item 7); its email is branded (item 18)
    const token = await resetToken();
    const mails = (await t.request('GET', '/api/v1/dev/mailbox')).body as { html: string | null; text: string | null; subject: string }[];
    const resetMail = mails.find((m) => m.text?.includes(token))!;
    expect(resetMail.subject).toBe('Reset your Northwind Auth password');
    expect(resetMail.html).toContain(`<img src="${LOGO}" alt=""`);
    expect(resetMail.html).toContain('background:#0b7285;color:#ffffff');
    expect((await t.request('POST', '/api/v1/auth/reset-password', { body: { token, new_password: 'a-fresh-secret-99' } })).status).toBe(204);
    await page.goto(`${base}/reset-password?token=${token}`);
    await page.getByText('This reset link has expired').waitFor();
    expect(await page.getByLabel('New password').count()).toBe(0);
  });

  it('says the server is unavailable when /auth/refresh answers 503, and /auth/me failing offers a retry', async () => {
    const { page } = owner;
    await page.route('**/api/v1/auth/refresh', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'urn:saasready:problem:service.unavailable', title: 'Service unavailable', status: 503, code: 'service.unavailable', detail: 'The database is unavailable; try again shortly.' }) }),
    );
    await page.goto(`${base}/orgs/${acme.orgId}/members`);
    await page.getByRole('alert').filter({ hasText: 'The server is unavailable' }).waitFor();
    await page.getByText('You are still signed in').waitFor();
    expect(page.url()).toBe(`${base}/orgs/${acme.orgId}/members`);

    // the refresh is back, /auth/me is not: no endless spinner, a retry
    await page.unroute('**/api/v1/auth/refresh');
    await page.route('**/api/v1/auth/me', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your account could not be loaded' }).waitFor();
    await page.getByText('The server could not be reached. Check your connection').waitFor();

    await page.unroute('**/api/v1/auth/me');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Members', exact: true }).waitFor();
    expect(page.url()).toBe(`${base}/orgs/${acme.orgId}/members`);
  });

  it('says the server is unavailable when /auth/refresh does not answer at all (after 15 s, on a fake clock)', async () => {
    const { context, page } = await signedIn(acme.owner);
    await page.clock.install();
    // the request is held, never answered
    await page.route('**/api/v1/auth/refresh', () => {});
    const sent = page.waitForRequest('**/api/v1/auth/refresh');
    await page.goto(`${base}/orgs/${acme.orgId}/members`);
    await sent;
    await page.getByRole('status', { name: 'Loading' }).waitFor();
    await page.clock.fastForward(16_000);
    await page.getByRole('alert').filter({ hasText: 'The server is unavailable' }).getByText('The server did not answer in time').waitFor();
    await context.close();
  });

  it('turns a proxy’s HTML error page into words, on a page and in a dialog', async () => {
    const { page } = owner;
    const badGateway = (route: import('playwright-core').Route) => route.fulfill({ status: 502, contentType: 'text/html', body: BAD_GATEWAY });
    await page.route(/\/api\/v1\/orgs\/[^/]+\/members(\?|$)/, badGateway);
    await page.goto(`${base}/orgs/${acme.orgId}/members`);
    await page.getByText('The server could not be reached (502)').waitFor();
    await page.getByRole('button', { name: 'Try again' }).waitFor();

    await page.route(/\/api\/v1\/orgs$/, badGateway);
    await page.getByRole('button', { name: 'Switch organization' }).click();
    await page.getByRole('menuitem', { name: 'Create organization' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create organization' });
    await dialog.getByLabel('Name').fill('Never created');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('The server could not be reached (502)').waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/Bad Gateway|nginx|<html/);
  });

  it('shows an error with Reload when a page’s code cannot be loaded, inside the intact shell', async () => {
    const { page } = owner;
    // as after a deploy that removed the old hashed files
    await page.route(/\/assets\/roles-page-[^/]+\.js$/, (route) => route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{}' }));
    await page.goto(`${base}/orgs/${acme.orgId}/members`);
    await page.getByRole('heading', { name: 'Members', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('alert').filter({ hasText: 'This page could not be loaded' }).waitFor();
    await page.getByRole('button', { name: 'Account menu' }).waitFor();

    // another page still works, and Reload brings the missing one once it is there again
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Roles' }).click();
    await page.unroute(/\/assets\/roles-page-[^/]+\.js$/);
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { name: 'Roles', exact: true }).waitFor();
  });

  it('sends a person whose session was ended elsewhere to the login page, saying so', async () => {
    const page = await as(acme.admin);
    await page.goto(`${base}/orgs/${acme.orgId}/members`);
    await page.getByRole('heading', { name: 'Members', exact: true }).waitFor();
    // "log out everywhere" from another device
    const other = await t.request('POST', '/api/v1/auth/login', { body: { email: acme.admin.email, password: acme.admin.password } });
    expect((await t.request('POST', '/api/v1/auth/logout-all', { token: other.body.access_token })).status).toBe(200);

    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('status').filter({ hasText: 'Your session ended' }).waitFor();
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('next')!)).toBe(`/orgs/${acme.orgId}/invitations`);
    expect(await page.getByText('Could not load').count()).toBe(0);
  });

  it('gives the real reason for no access: missing permission, suspended, not a member', async () => {
    const viewer = { page: await as(acme.viewer) };
    await viewer.page.goto(`${base}/orgs/${acme.orgId}/api-keys`);
    await viewer.page.getByText(`Your role in ${orgName}, Viewer, does not let you manage API keys. Ask an Owner of ${orgName} for access.`).waitFor();

    await viewer.page.goto(`${base}/orgs/0193aaaa-0000-7000-8000-000000000000/members`);
    await viewer.page.getByRole('alert').filter({ hasText: 'Organization not found' }).waitFor();
    await viewer.page.getByText('ask one of its Owners to invite you').waitFor();

    const suspended = { page: await as(acme.suspended) };
    await suspended.page.goto(`${base}/orgs/${acme.orgId}/members`);
    await suspended.page.getByRole('alert').filter({ hasText: `Your membership in ${orgName} is suspended` }).waitFor();
    await suspended.page.getByText(`Ask an Owner or Admin of ${orgName} to reactivate it.`).waitFor();
    await suspended.page.getByRole('button', { name: 'Switch organization' }).click();
    await suspended.page.getByRole('menuitem', { name: `${orgName} Suspended`, exact: true }).waitFor();
    await suspended.page.keyboard.press('Escape');
  });

  it('keeps the form’s own errors: invalid metadata JSON after leaving the field, a corrected slug no longer red', async () => {
    const { page } = owner;
    await page.goto(`${base}/orgs/${acme.orgId}`);
    const metadata = page.getByLabel('Metadata');
    await metadata.fill('{"plan": ');
    await page.getByText('Not valid JSON').waitFor();
    await metadata.press('Tab');
    await page.getByText('Not valid JSON').waitFor();
    await metadata.fill('');

    const slug = page.getByLabel('Slug');
    await slug.fill('ab');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const slugError = page.getByText('Use 3–48 lower-case letters');
    await slugError.waitFor();
    await slug.press('End');
    await slug.pressSequentially('c');
    await slugError.waitFor({ state: 'detached' });
  });

  it('reads the audit log as sentences with names, full flag keys, partial action search and the raw event; flags state their rule', async () => {
    const ownerToken = acme.owner.accessToken;
    const api = (method: string, url: string, body?: unknown, token = ownerToken) => t.request(method, url, { token, body });
    // a superuser's global flag, turned on here for a quarter of the users
    const rootEmail = uniqueEmail('root');
    await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: rootEmail, password: STRONG_PASSWORD, fullName: 'Root' });
    const root = (await t.request('POST', '/api/v1/auth/login', { body: { email: rootEmail, password: STRONG_PASSWORD } })).body.access_token;
    expect((await api('POST', '/api/v1/admin/feature-flags', { key: 'checkout-redesign-2026', name: 'Checkout redesign', default_enabled: false, rollout_percent: 0 }, root)).status).toBe(201);
    expect((await api('PUT', `/api/v1/orgs/${acme.orgId}/feature-flags/checkout-redesign-2026`, { enabled: true, rollout_percent: 25 })).status).toBe(200);
    expect((await api('PATCH', `/api/v1/orgs/${acme.orgId}/members/${acme.memberships.Member}/role`, { role_id: acme.roles.Admin })).status).toBe(200);
    const key = await api('POST', `/api/v1/orgs/${acme.orgId}/api-keys`, { name: 'deploy-bot', permissions: ['org.read'] });
    expect(key.status, key.text).toBe(201);
    expect((await api('DELETE', `/api/v1/orgs/${acme.orgId}/api-keys/${key.body.id}`)).status).toBe(204);

    const { page } = owner;
    await page.goto(`${base}/orgs/${acme.orgId}/audit`);
    const events = page.getByRole('table');
    await events.getByText(`${orgName} Owner changed ${orgName} Member’s role from Member to Admin`).waitFor();
    await events.getByText(`${orgName} Owner revoked API key deploy-bot (…${key.body.id.slice(-8)})`).waitFor();
    await events.getByText(`${orgName} Owner turned on checkout-redesign-2026 for this organization for 25% of users`).waitFor();

    // `api_key.` means every api_key action
    const filtered = page.waitForResponse((r) => decodeURIComponent(r.url()).includes('action=api_key.*') && r.status() === 200);
    await page.getByLabel('Action').fill('api_key.');
    await filtered;
    await page.getByText(`role from Member to Admin`).waitFor({ state: 'detached' });
    await events.getByText('revoked API key deploy-bot').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Raw event').first().waitFor();
    expect(await drawer.getByLabel('Raw event').innerText()).toContain('"action": "api_key.revoked"');
    await page.keyboard.press('Escape');

    // the flag page states the rule and your own result, and its switch means "on for everyone" (item 12)
    await page.goto(`${base}/orgs/${acme.orgId}/feature-flags`);
    const rule = page.getByText(/^Set for this organization: 25% rollout; you are (not )?in\.$/);
    await rule.waitFor();
    const youAreIn = !(await rule.innerText()).includes('not in');
    await page.getByText(youAreIn ? 'On for you' : 'Off for you', { exact: true }).waitFor();
    expect(await page.getByRole('switch', { name: 'Toggle checkout-redesign-2026' }).isChecked()).toBe(false);
  });

  it('asks before granting Owner, changing one’s own role and requiring two-factor, and changes nothing on Cancel', async () => {
    const { page } = owner;
    const writes: string[] = [];
    page.on('request', (request) => request.method() !== 'GET' && request.url().includes(`/orgs/${acme.orgId}`) && writes.push(`${request.method()} ${request.url()}`));
    await page.goto(`${base}/orgs/${acme.orgId}/members`);

    await page.getByRole('combobox', { name: `Role for ${acme.viewer.email}` }).click();
    await page.getByRole('option', { name: 'Owner', exact: true }).click();
    const grant = page.getByRole('dialog', { name: `Make ${orgName} Viewer an Owner of ${orgName}?` });
    await grant.getByText('Owners can do everything').waitFor();
    await grant.getByRole('button', { name: 'Cancel' }).click();
    await grant.waitFor({ state: 'detached' });

    await page.getByRole('combobox', { name: `Role for ${acme.owner.email}` }).click();
    await page.getByRole('option', { name: 'Admin', exact: true }).click();
    const self = page.getByRole('dialog', { name: 'Change your own role?' });
    await self.getByText('from Owner to Admin').waitFor();
    await self.getByRole('button', { name: 'Cancel' }).click();
    await self.waitFor({ state: 'detached' });
    expect(await page.getByRole('combobox', { name: `Role for ${acme.owner.email}` }).inputValue()).toBe('Owner');

    await page.goto(`${base}/orgs/${acme.orgId}`);
    await page.getByRole('switch', { name: /Require two-factor authentication/ }).click({ force: true });
    const require2fa = page.getByRole('dialog', { name: `Require two-factor authentication in ${orgName}?` });
    // all four active members lack two-factor (the suspended one does not count)
    await require2fa.getByText('4 members have not set up two-factor authentication').waitFor();
    await require2fa.getByRole('button', { name: 'Cancel' }).click();
    await require2fa.waitFor({ state: 'detached' });
    expect(await page.getByRole('switch', { name: /Require two-factor authentication/ }).isChecked()).toBe(false);
    expect(writes).toEqual([]);
  });

  it('keeps member filters in the address, and says who holds a role and who moves when it is deleted', async () => {
    const ownerToken = acme.owner.accessToken;
    const role = await t.request('POST', `/api/v1/orgs/${acme.orgId}/roles`, { token: ownerToken, body: { name: 'Billing', permissions: ['org.read'] } });
    expect(role.status, role.text).toBe(201);
    expect((await t.request('PATCH', `/api/v1/orgs/${acme.orgId}/members/${acme.memberships.Viewer}/role`, { token: ownerToken, body: { role_id: role.body.id } })).status).toBe(200);

    const { page } = owner;
    await page.goto(`${base}/orgs/${acme.orgId}/members`);
    await page.getByRole('searchbox', { name: 'Search members' }).fill('Suspended');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Suspended' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'suspended' && url.searchParams.get('q') === 'Suspended');
    await page.reload();
    await page.getByText(acme.suspended.email).waitFor();
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('Suspended');
    expect(await page.getByText(acme.owner.email).count()).toBe(0);

    // an order of the server's (item 11): Z–A by name, kept in the address through another page and Back
    await page.goto(`${base}/orgs/${acme.orgId}/members`);
    const sorted = page.waitForResponse((r) => r.url().includes('sort=-name') && r.status() === 200);
    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: 'Name, Z–A' }).click();
    await sorted;
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { name: 'Invitations', exact: true }).waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.pathname.endsWith('/members') && url.searchParams.get('sort') === '-name');
    expect(await page.getByRole('combobox', { name: 'Sort by' }).inputValue()).toBe('Name, Z–A');
    const firstRow = page.getByRole('row').nth(1);
    await firstRow.getByText(acme.viewer.email).waitFor();
    await page.getByRole('columnheader', { name: 'Last active' }).waitFor();
    // the Owner's browser session is in use: active moments ago, not "Never"
    expect(await page.getByRole('row').filter({ hasText: acme.owner.email }).locator('time').count()).toBe(2);

    await page.goto(`${base}/orgs/${acme.orgId}/roles`);
    await page.getByRole('button', { name: /^Billing.*1 member · 1 permission/ }).waitFor();
    await page.getByText('Sees the organization itself only.').waitFor();
    await page.getByRole('button', { name: 'Delete role Billing' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('1 member holds it and will move to the role you choose below.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('jumps anywhere with Ctrl+K: a page of this organization, and for a superuser any person of the instance', async () => {
    const { page } = owner;
    await page.goto(`${base}/orgs/${acme.orgId}/members`);
    await page.getByRole('heading', { name: 'Members', exact: true }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Northwind Auth' }).waitFor();
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Go to' });
    await palette.getByRole('combobox', { name: 'Search pages, organizations and people' }).fill('audit');
    await palette.getByRole('option', { name: /Audit log/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/orgs/${acme.orgId}/audit`);
    await palette.waitFor({ state: 'detached' });

    const rootEmail = uniqueEmail('palette-root');
    await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: rootEmail, password: STRONG_PASSWORD, fullName: 'Palette Root' });
    const root = await as({ email: rootEmail, password: STRONG_PASSWORD } as RegisteredUser);
    await root.goto(`${base}/account`);
    await root.getByRole('heading', { name: 'Account', exact: true }).waitFor();
    await root.keyboard.press('Control+K');
    await root.getByRole('combobox', { name: 'Search pages, organizations and people' }).fill(acme.viewer.email);
    await root.getByRole('option', { name: new RegExp(acme.viewer.email.replace(/[.+]/g, '\\$&')) }).waitFor();
    await root.keyboard.press('Enter');
    // straight to the person's page (item 14)
    await root.waitForURL(`${base}/admin/users/${acme.viewer.userId}`);
    await root.getByRole('heading', { name: `${orgName} Viewer`, level: 2 }).waitFor();
  });

  /** a new superuser's session in the second browser */
  async function asRoot(tag: string): Promise<Page> {
    const email = uniqueEmail(tag);
    await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email, password: STRONG_PASSWORD, fullName: `Root ${tag}` });
    return as({ email, password: STRONG_PASSWORD } as RegisteredUser);
  }

  it('shows a superuser one person: ends a session, disables and enables the account, each visible through the API (item 14)', async () => {
    const person = await registerUser(t, { fullName: 'Detail Dana' });
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email: person.email, password: 'not-her-password-1' } })).status).toBe(401);
    const root = await asRoot('user-root');
    await root.goto(`${base}/admin/users/${person.userId}`);
    await root.getByRole('heading', { name: 'Detail Dana', level: 2 }).waitFor();
    await root.getByRole('region', { name: 'Recent security events' }).getByText('failed (wrong password)').waitFor();
    await root.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: /^End session/ }).click();
    await root.getByText('No live session.').waitFor();
    expect((await t.request('GET', '/api/v1/auth/me', { token: person.accessToken })).status).toBe(401);

    await root.getByRole('button', { name: 'Disable account…' }).click();
    await root.getByRole('dialog', { name: 'Disable the account of Detail Dana?' }).getByRole('button', { name: 'Disable account' }).click();
    await root.getByRole('alert').filter({ hasText: 'This account is disabled' }).or(root.getByText('This account is disabled')).first().waitFor();
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email: person.email, password: person.password } })).body.code).toBe('auth.account_disabled');
    await root.getByRole('button', { name: 'Enable account' }).click();
    await root.getByRole('button', { name: 'Disable account…' }).waitFor();
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email: person.email, password: person.password } })).status).toBe(200);
  });

  it('shows a superuser an organization they are not a member of, and its Owners see the visit in their audit log (item 15)', async () => {
    const root = await asRoot('org-root');
    await root.goto(`${base}/admin/organizations/${acme.orgId}?tab=members`);
    await root.getByRole('heading', { name: orgName, level: 2 }).waitFor();
    await root.getByRole('table', { name: 'Members' }).getByText(acme.viewer.email).waitFor();
    await root.getByRole('tab', { name: 'Roles' }).click();
    await root.getByRole('list', { name: 'Roles' }).getByText('Owner', { exact: true }).waitFor();
    await root.getByRole('tab', { name: 'Audit log' }).click();
    await root.getByRole('list', { name: 'Audit events' }).getByText('viewed the members of this organization').first().waitFor();
    const seen = await t.request('GET', `/api/v1/audit/orgs/${acme.orgId}/logs?action=admin.organization.viewed`, { token: acme.owner.accessToken });
    expect(seen.body.filter((e: { actor_email: string }) => e.actor_email.startsWith('org-root')).map((e: { metadata: { view: string } }) => e.metadata.view)).toEqual(['audit_logs', 'members', 'summary']);
  });

  it('shows a superuser the overview as charts with the numbers behind them (item 16)', async () => {
    const root = await asRoot('overview-root');
    await root.goto(`${base}/admin/overview?days=7`);
    await root.getByRole('heading', { name: 'Overview', level: 2 }).waitFor();
    await root.getByRole('figure', { name: 'Logins per day' }).locator('.recharts-surface').first().waitFor();
    expect(await root.locator('figure .recharts-surface').count()).toBeGreaterThanOrEqual(4);
    // today's row of the table behind the chart says what the API says
    const overview = await t.request('GET', '/api/v1/admin/overview?days=7', { token: (await t.request('POST', '/api/v1/auth/login', { body: { email: acme.owner.email, password: acme.owner.password } })).body.access_token });
    expect(overview.status).toBe(403);
    const todayRow = root.getByRole('table', { name: 'Logins per day (table)' }).getByRole('row').last();
    const logins = Number(await todayRow.getByRole('cell').nth(1).textContent());
    expect(logins).toBeGreaterThanOrEqual(2);
  });

  it('fits a phone in dark mode: members, invitations, API keys, webhooks and the audit log as cards with their actions in view', async () => {
    const ownerToken = acme.owner.accessToken;
    const invited = uniqueEmail('invited');
    expect((await t.request('POST', `/api/v1/orgs/${acme.orgId}/invite`, { token: ownerToken, body: { email: invited, role_id: acme.roles.Member } })).status).toBe(201);
    expect((await t.request('POST', `/api/v1/orgs/${acme.orgId}/api-keys`, { token: ownerToken, body: { name: 'phone-key', permissions: ['org.read'] } })).status).toBe(201);

    // the Owner's browser, narrowed to a phone and switched to dark (afterEach restores it)
    const { page } = owner;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    // horizontally only, and without scrolling: a table in a scroll box would pass after a sideways scroll
    const inView = async (locator: import('playwright-core').Locator) => {
      const box = (await locator.boundingBox())!;
      expect(box.x, 'left edge on screen').toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, 'right edge on screen').toBeLessThanOrEqual(390);
    };
    const noSidewaysScroll = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.goto(`${base}/orgs/${acme.orgId}/members`);
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    const actions = page.getByRole('button', { name: `Actions for ${acme.viewer.email}` });
    await actions.waitFor();
    await inView(actions);
    await inView(page.getByRole('combobox', { name: `Role for ${acme.viewer.email}` }));
    await noSidewaysScroll();
    await actions.click();
    await page.getByRole('menu').getByText(`${orgName} Viewer`, { exact: true }).waitFor();
    await page.keyboard.press('Escape');

    await page.goto(`${base}/orgs/${acme.orgId}/invitations`);
    const pending = page.getByRole('listitem').filter({ hasText: invited });
    await pending.waitFor();
    for (const button of await pending.getByRole('button').all()) await inView(button);
    await noSidewaysScroll();

    await page.goto(`${base}/orgs/${acme.orgId}/api-keys`);
    const revoke = page.getByRole('button', { name: 'Revoke phone-key' });
    await revoke.waitFor();
    await inView(revoke);
    await noSidewaysScroll();

    await page.goto(`${base}/orgs/${acme.orgId}/webhooks`);
    const hookActions = page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('button', { name: 'Actions for https://hooks.example.test/saasready' });
    await hookActions.waitFor();
    await inView(hookActions);
    await noSidewaysScroll();
    await page.goto(`${base}/orgs/${acme.orgId}/webhooks/${webhookId}`);
    await page.getByRole('button', { name: 'Enable' }).waitFor();
    for (const button of await page.getByRole('button', { name: /Send test event|Enable|Rotate secret|Delete/ }).all()) await inView(button);
    await page.getByText('No deliveries yet').waitFor();
    await noSidewaysScroll();

    await page.goto(`${base}/orgs/${acme.orgId}/audit`);
    await page.getByRole('list', { name: 'Audit events' }).getByText('created API key phone-key').waitFor();
    await noSidewaysScroll();
  });

  it('logs in by keyboard: the email field has focus, Tab reaches "show password", a wrong 2FA code is cleared; a superuser resets that 2FA', async () => {
    // the Member turns on two-factor through the API, with a code computed here
    const member = acme.member;
    const setup = await t.request('POST', '/api/v1/auth/2fa/setup', { token: member.accessToken });
    expect(setup.status, setup.text).toBe(200);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.body.secret), digits: 6, period: 30, algorithm: 'SHA1' });
    const verified = await t.request('POST', '/api/v1/auth/2fa/verify', { token: member.accessToken, body: { code: totp.generate(), password: member.password } });
    expect(verified.status, verified.text).toBe(200);

    // the Owner sees it in the member list
    await owner.page.goto(`${base}/orgs/${acme.orgId}/members`);
    await owner.page.getByRole('row', { name: new RegExp(member.email.replace(/[.+]/g, '\\$&')) }).getByText('2FA on').waitFor();

    const page = await as(null);
    await page.goto(`${base}/login`);
    const email = page.getByLabel('Email');
    await email.waitFor();
    const focused = (locator: import('playwright-core').Locator) => locator.evaluate((el) => el === document.activeElement);
    expect(await focused(email)).toBe(true);
    await page.keyboard.type(member.email);
    await page.keyboard.press('Tab');
    expect(await focused(page.getByLabel('Password', { exact: true }))).toBe(true);
    await page.keyboard.type(member.password);
    await page.keyboard.press('Tab');
    expect(await focused(page.getByRole('button', { name: 'Toggle password visibility' }))).toBe(true);
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('type')).toBe('text');
    await page.getByLabel('Password', { exact: true }).press('Enter');

    await page.getByText('Enter the 6-digit code from your authenticator app.').waitFor();
    const refused = page.waitForResponse((r) => r.url().endsWith('/auth/login/2fa') && r.status() === 401);
    // a code that is certainly not the current one
    const wrong = String((Number(totp.generate()) + 500_000) % 1_000_000).padStart(6, '0');
    await page.keyboard.type(wrong);
    await refused;
    await page.getByText('That code is not valid').waitFor();
    const digits = page.getByRole('form', { name: 'Two-factor code' }).locator('input:not([type=hidden])');
    await expect.poll(async () => (await digits.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join('')))).toBe('');
    expect(await focused(digits.first())).toBe(true);

    // a superuser resets the Member's two-factor (they lost their phone): one confirmation, then a plain login works (item 14, part)
    const rootEmail = uniqueEmail('reset-root');
    await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: rootEmail, password: STRONG_PASSWORD, fullName: 'Reset Root' });
    const root = await as({ email: rootEmail, password: STRONG_PASSWORD } as RegisteredUser);
    await root.goto(`${base}/admin/users?q=${encodeURIComponent(member.email)}`);
    await root.getByRole('button', { name: `Actions for ${member.email}` }).click();
    await root.getByRole('menuitem', { name: 'Reset two-factor…' }).click();
    const confirm = root.getByRole('dialog', { name: /Reset two-factor authentication for/ });
    await confirm.getByRole('button', { name: 'Reset two-factor' }).click();
    await root.getByText(`Two-factor authentication was reset for ${member.email}`).waitFor();
    const plain = await t.request('POST', '/api/v1/auth/login', { body: { email: member.email, password: member.password } });
    expect(plain.status, plain.text).toBe(200);
    expect(plain.body.access_token).toBeTruthy();
  });

  it('has no serious or critical accessibility violation (axe-core) on any page, light or dark', async () => {
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    const check = async (page: Page, name: string) => {
      // evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not apply
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${(n as unknown as { html: string }).html.slice(0, 160)}`).join(', ')}`);
      });
      for (const v of violations) found.push(`${name}: ${v}`);
    };
    // every page in light; in dark (only colours change) the public card and the two busiest shells
    const darkToo = new Set(['/login', '/members', '/audit']);
    const reset = `/reset-password?token=${await resetToken()}`;
    for (const scheme of ['light', 'dark'] as const) {
      const wanted = (url: string) => scheme === 'light' || darkToo.has(url);
      const visitor = await as(null);
      await visitor.emulateMedia({ colorScheme: scheme });
      for (const [url, ready] of [
        ['/login', 'Log in'], ['/signup', 'Create account'], ['/forgot-password', null], ['/no-such-page', 'Page not found'],
        [reset, 'Set new password'], ['/reset-password?token=x', null], ['/verify-email?token=x', null], ['/accept-invite?token=x', null], ['/dev/mailbox', null],
      ] as const) {
        if (!wanted(url)) continue;
        await visitor.goto(base + url);
        await (ready ? visitor.getByRole('button', { name: ready }).or(visitor.getByRole('heading', { name: ready })).first().waitFor() : visitor.getByRole('heading').first().waitFor());
        await visitor.getByRole('status').filter({ hasText: /Loading|Checking|Opening|Verifying/ }).first().waitFor({ state: 'detached' });
        await check(visitor, `${scheme} ${url}`);
      }
      if (scheme === 'light') {
        // the instance pages, as a superuser
        const rootEmail = uniqueEmail('axe-root');
        await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: rootEmail, password: STRONG_PASSWORD, fullName: 'Axe Root' });
        const root = await as({ email: rootEmail, password: STRONG_PASSWORD } as RegisteredUser);
        for (const [url, heading] of [['/admin/users', 'All users'], ['/admin/organizations', 'All organizations'], ['/admin/feature-flags', 'Global feature flags'], ['/admin/webhooks', 'Instance webhooks'], ['/admin/overview', 'Overview'], [`/admin/users/${acme.member.userId}`, 'User'], [`/admin/organizations/${acme.orgId}?tab=members`, 'Organization']] as const) {
          await root.goto(base + url);
          await root.getByRole('heading', { level: 2 }).first().waitFor();
          await root.getByRole('status').filter({ hasText: /Loading/ }).first().waitFor({ state: 'detached' });
          await check(root, `${scheme} ${url} (${heading})`);
        }
      }
      const { page } = owner;
      await page.emulateMedia({ colorScheme: scheme });
      for (const [url, heading] of [
        ['/members', 'Members'], ['/invitations', 'Invitations'], ['/roles', 'Roles'], ['/audit', 'Audit log'], ['/feature-flags', 'Feature flags'],
        ['/api-keys', 'API keys'], ['/webhooks', 'Webhooks'], [`/webhooks/${webhookId}`, 'Webhook endpoint'], ['', 'Organization settings'],
      ] as [string, string][]) {
        if (!wanted(url)) continue;
        await page.goto(`${base}/orgs/${acme.orgId}${url}`);
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
        await page.getByRole('status').filter({ hasText: /Loading/ }).first().waitFor({ state: 'detached' });
        await check(page, `${scheme} ${url || '/settings'}`);
      }
      if (wanted('/account')) {
        await page.goto(`${base}/account`);
        await page.getByRole('heading', { name: 'Account', exact: true }).waitFor();
        await check(page, `${scheme} /account`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);

  // `UPDATE_SCREENSHOTS=1`: the pages this suite covers, at 1440×900 and 390×844, light and dark, into
  // docs/screenshots/ (the README shows some of them). Off by default: it adds time and writes files.
  it.runIf(process.env.UPDATE_SCREENSHOTS === '1')('regenerates the screenshots of these pages', async () => {
    const dir = path.resolve(import.meta.dirname, '../../../docs/screenshots');
    await mkdir(dir, { recursive: true });
    const shotRoot = { email: uniqueEmail('shot-root'), password: STRONG_PASSWORD } as RegisteredUser;
    await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: shotRoot.email, password: STRONG_PASSWORD, fullName: 'Instance Root' });
    for (const [size, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const shot = (page: Page, name: string) => page.screenshot({ path: path.join(dir, `${name}-${size}-${scheme}.png`) });
        const { context, page } = await signedIn(acme.owner, { viewport, colorScheme: scheme });
        const pages: [string, string, string][] = [
          ['members', `/orgs/${acme.orgId}/members`, 'Members'],
          ['audit-log', `/orgs/${acme.orgId}/audit`, 'Audit log'],
          ['invitations', `/orgs/${acme.orgId}/invitations`, 'Invitations'],
          ['api-keys', `/orgs/${acme.orgId}/api-keys`, 'API keys'],
          ['organization-settings', `/orgs/${acme.orgId}`, 'Organization settings'],
        ];
        for (const [name, url, heading] of pages) {
          await page.goto(base + url);
          await page.getByRole('heading', { name: heading, exact: true }).waitFor();
          await shot(page, name);
        }
        await context.close();
        const suspended = await signedIn(acme.suspended, { viewport, colorScheme: scheme });
        await suspended.page.goto(`${base}/orgs/${acme.orgId}/members`);
        await suspended.page.getByRole('alert').filter({ hasText: 'is suspended' }).waitFor();
        await shot(suspended.page, 'no-access-suspended');
        await suspended.context.close();
        // the superuser's pages and the branded login page
        const root = await signedIn(shotRoot, { viewport, colorScheme: scheme });
        for (const [name, url, heading] of [['admin-overview', '/admin/overview', 'Overview'], ['admin-user', `/admin/users/${acme.member.userId}`, `${orgName} Member`]] as const) {
          await root.page.goto(base + url);
          await root.page.getByRole('heading', { name: heading, exact: true }).waitFor();
          await root.page.getByRole('status').filter({ hasText: /Loading/ }).first().waitFor({ state: 'detached' });
          await shot(root.page, name);
        }
        await root.context.close();
        const visitor = await browser.newContext({ viewport, colorScheme: scheme });
        const login = await visitor.newPage();
        await login.goto(`${base}/login`);
        await login.getByRole('button', { name: 'Log in' }).waitFor();
        await shot(login, 'login');
        await visitor.close();
      }
    }
  }, 120_000);
});
