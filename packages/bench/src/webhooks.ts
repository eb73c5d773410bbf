// BENCH_ONLY=webhooks: the webhook outbox under load, on a fresh PostgreSQL database, in-process.
// 1. Production: virtual users, each in an organization of its own with one endpoint subscribed to
//    `*`, run a write mix (PATCH the organization, create a role, delete it: organization.updated,
//    role.created, role.deleted) on a server whose delivery worker is off; events per second are
//    counted in webhook_events.
// 2. Delivery: a second server on the same database, worker on, drains that backlog to a loopback
//    receiver (answers 204 at once, no signature check): deliveries per second until none is open.
//    An endpoint has one delivery in flight at a time (its order), so the parallelism is the number
//    of endpoints.
// 3. Added latency: the same write (PATCH /orgs/{id}) one at a time, alternating between an
//    organization with no endpoint (the subscription hints answer "nobody listens" from memory) and
//    one whose endpoint hears it (endpoint query + event + delivery rows + NOTIFY), worker on.
// The load runs in the server's own process (fetch), which shares its CPU with it.
//
// Knobs: BENCH_WEBHOOK_VUS (8), BENCH_WEBHOOK_SECONDS (10), BENCH_WEBHOOK_LATENCY_WRITES (400).
import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { queryRows } from '@saasready/server/internal/db/client.js';
import { buildApp } from '@saasready/server/internal/app.js';
import { fmt, table } from './report.js';
import { machineLines } from './scale.js';
import { benchConfig, call, createDatabase, registerUsers, startApp, type BenchUser, type Target } from './targets.js';

const log = (message: string) => process.stderr.write(`[bench:webhooks] ${message}\n`);
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

