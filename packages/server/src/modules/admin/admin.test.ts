// Superuser listings over real HTTP: who may see them, search, and keyset pagination.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { PasswordHasher } from '../../lib/passwords.js';
import { createAdmin } from '../users/admin.js';
import { verifyChain } from '../audit-logs/service.js';
import { deleteAccount } from '../users/service.js';
import { holdOpen, lockWaiters, testDbKind } from '../../../test/helpers/db.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { addVerifiedDomain, createOrgWithMembers, expectProblem, login, registerUser, uniqueEmail, type OrgFixture, type RegisteredUser } from '../../../test/helpers/factories.js';

let t: TestApp;
let adminToken: string;
let adminEmail: string;
let fixture: OrgFixture;
let searchable: RegisteredUser;

beforeAll(async () => {
  t = await startTestApp({ rateLimit: { enabled: false } });
  adminEmail = uniqueEmail('root');
  const made = await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: adminEmail, password: 'instance-root-password-77', fullName: 'Instance Root' });
  expect(made).toEqual({ created: true, email: adminEmail });
  const res = await login(t, adminEmail, 'instance-root-password-77');
  expect(res.status, res.text).toBe(200);
  expect(res.body.user.is_superuser).toBe(true);
  adminToken = res.body.access_token;

  fixture = await createOrgWithMembers(t, 'Zebra Logistics');
  searchable = await registerUser(t, { email: uniqueEmail('Quokka.Finder'), fullName: 'Penelope Marsupial' });
  for (const name of ['Paging Alpha', 'Paging Beta', 'Paging Gamma']) {
    const org = await t.request('POST', '/api/v1/orgs', { token: searchable.accessToken, body: { name } });
    expect(org.status, org.text).toBe(201);
  }
});
afterAll(() => t.close());

const get = (path: string, token = adminToken) => t.request('GET', path, { token });

