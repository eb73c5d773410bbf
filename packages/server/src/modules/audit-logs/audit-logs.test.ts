// The audit log end to end: what the API records (actor, target, metadata), that no secret is ever
// stored, listing and filters, streamed export, hash-chain verification against tampering, the
// append-only trigger, and retention with its chain anchor.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { AUDIT_ACTIONS, type AuditAction } from '@saasready/contracts';
import { queryRows } from '../../db/client.js';
import { PasswordHasher } from '../../lib/passwords.js';
import { systemContext } from '../../lib/request-context.js';
import { totp } from '../../lib/totp.js';
import { startTestApp, testConfig, type TestApp } from '../../../test/helpers/app.js';
import { holdOpen, lockWaiters, testDbKind } from '../../../test/helpers/db.js';
import { startReceiver } from '../../../test/helpers/webhook-receiver.js';
import { createOrgWithMembers, expectProblem, login, registerUser, STRONG_PASSWORD, uniqueEmail, type OrgFixture, type RegisteredUser } from '../../../test/helpers/factories.js';
import { Keyring } from '../signing-keys/service.js';
import { createAdmin } from '../users/admin.js';
import { findByIdForUpdate as findUserForUpdate } from '../users/service.js';
import { chainHash } from './chain.js';
import { verifyChain } from './service.js';
import { list as listAudit, lockHead, type AuditRow } from './repository.js';
import { pruneAuditLogs } from './retention.js';
import { lockKeys } from '../signing-keys/repository.js';
import { recordAudit, redactMetadata } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ lockout: { threshold: 3, baseSeconds: 60, maxSeconds: 600 }, webhooks: { ...testConfig().webhooks, allowPrivate: true } });
});
afterAll(() => t.close());

const db = () => t.database.handle.db;
const count = async (query: SQL): Promise<number> => (await queryRows<{ n: number }>(db(), query))[0]!.n;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// helpers

const logs = (orgId: string, token: string, query = '') => t.request('GET', `/api/v1/audit/orgs/${orgId}/logs${query}`, { token });
const verify = (orgId: string, token: string) => t.request('GET', `/api/v1/audit/orgs/${orgId}/verify`, { token });

/** Every row of an organization's log through the API (one page, so fewer than 200). */
async function allLogs(orgId: string, token: string): Promise<any[]> {
  const res = await logs(orgId, token, '?limit=200');
  expect(res.status, res.text).toBe(200);
  expect(res.body.length).toBeLessThan(200);
  return res.body;
}

/** The single row with this action (and target, when given). */
function only(rows: any[], action: string, targetId?: string): any {
  const found = rows.filter((r) => r.action === action && (targetId === undefined || r.target_id === targetId));
  expect(found, `${action} ${targetId ?? ''}: ${JSON.stringify(rows.map((r) => r.action))}`).toHaveLength(1);
  return found[0];
}

const chainRows = (orgId: string | null) =>
  queryRows<AuditRow>(db(), orgId === null ? sql`select * from audit_logs where organization_id is null order by seq` : sql`select * from audit_logs where organization_id = ${orgId} order by seq`);

/** Rows of the no-organization chain (logins, sessions, passwords…) about one user. */
const accountRows = (action: string, userId: string) =>
  queryRows<AuditRow>(db(), sql`select * from audit_logs where organization_id is null and action = ${action} and (target_id = ${userId} or actor_user_id = ${userId}) order by seq`);

/** The append-only trigger off for the duration of `work` (the tests connect as a superuser). */
async function withTriggerDisabled<T>(work: () => Promise<T>): Promise<T> {
  await db().execute(sql`alter table audit_logs disable trigger audit_logs_no_update_delete`);
  try {
    return await work();
  } finally {
    await db().execute(sql`alter table audit_logs enable trigger audit_logs_no_update_delete`);
  }
}

/** The message of a failed query, including the driver error drizzle wraps. */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  throw new Error('the statement succeeded');
}

/**
 * Moves the first `count` rows of a chain `days` into the past, then re-hashes the whole chain in
 * order (created_at is part of each hash, and each hash is part of the next row), so the chain is
 * valid again — as if those events had really happened back then.
 */
async function backdateChain(orgId: string, count: number, days: number): Promise<AuditRow[]> {
  const rows = await chainRows(orgId);
  expect(rows.length).toBeGreaterThan(count - 1);
  const base = Date.now() - days * DAY;
  const rewritten: AuditRow[] = [];
  await withTriggerDisabled(async () => {
    let prev: string | null = null;
    for (const [i, row] of rows.entries()) {
      const createdAt = i < count ? new Date(base + i * 1000) : new Date(row.created_at);
      const hash = chainHash(prev, { ...row, created_at: createdAt });
      await db().execute(sql`update audit_logs set created_at = ${createdAt.toISOString()}, prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`);
      rewritten.push({ ...row, created_at: createdAt, prev_hash: prev, hash });
      prev = hash;
    }
    // as if written that way: the chain's head carries the last row's new hash
    await db().execute(sql`update audit_chain_heads set hash = ${prev} where chain_key = ${orgId}`);
  });
  return rewritten;
}

/** The token of the newest emailed link to `path` (the dev mailbox; password-reset mail is sent after the response). */
async function emailedToken(to: string, path: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const res = await t.request('GET', `/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`);
    expect(res.status, res.text).toBe(200);
    for (const mail of res.body) {
      const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text ?? '');
      if (match) return match[1]!;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no ${path} email to ${to}`);
}

/** An organization with `renames` org.updated rows after org.created and member.added. */
async function orgWithEvents(name: string, renames: number): Promise<{ orgId: string; owner: RegisteredUser }> {
  const owner = await registerUser(t, { fullName: `${name} Owner` });
  const res = await t.request('POST', '/api/v1/orgs', { token: owner.accessToken, body: { name } });
  expect(res.status, res.text).toBe(201);
  for (let i = 1; i <= renames; i++) {
    const patch = await t.request('PATCH', `/api/v1/orgs/${res.body.id}`, { token: owner.accessToken, body: { name: `${name} ${i}` } });
    expect(patch.status, patch.text).toBe(200);
  }
  return { orgId: res.body.id, owner };
}

/** Paths of object keys, at any depth, whose name matches `pattern`. */
function keysMatching(value: unknown, pattern: RegExp, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysMatching(v, pattern, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...(pattern.test(k) ? [`${path}.${k}`] : []), ...keysMatching(v, pattern, `${path}.${k}`)]);
  }
  return [];
}

/** RFC 4180, strictly: a quote inside an unquoted cell is an error. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') {
      if (cell !== '' || wasQuoted) throw new Error(`stray quote in record ${records.length + 1}`);
      quoted = wasQuoted = true;
    } else if (c === ',' || c === '\n') {
      row.push(cell);
      cell = '';
      wasQuoted = false;
      if (c === '\n') {
        records.push(row);
        row = [];
      }
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote in record ${records.length + 1}`);
      cell += c;
    }
  }
  if (quoted) throw new Error('unterminated quoted cell');
  if (cell !== '' || row.length) throw new Error('the last record does not end with a newline');
  return records;
}

const userActor = (u: { userId: string; email: string }) => ({ actor_type: 'user', actor_user_id: u.userId, actor_api_key_id: null, actor_email: u.email });
const systemActor = { actor_type: 'system', actor_user_id: null, actor_api_key_id: null, actor_email: null };
const sessionIdOf = (accessToken: string): string => JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()).sid;

// ---------------------------------------------------------------------------------------------

describe('redactMetadata', () => {
  it('drops secret-looking keys at any depth, in any naming style, and keeps everything else', () => {
    const when = new Date('2024-01-02T03:04:05.000Z');
    const input = {
      name: 'Acme',
      password: 'p',
      new_password: 'p',
      currentPassword: 'p',
      password_hash: 'h',
      passwordHash: 'h',
      refresh_token: 't',
      accessToken: 't',
      client_secret: 's',
      Authorization: 'Bearer x',
      cookie: 'sid=1',
      private_key: 'k',
      otp: '123456',
      key: 'k',
      api_key: 'k',
      apiKey: 'k',
      API_KEY: 'k',
      code: '123456',
      backup_code: 'abcd-efgh',
      backupCodes: ['abcd-efgh'],
      two_factor_code: '123456',
      monkey: 'kept',
      keyboard: 'kept',
      zipcode: '75001',
      permissions: ['org.read'],
      members_reassigned: 2,
      via_invitation: false,
      nothing: null,
      when,
      nested: { keep: 1, secret: 's', deeper: [{ token: 't', label: 'x' }, 'plain', 3], integration: { provider: 'stripe', webhookSecret: 's', signing_key: 'k' } },
    };
    expect(redactMetadata(input)).toEqual({
      name: 'Acme',
      monkey: 'kept',
      keyboard: 'kept',
      zipcode: '75001',
      permissions: ['org.read'],
      members_reassigned: 2,
      via_invitation: false,
      nothing: null,
      when,
      nested: { keep: 1, deeper: [{ label: 'x' }, 'plain', 3], integration: { provider: 'stripe' } },
    });
    // the input is left alone
    expect(input.password).toBe('p');
    expect(redactMetadata([{ password: 'p', a: 1 }])).toEqual([{ a: 1 }]);
    expect(redactMetadata('text')).toBe('text');
    expect(redactMetadata(null)).toBe(null);
  });

  it('is applied by recordAudit for every action: the stored metadata keeps no secret-looking key', async () => {
    const chain = randomUUID();
    const poison = { kept: 'yes', password: 'hunter2-hunter2', token: 'tok-123456789', nested: { apiKey: 'sr_k', backup_code: 'abcd-efgh', ok: true } };
    for (const action of AUDIT_ACTIONS) await recordAudit(db(), systemContext('redaction-test'), { action, organizationId: chain, metadata: poison });
    const rows = await chainRows(chain);
    expect(rows.map((r) => r.action)).toEqual([...AUDIT_ACTIONS]);
    for (const row of rows) expect(row.metadata, row.action).toEqual({ kept: 'yes', nested: { ok: true } });
    expect(await verifyChain(db(), chain)).toEqual({ ok: true, checked: AUDIT_ACTIONS.length, first_broken: null });
  });
});

// ---------------------------------------------------------------------------------------------

