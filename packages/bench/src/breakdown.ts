// `node packages/bench/dist/breakdown.js`: where GET /auth/me spends its time. Climbs from a
// bare Fastify route to the real app one step at a time, all on one database handle and one access
// token, and reports req/s, the ratio to the ceiling and the CPU each request costs the server
// process, PostgreSQL and the load generator (from procfs). Same knobs as run.ts; BENCH_DB defaults
// to postgres here.
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { users as usersTable, sessions as sessionsTable } from '@saasready/server/internal/db/schema.js';
import type { Database } from '@saasready/server/internal/db/client.js';
import { listForUser } from '@saasready/server/internal/modules/memberships/repository.js';
import { findSessionPrincipal } from '@saasready/server/internal/modules/sessions/repository.js';
import { Keyring } from '@saasready/server/internal/modules/signing-keys/service.js';
import { toUser, type UserRow } from '@saasready/server/internal/modules/users/repository.js';
import { LoadGenerator, cpuMeter, otherShare, type CpuSample } from './load-client.js';
import type { LoadResult } from './load.js';
import { fmt, median } from './report.js';
import { benchConfig, createDatabase, fetchJwks, registerUsers, startApp, startCeiling, type DbKind, type Target } from './targets.js';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const DURATION = num('BENCH_DURATION', 5);
const ROUNDS = Math.round(num('BENCH_ROUNDS', 3));
const WARMUP = num('BENCH_WARMUP', 2);
const CONNECTIONS = Math.round(num('BENCH_CONNECTIONS', 20));
const KIND = (process.env.BENCH_DB ?? 'postgres') as DbKind;
if (KIND !== 'pglite' && KIND !== 'postgres') throw new Error('BENCH_DB must be pglite or postgres here');
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const log = (message: string) => process.stderr.write(`[breakdown] ${message}\n`);

/**
 * memberships/repository.ts listForUser's query, copied as text to run it as a named (prepared)
 * statement: keep it in step with the repository (or drop this step once the repository prepares it).
 */
const LIST_FOR_USER_SQL = `
    select m.id, m.organization_id, o.name as organization_name, o.slug as organization_slug,
           m.role_id, r.name as role_name, m.status,
           coalesce(array_agg(rp.permission order by rp.permission) filter (where rp.permission is not null), '{}') as permissions
      from memberships m
      join organizations o on o.id = m.organization_id and o.deleted_at is null
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
      left join role_permissions rp on rp.role_id = m.role_id
     where m.user_id = $1
     group by m.id, o.id, r.id
     order by m.created_at, m.id`;

interface RawClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

type Membership = Awaited<ReturnType<typeof listForUser>>[number];

/** AuthService.me's body; left untyped on purpose, so this probe survives changes to the Me contract */
function meBody(user: Omit<UserRow, 'password_hash'>, mine: Membership[], tokenOrgId: string | null): Record<string, unknown> {
  const current = mine.find((m) => m.organization_id === tokenOrgId && m.status === 'active');
  return {
    ...toUser(user),
    memberships: mine,
    current_organization: current ? { id: current.organization_id, name: current.organization_name, slug: current.organization_slug } : null,
  };
}

