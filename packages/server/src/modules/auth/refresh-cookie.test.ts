// Cookie mode: the refresh token as an HttpOnly cookie, refreshed under a double-submit CSRF token
// and an Origin allow-list; rotation, reuse detection, logout and rate limits as in body mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { sha256 } from '../../lib/crypto.js';
import { totp } from '../../lib/totp.js';
import { csrfTokenFor } from './refresh-cookie.js';
import { startTestApp, type ApiResponse, type TestApp } from '../../../test/helpers/app.js';
import { expectProblem, login, registerUser, STRONG_PASSWORD, uniqueEmail } from '../../../test/helpers/factories.js';

const COOKIE_MODE = { 'x-refresh-token-mode': 'cookie' };
const APP_ORIGIN = 'https://app.example.test';
// not the 30-day default: proves Max-Age follows REFRESH_TOKEN_TTL
const REFRESH_TTL = 7 * 24 * 3600;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ refreshTokenTtl: REFRESH_TTL, corsOrigins: [APP_ORIGIN] });
});
afterAll(() => t.close());

interface SetCookie {
  name: string;
  value: string;
  /** attribute names lower-cased; flags map to true */
  attributes: Record<string, string | true>;
}

/** Every Set-Cookie of a response, parsed (attribute values kept verbatim). */
function setCookies(res: ApiResponse): SetCookie[] {
  return res.headers.getSetCookie().map((line) => {
    const [pair = '', ...attrs] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const attr of attrs) {
      const i = attr.indexOf('=');
      if (i === -1) attributes[attr.toLowerCase()] = true;
      else attributes[attr.slice(0, i).toLowerCase()] = attr.slice(i + 1);
    }
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
  });
}

/** What a browser holds after a cookie-mode answer: the two cookie values. */
interface Jar {
  refresh: string;
  csrf: string;
}

function jarFrom(res: ApiResponse): Jar {
  const cookies = setCookies(res);
  expect(cookies.map((c) => c.name).sort()).toEqual(['sr_csrf', 'sr_refresh']);
  return { refresh: cookies.find((c) => c.name === 'sr_refresh')!.value, csrf: cookies.find((c) => c.name === 'sr_csrf')!.value };
}

/** A refresh as a browser sends it in cookie mode: body `{}`, the cookies, and whatever headers the test chooses. */
function cookieRefresh(cookies: Partial<Jar>, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const cookie = [cookies.refresh && `sr_refresh=${cookies.refresh}`, cookies.csrf && `sr_csrf=${cookies.csrf}`].filter(Boolean).join('; ');
  return t.request('POST', '/api/v1/auth/refresh', { body: {}, headers: { ...(cookie ? { cookie } : {}), ...headers } });
}
const withCsrf = (jar: Jar, headers: Record<string, string> = {}) => cookieRefresh(jar, { 'x-csrf-token': jar.csrf, ...headers });

async function cookieLogin(): Promise<{ res: ApiResponse; jar: Jar; userId: string }> {
  const user = await registerUser(t);
  const res = await login(t, user.email, user.password, COOKIE_MODE);
  expect(res.status, res.text).toBe(200);
  return { res, jar: jarFrom(res), userId: user.userId };
}

const me = (token: string) => t.request('GET', '/api/v1/auth/me', { token });

/** Both cookies expired with the attributes they were set with. */
function expectCleared(res: ApiResponse) {
  const cookies = setCookies(res);
  expect(cookies.map((c) => c.name).sort()).toEqual(['sr_csrf', 'sr_refresh']);
  for (const c of cookies) {
    expect(c.value).toBe('');
    expect(c.attributes['max-age']).toBe('0');
    expect(c.attributes.secure).toBe(true);
    expect(c.attributes.samesite).toBe('Strict');
  }
  expect(cookies.find((c) => c.name === 'sr_refresh')!.attributes).toMatchObject({ path: '/api/v1/auth/refresh', httponly: true });
  expect(cookies.find((c) => c.name === 'sr_csrf')!.attributes.path).toBe('/');
  expect(cookies.find((c) => c.name === 'sr_csrf')!.attributes.httponly).toBeUndefined();
}

