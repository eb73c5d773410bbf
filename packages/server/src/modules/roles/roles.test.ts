// Roles over real HTTP: the permission catalog, system roles, custom roles and their lifecycle,
// no escalation, and the audit rows of every change.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PERMISSIONS, SYSTEM_ROLE_IDS, SYSTEM_ROLES } from '@saasready/contracts';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { addMember, createOrgWithMembers, expectProblem, registerUser, type OrgFixture, type RegisteredUser } from '../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ rateLimit: { enabled: false } });
});
afterAll(() => t.close());

const sorted = (p: readonly string[]) => [...p].sort();

interface AuditRow {
  organization_id: string | null;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  metadata: Record<string, any>;
}
const auditRows = (orgId: string, action: string, targetId: string) =>
  queryRows<AuditRow>(
    t.database.handle.db,
    sql`select * from audit_logs where organization_id = ${orgId} and action = ${action} and target_id = ${targetId} order by created_at, id`,
  );

const rolesPath = (orgId: string) => `/api/v1/orgs/${orgId}/roles`;
const createRole = (orgId: string, token: string, body: Record<string, unknown>) => t.request('POST', rolesPath(orgId), { token, body });
const patchRole = (orgId: string, roleId: string, token: string, body: Record<string, unknown>) =>
  t.request('PATCH', `${rolesPath(orgId)}/${roleId}`, { token, body });
const deleteRole = (orgId: string, roleId: string, token: string, reassignTo?: string) =>
  t.request('DELETE', `${rolesPath(orgId)}/${roleId}${reassignTo ? `?reassign_to=${reassignTo}` : ''}`, { token });
const listRoles = async (f: OrgFixture) => {
  const res = await t.request('GET', rolesPath(f.orgId), { token: f.owner.accessToken });
  expect(res.status, res.text).toBe(200);
  return res.body as any[];
};
const memberRole = async (f: OrgFixture, userId: string) => {
  const res = await t.request('GET', `/api/v1/orgs/${f.orgId}/members?limit=200`, { token: f.owner.accessToken });
  expect(res.status, res.text).toBe(200);
  return res.body.find((m: any) => m.user_id === userId) as { role_id: string; role_name: string } | undefined;
};

/** A fresh user holding `roleName` in the fixture's organization. */
async function memberWith(f: OrgFixture, roleName: string): Promise<RegisteredUser> {
  const user = await registerUser(t, { fullName: `Holder of ${roleName}` });
  await addMember(t, f.orgId, user, roleName);
  return user;
}

describe('GET /permissions', () => {
  it('lists the whole catalog with descriptions', async () => {
    const user = await registerUser(t);
    const res = await t.request('GET', '/api/v1/permissions', { token: user.accessToken });
    expect(res.status, res.text).toBe(200);
    const expected = Object.entries(PERMISSIONS).map(([key, description]) => ({ key, description }));
    expect(res.body).toHaveLength(expected.length);
    expect(res.body).toEqual(expect.arrayContaining(expected));
    expectProblem(await t.request('GET', '/api/v1/permissions'), 401, 'auth.unauthenticated');
  });

  it('matches the catalog stored in the database', async () => {
    const rows = await queryRows<{ key: string; description: string }>(t.database.handle.db, sql`select key, description from permissions order by key`);
    expect(rows.map((r) => r.key)).toEqual(sorted(Object.keys(PERMISSIONS)));
  });
});

