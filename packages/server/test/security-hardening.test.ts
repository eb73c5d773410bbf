// Issue 15 (security hardening), items 3, 21 and 23, in one file so they share one app and one
// database (each test file costs a database set-up on both PGlite and PostgreSQL). Races are made
// deterministic: a trigger runs the "other transaction" exactly inside the window, a delete runs
// between the steps, a row is aged instead of waiting, fake timers drive the job.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { queryRows, type Database } from '../src/db/client.js';
import { startRetentionJob } from '../src/modules/audit-logs/retention.js';
import * as organizations from '../src/modules/organizations/repository.js';
import { randomToken, sha256 } from '../src/lib/crypto.js';
import { newId } from '../src/lib/ids.js';
import { IN_PROGRESS_LEASE_MS } from '../src/plugins/idempotency.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { createOrgWithMembers, expectProblem, login, registerUser, STRONG_PASSWORD, uniqueEmail, type OrgFixture, type RegisteredUser } from './helpers/factories.js';

let t: TestApp;
let f: OrgFixture;
let caller: RegisteredUser;
beforeAll(async () => {
  t = await startTestApp();
  f = await createOrgWithMembers(t, 'Races Co');
  caller = await registerUser(t);
});
afterAll(() => t.close());

// —— item 3: an organization's require_2fa policy is in the access tokens ——

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

describe('access tokens under an organization that requires 2FA', () => {
  it('carry no role or permissions, and say why, until the user has 2FA; a refresh after enabling it restores them', async () => {
    // the user's only organization (their personal one, where they are Owner) turns the policy on
    const user = await registerUser(t);
    await t.database.handle.db.execute(sql`update organizations set settings = settings || '{"require_2fa": true}'::jsonb where id = ${user.orgId}`);
    const withheld = { org_id: user.orgId, org_role: null, permissions: [], two_factor_setup_required: true };

    const loggedIn = await login(t, user.email, user.password);
    expect(loggedIn.status, loggedIn.text).toBe(200);
    expect(claimsOf(loggedIn.body.access_token)).toMatchObject(withheld);

    const switched = await t.request('POST', '/api/v1/auth/switch-org', { token: loggedIn.body.access_token, body: { org_id: user.orgId } });
    expect(switched.status, switched.text).toBe(200);
    expect(claimsOf(switched.body.access_token)).toMatchObject(withheld);

    const refreshed = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: loggedIn.body.refresh_token } });
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(claimsOf(refreshed.body.access_token)).toMatchObject(withheld);

    // the user enables 2FA (written directly: this test is about what the tokens say, not enrolment)
    await t.database.handle.db.execute(sql`insert into user_mfa (user_id, secret_enc, enabled_at) values (${user.userId}, 'unused', now())`);
    const after = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: refreshed.body.refresh_token } });
    expect(after.status, after.text).toBe(200);
    const claims = claimsOf(after.body.access_token);
    expect(claims).toMatchObject({ org_id: user.orgId, org_role: 'Owner' });
    expect(claims.permissions).toContain('org.update');
    expect(claims).not.toHaveProperty('two_factor_setup_required');
  });

  it('registering with an invitation into such an organization gets the same withheld token', async () => {
    const owner = await registerUser(t);
    const db = t.database.handle.db;
    await db.execute(sql`update organizations set settings = settings || '{"require_2fa": true}'::jsonb where id = ${owner.orgId}`);
    const token = randomToken();
    const email = uniqueEmail('invitee');
    const [role] = await queryRows<{ id: string }>(db, sql`select id from roles where organization_id = ${owner.orgId} and name = 'Member'`);
    await db.execute(sql`insert into invitations (id, organization_id, email, role_id, invited_by, token_hash, expires_at)
      values (${newId()}, ${owner.orgId}, ${email}, ${role!.id}, ${owner.userId}, ${sha256(token)}, now() + interval '1 day')`);
    const reg = await t.request('POST', '/api/v1/auth/register', { body: { email, password: STRONG_PASSWORD, full_name: 'Invitee', invitation_token: token } });
    expect(reg.status, reg.text).toBe(201);
    expect(claimsOf(reg.body.access_token)).toMatchObject({ org_id: owner.orgId, org_role: null, permissions: [], two_factor_setup_required: true });
  });

  it('leave tokens of organizations without the policy as they were', async () => {
    const user = await registerUser(t);
    const claims = claimsOf(user.accessToken);
    expect(claims).toMatchObject({ org_id: user.orgId, org_role: 'Owner' });
    expect(claims.permissions).toContain('org.update');
    expect(claims).not.toHaveProperty('two_factor_setup_required');
  });
});

// —— item 21: correctness under races ——

