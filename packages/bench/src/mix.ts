// BENCH_ONLY=mix: a weighted request mix (mix-load.ts: 80% /auth/me and flag evaluation, 10% member
// and audit lists, 5% refresh with each virtual user's own latest token, 5% PATCH /orgs/{id})
// against the server in processes of its own (serve.ts: 1 process, then `--workers 2`), on a fresh
// PostgreSQL database, stepping the number of virtual users to find where throughput stops rising.
// BENCH_SOAK_SECONDS > 0 adds a soak: the mix at a moderate paced rate, sampling the server
// processes' RSS every 10 s, with a least-squares slope.
//
// Knobs: BENCH_MIX_STEPS (8,16,32), BENCH_MIX_SECONDS (10), BENCH_MIX_WORKERS (1,2),
// BENCH_SOAK_SECONDS (0 = off), BENCH_SOAK_RPS (half the best step's req/s), BENCH_SOAK_WORKERS (2), BENCH_SOAK_VUS (16).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { newId } from '@saasready/server/internal/lib/ids.js';
import * as flagsRepository from '@saasready/server/internal/modules/feature-flags/repository.js';
import { seedAuditLogs, seedMembers } from './fixtures.js';
import { ForkedWorker, type LoadGenerator } from './load-client.js';
import { KIND_LABEL, MIX, type Kind, type MixJob, type MixResult, type VirtualUser } from './mix-load.js';
import { fmt, table } from './report.js';
import { machineLines } from './scale.js';
import { call, createDatabase, type BenchDatabase } from './targets.js';

const log = (message: string) => process.stderr.write(`[bench:mix] ${message}\n`);
const list = (name: string, fallback: number[]) => (process.env[name] ? process.env[name]!.split(',').map((s) => Number(s.trim())) : fallback);
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

const FLAG_KEYS = ['mix-alpha', 'mix-beta', 'mix-gamma', 'mix-delta', 'mix-epsilon'];
const KINDS = Object.keys(MIX) as Kind[];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

interface Server {
  baseUrl: string;
  pid: number;
  /** the primary and its workers */
  pids(): number[];
  stop(): Promise<void>;
}

async function startServerProcesses(databaseUrl: string, masterKey: string, workers: number): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [fileURLToPath(new URL('./serve.js', import.meta.url))], {
    env: {
      ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, MASTER_KEY: masterKey, PORT: String(port), HOST: '127.0.0.1',
      LOG_LEVEL: 'warn', ACCESS_TOKEN_TTL: '2h', DATA_DIR: 'memory://',
      // the issuer (PUBLIC_URL, by default http://localhost:PORT) must not change when the server restarts
      // on another port, or the tokens the virtual users hold would all be refused until their next refresh
      PUBLIC_URL: 'http://saasready-bench.localhost', BENCH_SERVE_WORKERS: String(workers), REDIS_URL: process.env.BENCH_REDIS_URL ?? '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('the server did not come up in 30 s');
    await sleep(200);
  }
  // with workers, wait until every one of them answers (they all listen on the one port)
  const pid = child.pid!;
  const pids = () => [pid, ...childrenOf(pid)];
  while (workers > 1 && childrenOf(pid).length < workers && Date.now() < deadline) await sleep(200);
  await sleep(workers > 1 ? 1500 : 200);
  return {
    baseUrl, pid, pids,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return out;
}

const rssMiB = (pid: number): number => {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
};

/** least-squares slope of y over x */
export function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den ? num / den : NaN;
}

/** `count` users registered through the API, each Owner of their own organization, with its members, audit rows and the flags */
async function prepare(db: BenchDatabase, baseUrl: string, count: number): Promise<VirtualUser[]> {
  const tag = randomBytes(4).toString('hex');
  const vus: VirtualUser[] = [];
  for (let i = 0; i < count; i++) {
    const r = await call(baseUrl, 'POST', '/api/v1/auth/register', { email: `mix-${tag}-${i}@example.com`, password: `Mix-${randomBytes(9).toString('base64url')}`, full_name: `Mix User ${i}` });
    const me = await call(baseUrl, 'GET', '/api/v1/auth/me', undefined, r.access_token);
    const orgId = me.current_organization.id as string;
    if (!r.refresh_token) throw new Error('register gave no refresh token');
    vus.push({ orgId, accessToken: r.access_token, refreshToken: r.refresh_token });
    await seedMembers(db, orgId, 200);
    await seedAuditLogs(db, orgId, 2000);
  }
  for (const [i, key] of FLAG_KEYS.entries()) {
    await flagsRepository.insertFlag(db.handle.db, {
      id: newId(), key, name: `Mix ${key}`, description: null, default_enabled: i % 2 === 0, rollout_percent: i === 1 ? 30 : null, rollout_unit: 'organization',
    } as Parameters<typeof flagsRepository.insertFlag>[1]);
  }
  return vus;
}

