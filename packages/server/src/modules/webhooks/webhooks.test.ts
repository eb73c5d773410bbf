// Webhooks end to end: a real receiver on loopback verifies every delivery with both
// `standardwebhooks` and `svix`; events exist exactly for committed changes; retries, ordering,
// 410 and the 5-day disable are driven with the worker's injectable clock instead of sleeps.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '@saasready/contracts';
import { queryRows, type Tx } from '../../db/client.js';
import { systemContext } from '../../lib/request-context.js';
import { PasswordHasher } from '../../lib/passwords.js';
import { startDnsServer, type DnsServer } from '../../../test/helpers/dns-server.js';
import { IDP_CERT } from '../../../test/helpers/saml-idp.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { holdOpen, lockWaiters, testDbKind } from '../../../test/helpers/db.js';
import { addMember, createOrgWithMembers, expectProblem, login, registerUser, STRONG_PASSWORD, uniqueEmail, type OrgFixture } from '../../../test/helpers/factories.js';
import { startReceiver, type ReceivedWebhook, type Receiver } from '../../../test/helpers/webhook-receiver.js';
import { recordAudit } from '../audit-logs/service.js';
import { createAdmin } from '../users/admin.js';
import { FAILING_DISABLE_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS } from './worker.js';

let t: TestApp;
let receiver: Receiver;
let org: OrgFixture;
let rootToken: string;
const secrets = new Map<string, string>(); // endpoint id → secret

const WEBHOOKS = { allowPrivate: true, timeoutMs: 3000, leaseSeconds: 30, retentionSeconds: 30 * 86400, pollMs: 1000 };

let dns: DnsServer;

beforeAll(async () => {
  dns = await startDnsServer();
  t = await startTestApp({ rateLimit: { enabled: false }, webhooks: WEBHOOKS, dnsServers: [dns.address] });
  receiver = await startReceiver();
  org = await createOrgWithMembers(t, 'Hooked Corp');
  const email = uniqueEmail('root');
  await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email, password: 'instance-root-password-77', fullName: 'Root' });
  rootToken = (await login(t, email, 'instance-root-password-77')).body.access_token;
});
afterAll(async () => {
  await t.close();
  await receiver.close();
  await dns.close();
});

const orgPath = (suffix = '') => `/api/v1/orgs/${org.orgId}/webhooks${suffix}`;
const db = () => t.database.handle.db;

async function createEndpoint(body: Record<string, unknown>, path = orgPath(), token = org.owner.accessToken, url = receiver.url): Promise<any> {
  const res = await t.request('POST', path, { token, body: { url, ...body } });
  expect(res.status, res.text).toBe(201);
  expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  secrets.set(res.body.id, res.body.secret);
  return res.body;
}

/** Both libraries accept the delivery with `secret`; answers the parsed event. */
function verifyBoth(request: ReceivedWebhook, secret: string): any {
  const headers = { 'webhook-id': String(request.headers['webhook-id']), 'webhook-timestamp': String(request.headers['webhook-timestamp']), 'webhook-signature': String(request.headers['webhook-signature']) };
  const standard = new StandardWebhook(secret).verify(request.body, headers);
  const svix = new SvixWebhook(secret).verify(request.body, headers);
  expect(svix).toEqual(standard);
  return standard;
}

const forEndpoint = (id: string) => (r: ReceivedWebhook) => r.json?.data?.endpoint_id === id || r.headers['x-endpoint'] === id;
const ofType = (type: string, extra: (r: ReceivedWebhook) => boolean = () => true) => (r: ReceivedWebhook) => r.json?.type === type && extra(r);