/** The steps between the ceiling and /auth/me, as routes of one bare Fastify server (no plugins). */
async function startLadder(db: Database, kind: DbKind, keyring: Keyring): Promise<Target> {
  const raw = (db as unknown as { $client: RawClient }).$client;
  const preparedPrincipal = db
    .select({
      session_id: sessionsTable.id,
      user_id: sessionsTable.user_id,
      revoked: sql<boolean>`${sessionsTable.revoked_at} is not null`,
      expired: sql<boolean>`${sessionsTable.expires_at} <= now()`,
      last_used_at: sessionsTable.last_used_at,
      user: usersTable,
    })
    .from(sessionsTable)
    .innerJoin(usersTable, eq(usersTable.id, sessionsTable.user_id))
    .where(eq(sessionsTable.id, sql.placeholder('sid')))
    .limit(1)
    .prepare('bench_session_principal');
  const listPrepared = async (userId: string): Promise<Membership[]> => {
    const result = kind === 'postgres'
      ? await raw.query({ name: 'bench_list_for_user', text: LIST_FOR_USER_SQL, values: [userId] })
      : await raw.query(LIST_FOR_USER_SQL, [userId]);
    return (result.rows as Membership[]).map((row) => ({ ...row, permissions: [...row.permissions] }));
  };
  const token = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice(7) : '');

  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ ok: true }));
  app.get('/verify', async (request) => {
    const claims = await keyring.verify(token(request.headers.authorization));
    return { sub: claims.sub };
  });
  app.get('/principal', async (request, reply) => {
    const claims = await keyring.verify(token(request.headers.authorization));
    const row = await findSessionPrincipal(db, claims.sid);
    if (!row) return reply.code(401).send({});
    return { id: row.user_id };
  });
  app.get('/me-logic', async (request) => {
    const claims = await keyring.verify(token(request.headers.authorization));
    const row = await findSessionPrincipal(db, claims.sid);
    if (!row) throw new Error('no session');
    return meBody(row.user, await listForUser(db, row.user_id), claims.org_id);
  });
  app.get('/me-prepared', async (request) => {
    const claims = await keyring.verify(token(request.headers.authorization));
    const [row] = await preparedPrincipal.execute({ sid: claims.sid });
    if (!row) throw new Error('no session');
    return meBody(row.user, await listPrepared(row.user_id), claims.org_id);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app: app as never, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

interface Step {
  name: string;
  url: () => string;
}

async function main(): Promise<void> {
  log(`${KIND}: ${ROUNDS} rounds × ${DURATION} s, ${CONNECTIONS} connections`);
  const db = await createDatabase(KIND, POSTGRES_URL);
  const targets: Target[] = [];
  const load = new LoadGenerator();
  let keyring: Keyring | null = null;
  try {
    const config = benchConfig();
    const app = await startApp(config, db);
    targets.push(app);
    const [user] = await registerUsers(app.baseUrl, 1);
    const ceiling = await startCeiling(db, await fetchJwks(app.baseUrl), { issuer: config.issuer, audience: config.audience });
    targets.push(ceiling);
    keyring = new Keyring(db.handle.db, { masterKey: config.masterKey, alg: config.jwtAlg, accessTokenTtl: config.accessTokenTtl, issuer: config.issuer, audience: config.audience });
    await keyring.init();
    const ladder = await startLadder(db.handle.db, KIND, keyring);
    targets.push(ladder);

    const steps: Step[] = [
      { name: 'bare Fastify, static JSON', url: () => `${ladder.baseUrl}/hello` },
      { name: 'app GET /healthz (whole plugin stack, no auth)', url: () => `${app.baseUrl}/healthz` },
      { name: 'bare: Keyring.verify only', url: () => `${ladder.baseUrl}/verify` },
      { name: 'CEILING: jose verify + raw PK select', url: () => `${ceiling.baseUrl}/ceiling` },
      { name: 'bare: Keyring.verify + findSessionPrincipal', url: () => `${ladder.baseUrl}/principal` },
      { name: 'bare: + listForUser + JSON reply (= /auth/me\'s work)', url: () => `${ladder.baseUrl}/me-logic` },
      { name: 'bare: same, both queries prepared (named statements)', url: () => `${ladder.baseUrl}/me-prepared` },
      { name: 'app GET /api/v1/auth/me', url: () => `${app.baseUrl}/api/v1/auth/me` },
    ];
    const headers = { authorization: `Bearer ${user!.accessToken}` };
    const results = new Map<string, { load: LoadResult; cpu: CpuSample; ratio: number }[]>();
    for (const step of steps) {
      const warm = await load.run({ url: step.url(), method: 'GET', headers, connections: CONNECTIONS, duration: WARMUP });
      log(`warm-up ${step.name}: ${fmt(warm.rps)} req/s, statuses ${JSON.stringify(warm.statuses)}`);
      results.set(step.name, []);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      const byName = new Map<string, { load: LoadResult; cpu: CpuSample }>();
      const order = round % 2 ? steps : [...steps].reverse();
      for (const step of order) {
        const stop = cpuMeter(load.pid);
        const result = await load.run({ url: step.url(), method: 'GET', headers, connections: CONNECTIONS, duration: DURATION });
        byName.set(step.name, { load: result, cpu: stop() });
        log(`round ${round} ${step.name}: ${fmt(result.rps)} req/s, non-2xx ${result.non2xx}, errors ${result.errors}`);
      }
      const ceilingRps = byName.get(steps[3]!.name)!.load.rps;
      for (const [name, r] of byName) results.get(name)!.push({ ...r, ratio: r.load.rps / ceilingRps });
    }

    const lines = [
      `Breakdown of GET /auth/me on ${KIND === 'postgres' ? 'PostgreSQL' : 'PGlite'}: medians of ${ROUNDS} rounds × ${DURATION} s, ${CONNECTIONS} connections; CPU µs per request from procfs`,
      '',
      '| Step | Req/s | vs ceiling | p50 ms | p99 ms | non-2xx + errors | server CPU µs/req | PostgreSQL CPU µs/req | load-gen CPU µs/req | other processes, % of machine |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    for (const step of steps) {
      const rs = results.get(step.name)!;
      const per = (pick: (c: CpuSample) => number) => median(rs.map((r) => pick(r.cpu) / Math.max(1, r.load.total)));
      lines.push(
        `| ${step.name} | ${fmt(median(rs.map((r) => r.load.rps)))} | ${fmt(median(rs.map((r) => r.ratio)) * 100)}% | ${fmt(median(rs.map((r) => r.load.p50)), 1)} | ${fmt(median(rs.map((r) => r.load.p99)), 1)} | ${rs.reduce((n, r) => n + r.load.non2xx + r.load.errors, 0)} | ${fmt(per((c) => c.server))} | ${fmt(per((c) => c.postgres))} | ${fmt(per((c) => c.loadGenerator))} | ${fmt(median(rs.map((r) => otherShare(r.cpu, r.load.duration))) * 100)}% |`,
      );
    }
    process.stdout.write(`\n${lines.join('\n')}\n`);
  } finally {
    load.stop();
    await sleep(500); // let requests still in flight when autocannon stopped finish before the pool closes
    keyring?.stop();
    for (const target of targets.reverse()) await target.close().catch(() => {});
    await db.drop().catch((err: unknown) => log(`could not drop the bench database: ${String(err)}`));
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`breakdown failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
