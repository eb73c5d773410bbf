// BENCH_ONLY=scim: SCIM directory sync at scale, on PostgreSQL. A directory of BENCH_SCIM_USERS
// (50,000) users in BENCH_SCIM_GROUPS (500) groups is seeded in bulk SQL (accounts, managed
// memberships, SCIM users, groups and their members); then, through the real app over HTTP:
// `filter=userName eq "…"` and `externalId eq` look-ups, startIndex pages (first, middle, last), a
// group look-up by displayName, and an Okta-style full resync of BENCH_SCIM_RESYNC (10,000) users —
// per user the `userName eq` existence check and a full PUT, BENCH_SCIM_CONCURRENCY (4) at a time —
// once with a changed attribute (every PUT writes and audits) and once unchanged (no-op PUTs).
// EXPLAIN (ANALYZE, BUFFERS) of the exact statements those requests send goes into the report.
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '@saasready/server/internal/db/schema.js';
import type { Executor } from '@saasready/server/internal/db/client.js';
import * as scimRepository from '@saasready/server/internal/modules/directories/repository.js';
import { parseFilter } from '@saasready/server/internal/modules/directories/scim-filter.js';
import { hashDirectoryToken } from '@saasready/server/internal/modules/directories/tokens.js';
import { PasswordHasher } from '@saasready/server/internal/lib/passwords.js';
import { sql } from 'drizzle-orm';
import { fmt, table } from './report.js';
import { machineLines } from './scale.js';
import { benchConfig, call, createDatabase, startApp } from './targets.js';

const log = (message: string) => process.stderr.write(`[bench:scim] ${message}\n`);
const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return Math.round(value);
};

const SCIM_JSON = { 'content-type': 'application/scim+json' };

async function scimCall(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/scim/v2${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? SCIM_JSON : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Latencies (ms) of `n` sequential calls of `run`, which must answer 200. */
async function timeCalls(n: number, run: (i: number) => Promise<{ status: number }>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await run(i);
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`answered ${res.status}`);
  }
  return times.sort((a, b) => a - b);
}
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Every statement a repository call sends, recorded by a fake client instead of run. */
async function capture(run: (ex: Executor) => Promise<unknown>): Promise<{ text: string; params: unknown[] }[]> {
  const seen: { text: string; params: unknown[] }[] = [];
  const fake = {
    query(config: string | { text: string; values?: unknown[] }, values?: unknown[]) {
      seen.push({ text: typeof config === 'string' ? config : config.text, params: (typeof config === 'string' ? undefined : config.values) ?? values ?? [] });
      return Promise.resolve({ rows: [{ n: 0 }], fields: [], rowCount: 0, command: 'SELECT' });
    },
  };
  await run(drizzle(fake as unknown as pg.Pool, { schema }) as unknown as Executor);
  return seen;
}

interface Explained {
  title: string;
  text: string;
  plan: string[];
  executionMs: number;
}

