// Walks the route table: every organization-scoped route, present and future, is checked here.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteOptions } from 'fastify';
import { PERMISSION_KEYS, SYSTEM_ROLES, USER_ONLY_PERMISSIONS } from '@saasready/contracts';
import { startTestApp, type TestApp } from './helpers/app.js';
import { addMember, addVerifiedDomain, createOrgWithMembers, expectProblem, registerUser, type OrgFixture, type RegisteredUser, type SystemRole } from './helpers/factories.js';

let t: TestApp;
let victim: OrgFixture;
let outsider: RegisteredUser;
let powerless: RegisteredUser;
let orgRoutes: RouteOptions[];
let nothingRoleId: string;

beforeAll(async () => {
  t = await startTestApp();
  victim = await createOrgWithMembers(t, 'Victim Corp');
  outsider = (await createOrgWithMembers(t, 'Outsider Inc')).owner; // Owner of another organization
  // a member whose custom role holds no permission at all
  const nothing = await t.request('POST', `/api/v1/orgs/${victim.orgId}/roles`, { token: victim.owner.accessToken, body: { name: 'Nothing', permissions: [] } });
  expect(nothing.status, nothing.text).toBe(201);
  nothingRoleId = nothing.body.id;
  powerless = await registerUser(t, { fullName: 'Powerless Person' });
  await addMember(t, victim.orgId, powerless, 'Nothing');
  orgRoutes = t.app.routeTable.filter((r) => r.url.includes(':org_id') && r.method !== 'HEAD');
});
afterAll(() => t.close());

/** A concrete path for the route, pointing at the victim's real resources. */
function pathFor(route: RouteOptions, orgId = victim.orgId): string {
  return route.url
    .replace(':org_id', orgId)
    .replace(':membership_id', victim.memberships.Member)
    .replace(':role_id', victim.roles.Viewer)
    .replace(/:[a-z_]+/g, randomUUID());
}

const methodOf = (route: RouteOptions) => String(route.method);
const victimSecrets = () => [victim.orgId, victim.owner.email, victim.member.email, victim.memberships.Member, 'Victim Corp'];

/** The body minus `instance` (which only echoes the path the caller sent) names nothing of the victim's. */
function expectNoVictimData(body: unknown) {
  const text = JSON.stringify({ ...(body as object), instance: undefined });
  for (const secret of victimSecrets()) expect(text).not.toContain(secret);
}

