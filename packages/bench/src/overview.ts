// The superuser overview's aggregates (GET /admin/overview) and the member list's new orders, at a
// million users: EXPLAIN (ANALYZE, BUFFERS) of each statement exactly as the repository sends it,
// and the whole overview's time (its six statements, as AdminService.overview runs them). Writes the
// bench:overview block of docs/benchmarks.md.
//
//   node packages/bench/dist/overview.js --database-url postgres://…/bench_scale
//
// The scale seed (seed-scale.ts) makes users, organizations, memberships and audit events but no
// activity; the first run adds it once, in SQL (each step is skipped when its rows are there):
// - a third of the users active on a quarter of the last 60 days (DAU ~83k, MAU ~333k): 5M day rows
//   and their month rows; memberships.last_active_at from them;
// - every 7th user with two-factor on, enabled over the last 700 days (143k user_mfa rows);
// - 1.32M login events over the last 60 days (one in ten a failed login) in audit_logs, in the chain
//   of an organization made for them alone, without hashes (that one chain does not verify; the
//   seed's chains and the no-organization chain are untouched).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Executor } from '@saasready/server/internal/db/client.js';
import * as adminRepository from '@saasready/server/internal/modules/admin/repository.js';
import { AdminService } from '@saasready/server/internal/modules/admin/service.js';
import * as membershipsRepository from '@saasready/server/internal/modules/memberships/repository.js';
import { fmt, median, table } from './report.js';
import { explainAnalyze, machineLines, writeDocBlock, type Plan } from './scale.js';
import { orgIdSql } from './seed-scale.js';

const LOGINS_ORG = `md5('bench-login-events')::uuid`;
const log = (message: string) => process.stderr.write(`[bench:overview] ${message}\n`);

