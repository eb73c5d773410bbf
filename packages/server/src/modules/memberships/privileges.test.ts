// Privilege ordering (issue 15, item 7): you manage only members, and change only roles, holding
// nothing you lack — checked under the locks of rules.ts, so a concurrent promotion cannot slip
// between the check and the change (also across two server instances on one database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { addMember, createOrgWithMembers, expectProblem, registerUser, type OrgFixture } from '../../../test/helpers/factories.js';

let t: TestApp;
let f: OrgFixture;
/** a custom role holding org.delete, which an Admin lacks */
let treasurerRole: string;
beforeAll(async () => {
  t = await startTestApp({ rateLimit: { enabled: false } });
  f = await createOrgWithMembers(t, 'Privilege Co');
  const res = await t.request('POST', `/api/v1/orgs/${f.orgId}/roles`, { token: f.owner.accessToken, body: { name: 'Treasurer', permissions: ['org.read', 'org.delete'] } });
  expect(res.status, res.text).toBe(201);
  treasurerRole = res.body.id;
});
afterAll(() => t?.close());

const setRole = (app: TestApp, membershipId: string, roleId: string, token: string) =>
  app.request('PATCH', `/api/v1/orgs/${f.orgId}/members/${membershipId}/role`, { token, body: { role_id: roleId } });
const setStatus = (app: TestApp, membershipId: string, status: string, token: string) =>
  app.request('PATCH', `/api/v1/orgs/${f.orgId}/members/${membershipId}`, { token, body: { status } });

async function newMember(role = 'Member') {
  const user = await registerUser(t);
  return { user, membershipId: await addMember(t, f.orgId, user, role) };
}

describe('privilege ordering', () => {
  it('an Admin cannot change the role of, suspend, reactivate or remove a member holding a permission the Admin lacks', async () => {
    const { membershipId } = await newMember();
    expect((await setRole(t, membershipId, treasurerRole, f.owner.accessToken)).status).toBe(200);
    const refused = [
      await setRole(t, membershipId, f.roles.Viewer, f.admin.accessToken),
      await setStatus(t, membershipId, 'suspended', f.admin.accessToken),
      await t.request('DELETE', `/api/v1/orgs/${f.orgId}/members/${membershipId}`, { token: f.admin.accessToken }),
    ];
    for (const res of refused) {
      expectProblem(res, 403, 'membership.insufficient_privilege');
      expect(res.body.meta.missing_permissions).toEqual(['org.delete']);
    }
    expect((await setStatus(t, membershipId, 'suspended', f.owner.accessToken)).status).toBe(200);
    expectProblem(await setStatus(t, membershipId, 'active', f.admin.accessToken), 403, 'membership.insufficient_privilege');
    // a member whose role the Admin's covers is still theirs to manage
    const other = await newMember('Viewer');
    expect((await setStatus(t, other.membershipId, 'suspended', f.admin.accessToken)).status).toBe(200);
  });

  it('a role.manage holder cannot change or delete a role holding a permission they lack, nor grant one', async () => {
    const rolesPath = `/api/v1/orgs/${f.orgId}/roles`;
    const smith = await t.request('POST', rolesPath, { token: f.owner.accessToken, body: { name: 'Rolesmith', permissions: ['org.read', 'role.read', 'role.manage'] } });
    const { user } = await newMember();
    const membership = (await t.request('GET', `/api/v1/orgs/${f.orgId}/members?search=${encodeURIComponent(user.email)}`, { token: f.owner.accessToken })).body[0];
    expect((await setRole(t, membership.id, smith.body.id, f.owner.accessToken)).status).toBe(200);
    const token = user.accessToken;
    const strip = await t.request('PATCH', `${rolesPath}/${treasurerRole}`, { token, body: { permissions: ['org.read'] } });
    expectProblem(strip, 403, 'membership.insufficient_privilege');
    expect(strip.body.meta.missing_permissions).toEqual(['org.delete']);
    expectProblem(await t.request('PATCH', `${rolesPath}/${treasurerRole}`, { token, body: { name: 'Renamed' } }), 403, 'membership.insufficient_privilege');
    expectProblem(await t.request('DELETE', `${rolesPath}/${treasurerRole}`, { token }), 403, 'membership.insufficient_privilege');
    // within their own permissions they create and change roles; the change's "after" is checked too
    const small = await t.request('POST', rolesPath, { token, body: { name: 'Small', permissions: ['org.read'] } });
    expect(small.status, small.text).toBe(201);
    expect((await t.request('PATCH', `${rolesPath}/${small.body.id}`, { token, body: { permissions: ['org.read', 'role.read'] } })).status).toBe(200);
    expectProblem(await t.request('PATCH', `${rolesPath}/${small.body.id}`, { token, body: { permissions: ['org.read', 'org.delete'] } }), 403, 'membership.escalation');
    expectProblem(await t.request('POST', rolesPath, { token, body: { name: 'Big', permissions: ['org.delete'] } }), 403, 'membership.escalation');
    expect((await t.request('DELETE', `${rolesPath}/${small.body.id}`, { token })).status).toBe(204);
  });

  // PGlite has one connection, so its transactions never overlap: the race exists on PostgreSQL only
  if (process.env.TEST_DB === 'postgres') it('an Admin suspending a member being promoted to Owner never suspends an Owner (10 rounds, then 4 across two servers)', async () => {
    const b = await startTestApp({ rateLimit: { enabled: false }, masterKey: t.config.masterKey }, { database: t.database });
    try {
      const targets = await Promise.all(Array.from({ length: 14 }, () => newMember()));
      for (const [round, target] of targets.entries()) {
        const other = round < 10 ? t : b;
        const [promote, suspend] = await Promise.all([
          setRole(t, target.membershipId, f.roles.Owner, f.owner.accessToken),
          setStatus(other, target.membershipId, 'suspended', f.admin.accessToken),
        ]);
        expect(promote.status, promote.text).toBe(200);
        const rows = await queryRows<{ action: string; seq: string }>(
          t.database.handle.db,
          sql`select action, seq from audit_logs where organization_id = ${f.orgId} and target_id = ${target.membershipId} order by seq`,
        );
        if (suspend.status === 200) {
          // the suspension happened while the target was still a Member: the promotion came after it
          expect(suspend.body.role_name).toBe('Member');
          expect(promote.body.status).toBe('suspended');
          expect(rows.map((r) => r.action)).toEqual(['member.suspended', 'user.role.updated']);
        } else {
          expectProblem(suspend, 403, 'membership.owner_required');
          expect(rows.map((r) => r.action)).toEqual(['user.role.updated']);
        }
      }
    } finally {
      await b.close();
    }
  });
});
