// `npm run bench`: autocannon against the real app, in-process, on PGlite and on PostgreSQL, next to
// a bare-Fastify "ceiling" measured in the same run. Prints a Markdown table (medians over rounds)
// and writes it, with the machine's description, to docs/benchmarks.md. Not part of `npm test`.
//
// Knobs: BENCH_DB=pglite|postgres|both, BENCH_ROUNDS (3), BENCH_DURATION (seconds, 6),
// BENCH_WARMUP (seconds, 2), BENCH_CONNECTIONS (20), BENCH_LOGIN_CONNECTIONS (8),
// BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test: a fresh database is created next to it).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { PasswordHasher } from '../lib/passwords.js';
import type { LoadJob, LoadResult } from './load.js';
import { LoadGenerator, cpuMeter, otherShare } from './load-client.js';
import { fmt, markdownTable, median, perRoundTable, summarize, type ScenarioRounds, type Summary } from './report.js';
import {
  benchConfig, createDatabase, fetchJwks, registerUsers, seedRefreshTokens, startApp, startCeiling,
  type BenchDatabase, type BenchUser, type DbKind, type Target,
} from './targets.js';

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

const DURATION = envNumber('BENCH_DURATION', 6);
const ROUNDS = Math.round(envNumber('BENCH_ROUNDS', 3));
const WARMUP = envNumber('BENCH_WARMUP', 2);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 20));
const LOGIN_CONNECTIONS = Math.round(envNumber('BENCH_LOGIN_CONNECTIONS', 8));
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const DB_CHOICE = process.env.BENCH_DB ?? 'both';
if (!['pglite', 'postgres', 'both'].includes(DB_CHOICE)) throw new Error(`BENCH_DB must be pglite, postgres or both, got "${DB_CHOICE}"`);
const KINDS: DbKind[] = DB_CHOICE === 'both' ? ['pglite', 'postgres'] : [DB_CHOICE as DbKind];
const USERS = 8;
const CORES = availableParallelism();
const DOC = fileURLToPath(new URL('../../../../docs/benchmarks.md', import.meta.url));
/** hand-written notes below this line in docs/benchmarks.md survive a re-run */
const KEEP_MARKER = '<!-- bench: everything below this line is kept when the bench rewrites this file -->';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** set by Ctrl-C or SIGTERM: the current scenario ends, then the databases are dropped */
let aborted = false;
const checkAborted = () => {
  if (aborted) throw new Error('interrupted');
};

// ---- scenarios ----------------------------------------------------------------------------------

interface Env {
  db: BenchDatabase;
  app: Target;
  ceiling: Target;
  users: BenchUser[];
  refreshTtl: number;
  /** refresh tokens needed per second of load, learned as we go */
  refreshRate: number;
}

interface Scenario {
  name: string;
  connections: number;
  isCeiling?: boolean;
  job(env: Env, seconds: number): Promise<{ job: Omit<LoadJob, 'id'>; notes?: string[] }>;
  after?(env: Env, result: LoadResult): void;
}

const json = { 'content-type': 'application/json' };

