// SSO connections as the organization's settings see them: enforcement (sso_required) ends the
// governed members' password sessions whichever of its conditions comes last — the switch, an
// enabled connection, the verified domain — and a connection's default role stays one its editor
// could grant. SAML connections from values (no IdP needed); domains verified through a DNS server
// on loopback.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { startDnsServer, type TestDnsServer } from '../../../test/helpers/dns-server.js';
import { addMember, addVerifiedDomain, expectProblem, login, registerUser, type RegisteredUser } from '../../../test/helpers/factories.js';
import { IDP_CERT } from '../../../test/helpers/saml-idp.js';

let t: TestApp;
let dns: TestDnsServer;

beforeAll(async () => {
  dns = await startDnsServer();
  t = await startTestApp({ dnsServers: [dns.address] });
});
afterAll(async () => {
  await t?.close();
  await dns?.close();
});

const hex = () => randomBytes(3).toString('hex');
const samlBody = (extra: Record<string, unknown> = {}) => ({ type: 'saml', name: 'IdP', idp_entity_id: `https://idp-${hex()}.test`, idp_sso_url: 'https://idp.test/sso', idp_certificate: IDP_CERT, ...extra });
const connect = async (owner: RegisteredUser, extra: Record<string, unknown> = {}) => {
  const res = await t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body: samlBody(extra) });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
};
const patchConnection = (u: RegisteredUser, orgId: string, id: string, body: Record<string, unknown>) =>
  t.request('PATCH', `/api/v1/orgs/${orgId}/sso/connections/${id}`, { token: u.accessToken, body });
const requireSso = async (owner: RegisteredUser) => {
  const res = await t.request('PATCH', `/api/v1/orgs/${owner.orgId}/settings`, { token: owner.accessToken, body: { sso_required: true } });
  expect(res.status, res.text).toBe(200);
};
const me = (token: string) => t.request('GET', '/api/v1/auth/me', { token });
const ended = (orgId: string) =>
  queryRows<{ metadata: unknown; actor_user_id: string; target_type: string }>(t.database.handle.db, sql`select metadata, actor_user_id, target_type from audit_logs where action = 'sso.required.sessions_ended' and organization_id = ${orgId} order by seq`);

/** An organization whose Owner and Member are at `domain`, the Member signed in with a password. */
async function organizationAt(domain: string) {
  const owner = await registerUser(t, { email: `owner@${domain}` });
  const member = await registerUser(t, { email: `member@${domain}` });
  await addMember(t, owner.orgId, member, 'Member');
  return { owner, member };
}

/** Where every order must end: the Member's password session ended and audited once, their password refused, the Owner's session kept. */
async function expectEnforced(o: { owner: RegisteredUser; member: RegisteredUser }, before: { sessions: number; users: number }[] = []) {
  expectProblem(await me(o.member.accessToken), 401, 'auth.session_revoked');
  expectProblem(await login(t, o.member.email, o.member.password), 403, 'auth.sso_required');
  expect((await me(o.owner.accessToken)).status).toBe(200);
  const row = (metadata: { sessions: number; users: number }) => ({ metadata, actor_user_id: o.owner.userId, target_type: 'organization' });
  expect(await ended(o.owner.orgId)).toEqual([...before.map(row), row({ sessions: 1, users: 1 })]);
}

describe('sso_required takes effect whichever of its conditions comes last', () => {
  it('the switch last: an enabled connection, then sso_required', async () => {
    const domain = `switch-last-${hex()}.test`;
    const o = await organizationAt(domain);
    await addVerifiedDomain(t, o.owner.orgId, domain);
    await connect(o.owner);
    expect((await me(o.member.accessToken)).status).toBe(200);
    await requireSso(o.owner);
    await expectEnforced(o);
  });

  it('the switch and the connection at the same moment: whichever commits second ends the sessions, once', async () => {
    // without the organization's row lock each would read the other's change as not yet made, and neither end anything
    for (let round = 0; round < 3; round++) {
      const domain = `together-${round}-${hex()}.test`;
      const o = await organizationAt(domain);
      await addVerifiedDomain(t, o.owner.orgId, domain);
      await Promise.all([requireSso(o.owner), connect(o.owner)]);
      await expectEnforced(o);
    }
  });

  it('the connection last: sso_required, then a connection created', async () => {
    const domain = `connection-last-${hex()}.test`;
    const o = await organizationAt(domain);
    await addVerifiedDomain(t, o.owner.orgId, domain);
    await requireSso(o.owner);
    // nothing enforced yet (no connection to sign in through): the session goes on, nothing audited
    expect((await me(o.member.accessToken)).status).toBe(200);
    expect(await ended(o.owner.orgId)).toEqual([]);
    await connect(o.owner);
    await expectEnforced(o);
  });

  it('the connection enabled last: sso_required with a disabled connection, then the connection enabled', async () => {
    const domain = `enabled-last-${hex()}.test`;
    const o = await organizationAt(domain);
    await addVerifiedDomain(t, o.owner.orgId, domain);
    const id = await connect(o.owner, { enabled: false });
    await requireSso(o.owner);
    expect((await me(o.member.accessToken)).status).toBe(200);
    const enabled = await patchConnection(o.owner, o.owner.orgId, id, { enabled: true });
    expect(enabled.status, enabled.text).toBe(200);
    await expectEnforced(o);
    // enabling it again, or a second connection, ends nothing more (enforcement did not start again)
    await patchConnection(o.owner, o.owner.orgId, id, { name: 'Renamed' });
    await connect(o.owner);
    expect(await ended(o.owner.orgId)).toHaveLength(1);
  });

  it('the domain last: sso_required and a connection, then the members’ domain verified', async () => {
    const domain = `domain-last-${hex()}.test`;
    const o = await organizationAt(domain);
    await connect(o.owner);
    await requireSso(o.owner);
    expect((await me(o.member.accessToken)).status).toBe(200);
    const added = await t.request('POST', `/api/v1/orgs/${o.owner.orgId}/domains`, { token: o.owner.accessToken, body: { domain } });
    dns.txt.set(added.body.verification.name, [added.body.verification.value]);
    const verified = await t.request('POST', `/api/v1/orgs/${o.owner.orgId}/domains/${added.body.id}/verify`, { token: o.owner.accessToken });
    expect(verified.status, verified.text).toBe(200);
    // the switch started enforcement over no verified domain (nobody's session ended), the domain reached the Member
    await expectEnforced(o, [{ sessions: 0, users: 0 }]);
  });
});

