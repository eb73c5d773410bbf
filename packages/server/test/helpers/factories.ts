// One-line fixtures over the public API.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from './app.js';

export interface RegisteredUser {
  email: string;
  password: string;
  fullName: string;
  userId: string;
  accessToken: string;
  refreshToken: string;
  /** the personal organization created at registration */
  orgId: string;
}

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}-${++counter}-${randomBytes(3).toString('hex')}@example.test`;
export const STRONG_PASSWORD = 'quartz-falcon-meadow-42';

export async function registerUser(t: TestApp, overrides: { email?: string; password?: string; fullName?: string } = {}): Promise<RegisteredUser> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? STRONG_PASSWORD;
  const fullName = overrides.fullName ?? 'Test User';
  const res = await t.request('POST', '/api/v1/auth/register', { body: { email, password, full_name: fullName } });
  expect(res.status, res.text).toBe(201);
  const payload = JSON.parse(Buffer.from(res.body.access_token.split('.')[1], 'base64url').toString());
  return {
    email: email.trim().toLowerCase(),
    password,
    fullName,
    userId: res.body.user.id,
    accessToken: res.body.access_token,
    refreshToken: res.body.refresh_token,
    orgId: payload.org_id,
  };
}

export async function login(t: TestApp, email: string, password: string, headers?: Record<string, string>) {
  return t.request('POST', '/api/v1/auth/login', { body: { email, password }, headers });
}

/** Asserts the response is an RFC 9457 problem with the given status and code. */
export function expectProblem(res: { status: number; headers: Headers; body: any; text: string }, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `urn:saasready:problem:${code}` });
  expect(typeof res.body.title).toBe('string');
  expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
}

export type SystemRole = 'Owner' | 'Admin' | 'Member' | 'Viewer';

/** Puts an existing user into an organization with a role, directly in the database (invitations come later). */
export async function addMember(t: TestApp, orgId: string, user: RegisteredUser, role: string, status: 'active' | 'suspended' = 'active'): Promise<string> {
  const { sql } = await import('drizzle-orm');
  const { queryRows } = await import('../../src/db/client.js');
  const { newId } = await import('../../src/lib/ids.js');
  const [roleRow] = await queryRows<{ id: string }>(t.database.handle.db, sql`select id from roles where organization_id = ${orgId} and name = ${role}`);
  if (!roleRow) throw new Error(`no role ${role} in ${orgId}`);
  const id = newId();
  await t.database.handle.db.execute(
    sql`insert into memberships (id, organization_id, user_id, role_id, status) values (${id}, ${orgId}, ${user.userId}, ${roleRow.id}, ${status})`,
  );
  return id;
}

/**
 * Marks a domain verified by the organization, directly in the database (the DNS round trip itself is
 * domains.test.ts's): SSO and SCIM speak only for addresses at an organization's verified domains.
 */
export async function addVerifiedDomain(t: TestApp, orgId: string, domain: string): Promise<void> {
  const { sql } = await import('drizzle-orm');
  const { newId } = await import('../../src/lib/ids.js');
  await t.database.handle.db.execute(
    sql`insert into organization_domains (id, organization_id, domain, verification_token, verified_at) values (${newId()}, ${orgId}, ${domain}, 'x', now())`,
  );
}

export interface OrgFixture {
  orgId: string;
  owner: RegisteredUser;
  admin: RegisteredUser;
  member: RegisteredUser;
  viewer: RegisteredUser;
  suspended: RegisteredUser;
  /** membership ids by role name */
  memberships: Record<SystemRole | 'suspended', string>;
  roles: Record<SystemRole, string>;
}

/** A fresh organization with one active member in each system role and one suspended Member. */
export async function createOrgWithMembers(t: TestApp, name = 'Acme Fixture'): Promise<OrgFixture> {
  const owner = await registerUser(t, { fullName: `${name} Owner` });
  const res = await t.request('POST', '/api/v1/orgs', { token: owner.accessToken, body: { name } });
  expect(res.status, res.text).toBe(201);
  const orgId: string = res.body.id;
  const [admin, member, viewer, suspended] = await Promise.all([
    registerUser(t, { fullName: `${name} Admin` }),
    registerUser(t, { fullName: `${name} Member` }),
    registerUser(t, { fullName: `${name} Viewer` }),
    registerUser(t, { fullName: `${name} Suspended` }),
  ]);
  const roles = await t.request('GET', `/api/v1/orgs/${orgId}/roles`, { token: owner.accessToken });
  expect(roles.status, roles.text).toBe(200);
  const roleIds = Object.fromEntries(roles.body.filter((r: any) => r.is_system).map((r: any) => [r.name, r.id])) as Record<SystemRole, string>;
  const members = await t.request('GET', `/api/v1/orgs/${orgId}/members`, { token: owner.accessToken });
  return {
    orgId,
    owner,
    admin,
    member,
    viewer,
    suspended,
    roles: roleIds,
    memberships: {
      Owner: members.body[0].id,
      Admin: await addMember(t, orgId, admin, 'Admin'),
      Member: await addMember(t, orgId, member, 'Member'),
      Viewer: await addMember(t, orgId, viewer, 'Viewer'),
      suspended: await addMember(t, orgId, suspended, 'Member', 'suspended'),
    },
  };
}