const SCENARIOS: Scenario[] = [
  {
    name: 'CEILING: bare Fastify + jose ES256 verify + PK select',
    connections: CONNECTIONS,
    isCeiling: true,
    job: async (env, seconds) => ({
      job: { url: `${env.ceiling.baseUrl}/ceiling`, method: 'GET', headers: { authorization: `Bearer ${env.users[0]!.accessToken}` }, connections: CONNECTIONS, duration: seconds },
    }),
  },
  {
    name: 'GET /api/v1/auth/me',
    connections: CONNECTIONS,
    job: async (env, seconds) => ({
      job: { url: `${env.app.baseUrl}/api/v1/auth/me`, method: 'GET', headers: { authorization: `Bearer ${env.users[0]!.accessToken}` }, connections: CONNECTIONS, duration: seconds },
    }),
  },
  {
    name: 'POST /api/v1/auth/refresh',
    connections: CONNECTIONS,
    job: async (env, seconds) => {
      // every request presents a refresh token never used before: a reused one would end its session
      const count = Math.ceil(Math.max(env.refreshRate, 200) * seconds * 1.8) + CONNECTIONS * 2;
      const started = Date.now();
      const tokens = await seedRefreshTokens(env.db, env.users, count, env.refreshTtl);
      log(`  seeded ${count} sessions with fresh refresh tokens in ${Date.now() - started} ms`);
      return {
        job: {
          url: `${env.app.baseUrl}/api/v1/auth/refresh`,
          method: 'POST',
          headers: json,
          bodies: tokens.map((t) => JSON.stringify({ refresh_token: t })),
          once: true,
          // a token that never existed: 401, without ending any session
          exhaustedBody: JSON.stringify({ refresh_token: `bench-exhausted-${randomBytes(16).toString('base64url')}` }),
          connections: CONNECTIONS,
          duration: seconds,
        },
      };
    },
    after(env, result) {
      env.refreshRate = Math.max(env.refreshRate, result.rps * 1.2, result.exhausted ? (result.used / result.duration) * 2 : 0);
    },
  },
  {
    name: 'POST /api/v1/auth/login',
    connections: LOGIN_CONNECTIONS,
    job: async (env, seconds) => ({
      job: {
        url: `${env.app.baseUrl}/api/v1/auth/login`,
        method: 'POST',
        headers: json,
        bodies: env.users.map((u) => JSON.stringify({ email: u.email, password: u.password })),
        connections: LOGIN_CONNECTIONS,
        duration: seconds,
      },
    }),
  },
  {
    name: 'GET /healthz (reference)',
    connections: CONNECTIONS,
    job: async (env, seconds) => ({
      job: { url: `${env.app.baseUrl}/healthz`, method: 'GET', headers: {}, connections: CONNECTIONS, duration: seconds },
    }),
  },
];

function describe(result: LoadResult): string {
  const statuses = Object.entries(result.statuses).map(([code, n]) => `${code}×${n}`).join(' ');
  return `${fmt(result.rps)} req/s, p50 ${fmt(result.p50, 1)} ms, p99 ${fmt(result.p99, 1)} ms, errors ${result.errors}, non-2xx ${result.non2xx} [${statuses}]${result.exhausted ? ' TOKENS EXHAUSTED' : ''}`;
}

async function benchDatabase(kind: DbKind, load: LoadGenerator): Promise<{ rows: ScenarioRounds[]; description: string; version: string; others: number[] }> {
  log(`${kind}: creating a fresh database`);
  const db = await createDatabase(kind, POSTGRES_URL);
  const targets: Target[] = [];
  try {
    const config = benchConfig();
    const app = await startApp(config, db);
    targets.push(app);
    log(`${kind}: registering ${USERS} users`);
    const users = await registerUsers(app.baseUrl, USERS);
    const ceiling = await startCeiling(db, await fetchJwks(app.baseUrl), { issuer: config.issuer, audience: config.audience });
    targets.push(ceiling);
    const env: Env = { db, app, ceiling, users, refreshTtl: config.refreshTokenTtl, refreshRate: 1000 };

    const rows: ScenarioRounds[] = SCENARIOS.map((s) => ({
      db: kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
      scenario: s.name,
      isCeiling: !!s.isCeiling,
      connections: s.connections,
      rounds: [],
      ratios: [],
      notes: [],
    }));

    log(`${kind}: warm-up, ${WARMUP} s per scenario`);
    for (const scenario of SCENARIOS) {
      checkAborted();
      const { job } = await scenario.job(env, WARMUP);
      const result = await load.run(job);
      scenario.after?.(env, result);
      log(`  warm-up ${scenario.name}: ${describe(result)}`);
    }

    const others: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // the ceiling and /auth/me swap places every other round, so drift does not favour either
      const order = round % 2 === 1 ? SCENARIOS : [SCENARIOS[1]!, SCENARIOS[0]!, ...SCENARIOS.slice(2)];
      const byName = new Map<string, LoadResult>();
      for (const scenario of order) {
        checkAborted();
        const { job } = await scenario.job(env, DURATION);
        const stop = cpuMeter(load.pid);
        const result = await load.run(job);
        others.push(otherShare(stop(), result.duration));
        scenario.after?.(env, result);
        byName.set(scenario.name, result);
        log(`${kind} round ${round}/${ROUNDS} ${scenario.name}: ${describe(result)}`);
      }
      const ceilingRps = byName.get(SCENARIOS[0]!.name)!.rps;
      SCENARIOS.forEach((scenario, i) => {
        const result = byName.get(scenario.name)!;
        const row = rows[i]!;
        row.rounds.push(result);
        row.ratios.push(result.rps / ceilingRps);
        if (result.exhausted) row.notes.push(`round ${round}: refresh tokens ran out (${result.used} used); the rest were 401s`);
        if (result.non2xx > 0) row.notes.push(`round ${round}: statuses ${JSON.stringify(result.statuses)}`);
      });
    }
    return { rows, description: db.description, version: db.version, others };
  } finally {
    await sleep(500); // requests in flight when autocannon stopped finish before the pool closes
    for (const target of targets.reverse()) await target.close().catch((err: unknown) => log(`close failed: ${String(err)}`));
    await db.drop().catch((err: unknown) => log(`could not drop the ${kind} bench database: ${String(err)}`));
  }
}