describe('GET /orgs/{id}/roles', () => {
  it('lists the four system roles first, Owner first, with exactly their catalog permissions', async () => {
    const f = await createOrgWithMembers(t, 'System Roles Org');
    expect((await createRole(f.orgId, f.owner.accessToken, { name: 'Aardvark', permissions: ['org.read'] })).status).toBe(201);
    const roles = await listRoles(f);
    expect(roles.map((r) => r.name)).toEqual(['Owner', 'Admin', 'Member', 'Viewer', 'Aardvark']);
    for (const [name, permissions] of Object.entries(SYSTEM_ROLES)) {
      const role = roles.find((r) => r.name === name);
      expect(role).toMatchObject({ id: SYSTEM_ROLE_IDS[name as keyof typeof SYSTEM_ROLE_IDS], organization_id: f.orgId, is_system: true });
      expect(sorted(role.permissions)).toEqual(sorted(permissions));
    }
    expect(roles[4]).toMatchObject({ is_system: false, permissions: ['org.read'] });
    // the system roles' permissions are the instance's rows: the organization holds only its custom role's
    const own = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from role_permissions where organization_id = ${f.orgId}`);
    expect(own[0]!.n).toBe(1);

    // Admin holds role.read, Member and Viewer do not
    expect((await t.request('GET', rolesPath(f.orgId), { token: f.admin.accessToken })).status).toBe(200);
    expectProblem(await t.request('GET', rolesPath(f.orgId), { token: f.member.accessToken }), 403, 'permission_denied');
    expectProblem(await t.request('GET', rolesPath(f.orgId), { token: f.viewer.accessToken }), 403, 'permission_denied');
  });
});

describe('the system roles’ shared permissions', () => {
  it('a change to them by SQL (a future migration, an operator) reaches every cached check at once', async () => {
    const f = await createOrgWithMembers(t, 'Shared Grants Org');
    const auditPage = () => t.request('GET', `/api/v1/audit/orgs/${f.orgId}/logs`, { token: f.member.accessToken });
    // the Member's access is cached from here on
    expect((await auditPage()).status).toBe(200);
    expect((await auditPage()).status).toBe(200);
    const db = t.database.handle.db;
    await db.execute(sql`delete from role_permissions where organization_id is null and role_id = ${SYSTEM_ROLE_IDS.Member} and permission = 'audit.read'`);
    try {
      // the row names no organization: its notification empties every cache (no 5-minute TTL wait)
      let status = 0;
      for (let waited = 0; waited < 2_000 && status !== 403; waited += 50) {
        status = (await auditPage()).status;
        if (status !== 403) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(403);
    } finally {
      await db.execute(sql`insert into role_permissions (organization_id, role_id, permission) values (null, ${SYSTEM_ROLE_IDS.Member}, 'audit.read')`);
    }
    // and back, the same way
    let again = 0;
    for (let waited = 0; waited < 2_000 && again !== 200; waited += 50) {
      again = (await auditPage()).status;
      if (again !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(again).toBe(200);
  });
});

describe('POST /orgs/{id}/roles', () => {
  it('creates a custom role with sorted, catalog permissions and audits it', async () => {
    const f = await createOrgWithMembers(t, 'Custom Roles Org');
    const res = await createRole(f.orgId, f.owner.accessToken, { name: '  Billing Manager ', description: 'Handles invoices', permissions: ['role.read', 'org.read'] });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      organization_id: f.orgId,
      name: 'Billing Manager',
      description: 'Handles invoices',
      is_system: false,
      permissions: ['org.read', 'role.read'],
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect((await listRoles(f)).find((r) => r.id === res.body.id)).toEqual(res.body);
    const [audit] = await auditRows(f.orgId, 'role.created', res.body.id);
    expect(audit).toMatchObject({ actor_user_id: f.owner.userId, target_type: 'role', metadata: { name: 'Billing Manager', permissions: ['org.read', 'role.read'] } });

    const empty = await createRole(f.orgId, f.owner.accessToken, { name: 'No Rights', permissions: [] });
    expect(empty.status, empty.text).toBe(201);
    expect(empty.body.permissions).toEqual([]);
  });

  it('keeps names unique per organization, not across organizations', async () => {
    const a = await createOrgWithMembers(t, 'Unique Names A');
    const b = await createOrgWithMembers(t, 'Unique Names B');
    expect((await createRole(a.orgId, a.owner.accessToken, { name: 'Support', permissions: ['org.read'] })).status).toBe(201);
    expectProblem(await createRole(a.orgId, a.owner.accessToken, { name: 'Support', permissions: [] }), 409, 'role.name_taken');
    expectProblem(await createRole(a.orgId, a.owner.accessToken, { name: ' Support ', permissions: [] }), 409, 'role.name_taken');
    expectProblem(await createRole(a.orgId, a.owner.accessToken, { name: 'Admin', permissions: ['org.read'] }), 409, 'role.name_taken');
    const inB = await createRole(b.orgId, b.owner.accessToken, { name: 'Support', permissions: ['user.read'] });
    expect(inB.status, inB.text).toBe(201);
    expect(inB.body.organization_id).toBe(b.orgId);
    expect((await listRoles(a)).filter((r) => r.name === 'Support')).toHaveLength(1);
  });

  it('creates exactly one of several concurrent roles with the same name', async () => {
    const f = await createOrgWithMembers(t, 'Racing Roles Org');
    const results = await Promise.all(Array.from({ length: 4 }, () => createRole(f.orgId, f.owner.accessToken, { name: 'Racer', permissions: ['org.read'] })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const res of results.filter((r) => r.status === 409)) expectProblem(res, 409, 'role.name_taken');
    expect((await listRoles(f)).filter((r) => r.name === 'Racer')).toHaveLength(1);
    const [n] = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from audit_logs where organization_id = ${f.orgId} and action = 'role.created'`);
    expect(n!.n).toBe(1);
  });

  it('refuses unknown permissions, duplicates, a missing list and bad names', async () => {
    const f = await createOrgWithMembers(t, 'Picky Roles Org');
    const unknown = await createRole(f.orgId, f.owner.accessToken, { name: 'Bogus', permissions: ['org.read', 'org.nuke', 'god.mode'] });
    expectProblem(unknown, 400, 'role.unknown_permission');
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: '/permissions', code: 'unknown_permission' }),
      expect.objectContaining({ field: '/permissions', code: 'unknown_permission' }),
    ]);
    expect(unknown.body.detail).toContain('org.nuke');

    const duplicates = await createRole(f.orgId, f.owner.accessToken, { name: 'Dupes', permissions: ['org.read', 'org.read'] });
    expectProblem(duplicates, 400, 'request.validation_failed');
    expect(duplicates.body.errors.map((e: any) => e.field)).toContain('/permissions');

    expectProblem(await createRole(f.orgId, f.owner.accessToken, { name: 'No List' }), 400, 'request.validation_failed');
    expectProblem(await createRole(f.orgId, f.owner.accessToken, { name: '', permissions: [] }), 400, 'request.validation_failed');
    expectProblem(await createRole(f.orgId, f.owner.accessToken, { name: 'x'.repeat(65), permissions: [] }), 400, 'request.validation_failed');
    expectProblem(await createRole(f.orgId, f.owner.accessToken, { name: 'Extra', permissions: [], is_system: true }), 400, 'request.validation_failed');
    expect((await listRoles(f)).map((r) => r.name)).toEqual(['Owner', 'Admin', 'Member', 'Viewer']);
  });

  // BUG: roles/service.ts create/update — the name is trimmed after validation, so a
  // whitespace-only name passes `minLength: 1` and the role is stored with name "".
  it('refuses a role name that is only white space', async () => {
    const f = await createOrgWithMembers(t, 'Blank Role Names');
    expectProblem(await createRole(f.orgId, f.owner.accessToken, { name: '   ', permissions: [] }), 400, 'request.validation_failed');
    const role = await createRole(f.orgId, f.owner.accessToken, { name: 'Named', permissions: [] });
    expectProblem(await patchRole(f.orgId, role.body.id, f.owner.accessToken, { name: ' ' }), 400, 'request.validation_failed');
    expect((await listRoles(f)).map((r) => r.name)).not.toContain('');
  });

  it('needs role.manage: Admins cannot create roles', async () => {
    const f = await createOrgWithMembers(t, 'Admin Cannot Org');
    expectProblem(await createRole(f.orgId, f.admin.accessToken, { name: 'Nope', permissions: ['org.read'] }), 403, 'permission_denied');
    expectProblem(await createRole(f.orgId, f.member.accessToken, { name: 'Nope', permissions: [] }), 403, 'permission_denied');
  });

  it('never lets a role manager grant a permission they do not hold', async () => {
    const f = await createOrgWithMembers(t, 'Escalation Org');
    const managerRole = await createRole(f.orgId, f.owner.accessToken, { name: 'Role Manager', permissions: ['role.manage', 'org.read'] });
    expect(managerRole.status, managerRole.text).toBe(201);
    const manager = await memberWith(f, 'Role Manager');

    const escalate = await createRole(f.orgId, manager.accessToken, { name: 'Sneaky', permissions: ['org.read', 'org.delete', 'user.manage'] });
    expectProblem(escalate, 403, 'membership.escalation');
    expect(sorted(escalate.body.meta.missing_permissions)).toEqual(['org.delete', 'user.manage']);
    expect((await listRoles(f)).map((r) => r.name)).not.toContain('Sneaky');

    const within = await createRole(f.orgId, manager.accessToken, { name: 'Reader', permissions: ['org.read'] });
    expect(within.status, within.text).toBe(201);
    const same = await createRole(f.orgId, manager.accessToken, { name: 'Mini Manager', permissions: ['role.manage', 'org.read'] });
    expect(same.status, same.text).toBe(201);

    // nor by editing a role, their own included
    const widen = await patchRole(f.orgId, within.body.id, manager.accessToken, { permissions: ['org.read', 'org.update'] });
    expectProblem(widen, 403, 'membership.escalation');
    expect(widen.body.meta.missing_permissions).toEqual(['org.update']);
    const self = await patchRole(f.orgId, managerRole.body.id, manager.accessToken, { permissions: ['role.manage', 'org.read', 'user.manage'] });
    expectProblem(self, 403, 'membership.escalation');
    const roles = await listRoles(f);
    expect(roles.find((r) => r.id === within.body.id).permissions).toEqual(['org.read']);
    expect(roles.find((r) => r.id === managerRole.body.id).permissions).toEqual(['org.read', 'role.manage']);

    // nor by deleting a role and reassigning its holders to a stronger one
    await memberWith(f, 'Reader');
    expectProblem(await deleteRole(f.orgId, within.body.id, manager.accessToken, f.roles.Owner), 403, 'membership.owner_required');
    expectProblem(await deleteRole(f.orgId, within.body.id, manager.accessToken, f.roles.Admin), 403, 'membership.escalation');
    expect((await listRoles(f)).map((r) => r.id)).toContain(within.body.id);
  });
});

