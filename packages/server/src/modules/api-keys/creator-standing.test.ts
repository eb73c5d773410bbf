// Access never outlives the member who created it (issue 15, item 5): an API key acts with at most
// its creator's current permissions, none once the creator is not an active member — at once, also
// on another server instance — and an invitation is refused when its inviter could no longer grant it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { addMember, createOrgWithMembers, expectProblem, registerUser, STRONG_PASSWORD, uniqueEmail, type OrgFixture, type RegisteredUser } from '../../../test/helpers/factories.js';
import { linkToken, startSmtpServer, type TestSmtp } from '../../../test/helpers/smtp.js';

let a: TestApp;
let b: TestApp;
let smtp: TestSmtp;
let f: OrgFixture;
beforeAll(async () => {
  smtp = await startSmtpServer();
  const overrides = { rateLimit: { enabled: false }, smtpUrl: smtp.url, outboxPollMs: 50, publicUrl: 'https://auth.example.test' };
  a = await startTestApp(overrides);
  b = await startTestApp({ ...overrides, masterKey: a.config.masterKey }, { database: a.database });
  f = await createOrgWithMembers(a, 'Standing Co');
});
afterAll(async () => {
  await b?.close();
  await a?.close();
  await smtp?.close();
});

const orgPath = () => `/api/v1/orgs/${f.orgId}`;
async function newAdmin(): Promise<{ user: RegisteredUser; membershipId: string }> {
  const user = await registerUser(a);
  return { user, membershipId: await addMember(a, f.orgId, user, 'Admin') };
}
async function createKey(token: string, permissions: string[]) {
  const res = await a.request('POST', `${orgPath()}/api-keys`, { token, body: { name: 'ci', permissions } });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; raw_key: string };
}
const listedKey = async (id: string) => (await a.request('GET', `${orgPath()}/api-keys`, { token: f.owner.accessToken })).body.find((k: any) => k.id === id);
const deactivations = (keyId: string) =>
  queryRows<{ metadata: any }>(a.database.handle.db, sql`select metadata from audit_logs where organization_id = ${f.orgId} and action = 'api_key.deactivated' and target_id = ${keyId}`);

describe('API keys and their creator', () => {
  it('a key keeps only what its creator still holds: demoted → intersection, removed → refused, on both servers at once', async () => {
    const creator = await newAdmin();
    const key = await createKey(creator.user.accessToken, ['org.read', 'org.update', 'audit.read']);
    // both servers use (and cache) the key
    for (const app of [a, b]) {
      expect((await app.request('PATCH', orgPath(), { token: key.raw_key, body: { description: 'by key' } })).status).toBe(200);
      expect((await app.request('GET', `/api/v1/audit/orgs/${f.orgId}/logs`, { token: key.raw_key })).status).toBe(200);
    }
    expect(await listedKey(key.id)).toMatchObject({ active: true, inactive_reason: null, effective_permissions: ['audit.read', 'org.read', 'org.update'] });

    expect((await a.request('PATCH', `${orgPath()}/members/${creator.membershipId}/role`, { token: f.owner.accessToken, body: { role_id: f.roles.Viewer } })).status).toBe(200);
    for (const app of [b, a]) {
      expectProblem(await app.request('PATCH', orgPath(), { token: key.raw_key, body: { description: 'no' } }), 403, 'permission_denied');
      expectProblem(await app.request('GET', `/api/v1/audit/orgs/${f.orgId}/logs`, { token: key.raw_key }), 403, 'permission_denied');
      expect((await app.request('GET', orgPath(), { token: key.raw_key })).status).toBe(200);
      expect((await app.request('GET', '/api/v1/api-keys/me', { token: key.raw_key })).body.permissions).toEqual(['org.read']);
    }
    expect(await listedKey(key.id)).toMatchObject({ active: true, permissions: ['audit.read', 'org.read', 'org.update'], effective_permissions: ['org.read'] });

    expect((await a.request('DELETE', `${orgPath()}/members/${creator.membershipId}`, { token: f.owner.accessToken })).status).toBe(204);
    for (const app of [b, a]) {
      const refused = await app.request('GET', orgPath(), { token: key.raw_key });
      expectProblem(refused, 401, 'api_key.creator_inactive');
      expect(refused.body.meta).toEqual({ reason: 'creator_removed' });
    }
    expect(await listedKey(key.id)).toMatchObject({ active: false, inactive_reason: 'creator_removed', effective_permissions: [] });
    const audited = await deactivations(key.id);
    expect(audited.map((r) => r.metadata.reason)).toEqual(['creator_removed']); // once, not per refused request
  });

  it('a suspended creator’s key is refused until the creator is reactivated; a disabled account counts too', async () => {
    const creator = await newAdmin();
    const key = await createKey(creator.user.accessToken, ['org.read']);
    expect((await b.request('GET', orgPath(), { token: key.raw_key })).status).toBe(200);
    expect((await a.request('PATCH', `${orgPath()}/members/${creator.membershipId}`, { token: f.owner.accessToken, body: { status: 'suspended' } })).status).toBe(200);
    expectProblem(await b.request('GET', orgPath(), { token: key.raw_key }), 401, 'api_key.creator_inactive');
    expect(await listedKey(key.id)).toMatchObject({ active: false, inactive_reason: 'creator_suspended' });
    expect((await deactivations(key.id)).map((r) => r.metadata.reason)).toEqual(['creator_suspended']);
    expect((await a.request('PATCH', `${orgPath()}/members/${creator.membershipId}`, { token: f.owner.accessToken, body: { status: 'active' } })).status).toBe(200);
    expect((await b.request('GET', orgPath(), { token: key.raw_key })).status).toBe(200);

    // written straight to the database (no API transaction, so no commit barrier): the other process
    // hears of it by notification, within the documented second
    await a.database.handle.db.execute(sql`update users set is_active = false where id = ${creator.user.userId}`);
    let refused = await b.request('GET', orgPath(), { token: key.raw_key });
    for (let i = 0; i < 50 && refused.status === 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      refused = await b.request('GET', orgPath(), { token: key.raw_key });
    }
    expectProblem(refused, 401, 'api_key.creator_inactive');
    expect(await listedKey(key.id)).toMatchObject({ active: false, inactive_reason: 'creator_deactivated', effective_permissions: [] });
  });
});

