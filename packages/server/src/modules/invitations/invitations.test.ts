import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { holdOpen, lockWaiters, testDbKind } from '../../../test/helpers/db.js';
import { createOrgWithMembers, expectProblem, login, registerUser, STRONG_PASSWORD, uniqueEmail, type OrgFixture } from '../../../test/helpers/factories.js';
import { linkToken, startSmtpServer, type TestSmtp } from '../../../test/helpers/smtp.js';
import { systemContext } from '../../lib/request-context.js';
import { recordAudit, verifyChain } from '../audit-logs/service.js';
import { lockOrganization } from '../memberships/repository.js';
import { revoke as revokeInvitation } from './repository.js';

let smtp: TestSmtp;
let t: TestApp;
let f: OrgFixture;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ smtpUrl: smtp.url, outboxPollMs: 50, publicUrl: 'https://auth.example.test' });
  f = await createOrgWithMembers(t, 'Invite <Corp> & "Co"');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const invite = (token: string, body: object, orgId = f.orgId) => t.request('POST', `/api/v1/orgs/${orgId}/invite`, { token, body });
/** The first email to `email` (at or after index `after`) that links to `path`. */
const mailTo = (email: string, path: string, after = 0) =>
  smtp.waitFor((m) => m.to === email && m.text.includes(`${path}?token=`) && smtp.messages.indexOf(m) >= after);