describe('endpoints', () => {
  it('shows the secret once, never again, and stores it encrypted', async () => {
    const created = await createEndpoint({ event_types: ['membership.*'], description: 'CRM sync' });
    expect(created).toMatchObject({ organization_id: org.orgId, url: receiver.url, event_types: ['membership.*'], enabled: true, description: 'CRM sync', disabled_reason: null });
    const one = await t.request('GET', orgPath(`/${created.id}`), { token: org.admin.accessToken });
    expect(one.status).toBe(200);
    const list = await t.request('GET', orgPath(), { token: org.admin.accessToken });
    expect(list.text).not.toContain(created.secret);
    expect(one.text).not.toContain(created.secret);
    expect(one.body).not.toHaveProperty('secret');
    const [row] = await queryRows<{ secret_enc: string }>(db(), sql`select secret_enc from webhook_endpoints where id = ${created.id}`);
    expect(row!.secret_enc).not.toContain(created.secret.slice(6, 20));
    expect(t.logs.join('\n')).not.toContain(created.secret.slice(6));
    await t.request('DELETE', orgPath(`/${created.id}`), { token: org.owner.accessToken });
  });

  it('refuses unknown event types, bad URLs and a literal private address without WEBHOOK_ALLOW_PRIVATE, as problems', async () => {
    const token = org.owner.accessToken;
    expectProblem(await t.request('POST', orgPath(), { token, body: { url: receiver.url, event_types: ['membership.exploded'] } }), 400, 'webhook.unknown_event_type');
    expectProblem(await t.request('POST', orgPath(), { token, body: { url: 'ftp://example.com/x', event_types: ['*'] } }), 400, 'webhook.invalid_url');
    expectProblem(await t.request('POST', orgPath(), { token, body: { url: 'not a url', event_types: ['*'] } }), 400, 'webhook.invalid_url');
    expectProblem(await t.request('POST', orgPath(), { token, body: { url: 'https://user:pw@example.com/', event_types: ['*'] } }), 400, 'webhook.invalid_url');
    expectProblem(await t.request('POST', orgPath(), { token, body: { url: receiver.url, event_types: [] } }), 400, 'request.validation_failed');
    expectProblem(await t.request('PATCH', orgPath(`/${crypto.randomUUID()}`), { token, body: { enabled: false } }), 404, 'webhook.not_found');
    // Members and Viewers lack webhooks.manage
    expectProblem(await t.request('GET', orgPath(), { token: org.member.accessToken }), 403, 'permission_denied');
    // every event is audit data: choosing subscriptions needs audit.read beside webhooks.manage
    const role = await t.request('POST', `/api/v1/orgs/${org.orgId}/roles`, { token, body: { name: 'Hooks only', permissions: ['webhooks.manage'] } });
    expect(role.status, role.text).toBe(201);
    const hooker = await registerUser(t);
    await addMember(t, org.orgId, hooker, 'Hooks only');
    const refused = await t.request('POST', orgPath(), { token: hooker.accessToken, body: { url: receiver.url, event_types: ['audit.event'] } });
    expectProblem(refused, 403, 'permission_denied');
    expect(refused.body.detail).toContain('audit.read');
    const existing = await createEndpoint({ event_types: ['role.*'] });
    expectProblem(await t.request('PATCH', orgPath(`/${existing.id}`), { token: hooker.accessToken, body: { event_types: ['*'] } }), 403, 'permission_denied');
    // pointing an existing subscription at another receiver is choosing who reads that audit data too
    expectProblem(await t.request('PATCH', orgPath(`/${existing.id}`), { token: hooker.accessToken, body: { url: 'https://collector.example.net/hook' } }), 403, 'permission_denied');
    expect((await t.request('PATCH', orgPath(`/${existing.id}`), { token: hooker.accessToken, body: { description: 'renamed' } })).status).toBe(200);
    expect((await t.request('GET', orgPath(), { token: hooker.accessToken })).status).toBe(200);
    expect((await t.request('DELETE', orgPath(`/${existing.id}`), { token: hooker.accessToken })).status).toBe(204);
  });
});