/** Follows X-Next-Cursor from `path` until it runs out; returns every page. */
async function allPages(path: string): Promise<any[][]> {
  const pages: any[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await get(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    expect(res.status, res.text).toBe(200);
    pages.push(res.body);
    cursor = res.headers.get('x-next-cursor');
    if (cursor) expect(res.headers.get('link')).toContain('rel="next"');
    else expect(res.headers.get('link')).toBeNull();
    if (!cursor) return pages;
  }
  throw new Error('pagination did not end');
}

describe('GET /admin/users', () => {
  it('lists every user to a superuser', async () => {
    const res = await get('/api/v1/admin/users?limit=200');
    expect(res.status, res.text).toBe(200);
    const [count] = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from users`);
    expect(res.body).toHaveLength(count!.n);
    expect(res.headers.get('x-next-cursor')).toBeNull();
    const emails = res.body.map((u: any) => u.email);
    for (const email of [adminEmail, fixture.owner.email, fixture.suspended.email, searchable.email]) expect(emails).toContain(email);
    expect(res.body.find((u: any) => u.email === adminEmail)).toMatchObject({ is_superuser: true, full_name: 'Instance Root', is_active: true });
    expect(res.body.find((u: any) => u.email === searchable.email)).toEqual({
      id: searchable.userId,
      email: searchable.email,
      full_name: 'Penelope Marsupial',
      is_active: true,
      is_superuser: false,
      email_verified: false,
      created_at: expect.any(String),
    });
    expect(res.text).not.toMatch(/password|argon2/i);
  });

  it('searches email and full name, case-insensitively', async () => {
    const byEmail = await get('/api/v1/admin/users?search=QUOKKA.finder');
    expect(byEmail.status, byEmail.text).toBe(200);
    expect(byEmail.body.map((u: any) => u.id)).toEqual([searchable.userId]);
    const byName = await get(`/api/v1/admin/users?search=${encodeURIComponent('penelope marsup')}`);
    expect(byName.body.map((u: any) => u.id)).toEqual([searchable.userId]);
    const fixtureUsers = await get(`/api/v1/admin/users?search=${encodeURIComponent('Zebra Logistics')}`);
    expect(fixtureUsers.body).toHaveLength(5);
    const none = await get('/api/v1/admin/users?search=no-such-person-anywhere');
    expect(none.body).toEqual([]);
    // LIKE wildcards are matched literally
    expect((await get(`/api/v1/admin/users?search=${encodeURIComponent('%')}`)).body).toEqual([]);
    expect((await get('/api/v1/admin/users?search=_')).body).toEqual([]);
  });

  it('pages with limit=2 through X-Next-Cursor, every user exactly once', async () => {
    const all = await get('/api/v1/admin/users?limit=200');
    const pages = await allPages('/api/v1/admin/users?limit=2');
    expect(pages.length).toBe(Math.ceil(all.body.length / 2));
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(2);
    const ids = pages.flat().map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sortedCopy(ids)).toEqual(sortedCopy(all.body.map((u: any) => u.id)));
  });

  it('pages a search result too', async () => {
    const pages = await allPages(`/api/v1/admin/users?limit=2&search=${encodeURIComponent('Zebra Logistics')}`);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const names = pages.flat().map((u) => u.full_name);
    expect(new Set(names).size).toBe(5);
    for (const name of names) expect(name).toMatch(/^Zebra Logistics /);
  });
});

describe('GET /admin/organizations', () => {
  it('lists every live organization to a superuser', async () => {
    const res = await get('/api/v1/admin/organizations?limit=200');
    expect(res.status, res.text).toBe(200);
    const [count] = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from organizations where deleted_at is null`);
    expect(res.body).toHaveLength(count!.n);
    const names = res.body.map((o: any) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Zebra Logistics', 'Paging Alpha', "Instance Root's Organization"]));
    expect(res.body.find((o: any) => o.id === fixture.orgId)).toMatchObject({ name: 'Zebra Logistics', slug: 'zebra-logistics', is_active: true });
  });

  it('searches name and slug, case-insensitively', async () => {
    const byName = await get(`/api/v1/admin/organizations?search=${encodeURIComponent('paging')}`);
    expect(byName.status, byName.text).toBe(200);
    expect(byName.body.map((o: any) => o.name).sort()).toEqual(['Paging Alpha', 'Paging Beta', 'Paging Gamma']);
    const bySlug = await get('/api/v1/admin/organizations?search=zebra-logistics');
    expect(bySlug.body.map((o: any) => o.id)).toContain(fixture.orgId);
    expect(bySlug.body.every((o: any) => o.slug.includes('zebra-logistics'))).toBe(true);
    const renamed = await t.request('PATCH', `/api/v1/orgs/${fixture.orgId}`, { token: fixture.owner.accessToken, body: { slug: 'striped-hauling' } });
    expect(renamed.status, renamed.text).toBe(200);
    const bySlugOnly = await get('/api/v1/admin/organizations?search=STRIPED-haul');
    expect(bySlugOnly.body.map((o: any) => o.id)).toEqual([fixture.orgId]);
    expect((await get('/api/v1/admin/organizations?search=no-such-org-anywhere')).body).toEqual([]);
    expect((await get(`/api/v1/admin/organizations?search=${encodeURIComponent('%')}`)).body).toEqual([]);
  });

  it('pages with limit=2 through X-Next-Cursor, every organization exactly once', async () => {
    const all = await get('/api/v1/admin/organizations?limit=200');
    const pages = await allPages('/api/v1/admin/organizations?limit=2');
    expect(pages.length).toBe(Math.ceil(all.body.length / 2));
    const ids = pages.flat().map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sortedCopy(ids)).toEqual(sortedCopy(all.body.map((o: any) => o.id)));
  });

  it('leaves deleted organizations out', async () => {
    const owner = await registerUser(t);
    const org = await t.request('POST', '/api/v1/orgs', { token: owner.accessToken, body: { name: 'Soon Gone Ltd' } });
    expect((await get('/api/v1/admin/organizations?search=soon-gone')).body.map((o: any) => o.id)).toEqual([org.body.id]);
    expect((await t.request('DELETE', `/api/v1/orgs/${org.body.id}`, { token: owner.accessToken })).status).toBe(204);
    expect((await get('/api/v1/admin/organizations?search=soon-gone')).body).toEqual([]);
    const all = await get('/api/v1/admin/organizations?limit=200');
    expect(all.body.map((o: any) => o.id)).not.toContain(org.body.id);
  });
});

