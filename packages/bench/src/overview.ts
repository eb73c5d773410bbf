// The superuser overview's aggregates (GET /admin/overview) and the member list's new orders, at a
// million users: EXPLAIN (ANALYZE, BUFFERS) of each statement exactly as the repository sends it,
// and the whole overview's time (its six statements, as AdminService.overview runs them). Writes the
// bench:overview block of docs/benchmarks.md.
//
//   node packages/bench/dist/overview.js --database-url postgres://…/bench_scale
//
// The scale seed (seed-scale.ts) makes users, organizations, memberships and audit events but no
// activity; the first run adds it once, in SQL (it is recognised by rows in user_activity_days):
// - a third of the users active on a quarter of the last 60 days (DAU ~83k, MAU ~333k): 5M day rows
//   and their month rows; memberships.last_active_at from them;
// - every 7th user with two-factor on, enabled over the last 700 days (143k user_mfa rows);
// - 1.32M login events over the last 60 days (one in ten a failed login) in audit_logs, outside
//   any hash chain (seq and hash null): `saasready audit verify` of the no-organization chain does
//   not hold on this bench database; the organizations' chains are untouched.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Executor } from '@saasready/server/internal/db/client.js';
import * as adminRepository from '@saasready/server/internal/modules/admin/repository.js';
import * as membershipsRepository from '@saasready/server/internal/modules/memberships/repository.js';
import { fmt, median, table } from './report.js';
import { explainAnalyze, machineLines, writeDocBlock, type Plan } from './scale.js';
import { orgIdSql } from './seed-scale.js';

const log = (message: string) => process.stderr.write(`[bench:overview] ${message}\n`);

async function seedActivity(client: pg.Client): Promise<void> {
  const q = async (label: string, text: string) => {
    const t0 = performance.now();
    const r = await client.query(text);
    log(`${label}: ${r.rowCount ?? 0} rows, ${fmt((performance.now() - t0) / 1000, 1)} s`);
  };
  await client.query('set statement_timeout = 0');
  try {
    await client.query('set session_replication_role = replica');
  } catch {
    log('note: session_replication_role = replica refused; cache triggers fire for the memberships update');
  }
  const [{ u }] = (await client.query(`select count(*)::int as u from users`)).rows as [{ u: number }];
  await q('user_activity_days', `insert into user_activity_days (day, user_id)
    select current_date - d, md5('scale-user-' || g)::uuid
      from generate_series(0, 59) d, generate_series(3, ${u}, 3) g where (g / 3 + d) % 4 = 0 on conflict do nothing`);
  await q('user_activity_months', `insert into user_activity_months (month, user_id)
    select distinct date_trunc('month', day)::date, user_id from user_activity_days on conflict do nothing`);
  await q('memberships.last_active_at', `update memberships m set last_active_at = a.day + time '12:00' from
    (select user_id, max(day) as day from user_activity_days group by user_id) a where a.user_id = m.user_id`);
  await q('user_mfa', `insert into user_mfa (user_id, secret_enc, enabled_at, created_at)
    select md5('scale-user-' || g)::uuid, 'bench-only', now() - (g % 700) * interval '1 day', now() - (g % 700) * interval '1 day'
      from generate_series(7, ${u}, 7) g on conflict do nothing`);
  await q('login events', `insert into audit_logs (id, organization_id, actor_type, actor_user_id, action, target_type, target_id, metadata, created_at)
    select gen_random_uuid(), null, 'user', md5('scale-user-' || (n % ${u} + 1))::uuid,
           case when n % 10 = 0 then 'user.login.failed' else 'user.logged_in' end, 'user', md5('scale-user-' || (n % ${u} + 1))::uuid::text,
           '{"source":"bench-overview"}', now() - n * interval '3.927 seconds'
      from generate_series(1, 1320000) n`);
  for (const t of ['user_activity_days', 'user_activity_months', 'memberships', 'user_mfa', 'audit_logs', 'users']) await q(`vacuum analyze ${t}`, `vacuum analyze ${t}`);
}