describe('deliveries', () => {
  let catchAll: any; // the organization's, subscribed to *
  let instance: any; // the instance's, subscribed to *
  let auditStream: any; // the instance's, subscribed to audit.event (its own queue: the two deliver in parallel)

  beforeAll(async () => {
    catchAll = await createEndpoint({ event_types: ['*'] });
    instance = await createEndpoint({ event_types: ['*'] }, '/api/v1/admin/webhooks', rootToken);
    auditStream = await createEndpoint({ event_types: ['audit.event'] }, '/api/v1/admin/webhooks', rootToken);
  });

  it('delivers every catalog event from the API call that makes it, signed so standardwebhooks and svix both verify', async () => {
    const owner = org.owner.accessToken;
    const api = (method: string, path: string, body?: unknown, token = owner) => t.request(method, path, { token, body });
    // user.created, session.created (instance-wide: no organization)
    const newcomer = await registerUser(t);
    expect((await login(t, newcomer.email, STRONG_PASSWORD)).status).toBe(200);
    // organization.*
    const made = await api('POST', '/api/v1/orgs', { name: 'Spawned Org' }, newcomer.accessToken);
    expect(made.status).toBe(201);
    expect((await api('PATCH', `/api/v1/orgs/${org.orgId}`, { description: 'changed' })).status).toBe(200);
    // role.*
    const role = await api('POST', `/api/v1/orgs/${org.orgId}/roles`, { name: 'Auditor', permissions: ['audit.read'] });
    expect(role.status).toBe(201);
    expect((await api('PATCH', `/api/v1/orgs/${org.orgId}/roles/${role.body.id}`, { description: 'reads logs' })).status).toBe(200);
    // invitation.* and membership.created (accepting)
    const invited = await registerUser(t);
    const inv = await api('POST', `/api/v1/orgs/${org.orgId}/invite`, { email: invited.email, role_id: org.roles.Member });
    expect(inv.status, inv.text).toBe(201);
    const invToken = new URL(inv.body.accept_url).searchParams.get('token');
    expect((await api('POST', '/api/v1/invitations/accept', { token: invToken }, invited.accessToken)).status).toBe(200);
    const other = await api('POST', `/api/v1/orgs/${org.orgId}/invite`, { email: uniqueEmail('never'), role_id: org.roles.Member });
    expect((await api('DELETE', `/api/v1/orgs/${org.orgId}/invitations/${other.body.id}`)).status).toBe(204);
    // membership.updated, membership.deleted
    const members = await api('GET', `/api/v1/orgs/${org.orgId}/members?search=${encodeURIComponent(invited.email)}`);
    const membershipId = members.body[0].id;
    expect((await api('PATCH', `/api/v1/orgs/${org.orgId}/members/${membershipId}/role`, { role_id: role.body.id })).status).toBe(200);
    expect((await api('DELETE', `/api/v1/orgs/${org.orgId}/members/${membershipId}`)).status).toBe(204);
    expect((await api('DELETE', `/api/v1/orgs/${org.orgId}/roles/${role.body.id}`)).status).toBe(204);
    // api_key.*
    const key = await api('POST', `/api/v1/orgs/${org.orgId}/api-keys`, { name: 'ci', permissions: ['org.read'] });
    expect(key.status).toBe(201);
    expect((await api('DELETE', `/api/v1/orgs/${org.orgId}/api-keys/${key.body.id}`)).status).toBe(204);
    // flag_override.*
    const flag = await api('POST', '/api/v1/admin/feature-flags', { key: `beta-${Date.now()}`, name: 'Beta' }, rootToken);
    expect(flag.status, flag.text).toBe(201);
    {
      expect((await api('PUT', `/api/v1/orgs/${org.orgId}/feature-flags/${flag.body.key}`, { enabled: true })).status).toBeLessThan(300);
      expect((await api('DELETE', `/api/v1/orgs/${org.orgId}/feature-flags/${flag.body.key}`)).status).toBeLessThan(300);
    }
    // domain.*, through the loopback DNS server
    const domain = await api('POST', `/api/v1/orgs/${org.orgId}/domains`, { domain: `hooked-${Date.now()}.test` });
    expect(domain.status, domain.text).toBe(201);
    dns.txt.set(domain.body.verification.name, [domain.body.verification.value]);
    expect((await api('POST', `/api/v1/orgs/${org.orgId}/domains/${domain.body.id}/verify`)).status).toBe(200);
    expect((await api('DELETE', `/api/v1/orgs/${org.orgId}/domains/${domain.body.id}`)).status).toBe(204);
    // sso_connection.*
    const connection = await api('POST', `/api/v1/orgs/${org.orgId}/sso/connections`, { type: 'saml', name: 'Hooked IdP', idp_entity_id: 'https://idp.hooked.test', idp_sso_url: 'https://idp.hooked.test/sso', idp_certificate: IDP_CERT });
    expect(connection.status, connection.text).toBe(201);
    expect((await api('PATCH', `/api/v1/orgs/${org.orgId}/sso/connections/${connection.body.id}`, { name: 'Hooked IdP 2' })).status).toBe(200);
    expect((await api('DELETE', `/api/v1/orgs/${org.orgId}/sso/connections/${connection.body.id}`)).status).toBe(204);
    // user.updated, session.revoked
    expect((await api('PATCH', '/api/v1/auth/me', { full_name: 'Renamed Newcomer' }, newcomer.accessToken)).status).toBe(200);
    // organization.deleted
    const deleted = await api('DELETE', `/api/v1/orgs/${made.body.id}`, undefined, newcomer.accessToken);
    expect(deleted.status, deleted.text).toBeLessThan(300);
    expect((await api('POST', '/api/v1/auth/logout', {}, newcomer.accessToken)).status).toBeLessThan(300);

    const expected = WEBHOOK_EVENT_TYPES.filter((type) => type !== 'webhook.test' && type !== 'audit.event');
    // the instance endpoint hears every one of them; each verifies with both libraries
    for (const type of expected) {
      const got = await receiver.waitFor((r) => r.json?.type === type && verifyWith(r, instance.id)).catch(async (err) => {
        throw new Error(`${type}: ${(err as Error).message}; got ${[...new Set(receiver.received.filter((r) => verifyWith(r, instance.id)).map((r) => r.json?.type))].join(' ')}`);
      });
      expect(got.json).toMatchObject({ type, id: got.headers['webhook-id'] });
    }
    // the organization's endpoint hears its organization's (not the other organization's, not sessions)
    const orgTypes = expected.filter((type) => !type.startsWith('session.') && !type.startsWith('user.') && type !== 'organization.created' && type !== 'organization.deleted');
    for (const type of orgTypes) await receiver.waitFor((r) => r.json?.type === type && r.json.organization_id === org.orgId && verifyWith(r, catchAll.id));
    expect(receiver.received.filter((r) => verifyWith(r, catchAll.id)).every((r) => r.json.organization_id === org.orgId)).toBe(true);
    // a domain event names the audit row it came from
    const created = receiver.received.find((r) => r.json?.type === 'membership.created' && r.json.organization_id === org.orgId)!;
    expect(created.json.data).toMatchObject({ action: 'user.invite.accepted', actor: { type: 'user' }, target: { type: 'membership', id: membershipId } });
  });

  it('streams audit rows whole: seq, prev_hash and hash as the chain holds them', async () => {
    const rows = await queryRows<{ id: string; seq: string; hash: string; prev_hash: string | null }>(db(), sql`select id, seq, hash, prev_hash from audit_logs where organization_id = ${org.orgId} order by seq`);
    const last = Number(rows.at(-1)!.seq);
    await receiver.waitFor(ofType('audit.event', (r) => r.json.organization_id === org.orgId && r.json.data.seq === last && verifyWith(r, auditStream.id)));
    const streamed = receiver.received.filter(ofType('audit.event', (r) => r.json.organization_id === org.orgId && verifyWith(r, auditStream.id)));
    const bySeq = new Map(streamed.map((r) => [r.json.data.seq as number, r.json.data]));
    const seqs = [...bySeq.keys()].sort((a, b) => a - b);
    // whole from the first row after the endpoint existed: no gap, each row as stored
    expect(seqs).toEqual(Array.from({ length: last - seqs[0]! + 1 }, (_, i) => seqs[0]! + i));
    expect(seqs.length).toBeGreaterThan(10);
    for (const row of rows.filter((r) => bySeq.has(Number(r.seq)))) expect(bySeq.get(Number(row.seq))).toMatchObject({ id: row.id, hash: row.hash, prev_hash: row.prev_hash });
  });

  it('sends every event as its JSON Schema in the OpenAPI webhooks section says, with what a receiver needs', async () => {
    const doc = (await t.request('GET', '/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validators = new Map<string, ValidateFunction>();
    for (const type of WEBHOOK_EVENT_TYPES) validators.set(type, ajv.compile(doc.webhooks[type].post.requestBody.content['application/json'].schema));
    const seen = new Set<string>();
    for (const r of receiver.received) {
      const validate = validators.get(r.json?.type);
      if (!validate) continue;
      seen.add(r.json.type);
      expect(validate(r.json), `${r.json.type}: ${ajv.errorsText(validate.errors)}\n${r.body}`).toBe(true);
    }
    // by now every catalog event has been received (webhook.test in the log tests below runs later)
    expect([...WEBHOOK_EVENT_TYPES].filter((type) => !seen.has(type) && type !== 'webhook.test')).toEqual([]);
    // the schema can refuse: a domain event without its actor does not pass
    const sample = receiver.received.find((r) => r.json?.type === 'membership.created')!.json;
    expect(validators.get('membership.created')!({ ...sample, data: { ...sample.data, actor: undefined } })).toBe(false);
    // what a receiver needs without a call back: ids, the role's name, the member's email, before/after
    const about = (type: string, org = true) => receiver.received.filter((r) => r.json?.type === type && (!org || r.json.organization_id === org_id()));
    const org_id = () => org.orgId;
    const roleChange = about('membership.updated').find((r) => r.json.data.action === 'user.role.updated')!.json.data;
    expect(roleChange.target).toMatchObject({ type: 'membership' });
    expect(roleChange.attributes).toMatchObject({ user_id: expect.any(String), email: expect.stringContaining('@'), from_role: 'Member', to_role: 'Auditor', to_role_id: expect.any(String) });
    const invitation = about('invitation.created')[0]!.json.data;
    expect(invitation.attributes).toMatchObject({ invited_email: expect.stringContaining('@'), role: 'Member', role_id: org.roles.Member });
    const roleCreated = about('role.created')[0]!.json.data;
    expect(roleCreated.attributes).toMatchObject({ name: expect.any(String) });
  });

  it('refuses, through both libraries, a tampered body, a wrong secret and a stale timestamp', async () => {
    const sample = receiver.received.find((r) => verifyWith(r, catchAll.id))!;
    const secret = secrets.get(catchAll.id)!;
    const headers = { 'webhook-id': String(sample.headers['webhook-id']), 'webhook-timestamp': String(sample.headers['webhook-timestamp']), 'webhook-signature': String(sample.headers['webhook-signature']) };
    const tampered = `${sample.body.slice(0, -1)}, "tampered": true}`;
    expect(JSON.parse(tampered).tampered).toBe(true);
    for (const lib of [new StandardWebhook(secret), new SvixWebhook(secret)]) {
      expect(() => lib.verify(tampered, headers)).toThrow();
      expect(() => lib.verify(sample.body, { ...headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 3600) })).toThrow();
    }
    const wrong = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(() => new StandardWebhook(wrong).verify(sample.body, headers)).toThrow();
    expect(() => new SvixWebhook(wrong).verify(sample.body, headers)).toThrow();
  });

  it('signs with both secrets during a rotation’s overlap, and with the new one only when it ends', async () => {
    const before = secrets.get(catchAll.id)!;
    const rotated = await t.request('POST', orgPath(`/${catchAll.id}/rotate-secret`), { token: org.owner.accessToken, body: { overlap_seconds: 3600 } });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.body.secret).not.toBe(before);
    const test = await t.request('POST', orgPath(`/${catchAll.id}/test`), { token: org.owner.accessToken });
    expect(test.status, test.text).toBe(202);
    const got = await receiver.waitFor((r) => r.headers['webhook-id'] === test.body.event_id);
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
    verifyBoth(got, before);
    verifyBoth(got, rotated.body.secret);
    expect(got.json).toMatchObject({ type: 'webhook.test', data: { endpoint_id: catchAll.id } });
    secrets.set(catchAll.id, rotated.body.secret);
    const now = await t.request('POST', orgPath(`/${catchAll.id}/rotate-secret`), { token: org.owner.accessToken, body: { overlap_seconds: 0 } });
    const test2 = await t.request('POST', orgPath(`/${catchAll.id}/test`), { token: org.owner.accessToken });
    const got2 = await receiver.waitFor((r) => r.headers['webhook-id'] === test2.body.event_id);
    expect(String(got2.headers['webhook-signature']).split(' ')).toHaveLength(1);
    verifyBoth(got2, now.body.secret);
    expect(() => new StandardWebhook(rotated.body.secret).verify(got2.body, got2.headers as Record<string, string>)).toThrow();
    secrets.set(catchAll.id, now.body.secret);
  });

  it('keeps a delivery log and retries a delivery on request, with the same webhook-id', async () => {
    const log = await t.request('GET', orgPath(`/${catchAll.id}/deliveries?limit=5`), { token: org.admin.accessToken });
    expect(log.status, log.text).toBe(200);
    const done = log.body.find((d: any) => d.status === 'succeeded');
    expect(done.attempt_log[0]).toMatchObject({ attempt: 1, status_code: 204, error: null, next_retry_at: null });
    expect(done.attempt_log[0].latency_ms).toBeGreaterThanOrEqual(0);
    const retried = await t.request('POST', orgPath(`/${catchAll.id}/deliveries/${done.id}/retry`), { token: org.admin.accessToken });
    expect(retried.status, retried.text).toBe(202);
    const again = await receiver.waitForCount((r) => r.headers['webhook-id'] === done.event_id, 2);
    expect(again[1]!.body).toBe(again[0]!.body);
    expectProblem(await t.request('POST', orgPath(`/${catchAll.id}/deliveries/${crypto.randomUUID()}/retry`), { token: org.admin.accessToken }), 404, 'webhook.delivery_not_found');
    // another organization's endpoint is a 404 here, like a missing one
    const other = await createOrgWithMembers(t, 'Other Hooks');
    expectProblem(await t.request('GET', `/api/v1/orgs/${other.orgId}/webhooks/${catchAll.id}/deliveries`, { token: other.owner.accessToken }), 404, 'webhook.not_found');
    expectProblem(await t.request('GET', `/api/v1/admin/webhooks/${catchAll.id}`, { token: rootToken }), 404, 'webhook.not_found');
    // an instance endpoint's log holds the organizations' events it received
    const instanceLog = await t.request('GET', `/api/v1/admin/webhooks/${instance.id}/deliveries?limit=100`, { token: rootToken });
    expect(instanceLog.status, instanceLog.text).toBe(200);
    expect(instanceLog.body.map((d: any) => d.event_type)).toEqual(expect.arrayContaining(['membership.created', 'session.created']));
    const retriedInstance = await t.request('POST', `/api/v1/admin/webhooks/${instance.id}/deliveries/${instanceLog.body.find((d: any) => d.event_type === 'membership.created').id}/retry`, { token: rootToken });
    expect(retriedInstance.status, retriedInstance.text).toBe(202);
  });

  afterAll(async () => {
    for (const e of [catchAll, instance, auditStream]) await db().execute(sql`delete from webhook_endpoints where id = ${e.id}`);
  });
});

