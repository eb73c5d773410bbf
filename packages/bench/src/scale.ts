// BENCH_ONLY=scale: list and search pages against a large, persistent data set (seed-scale.ts):
// autocannon p50/p99 per page, and EXPLAIN (ANALYZE, BUFFERS) of the exact SQL each page sends.
//
// The database (BENCH_SCALE_DATABASE, default bench_scale beside BENCH_DATABASE_URL) is seeded once
// and reused while its size matches BENCH_SCALE_USERS / _ORGS / _AUDIT (default 1M / 100k / 10M);
// the seed's own record (sizes, timings) lives in the database's COMMENT.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { openDatabase, queryRows, type Executor } from '@saasready/server/internal/db/client.js';
import * as schema from '@saasready/server/internal/db/schema.js';
import { encodeCursor } from '@saasready/server/internal/lib/cursor.js';
import * as auditRepository from '@saasready/server/internal/modules/audit-logs/repository.js';
import * as membershipsRepository from '@saasready/server/internal/modules/memberships/repository.js';
import * as usersRepository from '@saasready/server/internal/modules/users/repository.js';
import type { LoadGenerator } from './load-client.js';
import type { LoadResult } from './load.js';
import { fmt, median, table } from './report.js';
import { SCALE_ADMIN_EMAIL, SCALE_PASSWORD, orgIdSql, seedScale, userIdSql, type SeedResult, type ScaleSize } from './seed-scale.js';
import { benchConfig, call, startApp, type BenchDatabase, type Target } from './targets.js';

const log = (message: string) => process.stderr.write(`[bench:scale] ${message}\n`);
const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

/** docs/benchmarks.md: this package (packages/bench/dist/*.js) is its one writer */
export const DOC = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));

/** Replaces (or appends) the block between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in docs/benchmarks.md. */
export function writeDocBlock(name: string, markdown: string): void {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  const next = start >= 0 && end > start ? doc.slice(0, start) + block + doc.slice(end + close.length) : `${doc.replace(/\n*$/, '\n\n')}${block}\n`;
  writeFileSync(DOC, next);
}

export function machineLines(): string[] {
  return [
    `Node ${process.version} on ${process.platform}/${process.arch}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM`,
    `Date: ${new Date().toISOString()}`,
  ];
}

interface Captured {
  text: string;
  params: unknown[];
}

/**
 * A drizzle database over a fake client that records the statement instead of running it, so a
 * repository function (raw `execute` or the query builder alike) shows exactly the SQL it sends.
 */
async function capture(run: (ex: Executor) => Promise<unknown>): Promise<Captured> {
  const seen: Captured[] = [];
  const fake = {
    query(config: string | { text: string; values?: unknown[] }, values?: unknown[]) {
      const text = typeof config === 'string' ? config : config.text;
      seen.push({ text, params: (typeof config === 'string' ? undefined : config.values) ?? values ?? [] });
      return Promise.resolve({ rows: [], fields: [], rowCount: 0, command: 'SELECT' });
    },
  };
  await run(drizzle(fake as unknown as pg.Pool, { schema }) as unknown as Executor);
  if (seen.length !== 1) throw new Error(`expected one statement, saw ${seen.length}`);
  return seen[0]!;
}

export interface Plan {
  title: string;
  text: string;
  params: unknown[];
  plan: string[];
  seqScans: string[];
  executionMs: number;
}

export async function explainAnalyze(client: pg.Client, title: string, run: (ex: Executor) => Promise<unknown>): Promise<Plan> {
  const { text, params } = await capture(run);
  // twice: the first run warms the cache, the second is the one reported
  await client.query(`explain (analyze, buffers) ${text}`, params);
  const rows = (await client.query(`explain (analyze, buffers) ${text}`, params)).rows as { 'QUERY PLAN': string }[];
  const plan = rows.map((r) => r['QUERY PLAN']);
  const seqScans = plan.filter((l) => /Seq Scan on (users|memberships|audit_logs|organizations|roles|role_permissions)\b/.test(l)).map((l) => l.trim());
  const exec = plan.find((l) => l.startsWith('Execution Time'));
  return { title, text: text.replace(/\s+/g, ' ').trim(), params, plan, seqScans, executionMs: exec ? Number(/([\d.]+) ms/.exec(exec)?.[1]) : NaN };
}

interface Page {
  key: string;
  title: string;
  url: string;
  token: string;
  /** the repository call the route makes for this page */
  query: (ex: Executor) => Promise<unknown>;
}

