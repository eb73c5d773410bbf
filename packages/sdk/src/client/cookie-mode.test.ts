// The client in cookie mode against the real server (real HTTP, real database). Node has no browser
// cookie store, so a small jar stands in for one: the fetch given to the client stores what
// Set-Cookie says and sends back what a browser would (by name, path and expiry), and `document`
// is stubbed to show the cookies a page script may read — the HttpOnly refresh cookie is not among them.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { failure } from '../../test/helpers.js';
import { Keyring, startTestApp, STRONG_PASSWORD, uniqueEmail, type TestApp } from '@saasready/test-kit';
import { SaaSReady, SaaSReadyError, type Tokens } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
afterEach(() => {
  vi.unstubAllGlobals();
});

interface StoredCookie {
  value: string;
  path: string;
  httpOnly: boolean;
}

/** What the server saw of one request the jar sent. */
interface SentRequest {
  method: string;
  path: string;
  mode: string | null;
  csrf: string | null;
  cookie: string | null;
  body: string;
  /** the Request's credentials mode (a browser honours it; here it is only recorded) */
  credentials: RequestCredentials;
  status: number;
}

/** One browser's cookies for the server's origin, in miniature. */
class CookieJar {
  readonly cookies = new Map<string, StoredCookie>();
  readonly sent: SentRequest[] = [];

  /** The fetch to give the client: attaches matching cookies, stores Set-Cookie. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const cookie = [...this.cookies]
      .filter(([, c]) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const headers = new Headers(request.headers);
    if (cookie) headers.set('cookie', cookie);
    const body = request.body ? await request.text() : '';
    const entry: SentRequest = {
      method: request.method, path, mode: headers.get('x-refresh-token-mode'), csrf: headers.get('x-csrf-token'), cookie: cookie || null, body,
      credentials: request.credentials, status: 0,
    };
    this.sent.push(entry);
    const response = await fetch(request.url, { method: request.method, headers, ...(body ? { body } : {}) });
    entry.status = response.status;
    for (const line of response.headers.getSetCookie()) this.#store(line);
    return response;
  };

  #store(line: string) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    if (attr('max-age') === '0') {
      this.cookies.delete(name);
      return;
    }
    this.cookies.set(name, { value: pair.slice(eq + 1), path: attr('path') ?? '/', httpOnly: attributes.some((a) => a.toLowerCase() === 'httponly') });
  }

  /** `document.cookie` as a page script sees it: every cookie but the HttpOnly ones. */
  get documentCookie(): string {
    return [...this.cookies].filter(([, c]) => !c.httpOnly).map(([name, c]) => `${name}=${c.value}`).join('; ');
  }

  /** Requests to one path. */
  to(path: string): SentRequest[] {
    return this.sent.filter((r) => r.path === `/api/v1${path}`);
  }
}

/** A page of the dashboard: `document.cookie` reads the jar (the way the SDK finds the CSRF token by default). */
function stubDocument(jar: CookieJar) {
  vi.stubGlobal('document', {
    get cookie() {
      return jar.documentCookie;
    },
  });
}

const cookieClient = (jar: CookieJar, options: Partial<ConstructorParameters<typeof SaaSReady>[0]> = {}) =>
  new SaaSReady({ baseUrl: t.baseUrl, refreshTokenMode: 'cookie', fetch: jar.fetch, ...options });


/** A signed-up browser: its jar, and the client of the page that signed up. */
async function signedUp(name = 'Cookie Jane') {
  const jar = new CookieJar();
  stubDocument(jar);
  const seen: Tokens[] = [];
  const client = cookieClient(jar, { onTokens: (tokens) => void seen.push(tokens) });
  const session = await client.auth.register({ email: uniqueEmail('cookie'), password: STRONG_PASSWORD, full_name: name });
  return { jar, client, seen, session };
}