/** Whether the request was signed with that endpoint's (current) secret. */
function verifyWith(request: ReceivedWebhook, endpointId: string): boolean {
  try {
    verifyBoth(request, secrets.get(endpointId)!);
    return true;
  } catch {
    return false;
  }
}

describe('only committed changes make events', () => {
  it('writes no event for a rolled-back transaction, nor for a refused request', async () => {
    const hook = await createEndpoint({ event_types: ['*', 'audit.event'] });
    const count = async () => Number((await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from webhook_deliveries where endpoint_id = ${hook.id}`))[0]!.n);
    const before = await count();
    // the events are written with the audit row, when the transaction commits: not before, and not at all when it rolls back
    const record = (tx: Tx) => recordAudit(tx, systemContext('rollback-test'), { action: 'role.created', organizationId: org.orgId, targetType: 'role', targetId: crypto.randomUUID() });
    await expect(db().transaction(async (tx) => {
      await record(tx);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await count()).toBe(before);
    await db().transaction(async (tx) => {
      await record(tx);
      expect(Number((await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from webhook_deliveries where endpoint_id = ${hook.id}`))[0]!.n)).toBe(before);
    });
    expect(await count()).toBe(before + 2);
    // a refused change (a taken role name) writes nothing either
    expectProblem(await t.request('POST', `/api/v1/orgs/${org.orgId}/roles`, { token: org.owner.accessToken, body: { name: 'Owner', permissions: [] } }), 409, 'role.name_taken');
    expect(await count()).toBe(before + 2);
    await db().execute(sql`delete from webhook_endpoints where id = ${hook.id}`);
  });
});