describe('what the API records', () => {
  // One broad flow drives every action there is; the tests below check its rows.
  const secrets: string[] = [];
  const WEBHOOK_SECRET = 'whsec-8c1f0d3e9a7b45d2a1c6';
  const NESTED_API_KEY = 'sk_live_5b2e9d7c4a1f8e3b6d0c';
  const NEW_PASSWORD = 'granite-otter-harbor-77';
  const RESET_PASSWORD = 'velvet-comet-lantern-58';
  const WRONG_PASSWORD = 'definitely-not-it-19';
  const ADMIN_PASSWORD = 'summit-walnut-cascade-64';
  secrets.push(STRONG_PASSWORD, WEBHOOK_SECRET, NESTED_API_KEY, NEW_PASSWORD, RESET_PASSWORD, WRONG_PASSWORD, ADMIN_PASSWORD);
  const keep = <T extends { accessToken?: string; refreshToken?: string }>(u: T): T => {
    if (u.accessToken) secrets.push(u.accessToken);
    if (u.refreshToken) secrets.push(u.refreshToken);
    return u;
  };
  const keepTokens = (body: any) => {
    if (body?.access_token) secrets.push(body.access_token);
    if (body?.refresh_token) secrets.push(body.refresh_token);
    return body;
  };

  let f: OrgFixture;
  let orgSlug: string;
  let auditorRoleId: string;
  let inviteRevokedId: string;
  let inviteAcceptedId: string;
  let acceptedMembershipId: string;
  let invitee: RegisteredUser;
  let registeredViaInvite: { userId: string; email: string; membershipId: string; invitationId: string };
  let readKey: { id: string; prefix: string; raw: string };
  let updateKey: { id: string; prefix: string; raw: string };
  let ownerSwitchSession: string;
  let doomedOrgId: string;
  let adminKeyId: string;
  let lateInvitationId: string;
  let account: RegisteredUser;
  const sessions: Record<string, string> = {};
  let otherSessionsEnded: number;
  let lockedEmail: string;
  let lockedUser: RegisteredUser;
  let ghostEmail: string;
  let mfaUser: RegisteredUser;
  let resetUser: RegisteredUser;
  let adminEmail: string;
  let rotatedKid: string;
  let rootUserId: string;
  const FLAG = 'audit-flow-beta';
  let prunedOrg: { orgId: string; owner: RegisteredUser };

  beforeAll(async () => {
    const ok = (res: { status: number; text: string }, status: number) => expect(res.status, res.text).toBe(status);

    // --- organization events, in one organization with every system role
    f = await createOrgWithMembers(t, 'Audit Flow');
    [f.owner, f.admin, f.member, f.viewer, f.suspended].forEach(keep);
    const A = f.orgId;
    orgSlug = (await t.request('GET', `/api/v1/orgs/${A}`, { token: f.owner.accessToken })).body.slug;
    ok(await t.request('PATCH', `/api/v1/orgs/${A}`, {
      token: f.owner.accessToken,
      body: { name: 'Audit Flow Renamed', description: 'Books', metadata: { region: 'eu', webhook_secret: WEBHOOK_SECRET, integration: { provider: 'stripe', apiKey: NESTED_API_KEY } } },
    }), 200);
    ok(await t.request('PATCH', `/api/v1/orgs/${A}`, { token: f.owner.accessToken, body: { settings: { require_2fa: false } } }), 200);
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/members/${f.memberships.Member}/role`, { token: f.admin.accessToken, body: { role_id: f.roles.Viewer } }), 200);
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/members/${f.memberships.Viewer}`, { token: f.admin.accessToken, body: { status: 'suspended' } }), 200);
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/members/${f.memberships.Viewer}`, { token: f.admin.accessToken, body: { status: 'active' } }), 200);
    ok(await t.request('DELETE', `/api/v1/orgs/${A}/members/${f.memberships.suspended}`, { token: f.admin.accessToken }), 204);
    ok(await t.request('POST', `/api/v1/orgs/${A}/leave`, { token: f.viewer.accessToken }), 204);

    const role = await t.request('POST', `/api/v1/orgs/${A}/roles`, { token: f.owner.accessToken, body: { name: 'Auditors', permissions: ['org.read', 'audit.read'] } });
    ok(role, 201);
    auditorRoleId = role.body.id;
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/roles/${auditorRoleId}`, { token: f.owner.accessToken, body: { name: 'Auditors EU', permissions: ['user.read', 'org.read', 'audit.read'] } }), 200);
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/members/${f.memberships.Member}/role`, { token: f.owner.accessToken, body: { role_id: auditorRoleId } }), 200);
    ok(await t.request('DELETE', `/api/v1/orgs/${A}/roles/${auditorRoleId}?reassign_to=${f.roles.Viewer}`, { token: f.owner.accessToken }), 204);

    // invitations: sent, resent, revoked; sent and accepted by an existing user; accepted while registering
    const revokedEmail = uniqueEmail('revoked');
    const sent = await t.request('POST', `/api/v1/orgs/${A}/invite`, { token: f.admin.accessToken, body: { email: revokedEmail, role_id: f.roles.Member } });
    ok(sent, 201);
    inviteRevokedId = sent.body.id;
    secrets.push(await emailedToken(revokedEmail, '/accept-invite'));
    ok(await t.request('POST', `/api/v1/orgs/${A}/invitations/${inviteRevokedId}/resend`, { token: f.admin.accessToken }), 200);
    secrets.push(await emailedToken(revokedEmail, '/accept-invite'));
    ok(await t.request('DELETE', `/api/v1/orgs/${A}/invitations/${inviteRevokedId}`, { token: f.admin.accessToken }), 204);

    invitee = keep(await registerUser(t, { fullName: 'Invitee' }));
    const second = await t.request('POST', `/api/v1/orgs/${A}/invite`, { token: f.admin.accessToken, body: { email: invitee.email, role_id: f.roles.Member } });
    ok(second, 201);
    inviteAcceptedId = second.body.id;
    const inviteToken = await emailedToken(invitee.email, '/accept-invite');
    secrets.push(inviteToken);
    const accepted = await t.request('POST', '/api/v1/invitations/accept', { token: invitee.accessToken, body: { token: inviteToken } });
    ok(accepted, 200);
    acceptedMembershipId = accepted.body.membership_id;

    const newcomerEmail = uniqueEmail('newcomer');
    const third = await t.request('POST', `/api/v1/orgs/${A}/invite`, { token: f.owner.accessToken, body: { email: newcomerEmail, role_id: f.roles.Viewer } });
    ok(third, 201);
    const newcomerToken = await emailedToken(newcomerEmail, '/accept-invite');
    secrets.push(newcomerToken);
    const newcomer = keepTokens((await t.request('POST', '/api/v1/auth/register', { body: { email: newcomerEmail, password: STRONG_PASSWORD, full_name: 'Newcomer', invitation_token: newcomerToken } })).body);
    const newcomerMembership = (await t.request('GET', `/api/v1/orgs/${A}/members`, { token: f.owner.accessToken })).body.find((m: any) => m.user_id === newcomer.user.id);
    registeredViaInvite = { userId: newcomer.user.id, email: newcomerEmail, membershipId: newcomerMembership.id, invitationId: third.body.id };

    // API keys: one that reads the log (then revoked), one that updates the organization
    const createKey = async (name: string, permissions: string[]) => {
      const res = await t.request('POST', `/api/v1/orgs/${A}/api-keys`, { token: f.owner.accessToken, body: { name, permissions } });
      ok(res, 201);
      secrets.push(res.body.raw_key);
      return { id: res.body.id as string, prefix: res.body.prefix as string, raw: res.body.raw_key as string };
    };
    readKey = await createKey('Log shipper', ['audit.read']);
    ok(await logs(A, readKey.raw), 200);
    ok(await t.request('DELETE', `/api/v1/orgs/${A}/api-keys/${readKey.id}`, { token: f.owner.accessToken }), 204);
    updateKey = await createKey('Profile sync', ['org.update']);
    ok(await t.request('PATCH', `/api/v1/orgs/${A}`, { token: updateKey.raw, body: { description: 'Set by a key' } }), 200);

    const switched = await t.request('POST', '/api/v1/auth/switch-org', { token: f.owner.accessToken, body: { org_id: A } });
    ok(switched, 200);
    secrets.push(switched.body.access_token);
    ownerSwitchSession = sessionIdOf(f.owner.accessToken);

    const doomed = await t.request('POST', '/api/v1/orgs', { token: f.owner.accessToken, body: { name: 'Doomed Co' } });
    ok(doomed, 201);
    doomedOrgId = doomed.body.id;
    ok(await t.request('DELETE', `/api/v1/orgs/${doomedOrgId}`, { token: f.owner.accessToken }), 204);

    // a departing Admin's key and pending invitation stop working with them
    const adminKey = await t.request('POST', `/api/v1/orgs/${A}/api-keys`, { token: f.admin.accessToken, body: { name: 'Admin script', permissions: ['org.read'] } });
    ok(adminKey, 201);
    secrets.push(adminKey.body.raw_key);
    adminKeyId = adminKey.body.id;
    const lateEmail = uniqueEmail('late');
    const late = await t.request('POST', `/api/v1/orgs/${A}/invite`, { token: f.admin.accessToken, body: { email: lateEmail, role_id: f.roles.Member } });
    ok(late, 201);
    lateInvitationId = late.body.id;
    const lateToken = await emailedToken(lateEmail, '/accept-invite');
    secrets.push(lateToken);
    ok(await t.request('DELETE', `/api/v1/orgs/${A}/members/${f.memberships.Admin}`, { token: f.owner.accessToken }), 204);
    expectProblem(await t.request('POST', '/api/v1/auth/register', { body: { email: lateEmail, password: STRONG_PASSWORD, full_name: 'Late', invitation_token: lateToken } }), 410, 'invitation.inviter_lacks_authority');

    // --- account events (no organization)
    account = keep(await registerUser(t, { fullName: 'Account Holder' }));
    sessions.first = sessionIdOf(account.accessToken);
    const verifyToken = await emailedToken(account.email, '/verify-email');
    secrets.push(verifyToken);
    ok(await t.request('POST', '/api/v1/auth/verify-email', { body: { token: verifyToken } }), 204);

    const reusedLogin = keepTokens((await login(t, account.email, account.password)).body);
    sessions.reused = sessionIdOf(reusedLogin.access_token);
    keepTokens((await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: reusedLogin.refresh_token } })).body);
    expectProblem(await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: reusedLogin.refresh_token } }), 401, 'auth.refresh_token_reused');

    const revokedLogin = keepTokens((await login(t, account.email, account.password)).body);
    sessions.revoked = sessionIdOf(revokedLogin.access_token);
    ok(await t.request('DELETE', `/api/v1/auth/sessions/${sessions.revoked}`, { token: account.accessToken }), 204);

    keepTokens((await login(t, account.email, account.password)).body); // one more session, ended by the password change
    otherSessionsEnded = (await t.request('GET', '/api/v1/auth/sessions', { token: account.accessToken })).body.length - 1;
    expectProblem(await t.request('POST', '/api/v1/auth/password', { token: account.accessToken, body: { current_password: WRONG_PASSWORD, new_password: NEW_PASSWORD } }), 422, 'auth.password_rejected');
    ok(await t.request('POST', '/api/v1/auth/password', { token: account.accessToken, body: { current_password: account.password, new_password: NEW_PASSWORD } }), 204);
    ok(await t.request('PATCH', '/api/v1/auth/me', { token: account.accessToken, body: { full_name: 'Account Holder Renamed' } }), 200);
    ok(await t.request('POST', '/api/v1/auth/logout', { token: account.accessToken }), 204);

    const a = keepTokens((await login(t, account.email, NEW_PASSWORD)).body);
    keepTokens((await login(t, account.email, NEW_PASSWORD)).body);
    ok(await t.request('POST', '/api/v1/auth/logout-all', { token: a.access_token }), 200);

    ok(await t.request('POST', '/api/v1/auth/forgot-password', { body: { email: account.email } }), 202);
    const resetToken = await emailedToken(account.email, '/reset-password');
    secrets.push(resetToken);
    ok(await t.request('POST', '/api/v1/auth/reset-password', { body: { token: resetToken, new_password: RESET_PASSWORD } }), 204);

    // failed logins: a known account (until it locks) and an unknown email
    lockedUser = keep(await registerUser(t, { fullName: 'Locked Out' }));
    lockedEmail = lockedUser.email;
    for (let i = 0; i < 3; i++) expectProblem(await login(t, lockedEmail, WRONG_PASSWORD), 401, 'auth.invalid_credentials');
    ghostEmail = uniqueEmail('ghost');
    expectProblem(await login(t, ghostEmail, WRONG_PASSWORD), 401, 'auth.invalid_credentials');

    // two-factor: enable, regenerate backup codes, a wrong code at login, a backup code at login, disable with a backup code
    mfaUser = keep(await registerUser(t, { fullName: 'Two Factor' }));
    const setup = await t.request('POST', '/api/v1/auth/2fa/setup', { token: mfaUser.accessToken });
    ok(setup, 200);
    const secret: string = setup.body.secret;
    secrets.push(secret);
    const step = Math.floor(Date.now() / 30_000);
    const codeAt = (s: number) => totp(secret).generate({ timestamp: s * 30_000 + 1 });
    const enabled = await t.request('POST', '/api/v1/auth/2fa/verify', { token: mfaUser.accessToken, body: { code: codeAt(step), password: mfaUser.password } });
    ok(enabled, 200);
    const regenerated = await t.request('POST', '/api/v1/auth/2fa/backup-codes', { token: mfaUser.accessToken, body: { password: mfaUser.password, code: codeAt(step + 1) } });
    ok(regenerated, 200);
    secrets.push(...enabled.body.backup_codes, ...regenerated.body.backup_codes);
    expectProblem(await t.request('POST', '/api/v1/auth/2fa/backup-codes', { token: mfaUser.accessToken, body: { password: mfaUser.password, code: codeAt(step - 20) } }), 422, 'mfa.invalid_code');
    const challenge = await login(t, mfaUser.email, mfaUser.password);
    ok(challenge, 200);
    expect(challenge.body.mfa_required).toBe(true);
    secrets.push(challenge.body.mfa_token);
    expectProblem(await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: challenge.body.mfa_token, code: codeAt(step - 20) } }), 401, 'auth.invalid_mfa_code');
    const withBackup = await t.request('POST', '/api/v1/auth/login/2fa', { body: { mfa_token: challenge.body.mfa_token, backup_code: regenerated.body.backup_codes[0] } });
    ok(withBackup, 200);
    keepTokens(withBackup.body);
    ok(await t.request('POST', '/api/v1/auth/2fa/disable', { token: withBackup.body.access_token, body: { password: mfaUser.password, code: regenerated.body.backup_codes[1] } }), 204);

    // --- what the CLI does (create-admin; keys rotate below), then feature flags as that superuser, then retention
    adminEmail = uniqueEmail('root');
    await createAdmin(db(), new PasswordHasher(t.config.argon2), { email: adminEmail, password: ADMIN_PASSWORD, fullName: 'Root Admin' });
    // feature flags: a superuser manages the global flag, the Owner overrides it for the organization
    const root = keepTokens((await login(t, adminEmail, ADMIN_PASSWORD)).body);
    ok(await t.request('POST', '/api/v1/admin/feature-flags', { token: root.access_token, body: { key: FLAG, name: 'Audit beta', default_enabled: false } }), 201);
    ok(await t.request('PATCH', `/api/v1/admin/feature-flags/${FLAG}`, { token: root.access_token, body: { rollout_percent: 10 } }), 200);
    ok(await t.request('PUT', `/api/v1/orgs/${A}/feature-flags/${FLAG}`, { token: f.owner.accessToken, body: { enabled: true } }), 200);
    ok(await t.request('PUT', `/api/v1/orgs/${A}/feature-flags/${FLAG}`, { token: f.owner.accessToken, body: { enabled: false, rollout_percent: 25 } }), 200);
    ok(await t.request('DELETE', `/api/v1/orgs/${A}/feature-flags/${FLAG}`, { token: f.owner.accessToken }), 200);
    ok(await t.request('DELETE', `/api/v1/admin/feature-flags/${FLAG}`, { token: root.access_token }), 204);
    rootUserId = root.user.id;
    // the recovery path: a superuser removes a user's second factor
    resetUser = keep(await registerUser(t, { fullName: 'Lost Phone' }));
    const resetSetup = await t.request('POST', '/api/v1/auth/2fa/setup', { token: resetUser.accessToken });
    secrets.push(resetSetup.body.secret);
    const resetEnabled = await t.request('POST', '/api/v1/auth/2fa/verify', { token: resetUser.accessToken, body: { code: totp(resetSetup.body.secret).generate(), password: resetUser.password } });
    ok(resetEnabled, 200);
    secrets.push(...resetEnabled.body.backup_codes);
    ok(await t.request('POST', `/api/v1/admin/users/${resetUser.userId}/2fa/reset`, { token: root.access_token }), 204);

    const keyring = new Keyring(db(), { masterKey: t.config.masterKey, alg: t.config.jwtAlg, accessTokenTtl: t.config.accessTokenTtl, issuer: t.config.issuer, audience: t.config.audience });
    await keyring.init();
    keyring.stop();
    rotatedKid = await keyring.rotate();

    // --- webhook endpoints: created, changed, rotated, deleted, and one the server disables (410)
    const receiver = await startReceiver();
    receiver.respond = () => ({ status: 410 });
    const hook = await t.request('POST', `/api/v1/orgs/${A}/webhooks`, { token: f.owner.accessToken, body: { url: receiver.url, event_types: ['webhook.test'] } });
    ok(hook, 201);
    secrets.push(hook.body.secret);
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/webhooks/${hook.body.id}`, { token: f.owner.accessToken, body: { description: 'audited' } }), 200);
    const rotatedHook = await t.request('POST', `/api/v1/orgs/${A}/webhooks/${hook.body.id}/rotate-secret`, { token: f.owner.accessToken, body: {} });
    ok(rotatedHook, 200);
    secrets.push(rotatedHook.body.secret);
    ok(await t.request('POST', `/api/v1/orgs/${A}/webhooks/${hook.body.id}/test`, { token: f.owner.accessToken }), 202);
    await receiver.waitFor(() => true);
    await t.app.webhooks.drain();
    await receiver.close();
    const doomedHook = await t.request('POST', `/api/v1/orgs/${A}/webhooks`, { token: f.owner.accessToken, body: { url: receiver.url, event_types: ['*'] } });
    secrets.push(doomedHook.body.secret);
    ok(await t.request('DELETE', `/api/v1/orgs/${A}/webhooks/${doomedHook.body.id}`, { token: f.owner.accessToken }), 204);

    prunedOrg = await orgWithEvents('Pruned Co', 1);
    keep(prunedOrg.owner);
    await backdateChain(prunedOrg.orgId, 2, 100);
    await pruneAuditLogs(db(), 30);
  }, 120_000);

  it('records organization events with the acting user, the target and the documented metadata', async () => {
    const rows = await allLogs(f.orgId, f.owner.accessToken);
    const { owner, admin, member, viewer, suspended, memberships, roles } = f;
    const expectRow = (row: any, expected: Record<string, unknown>) => {
      expect(row).toMatchObject({ organization_id: f.orgId, ...expected });
      expect(row.audit_metadata).toEqual(row.metadata);
      expect(row.ip_address).toBe('127.0.0.1');
      expect(row.request_id).toEqual(expect.any(String));
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    };
    const ev = (action: string, targetId?: string) => only(rows, action, targetId);

    expectRow(ev('org.created'), { ...userActor(owner), target_type: 'organization', target_id: f.orgId, metadata: { name: 'Audit Flow', slug: orgSlug } });
    expect(ev('org.created').metadata).toEqual({ name: 'Audit Flow', slug: orgSlug });
    expectRow(ev('member.added'), { ...userActor(owner), target_type: 'membership', target_id: memberships.Owner });
    expect(ev('member.added').metadata).toEqual({ user_id: owner.userId, role: 'Owner' });

    const updates = rows.filter((r) => r.action === 'org.updated');
    expect(updates).toHaveLength(2);
    const byOwner = updates.find((r) => r.actor_type === 'user');
    expectRow(byOwner, { ...userActor(owner), target_type: 'organization', target_id: f.orgId });
    // the secret-looking keys of the organization's own metadata are not copied into the log
    expect(byOwner.metadata).toEqual({
      changes: {
        name: { from: 'Audit Flow', to: 'Audit Flow Renamed' },
        description: { from: null, to: 'Books' },
        metadata: { from: {}, to: { region: 'eu', integration: { provider: 'stripe' } } },
      },
    });
    expectRow(ev('org.settings.updated'), { ...userActor(owner), target_type: 'organization', target_id: f.orgId });
    expect(ev('org.settings.updated').metadata).toEqual({ changes: { settings: { from: {}, to: { require_2fa: false } } } });

    const roleChanges = rows.filter((r) => r.action === 'user.role.updated');
    expect(roleChanges).toHaveLength(2);
    const [toAuditors, toViewer] = roleChanges; // newest first
    expectRow(toViewer, { ...userActor(admin), target_type: 'membership', target_id: memberships.Member });
    expect(toViewer.metadata).toEqual({ user_id: member.userId, email: member.email, from_role: 'Member', from_role_id: roles.Member, to_role: 'Viewer', to_role_id: roles.Viewer });
    expectRow(toAuditors, { ...userActor(owner), target_type: 'membership', target_id: memberships.Member });
    expect(toAuditors.metadata).toEqual({ user_id: member.userId, email: member.email, from_role: 'Viewer', from_role_id: roles.Viewer, to_role: 'Auditors EU', to_role_id: auditorRoleId });

    expectRow(ev('member.suspended'), { ...userActor(admin), target_type: 'membership', target_id: memberships.Viewer });
    expect(ev('member.suspended').metadata).toEqual({ user_id: viewer.userId, email: viewer.email, role: 'Viewer' });
    expectRow(ev('member.reactivated'), { ...userActor(admin), target_type: 'membership', target_id: memberships.Viewer });
    expect(ev('member.reactivated').metadata).toEqual({ user_id: viewer.userId, email: viewer.email, role: 'Viewer' });
    expectRow(ev('user.removed', memberships.suspended), { ...userActor(admin), target_type: 'membership', target_id: memberships.suspended });
    expect(ev('user.removed', memberships.suspended).metadata).toEqual({ user_id: suspended.userId, email: suspended.email, role: 'Member' });
    // the Admin's removal ends their key and their pending invitation, each audited once
    expectRow(ev('user.removed', memberships.Admin), { ...userActor(owner), target_type: 'membership' });
    expectRow(ev('api_key.deactivated', adminKeyId), { ...userActor(owner), target_type: 'api_key' });
    expect(ev('api_key.deactivated', adminKeyId).metadata).toMatchObject({ name: 'Admin script', reason: 'creator_removed', creator_user_id: admin.userId });
    expectRow(ev('user.invite.refused', lateInvitationId), { actor_type: 'system', actor_user_id: null, target_type: 'invitation' });
    expect(ev('user.invite.refused', lateInvitationId).metadata).toMatchObject({ reason: 'inviter_not_member', inviter_id: admin.userId, role: 'Member' });
    expectRow(ev('member.left'), { ...userActor(viewer), target_type: 'membership', target_id: memberships.Viewer });
    expect(ev('member.left').metadata).toEqual({});

    expectRow(ev('role.created'), { ...userActor(owner), target_type: 'role', target_id: auditorRoleId });
    expect(ev('role.created').metadata).toEqual({ name: 'Auditors', permissions: ['audit.read', 'org.read'] });
    expectRow(ev('role.updated'), { ...userActor(owner), target_type: 'role', target_id: auditorRoleId });
    expect(ev('role.updated').metadata).toEqual({
      before: { name: 'Auditors', permissions: ['audit.read', 'org.read'] },
      after: { name: 'Auditors EU', permissions: ['audit.read', 'org.read', 'user.read'] },
    });
    expectRow(ev('role.deleted'), { ...userActor(owner), target_type: 'role', target_id: auditorRoleId });
    expect(ev('role.deleted').metadata).toEqual({ name: 'Auditors EU', permissions: ['audit.read', 'org.read', 'user.read'], reassigned_to: roles.Viewer, members_reassigned: 1, invitations_reassigned: [], ended_invitations_deleted: [] });

    expectRow(ev('user.invite.sent', inviteRevokedId), { ...userActor(admin), target_type: 'invitation' });
    const revokedEmail = ev('user.invite.sent', inviteRevokedId).metadata.invited_email;
    expect(ev('user.invite.sent', inviteRevokedId).metadata).toEqual({ invited_email: revokedEmail, role_id: roles.Member, role: 'Member', inviter_id: admin.userId });
    expectRow(ev('user.invite.resent', inviteRevokedId), { ...userActor(admin), target_type: 'invitation', metadata: { invited_email: revokedEmail } });
    expect(ev('user.invite.resent').metadata).toEqual({ invited_email: revokedEmail });
    expectRow(ev('user.invite.revoked', inviteRevokedId), { ...userActor(admin), target_type: 'invitation' });
    expect(ev('user.invite.revoked').metadata).toEqual({ invited_email: revokedEmail });
    expect(ev('user.invite.sent', inviteAcceptedId).metadata).toEqual({ invited_email: invitee.email, role_id: roles.Member, role: 'Member', inviter_id: admin.userId });
    expectRow(ev('user.invite.accepted', acceptedMembershipId), { ...userActor(invitee), target_type: 'membership' });
    expect(ev('user.invite.accepted', acceptedMembershipId).metadata).toEqual({ invitation_id: inviteAcceptedId, role: 'Member' });
    // registering with an invitation: the account's registration belongs to the inviting organization
    expectRow(ev('user.invite.accepted', registeredViaInvite.membershipId), { ...userActor(registeredViaInvite), target_type: 'membership' });
    expect(ev('user.invite.accepted', registeredViaInvite.membershipId).metadata).toEqual({ invitation_id: registeredViaInvite.invitationId, role: 'Viewer' });
    expectRow(ev('user.registered', registeredViaInvite.userId), { ...userActor(registeredViaInvite), target_type: 'user' });
    expect(ev('user.registered').metadata).toEqual({ via_invitation: true });

    expectRow(ev('api_key.created', readKey.id), { ...userActor(owner), target_type: 'api_key' });
    expect(ev('api_key.created', readKey.id).metadata).toEqual({ name: 'Log shipper', prefix: readKey.prefix, permissions: ['audit.read'], expires_at: null });
    expect(ev('api_key.created', updateKey.id).metadata).toEqual({ name: 'Profile sync', prefix: updateKey.prefix, permissions: ['org.update'], expires_at: null });
    expectRow(ev('api_key.revoked', readKey.id), { ...userActor(owner), target_type: 'api_key' });
    expect(ev('api_key.revoked').metadata).toEqual({ name: 'Log shipper', prefix: readKey.prefix });

    const flagRule = { name: 'Audit beta', description: null, default_enabled: false, rollout_unit: 'organization' };
    expectRow(ev('feature_flag.enabled', FLAG), { ...userActor(owner), target_type: 'feature_flag' });
    expect(ev('feature_flag.enabled').metadata).toEqual({ before: null, after: { enabled: true, rollout_percent: null } });
    expectRow(ev('feature_flag.disabled', FLAG), { ...userActor(owner), target_type: 'feature_flag' });
    expect(ev('feature_flag.disabled').metadata).toEqual({ before: { enabled: true, rollout_percent: null }, after: { enabled: false, rollout_percent: 25 } });
    expectRow(ev('feature_flag.reset', FLAG), { ...userActor(owner), target_type: 'feature_flag' });
    expect(ev('feature_flag.reset').metadata).toEqual({ before: { enabled: false, rollout_percent: 25 }, after: null });
    // the global flag's own events belong to no organization
    const global = await queryRows<AuditRow>(db(), sql`select * from audit_logs where target_type = 'feature_flag' and target_id = ${FLAG} and organization_id is null order by seq`);
    expect(global.map((r) => r.action)).toEqual(['feature_flag.created', 'feature_flag.updated', 'feature_flag.deleted']);
    for (const row of global) expect(row).toMatchObject({ actor_type: 'user', actor_user_id: rootUserId, actor_email: adminEmail });
    expect(global[0]!.metadata).toMatchObject({ after: { ...flagRule, rollout_percent: null } });
    expect(global[1]!.metadata).toMatchObject({ before: { ...flagRule, rollout_percent: null }, after: { ...flagRule, rollout_percent: 10 } });
    expect(global[2]!.metadata).toMatchObject({ before: { ...flagRule, rollout_percent: 10 } });

    expectRow(ev('org.switched'), { ...userActor(owner), target_type: 'session', target_id: ownerSwitchSession, metadata: {} });

    // every row of the organization, and only those
    expect(rows.every((r) => r.organization_id === f.orgId)).toBe(true);
    expect(rows).toHaveLength(await count(sql`select count(*)::int as n from audit_logs where organization_id = ${f.orgId}`));
  });

  it('records an action done with an API key as the key, not as a person', async () => {
    const rows = await allLogs(f.orgId, f.owner.accessToken);
    const byKey = rows.filter((r) => r.action === 'org.updated' && r.actor_type === 'api_key');
    expect(byKey).toHaveLength(1);
    expect(byKey[0]).toMatchObject({
      actor_type: 'api_key',
      actor_api_key_id: updateKey.id,
      actor_user_id: null,
      actor_email: null,
      target_type: 'organization',
      target_id: f.orgId,
      metadata: { changes: { description: { from: 'Books', to: 'Set by a key' } } },
    });
    expect(byKey[0].audit_metadata).toEqual(byKey[0].metadata);
    // a revoked key no longer reads the log
    expectProblem(await logs(f.orgId, readKey.raw), 401, 'api_key.invalid');
  });

  it('records organization lifecycle and account events outside any organization', async () => {
    const [deleted] = await queryRows<AuditRow>(db(), sql`select * from audit_logs where action = 'org.deleted' and target_id = ${doomedOrgId}`);
    expect(deleted).toMatchObject({ organization_id: doomedOrgId, ...userActor(f.owner), target_type: 'organization', metadata: { name: 'Doomed Co', slug: expect.any(String) } });

    // registration: in the personal organization; the verification email, outside any
    const personal = await chainRows(account.orgId);
    expect(personal.map((r) => r.action)).toEqual(['org.created', 'member.added', 'user.registered']);
    expect(personal[2]).toMatchObject({ ...userActor(account), target_type: 'user', target_id: account.userId, metadata: { via_invitation: false } });

    const one = async (action: string, userId = account.userId) => {
      const rows = await accountRows(action, userId);
      expect(rows, action).toHaveLength(1);
      expect(rows[0]!.organization_id).toBe(null);
      return rows[0]!;
    };
    expect(await one('user.email.verification_sent')).toMatchObject({ ...userActor(account), target_type: 'user', target_id: account.userId, metadata: {} });
    expect(await one('user.email.verified')).toMatchObject({ ...userActor(account), target_type: 'user', target_id: account.userId, metadata: {} });

    const logins = await accountRows('user.logged_in', account.userId);
    expect(logins).toHaveLength(5);
    for (const row of logins) expect(row).toMatchObject({ ...userActor(account), organization_id: null, target_type: 'user', target_id: account.userId, metadata: { mfa: false } });

    expect(await one('auth.refresh_token.reused')).toMatchObject({ ...userActor(account), target_type: 'session', target_id: sessions.reused, metadata: {} });
    expect(await one('user.session.revoked')).toMatchObject({ ...userActor(account), target_type: 'session', target_id: sessions.revoked, metadata: {} });
    expect(otherSessionsEnded).toBe(1);
    expect(await one('user.password.changed')).toMatchObject({ ...userActor(account), target_type: 'user', target_id: account.userId, metadata: { other_sessions_ended: 1 } });
    expect(await one('user.profile.updated')).toMatchObject({ ...userActor(account), target_type: 'user', target_id: account.userId, metadata: { changes: { full_name: { from: 'Account Holder', to: 'Account Holder Renamed' } } } });
    const [logout] = await queryRows<AuditRow>(db(), sql`select * from audit_logs where action = 'user.logout' and target_id = ${sessions.first}`);
    expect(logout).toMatchObject({ organization_id: null, ...userActor(account), target_type: 'session', metadata: {} });
    expect(await one('user.logout_all')).toMatchObject({ ...userActor(account), target_type: 'user', target_id: account.userId, metadata: { sessions: 2 } });
    expect(await one('user.password.reset_requested')).toMatchObject({ ...userActor(account), target_type: 'user', target_id: account.userId, metadata: {} });
    expect(await one('user.password.reset')).toMatchObject({ ...userActor(account), target_type: 'user', target_id: account.userId, metadata: { sessions_ended: 0 } });

    // failed logins name the account when it exists, and the lockout says for how long
    const failures = await accountRows('user.login.failed', lockedUser.userId);
    expect(failures.map((r) => r.metadata)).toEqual([1, 2, 3].map(() => ({ email: lockedEmail })));
    for (const row of failures) expect(row).toMatchObject({ ...userActor(lockedUser), target_type: null, target_id: null });
    expect(await one('user.account.locked', lockedUser.userId)).toMatchObject({ ...userActor(lockedUser), metadata: { email: lockedEmail, factor: 'password', scope: 'source', source: '127.0.0.1', failures: 3, seconds: 60 } });
    const ghost = await queryRows<AuditRow>(db(), sql`select * from audit_logs where action = 'user.login.failed' and metadata->>'email' = ${ghostEmail}`);
    expect(ghost).toHaveLength(1);
    expect(ghost[0]).toMatchObject({ organization_id: null, ...systemActor, metadata: { email: ghostEmail } });

    const mfaRows = await queryRows<AuditRow>(db(), sql`
      select * from audit_logs where organization_id is null and actor_user_id = ${mfaUser.userId} and action like 'user.%' and action <> 'user.email.verification_sent' order by seq`);
    expect(mfaRows.map((r) => r.action)).toEqual([
      'user.2fa.enabled',
      'user.2fa.backup_codes.regenerated',
      'user.2fa.verification_failed',
      'user.login.mfa_failed',
      'user.2fa.backup_code.used',
      'user.logged_in',
      'user.2fa.backup_code.used',
      'user.2fa.disabled',
    ]);
    for (const row of mfaRows) expect(row).toMatchObject(userActor(mfaUser));
    expect(mfaRows.every((r) => r.target_type === 'user' && r.target_id === mfaUser.userId)).toBe(true);
    expect(mfaRows[5]!.metadata).toEqual({ mfa: true });
    expect(mfaRows[2]!.metadata).toEqual({ purpose: 'backup_codes' });
    expect(await one('user.password.verification_failed', account.userId)).toMatchObject({ ...userActor(account), target_type: 'user', metadata: { purpose: 'password_change' } });
    const [mfaReset] = await queryRows<AuditRow>(db(), sql`select * from audit_logs where action = 'user.2fa.reset' and target_id = ${resetUser.userId}`);
    expect(mfaReset).toMatchObject({ organization_id: null, actor_type: 'user', actor_user_id: rootUserId, target_type: 'user', metadata: { email: resetUser.email, sessions_ended: 1 } });

    const [admin] = await queryRows<AuditRow>(db(), sql`select * from audit_logs where action = 'admin.created' and metadata->>'email' = ${adminEmail}`);
    expect(admin).toMatchObject({ organization_id: null, ...systemActor, request_id: 'cli', target_type: 'user', metadata: { email: adminEmail, promoted: false } });
    const [rotation] = await queryRows<AuditRow>(db(), sql`select * from audit_logs where action = 'signing_key.rotated' and target_id = ${rotatedKid}`);
    expect(rotation).toMatchObject({ organization_id: null, ...systemActor, target_type: 'signing_key', metadata: { alg: t.config.jwtAlg } });
    const [pruned] = await queryRows<AuditRow>(db(), sql`select * from audit_logs where action = 'audit.pruned' and organization_id = ${prunedOrg.orgId}`);
    expect(pruned).toMatchObject({ ...systemActor, request_id: 'audit-retention', metadata: { removed: 2, retention_days: 30, before: expect.any(String) } });

    // the no-organization chain verifies like any other
    expect(await verifyChain(db(), null)).toMatchObject({ ok: true, first_broken: null });
  });

  it('covers every action in AUDIT_ACTIONS, and no stored metadata has a secret-looking key', async () => {
    const rows = await queryRows<{ id: string; action: string; metadata: unknown }>(db(), sql`select id, action, metadata from audit_logs where request_id is distinct from 'redaction-test' and action not like 'sqlfixture.%'`);
    const seen = new Set(rows.map((r) => r.action));
    // the flow above must produce every action there is: a new action without a test here fails.
    // The SSO and domain actions need an IdP and a DNS server: their own files produce and assert
    // each one (modules/sso/saml.test.ts, oidc.test.ts, modules/domains/domains.test.ts); the SCIM
    // ones need a directory (modules/directories/scim.test.ts).
    const producedElsewhere = new Set(['member.deprovisioned', 'directory.created', 'directory.deleted', 'directory.token_rotated', 'directory.user.updated', 'directory.group.created', 'directory.group.updated', 'directory.group.deleted', 'directory.group.role_mapped', 'domain.added', 'domain.verified', 'domain.verification_failed', 'domain.removed', 'sso.connection.created', 'sso.connection.updated', 'sso.connection.deleted', 'sso.login.succeeded', 'sso.login.failed', 'member.provisioned', 'user.login.break_glass', 'sso.required.sessions_ended',
      // the superuser's user and organization pages: modules/admin/admin.test.ts
      'user.disabled', 'user.enabled', 'admin.organization.viewed', 'admin.user.viewed']);
    expect(AUDIT_ACTIONS.filter((a) => !seen.has(a) && !producedElsewhere.has(a))).toEqual([]);
    expect([...seen].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
    const offending = rows.flatMap((r) => keysMatching(r.metadata, /password|token|secret|^key$|authorization|hash|code/i).map((k) => `${r.action}: ${k}`));
    expect(offending).toEqual([]);
  });

  it('stores no raw password, token, API key, emailed link, TOTP secret or backup code anywhere in audit_logs', async () => {
    const distinct = [...new Set(secrets)].filter((s) => s.length >= 8);
    expect(distinct.length).toBeGreaterThan(40);
    const found: string[] = [];
    for (const secret of distinct) {
      if (await count(sql`select count(*)::int as n from audit_logs a where strpos(a::text, ${secret}) > 0`)) found.push(secret);
    }
    expect(found).toEqual([]);
    // the key prefix is logged (it identifies the key) but never the rest of the key
    expect(await count(sql`select count(*)::int as n from audit_logs a where strpos(a::text, ${readKey.prefix}) > 0`)).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('listing', () => {
  let f: OrgFixture;
  let roleId: string;
  let all: any[];

  beforeAll(async () => {
    f = await createOrgWithMembers(t, 'Listing Audit');
    const A = f.orgId;
    const ok = (res: { status: number; text: string }, status = 200) => expect(res.status, res.text).toBe(status);
    for (const name of ['Listing Audit 1', 'Listing Audit 2', 'Listing Audit 3']) ok(await t.request('PATCH', `/api/v1/orgs/${A}`, { token: f.owner.accessToken, body: { name } }));
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/members/${f.memberships.Member}/role`, { token: f.admin.accessToken, body: { role_id: f.roles.Viewer } }));
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/members/${f.memberships.Member}/role`, { token: f.admin.accessToken, body: { role_id: f.roles.Member } }));
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/members/${f.memberships.Viewer}`, { token: f.admin.accessToken, body: { status: 'suspended' } }));
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/members/${f.memberships.Viewer}`, { token: f.admin.accessToken, body: { status: 'active' } }));
    const role = await t.request('POST', `/api/v1/orgs/${A}/roles`, { token: f.owner.accessToken, body: { name: 'Temp', permissions: ['org.read'] } });
    ok(role, 201);
    roleId = role.body.id;
    ok(await t.request('PATCH', `/api/v1/orgs/${A}/roles/${roleId}`, { token: f.owner.accessToken, body: { name: 'Temp 2' } }));
    ok(await t.request('DELETE', `/api/v1/orgs/${A}/roles/${roleId}`, { token: f.owner.accessToken }), 204);
    all = await allLogs(A, f.owner.accessToken);
  });

  it('returns the whole log newest first, each row linked to the one before it', async () => {
    expect(all).toHaveLength(12);
    expect(all.map((r) => r.seq)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    for (let i = 1; i < all.length; i++) {
      expect(Date.parse(all[i - 1].created_at)).toBeGreaterThanOrEqual(Date.parse(all[i].created_at));
      expect(all[i - 1].prev_hash).toBe(all[i].hash);
    }
    expect(all.at(-1).prev_hash).toBe(null);
    // the default page is 50
    expect((await logs(f.orgId, f.owner.accessToken)).body).toEqual(all);
  });

  it('caps limit at 200 and rejects bad paging parameters', async () => {
    expect((await logs(f.orgId, f.owner.accessToken, '?limit=200')).status).toBe(200);
    expectProblem(await logs(f.orgId, f.owner.accessToken, '?limit=201'), 400, 'request.validation_failed');
    expectProblem(await logs(f.orgId, f.owner.accessToken, '?limit=0'), 400, 'request.validation_failed');
    expectProblem(await logs(f.orgId, f.owner.accessToken, '?offset=-1'), 400, 'request.validation_failed');
    expectProblem(await logs(f.orgId, f.owner.accessToken, '?cursor=garbage!'), 400, 'request.validation_failed');
    expectProblem(await logs(f.orgId, f.owner.accessToken, `?cursor=${Buffer.from('0').toString('base64url')}`), 400, 'request.validation_failed');
    expectProblem(await logs(f.orgId, f.owner.accessToken, '?from=yesterday'), 400, 'request.validation_failed');
    expectProblem(await logs(f.orgId, f.owner.accessToken, '?action=Member.*'), 400, 'request.validation_failed');
  });

  it('gives the same rows in the same order by offset pages and by cursor pages', async () => {
    const byOffset: any[] = [];
    for (let offset = 0; offset < 20; offset += 5) {
      const res = await logs(f.orgId, f.owner.accessToken, `?limit=5&offset=${offset}`);
      expect(res.status, res.text).toBe(200);
      byOffset.push(...res.body);
    }
    const byCursor: any[] = [];
    let query = '?limit=5';
    let pages = 0;
    for (;;) {
      const res = await logs(f.orgId, f.owner.accessToken, query);
      expect(res.status, res.text).toBe(200);
      byCursor.push(...res.body);
      pages++;
      const next = res.headers.get('x-next-cursor');
      if (!next) break;
      expect(res.headers.get('link')).toBe(`</api/v1/audit/orgs/${f.orgId}/logs?limit=5&cursor=${next}>; rel="next"`);
      expect(pages).toBeLessThan(5);
      query = `?limit=5&cursor=${next}`;
    }
    expect(pages).toBe(3);
    expect(byOffset.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(byCursor).toEqual(byOffset);
    // an offset page's cursor continues where that page ended
    const middle = await logs(f.orgId, f.owner.accessToken, '?limit=5&offset=5');
    const after = await logs(f.orgId, f.owner.accessToken, `?limit=5&cursor=${middle.headers.get('x-next-cursor')}`);
    expect(after.body.map((r: any) => r.id)).toEqual(all.slice(10).map((r) => r.id));
    // a cursor page is not shifted again by an offset
    expect((await logs(f.orgId, f.owner.accessToken, `?limit=5&offset=3&cursor=${middle.headers.get('x-next-cursor')}`)).body).toEqual(after.body);
  });

  it('filters by exact action, action prefix, actor, target and time, alone and combined with paging', async () => {
    const ids = async (query: string) => {
      const res = await logs(f.orgId, f.owner.accessToken, query);
      expect(res.status, res.text).toBe(200);
      return res.body.map((r: any) => r.id);
    };
    const expected = (pred: (r: any) => boolean) => all.filter(pred).map((r) => r.id);

    expect(await ids('?action=user.role.updated')).toEqual(expected((r) => r.action === 'user.role.updated'));
    expect(await ids('?action=user.role.updated')).toHaveLength(2);
    // the name this event had before issue 18 still finds it
    expect(await ids('?action=member.role_changed')).toEqual(await ids('?action=user.role.updated'));
    expect(await ids('?action=member.*')).toEqual(expected((r) => r.action.startsWith('member.') || r.action === 'user.role.updated'));
    expect(await ids('?action=member.*')).toHaveLength(5);
    // a prefix is anchored at the start and ends at a dot: role.* is not user.role.updated
    expect(await ids('?action=role.*')).toEqual(expected((r) => ['role.created', 'role.updated', 'role.deleted'].includes(r.action)));
    expect(await ids('?action=org.*')).toHaveLength(4);
    expect(await ids('?action=org')).toEqual([]);
    expect(await ids('?action=membe_.*')).toEqual([]); // LIKE wildcards are literal
    expect(await ids(`?actor_user_id=${f.admin.userId}`)).toEqual(expected((r) => r.actor_user_id === f.admin.userId));
    expect(await ids(`?actor_user_id=${f.admin.userId}`)).toHaveLength(4);
    expect(await ids('?target_type=role')).toEqual(expected((r) => r.target_type === 'role'));
    expect(await ids(`?target_id=${roleId}`)).toHaveLength(3);
    expect(await ids(`?target_type=membership&target_id=${f.memberships.Member}`)).toEqual(expected((r) => r.target_id === f.memberships.Member));
    expect(await ids(`?target_type=membership&target_id=${f.memberships.Member}`)).toHaveLength(2);
    expect(await ids(`?actor_user_id=${f.admin.userId}&action=user.role.updated`)).toHaveLength(2);

    const ascending = [...all].reverse();
    const pivot = ascending[6].created_at;
    const fromPivot = await ids(`?from=${encodeURIComponent(pivot)}`);
    const beforePivot = await ids(`?to=${encodeURIComponent(pivot)}`);
    expect(fromPivot).toEqual(expected((r) => Date.parse(r.created_at) >= Date.parse(pivot)));
    expect(beforePivot).toEqual(expected((r) => Date.parse(r.created_at) < Date.parse(pivot)));
    expect(fromPivot).toContain(ascending[6].id);
    expect([...fromPivot, ...beforePivot].sort()).toEqual(all.map((r) => r.id).sort());
    const window = await ids(`?from=${encodeURIComponent(ascending[2].created_at)}&to=${encodeURIComponent(pivot)}`);
    expect(window).toEqual(expected((r) => Date.parse(r.created_at) >= Date.parse(ascending[2].created_at) && Date.parse(r.created_at) < Date.parse(pivot)));
    expect(await ids(`?from=${encodeURIComponent(new Date(Date.now() + DAY).toISOString())}`)).toEqual([]);

    // a filter with cursor pages
    const paged: string[] = [];
    let query = '?action=member.*&limit=2';
    for (let i = 0; i < 5; i++) {
      const res = await logs(f.orgId, f.owner.accessToken, query);
      paged.push(...res.body.map((r: any) => r.id));
      const next = res.headers.get('x-next-cursor');
      if (!next) break;
      query = `?action=member.*&limit=2&cursor=${next}`;
    }
    expect(paged).toEqual(await ids('?action=member.*'));
  });

  it('needs audit.read in this organization: Viewer 403, Member 200, outsiders 404', async () => {
    const member = await logs(f.orgId, f.member.accessToken);
    expect(member.status, member.text).toBe(200);
    expect(member.body.map((r: any) => r.id)).toEqual(all.map((r) => r.id));
    for (const path of ['logs', 'logs/export', 'verify']) {
      const url = `/api/v1/audit/orgs/${f.orgId}/${path}`;
      expectProblem(await t.request('GET', url, { token: f.viewer.accessToken }), 403, 'permission_denied');
      expectProblem(await t.request('GET', url), 401, 'auth.unauthenticated');
    }
    // an Owner of another organization learns nothing, not even that this one exists
    const other = await createOrgWithMembers(t, 'Listing Outsider');
    expectProblem(await logs(f.orgId, other.owner.accessToken), 404, 'organization.not_found');
    expectProblem(await logs(f.orgId, other.member.accessToken), 404, 'organization.not_found');
    expectProblem(await t.request('GET', `/api/v1/audit/orgs/${f.orgId}/verify`, { token: other.owner.accessToken }), 404, 'organization.not_found');
    // and their own log holds none of this organization's rows
    const theirs = await allLogs(other.orgId, other.member.accessToken);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((r) => r.organization_id === other.orgId)).toBe(true);
    // a suspended member is refused
    expectProblem(await logs(f.orgId, f.suspended.accessToken), 403, 'membership.suspended');
    // an API key reads only its own organization's log
    const key = await t.request('POST', `/api/v1/orgs/${other.orgId}/api-keys`, { token: other.owner.accessToken, body: { name: 'reader', permissions: ['audit.read'] } });
    expect(key.status, key.text).toBe(201);
    expect((await logs(other.orgId, key.body.raw_key)).status).toBe(200);
    expectProblem(await logs(f.orgId, key.body.raw_key), 404, 'organization.not_found');
  });
});

