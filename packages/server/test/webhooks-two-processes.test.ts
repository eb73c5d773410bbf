// Two real `saasready start` processes on one PostgreSQL database, both running the delivery
// worker, and a burst of changes written through both: the receiver gets every event at every
// endpoint, each (endpoint, webhook-id) exactly once — the two workers never send one attempt
// twice within a lease (SKIP LOCKED + lease) — in each endpoint's order, with valid signatures.
// PostgreSQL only: two processes cannot share an embedded PGlite.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { callChild as call, startChildServer, type ChildServer } from './helpers/child-server.js';
import { createTestDatabase } from './helpers/db.js';
import { STRONG_PASSWORD, uniqueEmail } from './helpers/factories.js';
import { startReceiver } from './helpers/webhook-receiver.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
});

describe.runIf(process.env.TEST_DB === 'postgres')('two server processes delivering', () => {
  it('delivers a burst written through both to every endpoint once per event and attempt, in order', { timeout: 60_000 }, async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const dataDir = mkdtempSync(join(tmpdir(), 'saasready-webhooks2-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env = {
      DATABASE_URL: database.url!,
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://auth.webhooks-two.test',
      MASTER_KEY: randomBytes(32).toString('base64url'),
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_TIMEOUT: '4s',
      WEBHOOK_LEASE: '10s',
    };
    const servers: ChildServer[] = await Promise.all([startChildServer(env), startChildServer(env)]);
    for (const server of servers) cleanups.push(server.kill);
    const [one, two] = servers as [ChildServer, ChildServer];
    const owner = await call(one.baseUrl, 'POST', '/api/v1/auth/register', undefined, { email: uniqueEmail('two'), password: STRONG_PASSWORD, full_name: 'Two Owner' });
    expect(owner.status, owner.text).toBe(201);
    const token = owner.body.access_token as string;
    const orgId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).org_id as string;
    const endpoints: { id: string; secret: string; index: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call(i % 2 ? two.baseUrl : one.baseUrl, 'POST', `/api/v1/orgs/${orgId}/webhooks`, token, { url: `${receiver.url}?e=${i}`, event_types: ['role.*'] });
      expect(res.status, res.text).toBe(201);
      endpoints.push({ id: res.body.id, secret: res.body.secret, index: i });
    }
    // the burst: 24 roles created concurrently through both processes (both workers are woken)
    const created = await Promise.all(Array.from({ length: 24 }, (_, i) =>
      call(i % 2 ? two.baseUrl : one.baseUrl, 'POST', `/api/v1/orgs/${orgId}/roles`, token, { name: `Burst role ${i}`, permissions: [] })));
    for (const res of created) expect(res.status, res.text).toBe(201);
    const events = await queryRows<{ id: string; endpoint_id: string }>(database.handle.db, sql`
      select d.event_id as id, d.endpoint_id from webhook_deliveries d order by d.seq`);
    expect(events).toHaveLength(endpoints.length * 24);
    await receiver.waitForCount(() => true, events.length, 30_000);

    for (const endpoint of endpoints) {
      const expected = events.filter((e) => e.endpoint_id === endpoint.id).map((e) => e.id);
      const got = receiver.received.filter((r) => r.path.endsWith(`?e=${endpoint.index}`));
      for (const r of got) new Webhook(endpoint.secret).verify(r.body, r.headers as Record<string, string>);
      // each event exactly once (every first attempt succeeded: one attempt each), in the endpoint's order
      expect(got.map((r) => String(r.headers['webhook-id']))).toEqual(expected);
    }
    // the log agrees: one attempt per delivery, none recorded twice
    const attempts = await queryRows<{ delivery_id: string; attempt: number; n: number }>(database.handle.db, sql`
      select delivery_id, attempt, count(*)::int as n from webhook_attempts group by delivery_id, attempt having count(*) > 1`);
    expect(attempts).toEqual([]);
    // a worker records a success just after its receiver answered: wait (≤ 5 s) for the last ones
    const outcome = async () => (await queryRows<{ n: number; retried: number }>(database.handle.db, sql`
      select count(*) filter (where status <> 'succeeded')::int as n, count(*) filter (where attempts <> 1)::int as retried from webhook_deliveries`))[0]!;
    for (let i = 0; i < 250 && (await outcome()).n > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await outcome()).toEqual({ n: 0, retried: 0 });
  });
});