interface StepRow {
  workers: number;
  vus: number;
  result: MixResult;
}

export async function runMix(_load: LoadGenerator, postgresUrl: string): Promise<string> {
  const steps = list('BENCH_MIX_STEPS', [8, 16, 32]);
  const workerSets = list('BENCH_MIX_WORKERS', [1, 2]);
  const seconds = num('BENCH_MIX_SECONDS', 10);
  const soakSeconds = num('BENCH_SOAK_SECONDS', 0);
  const maxVus = Math.max(...steps, soakSeconds ? num('BENCH_SOAK_VUS', 16) : 0);
  const masterKey = randomBytes(32).toString('base64url');
  const db = await createDatabase('postgres', postgresUrl);
  const client = new ForkedWorker<MixJob, MixResult>('./mix-load.js');
  let server: Server | null = null;
  const rows: StepRow[] = [];
  const soakLines: string[] = [];
  try {
    const url = new URL(postgresUrl);
    url.pathname = `/${db.description.match(/fresh database ([a-z0-9_]+)/)![1]}`;
    const databaseUrl = url.toString();
    server = await startServerProcesses(databaseUrl, masterKey, 1);
    log(`preparing ${maxVus} users with their organizations (200 members, 2,000 audit rows each) and ${FLAG_KEYS.length} flags`);
    let vus = await prepare(db, server.baseUrl, maxVus);
    const ping = await call(server.baseUrl, 'GET', `/api/v1/orgs/${vus[0]!.orgId}/feature-flags/evaluate?keys=${FLAG_KEYS.join(',')}`, undefined, vus[0]!.accessToken);
    log(`flags answer ${JSON.stringify(ping.flags ?? ping)}`);
    const run = async (workers: number, count: number, secs: number, intervalMs?: number) => {
      const result = await client.run({ baseUrl: server!.baseUrl, vus: vus.slice(0, count), seconds: secs, flagKeys: FLAG_KEYS, intervalMs });
      vus = [...result.vus, ...vus.slice(count)];
      return result;
    };
    for (const workers of workerSets) {
      if (workers !== 1 || server.pids().length !== 1) {
        await server.stop();
        server = await startServerProcesses(databaseUrl, masterKey, workers);
      }
      log(`${workers} process(es): pids ${server.pids().join(', ')}`);
      await run(workers, Math.min(8, maxVus), 3); // warm-up
      for (const count of steps) {
        const result = await run(workers, count, seconds);
        rows.push({ workers, vus: count, result });
        const errs = KINDS.reduce((a, k) => a + result.kinds[k].errors + result.kinds[k].non2xx, 0);
        log(`${workers}w ${count} VUs: ${fmt(result.rps)} req/s, reads p50 ${fmt(result.reads.p50, 1)} p99 ${fmt(result.reads.p99, 1)} ms, errors+non-2xx ${errs} ` +
          KINDS.map((k) => `${k} ${fmt(result.kinds[k].p99, 1)}${result.kinds[k].non2xx ? ` ${JSON.stringify(result.kinds[k].statuses)} first: ${result.kinds[k].sample}` : ''}`).join(' '));
      }
    }
    if (soakSeconds > 0) {
      const workers = num('BENCH_SOAK_WORKERS', 2);
      // moderate: half the best throughput the steps above reached, unless BENCH_SOAK_RPS says otherwise
      const best = Math.max(0, ...rows.map((r) => r.result.rps));
      const rps = num('BENCH_SOAK_RPS', 0) || Math.max(50, Math.round(best / 2 / 10) * 10);
      const count = num('BENCH_SOAK_VUS', 16);
      await server.stop();
      server = await startServerProcesses(databaseUrl, masterKey, workers);
      const pids = server.pids();
      log(`soak: ${soakSeconds} s at ${rps} req/s paced over ${count} virtual users, ${workers} process(es) (pids ${pids.join(', ')}), RSS every 10 s`);
      const samples: { t: number; rss: number[] }[] = [];
      const t0 = performance.now();
      const sample = () => samples.push({ t: (performance.now() - t0) / 1000, rss: pids.map(rssMiB) });
      sample();
      const timer = setInterval(sample, 10_000);
      const result = await run(workers, count, soakSeconds, (count / rps) * 1000);
      clearInterval(timer);
      sample();
      const totals = samples.map((s) => s.rss.reduce((a, b) => a + b, 0));
      // the slope after the first minute (start-up and JIT warm-up excluded), and over the whole run
      const late = samples.map((s, i) => [s.t, totals[i]!] as const).filter(([t]) => t >= 60);
      const errs = KINDS.reduce((a, k) => a + result.kinds[k].errors + result.kinds[k].non2xx, 0);
      soakLines.push(
        `### Soak: ${fmt(soakSeconds)} s at ${fmt(rps)} req/s (paced, ${count} virtual users), ${workers} server process${workers > 1 ? 'es' : ''}`,
        '',
        `Achieved ${fmt(result.rps)} req/s, ${fmt(result.total)} requests, errors + non-2xx ${errs}; reads p50 ${fmt(result.reads.p50, 1)} ms, p99 ${fmt(result.reads.p99, 1)} ms.`,
        `RSS sampled from /proc/<pid>/status (VmRSS) of the primary and its workers every 10 s.`,
        '',
        table(['t (s)', ...pids.map((p, i) => (workers > 1 && i === 0 ? `primary ${p} MiB` : `pid ${p} MiB`)), 'total MiB'],
          samples.map((s, i) => [fmt(s.t), ...s.rss.map((r) => fmt(r, 1)), fmt(totals[i]!, 1)]), 1),
        '',
        `Least-squares slope of the total: ${fmt(slope(samples.map((s) => s.t), totals) * 60, 2)} MiB/min over the whole run` +
          (late.length >= 3 ? `, ${fmt(slope(late.map(([t]) => t), late.map(([, r]) => r)) * 60, 2)} MiB/min after the first minute` : '') + '.',
        '',
      );
      log(soakLines.join('\n'));
    }
  } finally {
    client.stop();
    await server?.stop().catch(() => {});
    await db.drop().catch((err: unknown) => log(`could not drop the mix database: ${String(err)}`));
  }

  // where throughput stops rising: the first step whose successor adds less than 5%
  const md: string[] = [
    '## Realistic load mix',
    '',
    'Run with `BENCH_ONLY=mix npm run bench`. Each virtual user is one keep-alive connection doing one request at a time,',
    `in a fixed weighted order per 20 requests: ${KINDS.map((k) => `${MIX[k]}× ${KIND_LABEL[k]}`).join(', ')}. Every user owns`,
    'their organization (200 seeded members, 2,000 seeded audit rows, 5 global flags), refreshes with its own latest refresh',
    'token (single use) and then uses the new access token. The server runs in processes of its own (`bench/serve.js`:',
    "`startServer`, or cluster.ts's `startCluster` for 2 workers; rate limits off), the load generator in another.",
    '',
    ...machineLines().map((l) => `- ${l}`),
    `- ${seconds} s per step; latencies in ms, measured by the client (includes its own queueing on the shared 2 cores)`,
    '',
  ];
  for (const workers of workerSets) {
    const mine = rows.filter((r) => r.workers === workers);
    if (!mine.length) continue;
    let saturation = mine[mine.length - 1]!;
    for (let i = 0; i < mine.length - 1; i++) {
      if (mine[i + 1]!.result.rps < mine[i]!.result.rps * 1.05) {
        saturation = mine[i]!;
        break;
      }
    }
    md.push(`### ${workers} server process${workers > 1 ? 'es' : ''}`, '');
    md.push(table(['VUs', 'req/s', 'reads p50', 'reads p99', ...KINDS.map((k) => `${k} p50 / p99`), 'errors + non-2xx'],
      mine.map(({ vus, result }) => [String(vus), fmt(result.rps), fmt(result.reads.p50, 1), fmt(result.reads.p99, 1),
        ...KINDS.map((k) => `${fmt(result.kinds[k].p50, 1)} / ${fmt(result.kinds[k].p99, 1)}`),
        String(KINDS.reduce((a, k) => a + result.kinds[k].errors + result.kinds[k].non2xx, 0))]), 1));
    const readP99 = saturation.result.reads.p99;
    md.push('', `Throughput stops rising at **${saturation.vus} virtual users** (${fmt(saturation.result.rps)} req/s; the next step adds < 5%, or it is the last step). ` +
      `Read p99 there: ${fmt(readP99, 1)} ms — ${readP99 < 50 ? 'under the 50 ms target' : '**over the 50 ms target**'}.`, '');
    const counts = mine.map((r) => `${r.vus} VUs: ${KINDS.map((k) => `${k} ${r.result.kinds[k].count}`).join(', ')}`);
    md.push(`<details><summary>requests per kind</summary>\n\n${counts.map((c) => `- ${c}`).join('\n')}\n\n</details>`, '');
  }
  const one = rows.filter((r) => r.workers === 1);
  const two = rows.filter((r) => r.workers === 2);
  if (one.length && two.length) {
    const best = (rs: StepRow[]) => Math.max(...rs.map((r) => r.result.rps));
    md.push(`Best throughput, 2 processes ÷ 1 process (same run): ${fmt(best(two) / best(one), 2)}×.`, '');
  }
  md.push(...soakLines);
  return md.join('\n');
}
