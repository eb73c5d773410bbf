import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { sha256 } from '../../lib/crypto.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createOrgWithMembers, expectProblem, uniqueEmail, type OrgFixture } from '../../../test/helpers/factories.js';

let t: TestApp;
let f: OrgFixture;
let other: OrgFixture;
beforeAll(async () => {
  t = await startTestApp();
  f = await createOrgWithMembers(t, 'Keys Co');
  other = await createOrgWithMembers(t, 'Other Keys Co');
});
afterAll(() => t.close());

const createKey = (body: object, token = f.admin.accessToken, headers: Record<string, string> = {}, orgId = f.orgId) =>
  t.request('POST', `/api/v1/orgs/${orgId}/api-keys`, { token, body, headers });

describe('API keys', () => {
  it('shows the raw key once and stores only its hash and prefix', async () => {
    const res = await createKey({ name: 'CI', permissions: ['org.read', 'audit.read'] });
    expect(res.status, res.text).toBe(201);
    expect(res.body.raw_key).toMatch(/^sr_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(res.body).toMatchObject({ name: 'CI', permissions: ['audit.read', 'org.read'], created_by: f.admin.userId, last_used_at: null, revoked_at: null });
    expect(res.body.prefix).toBe(res.body.raw_key.split('_')[1]);
    const list = await t.request('GET', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.admin.accessToken });
    expect(list.text).not.toContain(res.body.raw_key);
    // the secret is everything after `sr_<prefix>_` (base64url: it may itself contain "_")
    const secret = (res.body.raw_key as string).slice(`sr_${res.body.prefix}_`.length);
    expect(secret).toHaveLength(43);
    expect(list.text).not.toContain(secret);
    const [row] = await queryRows<{ key_hash: string }>(t.database.handle.db, sql`select key_hash from api_keys where id = ${res.body.id}`);
    expect(row!.key_hash).toBe(sha256(res.body.raw_key));
  });

  it('authenticates as the organization with exactly its permissions, through the same guard', async () => {
    const { body: key } = await createKey({ name: 'reader', permissions: ['org.read', 'audit.read'] });
    const bearer = key.raw_key as string;
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: bearer })).status).toBe(200);
    expect((await t.request('GET', `/api/v1/audit/orgs/${f.orgId}/logs`, { token: bearer })).status).toBe(200);
    expectProblem(await t.request('PATCH', `/api/v1/orgs/${f.orgId}`, { token: bearer, body: { description: 'x' } }), 403, 'permission_denied');
    // another organization does not exist for this key
    expectProblem(await t.request('GET', `/api/v1/orgs/${other.orgId}`, { token: bearer }), 404, 'organization.not_found');
    // user-only endpoints are closed to keys
    expectProblem(await t.request('GET', '/api/v1/auth/me', { token: bearer }), 403, 'api_key.forbidden');
    expectProblem(await t.request('GET', '/api/v1/orgs', { token: bearer }), 403, 'api_key.forbidden');
    // the authorize endpoint answers for the key
    const authz = await t.request('POST', `/api/v1/orgs/${f.orgId}/authorize`, { token: bearer, body: { permissions: ['org.read', 'org.update'] } });
    expect(authz.body).toEqual({ allowed: false, permissions: { 'org.read': true, 'org.update': false }, role: 'api_key' });
  });

  it('can never manage keys, members or roles, and cannot be created with such permissions', async () => {
    const res = await createKey({ name: 'too much', permissions: ['api_key.manage', 'user.manage', 'org.read'] }, f.owner.accessToken);
    expectProblem(res, 403, 'api_key.forbidden');
    expect(res.body.errors.map((e: any) => e.message).join()).toContain('api_key.manage');
    // even a key that somehow held them (written directly) is refused by the guard
    const { body: key } = await createKey({ name: 'plain', permissions: ['org.read'] }, f.owner.accessToken);
    await t.database.handle.db.execute(sql`insert into api_key_permissions (organization_id, api_key_id, permission) values (${f.orgId}, ${key.id}, 'api_key.manage'), (${f.orgId}, ${key.id}, 'user.manage'), (${f.orgId}, ${key.id}, 'role.manage')`);
    expectProblem(await t.request('GET', `/api/v1/orgs/${f.orgId}/api-keys`, { token: key.raw_key }), 403, 'api_key.forbidden');
    expectProblem(await t.request('DELETE', `/api/v1/orgs/${f.orgId}/members/${f.memberships.Member}`, { token: key.raw_key }), 403, 'api_key.forbidden');
    expectProblem(await t.request('POST', `/api/v1/orgs/${f.orgId}/roles`, { token: key.raw_key, body: { name: 'x', permissions: [] } }), 403, 'api_key.forbidden');
    expectProblem(await t.request('POST', `/api/v1/orgs/${f.orgId}/invite`, { token: key.raw_key, body: { email: uniqueEmail(), role_id: f.roles.Viewer } }), 403, 'api_key.forbidden');
  });

  it('holds at most its creator’s permissions', async () => {
    // an Admin lacks org.delete and role.manage; feature_flags.manage is not an Admin permission either
    const res = await createKey({ name: 'x', permissions: ['feature_flags.manage'] });
    expectProblem(res, 403, 'membership.escalation');
    expectProblem(await createKey({ name: 'x', permissions: ['nope.nothing'] }), 400, 'role.unknown_permission');
    expectProblem(await createKey({ name: 'x', permissions: ['org.read'] }, f.member.accessToken), 403, 'permission_denied');
  });

  it('stops working at once when revoked, and after it expires; both are 401', async () => {
    const { body: key } = await createKey({ name: 'short', permissions: ['org.read'] });
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: key.raw_key })).status).toBe(200);
    expect((await t.request('DELETE', `/api/v1/orgs/${f.orgId}/api-keys/${key.id}`, { token: f.admin.accessToken })).status).toBe(204);
    expectProblem(await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: key.raw_key }), 401, 'api_key.invalid');
    const listed = (await t.request('GET', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.admin.accessToken })).body.find((k: any) => k.id === key.id);
    expect(listed.revoked_at).not.toBeNull();

    const { body: expiring } = await createKey({ name: 'exp', permissions: ['org.read'], expires_at: new Date(Date.now() + 60_000).toISOString() });
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: expiring.raw_key })).status).toBe(200);
    // expired by a write outside the app, as another process would: its cached copy of the key is
    // dropped when the invalidation notice arrives, which the caches promise within a second
    await t.database.handle.db.execute(sql`update api_keys set expires_at = now() - interval '1 second' where id = ${expiring.id}`);
    const changed = Date.now();
    let afterExpiry = await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: expiring.raw_key });
    while (afterExpiry.status === 200 && Date.now() - changed < 1_000) afterExpiry = await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: expiring.raw_key });
    expectProblem(afterExpiry, 401, 'api_key.invalid');
    expectProblem(await createKey({ name: 'past', permissions: ['org.read'], expires_at: '2001-01-01T00:00:00Z' }), 400, 'api_key.expiry_in_past');
  });

  it('refuses unknown and malformed keys with 401', async () => {
    const { body: key } = await createKey({ name: 'k', permissions: ['org.read'] });
    const wrongSecret = key.raw_key.slice(0, -4) + 'AAAA';
    expectProblem(await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: wrongSecret }), 401, 'api_key.invalid');
    expectProblem(await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: 'sr_garbage' }), 401, 'api_key.invalid');
  });

  it('cannot be revoked from another organization (404)', async () => {
    const { body: key } = await createKey({ name: 'b', permissions: ['org.read'] }, other.owner.accessToken, {}, other.orgId);
    expectProblem(await t.request('DELETE', `/api/v1/orgs/${f.orgId}/api-keys/${key.id}`, { token: f.owner.accessToken }), 404, 'api_key.not_found');
    expect((await t.request('GET', `/api/v1/orgs/${other.orgId}`, { token: key.raw_key })).status).toBe(200);
  });

  it('records last_used_at without writing on every request', async () => {
    const { body: key } = await createKey({ name: 'used', permissions: ['org.read'] });
    await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: key.raw_key });
    const read = async () => (await queryRows<{ last_used_at: Date | null }>(t.database.handle.db, sql`select last_used_at from api_keys where id = ${key.id}`))[0]!.last_used_at;
    await expect.poll(read).not.toBeNull();
    const first = await read();
    await t.request('GET', `/api/v1/orgs/${f.orgId}`, { token: key.raw_key });
    await new Promise((r) => setTimeout(r, 100));
    expect(await read()).toEqual(first); // coalesced: within a minute, no new write
  });

  it('audits creation and revocation, and actions done by a key carry actor_type api_key', async () => {
    const { body: key } = await createKey({ name: 'writer', permissions: ['org.read', 'org.update'] }, f.owner.accessToken);
    expect((await t.request('PATCH', `/api/v1/orgs/${f.orgId}`, { token: key.raw_key, body: { description: 'set by a key' } })).status).toBe(200);
    const rows = await queryRows<{ action: string; actor_type: string; actor_api_key_id: string | null; actor_user_id: string | null }>(
      t.database.handle.db,
      sql`select action, actor_type, actor_api_key_id, actor_user_id from audit_logs where organization_id = ${f.orgId} and (target_id = ${key.id} or actor_api_key_id = ${key.id}) order by seq`,
    );
    expect(rows).toEqual([
      { action: 'api_key.created', actor_type: 'user', actor_api_key_id: null, actor_user_id: f.owner.userId },
      { action: 'org.updated', actor_type: 'api_key', actor_api_key_id: key.id, actor_user_id: null },
    ]);
  });
});

