// The boot guard (default deny): every route declares one access kind (ACCESS_KINDS), and a
// response schema, or the server refuses to start. Then a walk over every route of the real app.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import diagnostics from 'node:diagnostics_channel';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp } from '../app.js';
import { ACCESS_KINDS, routeDeclarationProblem } from './authorize.js';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { expectProblem } from '../../test/helpers/factories.js';

const response = { 200: Type.Object({ ok: Type.Boolean() }) };
const handler = async () => ({ ok: true });

describe('routeDeclarationProblem', () => {
  it.each([
    ['public', { public: true }],
    ['authenticated', { authenticated: true }],
    ['a permission with :org_id', { permission: 'org.read' }],
  ] as const)('accepts a route that is %s and has a response schema', (_name, config) => {
    expect(routeDeclarationProblem({ url: '/orgs/:org_id/things', config, schema: { response } })).toBeNull();
  });

  it.each([
    ['nothing', {}, /exactly one/],
    ['public and authenticated', { public: true, authenticated: true }, /exactly one/],
    ['authenticated and a permission', { authenticated: true, permission: 'org.read' }, /exactly one/],
  ] as const)('refuses a route that declares %s', (_name, config, problem) => {
    expect(routeDeclarationProblem({ url: '/orgs/:org_id/things', config, schema: { response } })).toMatch(problem);
  });

  it('is what docs/architecture.md lists: every access kind, in its table', async () => {
    const doc = await readFile(new URL('../../../../docs/architecture.md', import.meta.url), 'utf8');
    for (const kind of ACCESS_KINDS) expect(doc, kind).toMatch(new RegExp(`^\\| \`${kind}\` \\|`, 'm'));
    expect(doc).toContain('preValidation authorize');
  });

  it('refuses fieldPermissions on a route that names no permission', () => {
    expect(routeDeclarationProblem({ url: '/orgs/:org_id', config: { member: true, fieldPermissions: { settings: 'org.settings' } }, schema: { response } })).toMatch(/fieldPermissions/);
    expect(routeDeclarationProblem({ url: '/orgs/:org_id', config: { permission: 'org.update', fieldPermissions: { settings: 'org.settings' } }, schema: { response } })).toBeNull();
  });

  it('refuses a route without any config', () => {
    expect(routeDeclarationProblem({ url: '/x', schema: { response } })).toMatch(/exactly one/);
  });

  it('refuses a permission on a path without :org_id', () => {
    expect(routeDeclarationProblem({ url: '/things/:id', config: { permission: 'org.read' }, schema: { response } })).toMatch(/has no :org_id/);
  });

  it('refuses a route without a response schema unless it is a library route marked internal', () => {
    expect(routeDeclarationProblem({ url: '/x', config: { public: true }, schema: {} })).toMatch(/no response schema/);
    expect(routeDeclarationProblem({ url: '/x', config: { public: true } })).toMatch(/no response schema/);
    expect(routeDeclarationProblem({ url: '/x', config: { public: true, internal: true } })).toBeNull();
  });
});

describe('the boot guard on a real app', () => {
  let t: TestApp;
  const extraApps: FastifyInstance[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const app of extraApps) await app.close().catch(() => {});
    await t.close();
  });

  /** A second app on the same database, before ready(): routes can still be added to it. */
  async function freshApp(): Promise<FastifyInstance> {
    const app = await buildApp(t.config, {
      database: t.database.handle,
      migrate: false,
      logStream: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
    });
    extraApps.push(app);
    return app;
  }

  it('refuses to start when a route declares no access (default deny)', async () => {
    const app = await freshApp();
    app.get('/undeclared', { schema: { response } }, handler);
    await expect(app.ready()).rejects.toThrow(/Refusing to start[\s\S]*GET \/undeclared must declare exactly one of config\.public/);
  });

  it('refuses an undeclared route hidden inside an encapsulated plugin with a prefix', async () => {
    const app = await freshApp();
    await app.register(
      async (child) => {
        child.post('/hidden', { schema: { response } }, handler);
      },
      { prefix: '/api/v1/nested' },
    );
    await expect(app.ready()).rejects.toThrow(/POST \/api\/v1\/nested\/hidden must declare exactly one/);
  });

  it('refuses a permission route without :org_id in its path', async () => {
    const app = await freshApp();
    app.get('/things/:id', { config: { permission: 'org.read' }, schema: { response } }, handler);
    await expect(app.ready()).rejects.toThrow(/GET \/things\/:id .*has no :org_id path parameter/);
  });

  it('refuses a route without a response schema', async () => {
    const app = await freshApp();
    app.get('/no-schema', { config: { authenticated: true } }, handler);
    await expect(app.ready()).rejects.toThrow(/GET \/no-schema declares no response schema/);
  });

  it('lists every offending route at once', async () => {
    const app = await freshApp();
    app.get('/first', { schema: { response } }, handler);
    app.delete('/second', { config: { public: true } }, handler);
    const error = await app.ready().then(
      () => null,
      (err: Error) => err,
    );
    expect(error?.message).toMatch(/GET \/first must declare exactly one/);
    expect(error?.message).toMatch(/DELETE \/second declares no response schema/);
  });

  it('starts with a well-declared extra route, and enforces its declaration at request time', async () => {
    const app = await freshApp();
    app.get('/declared', { config: { authenticated: true }, schema: { response } }, handler);
    app.get('/orgs/:org_id/declared', { config: { permission: 'org.read' }, schema: { response } }, handler);
    await app.ready();
    const anonymous = await app.inject({ method: 'GET', url: '/declared' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.unauthenticated' });
    const bogus = await app.inject({ method: 'GET', url: `/orgs/${randomUUID()}/declared`, headers: { authorization: 'Bearer x.y.z' } });
    expect(bogus.statusCode).toBe(401);
    expect(bogus.json()).toMatchObject({ code: 'auth.invalid_token' });
  });
});

