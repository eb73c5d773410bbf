import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import bcrypt from 'bcryptjs';
import { queryRows } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import { PRODUCTION_ARGON2, startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { addMember, createOrgWithMembers, expectProblem, login, registerUser, STRONG_PASSWORD, uniqueEmail } from '../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  // the stored hashes are asserted to carry the OWASP parameters
  t = await startTestApp({ argon2: PRODUCTION_ARGON2 });
});
afterAll(() => t.close());

const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());

describe('POST /auth/register', () => {
  it('creates the user, a personal organization with the Owner role, a session and audit rows', async () => {
    const email = `  Jane.${Date.now()}@Acme.TEST `;
    const res = await t.request('POST', '/api/v1/auth/register', { body: { email, password: STRONG_PASSWORD, full_name: 'Jane Founder' } });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 900 });
    expect(res.body.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email: email.trim().toLowerCase(),
      full_name: 'Jane Founder',
      is_active: true,
      is_superuser: false,
      email_verified: false,
      created_at: expect.any(String),
    });
    const claims = decode(res.body.access_token);
    expect(claims).toMatchObject({ sub: res.body.user.id, iss: t.config.issuer, aud: t.config.audience });
    expect(claims.exp - claims.iat).toBe(900);
    for (const claim of ['sid', 'org_id', 'jti']) expect(typeof claims[claim]).toBe('string');
    // the current organization's role and permissions, for offline authorization in relying apps
    expect(claims.org_role).toBe('Owner');
    expect(claims.permissions).toEqual(expect.arrayContaining(['org.delete', 'user.manage']));

    const me = await t.request('GET', '/api/v1/auth/me', { token: res.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body.memberships).toHaveLength(1);
    expect(me.body.memberships[0]).toMatchObject({ organization_id: claims.org_id, role_name: 'Owner', status: 'active', organization_slug: expect.stringMatching(/^jane-founder/) });
    expect(me.body.memberships[0].permissions).toContain('org.delete');
    expect(me.body.current_organization).toEqual({ id: claims.org_id, name: "Jane Founder's Organization", slug: me.body.memberships[0].organization_slug });

    const actions = await queryRows<{ action: string }>(t.database.handle.db, sql`select action from audit_logs where actor_user_id = ${res.body.user.id} order by created_at, id`);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['org.created', 'member.added', 'user.registered']));
  });

  it('gives two people with the same name distinct slugs', async () => {
    const a = await registerUser(t, { fullName: 'Same Name' });
    const b = await registerUser(t, { fullName: 'Same Name' });
    const slugs = await queryRows<{ slug: string }>(t.database.handle.db, sql`select slug from organizations where id in (${a.orgId}, ${b.orgId})`);
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(2);
  });

  it('refuses a duplicate email, whatever its case, with 409 and no detail about the account', async () => {
    const user = await registerUser(t);
    const res = await t.request('POST', '/api/v1/auth/register', { body: { email: user.email.toUpperCase(), password: STRONG_PASSWORD, full_name: 'X' } });
    expectProblem(res, 409, 'auth.email_taken');
    expect(res.text).not.toContain(user.userId);
  });

  it('rolls back completely when a step fails: no user without an organization', async () => {
    const email = uniqueEmail();
    const [before] = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from users`);
    const res = await t.request('POST', '/api/v1/auth/register', { body: { email, password: 'password123', full_name: 'Weak' } });
    expectProblem(res, 422, 'auth.password_rejected');
    const [after] = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from users`);
    expect(after!.n).toBe(before!.n);
  });

  it.each([
    ['a common password', 'password1234', 'password.too_common'],
    ['the email itself', 'EMAIL', 'password.matches_email'],
  ])('rejects %s', async (_name, password, code) => {
    const email = uniqueEmail('longlocalpart');
    const res = await t.request('POST', '/api/v1/auth/register', { body: { email, password: password === 'EMAIL' ? email : password, full_name: 'X' } });
    expectProblem(res, 422, 'auth.password_rejected');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '/password', code })]);
  });

  it.each([
    ['too short', 'short-9ch'],
    ['too long', 'x'.repeat(129)],
  ])('rejects a password that is %s with a field error', async (_name, password) => {
    const res = await t.request('POST', '/api/v1/auth/register', { body: { email: uniqueEmail(), password, full_name: 'X' } });
    expectProblem(res, 400, 'request.validation_failed');
    expect(res.body.errors[0].field).toBe('/password');
  });
});

describe('POST /auth/login', () => {
  it('logs in with any casing of the email and returns the token pair', async () => {
    const user = await registerUser(t);
    const res = await login(t, user.email.toUpperCase(), user.password);
    expect(res.status, res.text).toBe(200);
    expect(res.body.user.id).toBe(user.userId);
    expect(decode(res.body.access_token).org_id).toBe(user.orgId);
    expect(res.body.refresh_token).not.toBe(user.refreshToken);
  });

  it('answers an unknown email and a wrong password with the same body', async () => {
    const user = await registerUser(t);
    const wrong = await login(t, user.email, 'not-the-password');
    const unknown = await login(t, uniqueEmail('nobody'), 'not-the-password');
    expectProblem(wrong, 401, 'auth.invalid_credentials');
    expectProblem(unknown, 401, 'auth.invalid_credentials');
    const strip = (b: any) => ({ ...b, request_id: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
  });

  it('verifies a bcrypt hash from an imported user and upgrades it to argon2id', async () => {
    const email = uniqueEmail('imported');
    const id = newId();
    await t.database.handle.db.execute(sql`insert into users (id, email, password_hash, full_name) values (${id}, ${email}, ${await bcrypt.hash('imported-password-1', 4)}, 'Imported')`);
    const res = await login(t, email, 'imported-password-1');
    expect(res.status, res.text).toBe(200);
    const [row] = await queryRows<{ password_hash: string }>(t.database.handle.db, sql`select password_hash from users where id = ${id}`);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login(t, email, 'imported-password-1')).status).toBe(200);
    expectProblem(await login(t, email, 'wrong-password-1'), 401, 'auth.invalid_credentials');
  });

  it('stores passwords only as argon2id with OWASP parameters', async () => {
    const user = await registerUser(t);
    const [row] = await queryRows<{ password_hash: string }>(t.database.handle.db, sql`select password_hash from users where id = ${user.userId}`);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row!.password_hash).not.toContain(user.password);
  });

  it('refuses a disabled account only after a correct password', async () => {
    const user = await registerUser(t);
    await t.database.handle.db.execute(sql`update users set is_active = false where id = ${user.userId}`);
    expectProblem(await login(t, user.email, 'wrong-password-x'), 401, 'auth.invalid_credentials');
    expectProblem(await login(t, user.email, user.password), 403, 'auth.account_disabled');
    // and tokens issued before the account was disabled stop working
    expectProblem(await t.request('GET', '/api/v1/auth/me', { token: user.accessToken }), 403, 'auth.account_disabled');
  });
});

