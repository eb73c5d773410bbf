// Issue 15 item 21(a): a claim whose request never completed holds its key for a short lease, not 24 hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { expectProblem, registerUser, type RegisteredUser } from '../../../test/helpers/factories.js';
import { IN_PROGRESS_LEASE_MS } from '../../plugins/idempotency.js';

let t: TestApp;
let user: RegisteredUser;
beforeAll(async () => {
  t = await startTestApp();
  user = await registerUser(t);
});
afterAll(() => t.close());

describe('Idempotency-Key lease', () => {
  it('a key stuck in progress (storing the answer failed) is free again after the lease, not after 24 hours', async () => {
    const key = `lease-${Date.now()}`;
    const headers = { 'idempotency-key': key };
    const body = { name: `Lease Org ${Date.now()}` };
    const create = () => t.request('POST', '/api/v1/orgs', { token: user.accessToken, body, headers });
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