describe('tenant isolation over every organization-scoped route', () => {
  it('finds the organization-scoped routes in the route table', () => {
    const urls = orgRoutes.map((r) => `${methodOf(r)} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(['GET /api/v1/orgs/:org_id', 'GET /api/v1/orgs/:org_id/members', 'PATCH /api/v1/orgs/:org_id/members/:membership_id/role', 'DELETE /api/v1/orgs/:org_id/roles/:role_id',
      'POST /api/v1/orgs/:org_id/webhooks', 'PATCH /api/v1/orgs/:org_id/webhooks/:webhook_id', 'POST /api/v1/orgs/:org_id/webhooks/:webhook_id/deliveries/:delivery_id/retry',
      'POST /api/v1/orgs/:org_id/sso/connections', 'PATCH /api/v1/orgs/:org_id/sso/connections/:connection_id', 'POST /api/v1/orgs/:org_id/domains/:domain_id/verify', 'DELETE /api/v1/orgs/:org_id/domains/:domain_id']));
    expect(orgRoutes.length).toBeGreaterThanOrEqual(12);
  });

  it('answers a member of another organization 404 on every route, with no data', async () => {
    for (const route of orgRoutes) {
      const res = await t.request(methodOf(route), pathFor(route), { token: outsider.accessToken, body: {} });
      expectProblem(res, 404, 'organization.not_found');
      expectNoVictimData(res.body);
    }
  });

  it('answers exactly like for an organization that does not exist', async () => {
    for (const route of orgRoutes) {
      const missing = await t.request(methodOf(route), pathFor(route, randomUUID()), { token: outsider.accessToken, body: {} });
      const foreign = await t.request(methodOf(route), pathFor(route), { token: outsider.accessToken, body: {} });
      expect([missing.status, missing.body.code]).toEqual([foreign.status, foreign.body.code]);
      expect(missing.body.title).toBe(foreign.body.title);
    }
  });

  it('answers a suspended member 403 membership.suspended on every route, with no data', async () => {
    for (const route of orgRoutes) {
      const res = await t.request(methodOf(route), pathFor(route), { token: victim.suspended.accessToken, body: {} });
      expectProblem(res, 403, 'membership.suspended');
      expectNoVictimData(res.body);
    }
  });

  it('answers a member lacking the permission 403 permission_denied on every permission route', async () => {
    const permissionRoutes = orgRoutes.filter((r) => r.config?.permission);
    expect(permissionRoutes.length).toBeGreaterThan(0);
    for (const route of permissionRoutes) {
      const res = await t.request(methodOf(route), pathFor(route), { token: powerless.accessToken, body: {} });
      expectProblem(res, 403, 'permission_denied');
      expect(res.body.detail).toContain(route.config!.permission);
      expectNoVictimData(res.body);
    }
  });

  it('answers anonymous callers 401 on every route', async () => {
    for (const route of orgRoutes) expectProblem(await t.request(methodOf(route), pathFor(route), { body: {} }), 401, 'auth.unauthenticated');
  });

  it('refuses a malformed organization id as not found, never 500', async () => {
    for (const route of orgRoutes) {
      const res = await t.request(methodOf(route), pathFor(route).replace(victim.orgId, "1' or '1'='1"), { token: victim.owner.accessToken, body: {} });
      expect(res.status).toBeLessThan(500);
    }
  });
});

describe('SCIM routes (directory tokens)', () => {
  it('gives another organization’s directory token nothing of the victim’s on any SCIM route, and no API key or session reaches them', async () => {
    const directoryOf = async (orgId: string, token: string) => {
      const res = await t.request('POST', `/api/v1/orgs/${orgId}/directories`, { token, body: { name: 'walk' } });
      expect(res.status, res.text).toBe(201);
      return res.body.token as string;
    };
    const victimToken = await directoryOf(victim.orgId, victim.owner.accessToken);
    const outsiderToken = await directoryOf(outsider.orgId, outsider.accessToken);
    const scimJson = { 'content-type': 'application/scim+json' };
    await addVerifiedDomain(t, victim.orgId, 'victim.test');
    const user = await t.request('POST', '/scim/v2/Users', { token: victimToken, headers: scimJson, body: { userName: 'walked@victim.test' } });
    const group = await t.request('POST', '/scim/v2/Groups', { token: victimToken, headers: scimJson, body: { displayName: 'Victim Group', members: [{ value: user.body.id }] } });
    expect([user.status, group.status]).toEqual([201, 201]);
    const scimRoutes = t.app.routeTable.filter((r) => r.config?.directory && r.method !== 'HEAD');
    expect(scimRoutes.length).toBeGreaterThanOrEqual(15);
    const key = await t.request('POST', `/api/v1/orgs/${victim.orgId}/api-keys`, { token: victim.owner.accessToken, body: { name: 'scim walk', permissions: ['org.read'] } });
    for (const route of scimRoutes) {
      const path = route.url.replace(':id', route.url.startsWith('/scim/v2/Groups') ? group.body.id : user.body.id);
      const body = route.url.includes('Groups') ? { displayName: 'Stolen', Operations: [{ op: 'replace', path: 'displayName', value: 'Stolen' }] } : { userName: 'stolen@victim.test', Operations: [{ op: 'replace', path: 'active', value: false }] };
      const res = await t.request(methodOf(route), path, { token: outsiderToken, headers: scimJson, body });
      if (route.url.includes(':id')) expect(res.status, `${methodOf(route)} ${route.url}`).toBe(404);
      expect(res.text, `${methodOf(route)} ${route.url}`).not.toContain('walked@victim.test');
      expect(res.text).not.toContain('Victim Group');
      for (const token of [victim.owner.accessToken, key.body.raw_key as string]) expect((await t.request(methodOf(route), path, { token, headers: scimJson, body })).status).toBe(401);
    }
    const still = await t.request('GET', `/scim/v2/Users/${user.body.id}`, { token: victimToken });
    expect(still.body).toMatchObject({ userName: 'walked@victim.test', active: true, groups: [{ display: 'Victim Group' }] });
  });
});

describe('API keys whose creator lost access', () => {
  it('refuses, on every organization-scoped route, a key whose creator was demoted (403) or removed (401): never 2xx', async () => {
    const everything = PERMISSION_KEYS.filter((p) => !USER_ONLY_PERMISSIONS.has(p));
    const keyOf = async () => {
      const creator = await registerUser(t);
      const membershipId = await addMember(t, victim.orgId, creator, 'Owner');
      const key = await t.request('POST', `/api/v1/orgs/${victim.orgId}/api-keys`, { token: creator.accessToken, body: { name: 'walk', permissions: everything } });
      expect(key.status, key.text).toBe(201);
      expect((await t.request('GET', `/api/v1/orgs/${victim.orgId}`, { token: key.body.raw_key })).status).toBe(200);
      return { membershipId, rawKey: key.body.raw_key as string };
    };
    const demoted = await keyOf();
    const removed = await keyOf();
    const owner = victim.owner.accessToken;
    expect((await t.request('PATCH', `/api/v1/orgs/${victim.orgId}/members/${demoted.membershipId}/role`, { token: owner, body: { role_id: nothingRoleId } })).status).toBe(200);
    expect((await t.request('DELETE', `/api/v1/orgs/${victim.orgId}/members/${removed.membershipId}`, { token: owner })).status).toBe(204);
    // a body that passes where one is read (the permission check runs before validation anyway)
    const body = { permissions: everything };
    for (const route of orgRoutes) {
      const byDemoted = await t.request(methodOf(route), pathFor(route), { token: demoted.rawKey, body });
      if (route.config?.permission || byDemoted.status !== 200) {
        expect(byDemoted.status, `${methodOf(route)} ${route.url}`).toBe(403);
        expect(['permission_denied', 'api_key.forbidden']).toContain(byDemoted.body.code);
      } else {
        // a member route open to keys (POST …/authorize) answers, and grants nothing
        expect(byDemoted.body.allowed, route.url).toBe(false);
        expect(Object.values(byDemoted.body.permissions).some(Boolean), route.url).toBe(false);
      }
      expectProblem(await t.request(methodOf(route), pathFor(route), { token: removed.rawKey, body }), 401, 'api_key.creator_inactive');
    }
  });
});

describe('role × route matrix for the system roles', () => {
  it('allows exactly what each system role’s permissions say', async () => {
    const fixture = await createOrgWithMembers(t, 'Matrix Co');
    const tokens: Record<SystemRole, string> = {
      Owner: fixture.owner.accessToken,
      Admin: fixture.admin.accessToken,
      Member: fixture.member.accessToken,
      Viewer: fixture.viewer.accessToken,
    };
    // deleting the organization must come last
    const routes = [...orgRoutes.filter((r) => r.config?.permission)].sort((a, b) => Number(a.url === '/api/v1/orgs/:org_id' && methodOf(a) === 'DELETE') - Number(b.url === '/api/v1/orgs/:org_id' && methodOf(b) === 'DELETE'));
    const matrix: string[] = [];
    for (const route of routes) {
      for (const role of ['Viewer', 'Member', 'Admin', 'Owner'] as SystemRole[]) {
        const allowed = (SYSTEM_ROLES[role] as readonly string[]).includes(route.config!.permission!);
        // unknown target ids and empty bodies: an allowed call passes the guard and fails later (400/404), or succeeds
        const path = route.url.replace(':org_id', fixture.orgId).replace(/:[a-z_]+/g, randomUUID());
        const res = await t.request(methodOf(route), path, { token: tokens[role], body: {} });
        const denied = res.status === 403 && res.body.code === 'permission_denied';
        matrix.push(`${role.padEnd(6)} ${methodOf(route)} ${route.url} → ${res.status} ${res.body?.code ?? ''}`);
        expect(denied, matrix[matrix.length - 1]).toBe(!allowed);
        expect(res.status, matrix[matrix.length - 1]).toBeLessThan(500);
        if (allowed) expect(res.body?.code).not.toBe('organization.not_found');
      }
    }
  });
});

describe('the superuser routes (/admin), which take any organization or user id', () => {
  it('are superuser-only in the route table, and refuse the organization’s own Owner 403 with no data, writing no audit row', async () => {
    const adminRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/admin') && r.method !== 'HEAD');
    expect(adminRoutes.map((r) => `${methodOf(r)} ${r.url}`)).toEqual(expect.arrayContaining([
      'GET /api/v1/admin/organizations/:id', 'GET /api/v1/admin/organizations/:id/members', 'GET /api/v1/admin/organizations/:id/audit-logs',
      'GET /api/v1/admin/users/:id', 'PATCH /api/v1/admin/users/:id', 'DELETE /api/v1/admin/users/:id/sessions/:session_id', 'GET /api/v1/admin/overview',
    ]));
    const before = (await t.request('GET', `/api/v1/audit/orgs/${victim.orgId}/logs?limit=200`, { token: victim.owner.accessToken })).body.length;
    for (const route of adminRoutes) {
      expect(route.config?.superuser, `${methodOf(route)} ${route.url}`).toBe(true);
      // the victim's organization (or its Owner as the user) named in the path
      const path = route.url.replace(':id', route.url.includes('/users') ? victim.member.userId : victim.orgId).replace(/:[a-z_]+/g, randomUUID());
      const res = await t.request(methodOf(route), path, { token: victim.owner.accessToken, body: {} });
      expectProblem(res, 403, 'permission_denied');
      expectNoVictimData(res.body);
    }
    expect((await t.request('GET', `/api/v1/audit/orgs/${victim.orgId}/logs?limit=200`, { token: victim.owner.accessToken })).body.length).toBe(before);
  });
});
