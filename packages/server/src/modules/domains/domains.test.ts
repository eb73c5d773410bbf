// Verified domains against a DNS server on loopback (DNS_SERVERS points at it).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { startDnsServer, type TestDnsServer } from '../../../test/helpers/dns-server.js';
import { expectProblem, registerUser, type RegisteredUser } from '../../../test/helpers/factories.js';
import { IDP_CERT } from '../../../test/helpers/saml-idp.js';

let t: TestApp;
let dns: TestDnsServer;
let alice: RegisteredUser;
let bob: RegisteredUser;

beforeAll(async () => {
  dns = await startDnsServer();
  t = await startTestApp({ dnsServers: [dns.address] });
  [alice, bob] = await Promise.all([registerUser(t), registerUser(t)]);
});
afterAll(async () => {
  await t?.close();
  await dns?.close();
});

const add = (u: RegisteredUser, domain: string) => t.request('POST', `/api/v1/orgs/${u.orgId}/domains`, { token: u.accessToken, body: { domain } });
const verify = (u: RegisteredUser, id: string) => t.request('POST', `/api/v1/orgs/${u.orgId}/domains/${id}/verify`, { token: u.accessToken });
const publish = (d: { verification: { name: string; value: string } }) => dns.txt.set(d.verification.name, [...(dns.txt.get(d.verification.name) ?? []), d.verification.value]);