describe('a connection’s default role', () => {
  /** An organization, a custom role `keeper` that manages SSO, and one member holding it. */
  async function withKeeper(keeperPermissions: string[]) {
    const owner = await registerUser(t);
    const role = (name: string, permissions: string[]) => t.request('POST', `/api/v1/orgs/${owner.orgId}/roles`, { token: owner.accessToken, body: { name, permissions } });
    const keeperRole = await role('SSO keeper', ['sso.manage', ...keeperPermissions]);
    expect(keeperRole.status, keeperRole.text).toBe(201);
    const keeper = await registerUser(t);
    await addMember(t, owner.orgId, keeper, 'SSO keeper');
    const roles = await t.request('GET', `/api/v1/orgs/${owner.orgId}/roles`, { token: owner.accessToken });
    const system = Object.fromEntries(roles.body.filter((r: { is_system: boolean }) => r.is_system).map((r: { name: string; id: string }) => [r.name, r.id])) as Record<string, string>;
    return { owner, keeper, role, system };
  }

  it('is checked against whoever changes the connection, sent or not: one who could not grant it changes nothing', async () => {
    const { owner, keeper, system } = await withKeeper(['org.read']);
    // the Owner set it to Owner: JIT would make every IdP user an Owner
    const id = await connect(owner, { default_role_id: system.Owner });
    for (const body of [{ name: 'Renamed' }, { idp_sso_url: 'https://evil.test/sso' }, { idp_certificate: IDP_CERT }, { enabled: true }, { allow_idp_initiated: true }]) {
      expectProblem(await patchConnection(keeper, owner.orgId, id, body), 403, 'membership.owner_required');
    }
    // sending it explicitly is refused as before, and so is leaving it while changing the IdP
    expectProblem(await patchConnection(keeper, owner.orgId, id, { default_role_id: system.Owner }), 403, 'membership.owner_required');
    const [row] = await queryRows<{ name: string; saml_idp_sso_url: string; allow_idp_initiated: boolean }>(t.database.handle.db, sql`select name, saml_idp_sso_url, allow_idp_initiated from sso_connections where id = ${id}`);
    expect(row).toEqual({ name: 'IdP', saml_idp_sso_url: 'https://idp.test/sso', allow_idp_initiated: false });
    // turning it off provisions nobody: allowed (an emergency stop), and so is choosing a role they may grant
    expect((await patchConnection(keeper, owner.orgId, id, { enabled: false })).status).toBe(200);
    const lowered = await patchConnection(keeper, owner.orgId, id, { default_role_id: null, name: 'Members only' });
    expect(lowered.status, lowered.text).toBe(200);
    expect(lowered.body).toMatchObject({ default_role_id: null, name: 'Members only' });
    // the Owner still changes it freely
    expect((await patchConnection(owner, owner.orgId, id, { default_role_id: system.Owner, enabled: true })).status).toBe(200);
  });

  it('is checked as the role is now: a role made more privileged since it was set stops the edits of those who could grant it then', async () => {
    const { owner, keeper, role } = await withKeeper(['org.read', 'user.read']);
    const helper = await role('Helper', ['org.read']);
    expect(helper.status, helper.text).toBe(201);
    const id = await connect(owner, { default_role_id: helper.body.id });
    expect((await patchConnection(keeper, owner.orgId, id, { name: 'Keeper was here' })).status).toBe(200);
    const raised = await t.request('PATCH', `/api/v1/orgs/${owner.orgId}/roles/${helper.body.id}`, { token: owner.accessToken, body: { permissions: ['org.read', 'role.manage'] } });
    expect(raised.status, raised.text).toBe(200);
    expectProblem(await patchConnection(keeper, owner.orgId, id, { name: 'Keeper again' }), 403, 'membership.escalation');
    expect((await t.request('GET', `/api/v1/orgs/${owner.orgId}/sso/connections/${id}`, { token: owner.accessToken })).body.name).toBe('Keeper was here');
  });
});
