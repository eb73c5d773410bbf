// Webhook delivery through a crash: a real `saasready start` process is SIGKILLed while its worker
// holds deliveries in flight to a receiver that does not answer; after the receiver recovers and
// two new processes start on the same database, every event reaches every endpoint (the interrupted
// one twice, with the same webhook-id; the rest exactly once: the two live processes never send one
// attempt twice), in each endpoint's order. PostgreSQL only: processes cannot share an embedded PGlite.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { callChild, startChildServer, type ChildServer } from './helpers/child-server.js';
import { createTestDatabase } from './helpers/db.js';
import { STRONG_PASSWORD, uniqueEmail } from './helpers/factories.js';
import { startReceiver } from './helpers/webhook-receiver.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
});

/** a child server whose SIGKILL at the end of the test is this file's cleanup */
async function startChild(env: Record<string, string>): Promise<ChildServer> {
  const server = await startChildServer(env);
  cleanups.push(server.kill);
  return server;
}
const call = callChild;

describe.runIf(process.env.TEST_DB === 'postgres')('webhook delivery through a SIGKILL', () => {
  it('delivers every event to every endpoint after a crash with deliveries in flight, in order, duplicates sharing their webhook-id', { timeout: 60_000 }, async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const dataDir = mkdtempSync(join(tmpdir(), 'saasready-webhooks-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env = {
      DATABASE_URL: database.url!,
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://auth.webhooks-crash.test',
      MASTER_KEY: randomBytes(32).toString('base64url'),
      WEBHOOK_ALLOW_PRIVATE: 'true',
      // a hung attempt is still in flight when the process dies (it would end after 4 s); the dead
      // worker's claims lapse 5 s after they were made
      WEBHOOK_TIMEOUT: '4s',
      WEBHOOK_LEASE: '5s',
    };
    const first = await startChild(env);
    const owner = await call(first.baseUrl, 'POST', '/api/v1/auth/register', undefined, { email: uniqueEmail('crash'), password: STRONG_PASSWORD, full_name: 'Crash Owner' });
    expect(owner.status, owner.text).toBe(201);
    const token = owner.body.access_token as string;
    const orgId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).org_id as string;
    // the receiver hangs: every first attempt stays in flight
    receiver.respond = () => null;
    const endpoints: { id: string; secret: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(first.baseUrl, 'POST', `/api/v1/orgs/${orgId}/webhooks`, token, { url: `${receiver.url}?e=${i}`, event_types: ['role.created'] });
      expect(res.status, res.text).toBe(201);
      endpoints.push({ id: res.body.id, secret: res.body.secret });
    }
    for (let i = 0; i < 8; i++) expect((await call(first.baseUrl, 'POST', `/api/v1/orgs/${orgId}/roles`, token, { name: `Crash role ${i}`, permissions: [] })).status).toBe(201);
    // each endpoint's first event is in flight (the receiver holds it) when the process dies
    await receiver.waitForCount(() => true, endpoints.length, 10_000);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const inFlight = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from webhook_deliveries where status = 'delivering'`);
    expect(inFlight[0]!.n).toBeGreaterThan(0);

    // the receiver recovers; two new processes take over once the dead one's leases lapse
    receiver.respond = () => ({ status: 204 });
    await Promise.all([startChild(env), startChild(env)]);
    const events = await queryRows<{ id: string; endpoint_id: string }>(database.handle.db, sql`
      select ev.id, d.endpoint_id from webhook_deliveries d join webhook_events ev on ev.id = d.event_id order by d.seq`);
    expect(events).toHaveLength(3 * 8);
    await receiver.waitForCount((r) => receiver.received.indexOf(r) >= endpoints.length, events.length, 20_000);
    for (const endpoint of endpoints) {
      const expected = events.filter((e) => e.endpoint_id === endpoint.id).map((e) => e.id);
      const got = receiver.received.filter((r) => {
        try {
          new Webhook(endpoint.secret).verify(r.body, r.headers as Record<string, string>);
          return true;
        } catch {
          return false;
        }
      });
      const ids = got.map((r) => String(r.headers['webhook-id']));
      // every event, at least once; the hung first attempt came again with the same id
      expect(new Set(ids)).toEqual(new Set(expected));
      expect(ids.filter((id) => id === expected[0])).toHaveLength(2);
      // the two live processes never sent one attempt twice: every other event exactly once
      for (const id of expected.slice(1)) expect(ids.filter((x) => x === id), id).toHaveLength(1);
      // in order: first occurrences follow the events' order
      expect([...new Set(ids)]).toEqual(expected);
    }
    // the receiver has every event; each worker records its success just after its request answered
    const unfinished = async () => (await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from webhook_deliveries where status <> 'succeeded'`))[0]!.n;
    for (let i = 0; i < 250 && (await unfinished()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await unfinished()).toBe(0);
  });
});
