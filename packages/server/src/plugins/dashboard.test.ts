// The dashboard is served on the dashboard's own paths only, with a strict CSP, immutable assets,
// and a clear page when it was not built; API errors stay problem documents.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { expectProblem } from '../../test/helpers/factories.js';

describe('dashboard hosting', () => {
  let dir: string;
  let t: TestApp;
  let unbuilt: TestApp;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dashboard-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><head><title>SaaSReady</title></head><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>');
    await writeFile(path.join(dir, 'assets', 'app-1a2b.js'), 'console.log("dashboard")');
    // the logo as config.ts would never pass it (markup in it): the page must still only escape it
    t = await startTestApp({ productName: 'Acme & Co <Auth>', productLogoUrl: 'https://cdn.acme.test/logo.svg?v="><script>alert(1)</script>', productColor: '#0b7285' }, { dashboardDir: dir });
    unbuilt = await startTestApp({}, { dashboardDir: path.join(dir, 'missing') });
  });
  afterAll(async () => {
    await t.close();
    await unbuilt.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['/', '/login', '/accept-invite?token=abc', '/orgs/0193aaaa-0000-7000-8000-000000000000/members', '/admin/users', '/account', '/dev/mailbox'])(
    'answers %s with the page and a strict CSP',
    async (url) => {
      const res = await fetch(t.baseUrl + url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('<div id="root">');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('names the page after PRODUCT_NAME, escaped, where the dashboard reads it', async () => {
    const html = await (await fetch(`${t.baseUrl}/login`)).text();
    expect(html).toContain('<title>Acme &#38; Co &#60;Auth&#62;</title>');
    expect(html).toContain('<meta name="application-name" content="Acme &#38; Co &#60;Auth&#62;" />');
    expect(html).not.toContain('<Auth>');
  });

  it('gives the dashboard the logo and accent colour (PRODUCT_LOGO_URL, PRODUCT_COLOR) as escaped attributes, and lets the logo’s https origin through img-src only', async () => {
    const res = await fetch(`${t.baseUrl}/login`);
    const html = await res.text();
    expect(html).toContain('<meta name="saasready-logo" content="https://cdn.acme.test/logo.svg?v=&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;" />');
    expect(html).toContain('<meta name="theme-color" content="#0b7285" />');
    expect(html).not.toContain('<script>alert');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("img-src 'self' data: https://cdn.acme.test;");
    expect(csp).toContain("script-src 'self';");
    const plain = await fetch(`${unbuilt.baseUrl}/login`);
    expect(await plain.text()).not.toContain('saasready-logo');
  });

  it('serves hashed assets as immutable', async () => {
    const res = await fetch(`${t.baseUrl}/assets/app-1a2b.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log("dashboard")');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps unknown paths and API misses as problem documents', async () => {
    expectProblem(await t.request('GET', '/nope'), 404, 'request.not_found');
    expectProblem(await t.request('GET', '/assets/missing.js'), 404, 'request.not_found');
    expectProblem(await t.request('GET', '/api/v1/nope'), 404, 'request.not_found');
    expectProblem(await t.request('GET', '/assets/../../package.json'), 404, 'request.not_found');
  });

  it('answers a browser navigating to an unknown page with the dashboard and a 404; API paths and assets stay JSON', async () => {
    const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const url of ['/nope', '/orgs', '/settings/x?y=1']) {
      const res = await fetch(t.baseUrl + url, { headers: html });
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('<div id="root">');
    }
    expectProblem(await t.request('GET', '/api/v1/nope', { headers: html }), 404, 'request.not_found');
    expectProblem(await t.request('GET', '/assets/missing.js', { headers: html }), 404, 'request.not_found');
    expectProblem(await t.request('POST', '/nope', { headers: html }), 404, 'request.not_found');
    expectProblem(await unbuilt.request('GET', '/nope', { headers: html }), 404, 'request.not_found');
  });

  it('leaves the API usable without a built dashboard, and says how to build it', async () => {
    const page = await fetch(`${unbuilt.baseUrl}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
    expect((await unbuilt.request('GET', '/healthz')).status).toBe(200);
  });
});