describe('concurrency', () => {
  it('never deadlocks: an endpoint changed, rotated and deleted while changes emit events to it and its deliveries are recorded', async () => {
    const token = org.owner.accessToken;
    for (let round = 0; round < 4; round++) {
      const hook = await createEndpoint({ event_types: ['role.*', 'audit.event'] }, orgPath(), token, `${receiver.url}?race`);
      const calls = [
        ...Array.from({ length: 4 }, (_, i) => t.request('POST', `/api/v1/orgs/${org.orgId}/roles`, { token, body: { name: `Race ${round}-${i}`, permissions: [] } })),
        t.request('PATCH', orgPath(`/${hook.id}`), { token, body: { description: `round ${round}` } }),
        t.request('POST', orgPath(`/${hook.id}/rotate-secret`), { token, body: {} }),
        t.request('DELETE', orgPath(`/${hook.id}`), { token }),
      ];
      for (const res of await Promise.all(calls)) expect(res.status, res.text).toBeLessThan(500);
    }
    await t.app.webhooks.drain();
    expect(t.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
  });
});

describe('an endpoint deleted while a delivery to it is being queued', () => {
  it('a test event or a retry answers webhook.not_found (404), not a 500', async () => {
    const hook = await createEndpoint({ event_types: ['webhook.test'] }, orgPath(), org.owner.accessToken, `${receiver.url}?deleted-meanwhile`);
    const test = await t.request('POST', orgPath(`/${hook.id}/test`), { token: org.owner.accessToken });
    expect(test.status, test.text).toBe(202);
    // the endpoint is deleted between the request's look-up and its insert, as if another
    // transaction committed just then: the delivery's foreign key then finds no endpoint
    await db().execute(sql.raw(`create function delete_endpoint_first() returns trigger language plpgsql as $$
      begin delete from webhook_endpoints where id = NEW.endpoint_id; return NEW; end $$`));
    await db().execute(sql.raw(`create trigger delete_endpoint_first before insert on webhook_deliveries for each row
      when (NEW.endpoint_id = '${hook.id}') execute function delete_endpoint_first()`));
    try {
      expectProblem(await t.request('POST', orgPath(`/${hook.id}/test`), { token: org.owner.accessToken }), 404, 'webhook.not_found');
      expectProblem(await t.request('POST', orgPath(`/${hook.id}/deliveries/${test.body.delivery_id}/retry`), { token: org.owner.accessToken }), 404, 'webhook.not_found');
    } finally {
      await db().execute(sql`drop trigger delete_endpoint_first on webhook_deliveries`);
      await db().execute(sql`drop function delete_endpoint_first()`);
    }
    await db().execute(sql`delete from webhook_endpoints where id = ${hook.id}`);
  });

  it.runIf(testDbKind() === 'postgres')('a test event for an endpoint another transaction is deleting answers webhook.not_found once that commits, never a 202 for a delivery that does not exist', async () => {
    const hook = await createEndpoint({ event_types: ['webhook.test'] }, orgPath(), org.owner.accessToken, `${receiver.url}?vanishing-test`);
    const deletion = await holdOpen(db(), async (tx) => void (await tx.execute(sql`delete from webhook_endpoints where id = ${hook.id}`)));
    // the test event's delivery waits for the endpoint's row
    const test = t.request('POST', orgPath(`/${hook.id}/test`), { token: org.owner.accessToken });
    expect(await lockWaiters(db())).toBe(1);
    deletion.release();
    await deletion.done;
    expectProblem(await test, 404, 'webhook.not_found');
  });

  it.runIf(testDbKind() === 'postgres')('a change emitting to an endpoint another transaction is deleting commits, with no delivery to it (not a 500 from the foreign key)', async () => {
    const hook = await createEndpoint({ event_types: ['role.*'] }, '/api/v1/admin/webhooks', rootToken, `${receiver.url}?vanishing`);
    const deletion = await holdOpen(db(), async (tx) => void (await tx.execute(sql`delete from webhook_endpoints where id = ${hook.id}`)));
    // the change still sees the endpoint (the deletion has not committed): its delivery waits for the row
    const change = t.request('POST', `/api/v1/orgs/${org.orgId}/roles`, { token: org.owner.accessToken, body: { name: `Vanishing ${randomBytes(3).toString('hex')}`, permissions: [] } });
    expect(await lockWaiters(db())).toBe(1);
    deletion.release();
    await deletion.done;
    const res = await change;
    expect(res.status, res.text).toBe(201);
    expect(await queryRows(db(), sql`select 1 from webhook_deliveries where endpoint_id = ${hook.id}`)).toEqual([]);
  });

  it('every foreign key of the webhook tables is indexed (deleting an endpoint, a user or an event scans nothing), and so is the log’s retention', async () => {
    const unindexed = await queryRows<{ fk: string }>(db(), sql`
      select c.conname as fk from pg_constraint c
       where c.contype = 'f' and c.conrelid::regclass::text like 'webhook\\_%'
         and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indpred is null
                            and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] = c.conkey)
       order by 1`);
    expect(unindexed).toEqual([]);
    const retention = await queryRows(db(), sql`select 1 from pg_index i where i.indrelid = 'webhook_attempts'::regclass and (i.indkey::int2[])[0] = (select attnum from pg_attribute where attrelid = 'webhook_attempts'::regclass and attname = 'created_at')`);
    expect(retention).toHaveLength(1);
  });
});

describe('the worker: order, retries, 410, five days of failures', () => {
  /** the worker's clock runs `offset` ms ahead of real time (new rows stay due: their next_attempt_at is the database's now) */
  let offset = 0;
  const advance = (ms: number) => void (offset += ms);
  beforeAll(() => {
    t.app.webhooks.clock = () => new Date(Date.now() + offset);
  });
  afterAll(() => {
    t.app.webhooks.clock = () => new Date();
    t.app.webhooks.random = Math.random;
  });
  const deliveries = async (hookId: string) => (await t.request('GET', orgPath(`/${hookId}/deliveries`), { token: org.owner.accessToken })).body as any[];
  const waited = (attempt: any) => Date.parse(attempt.next_retry_at) - Date.parse(attempt.attempted_at);

  it('retries on the schedule (clock moved, not slept), holds later events back meanwhile, then delivers in order', async () => {
    const worker = t.app.webhooks;
    worker.random = () => 0.5; // jitter factor exactly 1
    const hook = await createEndpoint({ event_types: ['role.*'] }, orgPath(), org.owner.accessToken, `${receiver.url}?flaky`);
    let failing = true;
    receiver.respond = (r) => (r.json?.type?.startsWith('role.') && failing ? { status: 503, body: 'x'.repeat(5000) } : { status: 204 });
    const role = await t.request('POST', `/api/v1/orgs/${org.orgId}/roles`, { token: org.owner.accessToken, body: { name: 'Ordered', permissions: [] } });
    await receiver.waitFor(ofType('role.created', (r) => verifyWith(r, hook.id)));
    await t.request('PATCH', `/api/v1/orgs/${org.orgId}/roles/${role.body.id}`, { token: org.owner.accessToken, body: { description: 'second' } });
    await worker.drain();
    let [second, first] = await deliveries(hook.id);
    expect(first).toMatchObject({ event_type: 'role.created', status: 'pending', attempts: 1 });
    expect(second).toMatchObject({ event_type: 'role.updated', status: 'pending', attempts: 0 }); // held back behind the first
    expect(waited(first.attempt_log[0])).toBe(RETRY_DELAYS_MS[0]);
    expect(first.attempt_log[0]).toMatchObject({ status_code: 503 });
    expect(first.attempt_log[0].response_excerpt).toHaveLength(1024);
    // each failed attempt waits the next delay of the schedule
    for (let attempt = 1; attempt < 4; attempt++) {
      advance(RETRY_DELAYS_MS[attempt - 1]!);
      await worker.drain();
      [second, first] = await deliveries(hook.id);
      expect(first.attempts).toBe(attempt + 1);
      expect(waited(first.attempt_log[attempt])).toBe(RETRY_DELAYS_MS[attempt]);
      expect(second.attempts).toBe(0);
    }
    // not due yet: nothing is claimed
    advance(RETRY_DELAYS_MS[3]! - 2000);
    expect(await worker.runOnce()).toBe(0);
    failing = false;
    advance(2000);
    await worker.drain();
    const order = receiver.received.filter((r) => verifyWith(r, hook.id) && r.json?.type?.startsWith('role.')).map((r) => `${r.json.type}:${r.headers['webhook-id']}`);
    expect(order.at(-2)).toBe(`role.created:${first.event_id}`);
    expect(order.at(-1)).toBe(`role.updated:${second.event_id}`);
    expect(new Set(order.filter((o) => o.startsWith('role.created')).map((o) => o.split(':')[1])).size).toBe(1); // every retry carried the same webhook-id
    [second, first] = await deliveries(hook.id);
    expect([first.status, second.status]).toEqual(['succeeded', 'succeeded']);
    expect((await t.request('GET', orgPath(`/${hook.id}`), { token: org.owner.accessToken })).body.failing_since).toBeNull();
    receiver.respond = () => ({ status: 204 });
    await db().execute(sql`delete from webhook_endpoints where id = ${hook.id}`);
  });

  it('gives up after the last attempt of the schedule, jitter within ±10%', async () => {
    const worker = t.app.webhooks;
    worker.random = () => 0.999;
    expect(worker.nextDelay(1)).toBeLessThanOrEqual(5_500);
    worker.random = () => 0;
    expect(worker.nextDelay(1)).toBe(4_500);
    expect(worker.nextDelay(MAX_ATTEMPTS)).toBeNull();
    worker.random = () => 0.5;
    const hook = await createEndpoint({ event_types: ['webhook.test'] }, orgPath(), org.owner.accessToken, `${receiver.url}?down`);
    receiver.respond = (r) => (verifyWith(r, hook.id) ? { status: 500 } : { status: 204 });
    const test = await t.request('POST', orgPath(`/${hook.id}/test`), { token: org.owner.accessToken });
    await worker.drain();
    for (const delay of RETRY_DELAYS_MS) {
      advance(delay);
      await worker.drain();
    }
    const [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ id: test.body.delivery_id, status: 'failed', attempts: MAX_ATTEMPTS, next_attempt_at: null });
    expect(delivery.attempt_log).toHaveLength(MAX_ATTEMPTS);
    expect(delivery.attempt_log.at(-1).next_retry_at).toBeNull();
    receiver.respond = () => ({ status: 204 });
    await db().execute(sql`delete from webhook_endpoints where id = ${hook.id}`);
  });

  it('disables an endpoint that answers 410, audited, and delivers nothing more to it', async () => {
    const hook = await createEndpoint({ event_types: ['webhook.test'] }, orgPath(), org.owner.accessToken, `${receiver.url}?gone`);
    receiver.respond = (r) => (verifyWith(r, hook.id) ? { status: 410 } : { status: 204 });
    await t.request('POST', orgPath(`/${hook.id}/test`), { token: org.owner.accessToken });
    await receiver.waitFor((r) => verifyWith(r, hook.id));
    await t.app.webhooks.drain();
    const after = await t.request('GET', orgPath(`/${hook.id}`), { token: org.owner.accessToken });
    expect(after.body).toMatchObject({ enabled: false, disabled_reason: 'gone' });
    const audit = await t.request('GET', `/api/v1/audit/orgs/${org.orgId}/logs?action=webhook.disabled`, { token: org.owner.accessToken });
    expect(audit.body[0]).toMatchObject({ action: 'webhook.disabled', target_id: hook.id });
    expectProblem(await t.request('POST', orgPath(`/${hook.id}/test`), { token: org.owner.accessToken }), 409, 'webhook.disabled');
    receiver.respond = () => ({ status: 204 });
    await db().execute(sql`delete from webhook_endpoints where id = ${hook.id}`);
  });

  it('disables an endpoint failing for 5 days and emails the organization’s Owners', async () => {
    const worker = t.app.webhooks;
    const hook = await createEndpoint({ event_types: ['webhook.test'] }, orgPath(), org.owner.accessToken, `${receiver.url}?days`);
    receiver.respond = (r) => (verifyWith(r, hook.id) ? { status: 502 } : { status: 204 });
    await t.request('POST', orgPath(`/${hook.id}/test`), { token: org.owner.accessToken });
    await worker.drain();
    const [first] = await deliveries(hook.id);
    expect((await t.request('GET', orgPath(`/${hook.id}`), { token: org.owner.accessToken })).body.failing_since).toBe(first.attempt_log[0].attempted_at);
    // the schedule runs out after ~28 h; the next event keeps failing until five days have passed
    for (const delay of RETRY_DELAYS_MS) {
      advance(delay);
      await worker.drain();
    }
    expect((await t.request('GET', orgPath(`/${hook.id}`), { token: org.owner.accessToken })).body.enabled).toBe(true);
    advance(FAILING_DISABLE_MS);
    await t.request('POST', orgPath(`/${hook.id}/test`), { token: org.owner.accessToken });
    await worker.drain();
    const after = await t.request('GET', orgPath(`/${hook.id}`), { token: org.owner.accessToken });
    expect(after.body).toMatchObject({ enabled: false, disabled_reason: 'failing' });
    const mail = await t.request('GET', `/api/v1/dev/mailbox?to=${encodeURIComponent(org.owner.email)}`);
    expect(mail.body[0]).toMatchObject({ template: 'webhook_disabled' });
    expect(mail.body[0].text).toContain('?days');
    // enabling it again ends the run of failures
    const again = await t.request('PATCH', orgPath(`/${hook.id}`), { token: org.owner.accessToken, body: { enabled: true } });
    expect(again.body).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null });
    receiver.respond = () => ({ status: 204 });
    await db().execute(sql`delete from webhook_endpoints where id = ${hook.id}`);
  });

  it('never lets two processes on one database deliver one attempt twice', async () => {
    const second = await startTestApp({ rateLimit: { enabled: false }, webhooks: WEBHOOKS, masterKey: t.config.masterKey }, { database: t.database });
    try {
      const hook = await createEndpoint({ event_types: ['webhook.test'] }, orgPath(), org.owner.accessToken, `${receiver.url}?two`);
      const other = await createEndpoint({ event_types: ['webhook.test'] }, orgPath(), org.owner.accessToken, `${receiver.url}?two-b`);
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        for (const h of [hook, other]) ids.push((await t.request('POST', orgPath(`/${h.id}/test`), { token: org.owner.accessToken })).body.event_id);
      }
      await Promise.all([t.app.webhooks.drain(), second.app.webhooks.drain(), t.app.webhooks.drain(), second.app.webhooks.drain()]);
      const got = await receiver.waitForCount((r) => ids.includes(String(r.headers['webhook-id'])), ids.length);
      await Promise.all([t.app.webhooks.drain(), second.app.webhooks.drain()]);
      const delivered = receiver.received.filter((r) => ids.includes(String(r.headers['webhook-id']))).map((r) => String(r.headers['webhook-id']));
      expect(delivered.length).toBe(ids.length);
      expect(new Set(delivered).size).toBe(ids.length);
      // per endpoint, in the order the events were made
      const orderOf = (h: any) => receiver.received.filter((r) => verifyWith(r, h.id) && ids.includes(String(r.headers['webhook-id']))).map((r) => String(r.headers['webhook-id']));
      expect(orderOf(hook)).toEqual(ids.filter((_, i) => i % 2 === 0));
      expect(orderOf(other)).toEqual(ids.filter((_, i) => i % 2 === 1));
      expect(got).toHaveLength(ids.length);
    } finally {
      await second.close();
    }
  });

  it('prunes the delivery log after WEBHOOK_LOG_RETENTION, and the events no delivery needs', async () => {
    const hook = await createEndpoint({ event_types: ['webhook.test'] }, orgPath(), org.owner.accessToken, `${receiver.url}?old`);
    const test = await t.request('POST', orgPath(`/${hook.id}/test`), { token: org.owner.accessToken });
    await receiver.waitFor((r) => r.headers['webhook-id'] === test.body.event_id);
    await t.app.webhooks.drain();
    expect(await deliveries(hook.id)).toHaveLength(1);
    advance(WEBHOOKS.retentionSeconds * 1000 + 2 * 3_600_000);
    await t.app.webhooks.drain();
    expect(await deliveries(hook.id)).toHaveLength(0);
    expect(await queryRows(db(), sql`select id from webhook_events where id = ${test.body.event_id}`)).toHaveLength(0);
    expect(await queryRows(db(), sql`select id from webhook_attempts where endpoint_id = ${hook.id}`)).toHaveLength(0);
  });
});