// ---------------------------------------------------------------------------------------------

describe('export', () => {
  // The export pages by 1,000 rows. At scale (100,000 rows) it runs on PostgreSQL, the production
  // database; PGlite, ~10× slower to load and stream that much, walks the same code over 10 pages.
  const BULK = testDbKind() === 'postgres' ? 100_000 : 10_000;
  let orgId: string;
  let owner: RegisteredUser;
  let total: number;
  let formulaRowId: string;
  let quotedAgentRowId: string;
  const MULTILINE = 'line one\nline two, with a "quote"';

  beforeAll(async () => {
    owner = await registerUser(t, { fullName: 'Export Owner' });
    const org = await t.request('POST', '/api/v1/orgs', { token: owner.accessToken, body: { name: 'Export Co' } });
    expect(org.status, org.text).toBe(201);
    orgId = org.body.id;
    // values a spreadsheet would run as formulas, or that need quoting, arrive in a real request's user agent
    const patch = (name: string, agent: string) =>
      t.request('PATCH', `/api/v1/orgs/${orgId}`, { token: owner.accessToken, body: { name }, headers: { 'user-agent': agent } });
    expect((await patch('Export Co 1', '=SUM(A1)')).status).toBe(200);
    expect((await patch('Export Co 2', 'Agent/1.0 (X11, "Linux")')).status).toBe(200);
    const rows = await chainRows(orgId);
    formulaRowId = rows.find((r) => r.user_agent === '=SUM(A1)')!.id;
    quotedAgentRowId = rows.find((r) => r.user_agent === 'Agent/1.0 (X11, "Linux")')!.id;
    // a large log, written directly (no hashes: this organization's chain is never verified)
    const start = rows.length;
    await db().execute(sql`
      insert into audit_logs (id, organization_id, actor_type, action, target_type, target_id, metadata, created_at, seq)
      select gen_random_uuid(), ${orgId}::uuid, 'system', 'sqlfixture.bulk',
             case when g <= 2000 then 'first-2000' when g % 2 = 0 then 'even' else 'odd' end,
             'bulk-' || g, jsonb_build_object('n', g), now() - interval '1 hour' + g * interval '1 millisecond', ${start}::bigint + g
        from generate_series(1, ${BULK}) as g`);
    await db().execute(sql`
      insert into audit_logs (id, organization_id, actor_type, action, target_type, target_id, metadata, seq)
      values (gen_random_uuid(), ${orgId}::uuid, 'system', 'sqlfixture.special', 'special', ${MULTILINE}, ${JSON.stringify({ note: 'a, "b"\nc' })}::jsonb, ${start + BULK + 1}),
             (gen_random_uuid(), ${orgId}::uuid, 'system', 'sqlfixture.special', 'special', ${'=SUM(A1)'}, '{}'::jsonb, ${start + BULK + 2}),
             (gen_random_uuid(), ${orgId}::uuid, 'system', 'sqlfixture.special', 'special', ${'@cmd|calc'}, '{}'::jsonb, ${start + BULK + 3}),
             (gen_random_uuid(), ${orgId}::uuid, 'system', 'sqlfixture.special', 'special', ${'+1+2'}, '{}'::jsonb, ${start + BULK + 4}),
             (gen_random_uuid(), ${orgId}::uuid, 'system', 'sqlfixture.special', 'special', ${'-3'}, '{}'::jsonb, ${start + BULK + 5})`);
    total = start + BULK + 5;
    // statistics for the planner after a bulk load, as autovacuum gathers them on PostgreSQL (PGlite has none)
    await db().execute(sql`analyze audit_logs`);
  }, 120_000);

  const exportOf = (query: string) => t.request('GET', `/api/v1/audit/orgs/${orgId}/logs/export${query}`, { token: owner.accessToken });

  it('streams every row as JSON lines, newest first, with download headers', { timeout: 120_000 }, async () => {
    const res = await exportOf('?format=jsonl');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="audit-${orgId}.jsonl"`);
    expect(res.text.endsWith('\n')).toBe(true);
    const lines = res.text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(total);
    const seqs = lines.map((line) => JSON.parse(line).seq);
    expect(seqs[0]).toBe(total);
    expect(seqs.every((s, i) => s === total - i)).toBe(true);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ organization_id: orgId, action: 'sqlfixture.special', target_id: '-3' });
    expect(first).not.toHaveProperty('audit_metadata');
    const multiline = JSON.parse(lines[4]!);
    expect(multiline).toMatchObject({ target_id: MULTILINE, metadata: { note: 'a, "b"\nc' } });
    // JSON lines carry the values as they are
    expect(JSON.parse(lines.find((l) => l.includes(formulaRowId))!).user_agent).toBe('=SUM(A1)');
    // the default format is JSON lines
    const byDefault = await exportOf('?target_type=special');
    expect(byDefault.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(byDefault.text.trim().split('\n')).toHaveLength(5);
  });

  it('streams every row as CSV with a header, quoting what needs it and neutralising formulas', { timeout: 120_000 }, async () => {
    const res = await exportOf('?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="audit-${orgId}.csv"`);
    const records = parseCsv(res.text);
    const header = ['id', 'seq', 'created_at', 'action', 'actor_type', 'actor_user_id', 'actor_api_key_id', 'actor_email', 'target_type', 'target_id', 'ip_address', 'user_agent', 'request_id', 'metadata', 'hash'];
    expect(records[0]).toEqual(header);
    expect(records).toHaveLength(total + 1);
    expect(records.every((r) => r.length === header.length)).toBe(true);
    const col = (name: string) => header.indexOf(name);
    expect(records.slice(1).every((r, i) => r[col('seq')] === String(total - i))).toBe(true);
    const byTarget = (target: string) => records.find((r) => r[col('action')] === 'sqlfixture.special' && r[col('target_id')].replace(/^'/, '') === target)!;
    // a value with a comma, quotes and a newline survives the round trip
    expect(byTarget(MULTILINE)[col('target_id')]).toBe(MULTILINE);
    expect(res.text).toContain('"line one\nline two, with a ""quote"""');
    expect(JSON.parse(byTarget(MULTILINE)[col('metadata')]!)).toEqual({ note: 'a, "b"\nc' });
    // cells a spreadsheet would evaluate are prefixed with a quote, and quoted
    expect(byTarget('=SUM(A1)')[col('target_id')]).toBe("'=SUM(A1)");
    expect(byTarget('@cmd|calc')[col('target_id')]).toBe("'@cmd|calc");
    expect(byTarget('+1+2')[col('target_id')]).toBe("'+1+2");
    expect(byTarget('-3')[col('target_id')]).toBe("'-3");
    expect(res.text).toContain(`"'=SUM(A1)"`);
    expect(records.find((r) => r[col('id')] === formulaRowId)![col('user_agent')]).toBe("'=SUM(A1)");
    expect(records.find((r) => r[col('id')] === quotedAgentRowId)![col('user_agent')]).toBe('Agent/1.0 (X11, "Linux")');
    // nothing else starts with a formula character
    const risky = records.slice(1).flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(risky).toEqual([]);
  });

  it('exports exactly the filtered rows, across page boundaries', async () => {
    // 2,000 rows: exactly two export pages
    const exact = await exportOf('?format=jsonl&target_type=first-2000');
    const lines = exact.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2000);
    expect(lines.every((r) => r.target_type === 'first-2000')).toBe(true);
    expect(new Set(lines.map((r) => r.id)).size).toBe(2000);
    expect(lines[0].target_id).toBe('bulk-2000');
    expect(lines.at(-1).target_id).toBe('bulk-1');

    const csv = parseCsv((await exportOf('?format=csv&action=sqlfixture.special')).text);
    expect(csv).toHaveLength(1 + 5);
    const updates = (await exportOf('?format=jsonl&action=org.*')).text.trim().split('\n').map((l) => JSON.parse(l));
    expect(updates.map((r) => r.action)).toEqual(['org.updated', 'org.updated', 'org.created']);
    // nothing matches: the header alone
    const none = await exportOf(`?format=csv&actor_user_id=${owner.userId}&from=${encodeURIComponent(new Date(Date.now() + DAY).toISOString())}`);
    expect(none.status).toBe(200);
    expect(parseCsv(none.text)).toHaveLength(1);
    expect((await exportOf(`?format=jsonl&actor_user_id=${owner.userId}&from=${encodeURIComponent(new Date(Date.now() + DAY).toISOString())}`)).text).toBe('');
    expectProblem(await exportOf('?format=xml'), 400, 'request.validation_failed');
  });
});