describe('one user: GET/PATCH /admin/users/:id, DELETE /admin/users/:id/sessions/:session_id', () => {
  const auditRows = (action: string, targetId: string) =>
    queryRows<{ actor_user_id: string | null; metadata: any; organization_id: string | null }>(t.database.handle.db, sql`
      select actor_user_id, metadata, organization_id from audit_logs where action = ${action} and target_id = ${targetId} order by created_at`);
  const adminId = async () => (await get('/api/v1/auth/me')).body.id as string;

  it('shows profile, two-factor status, memberships, live sessions and security events; 404 for an unknown id', async () => {
    const person = await registerUser(t, { fullName: 'Detail Person' });
    expectProblem(await t.request('POST', '/api/v1/auth/login', { body: { email: person.email, password: 'wrong-password-123' } }), 401, 'auth.invalid_credentials');
    const res = await get(`/api/v1/admin/users/${fixture.member.userId}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.user).toMatchObject({ id: fixture.member.userId, email: fixture.member.email, is_active: true });
    expect(res.body.two_factor).toEqual({ enabled: false, enabled_at: null });
    expect(res.body.memberships).toEqual(expect.arrayContaining([expect.objectContaining({ organization_id: fixture.orgId, role_name: 'Member', status: 'active' })]));
    expect(res.body.sessions.length).toBeGreaterThanOrEqual(1);
    expect(res.text).not.toMatch(/refresh_hash|password_hash|secret_enc/);
    const mine = await get(`/api/v1/admin/users/${person.userId}`);
    expect(mine.body.security_events.map((e: any) => e.action)).toEqual(expect.arrayContaining(['user.login.failed', 'user.registered']));
    expectProblem(await get('/api/v1/admin/users/0193aaaa-0000-7000-8000-000000000000'), 404, 'user.not_found');
  });

  it('audits each view of an account’s page (admin.user.viewed, the superuser as actor), not an unknown id, not the listing; the chain verifies', async () => {
    const person = await registerUser(t, { fullName: 'Watched Person' });
    expect((await get(`/api/v1/admin/users/${person.userId}`)).status).toBe(200);
    expect((await get(`/api/v1/admin/users/${person.userId}`)).status).toBe(200);
    const rows = await auditRows('admin.user.viewed', person.userId);
    expect(rows).toEqual([0, 1].map(() => ({ actor_user_id: expect.any(String), organization_id: null, metadata: { email: person.email } })));
    expect(new Set(rows.map((r) => r.actor_user_id))).toEqual(new Set([await adminId()]));
    expectProblem(await get('/api/v1/admin/users/0193aaaa-0000-7000-8000-000000000001'), 404, 'user.not_found');
    expect(await auditRows('admin.user.viewed', '0193aaaa-0000-7000-8000-000000000001')).toEqual([]);
    const [{ n: before }] = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from audit_logs where action = 'admin.user.viewed'`) as [{ n: number }];
    expect((await get('/api/v1/admin/users?limit=5')).status).toBe(200);
    const [{ n: after }] = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from audit_logs where action = 'admin.user.viewed'`) as [{ n: number }];
    expect(after).toBe(before);
    expect(await verifyChain(t.database.handle.db, await adminId())).toMatchObject({ ok: true, first_broken: null });
  });

  it('ends one session (its token stops working), audited with the superuser as actor; the same or a foreign session id is 404', async () => {
    const person = await registerUser(t);
    const [session] = (await get(`/api/v1/admin/users/${person.userId}`)).body.sessions;
    const end = (userId: string, sessionId: string) => t.request('DELETE', `/api/v1/admin/users/${userId}/sessions/${sessionId}`, { token: adminToken });
    expectProblem(await end(fixture.member.userId, session.id), 404, 'session.not_found');
    expect((await t.request('GET', '/api/v1/auth/me', { token: person.accessToken })).status).toBe(200);
    expect((await end(person.userId, session.id)).status).toBe(204);
    expectProblem(await t.request('GET', '/api/v1/auth/me', { token: person.accessToken }), 401, 'auth.session_revoked');
    expectProblem(await end(person.userId, session.id), 404, 'session.not_found');
    const rows = await auditRows('user.session.revoked', person.userId);
    expect(rows).toEqual([expect.objectContaining({ actor_user_id: await adminId(), metadata: expect.objectContaining({ session_id: session.id, by_superuser: true }) })]);
  });

  it('disables an account (sessions end, login refused) and enables it again, each audited; never the superuser’s own', async () => {
    const person = await registerUser(t);
    const patch = (userId: string, isActive: boolean, token = adminToken) => t.request('PATCH', `/api/v1/admin/users/${userId}`, { token, body: { is_active: isActive } });
    const off = await patch(person.userId, false);
    expect(off.status, off.text).toBe(200);
    expect(off.body).toMatchObject({ id: person.userId, is_active: false });
    expect((await t.request('GET', '/api/v1/auth/me', { token: person.accessToken })).status).toBe(401);
    expectProblem(await login(t, person.email, person.password), 403, 'auth.account_disabled');
    expect((await patch(person.userId, false)).status).toBe(200);
    expect((await auditRows('user.disabled', person.userId)).map((r) => [r.actor_user_id, r.metadata.sessions_ended])).toEqual([[await adminId(), 1]]);
    expect((await patch(person.userId, true)).body.is_active).toBe(true);
    expect((await login(t, person.email, person.password)).status).toBe(200);
    expect(await auditRows('user.enabled', person.userId)).toHaveLength(1);
    expectProblem(await patch(await adminId(), false), 409, 'user.cannot_disable_self');
    expectProblem(await patch(person.userId, true, 'x'.repeat(3)), 401, 'auth.invalid_token');
    for (const body of [{}, { is_active: 'no' }, { is_active: false, is_superuser: true }]) {
      expectProblem(await t.request('PATCH', `/api/v1/admin/users/${person.userId}`, { token: adminToken, body }), 400, 'request.validation_failed');
    }
  });
});

describe('one organization seen by a superuser who is not a member', () => {
  const viewedRows = (orgId: string) => queryRows<{ actor_user_id: string; metadata: any }>(t.database.handle.db, sql`
    select actor_user_id, metadata from audit_logs where organization_id = ${orgId} and action = 'admin.organization.viewed' order by seq`);

  it('reads its summary, members and audit log, one audit row per call in the organization’s own log, and its chain stays valid', async () => {
    const org = await createOrgWithMembers(t, 'Watched Widgets');
    const summary = await get(`/api/v1/admin/organizations/${org.orgId}`);
    expect(summary.status, summary.text).toBe(200);
    expect(summary.body).toMatchObject({ organization: { id: org.orgId, name: 'Watched Widgets', settings: {} }, member_count: 5 });
    expect(summary.body.roles.find((r: any) => r.name === 'Member')).toMatchObject({ member_count: 2, is_system: true });
    const members = await get(`/api/v1/admin/organizations/${org.orgId}/members?limit=2&sort=name`);
    expect(members.status, members.text).toBe(200);
    expect(members.body).toHaveLength(2);
    expect(members.headers.get('x-next-cursor')).toBeTruthy();
    const audit = await get(`/api/v1/admin/organizations/${org.orgId}/audit-logs?limit=100`);
    expect(audit.status, audit.text).toBe(200);
    // the reads before this one are already in the log it returns
    expect(audit.body.filter((e: any) => e.action === 'admin.organization.viewed').map((e: any) => e.metadata.view)).toEqual(['audit_logs', 'members', 'summary']);
    const rows = await viewedRows(org.orgId);
    expect(rows.map((r) => r.metadata.view)).toEqual(['summary', 'members', 'audit_logs']);
    expect(new Set(rows.map((r) => r.actor_user_id)).size).toBe(1);
    // the Owner sees who looked, and the chain still verifies
    const own = await t.request('GET', `/api/v1/audit/orgs/${org.orgId}/logs?action=admin.organization.viewed`, { token: org.owner.accessToken });
    expect(own.body.map((e: any) => e.actor_email)).toEqual([adminEmail, adminEmail, adminEmail]);
    const verify = await t.request('GET', `/api/v1/audit/orgs/${org.orgId}/verify`, { token: org.owner.accessToken });
    expect(verify.body.ok, verify.text).toBe(true);
  });

  it('answers 404 for an unknown or deleted organization without writing a row, and 403 to its own Owner', async () => {
    const owner = await registerUser(t);
    const org = await t.request('POST', '/api/v1/orgs', { token: owner.accessToken, body: { name: 'Gone Gadgets' } });
    expect((await t.request('DELETE', `/api/v1/orgs/${org.body.id}`, { token: owner.accessToken })).status).toBe(204);
    for (const id of [org.body.id, '0193aaaa-0000-7000-8000-000000000000']) {
      for (const suffix of ['', '/members', '/audit-logs']) expectProblem(await get(`/api/v1/admin/organizations/${id}${suffix}`), 404, 'organization.not_found');
    }
    expect(await viewedRows(org.body.id)).toEqual([]);
    for (const suffix of ['', '/members', '/audit-logs']) {
      expectProblem(await get(`/api/v1/admin/organizations/${fixture.orgId}${suffix}`, fixture.owner.accessToken), 403, 'permission_denied');
    }
  });
});

describe('GET /admin/overview', () => {
  it('counts today’s sign-ups, logins, failed logins and active users, and two-factor adoption, from real events', async () => {
    const db = t.database.handle.db;
    await queryRows(db, sql`insert into user_activity_days (day, user_id) values ((now() at time zone 'UTC')::date - 3, ${fixture.member.userId}) on conflict do nothing`);
    const before = await get('/api/v1/admin/overview?days=7');
    expect(before.status, before.text).toBe(200);
    expect(before.body.days).toHaveLength(7);
    expect(before.body.months).toHaveLength(12);
    expect(before.body.days.at(-1).day).toBe(new Date().toISOString().slice(0, 10));
    const person = await registerUser(t);
    expect((await login(t, person.email, person.password)).status).toBe(200);
    expectProblem(await login(t, person.email, 'not-the-password-1'), 401, 'auth.invalid_credentials');
    const after = await get('/api/v1/admin/overview?days=7');
    const [a, b] = [after.body.days.at(-1), before.body.days.at(-1)];
    expect([a.signups - b.signups, a.logins - b.logins, a.failed_logins - b.failed_logins, a.active_users - b.active_users]).toEqual([1, 1, 1, 1]);
    expect(after.body.months.at(-1).users - before.body.months.at(-1).users).toBe(1);
    expect(after.body.totals.users).toBe(after.body.months.at(-1).users);
    expect((await get('/api/v1/admin/overview')).body.days).toHaveLength(30);
    // a closed day (before yesterday) is counted once and kept: a later row for it changes nothing
    const third = before.body.days.at(-4);
    expect(third.active_users).toBeGreaterThanOrEqual(1);
    const [kept] = await queryRows<{ users: number }>(db, sql`select users from activity_counts where period = 'day' and starts_on = ${third.day}::date`);
    expect(kept!.users).toBe(third.active_users);
    await queryRows(db, sql`insert into user_activity_days (day, user_id) values (${third.day}::date, ${fixture.owner.userId}) on conflict do nothing`);
    expect((await get('/api/v1/admin/overview?days=7')).body.days.at(-4).active_users).toBe(third.active_users);
    for (const q of ['days=6', 'days=91', 'days=x', 'other=1']) expectProblem(await get(`/api/v1/admin/overview?${q}`), 400, 'request.validation_failed');
    expectProblem(await get('/api/v1/admin/overview', fixture.owner.accessToken), 403, 'permission_denied');
  });

  it('counts the accounts that exist: a SCIM directory deleting accounts it created (in a closed, already kept month) takes them off', async () => {
    const db = t.database.handle.db;
    const directory = await t.request('POST', `/api/v1/orgs/${fixture.orgId}/directories`, { token: fixture.owner.accessToken, body: { name: 'Counting IdP' } });
    expect(directory.status, directory.text).toBe(201);
    const scim = (method: string, path: string, body?: unknown) =>
      t.request(method, `/scim/v2${path}`, { token: directory.body.token, ...(body ? { body, headers: { 'content-type': 'application/scim+json' } } : {}) });
    // a directory provisions only at its organization's verified domains
    const domain = `counting-${randomBytes(4).toString('hex')}.test`;
    await addVerifiedDomain(t, fixture.orgId, domain);
    const provisioned: { id: string; userId: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const userName = uniqueEmail(`scim-count-${i}`).replace('@example.test', `@${domain}`);
      const res = await scim('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, emails: [{ value: userName, primary: true }], active: true });
      expect(res.status, res.text).toBe(201);
      const [row] = await queryRows<{ id: string }>(db, sql`select id from users where email = ${userName}`);
      provisioned.push({ id: res.body.id, userId: row!.id });
    }
    // provisioned two months ago: their month is closed, and the overview keeps it (a fresh count of every closed month)
    const ids = provisioned.map((p) => p.userId);
    await db.execute(sql`update users set created_at = date_trunc('month', now()) - interval '1 month' - interval '5 days' where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
    await db.execute(sql`delete from activity_counts where period = 'accounts'`);
    const truth = async () => {
      const [row] = await queryRows<{ all: number; by_last_month: number }>(db, sql`
        select count(*)::int as all, (count(*) filter (where created_at < date_trunc('month', now()) - interval '1 month'))::int as by_last_month from users`);
      return row!;
    };
    const before = await get('/api/v1/admin/overview?days=7');
    expect(before.body.totals.users).toBe((await truth()).all);
    expect(before.body.months.at(-3).users).toBe((await truth()).by_last_month);

    for (const p of provisioned) expect((await scim('DELETE', `/Users/${p.id}`)).status).toBe(204);
    expect(await queryRows(db, sql`select 1 from users where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)).toEqual([]);
    const after = await get('/api/v1/admin/overview?days=7');
    const now = await truth();
    expect(after.body.totals.users).toBe(now.all);
    expect(after.body.totals.users).toBe(before.body.totals.users - 3);
    expect(after.body.months.at(-3).users).toBe(now.by_last_month);
    expect(after.body.months.at(-1).users).toBe(now.all);
  });

  it.runIf(testDbKind() === 'postgres')('an account deleted while the overview first counts and keeps the months is neither lost nor kept', async () => {
    const db = t.database.handle.db;
    const person = await registerUser(t);
    await db.execute(sql`update users set created_at = date_trunc('month', now()) - interval '1 month' - interval '3 days' where id = ${person.userId}`);
    await db.execute(sql`delete from activity_counts where period = 'accounts'`);
    // the deletion is under way (not committed) when the overview counts
    const deleting = await holdOpen(db, (tx) => deleteAccount(tx, person.userId));
    const overview = get('/api/v1/admin/overview?days=7');
    expect(await lockWaiters(db)).toBeGreaterThan(0);
    deleting.release();
    await deleting.done;
    expect((await overview).status).toBe(200);
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`) as [{ n: number }];
    expect((await get('/api/v1/admin/overview?days=7')).body.totals.users).toBe(n);
  });
});

describe('access to /admin', () => {
  const paths = ['/api/v1/admin/users', '/api/v1/admin/organizations'];

  it('refuses normal users, even Owners, with 403 permission_denied', async () => {
    for (const path of paths) {
      for (const user of [fixture.owner, fixture.admin, searchable]) {
        const res = await get(path, user.accessToken);
        expectProblem(res, 403, 'permission_denied');
        expect(res.text).not.toContain(adminEmail);
      }
    }
  });

  it('refuses anonymous callers with 401', async () => {
    for (const path of paths) {
      expectProblem(await t.request('GET', path), 401, 'auth.unauthenticated');
      expectProblem(await t.request('GET', path, { token: 'not.a.jwt' }), 401, 'auth.invalid_token');
    }
  });

  it('refuses a cursor it did not issue, and bad limits, with 400', async () => {
    for (const path of paths) {
      for (const cursor of ['garbage', Buffer.from('not-a-uuid').toString('base64url'), '%%%']) {
        const res = await get(`${path}?cursor=${encodeURIComponent(cursor)}`);
        expectProblem(res, 400, 'request.validation_failed');
        expect(res.body.errors.map((e: any) => e.field)).toContain('querystring:/cursor');
      }
      for (const query of ['limit=0', 'limit=201', 'limit=abc', 'search=', 'unknown=1']) {
        expectProblem(await get(`${path}?${query}`), 400, 'request.validation_failed');
      }
    }
  });

  it('takes effect on existing tokens when a user is promoted from the CLI', async () => {
    const user = await registerUser(t, { fullName: 'Soon Root' });
    expectProblem(await get('/api/v1/admin/users', user.accessToken), 403, 'permission_denied');
    const made = await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: user.email, password: 'promoted-root-password-88', fullName: 'Soon Root' });
    expect(made).toEqual({ created: false, email: user.email });
    expect((await get('/api/v1/admin/users', user.accessToken)).status).toBe(200);
    expect((await login(t, user.email, 'promoted-root-password-88')).status).toBe(200);
  });
});

function sortedCopy(ids: string[]): string[] {
  return [...ids].sort();
}
