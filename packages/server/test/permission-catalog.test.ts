// Every authorization decision is in the route table (issue 19, item 3), and no decorative
// permission (issue 15, item 11): every key in the catalog gates something,
// `user.read` gates the member directory, and settings.read/settings.update left the catalog
// (migration 0012), without breaking the roles and API keys that held them.
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_KEYS, RESERVED_PERMISSIONS, SYSTEM_ROLES } from '@saasready/contracts';
import { queryRows } from '../src/db/client.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { addMember, createOrgWithMembers, expectProblem, registerUser, type OrgFixture } from './helpers/factories.js';

type RouteConfig = { permission?: string; fieldPermissions?: Record<string, string> } | undefined;
/** Every permission the route table asks for, by route or by body field: no service decides access. */
const declaredPermissions = () =>
  new Set(t.app.routeTable.flatMap((r) => { const c = r.config as RouteConfig; return [c?.permission, ...Object.values(c?.fieldPermissions ?? {})]; }).filter(Boolean));

let t: TestApp;
let f: OrgFixture;
beforeAll(async () => {
  t = await startTestApp();
  f = await createOrgWithMembers(t, 'Catalog Co');
});
afterAll(() => t?.close());

const members = (token: string) => t.request('GET', `/api/v1/orgs/${f.orgId}/members`, { token });