describe('invitations and their inviter', () => {
  const inviteAndToken = async (inviter: RegisteredUser, roleId: string) => {
    const email = uniqueEmail('invitee');
    const res = await a.request('POST', `${orgPath()}/invite`, { token: inviter.accessToken, body: { email, role_id: roleId } });
    expect(res.status, res.text).toBe(201);
    const mail = await smtp.waitFor((m) => m.to === email && m.text.includes('/accept-invite?token='));
    return { email, id: res.body.id as string, token: linkToken(mail, '/accept-invite') };
  };
  const accept = async (email: string, token: string) => {
    const invitee = await registerUser(a, { email });
    return a.request('POST', '/api/v1/invitations/accept', { token: invitee.accessToken, body: { token } });
  };

  it('refuses (410), revokes and audits once an invitation whose inviter was removed or can no longer grant its role', async () => {
    const removed = await newAdmin();
    const demoted = await newAdmin();
    const asAdmin = await inviteAndToken(removed.user, f.roles.Admin);
    const asMember = await inviteAndToken(demoted.user, f.roles.Member);
    const asViewer = await inviteAndToken(demoted.user, f.roles.Viewer);
    expect((await a.request('DELETE', `${orgPath()}/members/${removed.membershipId}`, { token: f.owner.accessToken })).status).toBe(204);
    expect((await a.request('PATCH', `${orgPath()}/members/${demoted.membershipId}/role`, { token: f.owner.accessToken, body: { role_id: f.roles.Viewer } })).status).toBe(200);

    const refusedAdmin = await accept(asAdmin.email, asAdmin.token);
    expectProblem(refusedAdmin, 410, 'invitation.inviter_lacks_authority');
    expect(refusedAdmin.body.meta).toEqual({ reason: 'inviter_not_member' });
    const refusedMember = await accept(asMember.email, asMember.token);
    expectProblem(refusedMember, 410, 'invitation.inviter_lacks_authority');
    expect(refusedMember.body.meta).toEqual({ reason: 'role_exceeds_inviter' });
    // a Viewer can still grant Viewer
    expect((await accept(asViewer.email, asViewer.token)).status).toBe(200);

    const rows = await queryRows<{ target_id: string; metadata: any }>(
      a.database.handle.db,
      sql`select target_id, metadata from audit_logs where organization_id = ${f.orgId} and action = 'user.invite.refused' order by seq`,
    );
    expect(rows.map((r) => [r.target_id, r.metadata.reason])).toEqual([[asAdmin.id, 'inviter_not_member'], [asMember.id, 'role_exceeds_inviter']]);
    const list = (await a.request('GET', `${orgPath()}/invitations`, { token: f.owner.accessToken })).body;
    expect(list.find((i: any) => i.id === asAdmin.id).status).toBe('revoked');
    expect(list.find((i: any) => i.id === asMember.id).status).toBe('revoked');
    // and the refusal is final
    expect((await a.request('GET', `/api/v1/invitations/${asAdmin.token}`)).status).toBe(410);
  });

  it('refuses registration through the invitation of an inviter who was removed', async () => {
    const removed = await newAdmin();
    const invitation = await inviteAndToken(removed.user, f.roles.Member);
    expect((await a.request('DELETE', `${orgPath()}/members/${removed.membershipId}`, { token: f.owner.accessToken })).status).toBe(204);
    const res = await a.request('POST', '/api/v1/auth/register', { body: { email: invitation.email, password: STRONG_PASSWORD, full_name: 'Late', invitation_token: invitation.token } });
    expectProblem(res, 410, 'invitation.inviter_lacks_authority');
    // ended and audited like a refused acceptance (no actor: the new account was rolled back)
    const list = (await a.request('GET', `${orgPath()}/invitations`, { token: f.owner.accessToken })).body;
    expect(list.find((i: any) => i.id === invitation.id).status).toBe('revoked');
    const [refused] = await queryRows<{ actor_user_id: string | null; metadata: any }>(a.database.handle.db, sql`
      select actor_user_id, metadata from audit_logs where action = 'user.invite.refused' and target_id = ${invitation.id}`);
    expect(refused).toMatchObject({ actor_user_id: null, metadata: { reason: 'inviter_not_member', invited_email: invitation.email } });
  });
});