describe('Idempotency-Key', () => {
  it('replays the stored answer for the same request, without the raw key', async () => {
    const headers = { 'idempotency-key': `k-${Date.now()}` };
    const body = { name: 'idem', permissions: ['org.read'] };
    const first = await createKey(body, f.admin.accessToken, headers);
    expect(first.status).toBe(201);
    expect(first.body.raw_key).toBeTruthy();
    const second = await createKey(body, f.admin.accessToken, headers);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.raw_key).toBeUndefined();
    const keys = (await t.request('GET', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.admin.accessToken })).body.filter((k: any) => k.name === 'idem');
    expect(keys).toHaveLength(1);
    const [stored] = await queryRows<{ response_body: unknown }>(t.database.handle.db, sql`select response_body from idempotency_keys where key = ${headers['idempotency-key']}`);
    expect(JSON.stringify(stored!.response_body)).not.toContain('sr_');
  });

  it('replays organizations, roles and invitations too, and keeps keys per caller', async () => {
    const key = `org-${Date.now()}`;
    const a = await t.request('POST', '/api/v1/orgs', { token: f.owner.accessToken, body: { name: 'Idem Org' }, headers: { 'idempotency-key': key } });
    const b = await t.request('POST', '/api/v1/orgs', { token: f.owner.accessToken, body: { name: 'Idem Org' }, headers: { 'idempotency-key': key } });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    // the same key from another user is a different record
    const c = await t.request('POST', '/api/v1/orgs', { token: f.admin.accessToken, body: { name: 'Idem Org' }, headers: { 'idempotency-key': key } });
    expect(c.status).toBe(201);
    expect(c.body.id).not.toBe(a.body.id);
    const role1 = await t.request('POST', `/api/v1/orgs/${f.orgId}/roles`, { token: f.owner.accessToken, body: { name: 'Idem Role', permissions: [] }, headers: { 'idempotency-key': key } });
    const role2 = await t.request('POST', `/api/v1/orgs/${f.orgId}/roles`, { token: f.owner.accessToken, body: { name: 'Idem Role', permissions: [] }, headers: { 'idempotency-key': key } });
    expect(role2.body.id).toBe(role1.body.id);
    const email = uniqueEmail();
    const inv1 = await t.request('POST', `/api/v1/orgs/${f.orgId}/invite`, { token: f.owner.accessToken, body: { email, role_id: f.roles.Viewer }, headers: { 'idempotency-key': `${key}-inv` } });
    const inv2 = await t.request('POST', `/api/v1/orgs/${f.orgId}/invite`, { token: f.owner.accessToken, body: { email, role_id: f.roles.Viewer }, headers: { 'idempotency-key': `${key}-inv` } });
    expect([inv1.status, inv2.status]).toEqual([201, 201]);
    expect(inv2.body.id).toBe(inv1.body.id);
  });

  it('refuses the same key with a different body: 422 idempotency_key_reused', async () => {
    const headers = { 'idempotency-key': `reuse-${Date.now()}` };
    expect((await createKey({ name: 'one', permissions: ['org.read'] }, f.admin.accessToken, headers)).status).toBe(201);
    expectProblem(await createKey({ name: 'two', permissions: ['org.read'] }, f.admin.accessToken, headers), 422, 'idempotency_key_reused');
  });

  it('answers a concurrent duplicate 409 idempotency_in_progress, and creates one resource', async () => {
    const headers = { 'idempotency-key': `race-${Date.now()}` };
    const body = { name: `Race Org ${Date.now()}` };
    const results = await Promise.all([0, 1, 2, 3].map(() => t.request('POST', '/api/v1/orgs', { token: f.owner.accessToken, body, headers })));
    const created = results.filter((r) => r.status === 201);
    for (const r of results.filter((x) => x.status !== 201)) expectProblem(r, 409, 'idempotency_in_progress');
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    const [count] = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from organizations where name = ${body.name}`);
    expect(count!.n).toBe(1);
  });

  it('replays a 4xx answer too, and forgets records after 24 hours', async () => {
    const headers = { 'idempotency-key': `err-${Date.now()}` };
    const first = await createKey({ name: 'x', permissions: ['nope.nothing'] }, f.admin.accessToken, headers);
    const second = await createKey({ name: 'x', permissions: ['nope.nothing'] }, f.admin.accessToken, headers);
    expectProblem(first, 400, 'role.unknown_permission');
    expectProblem(second, 400, 'role.unknown_permission');
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    await t.database.handle.db.execute(sql`update idempotency_keys set expires_at = now() - interval '1 second' where key = ${headers['idempotency-key']}`);
    const third = await createKey({ name: 'x', permissions: ['nope.nothing'] }, f.admin.accessToken, headers);
    expect(third.headers.get('idempotency-replayed')).toBeNull();
  });

  it('refuses a malformed key', async () => {
    expectProblem(await createKey({ name: 'x', permissions: ['org.read'] }, f.admin.accessToken, { 'idempotency-key': 'x'.repeat(300) }), 400, 'request.validation_failed');
  });
});