describe('Idempotency-Key lease', () => {
  it('a key stuck in progress (storing the answer failed) is free again after the lease, not after 24 hours', async () => {
    const key = `lease-${Date.now()}`;
    const headers = { 'idempotency-key': key };
    const body = { name: `Lease Org ${Date.now()}` };
    const create = () => t.request('POST', '/api/v1/orgs', { token: caller.accessToken, body, headers });
    const db = t.database.handle.db;

    // storing this key's answer fails: the row stays as the claim wrote it
    await db.execute(sql.raw(`create function fail_idempotency_completion() returns trigger language plpgsql as $$
      begin if new.key = '${key}' then raise exception 'injected failure'; end if; return new; end $$`));
    await db.execute(sql`create trigger fail_idempotency_completion before update on idempotency_keys for each row execute function fail_idempotency_completion()`);
    const first = await create();
    await db.execute(sql`drop trigger fail_idempotency_completion on idempotency_keys`);
    expect(first.status, first.text).toBe(201); // the work was done: the client still gets its answer
    const [row] = await queryRows<{ status: string }>(db, sql`select status from idempotency_keys where key = ${key}`);
    expect(row!.status).toBe('in_progress');

    // within the lease the key still protects against a duplicate
    expectProblem(await create(), 409, 'idempotency_in_progress');

    // the lease passes (the clock is moved by ageing the row)
    const seconds = IN_PROGRESS_LEASE_MS / 1000 + 1;
    await db.execute(sql`update idempotency_keys set created_at = created_at - make_interval(secs => ${seconds}), expires_at = expires_at - make_interval(secs => ${seconds}) where key = ${key}`);
    const retry = await create();
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers.get('idempotency-replayed')).toBeNull();
    // and its answer is stored and replayed as usual, for the full TTL
    const replay = await create();
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body.id).toBe(retry.body.id);
    const [kept] = await queryRows<{ hours: number }>(db, sql`select extract(epoch from expires_at - now()) / 3600 as hours from idempotency_keys where key = ${key}`);
    expect(Number(kept!.hours)).toBeGreaterThan(23);
  });
});

describe('a duplicate invitation whose pending original ends between the insert and the look-up', () => {
  // After the duplicate's INSERT … ON CONFLICT DO NOTHING (a statement trigger fires even when no row
  // was inserted), the original is accepted or revoked — as if another transaction committed just then.
  it.each([
    ['revoked', 'invitation.pending_exists'],
    ['accepted', 'invitation.already_member'],
  ])('answers 409, not 500, when the original was %s meanwhile', async (outcome, code) => {
    const email = uniqueEmail('race');
    const invite = () => t.request('POST', `/api/v1/orgs/${f.orgId}/invite`, { token: f.owner.accessToken, body: { email, role_id: f.roles.Viewer } });
    const first = await invite();
    expect(first.status, first.text).toBe(201);
    const db = t.database.handle.db;
    await db.execute(sql.raw(`create function end_pending_invitation() returns trigger language plpgsql as $$
      begin update invitations set status = '${outcome}' where email = '${email}' and status = 'pending'; return null; end $$`));
    await db.execute(sql`create trigger end_pending_invitation after insert on invitations for each statement execute function end_pending_invitation()`);
    try {
      expectProblem(await invite(), 409, code);
    } finally {
      await db.execute(sql`drop trigger end_pending_invitation on invitations`);
      await db.execute(sql`drop function end_pending_invitation()`);
    }
  });
});

describe('an organization deleted during an update', () => {
  it('is organization.not_found (404) at the update, not a 500', async () => {
    const org = await t.request('POST', '/api/v1/orgs', { token: f.owner.accessToken, body: { name: 'Doomed Co' } });
    expect(org.status, org.text).toBe(201);
    const attempt = t.database.handle.db.transaction(async (tx) => {
      expect(await organizations.findById(tx, org.body.id)).not.toBeNull(); // the update's first step saw it live
      expect(await organizations.softDelete(tx, org.body.id)).toBe(true); // the delete commits in between
      expect(await organizations.softDelete(tx, org.body.id)).toBe(false); // (a second delete finds nothing: 404 too)
      return organizations.update(tx, org.body.id, { name: 'Renamed' });
    });
    await expect(attempt).rejects.toMatchObject({ code: 'organization.not_found', status: 404 });
  });
});

describe('the audit retention job', () => {
  it('stopped before its first run, never runs; started and left alone, it does', async () => {
    let runs = 0;
    const db = t.database.handle.db;
    const counting = new Proxy(db, {
      // a run starts by reading which chains have old rows (execute), then prunes each in a transaction
      get: (target, prop, receiver) =>
        prop === 'transaction' ? (...args: Parameters<Database['transaction']>) => (runs++, target.transaction(...args))
        : prop === 'execute' ? (...args: Parameters<Database['execute']>) => (runs++, target.execute(...args))
        : Reflect.get(target, prop, receiver),
    });
    const log = { info: () => {}, warn: () => {} } as unknown as FastifyBaseLogger;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const stop = startRetentionJob(counting, 36_500, log);
      await stop();
      vi.advanceTimersByTime(3 * 3_600_000);
      expect(runs).toBe(0);

      // the control: the same job not stopped runs at its first-run time
      const stopLater = startRetentionJob(counting, 36_500, log);
      vi.advanceTimersByTime(10_000);
      expect(runs).toBe(1);
      await stopLater(); // waits for the run under way
    } finally {
      vi.useRealTimers();
    }
  });
});

// —— item 23: registration and account enumeration ——

describe('probing emails through POST /auth/register', () => {
  // a second process on the same database, with the production per-IP limit (30 a minute) → 10 sign-ups per IP per hour
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ rateLimit: { perIpPerMinute: 30 }, masterKey: t.config.masterKey }, { database: t.database });
  });
  afterAll(() => limited.close());
  const register = (email: string) => limited.request('POST', '/api/v1/auth/register', { body: { email, password: STRONG_PASSWORD, full_name: 'Probe' } });

  it('is capped per IP per hour: after the cap an existing and an unknown email get the same 429', async () => {
    const existing = uniqueEmail('taken');
    expect((await register(existing)).status).toBe(201);
    for (let i = 1; i < 10; i++) {
      // a prober learns one email per attempt, but only this many in an hour
      if (i % 2) expectProblem(await register(existing), 409, 'auth.email_taken');
      else expect((await register(uniqueEmail('new'))).status).toBe(201);
    }
    const probeExisting = await register(existing);
    const probeUnknown = await register(uniqueEmail('unknown'));
    expectProblem(probeExisting, 429, 'request.rate_limited');
    expectProblem(probeUnknown, 429, 'request.rate_limited');
  });
});