interface Argon {
  /** ms for one hash / one verify, one at a time (median of 5) */
  hashMs: number;
  verifyMs: number;
  /** cores ÷ hash time, per second */
  bound: number;
  /** verifies per second measured with LOGIN_CONNECTIONS of them in flight at once (libuv's pool runs 4) */
  parallel: number;
}

/** Times the app's own PasswordHasher: the theoretical login ceiling is cores ÷ hash time. */
async function timeArgon2(): Promise<Argon> {
  const config = benchConfig();
  const hasher = new PasswordHasher(config.argon2);
  const password = `Bench-${randomBytes(9).toString('base64url')}`;
  const stored = await hasher.hash(password); // also warms up
  const hashTimes: number[] = [];
  const verifyTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    await hasher.hash(password);
    hashTimes.push(performance.now() - t);
    t = performance.now();
    await hasher.verify(stored, password);
    verifyTimes.push(performance.now() - t);
  }
  let done = 0;
  const started = performance.now();
  const end = started + 2_000;
  await Promise.all(
    Array.from({ length: LOGIN_CONNECTIONS }, async () => {
      while (performance.now() < end) {
        await hasher.verify(stored, password);
        done++;
      }
    }),
  );
  const parallel = done / ((performance.now() - started) / 1000);
  const hashMs = median(hashTimes);
  return { hashMs, verifyMs: median(verifyTimes), bound: CORES / (hashMs / 1000), parallel };
}

