import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { evaluateFlag, murmur3, rolloutBucket, type FlagRule } from '@saasready/contracts';
import { queryRows } from '../../db/client.js';
import { PasswordHasher } from '../../lib/passwords.js';
import { createAdmin } from '../users/admin.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createOrgWithMembers, expectProblem, login, type OrgFixture } from '../../../test/helpers/factories.js';

describe('rollout evaluation (shared by server and SDK)', () => {
  const rule = (percent: number | null, unit: FlagRule['rollout_unit'] = 'organization'): FlagRule => ({ key: 'beta-ui', default_enabled: false, rollout_percent: percent, rollout_unit: unit });
  const ids = Array.from({ length: 10_000 }, () => randomUUID());

  it('hashes with MurmurHash3 (x86_32) reference values', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('', 1)).toBe(0x514e28b7);
    expect(murmur3('hello')).toBe(0x248bfa47);
    expect(murmur3('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723);
  });

  it('gives the same organization the same answer every time', () => {
    for (const id of ids.slice(0, 100)) expect(evaluateFlag(rule(37), null, { organizationId: id })).toBe(evaluateFlag(rule(37), null, { organizationId: id }));
  });

  it('enables 10/50/90% of 10,000 random organizations within ±2 points', () => {
    for (const percent of [10, 50, 90]) {
      const share = (ids.filter((id) => evaluateFlag(rule(percent), null, { organizationId: id })).length / ids.length) * 100;
      expect(Math.abs(share - percent), `${percent}% → ${share}%`).toBeLessThanOrEqual(2);
    }
  });

  it('only ever adds organizations when the percentage rises (property over random ids and percentages)', () => {
    for (let trial = 0; trial < 200; trial++) {
      const low = Math.floor(Math.random() * 101);
      const high = low + Math.floor(Math.random() * (101 - low));
      for (const id of ids.slice(trial * 50, trial * 50 + 50)) {
        if (evaluateFlag(rule(low), null, { organizationId: id })) expect(evaluateFlag(rule(high), null, { organizationId: id })).toBe(true);
      }
    }
    expect(ids.every((id) => !evaluateFlag(rule(0), null, { organizationId: id }))).toBe(true);
    expect(ids.every((id) => evaluateFlag(rule(100), null, { organizationId: id }))).toBe(true);
  });

  it('lets an override win, rolls out by user when the flag says so, and falls back to the default', () => {
    const org = ids[0]!;
    expect(evaluateFlag(rule(100), { enabled: false, rollout_percent: null }, { organizationId: org })).toBe(false);
    expect(evaluateFlag(rule(0), { enabled: true, rollout_percent: null }, { organizationId: org })).toBe(true);
    expect(evaluateFlag({ ...rule(null), default_enabled: true }, null, { organizationId: org })).toBe(true);
    const users = ids.slice(100, 2100);
    const share = users.filter((u) => evaluateFlag(rule(50, 'user'), null, { organizationId: org, userId: u })).length / users.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
    // buckets depend on the flag key too, so one organization is not first in line for every rollout
    const inLowBuckets = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k) => rolloutBucket(k, org));
    expect(new Set(inLowBuckets).size).toBeGreaterThan(1);
  });
});