describe('cookie mode', () => {
  it('never holds a refresh token: the server keeps it in an HttpOnly cookie the page cannot read', async () => {
    const { jar, client, seen, session } = await signedUp();
    expect(session).not.toHaveProperty('refresh_token');
    expect(client.tokens).toEqual({ accessToken: (session as { access_token: string }).access_token, refreshToken: undefined });
    expect(seen).toEqual([{ accessToken: client.tokens.accessToken, refreshToken: undefined, expiresIn: t.config.accessTokenTtl }]);
    expect(jar.to('/auth/register')[0]).toMatchObject({ mode: 'cookie', credentials: 'include' });
    expect(jar.cookies.get('sr_refresh')).toMatchObject({ httpOnly: true, path: '/api/v1/auth/refresh' });
    expect(jar.cookies.get('sr_csrf')).toMatchObject({ httpOnly: false, path: '/' });
    expect(jar.documentCookie).not.toContain('sr_refresh');
  });

  it('a new page with the same cookies restores the session: one refresh from the cookie, echoing the CSRF cookie', async () => {
    const { jar, client } = await signedUp('Reloaded Jane');
    const csrfBefore = jar.cookies.get('sr_csrf')!.value;
    const refreshBefore = jar.cookies.get('sr_refresh')!.value;

    // the page reloads: the access token (kept in memory only) is gone, the cookies are not
    const page = cookieClient(jar);
    expect(page.tokens).toEqual({ accessToken: undefined, refreshToken: undefined });
    const [me, orgs] = await Promise.all([page.auth.me(), page.orgs.list()]);
    expect(me.full_name).toBe('Reloaded Jane');
    expect(orgs).toHaveLength(1);

    const refreshes = jar.to('/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toMatchObject({ status: 200, body: '{}', csrf: csrfBefore, mode: 'cookie' });
    expect(refreshes[0]!.cookie).toContain(`sr_refresh=${refreshBefore}`);
    // rotated: the old cookie is spent, and the client still holds no refresh token
    expect(jar.cookies.get('sr_refresh')!.value).not.toBe(refreshBefore);
    expect(jar.cookies.get('sr_csrf')!.value).not.toBe(csrfBefore);
    expect(page.tokens.refreshToken).toBeUndefined();
    expect(page.tokens.accessToken).not.toBe(client.tokens.accessToken);

    // an explicit refresh works from the rotated cookies too
    const again = await page.auth.refresh();
    expect(again).not.toHaveProperty('refresh_token');
    expect(page.tokens.accessToken).toBe(again.access_token);
    expect(jar.to('/auth/refresh').map((r) => r.status)).toEqual([200, 200]);
    // the first page's session is the same one, still alive
    expect((await client.auth.me()).full_name).toBe('Reloaded Jane');
  });

  it('a refresh without the CSRF token fails with 403 auth.csrf_failed, and spends nothing', async () => {
    const { jar } = await signedUp();
    vi.unstubAllGlobals(); // no document: nothing to read the CSRF cookie from
    const blind = cookieClient(jar);
    const err = await failure(blind.auth.me());
    expect(err).toMatchObject({ status: 403, code: 'auth.csrf_failed' });
    expect(jar.to('/auth/refresh')).toEqual([expect.objectContaining({ csrf: null, status: 403 })]);
    expect(jar.to('/auth/me')).toEqual([]);

    // a wrong token fares no better
    const wrong = cookieClient(jar, { csrfToken: () => 'A'.repeat(43) });
    expect(await failure(wrong.auth.refresh())).toMatchObject({ status: 403, code: 'auth.csrf_failed' });

    // the cookie was not spent: a page that can read the CSRF cookie still restores the session
    const page = cookieClient(jar, { csrfToken: () => jar.cookies.get('sr_csrf')?.value });
    expect((await page.auth.me()).email).toMatch(/^cookie-/);
  });

  it('refreshes an expired access token by itself, once for concurrent calls', async () => {
    const { jar, client } = await signedUp('Expiring Jane');
    const claims = JSON.parse(Buffer.from(client.tokens.accessToken!.split('.')[1]!, 'base64url').toString());
    const keyring = new Keyring(t.database.handle.db, {
      masterKey: t.config.masterKey, alg: t.config.jwtAlg, accessTokenTtl: t.config.accessTokenTtl, issuer: t.config.issuer, audience: t.config.audience,
    });
    await keyring.init();
    keyring.stop();
    const expired = await keyring.sign({ sub: claims.sub, sid: claims.sid, org_id: claims.org_id }, Math.floor(Date.now() / 1000) - t.config.accessTokenTtl - 30);

    const page = cookieClient(jar, { accessToken: expired });
    const results = await Promise.all(Array.from({ length: 5 }, () => page.auth.me()));
    expect(results.every((me) => me.full_name === 'Expiring Jane')).toBe(true);
    expect(jar.to('/auth/me').filter((r) => r.status === 401)).toHaveLength(5);
    expect(jar.to('/auth/refresh')).toEqual([expect.objectContaining({ status: 200, body: '{}' })]);
  });

  it('logout expires the cookies: the next page cannot restore the session', async () => {
    const { jar, client } = await signedUp();
    await client.auth.logout();
    expect(jar.cookies.has('sr_refresh')).toBe(false);
    expect(jar.cookies.has('sr_csrf')).toBe(false);
    const page = cookieClient(jar);
    expect(await failure(page.auth.me())).toMatchObject({ status: 401, code: 'auth.invalid_refresh_token' });
    expect(page.tokens).toEqual({ accessToken: undefined, refreshToken: undefined });
  });

  it('tabs that refresh at once take turns under the Web Locks API; without it, the second is a reuse that ends the session', async () => {
    // an exclusive lock by name, as navigator.locks.request grants it
    const queues = new Map<string, Promise<unknown>>();
    const locks = {
      request<T>(name: string, callback: () => Promise<T>): Promise<T> {
        const run = (queues.get(name) ?? Promise.resolve()).catch(() => {}).then(callback);
        queues.set(name, run);
        return run;
      },
    };
    const { jar } = await signedUp('Two Tabs');
    vi.stubGlobal('navigator', { locks });
    const [tabA, tabB] = [cookieClient(jar), cookieClient(jar)];
    const [a, b] = await Promise.all([tabA.auth.me(), tabB.auth.me()]);
    expect([a.full_name, b.full_name]).toEqual(['Two Tabs', 'Two Tabs']);
    expect(jar.to('/auth/refresh').map((r) => r.status)).toEqual([200, 200]);

    // the same race without the lock: both tabs present one cookie
    vi.stubGlobal('navigator', {});
    const [tabC, tabD] = [cookieClient(jar), cookieClient(jar)];
    const outcomes = await Promise.allSettled([tabC.auth.refresh(), tabD.auth.refresh()]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'auth.refresh_token_reused' });
  });

  it('refuses a refresh token or an API key alongside cookie mode, and an unknown mode', () => {
    expect(() => new SaaSReady({ baseUrl: t.baseUrl, refreshTokenMode: 'cookie', refreshToken: 'x' })).toThrow(TypeError);
    expect(() => new SaaSReady({ baseUrl: t.baseUrl, refreshTokenMode: 'cookie', apiKey: 'sr_x' })).toThrow(TypeError);
    expect(() => new SaaSReady({ baseUrl: t.baseUrl, refreshTokenMode: 'jar' as 'cookie' })).toThrow(TypeError);
    const client = new SaaSReady({ baseUrl: t.baseUrl, refreshTokenMode: 'cookie' });
    expect(() => client.setTokens({ refreshToken: 'x' })).toThrow(TypeError);
    client.setTokens({ accessToken: 'y' });
    expect(client.tokens).toEqual({ accessToken: 'y', refreshToken: undefined });
  });

  it('body mode is unchanged: no mode header, the refresh token in the body and held by the client', async () => {
    const jar = new CookieJar();
    const client = new SaaSReady({ baseUrl: t.baseUrl, fetch: jar.fetch });
    const session = await client.auth.register({ email: uniqueEmail('body'), password: STRONG_PASSWORD, full_name: 'Body Jane' });
    expect('refresh_token' in session && typeof session.refresh_token).toBe('string');
    expect(client.tokens.refreshToken).toBe((session as { refresh_token: string }).refresh_token);
    expect(jar.to('/auth/register')[0]).toMatchObject({ mode: null, credentials: 'same-origin' });
    expect(jar.cookies.size).toBe(0);
    await client.auth.refresh();
    expect(JSON.parse(jar.to('/auth/refresh')[0]!.body)).toEqual({ refresh_token: (session as { refresh_token: string }).refresh_token });
  });
});