describe('every route of the real app', () => {
  // Fastify announces each new instance on this diagnostics channel before any plugin runs, so an
  // onRoute hook added here sees every route, including those registered before the guard's own hook.
  const routes: RouteOptions[] = [];
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route) => {
      routes.push(route);
    });
  };
  let t: TestApp;
  beforeAll(async () => {
    diagnostics.subscribe('fastify.initialization', onInit);
    try {
      t = await startTestApp();
    } finally {
      diagnostics.unsubscribe('fastify.initialization', onInit);
    }
  });
  afterAll(() => t.close());

  const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);
  const label = (route: RouteOptions) => `${methodsOf(route).join(',')} ${route.url}`;
  /** A concrete URL for a route template (ids filled in). */
  const concrete = (url: string) => (url === '*' ? '/anything' : url.replace(/:[a-z_]+/g, () => randomUUID()).replace(/\*$/, 'anything'));

  it('saw every registered route', () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      for (const method of methodsOf(route)) expect(t.app.findRoute({ method, url: concrete(route.url!) }), `${method} ${route.url}`).not.toBeNull();
    }
    const pairs = routes.flatMap((r) => methodsOf(r).map((method) => `${method} ${r.url}`));
    for (const expected of ['GET /api/v1/auth/me', 'DELETE /api/v1/auth/sessions/:id', 'GET /metrics', 'GET /openapi.json', 'GET /docs/', 'OPTIONS *']) {
      expect(pairs).toContain(expected);
    }
  });

  it('has no route without a valid access declaration', () => {
    const problems = routes.map((route) => [label(route), routeDeclarationProblem(route as RouteOptions & { url: string })]).filter(([, problem]) => problem);
    expect(problems).toEqual([]);
  });

  it('keeps public routes off organization and admin surfaces', () => {
    const publicRoutes = routes.filter((r) => r.config?.public && !r.config.internal && !methodsOf(r).includes('HEAD'));
    expect(publicRoutes.map(label)).toEqual(
      expect.arrayContaining([
        'GET /.well-known/jwks.json',
        'GET /healthz',
        'GET /readyz',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/refresh',
        'POST /api/v1/auth/register',
      ]),
    );
    // none of the session-bearing auth routes is public
    for (const url of ['/api/v1/auth/me', '/api/v1/auth/logout', '/api/v1/auth/logout-all', '/api/v1/auth/sessions', '/api/v1/auth/password']) {
      expect(publicRoutes.map((r) => r.url)).not.toContain(url);
    }
    for (const route of publicRoutes) {
      expect(route.url, label(route)).not.toMatch(/:org_id|\/admin(\/|$)/);
    }
    // routes exempt from the response-schema rule are only the docs, the spec, metrics, CORS and the
    // dashboard's HTML pages and files (none under /api)
    const internal = routes.filter((r) => r.config?.internal);
    const dashboardPage = /^\/($|login$|signup$|forgot-password$|reset-password$|verify-email$|accept-invite$|account$|dev\/mailbox$|orgs\/\*$|admin\/\*$|assets\/\*$)/;
    for (const route of internal) {
      const url = route.url!;
      expect(url === '/metrics' || url === '/openapi.json' || url === '*' || url.startsWith('/docs') || dashboardPage.test(url), label(route)).toBe(true);
      expect(url, label(route)).not.toMatch(/^\/api\//);
    }
  });

  it('answers 401 without credentials on every route that is not public', async () => {
    const guarded = routes.filter((r) => !r.config?.public);
    expect(guarded.length).toBeGreaterThan(5);
    for (const route of guarded) {
      for (const method of methodsOf(route)) {
        const res = await t.request(method, concrete(route.url!));
        if (method === 'HEAD') {
          expect(res.status, `${method} ${route.url}`).toBe(401);
        } else if (route.config?.directory) {
          // SCIM answers in its own error format (docs/scim.md)
          expect(res.status, `${method} ${route.url}`).toBe(401);
          expect(res.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
        } else {
          expectProblem(res, 401, 'auth.unauthenticated');
        }
      }
    }
  });

  it('documents every non-internal route in /openapi.json, and nothing else', async () => {
    const spec = await t.request('GET', '/openapi.json');
    expect(spec.status).toBe(200);
    const documented = Object.entries(spec.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{([a-z_]+)\}/g, ':$1')}`))
      .sort();
    const expected = routes
      .filter((r) => !r.config?.internal && !methodsOf(r).includes('HEAD') && !(r.schema as { hide?: boolean } | undefined)?.hide)
      .map(label)
      .sort();
    expect(documented).toEqual(expected);
  });
});