async function explain(client: pg.Client, title: string, run: (ex: Executor) => Promise<unknown>): Promise<Explained[]> {
  const out: Explained[] = [];
  const statements = await capture(run);
  for (const [i, { text, params }] of statements.entries()) {
    await client.query(`explain (analyze, buffers) ${text}`, params);
    const plan = ((await client.query(`explain (analyze, buffers) ${text}`, params)).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']);
    const exec = plan.find((l) => l.startsWith('Execution Time'));
    out.push({ title: statements.length > 1 ? `${title} — ${i ? 'page' : 'count'}` : title, text: text.replace(/\s+/g, ' ').trim(), plan, executionMs: exec ? Number(/([\d.]+) ms/.exec(exec)?.[1]) : NaN });
  }
  return out;
}

export async function runScim(postgresUrl: string): Promise<string> {
  const USERS = num('BENCH_SCIM_USERS', 50_000);
  const GROUPS = num('BENCH_SCIM_GROUPS', 500);
  const RESYNC = Math.min(USERS, num('BENCH_SCIM_RESYNC', 10_000));
  const CONCURRENCY = num('BENCH_SCIM_CONCURRENCY', 4);
  const SAMPLES = num('BENCH_SCIM_SAMPLES', 200);
  const database = await createDatabase('postgres', postgresUrl);
  const config = benchConfig();
  const target = await startApp(config, database);
  try {
    const owner = await call(target.baseUrl, 'POST', '/api/v1/auth/register', { email: `scim-owner-${process.pid}@bench.test`, password: 'bench-scim-owner-password-1', full_name: 'SCIM Owner' });
    const orgId = JSON.parse(Buffer.from(owner.access_token.split('.')[1], 'base64url').toString()).org_id as string;
    const directory = await call(target.baseUrl, 'POST', `/api/v1/orgs/${orgId}/directories`, { name: 'Bench Okta' }, owner.access_token);
    const token = directory.token as string;

    log(`seeding ${USERS} users in ${GROUPS} groups`);
    const seedStarted = performance.now();
    const hash = await new PasswordHasher(config.argon2).hash('never-used-scim-bench');
    const [role] = (await database.handle.db.execute(sql`select id from roles where organization_id = ${orgId} and name = 'Member'`) as unknown as { rows: { id: string }[] }).rows;
    const [org, dir, member] = [orgId, directory.id as string, role!.id];
    await database.bulk(`insert into users (id, email, password_hash, full_name, email_verified_at)
      select md5('scim-user-' || i)::uuid, 'scim-' || i || '@bench.test', $1, 'Bench User ' || i, now() from generate_series(1, $2::int) i`, [hash, USERS]);
    await database.bulk(`insert into memberships (id, organization_id, user_id, role_id, status, directory_id)
      select md5('scim-m-' || i)::uuid, $1, md5('scim-user-' || i)::uuid, $3, 'active', $2 from generate_series(1, $4::int) i`, [org, dir, member, USERS]);
    await database.bulk(`insert into scim_users (id, organization_id, directory_id, user_id, user_name, external_id, display_name, active, attributes, created_account)
      select md5('scim-su-' || i)::uuid, $1, $2, md5('scim-user-' || i)::uuid, 'scim-' || i || '@bench.test', 'ext-' || i, 'Bench User ' || i, true,
             jsonb_build_object('displayName', 'Bench User ' || i, 'name', jsonb_build_object('givenName', 'Bench', 'familyName', 'User ' || i),
                                'emails', jsonb_build_array(jsonb_build_object('value', 'scim-' || i || '@bench.test', 'type', 'work', 'primary', true))), true
        from generate_series(1, $3::int) i`, [org, dir, USERS]);
    await database.bulk(`insert into scim_groups (id, organization_id, directory_id, display_name, external_id)
      select md5('scim-g-' || g)::uuid, $1, $2, 'Group ' || g, 'gext-' || g from generate_series(1, $3::int) g`, [org, dir, GROUPS]);
    await database.bulk(`insert into scim_group_members (organization_id, group_id, scim_user_id)
      select $1, md5('scim-g-' || ((i % $3::int) + 1))::uuid, md5('scim-su-' || i)::uuid from generate_series(1, $2::int) i`, [org, USERS, GROUPS]);
    // as autovacuum would have by then: statistics and the visibility map (index-only scans)
    await database.bulk('vacuum analyze');
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`seeded in ${fmt(seedSeconds)} s`);

    const rand = (i: number) => 1 + ((i * 7919) % USERS);
    const q = (filter: string) => `?filter=${encodeURIComponent(filter)}`;
    const rows: string[][] = [];
    const measure = async (label: string, path: (i: number) => string, check?: (body: any) => boolean) => {
      const times = await timeCalls(SAMPLES, async (i) => {
        const res = await scimCall(target.baseUrl, token, 'GET', path(i));
        if (check && !check(res.body)) throw new Error(`${label}: unexpected answer ${JSON.stringify(res.body).slice(0, 200)}`);
        return res;
      });
      rows.push([label, fmt(quantile(times, 0.5), 1), fmt(quantile(times, 0.95), 1), fmt(quantile(times, 0.99), 1)]);
    };
    log('look-ups and pages');
    await measure('`filter=userName eq "…"` (random user)', (i) => `/Users${q(`userName eq "SCIM-${rand(i)}@bench.test"`)}`, (b) => b.totalResults === 1);
    await measure('`filter=externalId eq "…"`', (i) => `/Users${q(`externalId eq "ext-${rand(i)}"`)}`, (b) => b.totalResults === 1);
    await measure('`startIndex=1&count=100`', () => '/Users?startIndex=1&count=100', (b) => b.Resources.length === Math.min(100, USERS));
    const middle = Math.floor(USERS / 2);
    await measure(`\`startIndex=${middle}&count=100\``, () => `/Users?startIndex=${middle}&count=100`, (b) => b.Resources.length > 0);
    const last = Math.max(1, USERS - 99);
    await measure(`\`startIndex=${last}&count=100\` (last page)`, () => `/Users?startIndex=${last}&count=100`, (b) => b.Resources.length > 0);
    await measure('Groups `filter=displayName eq "…"&excludedAttributes=members`', (i) => `/Groups${q(`displayName eq "group ${1 + (i % GROUPS)}"`)}&excludedAttributes=members`, (b) => b.totalResults === 1);

    // Okta's full resync: per user, the existence check then a full PUT
    const resync = async (title: string) => {
      let next = 0;
      let writes = 0;
      const started = performance.now();
      const worker = async () => {
        for (;;) {
          const i = ++next;
          if (i > RESYNC) return;
          const userName = `scim-${i}@bench.test`;
          const found = await scimCall(target.baseUrl, token, 'GET', `/Users${q(`userName eq "${userName}"`)}&startIndex=1&count=100`);
          const id = found.body.Resources[0]?.id;
          if (!id) throw new Error(`resync: ${userName} not found`);
          const put = await scimCall(target.baseUrl, token, 'PUT', `/Users/${id}`, {
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id, userName, externalId: `ext-${i}`, active: true, displayName: `Bench User ${i}`, title,
            name: { givenName: 'Bench', familyName: `User ${i}` }, emails: [{ value: userName, type: 'work', primary: true }],
          });
          if (put.status !== 200) throw new Error(`resync PUT answered ${put.status}: ${JSON.stringify(put.body)}`);
          writes++;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return { seconds: (performance.now() - started) / 1000, users: writes };
    };
    log(`Okta-style resync of ${RESYNC} users (changed), ${CONCURRENCY} at a time`);
    const changed = await resync('Resynced');
    log(`… ${fmt(changed.seconds)} s; again unchanged`);
    const unchanged = await resync('Resynced');
    log(`… ${fmt(unchanged.seconds)} s`);

    log('EXPLAIN (after a VACUUM ANALYZE, as autovacuum would do after the resync)');
    await database.bulk('vacuum analyze scim_users');
    const client = new pg.Client({ connectionString: postgresUrl.replace(/\/[^/]*$/, `/${database.name}`) });
    await client.connect();
    let plans: Explained[] = [];
    try {
      const dir = directory.id as string;
      const users = (filter: string | null, offset: number, limit: number) => (ex: Executor) =>
        scimRepository.listUsers(ex, orgId, dir, filter ? parseFilter(filter) : null, offset, limit);
      plans = [
        ...(await explain(client, '`userName eq`', users(`userName eq "SCIM-${rand(3)}@bench.test"`, 0, 100))),
        ...(await explain(client, '`externalId eq`', users(`externalId eq "ext-${rand(5)}"`, 0, 100))),
        ...(await explain(client, `startIndex=${middle}`, users(null, middle - 1, 100))),
        ...(await explain(client, 'Groups `displayName eq`', (ex) => scimRepository.listGroups(ex, orgId, dir, parseFilter('displayName eq "Group 250"'), 0, 100))),
        ...(await explain(client, 'the bearer token’s directory', (ex) => scimRepository.findByTokenHash(ex, hashDirectoryToken(token)))),
      ];
    } finally {
      await client.end();
    }

    const lines = [
      '### SCIM directory sync',
      '',
      `Directory of ${USERS.toLocaleString('en')} users in ${GROUPS} groups (seeded in bulk SQL in ${fmt(seedSeconds)} s), PostgreSQL ${database.version.split(' ')[1] ?? ''}, one sequential client, ${SAMPLES} requests per row. `
        + 'The machine is shared (other work ran on its cores during the run): read the numbers as orders of magnitude.',
      '',
      ...machineLines().map((l) => `- ${l}`),
      '',
      table(['Request', 'p50 ms', 'p95 ms', 'p99 ms'], rows),
      '',
      `Okta-style full resync of ${RESYNC.toLocaleString('en')} users (per user: \`userName eq\` look-up, then a full PUT; ${CONCURRENCY} at a time):`,
      '',
      table(['Pass', 'Seconds', 'Users/s'], [
        ['every PUT changes an attribute (update + audit row each)', fmt(changed.seconds), fmt(changed.users / changed.seconds, 0)],
        ['nothing changed (no-op PUTs write nothing)', fmt(unchanged.seconds), fmt(unchanged.users / unchanged.seconds, 0)],
      ]),
      '',
      'EXPLAIN (ANALYZE, BUFFERS) of the statements those requests send (after the resync and a VACUUM ANALYZE; second run):',
      '',
      ...plans.flatMap((p) => [`**${p.title}** — ${fmt(p.executionMs, 2)} ms`, '', '```', p.text.slice(0, 600), '', ...p.plan.filter((l) => !/^\s*Planning:|^\s*Buffers: shared hit=\d+$/.test(l)).slice(0, 14), '```', '']),
    ];
    return lines.join('\n');
  } finally {
    await target.close();
    await database.drop();
  }
}