describe('inviting over real SMTP', () => {
  it('emails a link that a new user follows to register straight into the organization with the chosen role', async () => {
    const email = uniqueEmail('newcomer');
    const res = await invite(f.admin.accessToken, { email: email.toUpperCase(), role_id: f.roles.Member, full_name: 'New <b>Comer</b>' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ email, role_id: f.roles.Member, role_name: 'Member', status: 'pending', invited_by: f.admin.userId, organization_id: f.orgId });
    // the link (a bearer credential) is handed to the inviter as accept_url, never as a bare token field
    expect(Object.keys(res.body).filter((k) => /token/i.test(k))).toEqual([]);

    const mail = await mailTo(email, '/accept-invite');
    expect(mail.subject).toContain('Invite <Corp> & "Co"');
    expect(mail.text).toContain('https://auth.example.test/accept-invite?token=');
    // user-controlled names are escaped in HTML
    expect(mail.html).toContain('Invite &lt;Corp&gt; &amp; &quot;Co&quot;');
    expect(mail.html).not.toContain('<Corp>');
    const token = linkToken(mail, '/accept-invite');

    const preview = await t.request('GET', `/api/v1/invitations/${token}`);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ organization_name: 'Invite <Corp> & "Co"', inviter_name: f.admin.fullName, role_name: 'Member', email });

    const reg = await t.request('POST', '/api/v1/auth/register', { body: { email, password: STRONG_PASSWORD, full_name: 'New Comer', invitation_token: token } });
    expect(reg.status, reg.text).toBe(201);
    expect(reg.body.user.email_verified).toBe(true);
    const me = await t.request('GET', '/api/v1/auth/me', { token: reg.body.access_token });
    expect(me.body.memberships).toEqual([expect.objectContaining({ organization_id: f.orgId, role_name: 'Member', status: 'active' })]);
    expect(me.body.current_organization.id).toBe(f.orgId);

    // single use
    expectProblem(await t.request('GET', `/api/v1/invitations/${token}`), 410, 'invitation.gone');
    const list = await t.request('GET', `/api/v1/orgs/${f.orgId}/invitations?status=accepted`, { token: f.owner.accessToken });
    expect(list.body.map((i: any) => i.email)).toContain(email);
    const audit = await queryRows<{ action: string }>(t.database.handle.db, sql`select action from audit_logs where organization_id = ${f.orgId} and action like 'user.invite.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.invite.sent', 'user.invite.accepted']));
  });

  it('answers a registration with an invitation with the organization joined and the role; one without has neither', async () => {
    const email = uniqueEmail('landed');
    expect((await invite(f.owner.accessToken, { email, role_id: f.roles.Viewer })).status).toBe(201);
    const token = linkToken(await mailTo(email, '/accept-invite'), '/accept-invite');
    const reg = await t.request('POST', '/api/v1/auth/register', { body: { email, password: STRONG_PASSWORD, full_name: 'Landed', invitation_token: token } });
    expect(reg.status, reg.text).toBe(201);
    const orgs = await t.request('GET', '/api/v1/orgs', { token: reg.body.access_token });
    expect(reg.body.organization).toEqual({ id: f.orgId, name: 'Invite <Corp> & "Co"', slug: orgs.body[0].slug });
    expect(reg.body.role).toBe('Viewer');
    expect(reg.body.access_token).toEqual(expect.any(String));

    const plain = await t.request('POST', '/api/v1/auth/register', { body: { email: uniqueEmail('plain'), password: STRONG_PASSWORD, full_name: 'Plain' } });
    expect(plain.status, plain.text).toBe(201);
    expect(plain.body).not.toHaveProperty('organization');
    expect(plain.body).not.toHaveProperty('role');
  });

  it('lets an existing user accept while logged in, only with the invited email', async () => {
    const existing = await registerUser(t);
    const stranger = await registerUser(t);
    expect((await invite(f.owner.accessToken, { email: existing.email, role_id: f.roles.Admin })).status).toBe(201);
    const token = linkToken(await mailTo(existing.email, '/accept-invite'), '/accept-invite');
    expectProblem(await t.request('POST', '/api/v1/invitations/accept', { token: stranger.accessToken, body: { token } }), 403, 'invitation.email_mismatch');
    const res = await t.request('POST', '/api/v1/invitations/accept', { token: existing.accessToken, body: { token } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ organization: { id: f.orgId }, role_name: 'Admin' });
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}/members`, { token: existing.accessToken })).status).toBe(200);
    expectProblem(await t.request('POST', '/api/v1/invitations/accept', { token: existing.accessToken, body: { token } }), 410, 'invitation.gone');
  });

  it('yields one membership when the same invitation is accepted twice at once', async () => {
    const user = await registerUser(t);
    await invite(f.owner.accessToken, { email: user.email, role_id: f.roles.Viewer });
    const token = linkToken(await mailTo(user.email, '/accept-invite'), '/accept-invite');
    const results = await Promise.all([0, 1, 2].map(() => t.request('POST', '/api/v1/invitations/accept', { token: user.accessToken, body: { token } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect([409, 410]).toContain(r.status);
    const [row] = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from memberships where organization_id = ${f.orgId} and user_id = ${user.userId}`);
    expect(row!.n).toBe(1);
  });

  it('refuses duplicates: an existing member, and a second pending invitation (with its id)', async () => {
    expectProblem(await invite(f.owner.accessToken, { email: f.member.email, role_id: f.roles.Viewer }), 409, 'invitation.already_member');
    const email = uniqueEmail();
    const first = await invite(f.owner.accessToken, { email, role_id: f.roles.Viewer });
    const second = await invite(f.owner.accessToken, { email, role_id: f.roles.Member });
    expectProblem(second, 409, 'invitation.pending_exists');
    expect(second.body.meta.invitation_id).toBe(first.body.id);
    // the email rides in the invitation's statement: a refused invitation sends none, a made one exactly one
    const outbox = (to: string) => queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from email_outbox where to_address = ${to} and template = 'invitation'`);
    expect((await outbox(f.member.email))[0]!.n).toBe(0);
    expect((await outbox(email))[0]!.n).toBe(1);
  });

  it.runIf(testDbKind() === 'postgres')('an invitation racing the deletion of its custom role answers role.not_found and writes nothing (not a 500 from the foreign key)', async () => {
    const role = await t.request('POST', `/api/v1/orgs/${f.orgId}/roles`, { token: f.owner.accessToken, body: { name: `Short-lived ${uniqueEmail('r')}`, permissions: ['org.read'] } });
    expect(role.status, role.text).toBe(201);
    const db = t.database.handle.db;
    const deletion = await holdOpen(db, async (tx) => void (await tx.execute(sql`delete from roles where organization_id = ${f.orgId} and id = ${role.body.id}`)));
    // the invite still reads the role (the deletion has not committed); its insert's foreign key waits for the row
    const email = uniqueEmail('racing');
    const invited = invite(f.owner.accessToken, { email, role_id: role.body.id });
    expect(await lockWaiters(db)).toBe(1);
    deletion.release();
    await deletion.done;
    expectProblem(await invited, 404, 'role.not_found');
    expect(await queryRows(db, sql`select 1 from invitations where email = ${email}`)).toEqual([]);
    expect(await queryRows(db, sql`select 1 from email_outbox where to_address = ${email}`)).toEqual([]);
  });

  // An invitation is one statement: the invitation, its email and its audit row, the organization's
  // chain head locked last. These transactions lock what the invitation needs first and take the head
  // at their commit: the invitation must wait for them without holding the head (else a deadlock).
  it.runIf(testDbKind() === 'postgres')('waits, without deadlocking, for a change holding the organization row or a conflicting invitation, and audits after it', async () => {
    const db = t.database.handle.db;
    const ctx = systemContext('concurrent-change');
    const email = uniqueEmail('waiting');
    // each invitation below is one statement: no transaction of its own (the held ones are the tests')
    const transactions = vi.spyOn(db, 'transaction');
    const first = await invite(f.owner.accessToken, { email, role_id: f.roles.Viewer });
    expect(first.status, first.text).toBe(201);
    expect(transactions).toHaveBeenCalledTimes(0);
    // a membership change: the organization's row locked (rules.ts), its audit row at commit
    const change = await holdOpen(db, async (tx) => {
      await lockOrganization(tx, f.orgId);
      await recordAudit(tx, ctx, { action: 'user.role.updated', organizationId: f.orgId, targetType: 'membership', targetId: 'm-1' });
    });
    const other = uniqueEmail('other');
    const invited = invite(f.owner.accessToken, { email: other, role_id: f.roles.Viewer });
    expect(await lockWaiters(db)).toBe(1);
    change.release();
    await change.done;
    expect((await invited).status).toBe(201);
    // a revocation of the pending invitation for `email`: its row locked, its audit row at commit;
    // a new invitation for that email waits on the unique index, then goes through
    const revocation = await holdOpen(db, async (tx) => {
      expect(await revokeInvitation(tx, f.orgId, first.body.id)).toBe(true);
      await recordAudit(tx, ctx, { action: 'user.invite.revoked', organizationId: f.orgId, targetType: 'invitation', targetId: first.body.id });
    });
    const again = invite(f.owner.accessToken, { email, role_id: f.roles.Member });
    expect(await lockWaiters(db)).toBe(1);
    revocation.release();
    await revocation.done;
    expect((await again).status).toBe(201);
    expect(transactions).toHaveBeenCalledTimes(2);
    transactions.mockRestore();
    const rows = await queryRows<{ action: string; target_id: string }>(db, sql`select action, target_id from audit_logs where organization_id = ${f.orgId} order by seq desc limit 4`);
    expect(rows.map((r) => r.action)).toEqual(['user.invite.sent', 'user.invite.revoked', 'user.invite.sent', 'user.role.updated']);
    expect(await verifyChain(db, f.orgId)).toMatchObject({ ok: true, first_broken: null });
  });

  it.runIf(testDbKind() === 'postgres')('takes invitations through two server processes at once: one per email, each with one email and one audit row, the chain whole', async () => {
    const db = t.database.handle.db;
    const second = await startTestApp({ masterKey: t.config.masterKey, smtpUrl: smtp.url, publicUrl: 'https://auth.example.test' }, { database: t.database });
    try {
      const org = await createOrgWithMembers(t, 'Two Processes');
      const emails = Array.from({ length: 8 }, (_, i) => uniqueEmail(`both-${i}`));
      // every email sent by both processes at the same time, by two different inviters
      const answers = await Promise.all(emails.flatMap((email) => [
        invite(org.owner.accessToken, { email, role_id: org.roles.Viewer }, org.orgId),
        second.request('POST', `/api/v1/orgs/${org.orgId}/invite`, { token: org.admin.accessToken, body: { email, role_id: org.roles.Member } }),
      ]));
      for (let i = 0; i < emails.length; i++) {
        const pair = [answers[2 * i]!, answers[2 * i + 1]!];
        expect(pair.map((a) => a.status).sort()).toEqual([201, 409]);
        const lost = pair.find((a) => a.status === 409)!;
        expect(lost.body).toMatchObject({ code: 'invitation.pending_exists', meta: { invitation_id: pair.find((a) => a.status === 201)!.body.id } });
      }
      const sent = await queryRows<{ target_id: string }>(db, sql`select target_id from audit_logs where organization_id = ${org.orgId} and action = 'user.invite.sent'`);
      const made = await queryRows<{ id: string; email: string }>(db, sql`select id, email from invitations where organization_id = ${org.orgId}`);
      expect(made.map((m) => m.email).sort()).toEqual([...emails].sort());
      expect(sent.map((r) => r.target_id).sort()).toEqual(made.map((m) => m.id).sort());
      const outbox = await queryRows<{ to_address: string }>(db, sql`select to_address from email_outbox where template = 'invitation' and to_address in (${sql.join(emails.map((e) => sql`${e}`), sql`, `)})`);
      expect(outbox.map((o) => o.to_address).sort()).toEqual([...emails].sort());
      expect(await verifyChain(db, org.orgId)).toMatchObject({ ok: true, first_broken: null });
    } finally {
      await second.close();
    }
  });

  it('invites in a transaction when the chain has no head row to lock yet, and the chain still verifies', async () => {
    const db = t.database.handle.db;
    const org = await createOrgWithMembers(t, 'Headless');
    await db.execute(sql`delete from audit_chain_heads where chain_key = ${org.orgId}`);
    const email = uniqueEmail('headless');
    const res = await invite(org.owner.accessToken, { email, role_id: org.roles.Viewer }, org.orgId);
    expect(res.status, res.text).toBe(201);
    const rows = await queryRows<{ action: string; target_id: string }>(db, sql`select action, target_id from audit_logs where organization_id = ${org.orgId} order by seq desc limit 1`);
    expect(rows).toEqual([{ action: 'user.invite.sent', target_id: res.body.id }]);
    expect((await queryRows(db, sql`select 1 from audit_chain_heads where chain_key = ${org.orgId}`)).length).toBe(1);
    expect((await queryRows(db, sql`select 1 from email_outbox where to_address = ${email}`)).length).toBe(1);
    expect(await verifyChain(db, org.orgId)).toMatchObject({ ok: true, first_broken: null });
  });

  it('resend mints a new link and kills the old one; revoke kills it for good', async () => {
    const email = uniqueEmail();
    const created = await invite(f.owner.accessToken, { email, role_id: f.roles.Viewer });
    const oldToken = linkToken(await mailTo(email, '/accept-invite'), '/accept-invite');
    const before = smtp.messages.length;
    const resent = await t.request('POST', `/api/v1/orgs/${f.orgId}/invitations/${created.body.id}/resend`, { token: f.owner.accessToken });
    expect(resent.status, resent.text).toBe(200);
    const newToken = linkToken(await mailTo(email, '/accept-invite', before), '/accept-invite');
    expect(newToken).not.toBe(oldToken);
    expectProblem(await t.request('GET', `/api/v1/invitations/${oldToken}`), 404, 'invitation.not_found');
    expect((await t.request('GET', `/api/v1/invitations/${newToken}`)).status).toBe(200);
    expect((await t.request('DELETE', `/api/v1/orgs/${f.orgId}/invitations/${created.body.id}`, { token: f.owner.accessToken })).status).toBe(204);
    expectProblem(await t.request('GET', `/api/v1/invitations/${newToken}`), 410, 'invitation.gone');
    expectProblem(await t.request('DELETE', `/api/v1/orgs/${f.orgId}/invitations/${created.body.id}`, { token: f.owner.accessToken }), 409, 'invitation.not_pending');
  });

  it('hands the inviter the emailed accept_url with email, role_name, status and expires_at on create and resend — not in the list, not in a replay, not in audit rows', async () => {
    const email = uniqueEmail('link');
    const key = `invite-link-${Date.now()}`;
    const created = await t.request('POST', `/api/v1/orgs/${f.orgId}/invite`, { token: f.admin.accessToken, body: { email, role_id: f.roles.Member }, headers: { 'idempotency-key': key } });
    expect(created.status, created.text).toBe(201);
    const emailed = linkToken(await mailTo(email, '/accept-invite'), '/accept-invite');
    expect(created.body).toMatchObject({ email, role_name: 'Member', status: 'pending', expires_at: expect.any(String), accept_url: `https://auth.example.test/accept-invite?token=${emailed}` });
    expect(created.body).not.toHaveProperty('token');
    // the link works: its preview answers
    expect((await t.request('GET', `/api/v1/invitations/${new URL(created.body.accept_url).searchParams.get('token')}`)).status).toBe(200);

    // an idempotent replay cannot show it again (it is not stored), like an API key's raw_key
    const replay = await t.request('POST', `/api/v1/orgs/${f.orgId}/invite`, { token: f.admin.accessToken, body: { email, role_id: f.roles.Member }, headers: { 'idempotency-key': key } });
    expect(replay.status, replay.text).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body.id).toBe(created.body.id);
    expect(replay.body).not.toHaveProperty('accept_url');
    const stored = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from idempotency_keys k where strpos(k::text, ${emailed}) > 0`);
    expect(stored[0]!.n).toBe(0);

    const before = smtp.messages.length;
    const resent = await t.request('POST', `/api/v1/orgs/${f.orgId}/invitations/${created.body.id}/resend`, { token: f.admin.accessToken });
    expect(resent.status, resent.text).toBe(200);
    const reemailed = linkToken(await mailTo(email, '/accept-invite', before), '/accept-invite');
    expect(reemailed).not.toBe(emailed);
    expect(resent.body).toMatchObject({ email, role_name: 'Member', status: 'pending', accept_url: `https://auth.example.test/accept-invite?token=${reemailed}` });

    // the list cannot show a link (tokens are stored hashed)
    const list = await t.request('GET', `/api/v1/orgs/${f.orgId}/invitations?status=pending`, { token: f.admin.accessToken });
    const listed = list.body.find((i: any) => i.id === created.body.id);
    expect(listed).toMatchObject({ email, role_name: 'Member', status: 'pending', expires_at: resent.body.expires_at });
    expect(listed).not.toHaveProperty('accept_url');

    // never audited
    const leaked = await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from audit_logs a where strpos(a::text, ${emailed}) > 0 or strpos(a::text, ${reemailed}) > 0`);
    expect(leaked[0]!.n).toBe(0);
  });

  it('answers an expired invitation with 410 and lets a new one replace it', async () => {
    const email = uniqueEmail();
    const created = await invite(f.owner.accessToken, { email, role_id: f.roles.Viewer });
    const token = linkToken(await mailTo(email, '/accept-invite'), '/accept-invite');
    await t.database.handle.db.execute(sql`update invitations set expires_at = now() - interval '1 second' where id = ${created.body.id}`);
    const gone = await t.request('GET', `/api/v1/invitations/${token}`);
    expectProblem(gone, 410, 'invitation.gone');
    expect(gone.body.meta.reason).toBe('expired');
    expectProblem(await t.request('POST', '/api/v1/auth/register', { body: { email, password: STRONG_PASSWORD, full_name: 'Late', invitation_token: token } }), 410, 'invitation.gone');
    expect((await t.request('GET', `/api/v1/orgs/${f.orgId}/invitations?status=expired`, { token: f.owner.accessToken })).body.map((i: any) => i.id)).toContain(created.body.id);
    expect((await invite(f.owner.accessToken, { email, role_id: f.roles.Viewer })).status).toBe(201);
  });

  it('refuses an unknown token with 404 and a malformed one with 400', async () => {
    expectProblem(await t.request('GET', `/api/v1/invitations/${'a'.repeat(43)}`), 404, 'invitation.not_found');
    expectProblem(await t.request('GET', '/api/v1/invitations/short'), 400, 'request.validation_failed');
  });

  it('lets nobody offer a role above their own: Admins cannot invite Owners', async () => {
    expectProblem(await invite(f.admin.accessToken, { email: uniqueEmail(), role_id: f.roles.Owner }), 403, 'membership.owner_required');
    expectProblem(await invite(f.member.accessToken, { email: uniqueEmail(), role_id: f.roles.Viewer }), 403, 'permission_denied');
  });

  it('keeps one organization’s invitations out of another’s reach (404)', async () => {
    const other = await createOrgWithMembers(t, 'Other Invite Org');
    const created = await invite(other.owner.accessToken, { email: uniqueEmail(), role_id: other.roles.Viewer }, other.orgId);
    // an Owner of org A naming org B's invitation under org A's path
    expectProblem(await t.request('DELETE', `/api/v1/orgs/${f.orgId}/invitations/${created.body.id}`, { token: f.owner.accessToken }), 404, 'invitation.not_found');
    expectProblem(await t.request('POST', `/api/v1/orgs/${f.orgId}/invitations/${created.body.id}/resend`, { token: f.owner.accessToken }), 404, 'invitation.not_found');
    // and under org B's path: not a member
    expectProblem(await t.request('DELETE', `/api/v1/orgs/${other.orgId}/invitations/${created.body.id}`, { token: f.owner.accessToken }), 404, 'organization.not_found');
    const list = await t.request('GET', `/api/v1/orgs/${f.orgId}/invitations`, { token: f.owner.accessToken });
    expect(list.body.map((i: any) => i.id)).not.toContain(created.body.id);
  });
});

describe('password reset over real SMTP', () => {
  it('emails a link that sets a new password, ends every session and works once', async () => {
    const user = await registerUser(t);
    const before = smtp.messages.length;
    const res = await t.request('POST', '/api/v1/auth/forgot-password', { body: { email: user.email } });
    expect(res.status).toBe(202);
    const token = linkToken(await mailTo(user.email, '/reset-password', before), '/reset-password');
    // the page asks first; asking does not use the link
    expect((await t.request('POST', '/api/v1/auth/reset-password/check', { body: { token } })).status).toBe(204);
    expect((await t.request('POST', '/api/v1/auth/reset-password/check', { body: { token } })).status).toBe(204);
    const reset = await t.request('POST', '/api/v1/auth/reset-password', { body: { token, new_password: 'a-fresh-secret-99' } });
    expect(reset.status, reset.text).toBe(204);
    expectProblem(await t.request('POST', '/api/v1/auth/reset-password/check', { body: { token } }), 410, 'token.expired');
    expectProblem(await t.request('POST', '/api/v1/auth/reset-password/check', { body: { token: 'b'.repeat(43) } }), 400, 'token.invalid');
    expectProblem(await t.request('GET', '/api/v1/auth/me', { token: user.accessToken }), 401, 'auth.session_revoked');
    expectProblem(await login(t, user.email, user.password), 401, 'auth.invalid_credentials');
    expect((await login(t, user.email, 'a-fresh-secret-99')).status).toBe(200);
    expectProblem(await t.request('POST', '/api/v1/auth/reset-password', { body: { token, new_password: 'another-secret-00' } }), 410, 'token.expired');
    const audit = await queryRows<{ action: string }>(t.database.handle.db, sql`select action from audit_logs where actor_user_id = ${user.userId} and action like 'user.password.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['user.password.reset_requested', 'user.password.reset']);
  });

  it('answers 202 for unknown emails too, and sends nothing', async () => {
    const ghost = uniqueEmail('ghost');
    const res = await t.request('POST', '/api/v1/auth/forgot-password', { body: { email: ghost } });
    expect(res.status).toBe(202);
    const known = await registerUser(t);
    const resKnown = await t.request('POST', '/api/v1/auth/forgot-password', { body: { email: known.email } });
    expect(resKnown.text).toBe(res.text);
    await mailTo(known.email, '/reset-password');
    expect(smtp.messages.some((m) => m.to === ghost)).toBe(false);
  });

  it('refuses expired, unknown and weak-password resets', async () => {
    const user = await registerUser(t);
    const before = smtp.messages.length;
    await t.request('POST', '/api/v1/auth/forgot-password', { body: { email: user.email } });
    const token = linkToken(await mailTo(user.email, '/reset-password', before), '/reset-password');
    expectProblem(await t.request('POST', '/api/v1/auth/reset-password', { body: { token, new_password: 'password123' } }), 422, 'auth.password_rejected');
    await t.database.handle.db.execute(sql`update user_tokens set expires_at = now() - interval '1 second' where user_id = ${user.userId}`);
    expectProblem(await t.request('POST', '/api/v1/auth/reset-password', { body: { token, new_password: 'a-fresh-secret-99' } }), 410, 'token.expired');
    expectProblem(await t.request('POST', '/api/v1/auth/reset-password', { body: { token: 'b'.repeat(43), new_password: 'a-fresh-secret-99' } }), 400, 'token.invalid');
  });
});