describe('PATCH /orgs/{id}/roles/{role_id}', () => {
  it('renames and changes permissions; holders gain and lose access on their very next request', async () => {
    const f = await createOrgWithMembers(t, 'Live Perms Org');
    const role = await createRole(f.orgId, f.owner.accessToken, { name: 'Editor', permissions: ['org.read', 'org.update'] });
    expect(role.status, role.text).toBe(201);
    const editor = await memberWith(f, 'Editor');
    const rename = (name: string) => t.request('PATCH', `/api/v1/orgs/${f.orgId}`, { token: editor.accessToken, body: { name } });
    expect((await rename('Renamed By Editor')).status).toBe(200);

    const renamed = await patchRole(f.orgId, role.body.id, f.owner.accessToken, { name: 'Copy Editor', description: 'words only' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ id: role.body.id, name: 'Copy Editor', description: 'words only', permissions: ['org.read', 'org.update'], is_system: false });

    const narrowed = await patchRole(f.orgId, role.body.id, f.owner.accessToken, { permissions: ['org.read'] });
    expect(narrowed.status, narrowed.text).toBe(200);
    expect(narrowed.body).toMatchObject({ name: 'Copy Editor', permissions: ['org.read'] });
    expectProblem(await rename('Should Fail'), 403, 'permission_denied');
    const auth = await t.request('POST', `/api/v1/orgs/${f.orgId}/authorize`, { token: editor.accessToken, body: { permissions: ['org.update'] } });
    expect(auth.body).toEqual({ allowed: false, permissions: { 'org.update': false }, role: 'Copy Editor' });

    const widened = await patchRole(f.orgId, role.body.id, f.owner.accessToken, { permissions: ['org.read', 'org.update', 'user.read'] });
    expect(widened.status, widened.text).toBe(200);
    expect((await rename('Allowed Again')).status).toBe(200);

    const audits = await auditRows(f.orgId, 'role.updated', role.body.id);
    expect(audits.map((a) => a.metadata)).toEqual([
      { before: { name: 'Editor', permissions: ['org.read', 'org.update'] }, after: { name: 'Copy Editor', permissions: ['org.read', 'org.update'] } },
      { before: { name: 'Copy Editor', permissions: ['org.read', 'org.update'] }, after: { name: 'Copy Editor', permissions: ['org.read'] } },
      { before: { name: 'Copy Editor', permissions: ['org.read'] }, after: { name: 'Copy Editor', permissions: ['org.read', 'org.update', 'user.read'] } },
    ]);
    expect(audits.every((a) => a.actor_user_id === f.owner.userId && a.target_type === 'role')).toBe(true);
  });

  // BUG: app.ts ajv options + contracts `Type.Union([Type.String(), Type.Null()])` — with
  // Fastify's default `coerceTypes: 'array'` a JSON null description is coerced to "" (see the
  // same bug in organizations.test.ts); clearing a description should leave null.
  it('clears a description with null', async () => {
    const f = await createOrgWithMembers(t, 'Null Role Description');
    const role = await createRole(f.orgId, f.owner.accessToken, { name: 'Described', description: 'has words', permissions: [] });
    expect(role.body.description).toBe('has words');
    const cleared = await patchRole(f.orgId, role.body.id, f.owner.accessToken, { description: null });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body.description).toBeNull();
    const created = await createRole(f.orgId, f.owner.accessToken, { name: 'Undescribed', description: null, permissions: [] });
    expect(created.status, created.text).toBe(201);
    expect(created.body.description).toBeNull();
  });

  it('refuses to change a system role, a taken name, unknown permissions and an empty body', async () => {
    const f = await createOrgWithMembers(t, 'Immutable Org');
    for (const roleId of Object.values(f.roles)) {
      expectProblem(await patchRole(f.orgId, roleId, f.owner.accessToken, { name: 'Renamed System' }), 409, 'role.system_immutable');
      expectProblem(await patchRole(f.orgId, roleId, f.owner.accessToken, { permissions: ['org.read'] }), 409, 'role.system_immutable');
    }
    const roles = await listRoles(f);
    expect(sorted(roles.find((r) => r.name === 'Viewer').permissions)).toEqual(['org.read']);
    expect(sorted(roles.find((r) => r.name === 'Admin').permissions)).toEqual(sorted(SYSTEM_ROLES.Admin));

    const one = await createRole(f.orgId, f.owner.accessToken, { name: 'One', permissions: [] });
    const two = await createRole(f.orgId, f.owner.accessToken, { name: 'Two', permissions: [] });
    expectProblem(await patchRole(f.orgId, two.body.id, f.owner.accessToken, { name: 'One' }), 409, 'role.name_taken');
    expectProblem(await patchRole(f.orgId, two.body.id, f.owner.accessToken, { name: 'Owner' }), 409, 'role.name_taken');
    expectProblem(await patchRole(f.orgId, two.body.id, f.owner.accessToken, { permissions: ['org.fly'] }), 400, 'role.unknown_permission');
    expectProblem(await patchRole(f.orgId, two.body.id, f.owner.accessToken, {}), 400, 'request.validation_failed');
    const same = await patchRole(f.orgId, one.body.id, f.owner.accessToken, { name: 'One' });
    expect(same.status, same.text).toBe(200);
    expect((await listRoles(f)).find((r) => r.id === two.body.id)).toMatchObject({ name: 'Two', permissions: [] });
  });

  it('does not find a role of another organization or an unknown role', async () => {
    const mine = await createOrgWithMembers(t, 'Role Home');
    const theirs = await createOrgWithMembers(t, 'Role Abroad');
    const foreign = await createRole(theirs.orgId, theirs.owner.accessToken, { name: 'Foreign', permissions: ['org.read'] });
    expect(foreign.status).toBe(201);
    expectProblem(await patchRole(mine.orgId, foreign.body.id, mine.owner.accessToken, { name: 'Hijacked' }), 404, 'role.not_found');
    expectProblem(await deleteRole(mine.orgId, foreign.body.id, mine.owner.accessToken), 404, 'role.not_found');
    expectProblem(await patchRole(mine.orgId, randomUUID(), mine.owner.accessToken, { name: 'Ghost' }), 404, 'role.not_found');
    expectProblem(await deleteRole(mine.orgId, randomUUID(), mine.owner.accessToken), 404, 'role.not_found');
    expect((await listRoles(theirs)).find((r) => r.id === foreign.body.id)).toMatchObject({ name: 'Foreign' });
  });
});