async function main() {
  const { values } = parseArgs({ options: { 'database-url': { type: 'string' } } });
  const url = values['database-url'];
  if (!url) throw new Error('usage: overview --database-url URL (a database seeded by seed-scale)');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const handle = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
  try {
    await handle.migrate();
    const [{ seeded }] = (await client.query('select exists(select 1 from user_activity_days) as seeded')).rows as [{ seeded: boolean }];
    if (!seeded) await seedActivity(client);
    const one = async <T>(text: string) => (await client.query(text)).rows[0] as T;
    const counts = await one<Record<string, string>>(`select (select count(*) from users) as users, (select count(*) from memberships) as memberships,
      (select count(*) from audit_logs) as audit_logs, (select count(*) from user_activity_days) as user_activity_days,
      (select count(*) from user_activity_months) as user_activity_months, (select count(*) from user_mfa) as user_mfa`);
    const largeOrg = (await one<{ id: string }>(`select ${orgIdSql('1')} as id`)).id;
    const largeMembers = Number((await one<{ n: string }>(`select count(*) as n from memberships where organization_id = ${orgIdSql('1')}`)).n);

    const now = new Date();
    const from30 = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 29 * 86_400_000);
    const month0 = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
    const statements: [string, (e: Executor) => Promise<unknown>][] = [
      ['Overview: sign-ups per day, 30 days', (e) => adminRepository.signupsPerDay(e, from30)],
      ['Overview: logins and failed logins per day, 30 days', (e) => adminRepository.loginsPerDay(e, from30)],
      ['Overview: active users per day, 30 days', (e) => adminRepository.activePerDay(e, from30.toISOString().slice(0, 10))],
      ['Overview: active users per month, 12 months', (e) => adminRepository.activePerMonth(e, month0)],
      [`Members by name, page 1 (org of ${fmt(largeMembers)})`, (e) => membershipsRepository.list(e, largeOrg, { limit: 50, sort: 'name' })],
      ['Members by role, page 1 (same org)', (e) => membershipsRepository.list(e, largeOrg, { limit: 50, sort: 'role' })],
      ['Members, most recently active first, page 1 (same org)', (e) => membershipsRepository.list(e, largeOrg, { limit: 50, sort: 'last_active', descending: true })],
    ];
    const plans: Plan[] = [];
    for (const [title, run] of statements) {
      const plan = await explainAnalyze(client, title, run);
      plans.push(plan);
      log(`${title}: ${fmt(plan.executionMs, 2)} ms${plan.seqScans.length ? ` SEQ SCAN ${plan.seqScans.join('; ')}` : ''}`);
    }
    // accountsPerMonth is two statements (users and user_mfa by month): explained one by one
    for (const [title, text] of [
      ['Overview: accounts per month of creation (all time)', `select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM-DD') as month, count(*)::int as n from users group by 1`],
      ['Overview: second factors per month enabled (all time)', `select to_char(date_trunc('month', enabled_at at time zone 'UTC'), 'YYYY-MM-DD') as month, count(*)::int as n from user_mfa where enabled_at is not null group by 1`],
    ] as const) {
      await client.query(`explain (analyze, buffers) ${text}`);
      const plan = ((await client.query(`explain (analyze, buffers) ${text}`)).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']);
      const exec = plan.find((l) => l.startsWith('Execution Time'));
      plans.push({ title, text, params: [], plan, seqScans: plan.filter((l) => /Seq Scan on (users|audit_logs|memberships)\b/.test(l)).map((l) => l.trim()), executionMs: exec ? Number(/([\d.]+) ms/.exec(exec)?.[1]) : NaN });
    }

    // the whole overview as the service runs it (six statements, concurrently, on a pool of 10)
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await Promise.all([
        adminRepository.signupsPerDay(handle.db, from30), adminRepository.loginsPerDay(handle.db, from30),
        adminRepository.activePerDay(handle.db, from30.toISOString().slice(0, 10)), adminRepository.activePerMonth(handle.db, month0),
        adminRepository.accountsPerMonth(handle.db),
      ]);
      runs.push(performance.now() - t0);
    }
    const md = [
      '## Superuser overview and member orders at 1M users',
      '',
      'Run with `node packages/bench/dist/overview.js --database-url …/bench_scale` on the scale seed (see `overview.ts` for the activity it adds once).',
      '',
      ...machineLines().map((l) => `- ${l}`),
      `- Rows: ${Object.entries(counts).map(([k, v]) => `${k} ${fmt(Number(v))}`).join(', ')}`,
      `- The whole overview (GET /admin/overview?days=30's statements, concurrently, in process): median ${fmt(median(runs), 1)} ms, slowest ${fmt(Math.max(...runs), 1)} ms of ${runs.length} (first run included)`,
      '',
      table(['Statement', 'EXPLAIN ANALYZE ms', 'plan'], plans.map((p) => [p.title, fmt(p.executionMs, 2), p.seqScans.length ? '**Seq Scan**' : 'index only']), 1),
      '',
      '### Plans (EXPLAIN (ANALYZE, BUFFERS), warm cache)',
      '',
      ...plans.flatMap((p) => [`**${p.title}**`, '', '```sql', p.text, `-- params: ${JSON.stringify(p.params)}`, '```', '', '```', ...p.plan, '```', '']),
    ].join('\n');
    writeDocBlock('overview', md);
    process.stdout.write(`${md}\n`);
  } finally {
    await handle.close().catch(() => {});
    await client.end().catch(() => {});
  }
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`overview failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
