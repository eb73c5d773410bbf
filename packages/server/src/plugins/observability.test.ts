// Request ids, health and readiness, metrics, the OpenAPI document and docs UI, security headers,
// CORS, and logs that never carry a secret.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/client.js';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { createTestDatabase, testDbKind, type TestDatabase } from '../../test/helpers/db.js';
import { expectProblem, login, registerUser, type RegisteredUser } from '../../test/helpers/factories.js';

let t: TestApp;
let user: RegisteredUser;
beforeAll(async () => {
  t = await startTestApp();
  user = await registerUser(t);
});
afterAll(() => t.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The parsed log lines of one request. Polls: the "request completed" line may land just after the response. */
async function logLinesOf(app: TestApp, requestId: string, atLeast = 2) {
  let lines: Record<string, any>[] = [];
  await vi.waitFor(() => {
    lines = app.logs.map((line) => JSON.parse(line)).filter((entry) => entry.reqId === requestId);
    expect(lines.length).toBeGreaterThanOrEqual(atLeast);
  });
  return lines;
}

describe('X-Request-ID', () => {
  it('echoes a well-formed incoming id, logs every line of the request under it and puts it in problems', async () => {
    const id = `trace.${randomUUID()}:span-01`;
    const res = await t.request('GET', '/api/v1/auth/me', { headers: { 'x-request-id': id } });
    expectProblem(res, 401, 'auth.unauthenticated');
    expect(res.headers.get('x-request-id')).toBe(id);
    expect(res.body.request_id).toBe(id);
    const lines = await logLinesOf(t, id);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    expect(lines.find((l) => l.msg === 'request completed')?.res).toEqual({ statusCode: 401 });
  });

  it('accepts an id of exactly 128 characters', async () => {
    const id = 'a'.repeat(128);
    const res = await t.request('GET', '/healthz', { headers: { 'x-request-id': id } });
    expect(res.headers.get('x-request-id')).toBe(id);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'abc def'],
    ['with markup', '<script>alert(1)</script>'],
    ['with a newline-ish escape', 'abc%0d%0aSet-Cookie:x'],
    ['with a slash', 'a/b'],
  ])('replaces an id that is %s with a generated UUID, used everywhere', async (_name, bad) => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: {}, headers: { 'x-request-id': bad } });
    expectProblem(res, 400, 'request.validation_failed');
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    expect(res.body.request_id).toBe(id);
    await logLinesOf(t, id);
    expect(t.logs.some((line) => line.includes(bad))).toBe(false);
  });

  it('generates a fresh UUID for every request that brings none', async () => {
    const a = await t.request('GET', '/healthz');
    const b = await t.request('GET', '/healthz');
    expect(a.headers.get('x-request-id')).toMatch(UUID);
    expect(b.headers.get('x-request-id')).toMatch(UUID);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    await logLinesOf(t, a.headers.get('x-request-id')!);
  });
});

describe('health', () => {
  it('GET /healthz and /readyz answer 200 while the database is up', async () => {
    const health = await t.request('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await t.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok' });
  });

  describe('when the database is gone', () => {
    let down: TestApp;
    let base: TestDatabase | null = null;
    beforeAll(async () => {
      // the app's own connection, which the test closes; on PostgreSQL, to a database of its own
      base = testDbKind() === 'postgres' ? await createTestDatabase() : null;
      const handle = await openDatabase({ databaseUrl: base?.url, dataDir: 'memory://', poolMax: 2 });
      await handle.migrate();
      down = await startTestApp({}, { database: { handle, url: base?.url, drop: async () => {} } });
      expect((await down.request('GET', '/readyz')).status).toBe(200);
      await handle.close();
    });
    afterAll(async () => {
      await down?.close();
      await base?.drop();
    });

    it('GET /readyz is a 503 problem with Retry-After, and liveness stays 200', async () => {
      const ready = await down.request('GET', '/readyz');
      expectProblem(ready, 503, 'service.unavailable');
      expect(ready.headers.get('retry-after')).toBe('1');
      expect(ready.body.request_id).toBe(ready.headers.get('x-request-id'));
      const health = await down.request('GET', '/healthz');
      expect(health.status).toBe(200);
    });
  });
});