describe('email verification over real SMTP', () => {
  it('sends a verification link on registration that verifies the email once', async () => {
    const user = await registerUser(t);
    const token = linkToken(await mailTo(user.email, '/verify-email'), '/verify-email');
    expect((await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).body.email_verified).toBe(false);
    expect((await t.request('POST', '/api/v1/auth/verify-email', { body: { token } })).status).toBe(204);
    expect((await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).body.email_verified).toBe(true);
    expectProblem(await t.request('POST', '/api/v1/auth/verify-email', { body: { token } }), 410, 'token.expired');
  });

  it('resends a fresh link that replaces the old one', async () => {
    const user = await registerUser(t);
    const first = linkToken(await mailTo(user.email, '/verify-email'), '/verify-email');
    const before = smtp.messages.length;
    expect((await t.request('POST', '/api/v1/auth/resend-verification', { token: user.accessToken })).status).toBe(202);
    const second = linkToken(await mailTo(user.email, '/verify-email', before), '/verify-email');
    expect(second).not.toBe(first);
    expectProblem(await t.request('POST', '/api/v1/auth/verify-email', { body: { token: first } }), 410, 'token.expired');
    expect((await t.request('POST', '/api/v1/auth/verify-email', { body: { token: second } })).status).toBe(204);
  });
});

