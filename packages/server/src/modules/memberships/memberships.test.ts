import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { addMember, createOrgWithMembers, expectProblem, registerUser } from '../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const members = (orgId: string, token: string, query = '') => t.request('GET', `/api/v1/orgs/${orgId}/members${query}`, { token });
const setRole = (orgId: string, membershipId: string, roleId: string, token: string) =>
  t.request('PATCH', `/api/v1/orgs/${orgId}/members/${membershipId}/role`, { token, body: { role_id: roleId } });
const setStatus = (orgId: string, membershipId: string, status: string, token: string) =>
  t.request('PATCH', `/api/v1/orgs/${orgId}/members/${membershipId}`, { token, body: { status } });
const remove = (orgId: string, membershipId: string, token: string) => t.request('DELETE', `/api/v1/orgs/${orgId}/members/${membershipId}`, { token });

describe('listing members', () => {
  it('shows the seeds’ row shape, filters by role, status and search, and pages by cursor', async () => {
    const f = await createOrgWithMembers(t, 'Listing Ltd');
    const all = await members(f.orgId, f.member.accessToken);
    expect(all.status, all.text).toBe(200);
    expect(all.body).toHaveLength(5);
    expect(all.body[0]).toEqual({
      id: f.memberships.Owner,
      user_id: f.owner.userId,
      organization_id: f.orgId,
      role_id: f.roles.Owner,
      role_name: 'Owner',
      status: 'active',
      created_at: expect.any(String),
      user_email: f.owner.email,
      user_full_name: 'Listing Ltd Owner',
      two_factor_enabled: false,
      last_active_at: expect.any(String),
      managed_by_directory: false,
    });
    expect((await members(f.orgId, f.owner.accessToken, `?role_id=${f.roles.Admin}`)).body.map((m: any) => m.user_id)).toEqual([f.admin.userId]);
    expect((await members(f.orgId, f.owner.accessToken, '?status=suspended')).body.map((m: any) => m.user_id)).toEqual([f.suspended.userId]);
    expect((await members(f.orgId, f.owner.accessToken, `?search=${encodeURIComponent(f.viewer.email.toUpperCase())}`)).body.map((m: any) => m.user_id)).toEqual([f.viewer.userId]);
    expect((await members(f.orgId, f.owner.accessToken, '?search=Listing%20Ltd%20Adm')).body.map((m: any) => m.user_id)).toEqual([f.admin.userId]);
    expect((await members(f.orgId, f.owner.accessToken, '?search=%25')).body).toEqual([]); // LIKE wildcards are literal

    const seen: string[] = [];
    let query = '?limit=2';
    for (let pages = 0; pages < 10; pages++) {
      const res = await members(f.orgId, f.owner.accessToken, query);
      seen.push(...res.body.map((m: any) => m.id));
      const next = res.headers.get('x-next-cursor');
      if (!next) break;
      expect(res.headers.get('link')).toContain('rel="next"');
      query = `?limit=2&cursor=${next}`;
    }
    expect(seen).toEqual(all.body.map((m: any) => m.id));
    expectProblem(await members(f.orgId, f.owner.accessToken, '?cursor=garbage'), 400, 'request.validation_failed');
    expectProblem(await members(f.orgId, f.owner.accessToken, '?limit=1000'), 400, 'request.validation_failed');
  });

  // search reads a copy of each member's email and name on the membership (migration 0010)
  const search = async (orgId: string, token: string, term: string, extra = '') => {
    const res = await members(orgId, token, `?search=${encodeURIComponent(term)}${extra}`);
    expect(res.status, res.text).toBe(200);
    return res.body.map((m: any) => m.user_id);
  };

  it('finds a member by their new name or email, in every organization of theirs, and not by the old ones', async () => {
    const f = await createOrgWithMembers(t, 'Search Renames');
    const renamed = await t.request('PATCH', '/api/v1/auth/me', { token: f.member.accessToken, body: { full_name: 'Zebulon Quartermaine' } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(await search(f.orgId, f.owner.accessToken, 'QUARTERMAINE')).toEqual([f.member.userId]);
    expect(await search(f.orgId, f.owner.accessToken, 'Search Renames Member')).toEqual([]);
    // the personal organization made at registration has the new name too
    expect(await search(f.member.orgId, f.member.accessToken, 'zebulon')).toEqual([f.member.userId]);

    // an email changed outside the API (an operator's SQL) is followed as well
    const newEmail = `moved-${f.viewer.userId.slice(-8)}@example.test`;
    await t.database.handle.db.execute(sql`update users set email = ${newEmail} where id = ${f.viewer.userId}`);
    expect(await search(f.orgId, f.owner.accessToken, newEmail)).toEqual([f.viewer.userId]);
    expect(await search(f.orgId, f.owner.accessToken, f.viewer.email)).toEqual([]);
    expect(await search(f.viewer.orgId, f.viewer.accessToken, 'moved-')).toEqual([f.viewer.userId]);
  });

  it('matches the email or the name, never a stretch across the two, and pages a search by cursor', async () => {
    const f = await createOrgWithMembers(t, 'Search Seams');
    // the end of the admin's email and the start of their name, with a line break between
    expect(await search(f.orgId, f.owner.accessToken, `${f.admin.email.slice(-5)}\nSearch`)).toEqual([]);
    // …while a name that itself holds a line break is found by a term that spans it
    await t.database.handle.db.execute(sql`update users set full_name = ${'Two\nLines'} where id = ${f.admin.userId}`);
    expect(await search(f.orgId, f.owner.accessToken, 'o\nli')).toEqual([f.admin.userId]);
    expect(await search(f.orgId, f.owner.accessToken, 'two')).toEqual([f.admin.userId]);

    // the other four names hold the organization's: two a page, in membership id order
    const all = await members(f.orgId, f.owner.accessToken, '?search=search%20seams');
    expect(all.body).toHaveLength(4);
    const seen: string[] = [];
    let query = '?search=search%20seams&limit=2';
    for (let pages = 0; pages < 5; pages++) {
      const res = await members(f.orgId, f.owner.accessToken, query);
      expect(res.status, res.text).toBe(200);
      seen.push(...res.body.map((m: any) => m.id));
      const next = res.headers.get('x-next-cursor');
      if (!next) break;
      query = `?search=search%20seams&limit=2&cursor=${next}`;
    }
    expect(seen).toEqual(all.body.map((m: any) => m.id));
    expect([...seen].sort()).toEqual(seen);
  });
});

describe('sorting members', () => {
  it('orders by name, role, join date and last activity both ways, pages each by cursor without gaps or repeats, and refuses a cursor of another order', async () => {
    const f = await createOrgWithMembers(t, 'Sorting Co');
    // names out of join order; activity: the Viewer never (null), the Admin most recently
    await t.request('PATCH', '/api/v1/auth/me', { token: f.admin.accessToken, body: { full_name: 'aaron Zed' } });
    await t.request('PATCH', '/api/v1/auth/me', { token: f.owner.accessToken, body: { full_name: 'Mona Owner' } });
    const db = t.database.handle.db;
    await queryRows(db, sql`update memberships set last_active_at = null where id = ${f.memberships.Viewer}`);
    await queryRows(db, sql`update memberships set last_active_at = now() - interval '3 days' where id = ${f.memberships.Member}`);
    await queryRows(db, sql`update memberships set last_active_at = now() - interval '2 days' + interval '123 microseconds' where id = ${f.memberships.Owner}`);
    await queryRows(db, sql`update memberships set last_active_at = now() - interval '2 days' + interval '123 microseconds' where id = ${f.memberships.suspended}`);
    const rows = await queryRows<{ id: string; name: string; role: string; last: string | null }>(db, sql`
      select m.id, lower(u.full_name) as name, r.name as role, (extract(epoch from m.last_active_at) * 1000000)::bigint::text as last
        from memberships m join users u on u.id = m.user_id join roles r on r.id = m.role_id and r.organization_id = m.organization_id where m.organization_id = ${f.orgId}`);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const cmp = <T,>(key: (r: (typeof rows)[number]) => T) => (a: (typeof rows)[number], b: (typeof rows)[number]) => {
      const [x, y] = [key(a), key(b)];
      return x === y ? byId(a, b) : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
    };
    const expected: Record<string, string[]> = {
      joined: [...rows].sort(byId).map((r) => r.id),
      name: [...rows].sort(cmp((r) => r.name)).map((r) => r.id),
      role: [...rows].sort(cmp((r) => r.role)).map((r) => r.id),
      last_active: [...rows].sort(cmp((r) => (r.last === null ? null : BigInt(r.last)))).map((r) => r.id),
    };
    expect(expected.name![0]).toBe(f.memberships.Admin);
    expect(expected.last_active![0]).toBe(f.memberships.Viewer);
    for (const [sort, ids] of Object.entries(expected)) {
      for (const [param, want] of [[sort, ids], [`-${sort}`, [...ids].reverse()]] as const) {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let i = 0; i < 10; i++) {
          const res = await members(f.orgId, f.owner.accessToken, `?limit=2&sort=${param}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          expect(res.status, `${param} ${cursor && Buffer.from(cursor, 'base64url').toString()} ${res.text}`).toBe(200);
          seen.push(...res.body.map((m: any) => m.id));
          cursor = res.headers.get('x-next-cursor');
          if (!cursor) break;
        }
        expect(seen, param).toEqual(want);
      }
    }
    // with a filter, and a cursor carried over to another order or forged
    const active = await members(f.orgId, f.owner.accessToken, '?limit=1&sort=-role&status=active');
    expect(active.body[0].role_name).toBe('Viewer');
    const roleCursor = active.headers.get('x-next-cursor')!;
    await expectProblem(await members(f.orgId, f.owner.accessToken, `?sort=name&cursor=${roleCursor}`), 400, 'request.validation_failed');
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [forge(['last_active', '2026-02-30T10:00:00.000000Z', f.memberships.Owner]), forge(['last_active', 'infinity', f.memberships.Owner]),
      forge(['last_active', '2026-01-01T10:00:00.000000Z', 'x']), 'bm90IGpzb24', forge({})]) {
      await expectProblem(await members(f.orgId, f.owner.accessToken, `?sort=last_active&cursor=${bad}`), 400, 'request.validation_failed');
    }
  });

  it('marks a member active when they log in, in each of their organizations', async () => {
    const f = await createOrgWithMembers(t, 'Activity Co');
    const db = t.database.handle.db;
    await queryRows(db, sql`update memberships set last_active_at = null where user_id = ${f.member.userId}`);
    const login = await t.request('POST', '/api/v1/auth/login', { body: { email: f.member.email, password: f.member.password } });
    expect(login.status, login.text).toBe(200);
    const listed = (await members(f.orgId, f.owner.accessToken, `?search=${encodeURIComponent(f.member.email)}`)).body[0];
    expect(Date.now() - Date.parse(listed.last_active_at)).toBeLessThan(60_000);
    const [day] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from user_activity_days where user_id = ${f.member.userId} and day = (now() at time zone 'UTC')::date`);
    expect(day!.n).toBe(1);
  });
});

describe('changing roles', () => {
  it('lets an Admin change a Member to Viewer, audited with from/to', async () => {
    const f = await createOrgWithMembers(t, 'Roles One');
    const res = await setRole(f.orgId, f.memberships.Member, f.roles.Viewer, f.admin.accessToken);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: f.memberships.Member, role_id: f.roles.Viewer, role_name: 'Viewer' });
    const [row] = await queryRows<{ metadata: any; actor_user_id: string }>(
      t.database.handle.db,
      sql`select metadata, actor_user_id from audit_logs where action = 'user.role.updated' and target_id = ${f.memberships.Member}`,
    );
    expect(row).toMatchObject({ actor_user_id: f.admin.userId, metadata: { from_role: 'Member', to_role: 'Viewer' } });
    // the change is enforced at once: the former Member lost user.read, and with it the member directory
    expectProblem(await members(f.orgId, f.member.accessToken), 403, 'permission_denied');
  });

  it('lets only Owners grant or take away the Owner role', async () => {
    const f = await createOrgWithMembers(t, 'Roles Two');
    expectProblem(await setRole(f.orgId, f.memberships.Member, f.roles.Owner, f.admin.accessToken), 403, 'membership.owner_required');
    expectProblem(await setRole(f.orgId, f.memberships.Owner, f.roles.Member, f.admin.accessToken), 403, 'membership.owner_required');
    expectProblem(await setStatus(f.orgId, f.memberships.Owner, 'suspended', f.admin.accessToken), 403, 'membership.owner_required');
    expectProblem(await remove(f.orgId, f.memberships.Owner, f.admin.accessToken), 403, 'membership.owner_required');
    expect((await setRole(f.orgId, f.memberships.Member, f.roles.Owner, f.owner.accessToken)).status).toBe(200);
  });

  it('refuses escalation: nobody grants a role holding a permission they lack', async () => {
    const f = await createOrgWithMembers(t, 'Roles Three');
    // a custom role with more than an Admin holds
    const big = await t.request('POST', `/api/v1/orgs/${f.orgId}/roles`, { token: f.owner.accessToken, body: { name: 'Deleter', permissions: ['org.read', 'org.delete'] } });
    expect(big.status).toBe(201);
    const res = await setRole(f.orgId, f.memberships.Member, big.body.id, f.admin.accessToken);
    expectProblem(res, 403, 'membership.escalation');
    expect(res.body.meta.missing_permissions).toEqual(['org.delete']);
    // an Admin cannot promote themself either
    expectProblem(await setRole(f.orgId, f.memberships.Admin, big.body.id, f.admin.accessToken), 403, 'membership.escalation');
  });

  it('answers unknown memberships and roles with 404, and a role of another organization as unknown', async () => {
    const f = await createOrgWithMembers(t, 'Roles Four');
    const other = await createOrgWithMembers(t, 'Roles Four Other');
    expectProblem(await setRole(f.orgId, other.memberships.Member, f.roles.Viewer, f.owner.accessToken), 404, 'membership.not_found');
    // a custom role is its organization's alone (the system roles' ids are the same everywhere, and
    // name each organization's own row)
    const elsewhere = await t.request('POST', `/api/v1/orgs/${other.orgId}/roles`, { token: other.owner.accessToken, body: { name: 'Elsewhere', permissions: ['org.read'] } });
    expect(elsewhere.status, elsewhere.text).toBe(201);
    expectProblem(await setRole(f.orgId, f.memberships.Member, elsewhere.body.id, f.owner.accessToken), 404, 'role.not_found');
    const [row] = await queryRows<{ role_id: string }>(t.database.handle.db, sql`select role_id from memberships where id = ${other.memberships.Member}`);
    expect(row!.role_id).toBe(other.roles.Member);
    const [mine] = await queryRows<{ role_id: string }>(t.database.handle.db, sql`select role_id from memberships where id = ${f.memberships.Member}`);
    expect(mine!.role_id).toBe(f.roles.Member);
  });
});

describe('the last Owner', () => {
  it('cannot be demoted, suspended, removed or leave', async () => {
    const f = await createOrgWithMembers(t, 'Last Owner');
    expectProblem(await setRole(f.orgId, f.memberships.Owner, f.roles.Admin, f.owner.accessToken), 409, 'membership.last_owner');
    expectProblem(await setStatus(f.orgId, f.memberships.Owner, 'suspended', f.owner.accessToken), 409, 'membership.last_owner');
    expectProblem(await remove(f.orgId, f.memberships.Owner, f.owner.accessToken), 409, 'membership.last_owner');
    expectProblem(await t.request('POST', `/api/v1/orgs/${f.orgId}/leave`, { token: f.owner.accessToken }), 409, 'membership.last_owner');
    // with a second Owner, the first may step down
    expect((await setRole(f.orgId, f.memberships.Admin, f.roles.Owner, f.owner.accessToken)).status).toBe(200);
    expect((await setRole(f.orgId, f.memberships.Owner, f.roles.Admin, f.owner.accessToken)).status).toBe(200);
  });

  it('survives two concurrent demotions of the last two Owners: exactly one succeeds', async () => {
    for (let round = 0; round < 3; round++) {
      const f = await createOrgWithMembers(t, `Race ${round}`);
      expect((await setRole(f.orgId, f.memberships.Admin, f.roles.Owner, f.owner.accessToken)).status).toBe(200);
      const [a, b] = await Promise.all([
        setRole(f.orgId, f.memberships.Owner, f.roles.Member, f.owner.accessToken),
        setRole(f.orgId, f.memberships.Admin, f.roles.Member, f.admin.accessToken),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const [owners] = await queryRows<{ n: number }>(
        t.database.handle.db,
        sql`select count(*)::int as n from memberships m join roles r on r.id = m.role_id and r.organization_id = m.organization_id where m.organization_id = ${f.orgId} and r.name = 'Owner' and m.status = 'active'`,
      );
      expect(owners!.n).toBe(1);
    }
  });

  it('is not lost to a suspension racing a removal', async () => {
    const f = await createOrgWithMembers(t, 'Race Mixed');
    expect((await setRole(f.orgId, f.memberships.Admin, f.roles.Owner, f.owner.accessToken)).status).toBe(200);
    const [a, b] = await Promise.all([
      setStatus(f.orgId, f.memberships.Admin, 'suspended', f.owner.accessToken),
      t.request('POST', `/api/v1/orgs/${f.orgId}/leave`, { token: f.owner.accessToken }),
    ]);
    // whichever commits first wins; the other is refused as last owner (409), or its caller is already gone (404)
    expect([[200, 409], [404, 204], [409, 204]]).toContainEqual([a.status, b.status]);
    const [owners] = await queryRows<{ n: number }>(
      t.database.handle.db,
      sql`select count(*)::int as n from memberships m join roles r on r.id = m.role_id and r.organization_id = m.organization_id where m.organization_id = ${f.orgId} and r.name = 'Owner' and m.status = 'active'`,
    );
    expect(owners!.n).toBe(1);
  });
});

describe('suspension and removal', () => {
  it('takes away access at once and gives it back on reactivation', async () => {
    const f = await createOrgWithMembers(t, 'Suspend Co');
    expect((await members(f.orgId, f.member.accessToken)).status).toBe(200);
    expect((await setStatus(f.orgId, f.memberships.Member, 'suspended', f.admin.accessToken)).status).toBe(200);
    expectProblem(await members(f.orgId, f.member.accessToken), 403, 'membership.suspended');
    const orgs = await t.request('GET', '/api/v1/orgs', { token: f.member.accessToken });
    expect(orgs.body.map((o: any) => o.id)).not.toContain(f.orgId);
    expect((await setStatus(f.orgId, f.memberships.Member, 'active', f.admin.accessToken)).status).toBe(200);
    expect((await members(f.orgId, f.member.accessToken)).status).toBe(200);
    const actions = await queryRows<{ action: string }>(t.database.handle.db, sql`select action from audit_logs where target_id = ${f.memberships.Member} order by id`);
    expect(actions.map((a) => a.action)).toEqual(['member.suspended', 'member.reactivated']);
  });

  it('removes a member (who then gets 404) and lets a member leave', async () => {
    const f = await createOrgWithMembers(t, 'Remove Co');
    expect((await remove(f.orgId, f.memberships.Member, f.admin.accessToken)).status).toBe(204);
    expectProblem(await members(f.orgId, f.member.accessToken), 404, 'organization.not_found');
    expect((await t.request('POST', `/api/v1/orgs/${f.orgId}/leave`, { token: f.viewer.accessToken })).status).toBe(204);
    expectProblem(await members(f.orgId, f.viewer.accessToken), 404, 'organization.not_found');
    const actions = await queryRows<{ action: string }>(t.database.handle.db, sql`select action from audit_logs where organization_id = ${f.orgId} and action in ('user.removed', 'member.left') order by id`);
    expect(actions.map((a) => a.action)).toEqual(['user.removed', 'member.left']);
  });

  it('lets a user hold different roles in different organizations', async () => {
    const a = await createOrgWithMembers(t, 'Multi A');
    const b = await createOrgWithMembers(t, 'Multi B');
    const both = await registerUser(t);
    await addMember(t, a.orgId, both, 'Admin');
    await addMember(t, b.orgId, both, 'Viewer');
    const me = await t.request('GET', '/api/v1/auth/me', { token: both.accessToken });
    const byOrg = Object.fromEntries(me.body.memberships.map((m: any) => [m.organization_id, m.role_name]));
    expect(byOrg).toMatchObject({ [a.orgId]: 'Admin', [b.orgId]: 'Viewer' });
    expect((await t.request('PATCH', `/api/v1/orgs/${a.orgId}`, { token: both.accessToken, body: { description: 'ok' } })).status).toBe(200);
    expectProblem(await t.request('PATCH', `/api/v1/orgs/${b.orgId}`, { token: both.accessToken, body: { description: 'no' } }), 403, 'permission_denied');
  });
});