const login = async (baseUrl: string, email: string): Promise<string> =>
  (await call(baseUrl, 'POST', '/api/v1/auth/login', { email, password: SCALE_PASSWORD })).access_token as string;

/** The scale database: reused when its recorded size matches, otherwise (re)created and seeded. */
async function ensureDatabase(baseUrl: string, size: ScaleSize): Promise<{ url: string; seed: SeedResult; reused: boolean }> {
  const name = process.env.BENCH_SCALE_DATABASE || 'bench_scale';
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error('BENCH_SCALE_DATABASE must be named bench_…');
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const rows = (await admin.query(`select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`, [name])).rows as { comment: string | null }[];
    const recorded = rows[0]?.comment ? (JSON.parse(rows[0].comment) as { seedScale?: SeedResult }).seedScale : undefined;
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    if (recorded && recorded.users === size.users && recorded.orgs === size.orgs && recorded.audit === size.audit) {
      log(`reusing ${name} (seeded in ${fmt(recorded.seconds)} s)`);
      return { url: url.toString(), seed: recorded, reused: true };
    }
    log(`${rows.length ? 're' : ''}creating ${name} and seeding ${JSON.stringify(size)}`);
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    const seed = await seedScale(url.toString(), size, (m) => log(m));
    return { url: url.toString(), seed, reused: false };
  } finally {
    await admin.end();
  }
}