describe('REQUIRE_EMAIL_VERIFICATION', () => {
  it('gives no session until the email is verified, then allows login', async () => {
    const strict = await startTestApp({ smtpUrl: smtp.url, outboxPollMs: 50, requireEmailVerification: true });
    try {
      const email = uniqueEmail('strict');
      const reg = await strict.request('POST', '/api/v1/auth/register', { body: { email, password: STRONG_PASSWORD, full_name: 'Strict' } });
      expect(reg.status, reg.text).toBe(201);
      expect(reg.body).toEqual({ user: expect.objectContaining({ email, email_verified: false }), email_verification_required: true });
      expectProblem(await login(strict, email, STRONG_PASSWORD), 403, 'auth.email_not_verified');
      const token = linkToken(await mailTo(email, '/verify-email'), '/verify-email');
      expect((await strict.request('POST', '/api/v1/auth/verify-email', { body: { token } })).status).toBe(204);
      const session = await login(strict, email, STRONG_PASSWORD);
      expect(session.status).toBe(200);

      // an invitation proves the inbox: its registration gets a session at once, and says where it landed
      const [{ org_id: orgId }] = [JSON.parse(Buffer.from(session.body.access_token.split('.')[1], 'base64url').toString())];
      const roles = await strict.request('GET', `/api/v1/orgs/${orgId}/roles`, { token: session.body.access_token });
      const invitee = uniqueEmail('strict-invitee');
      const sent = await strict.request('POST', `/api/v1/orgs/${orgId}/invite`, { token: session.body.access_token, body: { email: invitee, role_id: roles.body.find((r: any) => r.name === 'Member').id } });
      expect(sent.status, sent.text).toBe(201);
      const invitation = linkToken(await mailTo(invitee, '/accept-invite'), '/accept-invite');
      const joined = await strict.request('POST', '/api/v1/auth/register', { body: { email: invitee, password: STRONG_PASSWORD, full_name: 'Strict Invitee', invitation_token: invitation } });
      expect(joined.status, joined.text).toBe(201);
      expect(joined.body).toMatchObject({ access_token: expect.any(String), organization: { id: orgId, name: "Strict's Organization" }, role: 'Member' });
      expect(joined.body).not.toHaveProperty('email_verification_required');
    } finally {
      await strict.close();
    }
  });
});
