// Superuser listings over real HTTP: who may see them, search, and keyset pagination.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { PasswordHasher } from '../../lib/passwords.js';
import { createAdmin } from '../users/admin.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createOrgWithMembers, expectProblem, login, registerUser, uniqueEmail, type OrgFixture, type RegisteredUser } from '../../../test/helpers/factories.js';

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
