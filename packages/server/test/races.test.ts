// Issue 15 item 21: correctness when another transaction commits in the middle of ours. Each race is
// made deterministic: a statement trigger runs the "other transaction" exactly inside the window, a
// delete runs between the steps, or fake timers drive the job.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../src/db/client.js';
import { startRetentionJob } from '../src/modules/audit-logs/retention.js';
import * as organizations from '../src/modules/organizations/repository.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { createOrgWithMembers, expectProblem, uniqueEmail, type OrgFixture } from './helpers/factories.js';

let t: TestApp;
let f: OrgFixture;
beforeAll(async () => {
  t = await startTestApp();
  f = await createOrgWithMembers(t, 'Races Co');
});
afterAll(() => t.close());

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
      await organizations.softDelete(tx, org.body.id); // the delete commits in between
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
      get: (target, prop, receiver) => (prop === 'transaction' ? (...args: Parameters<Database['transaction']>) => (runs++, target.transaction(...args)) : Reflect.get(target, prop, receiver)),
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