describe('feature flags over HTTP', () => {
  let t: TestApp;
  let f: OrgFixture;
  let other: OrgFixture;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createOrgWithMembers(t, 'Flags Co');
    other = await createOrgWithMembers(t, 'Other Flags Co');
    await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: 'flags-admin@example.test', password: 'flag-admin-secret-1', fullName: 'Flag Admin' });
    admin = (await login(t, 'flags-admin@example.test', 'flag-admin-secret-1')).body.access_token;
  });
  afterAll(() => t.close());

  const create = (body: object) => t.request('POST', '/api/v1/admin/feature-flags', { token: admin, body });
  const orgFlags = (orgId: string, token: string) => t.request('GET', `/api/v1/orgs/${orgId}/feature-flags`, { token });

  it('lets only superusers manage global flags, with unique, well-formed keys', async () => {
    const res = await create({ key: 'beta-ui', name: 'Beta UI', description: 'The new UI' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ key: 'beta-ui', default_enabled: false, rollout_percent: null, rollout_unit: 'organization' });
    expectProblem(await create({ key: 'beta-ui', name: 'Again' }), 409, 'feature_flag.key_taken');
    expectProblem(await create({ key: 'Bad Key', name: 'x' }), 400, 'request.validation_failed');
    expectProblem(await create({ key: 'pct', name: 'x', rollout_percent: 101 }), 400, 'request.validation_failed');
    expectProblem(await t.request('POST', '/api/v1/admin/feature-flags', { token: f.owner.accessToken, body: { key: 'nope', name: 'x' } }), 403, 'permission_denied');
    const patched = await t.request('PATCH', '/api/v1/admin/feature-flags/beta-ui', { token: admin, body: { rollout_percent: 100 } });
    expect(patched.body.rollout_percent).toBe(100);
    expectProblem(await t.request('PATCH', '/api/v1/admin/feature-flags/missing', { token: admin, body: { rollout_percent: 1 } }), 404, 'feature_flag.not_found');
    const audit = await queryRows<{ action: string; metadata: any }>(t.database.handle.db, sql`select action, metadata from audit_logs where target_id = 'beta-ui' and action like 'feature_flag.%' order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['feature_flag.created', 'feature_flag.updated']);
    expect(audit[1]!.metadata).toMatchObject({ before: { rollout_percent: null }, after: { rollout_percent: 100 } });
  });

  it('shows every flag per organization in the seeds’ shape; an override wins and a reset restores the rule', async () => {
    await create({ key: 'dark-mode', name: 'Dark mode', default_enabled: false });
    const before = await orgFlags(f.orgId, f.member.accessToken);
    expect(before.status).toBe(200);
    expect(before.body.find((x: any) => x.key === 'dark-mode')).toEqual({ key: 'dark-mode', name: 'Dark mode', description: null, default_enabled: false, enabled: false, overridden: false, rollout_percent: null });

    const on = await t.request('PUT', `/api/v1/orgs/${f.orgId}/feature-flags/dark-mode`, { token: f.owner.accessToken, body: { enabled: true } });
    expect(on.status, on.text).toBe(200);
    expect(on.body).toMatchObject({ key: 'dark-mode', enabled: true, overridden: true });
    // only this organization
    expect((await orgFlags(other.orgId, other.owner.accessToken)).body.find((x: any) => x.key === 'dark-mode').enabled).toBe(false);

    const reset = await t.request('DELETE', `/api/v1/orgs/${f.orgId}/feature-flags/dark-mode`, { token: f.owner.accessToken });
    expect(reset.body).toMatchObject({ enabled: false, overridden: false });
    const audit = await queryRows<{ action: string; metadata: any }>(t.database.handle.db, sql`select action, metadata from audit_logs where organization_id = ${f.orgId} and target_id = 'dark-mode' order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['feature_flag.enabled', 'feature_flag.reset']);
    expect(audit[0]!.metadata).toEqual({ before: null, after: { enabled: true, rollout_percent: null } });
    expectProblem(await t.request('PUT', `/api/v1/orgs/${f.orgId}/feature-flags/unknown-flag`, { token: f.owner.accessToken, body: { enabled: true } }), 404, 'feature_flag.not_found');
  });

  it('refuses writes to Members and Viewers, and hides other organizations (404)', async () => {
    await create({ key: 'perm-test', name: 'Perm' });
    for (const token of [f.member.accessToken, f.viewer.accessToken]) {
      expectProblem(await t.request('PUT', `/api/v1/orgs/${f.orgId}/feature-flags/perm-test`, { token, body: { enabled: true } }), 403, 'permission_denied');
      expectProblem(await t.request('DELETE', `/api/v1/orgs/${f.orgId}/feature-flags/perm-test`, { token }), 403, 'permission_denied');
    }
    expectProblem(await orgFlags(other.orgId, f.owner.accessToken), 404, 'organization.not_found');
    expectProblem(await t.request('PUT', `/api/v1/orgs/${other.orgId}/feature-flags/perm-test`, { token: f.owner.accessToken, body: { enabled: true } }), 404, 'organization.not_found');
  });

  it('evaluates requested keys with an ETag, answering 304 when nothing changed', async () => {
    await create({ key: 'eval-a', name: 'A', default_enabled: true });
    await create({ key: 'eval-b', name: 'B' });
    const url = `/api/v1/orgs/${f.orgId}/feature-flags/evaluate?keys=eval-a,eval-b,nope`;
    const first = await t.request('GET', url, { token: f.member.accessToken });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ flags: { 'eval-a': true, 'eval-b': false, nope: false } });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    const again = await t.request('GET', url, { token: f.member.accessToken, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    await t.request('PUT', `/api/v1/orgs/${f.orgId}/feature-flags/eval-b`, { token: f.owner.accessToken, body: { enabled: true } });
    const changed = await t.request('GET', url, { token: f.member.accessToken, headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.flags['eval-b']).toBe(true);
  });

  it('serves the snapshot to API keys (their organization’s overrides) and superusers (all), not to members', async () => {
    await create({ key: 'snap', name: 'Snap', rollout_percent: 30 });
    await t.request('PUT', `/api/v1/orgs/${f.orgId}/feature-flags/snap`, { token: f.owner.accessToken, body: { enabled: false } });
    await t.request('PUT', `/api/v1/orgs/${other.orgId}/feature-flags/snap`, { token: other.owner.accessToken, body: { enabled: true } });
    const key = (await t.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'sdk', permissions: ['feature_flags.read'] } })).body.raw_key;
    const viaKey = await t.request('GET', '/api/v1/feature-flags/snapshot', { token: key });
    expect(viaKey.status, viaKey.text).toBe(200);
    const snap = viaKey.body.flags.find((x: any) => x.key === 'snap');
    expect(snap).toEqual({ key: 'snap', default_enabled: false, rollout_percent: 30, rollout_unit: 'organization', overrides: { [f.orgId]: { enabled: false, rollout_percent: null } } });
    const viaAdmin = await t.request('GET', '/api/v1/feature-flags/snapshot', { token: admin });
    expect(Object.keys(viaAdmin.body.flags.find((x: any) => x.key === 'snap').overrides).sort()).toEqual([f.orgId, other.orgId].sort());
    expectProblem(await t.request('GET', '/api/v1/feature-flags/snapshot', { token: f.owner.accessToken }), 403, 'permission_denied');
    // local evaluation from the snapshot agrees with the server
    const server = await t.request('GET', `/api/v1/orgs/${f.orgId}/feature-flags/evaluate?keys=snap`, { token: f.owner.accessToken });
    expect(evaluateFlag(snap, snap.overrides[f.orgId], { organizationId: f.orgId })).toBe(server.body.flags.snap);
  });

  it('refuses the snapshot to an API key without feature_flags.read (403 permission_denied)', async () => {
    const keyWith = async (permissions: string[]) =>
      (await t.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'snapshot', permissions } })).body.raw_key as string;
    expectProblem(await t.request('GET', '/api/v1/feature-flags/snapshot', { token: await keyWith(['org.read', 'audit.read']) }), 403, 'permission_denied');
    const allowed = await t.request('GET', '/api/v1/feature-flags/snapshot', { token: await keyWith(['org.read', 'feature_flags.read']) });
    expect(allowed.status, allowed.text).toBe(200);
  });

  it('deletes a flag with its overrides', async () => {
    await create({ key: 'gone', name: 'Gone' });
    await t.request('PUT', `/api/v1/orgs/${f.orgId}/feature-flags/gone`, { token: f.owner.accessToken, body: { enabled: true } });
    expect((await t.request('DELETE', '/api/v1/admin/feature-flags/gone', { token: admin })).status).toBe(204);
    expect((await orgFlags(f.orgId, f.owner.accessToken)).body.map((x: any) => x.key)).not.toContain('gone');
  });
});