describe('issuing a session in cookie mode', () => {
  it('login sets the refresh token as an HttpOnly, Secure, SameSite=Strict cookie scoped to /auth/refresh, and keeps it out of the body', async () => {
    const { res, jar } = await cookieLogin();
    expect(res.body).not.toHaveProperty('refresh_token');
    expect(res.body).toMatchObject({ access_token: expect.any(String), token_type: 'bearer', expires_in: t.config.accessTokenTtl });
    expect((await me(res.body.access_token)).status).toBe(200);

    const cookies = setCookies(res);
    expect(cookies.find((c) => c.name === 'sr_refresh')!.attributes).toEqual({
      'max-age': String(REFRESH_TTL),
      path: '/api/v1/auth/refresh',
      httponly: true,
      secure: true,
      samesite: 'Strict',
    });
    // readable by the page (double submit): no HttpOnly, and sent with every same-site request
    expect(cookies.find((c) => c.name === 'sr_csrf')!.attributes).toEqual({ 'max-age': String(REFRESH_TTL), path: '/', secure: true, samesite: 'Strict' });
    expect(Buffer.from(jar.csrf, 'base64url')).toHaveLength(32);
    expect(jar.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // the cookie holds the session's real refresh token (stored, like every one, as SHA-256)
    const rows = await queryRows(t.database.handle.db, sql`select 1 from sessions where refresh_hash = ${sha256(jar.refresh)} and revoked_at is null`);
    expect(rows).toHaveLength(1);
  });

  it('register (also with an invitation token) answers in cookie mode when asked', async () => {
    const res = await t.request('POST', '/api/v1/auth/register', {
      body: { email: uniqueEmail(), password: STRONG_PASSWORD, full_name: 'Cookie User' },
      headers: COOKIE_MODE,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).not.toHaveProperty('refresh_token');
    const jar = jarFrom(res);
    expect((await withCsrf(jar)).status).toBe(200);
  });

  it('login/2fa answers in cookie mode when asked; the password step alone sets no cookie', async () => {
    const user = await registerUser(t);
    const setup = await t.request('POST', '/api/v1/auth/2fa/setup', { token: user.accessToken });
    expect(setup.status, setup.text).toBe(200);
    const verify = await t.request('POST', '/api/v1/auth/2fa/verify', { token: user.accessToken, body: { code: totp(setup.body.secret).generate(), password: user.password } });
    expect(verify.status, verify.text).toBe(200);

    const step1 = await login(t, user.email, user.password, COOKIE_MODE);
    expect(step1.body).toMatchObject({ mfa_required: true });
    expect(setCookies(step1)).toEqual([]);
    const step2 = await t.request('POST', '/api/v1/auth/login/2fa', {
      body: { mfa_token: step1.body.mfa_token, backup_code: verify.body.backup_codes[0] },
      headers: COOKIE_MODE,
    });
    expect(step2.status, step2.text).toBe(200);
    expect(step2.body).not.toHaveProperty('refresh_token');
    expect((await withCsrf(jarFrom(step2))).status).toBe(200);
  });

  it('without the header nothing changes: the refresh token is in the body and no cookie is set', async () => {
    const user = await registerUser(t);
    const res = await login(t, user.email, user.password);
    expect(res.status).toBe(200);
    expect(res.body.refresh_token).toEqual(expect.any(String));
    expect(res.headers.get('set-cookie')).toBeNull();
    const refreshed = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: res.body.refresh_token } });
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(refreshed.body.refresh_token).toEqual(expect.any(String));
    expect(refreshed.body.refresh_token).not.toBe(res.body.refresh_token);
    expect(refreshed.headers.get('set-cookie')).toBeNull();
  });

  it('refuses an unknown mode', async () => {
    const user = await registerUser(t);
    expectProblem(await login(t, user.email, user.password, { 'x-refresh-token-mode': 'jar' }), 400, 'request.validation_failed');
  });

  it('a body token with the header switches the session to cookie mode', async () => {
    const user = await registerUser(t);
    const res = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: user.refreshToken }, headers: COOKIE_MODE });
    expect(res.status, res.text).toBe(200);
    expect(res.body).not.toHaveProperty('refresh_token');
    expect((await withCsrf(jarFrom(res))).status).toBe(200);
  });
});