async function startReceiver(): Promise<{ url: string; count: () => number; first: () => number; last: () => number; close: () => Promise<void> }> {
  let received = 0;
  let first = 0;
  let last = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (!received++) first = performance.now();
      last = performance.now();
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    count: () => received,
    first: () => first,
    last: () => last,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function runWebhooks(postgresUrl: string): Promise<string> {
  const vus = num('BENCH_WEBHOOK_VUS', 8);
  const seconds = num('BENCH_WEBHOOK_SECONDS', 10);
  const latencyWrites = num('BENCH_WEBHOOK_LATENCY_WRITES', 400);
  const database = await createDatabase('postgres', postgresUrl);
  const receiver = await startReceiver();
  // plain-http loopback receiver: NODE_ENV=test (production sends to https only) and private targets allowed
  const config = { ...benchConfig(), nodeEnv: 'test' as const };
  config.webhooks = { ...config.webhooks, allowPrivate: true };
  let producer: Target | null = null;
  let deliverer: Target | null = null;
  try {
    producer = await (async () => {
      const app = await buildApp(config, { database: database.handle, logStream: process.stderr, migrate: false, webhookWorker: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      return { app, baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => app.close() };
    })();
    const base = producer.baseUrl;
    const users = await registerUsers(base, vus + 1);
    for (const user of users) await call(base, 'POST', `/api/v1/orgs/${user.organizationId}/webhooks`, { url: receiver.url, event_types: ['*'] }, user.accessToken);
    const quiet = (await registerUsers(base, 1))[0]!; // an organization with no endpoint

    // 1. production
    log(`production: ${vus} virtual users × ${seconds} s, worker off`);
    const [before] = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from webhook_events`);
    let writes = 0;
    let failures = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(users.slice(0, vus).map(async (user: BenchUser, vu) => {
      const org = `/api/v1/orgs/${user.organizationId}`;
      for (let i = 0; performance.now() < deadline; i++) {
        try {
          if (i % 3 === 0) await call(base, 'PATCH', org, { description: `vu ${vu} write ${i}` }, user.accessToken);
          else if (i % 3 === 1) {
            const role = await call(base, 'POST', `${org}/roles`, { name: `Bench role ${vu}-${i}`, permissions: [] }, user.accessToken);
            await call(base, 'DELETE', `${org}/roles/${role.id}`, undefined, user.accessToken);
            writes++;
            i++;
          }
          writes++;
        } catch {
          failures++;
        }
      }
    }));
    const productionSeconds = (performance.now() - started) / 1000;
    const [after] = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from webhook_events`);
    const events = after!.n - before!.n;
    const [backlog] = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from webhook_deliveries where status = 'pending'`);

    // 2. delivery
    log(`delivery: ${backlog!.n} pending deliveries to ${vus + 1} endpoints`);
    const receivedBefore = receiver.count();
    const deliveryStarted = performance.now();
    deliverer = await startApp(config, database);
    for (;;) {
      const [open] = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from webhook_deliveries where status in ('pending', 'delivering')`);
      if (open!.n === 0) break;
      if (performance.now() - deliveryStarted > 300_000) throw new Error(`delivery: ${open!.n} deliveries still open after 5 min`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // from the first request the receiver got to the last (the server's start-up is not counted)
    const deliverySeconds = (receiver.last() - receiver.first()) / 1000;
    const delivered = receiver.count() - receivedBefore;
    const [failed] = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from webhook_deliveries where status <> 'succeeded'`);

    // 3. added latency, worker on (the deliverer's)
    log(`latency: ${latencyWrites} sequential PATCH /orgs/{id}, alternating no endpoint / subscribed`);
    const hooked = users[vus]!;
    const dbase = deliverer.baseUrl;
    const write = (user: BenchUser, i: number) => call(dbase, 'PATCH', `/api/v1/orgs/${user.organizationId}`, { description: `latency ${i}` }, user.accessToken);
    for (let i = 0; i < 40; i++) await write(i % 2 ? hooked : quiet, i); // warm-up
    const quietMs: number[] = [];
    const hookedMs: number[] = [];
    for (let i = 0; i < latencyWrites; i++) {
      if (i % 2) hookedMs.push(await timed(() => write(hooked, i)));
      else quietMs.push(await timed(() => write(quiet, i)));
    }
    quietMs.sort((x, y) => x - y);
    hookedMs.sort((x, y) => x - y);
    const p50q = percentile(quietMs, 50);
    const p50h = percentile(hookedMs, 50);

    const lines = [
      '### Webhooks (`BENCH_ONLY=webhooks`)',
      '',
      ...machineLines().map((l) => `${l}  `),
      `PostgreSQL ${database.version.split(' ')[1] ?? ''} on loopback, one server process (in-process load: it shares the server's CPU). Read the ratios more than the absolute numbers (the load generator and the server share the same 2 cores).`,
      '',
      `**Production** — ${vus} virtual users, each writing in an organization of its own whose one endpoint hears \`*\` (PATCH the organization; create a role, delete it), ${fmt(productionSeconds, 1)} s, worker off:`,
      '',
      table(['writes/s', 'events/s', 'writes', 'events', 'failed writes'], [[fmt(writes / productionSeconds), fmt(events / productionSeconds), fmt(writes), fmt(events), fmt(failures)]]),
      '',
      `**Delivery** — a server with its worker on drains that backlog to a loopback receiver answering 204 (${vus + 1} endpoints; one delivery in flight per endpoint, in order):`,
      '',
      table(['deliveries/s', 'delivered', 'seconds', 'not succeeded'], [[fmt(delivered / deliverySeconds), fmt(delivered), fmt(deliverySeconds, 1), fmt(failed!.n)]]),
      '',
      `**Added latency of a write that emits an event** — PATCH /orgs/{id}, ${latencyWrites} sequential, alternating an organization with no endpoint and one whose endpoint hears the event (worker on):`,
      '',
      table(['', 'p50 ms', 'p95 ms', 'p99 ms'], [
        ['no endpoint subscribed', fmt(p50q, 2), fmt(percentile(quietMs, 95), 2), fmt(percentile(quietMs, 99), 2)],
        ['endpoint subscribed', fmt(p50h, 2), fmt(percentile(hookedMs, 95), 2), fmt(percentile(hookedMs, 99), 2)],
        ['added', fmt(p50h - p50q, 2), '', ''],
      ]),
      '',
      `Added p50: ${fmt(((p50h - p50q) / p50q) * 100, 1)}% of the write's p50 (target < 10%). The subscribed write does one indexed endpoint query, two inserts and a NOTIFY more inside its transaction; a difference smaller than the spread between two runs, or negative, is this machine's noise.`,
    ];
    return lines.join('\n');
  } finally {
    await deliverer?.close().catch(() => {});
    await producer?.close().catch(() => {});
    await receiver.close();
    await database.drop();
  }
}