// ---------------------------------------------------------------------------------------------

describe('chain verification', () => {
  it('reports an untouched chain as intact, counting every row', async () => {
    const { orgId, owner } = await orgWithEvents('Verify Clean', 4);
    const res = await verify(orgId, owner.accessToken);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ ok: true, checked: 6, first_broken: null });
  });

  it('finds a row whose content was changed', async () => {
    const { orgId, owner } = await orgWithEvents('Verify Edit', 4);
    const rows = await chainRows(orgId);
    await withTriggerDisabled(() => db().execute(sql`update audit_logs set metadata = '{"changes":{"name":{"from":"x","to":"forged"}}}' where id = ${rows[3]!.id}`));
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: false, checked: 3, first_broken: { id: rows[3]!.id, seq: 4, reason: 'content does not match its hash' } });
  });

  it('finds a changed row even when its hash was recomputed, at the next link', async () => {
    const { orgId, owner } = await orgWithEvents('Verify Rehash', 4);
    const rows = await chainRows(orgId);
    const forged = { ...rows[3]!, actor_email: 'someone-else@example.test' };
    await withTriggerDisabled(() => db().execute(sql`update audit_logs set actor_email = ${forged.actor_email}, hash = ${chainHash(forged.prev_hash, forged)} where id = ${forged.id}`));
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: false, checked: 4, first_broken: { id: rows[4]!.id, seq: 5, reason: 'prev_hash does not match the previous row' } });
  });

  it('finds a deleted middle row', async () => {
    const { orgId, owner } = await orgWithEvents('Verify Delete', 4);
    const rows = await chainRows(orgId);
    await withTriggerDisabled(() => db().execute(sql`delete from audit_logs where id = ${rows[2]!.id}`));
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: false, checked: 2, first_broken: { id: rows[3]!.id, seq: 4, reason: 'row 3 is missing' } });
  });

  it('finds deleted oldest rows of a chain that was never pruned', async () => {
    const { orgId, owner } = await orgWithEvents('Verify Head', 4);
    const rows = await chainRows(orgId);
    await withTriggerDisabled(() => db().execute(sql`delete from audit_logs where organization_id = ${orgId} and seq <= 2`));
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: false, checked: 0, first_broken: { id: rows[2]!.id, seq: 3, reason: 'row 1 is missing' } });
  });

  it('does not accept rows made to look older than the chain (hashes removed)', async () => {
    const { orgId, owner } = await orgWithEvents('Verify Legacy Forgery', 4);
    const rows = await chainRows(orgId);
    await withTriggerDisabled(() =>
      db().execute(sql`update audit_logs set hash = null, prev_hash = null, metadata = '{"forged":true}' where organization_id = ${orgId} and seq <= 2`));
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: false, checked: 0, first_broken: { id: rows[2]!.id, seq: 3, reason: 'prev_hash does not match the previous row' } });
    // nor a hash removed from a row in the middle
    const other = await orgWithEvents('Verify Unhashed', 4);
    const theirs = await chainRows(other.orgId);
    await withTriggerDisabled(() => db().execute(sql`update audit_logs set hash = null where id = ${theirs[3]!.id}`));
    expect((await verify(other.orgId, other.owner.accessToken)).body).toEqual({ ok: false, checked: 3, first_broken: { id: theirs[3]!.id, seq: 4, reason: 'row has no hash' } });
  });

  it('appends in order under concurrency, and a rolled-back change leaves no gap in the chain', async () => {
    const chain = randomUUID();
    // 12 appends at once, each in a transaction of its own (connections of the pool on PostgreSQL)
    await Promise.all(Array.from({ length: 12 }, (_, i) => recordAudit(db(), systemContext('race-test'), { action: 'org.updated', organizationId: chain, metadata: { i } })));
    // the change an event records is rolled back: its position goes back with it
    await expect(db().transaction(async (tx) => {
      await recordAudit(tx, systemContext('rollback-test'), { action: 'org.updated', organizationId: chain, metadata: { rolled_back: true } });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    await recordAudit(db(), systemContext('after-rollback'), { action: 'org.updated', organizationId: chain });
    const rows = await chainRows(chain);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(rows.some((r) => (r.metadata as { rolled_back?: boolean }).rolled_back)).toBe(false);
    expect(await verifyChain(db(), chain)).toEqual({ ok: true, checked: 13, first_broken: null });
    // the head row is what the next append continues from
    const [head] = await queryRows<{ seq: string; hash: string }>(db(), sql`select seq, hash from audit_chain_heads where chain_key = ${chain}`);
    expect({ seq: Number(head!.seq), hash: head!.hash }).toEqual({ seq: 13, hash: rows.at(-1)!.hash });
  });

  it('writes what a transaction recorded when it commits, in recorded order in each chain, holding no chain head before; a savepoint writes at once', async () => {
    const chain = randomUUID();
    const alice = await registerUser(t);
    const asAlice = { actor: { userId: alice.userId, email: alice.email }, targetType: 'user', targetId: alice.userId };
    const open = await holdOpen(db(), async (tx) => {
      await recordAudit(tx, systemContext('deferred'), { action: 'org.updated', organizationId: chain, metadata: { i: 1 } });
      await recordAudit(tx, systemContext('deferred'), { action: 'user.password.changed', ...asAlice });
      // a savepoint's event is written in it, and goes if it rolls back
      await tx.transaction(async (savepoint) => {
        await recordAudit(savepoint, systemContext('savepoint'), { action: 'org.updated', organizationId: chain, metadata: { savepoint: true } });
        savepoint.rollback();
      }).catch(() => {});
      await recordAudit(tx, systemContext('deferred'), { action: 'org.updated', organizationId: chain, metadata: { i: 2 } });
    });
    // on PostgreSQL another transaction appends to the same chain meanwhile, without waiting: nothing
    // is locked before the first one commits (PGlite has one connection: the open transaction holds it)
    if (testDbKind() === 'postgres') await recordAudit(db(), systemContext('meanwhile'), { action: 'org.updated', organizationId: chain, metadata: { i: 0 } });
    open.release();
    await open.done;
    const rows = await chainRows(chain);
    expect(rows.map((r) => (r.metadata as { i?: number }).i)).toEqual(testDbKind() === 'postgres' ? [0, 1, 2] : [1, 2]);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(await verifyChain(db(), chain)).toEqual({ ok: true, checked: rows.length, first_broken: null });
    const mine = await queryRows<AuditRow>(db(), sql`select * from audit_logs where chain_key = ${alice.userId} order by seq`);
    expect(mine.at(-1)!.action).toBe('user.password.changed');
    expect(await verifyChain(db(), alice.userId)).toEqual({ ok: true, checked: mine.length, first_broken: null });
  });

  it.runIf(testDbKind() === 'postgres')("chains each user's own events: a login on another server never waits on an unrelated user's open append, only on its own user's", async () => {
    const second = await startTestApp({ masterKey: t.config.masterKey }, { database: t.database });
    try {
      const [alice, bob] = [await registerUser(t), await registerUser(t)];
      // a transaction on this server holds Alice's chain head (as an append does from its claim to
      // COMMIT) and will append an event of hers when it commits
      const open = await holdOpen(db(), async (tx) => {
        await lockHead(tx, alice.userId);
        await recordAudit(tx, systemContext('hold'), { action: 'user.password.changed', actor: { userId: alice.userId, email: alice.email }, targetType: 'user', targetId: alice.userId });
      });
      // Bob's login, through the other process, commits its own audit row meanwhile (one shared chain would make it wait)
      expect((await login(second, bob.email, bob.password)).status).toBe(200);
      // Alice's waits for her chain, on a row lock, until the open transaction ends
      const sessionsOf = (userId: string) => count(sql`select count(*)::int as n from sessions where user_id = ${userId}`);
      const aliceSessions = await sessionsOf(alice.userId);
      const aliceLogin = login(second, alice.email, alice.password);
      expect(await lockWaiters(db())).toBe(1);
      open.release();
      await open.done;
      expect((await aliceLogin).status).toBe(200);
      // her login's one statement waited for her chain's head, then appended after the open append:
      // one session, with its audit row
      expect(await sessionsOf(alice.userId)).toBe(aliceSessions + 1);
      for (const user of [alice, bob]) {
        const rows = await queryRows<AuditRow>(db(), sql`select * from audit_logs where chain_key = ${user.userId} order by seq`);
        expect(rows.map((r) => r.action)).toEqual([...['user.email.verification_sent'], ...(user === alice ? ['user.password.changed'] : []), 'user.logged_in']);
        expect(rows.every((r) => r.organization_id === null)).toBe(true);
        expect(await verifyChain(db(), user.userId)).toEqual({ ok: true, checked: rows.length, first_broken: null });
      }
    } finally {
      await second.close();
    }
  });

  it("keeps one user's chain whole under that user's concurrent logins: each writes one session with one audit row", async () => {
    const alice = await registerUser(t);
    const sessionsBefore = await count(sql`select count(*)::int as n from sessions where user_id = ${alice.userId}`);
    // as many at once as this app's lockout threshold (3), which bounds checks in flight too
    const answers = await Promise.all(Array.from({ length: 3 }, () => login(t, alice.email, alice.password)));
    expect(answers.map((a) => a.status)).toEqual(Array(3).fill(200));
    const rows = await queryRows<AuditRow>(db(), sql`select * from audit_logs where chain_key = ${alice.userId} order by seq`);
    expect(rows.filter((r) => r.action === 'user.logged_in')).toHaveLength(3);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(await verifyChain(db(), alice.userId)).toEqual({ ok: true, checked: rows.length, first_broken: null });
    expect(await count(sql`select count(*)::int as n from sessions where user_id = ${alice.userId}`)).toBe(sessionsBefore + 3);
    // each success was recorded once, with its session or on its own: no check is left in flight
    expect(await count(sql`select coalesce(sum(in_flight), 0)::int as n from login_throttles where subject = ${alice.email}`)).toBe(0);
  });

  it.runIf(testDbKind() === 'postgres')("lets a login through while a change of the same account is in flight, and both commit (no deadlock between the account's row and its chain)", async () => {
    const alice = await registerUser(t);
    // what a profile change does: the account's row locked, its audit row recorded for the commit
    const open = await holdOpen(db(), async (tx) => {
      await findUserForUpdate(tx, alice.userId);
      await recordAudit(tx, systemContext('profile'), { action: 'user.profile.updated', actor: { userId: alice.userId, email: alice.email }, targetType: 'user', targetId: alice.userId });
    });
    // the login's one statement takes the chain's head, then its session's foreign-key check reads the
    // account's row: it must not wait for the change (which takes that head at its commit)
    const answered = await Promise.race([login(t, alice.email, alice.password), new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
    open.release();
    await open.done;
    expect(answered?.status).toBe(200);
    expect(await verifyChain(db(), alice.userId)).toMatchObject({ ok: true, first_broken: null });
  });

  it('treats rows from before the chain existed as a prefix, and nowhere else', async () => {
    const chain = randomUUID();
    // three legacy rows (no hash), then events written by the service
    await db().execute(sql`
      insert into audit_logs (id, organization_id, actor_type, action, metadata, created_at, seq)
      select gen_random_uuid(), ${chain}::uuid, 'system', 'sqlfixture.legacy', '{}'::jsonb, now() - interval '1 day' + g * interval '1 second', g from generate_series(1, 3) g`);
    for (let i = 0; i < 2; i++) await recordAudit(db(), systemContext('legacy-test'), { action: 'org.updated', organizationId: chain, metadata: { i } });
    const rows = await chainRows(chain);
    expect(rows.map((r) => [Number(r.seq), r.prev_hash === null, r.hash === null])).toEqual([[1, true, true], [2, true, true], [3, true, true], [4, true, false], [5, false, false]]);
    expect(await verifyChain(db(), chain)).toEqual({ ok: true, checked: 2, first_broken: null });
  });

  it('keeps the names rows were written with, and a filter on either name of a renamed event finds both', async () => {
    const chain = randomUUID();
    // rows written before issue 18 carry the old names; recordAudit hashes whatever it is given
    const written = ['user.login', 'member.role_changed', 'member.removed', 'user.logged_in', 'user.role.updated', 'user.removed', 'member.suspended', 'user.registered'];
    for (const action of written) await recordAudit(db(), systemContext('rename-test'), { action: action as AuditAction, organizationId: chain });
    expect(await verifyChain(db(), chain)).toEqual({ ok: true, checked: written.length, first_broken: null });
    const found = async (action: string) => (await listAudit(db(), chain, { action }, 50)).map((r) => r.action).sort();
    expect(await found('user.logged_in')).toEqual(['user.logged_in', 'user.login']);
    expect(await found('user.login')).toEqual(['user.logged_in', 'user.login']);
    expect(await found('user.role.updated')).toEqual(['member.role_changed', 'user.role.updated']);
    expect(await found('member.removed')).toEqual(['member.removed', 'user.removed']);
    // a prefix matches a row when either of its names does
    expect(await found('member.*')).toEqual(['member.removed', 'member.role_changed', 'member.suspended', 'user.removed', 'user.role.updated']);
    expect(await found('user.*')).toEqual(['member.removed', 'member.role_changed', 'user.logged_in', 'user.login', 'user.registered', 'user.removed', 'user.role.updated']);
    expect(await found('user.role.*')).toEqual(['member.role_changed', 'user.role.updated']);
    expect(await found('user.login.*')).toEqual([]);
    expect(await found('member.suspended')).toEqual(['member.suspended']);
  });

  it('hashes the client address as the database gives it back, so a forged X-Forwarded-For cannot break the chain', async () => {
    const chain = randomUUID();
    const cases: [string, string | null][] = [
      ['10.1.2.3', '10.1.2.3'],
      ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
      ['::FFFF:10.0.0.1', '::ffff:10.0.0.1'],
      ['10.0.0.1:8080', '10.0.0.1'],
      ['[2001:db8::2]:443', '2001:db8::2'],
      ['fe80::1%eth0', 'fe80::1'],
      ['garbage', null],
      ['999.1.1.1', null],
    ];
    for (const [ip] of cases) await recordAudit(db(), { ...systemContext('ip-test'), ip }, { action: 'user.login.failed', organizationId: chain, metadata: { sent: ip } });
    expect((await chainRows(chain)).map((r) => r.ip_address)).toEqual(cases.map(([, stored]) => stored));
    expect(await verifyChain(db(), chain)).toEqual({ ok: true, checked: cases.length, first_broken: null });

    // over HTTP behind TRUST_PROXY, where the client writes X-Forwarded-For: an anonymous failed login
    const proxied = await startTestApp({ trustProxy: true, masterKey: t.config.masterKey }, { database: t.database });
    try {
      for (const [forwarded, stored] of [['2001:DB8:0:0:0:0:0:7', '2001:db8::7'], ['not-an-address', null]] as const) {
        const email = uniqueEmail('proxied');
        expectProblem(await login(proxied, email, 'wrong-password-123', { 'x-forwarded-for': forwarded }), 401, 'auth.invalid_credentials');
        const [row] = await queryRows<AuditRow>(db(), sql`select * from audit_logs where action = 'user.login.failed' and metadata->>'email' = ${email}`);
        expect(row!.ip_address).toBe(stored);
      }
    } finally {
      await proxied.close();
    }
    expect(await verifyChain(db(), null)).toMatchObject({ ok: true, first_broken: null });
  });

  it('is enforced by the database: the log refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { orgId } = await orgWithEvents('Append Only', 1);
    expect(await failureOf(db().execute(sql`update audit_logs set metadata = '{}' where organization_id = ${orgId}`))).toMatch(/append-only \(UPDATE refused\)/);
    expect(await failureOf(db().execute(sql`delete from audit_logs where organization_id = ${orgId}`))).toMatch(/append-only \(DELETE refused\)/);
    expect(await failureOf(db().execute(sql`truncate audit_logs`))).toMatch(/append-only \(TRUNCATE refused\)/);
    expect(await count(sql`select count(*)::int as n from audit_logs where organization_id = ${orgId}`)).toBe(3);
    // the session setting that lets retention delete does not allow updates
    const updated = failureOf(
      db().transaction(async (tx) => {
        await tx.execute(sql`select set_config('saasready.audit_prune', 'on', true)`);
        await tx.execute(sql`update audit_logs set metadata = '{}' where organization_id = ${orgId}`);
      }),
    );
    expect(await updated).toMatch(/append-only \(UPDATE refused\)/);
  });
});

describe('bounded chain verification (issue 15, item 14)', () => {
  const checkpointOf = async (orgId: string) =>
    (await queryRows<{ seq: string }>(db(), sql`select seq from audit_chain_checkpoints where chain_key = ${orgId}`)).map((r) => Number(r.seq))[0] ?? null;
  const rename = async (orgId: string, token: string, name: string) =>
    expect((await t.request('PATCH', `/api/v1/orgs/${orgId}`, { token, body: { name } })).status).toBe(200);

  it('walks only the rows written since the last intact verification, and still catches tampering after the checkpoint', async () => {
    const { orgId, owner } = await orgWithEvents('Bounded One', 4); // 6 rows
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: true, checked: 6, first_broken: null });
    expect(await checkpointOf(orgId)).toBe(6);
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: true, checked: 0, first_broken: null });
    await rename(orgId, owner.accessToken, 'Bounded One Later');
    await rename(orgId, owner.accessToken, 'Bounded One Latest');
    const rows = await chainRows(orgId);
    await withTriggerDisabled(() => db().execute(sql`update audit_logs set target_id = 'forged' where id = ${rows[7]!.id}`));
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: false, checked: 1, first_broken: { id: rows[7]!.id, seq: 8, reason: 'content does not match its hash' } });
    // a broken walk does not move the checkpoint
    expect(await checkpointOf(orgId)).toBe(6);
  });

  it('leaves a tampered row before the checkpoint to the full walk (superusers, the CLI); a tampered checkpoint row means a full walk', async () => {
    const { orgId, owner } = await orgWithEvents('Bounded Two', 4);
    expect((await verify(orgId, owner.accessToken)).body.ok).toBe(true);
    const rows = await chainRows(orgId);
    await withTriggerDisabled(() => db().execute(sql`update audit_logs set actor_email = 'forged@example.test' where id = ${rows[2]!.id}`));
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: true, checked: 0, first_broken: null });
    expectProblem(await t.request('GET', `/api/v1/audit/orgs/${orgId}/verify?full=true`, { token: owner.accessToken }), 403, 'permission_denied');
    const broken = { ok: false, checked: 2, first_broken: { id: rows[2]!.id, seq: 3, reason: 'content does not match its hash' } };
    expect(await verifyChain(db(), orgId)).toEqual(broken);
    // the checkpoint's own row changed: the API walks the whole chain and finds the first break
    await withTriggerDisabled(() => db().execute(sql`update audit_logs set actor_email = 'forged@example.test' where id = ${rows[5]!.id}`));
    expect((await verify(orgId, owner.accessToken)).body).toEqual(broken);
  });

  it('is rate-limited per organization', async () => {
    const { orgId, owner } = await orgWithEvents('Bounded Limit', 0);
    for (let i = 0; i < 10; i++) expect((await verify(orgId, owner.accessToken)).status).toBe(200);
    const limited = await verify(orgId, owner.accessToken);
    expectProblem(limited, 429, 'request.rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // another organization has its own budget
    const other = await orgWithEvents('Bounded Limit Other', 0);
    expect((await verify(other.orgId, other.owner.accessToken)).status).toBe(200);
  });

  it('resets a checkpoint that retention prunes past, and verifies from the anchor', async () => {
    const { orgId, owner } = await orgWithEvents('Bounded Pruned', 1); // 3 rows
    await backdateChain(orgId, 3, 400);
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: true, checked: 3, first_broken: null });
    expect(await checkpointOf(orgId)).toBe(3);
    await pruneAuditLogs(db(), 365);
    expect(await checkpointOf(orgId)).toBe(null);
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: true, checked: 1, first_broken: null });
  });
});