describe('refreshing from the cookie', () => {
  it('with the matching X-CSRF-Token: a new access token, and both cookies rotated', async () => {
    const { res: loggedIn, jar } = await cookieLogin();
    const res = await withCsrf(jar);
    expect(res.status, res.text).toBe(200);
    expect(res.body).not.toHaveProperty('refresh_token');
    expect(res.body.access_token).not.toBe(loggedIn.body.access_token);
    expect((await me(res.body.access_token)).status).toBe(200);
    const next = jarFrom(res);
    expect(next.refresh).not.toBe(jar.refresh);
    expect(next.csrf).not.toBe(jar.csrf);
    expect(setCookies(res).find((c) => c.name === 'sr_refresh')!.attributes['max-age']).toBe(String(REFRESH_TTL));
    // the rotated pair works in turn
    expect((await withCsrf(next)).status).toBe(200);
  });

  it('without X-CSRF-Token: 403 auth.csrf_failed, and the token is not spent', async () => {
    const { jar } = await cookieLogin();
    const res = await cookieRefresh(jar);
    expectProblem(res, 403, 'auth.csrf_failed');
    expect(setCookies(res)).toEqual([]);
    expect((await withCsrf(jar)).status).toBe(200);
  });

  it('with an X-CSRF-Token that does not match the cookie: 403', async () => {
    const { jar } = await cookieLogin();
    const other = (await cookieLogin()).jar;
    expectProblem(await cookieRefresh(jar, { 'x-csrf-token': other.csrf }), 403, 'auth.csrf_failed');
    expectProblem(await cookieRefresh(jar, { 'x-csrf-token': jar.csrf.slice(1) }), 403, 'auth.csrf_failed');
    expectProblem(await cookieRefresh(jar, { 'x-csrf-token': `${jar.csrf}x` }), 403, 'auth.csrf_failed');
    // an attacker who can set headers but not read cookies: header without the CSRF cookie
    expectProblem(await cookieRefresh({ refresh: jar.refresh }, { 'x-csrf-token': jar.csrf }), 403, 'auth.csrf_failed');
    expect((await withCsrf(jar)).status).toBe(200);
  });

  it('with a matching cookie/header pair that is not the session’s HMAC: 403 (a planted pair, another session’s token)', async () => {
    const { jar } = await cookieLogin();
    const other = (await cookieLogin()).jar;
    expect(jar.csrf).toBe(csrfTokenFor(t.config.masterKey, jar.refresh));
    // a page that can set cookies for the domain picks both halves of the pair
    const planted = 'p'.repeat(43);
    expectProblem(await cookieRefresh({ refresh: jar.refresh, csrf: planted }, { 'x-csrf-token': planted }), 403, 'auth.csrf_failed');
    // another session's valid CSRF token, as cookie and header
    expectProblem(await cookieRefresh({ refresh: jar.refresh, csrf: other.csrf }, { 'x-csrf-token': other.csrf }), 403, 'auth.csrf_failed');
    // an HMAC under another key (another instance's master key) does not fit either
    const foreign = csrfTokenFor(Buffer.alloc(32, 7), jar.refresh);
    expectProblem(await cookieRefresh({ refresh: jar.refresh, csrf: foreign }, { 'x-csrf-token': foreign }), 403, 'auth.csrf_failed');
    // none of them spent the token
    expect((await withCsrf(jar)).status).toBe(200);
    expect((await withCsrf(other)).status).toBe(200);
  });

  it('from a foreign Origin: 403, even with the right CSRF token', async () => {
    const { jar } = await cookieLogin();
    expectProblem(await withCsrf(jar, { origin: 'https://evil.example' }), 403, 'auth.csrf_failed');
    expectProblem(await withCsrf(jar, { origin: 'null' }), 403, 'auth.csrf_failed');
    // same host, other scheme: another origin
    expectProblem(await withCsrf(jar, { origin: 'http://app.example.test' }), 403, 'auth.csrf_failed');
    expect((await withCsrf(jar)).status).toBe(200);
  });

  it('from PUBLIC_URL’s origin or a CORS origin: 200', async () => {
    const { jar } = await cookieLogin();
    expect(t.config.publicUrl).toBe('http://localhost:8000');
    const fromPublic = await withCsrf(jar, { origin: 'http://localhost:8000' });
    expect(fromPublic.status, fromPublic.text).toBe(200);
    const fromApp = await withCsrf(jarFrom(fromPublic), { origin: APP_ORIGIN });
    expect(fromApp.status, fromApp.text).toBe(200);
  });

  it('without a cookie or a body token: 401 auth.invalid_refresh_token, and the cookies are expired', async () => {
    const res = await cookieRefresh({}, { 'x-csrf-token': 'anything' });
    expectProblem(res, 401, 'auth.invalid_refresh_token');
    expectCleared(res);
  });

  it('an unknown cookie token: 401, and the cookies are expired', async () => {
    // with the CSRF token that goes with it, as a browser holding a dead cookie has
    const res = await withCsrf({ refresh: 'x'.repeat(43), csrf: csrfTokenFor(t.config.masterKey, 'x'.repeat(43)) });
    expectProblem(res, 401, 'auth.invalid_refresh_token');
    expectCleared(res);
  });

  it('replaying a rotated cookie ends the session: the newest cookie and its access token die too', async () => {
    const { jar, userId } = await cookieLogin();
    const rotated = await withCsrf(jar);
    expect(rotated.status).toBe(200);
    const newest = jarFrom(rotated);

    const replay = await withCsrf(jar);
    expectProblem(replay, 401, 'auth.refresh_token_reused');
    expectCleared(replay);
    expectProblem(await withCsrf(newest), 401, 'auth.invalid_refresh_token');
    expectProblem(await me(rotated.body.access_token), 401, 'auth.session_revoked');
    const audit = await queryRows(t.database.handle.db, sql`select 1 from audit_logs where action = 'auth.refresh_token.reused' and actor_user_id = ${userId}`);
    expect(audit).toHaveLength(1);
  });

  it('two concurrent refreshes with one cookie: one wins, the other is a reuse', async () => {
    const { jar } = await cookieLogin();
    const results = await Promise.all([withCsrf(jar), withCsrf(jar)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });
});

describe('ending a cookie-mode session', () => {
  it('logout expires both cookies; the refresh cookie no longer works', async () => {
    const { res: loggedIn, jar } = await cookieLogin();
    const res = await t.request('POST', '/api/v1/auth/logout', { token: loggedIn.body.access_token, headers: { cookie: `sr_csrf=${jar.csrf}` } });
    expect(res.status).toBe(204);
    expectCleared(res);
    expectProblem(await withCsrf(jar), 401, 'auth.invalid_refresh_token');
  });

  it('logout-all expires both cookies', async () => {
    const { res: loggedIn, jar } = await cookieLogin();
    const res = await t.request('POST', '/api/v1/auth/logout-all', { token: loggedIn.body.access_token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sessions_ended: 2 }); // the registration's session and the cookie one
    expectCleared(res);
    expectProblem(await withCsrf(jar), 401, 'auth.invalid_refresh_token');
  });
});

describe('around cookie mode', () => {
  it('CORS preflights from an allowed origin may send X-CSRF-Token and X-Refresh-Token-Mode', async () => {
    const res = await t.request('OPTIONS', '/api/v1/auth/refresh', {
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token,x-refresh-token-mode' },
    });
    expect(res.status).toBeLessThan(300);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim());
    expect(allowed).toEqual(expect.arrayContaining(['x-csrf-token', 'x-refresh-token-mode']));
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('the OpenAPI document names the request headers, the cookies and Set-Cookie', async () => {
    const spec = (await t.request('GET', '/openapi.json')).body;
    const parameters = (path: string) =>
      (spec.paths[`/api/v1${path}`].post.parameters ?? []).map((p: { in: string; name: string; required: boolean }) => `${p.in}:${p.name}:${p.required}`);
    for (const path of ['/auth/register', '/auth/login', '/auth/login/2fa']) expect(parameters(path)).toEqual(['header:x-refresh-token-mode:false']);
    expect(parameters('/auth/refresh')).toEqual([
      'header:x-refresh-token-mode:false', 'header:x-csrf-token:false', 'cookie:sr_refresh:false', 'cookie:sr_csrf:false',
    ]);
    const setCookie = (path: string, status: string) => spec.paths[`/api/v1${path}`].post.responses[status].headers?.['set-cookie'];
    for (const [path, status] of [['/auth/register', '201'], ['/auth/login', '200'], ['/auth/login/2fa', '200'], ['/auth/refresh', '200'], ['/auth/refresh', '401'], ['/auth/logout', '204'], ['/auth/logout-all', '200']]) {
      expect(setCookie(path!, status!), `${path} ${status}`).toMatchObject({ schema: { type: 'string' }, description: expect.stringContaining('sr_refresh') });
    }
    expect(spec.paths['/api/v1/auth/refresh'].post.requestBody.content['application/json'].schema.required).toBeUndefined();
  });

  it('never logs the cookies or their values', async () => {
    const { jar } = await cookieLogin();
    const rotated = await withCsrf(jar);
    const next = jarFrom(rotated);
    await cookieRefresh(next); // a 403 is logged too
    const logs = t.logs.join('\n');
    for (const secret of [jar.refresh, jar.csrf, next.refresh, next.csrf]) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/sr_refresh=|sr_csrf=/);
  });

  it('the per-account refresh limit counts a cookie token like a body token', async () => {
    const limited = await startTestApp({ rateLimit: { perAccountPerMinute: 3 } });
    try {
      const user = await registerUser(limited);
      const res = await login(limited, user.email, user.password, COOKIE_MODE);
      const jar = jarFrom(res);
      const attempt = () => limited.request('POST', '/api/v1/auth/refresh', { body: {}, headers: { cookie: `sr_refresh=${jar.refresh}; sr_csrf=${jar.csrf}` } });
      for (let i = 0; i < 3; i++) expectProblem(await attempt(), 403, 'auth.csrf_failed');
      expectProblem(await attempt(), 429, 'request.rate_limited');
      // the same token from the body shares the bucket
      expectProblem(await limited.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: jar.refresh } }), 429, 'request.rate_limited');
    } finally {
      await limited.close();
    }
  });
});