async function seedActivity(client: pg.Client): Promise<void> {
  // each step once: it is skipped when its rows are there (a run cut short resumes)
  const step = async (label: string, done: string, text: string) => {
    const [{ present }] = (await client.query(`select exists(${done}) as present`)).rows as [{ present: boolean }];
    if (present) return;
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
  await step('user_activity_days', 'select 1 from user_activity_days', `insert into user_activity_days (day, user_id)
    select current_date - d, md5('scale-user-' || g)::uuid
      from generate_series(0, 59) d, generate_series(3, ${u}, 3) g where (g / 3 + d) % 4 = 0 on conflict do nothing`);
  await step('user_activity_months', 'select 1 from user_activity_months', `insert into user_activity_months (month, user_id)
    select distinct date_trunc('month', day)::date, user_id from user_activity_days on conflict do nothing`);
  await step('memberships.last_active_at', 'select 1 from memberships where last_active_at is not null', `update memberships m set last_active_at = a.day + time '12:00' from
    (select user_id, max(day) as day from user_activity_days group by user_id) a where a.user_id = m.user_id`);
  await step('user_mfa', 'select 1 from user_mfa', `insert into user_mfa (user_id, secret_enc, enabled_at, created_at)
    select md5('scale-user-' || g)::uuid, 'bench-only', now() - (g % 700) * interval '1 day', now() - (g % 700) * interval '1 day'
      from generate_series(7, ${u}, 7) g on conflict do nothing`);
  // the login events go into a chain of their own (an organization that exists for nothing else), so
  // no chain the app appends to is disturbed
  await step('login events organization', `select 1 from organizations where id = ${LOGINS_ORG}`, `insert into organizations (id, name, slug)
    values (${LOGINS_ORG}, 'Bench login events', 'bench-login-events')`);
  await step('login events', `select 1 from audit_logs where organization_id = ${LOGINS_ORG}`, `insert into audit_logs
      (id, organization_id, seq, actor_type, actor_user_id, action, target_type, target_id, metadata, created_at)
    select gen_random_uuid(), ${LOGINS_ORG}, n, 'user', md5('scale-user-' || (n % ${u} + 1))::uuid,
           case when n % 10 = 0 then 'user.login.failed' else 'user.logged_in' end, 'user', md5('scale-user-' || (n % ${u} + 1))::uuid::text,
           '{"source":"bench-overview"}', now() - (1320001 - n) * interval '3.927 seconds'
      from generate_series(1, 1320000) n`);
  for (const t of ['user_activity_days', 'user_activity_months', 'memberships', 'user_mfa', 'audit_logs', 'users']) await client.query(`vacuum analyze ${t}`);
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
    await seedActivity(client);
    const one = async <T>(text: string) => (await client.query(text)).rows[0] as T;
    const counts = await one<Record<string, string>>(`select (select count(*) from users) as users, (select count(*) from memberships) as memberships,
      (select count(*) from audit_logs) as audit_logs, (select count(*) from user_activity_days) as user_activity_days,
      (select count(*) from user_activity_months) as user_activity_months, (select count(*) from user_mfa) as user_mfa`);
    const largeOrg = (await one<{ id: string }>(`select ${orgIdSql('1')} as id`)).id;
    const largeMembers = Number((await one<{ n: string }>(`select count(*) as n from memberships where organization_id = ${orgIdSql('1')}`)).n);

    const now = new Date();
    const from30 = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 29 * 86_400_000);
    const month0 = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
    const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    const day = (ago: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ago)).toISOString().slice(0, 10);
    const statements: [string, (e: Executor) => Promise<unknown>][] = [
      ['Overview: sign-ups per day, 30 days', (e) => adminRepository.signupsPerDay(e, from30)],
      ['Overview: logins and failed logins per day, 30 days', (e) => adminRepository.loginsPerDay(e, from30)],
      ['Overview: active users on one closed day (counted once, then kept)', (e) => adminRepository.countActive(e, 'day', day(2), day(2))],
      ['Overview: active users yesterday and today (counted on every call)', (e) => adminRepository.countActive(e, 'day', day(1), day(0))],
      ['Overview: active users this month (counted on every call)', (e) => adminRepository.countActive(e, 'month', thisMonth, thisMonth)],
      ['Overview: active users of 11 closed months (the first call only)', (e) => adminRepository.countActive(e, 'month', month0, lastMonth)],
      ['Overview: kept counts of closed days', (e) => adminRepository.keptCounts(e, 'day', from30.toISOString().slice(0, 10), day(2))],
      ['Overview: accounts created this month (counted on every call)', (e) => adminRepository.accountsPerMonth(e, thisMonth)],
      ['Overview: accounts per month, all time (the first call only; closed months kept)', (e) => adminRepository.accountsPerMonth(e)],
      ['Overview: second factors per month enabled, all time (every call)', (e) => adminRepository.twoFactorPerMonth(e)],
      [`Members by name, page 1 (org of ${fmt(largeMembers)})`, (e) => membershipsRepository.list(e, largeOrg, { limit: 50, sort: 'name' })],
      ['Members by role, page 1 (same org)', (e) => membershipsRepository.list(e, largeOrg, { limit: 50, sort: 'role' })],
      ['Members, most recently active first, page 1 (same org)', (e) => membershipsRepository.list(e, largeOrg, { limit: 50, sort: 'last_active', descending: true })],
    ];
    const plans: Plan[] = [];
    for (const [title, run] of statements) {
      const plan = await explainAnalyze(client, title, run);
      // any table read whole, the activity tables included (scale.ts looks at its own tables only)
      plan.seqScans = plan.plan.filter((l) => /Seq Scan on /.test(l)).map((l) => l.trim());
      plans.push(plan);
      log(`${title}: ${fmt(plan.executionMs, 2)} ms${plan.seqScans.length ? ` SEQ SCAN ${plan.seqScans.join('; ')}` : ''}`);
    }
    // the whole overview as the service runs it: the first call after the closed periods' counts are
    // cleared (it counts and keeps 28 days and 11 months), then warm calls
    const admin = new AdminService({ db: handle.db, reader: handle.db, twoFactor: undefined as never, memberships: undefined as never, roles: undefined as never });
    await client.query('delete from activity_counts');
    let t0 = performance.now();
    await admin.overview(30);
    const first = performance.now() - t0;
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      t0 = performance.now();
      await admin.overview(30);
      runs.push(performance.now() - t0);
    }
    const md = [
      '## Superuser overview and member orders at 1M users',
      '',
      'Run with `node packages/bench/dist/overview.js --database-url …/bench_scale` on the scale seed (see `overview.ts` for the activity it adds once).',
      '',
      ...machineLines().map((l) => `- ${l}`),
      `- Rows: ${Object.entries(counts).map(([k, v]) => `${k} ${fmt(Number(v))}`).join(', ')}`,
      `- The whole overview (AdminService.overview(30), what GET /admin/overview?days=30 runs, in process): first call ${fmt(first, 1)} ms (counts and keeps the closed days and months), then median ${fmt(median(runs), 1)} ms, slowest ${fmt(Math.max(...runs), 1)} ms of ${runs.length}`,
      '',
      table(['Statement', 'EXPLAIN ANALYZE ms', 'plan'], plans.map((p) => [p.title, fmt(p.executionMs, 2), p.seqScans.length ? `**${p.seqScans.map((l) => l.replace(/\s*\(.*$/, '').replace(/^->\s*/, '')).join(', ')}**` : 'index only']), 1),
      '',
      'Notes. A Seq Scan of `user_activity_months` for this month is the planner\'s choice here because this data set holds three months of activity, a third of the table in the current one; with a year of activity the same statement reads its index range. Everything counted on every call is bounded by the open periods (yesterday and today, this month) and the number of users with two-factor on; closed days and months are counted once and kept in `activity_counts`. The numbers were taken on the 2-core bench machine shared with other work.',
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