describe('DELETE /orgs/{id}/roles/{role_id}', () => {
  it('refuses system roles', async () => {
    const f = await createOrgWithMembers(t, 'No System Delete');
    for (const roleId of Object.values(f.roles)) {
      expectProblem(await deleteRole(f.orgId, roleId, f.owner.accessToken), 409, 'role.system_immutable');
    }
    expect(await listRoles(f)).toHaveLength(4);
  });

  it('deletes an unused role at once', async () => {
    const f = await createOrgWithMembers(t, 'Unused Role Org');
    const role = await createRole(f.orgId, f.owner.accessToken, { name: 'Unused', permissions: ['org.read'] });
    const res = await deleteRole(f.orgId, role.body.id, f.owner.accessToken);
    expect(res.status, res.text).toBe(204);
    expect((await listRoles(f)).map((r) => r.id)).not.toContain(role.body.id);
    const [audit] = await auditRows(f.orgId, 'role.deleted', role.body.id);
    expect(audit!.metadata).toEqual({ name: 'Unused', permissions: ['org.read'], reassigned_to: null, members_reassigned: 0, invitations_reassigned: [], ended_invitations_deleted: [] });
    expectProblem(await deleteRole(f.orgId, role.body.id, f.owner.accessToken), 404, 'role.not_found');
    // the name is free again
    expect((await createRole(f.orgId, f.owner.accessToken, { name: 'Unused', permissions: [] })).status).toBe(201);
  });

  it('refuses a role in use unless its holders are reassigned, then moves them', async () => {
    const f = await createOrgWithMembers(t, 'Role In Use Org');
    const role = await createRole(f.orgId, f.owner.accessToken, { name: 'Contractor', permissions: ['org.read', 'user.read'] });
    expect(role.status, role.text).toBe(201);
    const holders = [await memberWith(f, 'Contractor'), await memberWith(f, 'Contractor')];
    const suspendedHolder = await registerUser(t, { fullName: 'Suspended Contractor' });
    await addMember(t, f.orgId, suspendedHolder, 'Contractor', 'suspended');

    const inUse = await deleteRole(f.orgId, role.body.id, f.owner.accessToken);
    expectProblem(inUse, 409, 'role.in_use');
    expect(inUse.body.meta).toEqual({ members: 3, pending_invitations: 0 });

    expectProblem(await deleteRole(f.orgId, role.body.id, f.owner.accessToken, randomUUID()), 404, 'role.not_found');
    expectProblem(await deleteRole(f.orgId, role.body.id, f.owner.accessToken, role.body.id), 404, 'role.not_found');
    const elsewhere = await createOrgWithMembers(t, 'Other Viewer Org');
    const theirs = await createRole(elsewhere.orgId, elsewhere.owner.accessToken, { name: 'Theirs', permissions: ['org.read'] });
    expect(theirs.status, theirs.text).toBe(201);
    expectProblem(await deleteRole(f.orgId, role.body.id, f.owner.accessToken, theirs.body.id), 404, 'role.not_found');
    expectProblem(await t.request('DELETE', `${rolesPath(f.orgId)}/${role.body.id}?reassign_to=not-a-uuid`, { token: f.owner.accessToken }), 400, 'request.validation_failed');
    // nothing moved so far
    for (const user of holders) expect(await memberRole(f, user.userId)).toMatchObject({ role_id: role.body.id, role_name: 'Contractor' });

    const res = await deleteRole(f.orgId, role.body.id, f.owner.accessToken, f.roles.Viewer);
    expect(res.status, res.text).toBe(204);
    for (const user of [...holders, suspendedHolder]) expect(await memberRole(f, user.userId)).toMatchObject({ role_id: f.roles.Viewer, role_name: 'Viewer' });
    const auth = await t.request('POST', `/api/v1/orgs/${f.orgId}/authorize`, { token: holders[0]!.accessToken, body: { permissions: ['org.read', 'user.read'] } });
    expect(auth.body).toEqual({ allowed: false, permissions: { 'org.read': true, 'user.read': false }, role: 'Viewer' });
    expect((await listRoles(f)).map((r) => r.id)).not.toContain(role.body.id);

    const [created] = await auditRows(f.orgId, 'role.created', role.body.id);
    expect(created!.metadata).toEqual({ name: 'Contractor', permissions: ['org.read', 'user.read'] });
    const deleted = await auditRows(f.orgId, 'role.deleted', role.body.id);
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ actor_user_id: f.owner.userId, target_type: 'role' });
    expect(deleted[0]!.metadata).toEqual({ name: 'Contractor', permissions: ['org.read', 'user.read'], reassigned_to: f.roles.Viewer, members_reassigned: 3, invitations_reassigned: [], ended_invitations_deleted: [] });
  });

  it('never drops a pending invitation: refused while one offers the role, moved with reassign_to, audited', async () => {
    const f = await createOrgWithMembers(t, 'Invited Role Org');
    const role = await createRole(f.orgId, f.owner.accessToken, { name: 'Guest', permissions: ['org.read'] });
    const invite = async () => {
      const res = await t.request('POST', `/api/v1/orgs/${f.orgId}/invite`, { token: f.owner.accessToken, body: { email: `guest-${randomUUID()}@example.test`, role_id: role.body.id } });
      expect(res.status, res.text).toBe(201);
      return res.body.id as string;
    };
    const pending = await invite();
    const ended = await invite();
    expect((await t.request('DELETE', `/api/v1/orgs/${f.orgId}/invitations/${ended}`, { token: f.owner.accessToken })).status).toBe(204);

    const inUse = await deleteRole(f.orgId, role.body.id, f.owner.accessToken);
    expectProblem(inUse, 409, 'role.in_use');
    expect(inUse.body.meta).toEqual({ members: 0, pending_invitations: 1 });
    expect((await deleteRole(f.orgId, role.body.id, f.owner.accessToken, f.roles.Viewer)).status).toBe(204);
    const invitations = (await t.request('GET', `/api/v1/orgs/${f.orgId}/invitations?status=pending`, { token: f.owner.accessToken })).body;
    expect(invitations.map((i: any) => [i.id, i.role_id, i.role_name])).toEqual([[pending, f.roles.Viewer, 'Viewer']]);
    const [deleted] = await auditRows(f.orgId, 'role.deleted', role.body.id);
    expect(deleted!.metadata).toMatchObject({ reassigned_to: f.roles.Viewer, members_reassigned: 0, invitations_reassigned: [pending], ended_invitations_deleted: [ended] });
  });

  it('needs role.manage', async () => {
    const f = await createOrgWithMembers(t, 'Delete Needs Manage');
    const role = await createRole(f.orgId, f.owner.accessToken, { name: 'Temp', permissions: [] });
    expectProblem(await deleteRole(f.orgId, role.body.id, f.admin.accessToken), 403, 'permission_denied');
    expectProblem(await patchRole(f.orgId, role.body.id, f.admin.accessToken, { name: 'Admin Rename' }), 403, 'permission_denied');
    expect((await listRoles(f)).find((r) => r.id === role.body.id)).toMatchObject({ name: 'Temp' });
  });
});