describe('GET /metrics', () => {
  const metricValue = (text: string, name: string, labels: Record<string, string>) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  };

  it('labels request durations by route template, never by raw URL', async () => {
    const sessionId = randomUUID();
    expect((await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
    expect((await t.request('DELETE', `/api/v1/auth/sessions/${sessionId}`, { token: user.accessToken })).status).toBe(404);
    expect((await t.request('GET', '/no-such-route-abc123xyz')).status).toBe(404);

    const res = await t.request('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(metricValue(res.text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/auth/me', status_code: '200' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(res.text, 'http_request_duration_seconds_count', { method: 'DELETE', route: '/api/v1/auth/sessions/:id', status_code: '404' })).toBe(1);
    expect(res.text).not.toContain(sessionId);
    expect(res.text).not.toContain('abc123xyz');
    // and the process metrics are there too
    expect(res.text).toContain('process_cpu_seconds_total');
  });

  it('counts a failed login as auth_attempts_total{kind="login",outcome="failure"}', async () => {
    const labels = { kind: 'login', outcome: 'failure' };
    const before = metricValue((await t.request('GET', '/metrics')).text, 'auth_attempts_total', labels);
    expectProblem(await login(t, user.email, 'not-the-password-1'), 401, 'auth.invalid_credentials');
    const after = (await t.request('GET', '/metrics')).text;
    expect(after).toMatch(/^auth_attempts_total\{kind="login",outcome="failure"\} \d+$/m);
    expect(metricValue(after, 'auth_attempts_total', labels)).toBe(before + 1);
  });
});

describe('GET /openapi.json', () => {
  let spec: any;
  beforeAll(async () => {
    const res = await t.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    spec = res.body;
  });

  const AUTH_OPERATIONS: Array<[string, string, string, boolean | 'optional']> = [
    // method, path, success status, has a JSON body ('optional': one whose fields are all optional)
    ['post', '/api/v1/auth/register', '201', true],
    ['post', '/api/v1/auth/login', '200', true],
    ['post', '/api/v1/auth/refresh', '200', 'optional'], // cookie mode sends {}
    ['get', '/api/v1/auth/me', '200', false],
    ['post', '/api/v1/auth/logout', '204', false],
    ['post', '/api/v1/auth/logout-all', '200', false],
    ['get', '/api/v1/auth/sessions', '200', false],
    ['delete', '/api/v1/auth/sessions/{id}', '204', false],
    ['post', '/api/v1/auth/password', '204', true],
  ];

  it('is OpenAPI 3.1.0 with a bearer scheme and the Problem schema', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info.title).toBe('SaaSReady API');
    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec.components.schemas.Problem).toMatchObject({ type: 'object', required: expect.arrayContaining(['type', 'title', 'status', 'code']) });
    expect(Object.keys(spec.components.schemas.Problem.properties)).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'code', 'request_id', 'errors']));
  });

  it('lists every auth operation under /api/v1/auth', () => {
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/v1/auth/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(expect.arrayContaining(AUTH_OPERATIONS.map(([method, path]) => `${method} ${path}`)));
  });

  it('documents every problem response of every operation as application/problem+json', () => {
    let problems = 0;
    for (const [path, operations] of Object.entries(spec.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses as Record<string, any>)) {
          const json = JSON.stringify(response.content ?? {});
          if (!json.includes('#/components/schemas/Problem')) continue;
          problems++;
          expect(Object.keys(response.content), `${method} ${path} ${status}`).toEqual(['application/problem+json']);
        }
      }
    }
    expect(problems).toBeGreaterThan(20);
  });

  it.each(AUTH_OPERATIONS)('documents %s %s with its schemas', (method, path, success, hasBody) => {
    const operation = spec.paths[path][method];
    if (hasBody) {
      const body = operation.requestBody.content['application/json'].schema;
      expect(body).toMatchObject({ type: 'object', additionalProperties: false });
      expect(Object.keys(body.properties).length).toBeGreaterThan(0);
      if (hasBody === 'optional') expect(body.required).toBeUndefined();
      else expect(body.required.length).toBeGreaterThan(0);
    } else {
      expect(operation.requestBody).toBeUndefined();
    }
    expect(Object.keys(operation.responses)).toContain(success);
    if (success !== '204') expect(operation.responses[success].content['application/json'].schema).toBeTruthy();
    const errors = Object.entries(operation.responses).filter(([status]) => status >= '400');
    expect(errors.map(([status]) => status)).toEqual(expect.arrayContaining(['400', '401', '429']));
    for (const [, response] of errors as Array<[string, any]>) {
      // problems are documented with the media type they are sent with
      expect(response.content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
    }
  });

  it('marks public operations as needing no credentials and leaves the rest to the bearer scheme', () => {
    expect(spec.security).toEqual([{ bearer: [] }]);
    expect(spec.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(spec.paths['/api/v1/auth/register'].post.security).toEqual([]);
    expect(spec.paths['/api/v1/auth/me'].get.security).toBeUndefined();
  });

  it('describes the register body field by field', () => {
    const body = spec.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema;
    expect(body.required.sort()).toEqual(['email', 'full_name', 'password']);
    expect(body.properties.password).toMatchObject({ type: 'string', minLength: 10, maxLength: 128 });
  });

  it('does not document internal routes (GET /metrics is documented, as a root path)', () => {
    for (const hidden of ['/openapi.json', '/docs', '/docs/json']) expect(spec.paths[hidden]).toBeUndefined();
  });

  it('serves a docs UI at /docs', async () => {
    const res = await t.request('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('<html');
  });
});

describe('security headers', () => {
  it.each([
    ['a success', '/healthz', 200],
    ['a problem', '/api/v1/auth/me', 401],
    ['a 404', '/nowhere', 404],
  ])('are set on %s', async (_name, path, status) => {
    const res = await t.request('GET', path);
    expect(res.status).toBe(status);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{6,}/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('CORS', () => {
  const APP = 'https://app.example.com';
  const EVIL = 'https://evil.example.com';
  let cors: TestApp;
  beforeAll(async () => {
    cors = await startTestApp({ corsOrigins: [APP], masterKey: t.config.masterKey }, { database: t.database });
  });
  afterAll(() => cors?.close());

  const preflight = (app: TestApp, origin: string) =>
    app.request('OPTIONS', '/api/v1/auth/me', {
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('allows a preflight from a listed origin, with credentials and the API headers', async () => {
    const res = await preflight(cors, APP);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives an unlisted origin no access-control-allow-origin', async () => {
    const res = await preflight(cors, EVIL);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await cors.request('GET', '/healthz', { headers: { origin: EVIL } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes the request id to a listed origin on actual requests', async () => {
    const res = await cors.request('GET', '/api/v1/auth/me', { token: user.accessToken, headers: { origin: APP } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('allows no origin at all when CORS_ORIGINS is empty, answering the preflight with a problem, not a 401', async () => {
    const res = await preflight(t, APP);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.status).not.toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('logs', () => {
  it('never contain a password, a token or an authorization header', async () => {
    const secrets: string[] = [];
    const fresh = await registerUser(t, { password: 'first-Secret-passphrase-71' });
    secrets.push(fresh.password, fresh.accessToken, fresh.refreshToken);

    const loggedIn = await login(t, fresh.email, fresh.password);
    expect(loggedIn.status).toBe(200);
    secrets.push(loggedIn.body.access_token, loggedIn.body.refresh_token);

    const refreshed = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: loggedIn.body.refresh_token } });
    expect(refreshed.status).toBe(200);
    secrets.push(refreshed.body.access_token, refreshed.body.refresh_token);

    // the same refresh token again: reuse detection (a logged security event)
    const reused = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: loggedIn.body.refresh_token } });
    expect(reused.status).toBe(401);

    const newPassword = 'second-Secret-passphrase-82';
    secrets.push(newPassword);
    const changed = await t.request('POST', '/api/v1/auth/password', {
      token: fresh.accessToken,
      body: { current_password: fresh.password, new_password: newPassword },
    });
    expect(changed.status, changed.text).toBe(204);

    const wrongGuess = 'wrong-Guess-passphrase-93';
    secrets.push(wrongGuess);
    expectProblem(await login(t, fresh.email, wrongGuess), 401, 'auth.invalid_credentials');

    // a password inside a body that fails validation, and a token in a query string
    const invalidBodyPassword = 'invalid-Body-passphrase-04';
    secrets.push(invalidBodyPassword);
    expectProblem(await t.request('POST', '/api/v1/auth/register', { body: { email: 'bad', password: invalidBodyPassword, extra: 1 } }), 400, 'request.validation_failed');
    const again = await login(t, fresh.email, newPassword);
    expect(again.status).toBe(200);
    secrets.push(again.body.access_token, again.body.refresh_token);
    const viaQuery = await t.request('GET', `/api/v1/auth/me?access_token=${again.body.access_token}`, { token: again.body.access_token });
    expect(viaQuery.status).toBe(200);
    expect((await t.request('POST', '/api/v1/auth/logout', { token: again.body.access_token })).status).toBe(204);

    // the requests were logged...
    await logLinesOf(t, viaQuery.headers.get('x-request-id')!);
    const urls = new Set(t.logs.map((line) => JSON.parse(line).req?.url).filter(Boolean));
    for (const path of ['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/password', '/api/v1/auth/me']) {
      expect(urls).toContain(path);
    }
    // ...and no line carries a secret, nor any part of an authorization header
    const all = t.logs.join('\n');
    for (const secret of secrets) {
      expect(all).not.toContain(secret);
      if (secret.includes('.')) for (const part of secret.split('.')) expect(all).not.toContain(part);
    }
    expect(all).not.toMatch(/bearer\s+ey/i);
    expect(all.toLowerCase()).not.toContain('"authorization"');
  });
});