describe('the permission catalog', () => {
  it('holds no permission that gates nothing', () => {
    const declared = declaredPermissions();
    expect(PERMISSION_KEYS.filter((p) => !declared.has(p))).toEqual([]);
    expect(PERMISSION_KEYS).not.toContain('settings.read');
    expect(PERMISSION_KEYS).not.toContain('settings.update');
  });

  it('gives each permission name of the old README a meaning: it gates a route, or it is reserved and cannot be granted', async () => {
    const seedNames = ['org.read', 'org.update', 'org.delete', 'org.settings', 'user.read', 'user.invite', 'user.manage', 'user.create', 'user.update', 'user.delete', 'role.read', 'role.manage', 'audit.read', 'api_key.manage', 'settings.read', 'settings.update'];
    const declared = declaredPermissions();
    const reserved = seedNames.filter((p) => !declared.has(p));
    expect(reserved.sort()).toEqual(Object.keys(RESERVED_PERMISSIONS).sort());
    for (const key of reserved) expect(PERMISSION_KEYS).not.toContain(key as never);
    // asking for one says why and what to grant instead, for a role and for an API key
    const role = await t.request('POST', `/api/v1/orgs/${f.orgId}/roles`, { token: f.owner.accessToken, body: { name: 'Seed HR', permissions: ['user.read', 'user.create', 'user.delete'] } });
    expectProblem(role, 400, 'role.unknown_permission');
    expect(role.body.errors.map((e: { message: string }) => e.message)).toEqual([
      expect.stringMatching(/^"user\.create" is reserved and grants nothing: .*user\.invite/),
      expect.stringMatching(/^"user\.delete" is reserved and grants nothing: .*user\.manage/),
    ]);
    const key = await t.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'seed', permissions: ['settings.read'] } });
    expectProblem(key, 400, 'role.unknown_permission');
    expect(key.body.errors[0].message).toContain('org.read');
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}/roles`, { token: f.owner.accessToken })).body.map((r: { name: string }) => r.name)).not.toContain('Seed HR');
  });

  it('settings need org.settings in the route table: their own route, or the settings field of PATCH /orgs on top of org.update', async () => {
    const org = `/api/v1/orgs/${f.orgId}`;
    // Admin holds org.update, not org.settings: the other fields pass, settings do not, nor does the settings route
    expect((await t.request('PATCH', org, { token: f.admin.accessToken, body: { description: 'by the Admin' } })).status).toBe(200);
    const viaUpdate = await t.request('PATCH', org, { token: f.admin.accessToken, body: { description: 'sneaky', settings: { require_2fa: false } } });
    expectProblem(viaUpdate, 403, 'permission_denied');
    expect(viaUpdate.body.detail).toContain('org.settings');
    expectProblem(await t.request('PATCH', `${org}/settings`, { token: f.admin.accessToken, body: { require_2fa: false } }), 403, 'permission_denied');
    // a role with org.settings alone uses the settings route, and not PATCH /orgs
    const role = await t.request('POST', `${org}/roles`, { token: f.owner.accessToken, body: { name: 'Security officer', permissions: ['org.read', 'org.settings'] } });
    expect(role.status, role.text).toBe(201);
    const officer = await registerUser(t);
    await addMember(t, f.orgId, officer, 'Security officer');
    const set = await t.request('PATCH', `${org}/settings`, { token: officer.accessToken, body: { require_2fa: false } });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ id: f.orgId, settings: { require_2fa: false } });
    expectProblem(await t.request('PATCH', org, { token: officer.accessToken, body: { settings: { require_2fa: false } } }), 403, 'permission_denied');
    expectProblem(await t.request('PATCH', `${org}/settings`, { token: officer.accessToken, body: {} }), 400, 'request.validation_failed');
    // an API key never changes settings, whatever it holds
    const key = await t.request('POST', `${org}/api-keys`, { token: f.owner.accessToken, body: { name: 'updater', permissions: ['org.read', 'org.update'] } });
    expect(key.status, key.text).toBe(201);
    expect((await t.request('PATCH', org, { token: key.body.raw_key, body: { description: 'by a key' } })).status).toBe(200);
    expectProblem(await t.request('PATCH', org, { token: key.body.raw_key, body: { settings: { require_2fa: false } } }), 403, 'api_key.forbidden');
    expectProblem(await t.request('PATCH', `${org}/settings`, { token: key.body.raw_key, body: { require_2fa: false } }), 403, 'api_key.forbidden');
  });

  it('GET /api-keys/me is for API keys alone, by its access kind: a person gets 403, nobody 401', async () => {
    const route = t.app.routeTable.find((r) => r.url === '/api/v1/api-keys/me' && r.method === 'GET');
    expect(route?.config).toMatchObject({ apiKeyOnly: true });
    expectProblem(await t.request('GET', '/api/v1/api-keys/me', { token: f.owner.accessToken }), 403, 'permission_denied');
    expectProblem(await t.request('GET', '/api/v1/api-keys/me'), 401, 'auth.unauthenticated');
    const key = await t.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'introspect', permissions: ['org.read'] } });
    const me = await t.request('GET', '/api/v1/api-keys/me', { token: key.body.raw_key });
    expect(me.status, me.text).toBe(200);
    expect(me.body).toEqual({ id: key.body.id, organization_id: f.orgId, name: 'introspect', permissions: ['org.read'] });
  });

  it('user.read gates the member directory: a role without it gets 403, the system roles that hold it keep access', async () => {
    expect(SYSTEM_ROLES.Viewer).not.toContain('user.read');
    expectProblem(await members(f.viewer.accessToken), 403, 'permission_denied');
    for (const user of [f.owner, f.admin, f.member]) expect((await members(user.accessToken)).status).toBe(200);
    // a custom role: org.read alone is not enough, with user.read it is
    const role = await t.request('POST', `/api/v1/orgs/${f.orgId}/roles`, { token: f.owner.accessToken, body: { name: 'Directory', permissions: ['org.read'] } });
    expect(role.status, role.text).toBe(201);
    const custom = await registerUser(t);
    await addMember(t, f.orgId, custom, 'Directory');
    const refused = await members(custom.accessToken);
    expectProblem(refused, 403, 'permission_denied');
    expect(refused.text).not.toContain(f.owner.email);
    const widened = await t.request('PATCH', `/api/v1/orgs/${f.orgId}/roles/${role.body.id}`, { token: f.owner.accessToken, body: { permissions: ['org.read', 'user.read'] } });
    expect(widened.status, widened.text).toBe(200);
    expect((await members(custom.accessToken)).status).toBe(200);
    // the organization itself stays visible with org.read
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: f.viewer.accessToken })).status).toBe(200);
  });

  it('settings.read and settings.update are gone: refused for new roles and keys, removed from old ones, whose keys keep working', async () => {
    const listed = await t.request('GET', '/api/v1/permissions', { token: f.owner.accessToken });
    expect(listed.status, listed.text).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain('settings.read');
    expectProblem(await t.request('POST', `/api/v1/orgs/${f.orgId}/roles`, { token: f.owner.accessToken, body: { name: 'Old', permissions: ['settings.read'] } }), 400, 'role.unknown_permission');
    const refusedKey = await t.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'old', permissions: ['settings.update'] } });
    expect(refusedKey.status, refusedKey.text).toBe(400);

    // a database from before 0012: a role and a key hold the retired permissions
    const db = t.database.handle.db;
    const key = await t.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'legacy', permissions: ['org.read'] } });
    expect(key.status, key.text).toBe(201);
    await db.execute(sql`insert into permissions (key, description) values ('settings.read', 'Read organization settings'), ('settings.update', 'Change organization settings') on conflict do nothing`);
    // the system Admin's permissions are the instance's rows (organization null, migration 0024)
    await db.execute(sql`insert into role_permissions (organization_id, role_id, permission) values (null, ${f.roles.Admin}, 'settings.read'), (null, ${f.roles.Admin}, 'settings.update')`);
    await db.execute(sql`insert into api_key_permissions (organization_id, api_key_id, permission) values (${f.orgId}, ${key.body.id}, 'settings.read')`);
    const migration = await readFile(new URL('../drizzle/0012_settings_permissions_and_audit_checkpoints.sql', import.meta.url), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint').filter((s) => /^\s*(--.*\n\s*)*(DELETE|UPDATE)/.test(s))) await db.execute(sql.raw(statement));

    const left = await queryRows<{ n: number }>(db, sql`select
      (select count(*) from permissions where key like 'settings.%') + (select count(*) from role_permissions where permission like 'settings.%')
      + (select count(*) from api_key_permissions where permission like 'settings.%') as n`);
    expect(Number(left[0]!.n)).toBe(0);
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: key.body.raw_key })).status).toBe(200);
    expect((await members(f.admin.accessToken)).status).toBe(200);
  });
});