export async function runScale(load: LoadGenerator, postgresUrl: string): Promise<string> {
  const size: ScaleSize = { users: num('BENCH_SCALE_USERS', 1_000_000), orgs: num('BENCH_SCALE_ORGS', 100_000), audit: num('BENCH_SCALE_AUDIT', 10_000_000) };
  const duration = num('BENCH_DURATION', 5);
  const rounds = Math.round(num('BENCH_ROUNDS', 3));
  const connections = Math.round(num('BENCH_SCALE_CONNECTIONS', 8));
  const { url, seed, reused } = await ensureDatabase(postgresUrl, size);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const handle = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
  await handle.migrate();
  const database: BenchDatabase = {
    kind: 'postgres', handle, description: url.replace(/\/\/[^@]*@/, '//'), version: '', name: new URL(url).pathname.slice(1),
    bulk: async (text, params = []) => void (await client.query(text, params)),
    drop: async () => {},
  };
  const targets: Target[] = [];
  try {
    const one = async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows[0] as T;
    const { version } = await one<{ version: string }>('select version() as version');
    const counts = await one<Record<string, string>>(`select (select count(*) from users) as users, (select count(*) from organizations) as organizations,
      (select count(*) from roles) as roles, (select count(*) from role_permissions) as role_permissions, (select count(*) from memberships) as memberships,
      (select count(*) from audit_logs) as audit_logs, pg_size_pretty(pg_database_size(current_database())) as size`);
    const largeOrg = (await one<{ id: string }>(`select ${orgIdSql('1')} as id`)).id;
    const smallOrg = (await one<{ id: string }>(`select ${orgIdSql(String(seed.smallOrg))} as id`)).id;
    const largeMembers = Number((await one<{ n: string }>('select count(*) as n from memberships where organization_id = $1', [largeOrg])).n);
    const largeEvents = Number((await one<{ n: string }>('select count(*) as n from audit_logs where organization_id = $1', [largeOrg])).n);
    const smallEvents = Number((await one<{ n: string }>('select count(*) as n from audit_logs where organization_id = $1', [smallOrg])).n);
    const owner = (ownerOf: string) =>
      one<{ email: string }>(`select u.email from memberships m join roles r on r.id = m.role_id and r.organization_id = m.organization_id and r.name = 'Owner' join users u on u.id = m.user_id where m.organization_id = $1`, [ownerOf]);
    const largeOwner = (await owner(largeOrg)).email;
    const smallOwner = (await owner(smallOrg)).email;
    // the search words: a common surname (thousands of matches) and one user's exact address (one match)
    const rare = (await one<{ email: string }>(`select email from users where id = ${userIdSql(String(Math.floor(size.users * 0.77)))}`)).email;

    // a fresh MASTER_KEY each run: the keys an earlier run left (encrypted under its key) go, the app makes a new one
    await client.query('delete from signing_keys');
    const config = benchConfig();
    const app = await startApp(config, database);
    targets.push(app);
    const base = app.baseUrl;
    const largeToken = await login(base, largeOwner);
    const smallToken = await login(base, smallOwner);
    const adminToken = await login(base, SCALE_ADMIN_EMAIL);

    const PAGE = 50;
    const deepPage = Math.max(2, Math.floor(largeMembers / PAGE) - 10);
    const deepRow = await one<{ id: string }>(`select id from memberships where organization_id = $1 order by id offset $2 limit 1`, [largeOrg, (deepPage - 1) * PAGE - 1]);
    const memberCursor = encodeCursor(deepRow.id);
    const auditDeepSeq = 1_000;
    const smallDeepSeq = Math.max(2, smallEvents - PAGE);
    const seqCursor = (seq: number) => Buffer.from(String(seq)).toString('base64url');
    const members = `${base}/api/v1/orgs/${largeOrg}/members?limit=${PAGE}`;
    const pages: Page[] = [
      { key: 'members-first', title: `Members page 1 (org of ${fmt(largeMembers)})`, url: members, token: largeToken,
        query: (e) => membershipsRepository.list(e, largeOrg, { limit: PAGE }) },
      { key: 'members-deep', title: `Members page ${fmt(deepPage)} (cursor)`, url: `${members}&cursor=${memberCursor}`, token: largeToken,
        query: (e) => membershipsRepository.list(e, largeOrg, { limit: PAGE, after: { id: deepRow.id, key: null } }) },
      { key: 'members-by-name', title: 'Members page 1 by name (`sort=name`)', url: `${members}&sort=name`, token: largeToken,
        query: (e) => membershipsRepository.list(e, largeOrg, { limit: PAGE, sort: 'name' }) },
      { key: 'members-by-role', title: 'Members page 1 by role (`sort=role`)', url: `${members}&sort=role`, token: largeToken,
        query: (e) => membershipsRepository.list(e, largeOrg, { limit: PAGE, sort: 'role' }) },
      { key: 'members-by-activity', title: 'Members page 1, most recently active first (`sort=-last_active`)', url: `${members}&sort=-last_active`, token: largeToken,
        query: (e) => membershipsRepository.list(e, largeOrg, { limit: PAGE, sort: 'last_active', descending: true }) },
      { key: 'members-search', title: 'Members search `smith` (same org)', url: `${members}&search=smith`, token: largeToken,
        query: (e) => membershipsRepository.list(e, largeOrg, { limit: PAGE, search: 'smith' }) },
      { key: 'members-search-rare', title: 'Members search, no match in the org', url: `${members}&search=${encodeURIComponent(rare)}`, token: largeToken,
        query: (e) => membershipsRepository.list(e, largeOrg, { limit: PAGE, search: rare }) },
      { key: 'admin-search', title: '/admin/users search `smith` (superuser)', url: `${base}/api/v1/admin/users?limit=${PAGE}&search=smith`, token: adminToken,
        query: (e) => usersRepository.listAll(e, { limit: PAGE, search: 'smith' }) },
      { key: 'admin-search-rare', title: '/admin/users search, one match', url: `${base}/api/v1/admin/users?limit=${PAGE}&search=${encodeURIComponent(rare)}`, token: adminToken,
        query: (e) => usersRepository.listAll(e, { limit: PAGE, search: rare }) },
      { key: 'audit-large-first', title: `Audit first page (org with ${fmt(largeEvents)} events)`, url: `${base}/api/v1/audit/orgs/${largeOrg}/logs?limit=${PAGE}`, token: largeToken,
        query: (e) => auditRepository.list(e, largeOrg, {}, PAGE + 1, 0) },
      { key: 'audit-large-deep', title: `Audit cursor below seq ${fmt(auditDeepSeq)} (same org)`, url: `${base}/api/v1/audit/orgs/${largeOrg}/logs?limit=${PAGE}&cursor=${seqCursor(auditDeepSeq)}`,
        token: largeToken, query: (e) => auditRepository.list(e, largeOrg, { beforeSeq: auditDeepSeq }, PAGE + 1, 0) },
      { key: 'audit-small-first', title: `Audit first page (org with ${fmt(smallEvents)} events)`, url: `${base}/api/v1/audit/orgs/${smallOrg}/logs?limit=${PAGE}`, token: smallToken,
        query: (e) => auditRepository.list(e, smallOrg, {}, PAGE + 1, 0) },
      { key: 'audit-small-deep', title: `Audit cursor below seq ${fmt(smallDeepSeq)} (same org)`, url: `${base}/api/v1/audit/orgs/${smallOrg}/logs?limit=${PAGE}&cursor=${seqCursor(smallDeepSeq)}`,
        token: smallToken, query: (e) => auditRepository.list(e, smallOrg, { beforeSeq: smallDeepSeq }, PAGE + 1, 0) },
    ];
    const only = process.env.BENCH_SCALE_PAGES?.split(',').map((s) => s.trim()).filter(Boolean);
    const selected = only?.length ? pages.filter((p) => only.includes(p.key)) : pages;

    // every page answers 200 with items before any load
    for (const p of selected) {
      const response = await fetch(p.url, { headers: { authorization: `Bearer ${p.token}` } });
      const body = (await response.json()) as unknown[];
      if (!response.ok || !Array.isArray(body)) throw new Error(`${p.title}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      log(`${p.key}: ${body.length} items`);
    }
    const plans: Plan[] = [];
    for (const p of selected) plans.push(await explainAnalyze(client, p.title, p.query));
    for (const plan of plans) log(`plan ${plan.title}: ${fmt(plan.executionMs, 2)} ms${plan.seqScans.length ? ` — SEQ SCAN: ${plan.seqScans.join('; ')}` : ''}`);

    const results = new Map<string, LoadResult[]>(selected.map((p) => [p.key, []]));
    const job = (p: Page, seconds: number) => ({ url: p.url, method: 'GET' as const, headers: { authorization: `Bearer ${p.token}` }, connections, duration: seconds });
    // a page slower than autocannon's run leaves requests in flight when it stops: let them drain
    // before the next page is measured, or they would count against it
    const drain = async (r: LoadResult) => {
      if (r.p99 > 500) await sleep(Math.min(15_000, r.p99 * 2 + 1000));
    };
    for (const p of selected) await drain(await load.run(job(p, 1)));
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? selected : [...selected].reverse();
      for (const p of order) {
        const r = await load.run(job(p, duration));
        results.get(p.key)!.push(r);
        await drain(r);
        log(`round ${round}/${rounds} ${p.key}: ${fmt(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}`);
      }
    }

    const rows = selected.map((p) => {
      const rs = results.get(p.key)!;
      const plan = plans.find((x) => x.title === p.title)!;
      return [p.title, fmt(median(rs.map((r) => r.rps))), fmt(median(rs.map((r) => r.p50)), 1), fmt(median(rs.map((r) => r.p99)), 1),
        String(rs.reduce((a, r) => a + r.errors + r.non2xx, 0)), fmt(plan.executionMs, 2), plan.seqScans.length ? '**Seq Scan**' : 'index only'];
    });
    const sizeLabel = `${fmt(size.users)} users, ${fmt(size.orgs)} organizations, ${fmt(size.audit)} audit events`;
    const md = [
      `## At scale: 1M users, 100k organizations, 10M audit events`,
      '',
      `Run with \`BENCH_ONLY=scale npm run bench\` (${sizeLabel}${size.users === 1_000_000 && size.orgs === 100_000 && size.audit === 10_000_000 ? ', the full size' : ' — **not** the full size'}).`,
      `Data from \`seed-scale.ts\` (see its header for the shape); the database is seeded once and reused.`,
      '',
      ...machineLines().map((l) => `- ${l}`),
      `- ${version.split(',')[0]}, shared_buffers as configured; app pool max 10; autocannon ${connections} connections, ${rounds} × ${duration} s per page (median)`,
      `- Rows: ${Object.entries(counts).filter(([k]) => k !== 'size').map(([k, v]) => `${k} ${fmt(Number(v))}`).join(', ')}; database size ${counts.size}`,
      `- Seed: ${fmt(seed.seconds)} s${reused ? ' (an earlier run; reused)' : ''} — ${seed.steps.map((s) => `${s.step} ${fmt(s.seconds, 1)} s`).join(', ')}`,
      `- Largest organization: ${fmt(largeMembers)} members, ${fmt(largeEvents)} audit events; small one: ${fmt(smallEvents)} events`,
      '',
      table(['Page', 'req/s', 'p50 ms', 'p99 ms', 'errors + non-2xx', 'EXPLAIN ANALYZE ms', 'plan'], rows, 1),
      '',
      '### Plans (EXPLAIN (ANALYZE, BUFFERS), warm cache, the statement exactly as the repository sends it)',
      '',
      ...plans.flatMap((p) => [`**${p.title}**`, '', '```sql', p.text, `-- params: ${JSON.stringify(p.params)}`, '```', '', '```', ...p.plan, '```', '']),
    ].join('\n');
    return md;
  } finally {
    await sleep(300);
    for (const t of targets.reverse()) await t.close().catch(() => {});
    await handle.close().catch(() => {});
    await client.end().catch(() => {});
  }
}