function renderDoc(summaries: Summary[], info: string[], argon: Argon, extraNotes: string[], kept: string): string {
  const loginRows = summaries.filter((s) => s.scenario.includes('/auth/login'));
  const meRows = summaries.filter((s) => s.scenario.includes('/auth/me'));
  return `# Benchmarks

Measured by \`npm run bench\` (autocannon; not part of \`npm test\`). Every number below is a median over
${ROUNDS} rounds of ${DURATION} s per scenario; each ratio compares a scenario with the ceiling
measured against the same database in the same round.

## Machine

${info.map((l) => `- ${l}`).join('\n')}

## Results

${markdownTable(summaries)}

argon2id (the app's PasswordHasher, ${benchConfig().argon2.memoryCost} KiB, t=${benchConfig().argon2.timeCost}, p=${benchConfig().argon2.parallelism}):
${fmt(argon.hashMs, 1)} ms a hash, ${fmt(argon.verifyMs, 1)} ms a verify (median of 5, one at a time), so login's
theoretical ceiling is ${CORES} cores ÷ ${fmt(argon.hashMs, 1)} ms ≈ **${fmt(argon.bound)} logins/s**. Measured with
${LOGIN_CONNECTIONS} verifies in flight at once (no HTTP, no database): ${fmt(argon.parallel)} verifies/s.
${loginRows.map((r) => `Login on ${r.db}: ${fmt(r.rps)} req/s = ${fmt((r.rps / argon.bound) * 100)}% of the theoretical bound, ${fmt((r.rps / argon.parallel) * 100)}% of the measured argon2 throughput.`).join('\n')}
${meRows.map((r) => `/auth/me on ${r.db}: ${fmt((r.ratio ?? 0) * 100)}% of the ceiling${r.db === 'PostgreSQL' ? ` (target ≥ 70%: ${(r.ratio ?? 0) >= 0.7 ? 'met' : 'NOT met'})` : ''}.`).join('\n')}
${extraNotes.length ? `\nNotes from the run:\n\n${extraNotes.map((n) => `- ${n}`).join('\n')}\n` : ''}
Req/s per round:

${perRoundTable(summaries)}

## How to run

\`\`\`sh
npx tsc -b && npm run bench                    # PGlite and PostgreSQL, 3 rounds of 6 s
BENCH_DB=pglite npm run bench                  # or postgres
BENCH_ROUNDS=5 BENCH_DURATION=8 npm run bench  # longer, steadier
BENCH_DATABASE_URL=postgres://user@host:5432/db npm run bench
node packages/server/dist/bench/breakdown.js   # where /auth/me's time goes, step by step (BENCH_DB=postgres by default)
\`\`\`

Other knobs: \`BENCH_WARMUP\` (s, default 2), \`BENCH_CONNECTIONS\` (default 20),
\`BENCH_LOGIN_CONNECTIONS\` (default 8). For PostgreSQL the bench creates a database
\`saasready_bench_<pid>\` beside the one in \`BENCH_DATABASE_URL\`, migrates it and drops it at the end;
PGlite runs in a temporary DATA_DIR that is removed afterwards. The whole run takes about
${Math.ceil((KINDS.length * (SCENARIOS.length * (WARMUP + ROUNDS * DURATION) + 20)) / 60)} minutes with the defaults and rewrites this file
(text below the marker at the end is kept).

What runs: the real app from \`buildApp(config)\` in the bench's process, listening on 127.0.0.1:0,
with \`NODE_ENV=production\`, a random \`MASTER_KEY\`, \`LOG_LEVEL=warn\` and — for the bench only —
\`rateLimit.enabled = false\`, since every request comes from one IP. autocannon runs in a child
process. Scenarios:

- **CEILING** — a bare Fastify 5 server (no plugins) with one route that verifies the same ES256
  access token with \`jose\` (\`jwtVerify\`, public key imported once, algorithm pinned) and runs one
  primary-key select (\`select … from sessions where id = $1\`) on the same database handle.
- **GET /auth/me** — one access token (so \`last_used_at\` is touched at most once a minute).
- **POST /auth/refresh** — every request presents a refresh token never used before: before each
  run the bench writes that many fresh sessions, each with one refresh token, straight into the
  database (as \`startSession\` would, but in bulk — logging in that often would cost an argon2 verify
  each), and hands each token out once. A reused token would end its session, so errors and
  non-2xx must stay 0.
- **POST /auth/login** — ${USERS} registered users in turn, ${LOGIN_CONNECTIONS} connections.
- **GET /healthz** — the app's cheapest route, for reference: what the plugin stack alone costs.

## Reading the numbers

- The machine has ${CORES} cores shared by the server, the load generator and (for PostgreSQL) the
  database, and other work may be running: absolute req/s move from run to run. The ratio to the
  ceiling, measured in the same round on the same database, is the number to compare over time.
- Target from the spec: **\`/auth/me\` ≥ 70% of the ceiling on PostgreSQL**. The ceiling does the two
  things every authenticated request must do (verify the token, look up its session); everything
  above that — the plugin hooks (request id, helmet, CORS, metrics, authentication), the user join,
  the memberships query, schema serialisation — is what the ratio measures.
- **Login is bounded by argon2id**, not by the server: at best ≈ cores ÷ hash time (a verify costs the same). A login
  throughput near that bound is the expected result; latency grows with connections because hashes
  queue on libuv's thread pool.
- Refresh is a write path (a rotation in a transaction, a new refresh token, a signature), so it is
  expected well below the read-only ceiling; on PGlite every query runs one at a time in the
  server's own thread.
- p50/p99 include queueing at the given connection count, in whole milliseconds (autocannon's
  resolution: 0.0 means under 1 ms); errors are connection errors and timeouts, non-2xx any other
  status — both should be 0.
- The "other processes" lines under Machine say how much CPU something else on the machine took
  during the measured runs; when it is high, trust the ratios more than the absolute numbers.

${KEEP_MARKER}
${kept}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`rounds ${ROUNDS} × ${DURATION} s, warm-up ${WARMUP} s, databases: ${KINDS.join(', ')}, cores ${CORES}`);
  const argon = await timeArgon2();
  log(`argon2id: ${fmt(argon.hashMs, 1)} ms a hash, ${fmt(argon.verifyMs, 1)} ms a verify → login ceiling ≈ ${CORES} ÷ ${fmt(argon.hashMs, 1)} ms ≈ ${fmt(argon.bound)}/s; ${fmt(argon.parallel)} verifies/s measured ${LOGIN_CONNECTIONS} at a time`);

  const load = new LoadGenerator();
  const all: ScenarioRounds[] = [];
  const dbInfo: string[] = [];
  /** CPU used by processes other than the bench, the load generator and PostgreSQL, while measuring */
  const foreign: string[] = [];
  let failed: unknown = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping after this scenario, then dropping the bench database`);
      aborted = true;
    });
  }
  try {
    for (const kind of KINDS) {
      const { rows, description, version, others } = await benchDatabase(kind, load);
      all.push(...rows);
      dbInfo.push(`${description}: ${version.split(',')[0]}`);
      if (others.length) {
        foreign.push(`${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} runs: other processes used a median ${fmt(median(others) * 100)}% (max ${fmt(Math.max(...others) * 100)}%) of the machine's CPU`);
      }
    }
  } catch (err) {
    failed = err;
  } finally {
    load.stop();
  }
  if (failed) throw failed;

  const summaries = all.map(summarize);
  const table = markdownTable(summaries);
  const notes = summaries.flatMap((s) => s.notes.map((n) => `${s.db} ${s.scenario}: ${n}`));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const info = [
    `Node ${process.version} on ${process.platform}/${process.arch}`,
    `${CORES} cores (${cpu}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM`,
    `Date: ${new Date().toISOString()}`,
    `Rounds: ${ROUNDS} × ${DURATION} s per scenario (after a ${WARMUP} s warm-up each); connections ${CONNECTIONS}, login ${LOGIN_CONNECTIONS}`,
    ...dbInfo,
    ...foreign,
    `Whole run: ${fmt((Date.now() - started) / 1000)} s`,
  ];

  process.stdout.write(`\n${table}\n\n`);
  process.stdout.write(
    `argon2id: ${fmt(argon.hashMs, 1)} ms/hash, ${fmt(argon.verifyMs, 1)} ms/verify → theoretical login ceiling ${CORES} cores ÷ ${fmt(argon.hashMs, 1)} ms ≈ ${fmt(argon.bound)}/s (measured ${fmt(argon.parallel)} verifies/s, ${LOGIN_CONNECTIONS} in flight)\n`,
  );
  for (const line of foreign) process.stdout.write(`${line}\n`);
  for (const note of notes) process.stdout.write(`note: ${note}\n`);

  const previous = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const markerAt = previous.indexOf(KEEP_MARKER);
  const kept = markerAt >= 0 ? previous.slice(markerAt + KEEP_MARKER.length).replace(/^\n/, '') : '';
  mkdirSync(dirname(DOC), { recursive: true });
  writeFileSync(DOC, renderDoc(summaries, info, argon, notes, kept));
  process.stdout.write(`\nwritten to ${DOC}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