// ---------------------------------------------------------------------------------------------

describe('retention', () => {
  it.runIf(testDbKind() === 'postgres')('runs while a signing-key change holds its own lock (each feature has an advisory lock of its own)', async () => {
    const { orgId } = await orgWithEvents('Retention During Rotation', 1); // 3 rows
    await backdateChain(orgId, 3, 400);
    // a key rotation in progress on another connection: its transaction holds the signing keys' lock
    const rotation = await holdOpen(db(), (tx) => lockKeys(tx));
    try {
      // retention's try-lock is its own: it prunes instead of finding "another process" running
      expect(await pruneAuditLogs(db(), 365)).toBeGreaterThanOrEqual(3);
    } finally {
      rotation.release();
      await rotation.done;
    }
  });

  it('removes rows past the retention period, anchors the chain, records audit.pruned, and the rest still verifies', async () => {
    const { orgId, owner } = await orgWithEvents('Retention Co', 4); // 6 rows
    const rewritten = await backdateChain(orgId, 3, 400);
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: true, checked: 6, first_broken: null });

    const started = Date.now();
    const removed = await pruneAuditLogs(db(), 365);
    const finished = Date.now();
    expect(removed).toBe(3);

    const rows = await chainRows(orgId);
    expect(rows.map((r) => Number(r.seq))).toEqual([4, 5, 6, 7]);
    expect(rows.slice(0, 3).map((r) => r.id)).toEqual(rewritten.slice(3).map((r) => r.id));
    const [anchor] = await queryRows<{ seq: string | number; hash: string }>(db(), sql`select seq, hash from audit_chain_anchors where chain_key = ${orgId}`);
    expect({ seq: Number(anchor!.seq), hash: anchor!.hash }).toEqual({ seq: 3, hash: rewritten[2]!.hash });

    const pruned = rows[3]!;
    expect(pruned).toMatchObject({ action: 'audit.pruned', organization_id: orgId, ...systemActor, request_id: 'audit-retention', prev_hash: rewritten[5]!.hash });
    expect(pruned.metadata).toMatchObject({ removed: 3, retention_days: 365 });
    const before = Date.parse(pruned.metadata.before as string);
    expect(before).toBeGreaterThanOrEqual(started - 365 * DAY);
    expect(before).toBeLessThanOrEqual(finished - 365 * DAY);

    // the API shows what is left, and the chain verifies from its anchor (the whole walk), while the
    // API's walk goes on from its checkpoint (row 6, still there) over the audit.pruned row
    expect((await allLogs(orgId, owner.accessToken)).map((r) => r.seq)).toEqual([7, 6, 5, 4]);
    expect((await verify(orgId, owner.accessToken)).body).toEqual({ ok: true, checked: 1, first_broken: null });
    expect(await verifyChain(db(), orgId)).toEqual({ ok: true, checked: 4, first_broken: null });

    // nothing is old any more: a second run removes nothing and records nothing
    expect(await pruneAuditLogs(db(), 365)).toBe(0);
    expect((await chainRows(orgId)).filter((r) => r.action === 'audit.pruned')).toHaveLength(1);

    // the chain goes on after the anchor
    expect((await t.request('PATCH', `/api/v1/orgs/${orgId}`, { token: owner.accessToken, body: { name: 'Retention Co Later' } })).status).toBe(200);
    expect(await verifyChain(db(), orgId)).toEqual({ ok: true, checked: 5, first_broken: null });

    // and an edit to the first row after the anchor is still caught by the whole walk
    await withTriggerDisabled(() => db().execute(sql`update audit_logs set target_id = 'forged' where id = ${rows[0]!.id}`));
    expect(await verifyChain(db(), orgId)).toEqual({ ok: false, checked: 0, first_broken: { id: rows[0]!.id, seq: 4, reason: 'content does not match its hash' } });
  });

  it('keeps a chain verifiable when the rows it prunes predate the hash chain', async () => {
    const mixed = randomUUID();
    const legacyOnly = randomUUID();
    const legacy = (chain: string, n: number) =>
      db().execute(sql`
        insert into audit_logs (id, organization_id, actor_type, action, metadata, created_at, seq)
        select gen_random_uuid(), ${chain}::uuid, 'system', 'sqlfixture.legacy', '{}'::jsonb, now() - interval '500 days' + g * interval '1 second', g from generate_series(1, ${n}) g`);
    await legacy(mixed, 3);
    for (let i = 0; i < 2; i++) await recordAudit(db(), systemContext('legacy-test'), { action: 'org.updated', organizationId: mixed, metadata: { i } });
    await legacy(legacyOnly, 2);
    expect(await verifyChain(db(), mixed)).toEqual({ ok: true, checked: 2, first_broken: null });

    expect(await pruneAuditLogs(db(), 365)).toBe(5);
    expect((await chainRows(mixed)).map((r) => [Number(r.seq), r.action])).toEqual([[4, 'org.updated'], [5, 'org.updated'], [6, 'audit.pruned']]);
    expect(await verifyChain(db(), mixed)).toEqual({ ok: true, checked: 3, first_broken: null });
    expect((await chainRows(legacyOnly)).map((r) => [Number(r.seq), r.action])).toEqual([[3, 'audit.pruned']]);
    expect(await verifyChain(db(), legacyOnly)).toEqual({ ok: true, checked: 1, first_broken: null });
    // and tampering after such an anchor is still caught
    const [first] = await chainRows(mixed);
    await withTriggerDisabled(() => db().execute(sql`update audit_logs set metadata = '{"i":9}' where id = ${first!.id}`));
    expect(await verifyChain(db(), mixed)).toMatchObject({ ok: false, first_broken: { seq: 4, reason: 'content does not match its hash' } });
  });
});