describe('GET /auth/me', () => {
  it('needs a token', async () => {
    expectProblem(await t.request('GET', '/api/v1/auth/me'), 401, 'auth.unauthenticated');
    expectProblem(await t.request('GET', '/api/v1/auth/me', { headers: { authorization: 'Basic abc' } }), 401, 'auth.unauthenticated');
    expectProblem(await t.request('GET', '/api/v1/auth/me', { token: 'not.a.jwt' }), 401, 'auth.invalid_token');
  });

  it('answers current_org_id and the current organization\'s permissions at the top level, following switch-org, [] without an organization or while 2FA is required', async () => {
    const user = await registerUser(t);
    const own = await t.request('GET', '/api/v1/auth/me', { token: user.accessToken });
    expect(own.status, own.text).toBe(200);
    expect(own.body.current_org_id).toBe(user.orgId);
    expect(own.body.current_organization.id).toBe(user.orgId);
    expect(own.body.permissions).toEqual(expect.arrayContaining(['org.update', 'org.delete', 'user.manage']));
    expect(own.body.permissions).toEqual(decode(user.accessToken).permissions);

    // a Viewer elsewhere: after switch-org, that organization's (smaller) set
    const other = await createOrgWithMembers(t, 'Me Permissions');
    await addMember(t, other.orgId, user, 'Viewer');
    const switched = await t.request('POST', '/api/v1/auth/switch-org', { token: user.accessToken, body: { org_id: other.orgId } });
    expect(switched.status, switched.text).toBe(200);
    const asViewer = await t.request('GET', '/api/v1/auth/me', { token: switched.body.access_token });
    expect(asViewer.body.current_org_id).toBe(other.orgId);
    const viewerMembership = asViewer.body.memberships.find((m: any) => m.organization_id === other.orgId);
    expect(viewerMembership.role_name).toBe('Viewer');
    expect(asViewer.body.permissions).toEqual(viewerMembership.permissions);
    expect(asViewer.body.permissions).toContain('org.read');
    expect(asViewer.body.permissions).not.toContain('org.update');

    // the organization requires 2FA and the user has none: no permissions, as in a token minted now
    // (set in the database before this user's first /me, so no cached entry can be stale)
    const unenrolled = await registerUser(t);
    await t.database.handle.db.execute(sql`update organizations set settings = '{"require_2fa": true}'::jsonb where id = ${unenrolled.orgId}`);
    const blocked = await t.request('GET', '/api/v1/auth/me', { token: unenrolled.accessToken });
    expect(blocked.body.current_org_id).toBe(unenrolled.orgId);
    expect(blocked.body.memberships[0]).toMatchObject({ require_2fa: true, permissions: expect.arrayContaining(['org.delete']) });
    expect(blocked.body.two_factor_setup_required).toBe(true);
    expect(blocked.body.permissions).toEqual([]);

    // no organization at all: the personal one deleted
    const deleted = await t.request('DELETE', `/api/v1/orgs/${user.orgId}`, { token: user.accessToken });
    expect(deleted.status, deleted.text).toBe(204);
    const orgless = await t.request('GET', '/api/v1/auth/me', { token: user.accessToken });
    expect(orgless.status, orgless.text).toBe(200);
    expect(orgless.body.current_org_id).toBeNull();
    expect(orgless.body.current_organization).toBeNull();
    expect(orgless.body.permissions).toEqual([]);
  });
});

describe('behind a proxy (TRUST_PROXY)', () => {
  it('records the forwarded client address, and ignores one that is not an address instead of failing', async () => {
    const proxied = await startTestApp({ trustProxy: true });
    try {
      const good = await proxied.request('POST', '/api/v1/auth/register', { body: { email: uniqueEmail(), password: STRONG_PASSWORD, full_name: 'Proxied' }, headers: { 'x-forwarded-for': '2001:db8::1' } });
      expect(good.status, good.text).toBe(201);
      const sessions = await proxied.request('GET', '/api/v1/auth/sessions', { token: good.body.access_token });
      expect(sessions.body[0].ip).toBe('2001:db8::1');
      const bad = await proxied.request('POST', '/api/v1/auth/register', { body: { email: uniqueEmail(), password: STRONG_PASSWORD, full_name: 'Spoofed' }, headers: { 'x-forwarded-for': 'garbage' } });
      expect(bad.status, bad.text).toBe(201);
      expect((await proxied.request('GET', '/api/v1/auth/sessions', { token: bad.body.access_token })).body[0].ip).toBeNull();
    } finally {
      await proxied.close();
    }
  });
});
