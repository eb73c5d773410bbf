// No decorative permission (issue 15, item 11): every key in the catalog gates something,
// `user.read` gates the member directory, and settings.read/settings.update left the catalog
// (migration 0012), without breaking the roles and API keys that held them.
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_KEYS, RESERVED_PERMISSIONS, SYSTEM_ROLES } from '@saasready/contracts';
import { queryRows } from '../src/db/client.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { addMember, createOrgWithMembers, expectProblem, registerUser, type OrgFixture } from './helpers/factories.js';

/** Permissions a service checks itself rather than a route declaring them (name: where). */
const CHECKED_IN_SERVICES: Record<string, string> = { 'org.settings': 'organizations/service.ts: changing settings.require_2fa' };

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
    const declared = new Set(t.app.routeTable.map((r) => (r.config as { permission?: string } | undefined)?.permission).filter(Boolean));
    expect(PERMISSION_KEYS.filter((p) => !declared.has(p) && !(p in CHECKED_IN_SERVICES))).toEqual([]);
    expect(PERMISSION_KEYS).not.toContain('settings.read');
    expect(PERMISSION_KEYS).not.toContain('settings.update');
  });

  it('gives each permission name of the old README a meaning: it gates a route, or it is reserved and cannot be granted', async () => {
    const seedNames = ['org.read', 'org.update', 'org.delete', 'org.settings', 'user.read', 'user.invite', 'user.manage', 'user.create', 'user.update', 'user.delete', 'role.read', 'role.manage', 'audit.read', 'api_key.manage', 'settings.read', 'settings.update'];
    const declared = new Set(t.app.routeTable.map((r) => (r.config as { permission?: string } | undefined)?.permission).filter(Boolean));
    const reserved = seedNames.filter((p) => !declared.has(p) && !(p in CHECKED_IN_SERVICES));
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
    await db.execute(sql`insert into role_permissions (organization_id, role_id, permission) values (${f.orgId}, ${f.roles.Admin}, 'settings.read'), (${f.orgId}, ${f.roles.Admin}, 'settings.update')`);
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