describe('domains', () => {
  it('adds a domain with its TXT record, verifies it through DNS, lists, reads and removes it, audited', async () => {
    const created = await add(alice, ' Acme-One.TEST. ');
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ domain: 'acme-one.test', status: 'pending', verified_at: null, verification: { type: 'TXT', name: '_saasready-verification.acme-one.test' } });
    expectProblem(await add(alice, 'acme-one.test'), 409, 'domain.already_added');

    // nothing published yet: refused, audited
    expectProblem(await verify(alice, created.body.id), 422, 'domain.verification_failed');
    dns.txt.set(created.body.verification.name, ['some-other-record', created.body.verification.value]);
    const verified = await verify(alice, created.body.id);
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body.status).toBe('verified');

    const list = await t.request('GET', `/api/v1/orgs/${alice.orgId}/domains`, { token: alice.accessToken });
    expect(list.body.map((d: { domain: string }) => d.domain)).toEqual(['acme-one.test']);
    expect((await t.request('GET', `/api/v1/orgs/${alice.orgId}/domains/${created.body.id}`, { token: alice.accessToken })).body.status).toBe('verified');

    expect((await t.request('DELETE', `/api/v1/orgs/${alice.orgId}/domains/${created.body.id}`, { token: alice.accessToken })).status).toBe(204);
    expectProblem(await t.request('GET', `/api/v1/orgs/${alice.orgId}/domains/${created.body.id}`, { token: alice.accessToken }), 404, 'domain.not_found');
    const actions = await queryRows<{ action: string }>(t.database.handle.db, sql`select action from audit_logs where organization_id = ${alice.orgId} and action like 'domain.%' order by seq`);
    expect(actions.map((a) => a.action)).toEqual(['domain.added', 'domain.verification_failed', 'domain.verified', 'domain.removed']);
  });

  it('refuses public email providers and malformed names', async () => {
    expectProblem(await add(alice, 'gmail.com'), 422, 'domain.public_provider');
    expectProblem(await add(alice, 'Outlook.com'), 422, 'domain.public_provider');
    expectProblem(await add(alice, 'not a domain'), 400, 'request.validation_failed');
    expectProblem(await add(alice, 'localhost'), 400, 'request.validation_failed');
  });

  it('lets only one organization verify a domain, even when both verify at once', async () => {
    const [a, b] = await Promise.all([add(alice, 'contested.test'), add(bob, 'contested.test')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    publish(a.body);
    publish(b.body);
    const results = await Promise.all([verify(alice, a.body.id), verify(bob, b.body.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('domain.claimed');
    const rows = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from organization_domains where domain = 'contested.test' and verified_at is not null`);
    expect(rows[0]!.n).toBe(1);
  });

  it('stops counting a deleted organization’s domains: another organization claims and verifies them, and SSO discovery no longer finds the deleted one', async () => {
    const [gone, heir] = await Promise.all([registerUser(t), registerUser(t)]);
    const domain = `left-${randomBytes(3).toString('hex')}.test`;
    const lookup = async () => (await t.request('POST', '/api/v1/auth/sso/lookup', { body: { email: `jo@${domain}` } })).body;
    const connect = async (u: RegisteredUser) => {
      const res = await t.request('POST', `/api/v1/orgs/${u.orgId}/sso/connections`, { token: u.accessToken, body: { type: 'saml', name: 'IdP', idp_entity_id: `https://idp-${u.orgId}.test`, idp_sso_url: `https://idp-${u.orgId}.test/sso`, idp_certificate: IDP_CERT } });
      expect(res.status, res.text).toBe(201);
      return res.body.id as string;
    };
    const first = await add(gone, domain);
    publish(first.body);
    expect((await verify(gone, first.body.id)).status).toBe(200);
    const goneConnection = await connect(gone);
    expect(await lookup()).toMatchObject({ sso: true, organization_id: gone.orgId, connection_id: goneConnection });
    expect((await t.request('DELETE', `/api/v1/orgs/${gone.orgId}`, { token: gone.accessToken })).status).toBe(204);
    expect(await lookup()).toEqual({ sso: false, organization_id: null, connection_id: null, sso_required: false });
    // the domain went with the organization, audited
    expect(await queryRows(t.database.handle.db, sql`select 1 from organization_domains where organization_id = ${gone.orgId}`)).toEqual([]);
    const [deleted] = await queryRows<{ metadata: Record<string, unknown> }>(t.database.handle.db, sql`select metadata from audit_logs where organization_id = ${gone.orgId} and action = 'org.deleted'`);
    expect(deleted!.metadata.released_domains).toEqual([domain]);
    // another organization claims it and verifies it; discovery now finds that one
    const claimed = await add(heir, domain);
    publish(claimed.body);
    const verified = await verify(heir, claimed.body.id);
    expect(verified.status, verified.text).toBe(200);
    const heirConnection = await connect(heir);
    expect(await lookup()).toMatchObject({ sso: true, organization_id: heir.orgId, connection_id: heirConnection });
  });

  it('releases at verification a domain an organization deleted earlier still holds verified', async () => {
    // as an organization deleted before its domains went with it left them: verified, its row deleted_at set
    const [gone, heir] = await Promise.all([registerUser(t), registerUser(t)]);
    const domain = `stale-${randomBytes(3).toString('hex')}.test`;
    const first = await add(gone, domain);
    publish(first.body);
    expect((await verify(gone, first.body.id)).status).toBe(200);
    await t.database.handle.db.execute(sql`update organizations set deleted_at = now() where id = ${gone.orgId}`);
    const claimed = await add(heir, domain);
    publish(claimed.body);
    const verified = await verify(heir, claimed.body.id);
    expect(verified.status, verified.text).toBe(200);
    const rows = await queryRows<{ organization_id: string }>(t.database.handle.db, sql`select organization_id from organization_domains where domain = ${domain} and verified_at is not null`);
    expect(rows).toEqual([{ organization_id: heir.orgId }]);
  });

  it('another organization’s domain is a 404, exactly like a missing one', async () => {
    const mine = await add(alice, 'private-one.test');
    expectProblem(await t.request('GET', `/api/v1/orgs/${bob.orgId}/domains/${mine.body.id}`, { token: bob.accessToken }), 404, 'domain.not_found');
    expectProblem(await verify(bob, mine.body.id), 404, 'domain.not_found');
    expectProblem(await t.request('DELETE', `/api/v1/orgs/${bob.orgId}/domains/${mine.body.id}`, { token: bob.accessToken }), 404, 'domain.not_found');
    // a member of the organization without sso.manage
    expectProblem(await t.request('GET', `/api/v1/orgs/${alice.orgId}/domains`, { token: bob.accessToken }), 404, 'organization.not_found');
  });
});
