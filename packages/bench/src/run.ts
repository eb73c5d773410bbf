// `npm run bench`: autocannon against the real app, in-process, on PGlite and on PostgreSQL, next to
// a bare-Fastify "ceiling" measured in the same run. Prints Markdown tables (medians over rounds)
// and writes them, with the machine's description, to docs/benchmarks.md. Not part of `npm test`.
//
// Knobs: BENCH_DB=pglite|postgres|both, BENCH_ROUNDS (3), BENCH_DURATION (seconds, 5),
// BENCH_WARMUP (seconds, 2), BENCH_CONNECTIONS (20), BENCH_LOGIN_CONNECTIONS (8),
// BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test: a fresh database is created next to it),
// BENCH_ONLY (comma list of scenario keys or groups; a subset run does not rewrite the doc),
// BENCH_MEMBERS (10000), BENCH_AUDIT_ROWS_PG (1000000), BENCH_AUDIT_ROWS_PGLITE (100000),
// BENCH_MICRO_SECONDS (2: each round of the in-process flag and verify loops), BENCH_VERIFY_CONCURRENCY (8).
// BENCH_ONLY=scale (scale.ts: pages against the persistent 1M-user data set of seed-scale.ts) and
// BENCH_ONLY=mix (mix.ts: a weighted request mix against 1 and 2 server processes, optional soak)
// and BENCH_ONLY=webhooks (webhooks.ts: events produced, delivered, and the latency a subscribed write adds)
// and BENCH_ONLY=scim (scim.ts: SCIM look-ups, pages and an Okta-style resync against a 50k-user directory)
// are runs of their own: each rewrites only its own block of docs/benchmarks.md (BENCH_NO_DOC=1: neither).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PasswordHasher } from '@saasready/server/internal/lib/passwords.js';
import {
  EVAL_KEYS, FLAG_COUNT, prepareFlags, startProjectsApi, summarizeMicro, timeFlagEvaluation, timeVerification,
  type FlagsFixture, type MicroResult, type MicroSummary,
} from './flags-sdk.js';
import {
  auditCursor, explainListQueries, getPage, memberCursorBeforePage, seedAuditLogs, seedMembers, walkMemberPages, type Explained,
} from './fixtures.js';
import type { LoadJob, LoadResult } from './load.js';
import { LoadGenerator, cpuMeter, otherShare } from './load-client.js';
import {
  cpuCell, fmt, markdownTable, median, pct, perRoundTable, statementsCell, summarize, table, type ScenarioRounds, type Summary,
} from './report.js';
import { runMix } from './mix.js';
import { runWebhooks } from './webhooks.js';
import { runScim } from './scim.js';
import { startBetterAuth, type BetterAuthPeer } from './peer-better-auth.js';
import { countStatements, statementMeter } from './statements.js';
import { startWriteCeilings, type WriteCeilings } from './write-ceilings.js';
import { DOC, runScale, writeDocBlock } from './scale.js';
import {
  benchConfig, call, createDatabase, fetchJwks, registerUsers, seedRefreshTokens, startApp, startCeiling,
  type BenchDatabase, type BenchUser, type DbKind, type Target,
} from './targets.js';

function envNumber(name: string, fallback: number, allowZero = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !allowZero)) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

const DURATION = envNumber('BENCH_DURATION', 5);
const ROUNDS = Math.round(envNumber('BENCH_ROUNDS', 3));
/** 0: no warm-up (smoke runs) */
const WARMUP = envNumber('BENCH_WARMUP', 2, true);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 20));
const LOGIN_CONNECTIONS = Math.round(envNumber('BENCH_LOGIN_CONNECTIONS', 8));
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const DB_CHOICE = process.env.BENCH_DB ?? 'both';
if (!['pglite', 'postgres', 'both'].includes(DB_CHOICE)) throw new Error(`BENCH_DB must be pglite, postgres or both, got "${DB_CHOICE}"`);
const KINDS: DbKind[] = DB_CHOICE === 'both' ? ['pglite', 'postgres'] : [DB_CHOICE as DbKind];
const USERS = 8;
const CORES = availableParallelism();
/** members seeded into one organization, and the keyset page measured deep in the list */
const MEMBERS = Math.round(envNumber('BENCH_MEMBERS', 10_000));
const PAGE_SIZE = 50;
const MEMBERS_DEEP_PAGE = Math.min(150, Math.floor(MEMBERS / PAGE_SIZE));
/** audit rows seeded into one organization: 1M on PostgreSQL; PGlite inserts far slower, so 100k */
const AUDIT_ROWS: Record<DbKind, number> = {
  postgres: Math.round(envNumber('BENCH_AUDIT_ROWS_PG', 1_000_000)),
  pglite: Math.round(envNumber('BENCH_AUDIT_ROWS_PGLITE', 100_000)),
};
/** the deep audit page: the one below this chain position (cursor = base64url of the seq) */
const AUDIT_CURSOR_SEQ = 10_000;
const AUDIT_OFFSET = 5_000;
/** the in-process loops (flag evaluation, token verification): seconds per round, and verifies in flight */
const MICRO_SECONDS = envNumber('BENCH_MICRO_SECONDS', 2);
const VERIFY_CONCURRENCY = Math.round(envNumber('BENCH_VERIFY_CONCURRENCY', 8));
/** spec targets */
const FLAGS_TARGET = 0.8;
if (MEMBERS_DEEP_PAGE < 2) throw new Error(`BENCH_MEMBERS must be at least ${2 * PAGE_SIZE}`);
for (const kind of KINDS) {
  if (AUDIT_ROWS[kind] < AUDIT_CURSOR_SEQ + PAGE_SIZE) throw new Error(`the audit scenarios need at least ${AUDIT_CURSOR_SEQ + PAGE_SIZE} rows`);
}
/** hand-written notes below this line in docs/benchmarks.md survive a re-run */
const KEEP_MARKER = '<!-- bench: everything below this line is kept when the bench rewrites this file -->';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** set by Ctrl-C or SIGTERM: the current scenario ends, then the databases are dropped */
let aborted = false;
const checkAborted = () => {
  if (aborted) throw new Error('interrupted');
};

// ---- scenarios ----------------------------------------------------------------------------------

interface MembersFixture {
  organizationId: string;
  token: string;
  count: number;
  page: number;
  /** the cursor that asks for `page`, as the API issued it while walking the pages */
  cursor: string;
  seedMs: number;
}

interface AuditFixture {
  organizationId: string;
  token: string;
  rows: number;
  head: number;
  seedMs: number;
}

interface Env {
  db: BenchDatabase;
  app: Target;
  ceiling: Target;
  users: BenchUser[];
  refreshTtl: number;
  /** refresh tokens needed per second of load, learned as we go */
  refreshRate: number;
  /** users[0]'s own organization (they are its Owner): the guard and PATCH scenarios */
  orgId: string;
  /** users[1]'s organization with MEMBERS seeded members */
  members: MembersFixture | null;
  /** users[2]'s organization with AUDIT_ROWS seeded audit rows */
  audit: AuditFixture | null;
  /** global flags, overrides for users[0]'s organization, and users[3] as a Member of it */
  flags: FlagsFixture | null;
  /** the projects-api example, verifying SaaSReady's tokens with the SDK */
  projects: Target | null;
  /** the write references: the refresh CAS ceiling and the cached /auth/me ceiling */
  writes: WriteCeilings;
  /** Better Auth on its own database (PostgreSQL runs only, when a peer scenario is selected) */
  peer: BetterAuthPeer | null;
  /** users[6]'s organization and its Member role: what the invite scenario invites into */
  invite: { organizationId: string; roleId: string } | null;
}

interface Scenario {
  /** short name, for BENCH_ONLY */
  key: string;
  name: string;
  connections: number;
  isCeiling?: boolean;
  /** scenarios it is reported against: BENCH_ONLY brings them along */
  needs?: string[];
  /** seeded data it reads */
  fixture?: 'members' | 'audit' | 'flags' | 'sdk' | 'invite';
  /** Better Auth's scenarios: PostgreSQL only (PGlite runs skip them) */
  peer?: boolean;
  job(env: Env, seconds: number): Promise<{ job: Omit<LoadJob, 'id'>; notes?: string[] }>;
  after?(env: Env, result: LoadResult): void;
}

const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (url: string, token: string, seconds: number, connections = CONNECTIONS): { job: Omit<LoadJob, 'id'> } => ({
  job: { url, method: 'GET', headers: bearer(token), connections, duration: seconds },
});
const need = <T>(value: T | null, what: string): T => {
  if (value === null) throw new Error(`${what} was not seeded`);
  return value;
};
/** two small PATCH bodies in turn, so every request really changes the row */
/** every sign-up of the register scenario uses it (NewPassword: 10+ characters) */
const REGISTER_PASSWORD = `Bench-${randomBytes(9).toString('base64url')}`;
const PATCH_BODIES = [JSON.stringify({ description: 'Bench organization (a)' }), JSON.stringify({ description: 'Bench organization (b)' })];

const ALL_SCENARIOS: Scenario[] = [
  {
    key: 'ceiling',
    name: 'CEILING: bare Fastify + jose ES256 verify + PK select',
    connections: CONNECTIONS,
    isCeiling: true,
    job: async (env, seconds) => get(`${env.ceiling.baseUrl}/ceiling`, env.users[0]!.accessToken, seconds),
  },
  {
    key: 'me',
    name: 'GET /api/v1/auth/me',
    connections: CONNECTIONS,
    needs: ['me-ceiling'],
    job: async (env, seconds) => get(`${env.app.baseUrl}/api/v1/auth/me`, env.users[0]!.accessToken, seconds),
  },
  {
    key: 'refresh',
    name: 'POST /api/v1/auth/refresh',
    connections: CONNECTIONS,
    needs: ['refresh-ceiling'],
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
    key: 'login',
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
    key: 'healthz',
    name: 'GET /healthz (reference)',
    connections: CONNECTIONS,
    job: async (env, seconds) => ({
      job: { url: `${env.app.baseUrl}/healthz`, method: 'GET', headers: {}, connections: CONNECTIONS, duration: seconds },
    }),
  },
  {
    key: 'org-get',
    name: 'GET /api/v1/orgs/{id} (guard: org.read)',
    connections: CONNECTIONS,
    needs: ['healthz'],
    job: async (env, seconds) => get(`${env.app.baseUrl}/api/v1/orgs/${env.orgId}`, env.users[0]!.accessToken, seconds),
  },
  {
    key: 'authorize',
    name: 'POST /api/v1/orgs/{id}/authorize (2 permissions)',
    connections: CONNECTIONS,
    needs: ['healthz'],
    job: async (env, seconds) => ({
      job: {
        url: `${env.app.baseUrl}/api/v1/orgs/${env.orgId}/authorize`,
        method: 'POST',
        headers: { ...json, ...bearer(env.users[0]!.accessToken) },
        body: JSON.stringify({ permissions: ['org.read', 'org.update'] }),
        connections: CONNECTIONS,
        duration: seconds,
      },
    }),
  },
  {
    key: 'flags-eval',
    name: `GET /api/v1/orgs/{id}/feature-flags/evaluate?keys=<${EVAL_KEYS.length} of ${FLAG_COUNT}> (member)`,
    connections: CONNECTIONS,
    fixture: 'flags',
    // reported against /healthz (the target), and authorize (auth + guard, no query of its own)
    needs: ['healthz', 'authorize'],
    job: async (env, seconds) => {
      const f = need(env.flags, 'flags');
      return get(`${env.app.baseUrl}/api/v1/orgs/${f.organizationId}/feature-flags/evaluate?keys=${EVAL_KEYS.join(',')}`, f.token, seconds);
    },
  },
  {
    key: 'sdk-health',
    name: 'example app (SDK): GET /health (unprotected)',
    connections: CONNECTIONS,
    fixture: 'sdk',
    needs: ['sdk-projects'],
    job: async (env, seconds) => ({
      job: { url: `${need(env.projects, 'the example app').baseUrl}/health`, method: 'GET', headers: {}, connections: CONNECTIONS, duration: seconds },
    }),
  },
  {
    key: 'sdk-projects',
    name: 'example app (SDK): GET /orgs/{id}/projects (offline verify + org.read)',
    connections: CONNECTIONS,
    fixture: 'sdk',
    needs: ['sdk-health'],
    job: async (env, seconds) => {
      const f = need(env.flags, 'the member');
      return get(`${need(env.projects, 'the example app').baseUrl}/orgs/${f.organizationId}/projects`, f.token, seconds);
    },
  },
  {
    key: 'members-first',
    name: `GET /api/v1/orgs/{id}/members?limit=${PAGE_SIZE} (page 1 of ${fmt(MEMBERS)} members)`,
    connections: CONNECTIONS,
    fixture: 'members',
    needs: ['members-deep'],
    job: async (env, seconds) => {
      const m = need(env.members, 'members');
      return get(`${env.app.baseUrl}/api/v1/orgs/${m.organizationId}/members?limit=${PAGE_SIZE}`, m.token, seconds);
    },
  },
  {
    key: 'members-deep',
    name: `GET /api/v1/orgs/{id}/members?limit=${PAGE_SIZE}&cursor=… (page ${MEMBERS_DEEP_PAGE})`,
    connections: CONNECTIONS,
    fixture: 'members',
    needs: ['members-first'],
    job: async (env, seconds) => {
      const m = need(env.members, 'members');
      return get(`${env.app.baseUrl}/api/v1/orgs/${m.organizationId}/members?limit=${PAGE_SIZE}&cursor=${m.cursor}`, m.token, seconds);
    },
  },
  {
    key: 'audit-first',
    name: `GET /api/v1/audit/orgs/{id}/logs?limit=${PAGE_SIZE} (first page)`,
    connections: CONNECTIONS,
    fixture: 'audit',
    job: async (env, seconds) => {
      const a = need(env.audit, 'audit');
      return get(`${env.app.baseUrl}/api/v1/audit/orgs/${a.organizationId}/logs?limit=${PAGE_SIZE}`, a.token, seconds);
    },
  },
  {
    key: 'audit-cursor',
    name: `GET /api/v1/audit/orgs/{id}/logs?limit=${PAGE_SIZE}&cursor=… (below seq ${fmt(AUDIT_CURSOR_SEQ)})`,
    connections: CONNECTIONS,
    fixture: 'audit',
    needs: ['audit-first'],
    job: async (env, seconds) => {
      const a = need(env.audit, 'audit');
      return get(`${env.app.baseUrl}/api/v1/audit/orgs/${a.organizationId}/logs?limit=${PAGE_SIZE}&cursor=${auditCursor(AUDIT_CURSOR_SEQ)}`, a.token, seconds);
    },
  },
  {
    key: 'audit-offset',
    name: `GET /api/v1/audit/orgs/{id}/logs?limit=${PAGE_SIZE}&offset=${AUDIT_OFFSET}`,
    connections: CONNECTIONS,
    fixture: 'audit',
    needs: ['audit-first'],
    job: async (env, seconds) => {
      const a = need(env.audit, 'audit');
      return get(`${env.app.baseUrl}/api/v1/audit/orgs/${a.organizationId}/logs?limit=${PAGE_SIZE}&offset=${AUDIT_OFFSET}`, a.token, seconds);
    },
  },
  {
    key: 'update-ceiling',
    name: 'CEILING (write): bare Fastify + jose verify + one UPDATE organizations',
    connections: CONNECTIONS,
    job: async (env, seconds) => ({
      job: {
        url: `${env.ceiling.baseUrl}/ceiling/orgs/${env.orgId}`,
        method: 'PATCH',
        headers: { ...json, ...bearer(env.users[0]!.accessToken) },
        bodies: PATCH_BODIES,
        connections: CONNECTIONS,
        duration: seconds,
      },
    }),
  },
  {
    key: 'patch',
    name: 'PATCH /api/v1/orgs/{id} (update + audit row)',
    connections: CONNECTIONS,
    needs: ['update-ceiling'],
    job: async (env, seconds) => ({
      job: {
        url: `${env.app.baseUrl}/api/v1/orgs/${env.orgId}`,
        method: 'PATCH',
        headers: { ...json, ...bearer(env.users[0]!.accessToken) },
        bodies: PATCH_BODIES,
        connections: CONNECTIONS,
        duration: seconds,
      },
    }),
  },
  // ---- issue 20: write paths against their references (the "Writes" table) ----
  {
    key: 'me-ceiling',
    name: 'CEILING (/auth/me cached): bare Fastify + jose verify + in-memory Map lookup',
    connections: CONNECTIONS,
    job: async (env, seconds) => get(`${env.writes.baseUrl}/ceiling/me`, env.users[0]!.accessToken, seconds),
  },
  {
    key: 'refresh-ceiling',
    name: 'CEILING (refresh): bare Fastify + one CAS UPDATE … RETURNING + one ES256 sign',
    connections: CONNECTIONS,
    job: async (env, seconds) => ({
      job: {
        url: `${env.writes.baseUrl}/ceiling/refresh`,
        method: 'POST',
        headers: json,
        // fresh sessions each run, twice as many as connections: each is rotated in a chain
        chain: await env.writes.seedSessions(CONNECTIONS * 2),
        connections: CONNECTIONS,
        duration: seconds,
      },
    }),
  },
  {
    key: 'register',
    name: 'POST /api/v1/auth/register (new email each request)',
    connections: LOGIN_CONNECTIONS,
    job: async (env, seconds) => ({
      job: {
        url: `${env.app.baseUrl}/api/v1/auth/register`,
        method: 'POST',
        headers: json,
        unique: JSON.stringify({ email: 'bench-signup-{n}@example.com', password: REGISTER_PASSWORD, full_name: 'Bench Signup {n}' }),
        connections: LOGIN_CONNECTIONS,
        duration: seconds,
      },
    }),
  },
  {
    key: 'org-create',
    name: 'POST /api/v1/orgs (new name and slug each request)',
    connections: CONNECTIONS,
    needs: ['ba-create'],
    job: async (env, seconds) => ({
      job: {
        url: `${env.app.baseUrl}/api/v1/orgs`,
        method: 'POST',
        headers: { ...json, ...bearer(env.users[5]!.accessToken) },
        unique: JSON.stringify({ name: 'Bench org {n}', slug: 'bench-{n}' }),
        connections: CONNECTIONS,
        duration: seconds,
      },
    }),
  },
  {
    key: 'invite',
    name: 'POST /api/v1/orgs/{id}/invite (new email each request, Member role)',
    connections: CONNECTIONS,
    fixture: 'invite',
    needs: ['ba-invite'],
    job: async (env, seconds) => {
      const i = need(env.invite, 'the invite organization');
      return {
        job: {
          url: `${env.app.baseUrl}/api/v1/orgs/${i.organizationId}/invite`,
          method: 'POST',
          headers: { ...json, ...bearer(env.users[6]!.accessToken) },
          unique: JSON.stringify({ email: 'bench-invitee-{n}@example.com', role_id: i.roleId }),
          connections: CONNECTIONS,
          duration: seconds,
        },
      };
    },
  },
  {
    key: 'ba-create',
    name: 'Better Auth: POST /api/auth/organization/create',
    connections: CONNECTIONS,
    peer: true,
    job: async (env, seconds) => {
      const peer = need(env.peer, 'Better Auth');
      return {
        job: {
          url: `${peer.baseUrl}/api/auth/organization/create`,
          method: 'POST',
          headers: { ...json, ...peer.headers },
          // keepCurrentActiveOrganization: like POST /orgs, creating does not switch the session's organization
          unique: JSON.stringify({ name: 'Bench org {n}', slug: 'bench-{n}', keepCurrentActiveOrganization: true }),
          connections: CONNECTIONS,
          duration: seconds,
        },
      };
    },
  },
  {
    key: 'ba-invite',
    name: 'Better Auth: POST /api/auth/organization/invite-member',
    connections: CONNECTIONS,
    peer: true,
    job: async (env, seconds) => {
      const peer = need(env.peer, 'Better Auth');
      return {
        job: {
          url: `${peer.baseUrl}/api/auth/organization/invite-member`,
          method: 'POST',
          headers: { ...json, ...peer.headers },
          unique: JSON.stringify({ email: 'bench-invitee-{n}@example.com', role: 'member', organizationId: peer.organizationId }),
          connections: CONNECTIONS,
          duration: seconds,
        },
      };
    },
  },
  {
    key: 'ba-session',
    name: 'Better Auth: GET /api/auth/get-session (read reference)',
    connections: CONNECTIONS,
    peer: true,
    needs: ['me'],
    job: async (env, seconds) => {
      const peer = need(env.peer, 'Better Auth');
      return { job: { url: `${peer.baseUrl}/api/auth/get-session`, method: 'GET', headers: peer.headers, connections: CONNECTIONS, duration: seconds } };
    },
  },
];

/** BENCH_ONLY groups */
const GROUPS: Record<string, string[]> = {
  auth: ['me', 'refresh', 'login'],
  guard: ['org-get', 'authorize'],
  members: ['members-first', 'members-deep'],
  audit: ['audit-first', 'audit-cursor', 'audit-offset'],
  patch: ['patch'],
  flags: ['flags-eval'],
  sdk: ['sdk-health', 'sdk-projects'],
  writes: ['refresh', 'me', 'login', 'register', 'org-create', 'invite', 'ba-session'],
};

/** The scenarios BENCH_ONLY asks for, with those they are reported against; the ceiling always runs. */
function selectScenarios(only: string | undefined): Scenario[] {
  if (!only?.trim()) return ALL_SCENARIOS;
  const byKey = new Map(ALL_SCENARIOS.map((s) => [s.key, s]));
  const wanted = new Set<string>(['ceiling']);
  const add = (key: string) => {
    if (wanted.has(key)) return;
    wanted.add(key);
    for (const dep of byKey.get(key)?.needs ?? []) add(dep);
  };
  for (const raw of only.split(',')) {
    const name = raw.trim();
    if (!name) continue;
    if (GROUPS[name]) GROUPS[name].forEach(add);
    else if (byKey.has(name)) add(name);
    else throw new Error(`BENCH_ONLY: unknown scenario "${name}"; scenarios: ${[...byKey.keys()].join(', ')}; groups: ${Object.keys(GROUPS).join(', ')}`);
  }
  return ALL_SCENARIOS.filter((s) => wanted.has(s.key));
}

/** BENCH_ONLY keys that are runs of their own (scale.ts, mix.ts), not rows of the main tables */
const SPECIAL = ['scale', 'mix', 'webhooks', 'scim'] as const;
const onlyParts = (process.env.BENCH_ONLY ?? '').split(',').map((k) => k.trim()).filter(Boolean);
const SPECIALS = SPECIAL.filter((k) => onlyParts.includes(k));
const REST_ONLY = onlyParts.filter((k) => !(SPECIAL as readonly string[]).includes(k)).join(',');
const SCENARIOS = SPECIALS.length && !REST_ONLY ? [] : selectScenarios(REST_ONLY || undefined);
const SUBSET = SCENARIOS.length < ALL_SCENARIOS.length || SPECIALS.length > 0;
const selected = (key: string) => SCENARIOS.some((s) => s.key === key);

function describe(result: LoadResult): string {
  const statuses = Object.entries(result.statuses).map(([code, n]) => `${code}×${n}`).join(' ');
  return `${fmt(result.rps)} req/s, p50 ${fmt(result.p50, 1)} ms, p99 ${fmt(result.p99, 1)} ms, errors ${result.errors}, non-2xx ${result.non2xx} [${statuses}]${result.exhausted ? ' TOKENS EXHAUSTED' : ''}`;
}

const dbLabel = (kind: DbKind) => (kind === 'pglite' ? 'PGlite' : 'PostgreSQL');

/** Seeds what the selected scenarios read, and checks each page answers as expected before any load. */
async function prepareFixtures(env: Env, kind: DbKind, notes: string[], targets: Target[], claims: { issuer: string; audience: string }): Promise<void> {
  if (SCENARIOS.some((s) => s.fixture === 'flags' || s.fixture === 'sdk')) {
    const started = performance.now();
    env.flags = await prepareFlags(env.db, env.app.baseUrl, env.users[0]!, env.users[3]!, env.users.slice(4));
    const ms = performance.now() - started;
    log(`${kind}: ${FLAG_COUNT} flags, ${env.flags.overrides} overrides for the bench organization (+${env.flags.otherOverrides} for others), a member, in ${fmt(ms)} ms; SDK says ${JSON.stringify(env.flags.expected)}`);
    notes.push(`${dbLabel(kind)}: ${FLAG_COUNT} global flags, ${env.flags.overrides} overrides for the bench organization and ${env.flags.otherOverrides} for ${env.users.length - 4} others (app's repository functions), one member (Member role, session switched to the organization through the API)`);
  }
  if (SCENARIOS.some((s) => s.fixture === 'sdk')) {
    env.projects = await startProjectsApi(env.app.baseUrl, claims);
    targets.push(env.projects);
    log(`${kind}: projects-api example listening on ${env.projects.baseUrl}`);
  }
  if (SCENARIOS.some((s) => s.fixture === 'members')) {
    const owner = env.users[1]!;
    const organizationId = owner.organizationId!;
    const seedMs = await seedMembers(env.db, organizationId, MEMBERS);
    log(`${kind}: seeded ${fmt(MEMBERS)} users and memberships in ${fmt(seedMs)} ms`);
    const started = performance.now();
    const cursor = await walkMemberPages(env.app.baseUrl, organizationId, owner.accessToken, MEMBERS_DEEP_PAGE, PAGE_SIZE);
    const computed = await memberCursorBeforePage(env.db, organizationId, MEMBERS_DEEP_PAGE, PAGE_SIZE);
    if (cursor !== computed) throw new Error(`members: the API's cursor for page ${MEMBERS_DEEP_PAGE} is not the one computed from the ids`);
    log(`${kind}: walked ${MEMBERS_DEEP_PAGE - 1} member pages in ${fmt(performance.now() - started)} ms to get page ${MEMBERS_DEEP_PAGE}'s cursor`);
    const deep = await getPage(`${env.app.baseUrl}/api/v1/orgs/${organizationId}/members?limit=${PAGE_SIZE}&cursor=${cursor}`, owner.accessToken);
    if (deep.status !== 200 || deep.count !== PAGE_SIZE) throw new Error(`members page ${MEMBERS_DEEP_PAGE}: status ${deep.status}, ${deep.count} items`);
    env.members = { organizationId, token: owner.accessToken, count: MEMBERS, page: MEMBERS_DEEP_PAGE, cursor, seedMs };
    notes.push(`${dbLabel(kind)}: ${fmt(MEMBERS)} members seeded in ${fmt(seedMs / 1000, 1)} s (one INSERT … SELECT generate_series, then VACUUM ANALYZE)`);
  }
  if (SCENARIOS.some((s) => s.fixture === 'audit')) {
    const owner = env.users[2]!;
    const organizationId = owner.organizationId!;
    const rows = AUDIT_ROWS[kind];
    const { head, ms } = await seedAuditLogs(env.db, organizationId, rows);
    log(`${kind}: seeded ${fmt(rows)} audit rows in ${fmt(ms)} ms (chain head now seq ${fmt(head)})`);
    const base = `${env.app.baseUrl}/api/v1/audit/orgs/${organizationId}/logs?limit=${PAGE_SIZE}`;
    const checks: [string, string, number][] = [
      ['first page', base, head],
      ['cursor page', `${base}&cursor=${auditCursor(AUDIT_CURSOR_SEQ)}`, AUDIT_CURSOR_SEQ - 1],
      ['offset page', `${base}&offset=${AUDIT_OFFSET}`, head - AUDIT_OFFSET],
    ];
    for (const [what, url, firstSeq] of checks) {
      const page = await getPage(url, owner.accessToken);
      const seq = Array.isArray(page.body) ? (page.body[0] as { seq?: number } | undefined)?.seq : undefined;
      if (page.status !== 200 || page.count !== PAGE_SIZE || seq !== firstSeq) {
        throw new Error(`audit ${what}: status ${page.status}, ${page.count} items, first seq ${String(seq)} (expected ${firstSeq})`);
      }
    }
    env.audit = { organizationId, token: owner.accessToken, rows, head, seedMs: ms };
    notes.push(`${dbLabel(kind)}: ${fmt(rows)} audit rows seeded in ${fmt(ms / 1000, 1)} s (one INSERT … SELECT generate_series, then VACUUM ANALYZE)`);
  }
  if (SCENARIOS.some((s) => s.fixture === 'invite')) {
    const owner = env.users[6]!;
    const roles = (await call(env.app.baseUrl, 'GET', `/api/v1/orgs/${owner.organizationId}/roles`, undefined, owner.accessToken)) as { id: string; name: string }[];
    const member = roles.find((r) => r.name === 'Member');
    if (!member) throw new Error(`invite: no Member role among ${roles.map((r) => r.name).join(', ')}`);
    env.invite = { organizationId: owner.organizationId!, roleId: member.id };
  }
  const checked = ['org-get', 'authorize', 'patch', 'update-ceiling', 'flags-eval', 'sdk-health', 'sdk-projects', 'me-ceiling', 'register', 'org-create', 'invite', 'ba-create', 'ba-invite', 'ba-session'];
  for (const scenario of SCENARIOS.filter((s) => checked.includes(s.key) && (!s.peer || env.peer))) {
    // one request each before the load, so a broken route fails the bench instead of measuring 4xx
    const { job } = await scenario.job(env, 1);
    const body = job.unique?.replaceAll('{n}', `check-${randomBytes(4).toString('hex')}`) ?? job.body ?? job.bodies?.[0];
    const response = await fetch(job.url, { method: job.method, headers: job.headers, body });
    if (!response.ok) throw new Error(`${scenario.name}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    if (scenario.key === 'flags-eval') {
      // the server and the SDK (evaluating locally from the snapshot) must agree
      const body = (await response.json()) as { flags: Record<string, boolean> };
      if (JSON.stringify(body.flags) !== JSON.stringify(env.flags!.expected)) {
        throw new Error(`evaluate answered ${JSON.stringify(body.flags)}, the SDK's local evaluation ${JSON.stringify(env.flags!.expected)}`);
      }
    } else await response.arrayBuffer();
  }
}

/** the in-process loops run once per bench process, on the first database's fixtures */
let microDone = false;

async function runMicro(env: Env, kind: DbKind, claims: { issuer: string; audience: string }): Promise<MicroResult[]> {
  if (microDone) return [];
  const results: MicroResult[] = [];
  if (selected('flags-eval') && env.flags) {
    log(`${kind}: local flag evaluation, ${ROUNDS} × ${MICRO_SECONDS} s per loop`);
    results.push(...(await timeFlagEvaluation(env.flags, MICRO_SECONDS, ROUNDS)));
  }
  if (selected('sdk-projects') && env.flags) {
    log(`${kind}: SDK offline verification, ${ROUNDS} × ${MICRO_SECONDS} s, 1 and ${VERIFY_CONCURRENCY} in flight`);
    results.push(...(await timeVerification(env.app.baseUrl, claims, await fetchJwks(env.app.baseUrl), env.flags.token, MICRO_SECONDS, ROUNDS, VERIFY_CONCURRENCY)));
  }
  for (const r of results) {
    const s = summarizeMicro(r);
    log(`  ${s.name} ×${s.concurrency}: ${fmt(s.perSecond)}/s, ${fmt(s.perCpuSecond)} per CPU-second (${fmt(s.cpuNs)} ns CPU each)`);
  }
  microDone = results.length > 0;
  return results;
}

interface DbRun {
  kind: DbKind;
  rows: ScenarioRounds[];
  description: string;
  version: string;
  others: number[];
  members: MembersFixture | null;
  audit: AuditFixture | null;
  plans: Explained[];
  setupNotes: string[];
  /** in-process loops (first database of the process only) */
  micro: MicroResult[];
}

async function benchDatabase(kind: DbKind, load: LoadGenerator): Promise<DbRun> {
  log(`${kind}: creating a fresh database`);
  const db = await createDatabase(kind, POSTGRES_URL);
  const targets: Target[] = [];
  let peer: BetterAuthPeer | null = null;
  // Better Auth's scenarios are PostgreSQL only
  const scenarios = SCENARIOS.filter((s) => !s.peer || kind === 'postgres');
  try {
    const config = benchConfig();
    const app = await startApp(config, db);
    targets.push(app);
    log(`${kind}: registering ${USERS} users`);
    const users = await registerUsers(app.baseUrl, USERS);
    const jwks = await fetchJwks(app.baseUrl);
    const ceiling = await startCeiling(db, jwks, { issuer: config.issuer, audience: config.audience });
    targets.push(ceiling);
    const writes = await startWriteCeilings(db, jwks, { issuer: config.issuer, audience: config.audience }, users[0]!);
    targets.push(writes);
    if (kind === 'postgres' && scenarios.some((s) => s.peer)) {
      log(`${kind}: starting Better Auth on a database of its own`);
      peer = await startBetterAuth(POSTGRES_URL);
      log(`${kind}: ${peer.description} on ${peer.baseUrl}`);
    }
    const env: Env = {
      db, app, ceiling, users, refreshTtl: config.refreshTokenTtl, refreshRate: 1000, orgId: users[0]!.organizationId!, members: null, audit: null,
      flags: null, projects: null, writes, peer, invite: null,
    };
    const setupNotes: string[] = [];
    const claims = { issuer: config.issuer, audience: config.audience };
    await prepareFixtures(env, kind, setupNotes, targets, claims);
    const plans =
      kind === 'postgres' && (env.audit || env.members)
        ? await explainListQueries(
            db,
            env.audit && { organizationId: env.audit.organizationId, cursorSeq: AUDIT_CURSOR_SEQ, offset: AUDIT_OFFSET },
            env.members && { organizationId: env.members.organizationId, afterId: Buffer.from(env.members.cursor, 'base64url').toString() },
          )
        : [];

    const rows: ScenarioRounds[] = scenarios.map((s) => ({
      db: dbLabel(kind),
      key: s.key,
      scenario: s.name,
      isCeiling: !!s.isCeiling,
      connections: s.connections,
      rounds: [],
      ratios: [],
      cpu: [],
      statements: [],
      notes: [],
    }));

    if (WARMUP > 0) log(`${kind}: warm-up, ${WARMUP} s per scenario`);
    for (const scenario of WARMUP > 0 ? scenarios : []) {
      checkAborted();
      const { job } = await scenario.job(env, WARMUP);
      const result = await load.run(job);
      scenario.after?.(env, result);
      log(`  warm-up ${scenario.name}: ${describe(result)}`);
    }

    const others: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // every other round runs the list backwards, so drift favours neither side of a pair
      // (the ceiling and /auth/me, first and deep pages, the write ceiling and PATCH)
      const order = round % 2 === 1 ? scenarios : [...scenarios].reverse();
      const byKey = new Map<string, { result: LoadResult; cpu: ReturnType<ReturnType<typeof cpuMeter>>; statements: number | null }>();
      for (const scenario of order) {
        checkAborted();
        const { job } = await scenario.job(env, DURATION);
        // statements to the database the scenario's target uses (PostgreSQL only: PGlite has no pg client)
        const database = scenario.peer ? env.peer!.database : db.name;
        const sent = database ? statementMeter(database) : null;
        const stop = cpuMeter(load.pid);
        const result = await load.run(job);
        const cpu = stop();
        // waits for the requests in flight at the end: each connection had one
        const counted = await sent?.();
        const requests = result.total + job.connections;
        others.push(otherShare(cpu, result.duration));
        scenario.after?.(env, result);
        const statements = counted ? counted.total / requests : null;
        byKey.set(scenario.key, { result, cpu, statements });
        log(`${kind} round ${round}/${ROUNDS} ${scenario.name}: ${describe(result)}${statements === null ? '' : `, ${fmt(statements, 1)} SQL statements/req (+${fmt(counted!.background / requests, 1)} background)`}`);
        if (counted && process.env.BENCH_STATEMENTS_LOG) {
          for (const [text, n] of counted.texts.slice(0, 20)) log(`    ${fmt(n / requests, 2)}/req  ${text}`);
        }
      }
      const ceilingRps = byKey.get('ceiling')!.result.rps;
      scenarios.forEach((scenario, i) => {
        const { result, cpu, statements } = byKey.get(scenario.key)!;
        const row = rows[i]!;
        row.rounds.push(result);
        row.cpu.push(cpu);
        if (statements !== null) row.statements.push(statements);
        row.ratios.push(result.rps / ceilingRps);
        if (result.exhausted) row.notes.push(`round ${round}: refresh tokens ran out (${result.used} used); the rest were 401s`);
        if (result.non2xx > 0) row.notes.push(`round ${round}: statuses ${JSON.stringify(result.statuses)}`);
      });
    }
    const micro = await runMicro(env, kind, claims);
    return { kind, rows, description: db.description, version: db.version, others, members: env.members, audit: env.audit, plans, setupNotes, micro };
  } finally {
    await sleep(500); // requests in flight when autocannon stopped finish before the pool closes
    for (const target of targets.reverse()) await target.close().catch((err: unknown) => log(`close failed: ${String(err)}`));
    await peer?.close().catch((err: unknown) => log(`could not close Better Auth or drop its database: ${String(err)}`));
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
  /** hashes per second, LOGIN_CONNECTIONS in flight (the register scenario's concurrency) */
  parallelHash: number;
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
  /** operations per second for 2 s with LOGIN_CONNECTIONS in flight */
  const throughput = async (op: () => Promise<unknown>): Promise<number> => {
    let done = 0;
    const started = performance.now();
    const end = started + 2_000;
    await Promise.all(
      Array.from({ length: LOGIN_CONNECTIONS }, async () => {
        while (performance.now() < end) {
          await op();
          done++;
        }
      }),
    );
    return done / ((performance.now() - started) / 1000);
  };
  const parallel = await throughput(() => hasher.verify(stored, password));
  const parallelHash = await throughput(() => hasher.hash(password));
  const hashMs = median(hashTimes);
  return { hashMs, verifyMs: median(verifyTimes), bound: CORES / (hashMs / 1000), parallel, parallelHash };
}

// ---- report -------------------------------------------------------------------------------------

interface Run extends DbRun {
  label: string;
  summaries: Summary[];
}

const find = (run: Run, key: string): Summary | undefined => run.summaries.find((s) => s.key === key);

/** median over rounds of a's req/s ÷ b's, both measured in the same round */
function ratioOf(run: Run, a: string, b: string): number | null {
  const ra = run.rows.find((r) => r.key === a);
  const rb = run.rows.find((r) => r.key === b);
  if (!ra || !rb) return null;
  return median(ra.rounds.map((r, i) => r.rps / rb.rounds[i]!.rps));
}

const totalCpu = (s: Summary): number => s.serverUs + (s.postgresUs ?? 0);
/** p99 "does not grow": within 25% of the first page's, plus autocannon's 1 ms resolution */
const p99Flat = (first: number, deep: number): boolean => deep <= first * 1.25 + 1;

function guardTable(runs: Run[]): string | null {
  const keys = ['healthz', 'ceiling', 'me', 'org-get', 'authorize'];
  const rows: string[][] = [];
  for (const run of runs) {
    const healthz = find(run, 'healthz');
    if (!find(run, 'org-get') && !find(run, 'authorize')) continue;
    for (const key of keys) {
      const s = find(run, key);
      if (!s) continue;
      rows.push([
        run.label, s.scenario, fmt(s.rps), fmt(s.p50, 1), fmt(s.p99, 1),
        key === 'healthz' ? '100% (ref.)' : pct(ratioOf(run, key, 'healthz')),
        key === 'ceiling' ? '100% (ref.)' : pct(ratioOf(run, key, 'ceiling')),
        cpuCell(s.serverUs), cpuCell(s.postgresUs),
        key === 'healthz' ? '0 (ref.)' : healthz ? `+${fmt(totalCpu(s) - totalCpu(healthz))}` : '—',
      ]);
    }
  }
  if (!rows.length) return null;
  return table(['Database', 'Scenario', 'Req/s', 'p50 ms', 'p99 ms', 'vs /healthz', 'vs ceiling', 'server CPU µs/req', 'PostgreSQL CPU µs/req', 'CPU µs/req above /healthz'], rows);
}

function membersTable(runs: Run[]): { table: string; verdicts: string[] } | null {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const run of runs) {
    const first = find(run, 'members-first');
    const deep = find(run, 'members-deep');
    if (!first || !deep || !run.members) continue;
    const flat = p99Flat(first.p99, deep.p99);
    rows.push([
      run.label, fmt(run.members.count + 1), fmt(first.rps), fmt(first.p50, 1), fmt(first.p99, 1),
      fmt(deep.rps), fmt(deep.p50, 1), fmt(deep.p99, 1), `${fmt(deep.p99 / first.p99, 2)}×`, flat ? 'yes' : '**no**',
    ]);
    verdicts.push(
      `Members on ${run.label}: page ${run.members.page} p99 ${fmt(deep.p99, 1)} ms against page 1's ${fmt(first.p99, 1)} ms — ${flat ? 'does not grow (target met)' : 'GROWS (target NOT met)'}; req/s ${pct(ratioOf(run, 'members-deep', 'members-first'))} of page 1's.`,
    );
  }
  if (!rows.length) return null;
  const header = ['Database', 'Members in the org', 'page 1 req/s', 'page 1 p50 ms', 'page 1 p99 ms', `page ${MEMBERS_DEEP_PAGE} req/s`, `page ${MEMBERS_DEEP_PAGE} p50 ms`, `page ${MEMBERS_DEEP_PAGE} p99 ms`, 'p99 deep ÷ first', 'p99 flat?'];
  return { table: table(header, rows), verdicts };
}

function auditTable(runs: Run[]): { table: string; verdicts: string[] } | null {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const run of runs) {
    const first = find(run, 'audit-first');
    if (!first || !run.audit) continue;
    const size = `${fmt(run.audit.rows)}${run.kind === 'pglite' ? ' (PGlite variant)' : ''}`;
    const pages: [string, string][] = [
      ['audit-first', 'first page (newest)'],
      ['audit-cursor', `cursor below seq ${fmt(AUDIT_CURSOR_SEQ)} (${fmt(run.audit.head - AUDIT_CURSOR_SEQ + 1)} newer rows skipped)`],
      ['audit-offset', `offset=${fmt(AUDIT_OFFSET)}`],
    ];
    for (const [key, label] of pages) {
      const s = find(run, key);
      if (!s) continue;
      rows.push([
        run.label, size, label, fmt(s.rps), fmt(s.p50, 1), fmt(s.p99, 1),
        key === 'audit-first' ? '100% (ref.)' : pct(ratioOf(run, key, 'audit-first')),
        key === 'audit-first' ? '1.00×' : `${fmt(s.p99 / first.p99, 2)}×`,
        cpuCell(s.serverUs), cpuCell(s.postgresUs),
      ]);
    }
    const cursor = find(run, 'audit-cursor');
    if (cursor) {
      const flat = p99Flat(first.p99, cursor.p99);
      verdicts.push(
        `Audit log on ${run.label} (${fmt(run.audit.rows)} rows): the deep cursor page's p99 is ${fmt(cursor.p99, 1)} ms against the first page's ${fmt(first.p99, 1)} ms — ${flat ? 'does not grow' : 'GROWS'}.`,
      );
    }
  }
  if (!rows.length) return null;
  const header = ['Database', 'Audit rows in the org', 'Page (limit 50)', 'Req/s', 'p50 ms', 'p99 ms', 'req/s vs first page', 'p99 vs first page', 'server CPU µs/req', 'PostgreSQL CPU µs/req'];
  return { table: table(header, rows, 3), verdicts };
}

function patchTable(runs: Run[]): { table: string; verdicts: string[] } | null {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const run of runs) {
    const patch = find(run, 'patch');
    const bare = find(run, 'update-ceiling');
    if (!patch || !bare) continue;
    const ratio = ratioOf(run, 'patch', 'update-ceiling');
    rows.push([run.label, bare.scenario, fmt(bare.rps), fmt(bare.p50, 1), fmt(bare.p99, 1), '100% (ref.)', cpuCell(bare.serverUs), cpuCell(bare.postgresUs)]);
    rows.push([run.label, patch.scenario, fmt(patch.rps), fmt(patch.p50, 1), fmt(patch.p99, 1), pct(ratio), cpuCell(patch.serverUs), cpuCell(patch.postgresUs)]);
    verdicts.push(
      `PATCH /orgs/{id} on ${run.label}: ${pct(ratio)} of the write ceiling's req/s; ${fmt(totalCpu(patch) - totalCpu(bare))} µs more CPU per request (server${run.kind === 'postgres' ? ' + PostgreSQL' : ', PGlite included'}).`,
    );
  }
  if (!rows.length) return null;
  return { table: table(['Database', 'Scenario', 'Req/s', 'p50 ms', 'p99 ms', 'vs write ceiling', 'server CPU µs/req', 'PostgreSQL CPU µs/req'], rows), verdicts };
}

/** issue 20's targets: each write path (and /auth/me) against the reference measured in the same run */
interface WriteTarget {
  key: string;
  call: string;
  /** a scenario key, or the in-process argon2 loops */
  ref: string | 'argon-verify' | 'argon-hash';
  refText: string;
  /** ratio ours ÷ reference the issue asks for; null: shown for reference */
  target: number | null;
}

const WRITE_TARGETS: WriteTarget[] = [
  { key: 'refresh', call: '`POST /auth/refresh`', ref: 'refresh-ceiling', refText: 'bare Fastify + jose: one CAS `UPDATE … RETURNING` on `sessions_ref` + one ES256 sign', target: 0.6 },
  { key: 'org-create', call: '`POST /orgs`', ref: 'ba-create', refText: 'Better Auth 1.x `organization/create`', target: 3 },
  { key: 'invite', call: '`POST /orgs/{id}/invite`', ref: 'ba-invite', refText: 'Better Auth `organization/invite-member`', target: 3 },
  { key: 'login', call: '`POST /auth/login`', ref: 'argon-verify', refText: `argon2id verifies/s, same parameters, ${LOGIN_CONNECTIONS} in flight, no HTTP`, target: 0.85 },
  { key: 'register', call: '`POST /auth/register`', ref: 'argon-hash', refText: `argon2id hashes/s, same parameters, ${LOGIN_CONNECTIONS} in flight, no HTTP`, target: 0.8 },
  { key: 'me', call: '`GET /auth/me`', ref: 'me-ceiling', refText: 'bare Fastify + jose verify + an in-memory Map lookup', target: 0.7 },
  { key: 'me', call: '`GET /auth/me`', ref: 'ba-session', refText: 'Better Auth `get-session` (read; no target)', target: null },
];

const WRITES_INTRO = `Issue 20's targets: each write path (and \`/auth/me\`) against a reference measured in the same run, on the
same machine, with the same load generator and connections (${CONNECTIONS}; login and register ${LOGIN_CONNECTIONS}).

- **Refresh ceiling** [\`refresh-ceiling\`]: bare Fastify 5 on the app's database handle; one compare-and-swap
  \`UPDATE sessions_ref SET secret_hash = $new, generation = generation + 1 WHERE id = $1 AND secret_hash = $2 AND
  revoked_at IS NULL AND expires_at > now() RETURNING …\` on a small table of its own, then one ES256 signature
  (jose \`SignJWT\`, key imported once). The body carries the session id and its current secret, the answer the
  next one. Before each run the bench writes ${CONNECTIONS * 2} fresh sessions (twice the connections); each request takes a
  free session and its answer puts it back with the new secret, so every request presents the current
  secret and the swap succeeds (a stale one would be a 401, counted as non-2xx).
- **\`/auth/me\` ceiling** [\`me-ceiling\`]: bare Fastify, jose verify of the same access token, one lookup in an
  in-memory \`Map\` of its session — what a cache hit costs, no query.
- **argon2id**: the app's \`PasswordHasher\` with its parameters, ${LOGIN_CONNECTIONS} verifies (login) or hashes (register) in flight for
  2 s in the bench process, no HTTP, measured once before the rounds.
- **Better Auth** (PostgreSQL runs only): Better Auth 1.x in the bench's process, served by \`toNodeHandler\` on
  127.0.0.1:0, its documented PostgreSQL setup (a \`pg\` Pool, default size 10 like the app's) on a fresh database
  \`betterauth_bench_<pid>\` whose schema its own \`getMigrations(…).runMigrations()\` creates, the organization
  plugin (\`invitationLimit\` raised from 100: the bench invites thousands), email + password, rate limit off.
  One user signs up and creates an organization; every request carries that session's cookie (and the
  \`Origin\` its CSRF check asks for). \`organization/create\` sends a new name and slug each time with
  \`keepCurrentActiveOrganization: true\` (\`POST /orgs\` does not switch the session either);
  \`invite-member\` a new email, role \`member\`. Both sides' creators accumulate organizations over the run:
  Better Auth's create lists the creator's memberships (up to 100) and loads each organization with a query of
  its own, so its statement count grows until the creator has 100 organizations; \`POST /orgs\` reads no list.

**SQL statements/req** are counted in the bench process, where the app, Better Auth and the ceilings all send
their queries through node-postgres (\`pg.Client.prototype.query\` wrapped; this PostgreSQL cannot load
\`pg_stat_statements\`). Scenarios run one at a time: the statements sent to the scenario's database from the
start of its load until its last in-flight requests have drained, divided by the requests sent (completed + one in
flight per connection). BEGIN, SAVEPOINT and COMMIT count; the app's background work that no request waits for
(the mail worker delivering the outbox, LISTEN) does not. PGlite runs have no count (no \`pg\` client).
The ratio of two HTTP scenarios is the median over rounds of the per-round ratio; against argon2 it is the
median req/s over the loop's ops/s. p99 ÷ p50 is measured at the bench's connection count, not at a searched
saturation point.`;

/** write scenarios whose p99 must stay within 3× their own p50 */
const P99_KEYS = ['refresh', 'org-create', 'invite', 'login', 'register', 'patch', 'ba-create', 'ba-invite'];
const P99_TARGET = 3;

function writesTable(runs: Run[], argon: Argon | null): { table: string; verdicts: string[] } | null {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const run of runs) {
    for (const t of WRITE_TARGETS) {
      const ours = find(run, t.key);
      if (!ours) continue;
      const argonRate = t.ref === 'argon-verify' ? argon?.parallel : t.ref === 'argon-hash' ? argon?.parallelHash : undefined;
      const ref = t.ref.startsWith('argon-') ? undefined : find(run, t.ref);
      if (!ref && argonRate === undefined) continue;
      // HTTP against HTTP: median over rounds of the per-round ratio; against argon2: the medians' ratio
      const ratio = ref ? ratioOf(run, t.key, t.ref) : ours.rps / argonRate!;
      const target = t.target === null ? '—' : t.target >= 1 ? `≥ ${fmt(t.target)}×` : `≥ ${fmt(t.target, 2)}`;
      const met = t.target === null || ratio === null ? '—' : ratio >= t.target ? 'yes' : '**no**';
      rows.push([
        run.label, t.call, t.refText, fmt(ours.rps), ref ? fmt(ref.rps) : fmt(argonRate!),
        ratio === null ? '—' : t.target !== null && t.target >= 1 ? `${fmt(ratio, 2)}×` : fmt(ratio, 2), target, met,
        `${statementsCell(ours.statements)} / ${ref ? statementsCell(ref.statements) : '0'}`,
      ]);
      if (t.target !== null && ratio !== null) {
        verdicts.push(`${t.call} on ${run.label}: ${fmt(ratio, 2)} of ${t.refText} (target ${target}: ${ratio >= t.target ? 'met' : 'NOT met'}).`);
      }
    }
  }
  if (!rows.length) return null;
  const p99Rows: string[][] = [];
  for (const run of runs) {
    for (const key of P99_KEYS) {
      const s = find(run, key);
      if (!s) continue;
      const ratio = s.p50 > 0 ? s.p99 / s.p50 : null;
      const ours = !key.startsWith('ba-');
      p99Rows.push([
        run.label, s.scenario, String(s.connections), fmt(s.p50, 1), fmt(s.p99, 1), ratio === null ? '— (p50 < 1 ms)' : `${fmt(ratio, 2)}×`,
        ours ? `≤ ${P99_TARGET}×` : '—', !ours || ratio === null ? '—' : ratio <= P99_TARGET ? 'yes' : '**no**',
      ]);
      if (ours && ratio !== null && ratio > P99_TARGET) verdicts.push(`${s.scenario} on ${run.label}: p99 is ${fmt(ratio, 2)}× its p50 (target ≤ ${P99_TARGET}×: NOT met).`);
    }
  }
  const header = ['Database', 'call', 'reference measured in the same run', 'ours req/s', 'reference req/s (or ops/s)', 'ratio', 'target', 'met?', 'SQL statements/req (ours / reference)'];
  const p99Header = ['Database', 'Write scenario', 'Conns', 'p50 ms', 'p99 ms', 'p99 ÷ p50', 'target', 'met?'];
  return { table: `${table(header, rows, 3)}\n\n${table(p99Header, p99Rows, 2)}`, verdicts };
}

/** CPU µs per request, server + PostgreSQL, of `a` above `b` */
const cpuAbove = (a: Summary, b: Summary): number => totalCpu(a) - totalCpu(b);

function flagsTable(runs: Run[], micro: MicroSummary[]): { table: string; verdicts: string[] } | null {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  const local = micro.find((m) => m.name.includes('isEnabled'));
  for (const run of runs) {
    const evaluate = find(run, 'flags-eval');
    const healthz = find(run, 'healthz');
    if (!evaluate || !healthz) continue;
    for (const key of ['healthz', 'ceiling', 'authorize', 'flags-eval']) {
      const s = find(run, key);
      if (!s) continue;
      rows.push([
        run.label, s.scenario, fmt(s.rps), fmt(s.p50, 1), fmt(s.p99, 1),
        key === 'healthz' ? '100% (ref.)' : pct(ratioOf(run, key, 'healthz')),
        key === 'ceiling' ? '100% (ref.)' : pct(ratioOf(run, key, 'ceiling')),
        cpuCell(s.serverUs), cpuCell(s.postgresUs),
        key === 'healthz' ? '0 (ref.)' : `+${fmt(cpuAbove(s, healthz))}`,
      ]);
    }
    const ratio = ratioOf(run, 'flags-eval', 'healthz');
    const authorize = find(run, 'authorize');
    const split = authorize
      ? ` Of the +${fmt(cpuAbove(evaluate, healthz))} µs above /healthz, authentication + the guard (what \`POST …/authorize\` costs above /healthz) is ${fmt(cpuAbove(authorize, healthz))} µs and the flags query + evaluation + ETag (evaluate above authorize) ${fmt(cpuAbove(evaluate, authorize))} µs${run.kind === 'postgres' ? ` (of which PostgreSQL ${fmt((evaluate.postgresUs ?? 0) - (authorize.postgresUs ?? 0))} µs)` : ''}.`
      : '';
    const evaluations = local ? ` Evaluating the ${EVAL_KEYS.length} flags themselves costs ${EVAL_KEYS.length} × ${fmt(local.cpuNs)} ns ≈ ${fmt((EVAL_KEYS.length * local.cpuNs) / 1000, 1)} µs (in-process loop below).` : '';
    verdicts.push(
      `Evaluate on ${run.label}: ${pct(ratio)} of /healthz's req/s (target ≥ ${pct(FLAGS_TARGET)}: ${(ratio ?? 0) >= FLAGS_TARGET ? 'met' : 'NOT met'}); ${fmt(totalCpu(evaluate))} µs of CPU per request against ${fmt(totalCpu(healthz))} µs (${fmt(totalCpu(evaluate) / Math.max(1, totalCpu(healthz)), 1)}×).${split}${evaluations}`,
    );
  }
  if (!rows.length) return null;
  return {
    table: table(['Database', 'Scenario', 'Req/s', 'p50 ms', 'p99 ms', 'vs /healthz', 'vs ceiling', 'server CPU µs/req', 'PostgreSQL CPU µs/req', 'CPU µs/req above /healthz'], rows),
    verdicts,
  };
}

function sdkTable(runs: Run[], micro: MicroSummary[]): { table: string; verdicts: string[] } | null {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  const verify = micro.find((m) => m.name.startsWith('SDK') && m.name.includes('verify') && m.concurrency === 1);
  for (const run of runs) {
    const health = find(run, 'sdk-health');
    const projects = find(run, 'sdk-projects');
    if (!health || !projects) continue;
    for (const s of [health, projects]) {
      rows.push([
        run.label, s.scenario, fmt(s.rps), fmt(s.p50, 1), fmt(s.p99, 1),
        s === health ? '100% (ref.)' : pct(ratioOf(run, 'sdk-projects', 'sdk-health')),
        cpuCell(s.serverUs), cpuCell(s.postgresUs),
        s === health ? '0 (ref.)' : `+${fmt(cpuAbove(s, health))}`,
      ]);
    }
    verdicts.push(
      `Example app on ${run.label} (SaaSReady: ${run.label}, not involved once the JWKS is cached): the protected route runs at ${pct(ratioOf(run, 'sdk-projects', 'sdk-health'))} of /health's req/s, ${fmt(cpuAbove(projects, health))} µs more CPU per request${verify ? ` (one SDK verify in-process: ${fmt(verify.cpuNs / 1000)} µs of CPU)` : ''}.`,
    );
  }
  if (!rows.length) return null;
  return {
    table: table(['Database', 'Scenario', 'Req/s', 'p50 ms', 'p99 ms', 'vs /health', 'server CPU µs/req', 'PostgreSQL CPU µs/req', 'CPU µs/req above /health'], rows),
    verdicts,
  };
}

function microTable(runs: Run[]): { table: string; summaries: MicroSummary[] } | null {
  const rows: string[][] = [];
  const summaries: MicroSummary[] = [];
  for (const run of runs) {
    for (const m of run.micro.map(summarizeMicro)) {
      summaries.push(m);
      const perOp = m.cpuNs >= 10_000 ? `${fmt(m.cpuNs / 1000, 1)} µs` : `${fmt(m.cpuNs)} ns`;
      rows.push([
        m.name + (m.note ? ` — ${m.note}` : ''), String(m.concurrency), fmt(m.perSecond), fmt(m.perCpuSecond), perOp,
        m.rounds.map((v) => fmt(v)).join(' / '), pct(m.others),
      ]);
    }
  }
  if (!rows.length) return null;
  const header = ['Measurement (in-process, no HTTP)', 'In flight', 'Ops/s (median, wall clock)', 'Ops per CPU-second, all threads (per core)', 'CPU per op', 'Ops/s per round', 'Other processes'];
  return { table: table(header, rows, 1), summaries };
}

function plansSection(runs: Run[]): string | null {
  const plans = runs.flatMap((r) => r.plans);
  if (!plans.length) return null;
  return plans
    .map((p) => {
      const params = p.params.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
      return `**${p.title}**: \`${p.text}\` with (${params})\n\n\`\`\`text\n${p.plan.join('\n')}\n\`\`\``;
    })
    .join('\n\n');
}

interface Report {
  main: string;
  guard: string | null;
  members: { table: string; verdicts: string[] } | null;
  audit: { table: string; verdicts: string[] } | null;
  patch: { table: string; verdicts: string[] } | null;
  writes: { table: string; verdicts: string[] } | null;
  flags: { table: string; verdicts: string[] } | null;
  sdk: { table: string; verdicts: string[] } | null;
  micro: string | null;
  plans: string | null;
  meLines: string[];
  loginLines: string[];
}

function buildReport(runs: Run[], argon: Argon | null): Report {
  const summaries = runs.flatMap((r) => r.summaries);
  const micro = microTable(runs);
  return {
    main: markdownTable(summaries),
    flags: flagsTable(runs, micro?.summaries ?? []),
    sdk: sdkTable(runs, micro?.summaries ?? []),
    micro: micro?.table ?? null,
    guard: guardTable(runs),
    members: membersTable(runs),
    audit: auditTable(runs),
    patch: patchTable(runs),
    writes: writesTable(runs, argon),
    plans: plansSection(runs),
    meLines: summaries
      .filter((s) => s.key === 'me')
      .map((r) => `/auth/me on ${r.db}: ${pct(r.ratio)} of the ceiling${r.db === 'PostgreSQL' ? ` (target ≥ 70%: ${(r.ratio ?? 0) >= 0.7 ? 'met' : 'NOT met'})` : ''}.`),
    loginLines: argon
      ? summaries
          .filter((s) => s.key === 'login')
          .map((r) => `Login on ${r.db}: ${fmt(r.rps)} req/s = ${fmt((r.rps / argon.bound) * 100)}% of the theoretical bound, ${fmt((r.rps / argon.parallel) * 100)}% of the measured argon2 throughput.`)
      : [],
  };
}

/**
 * what a full default run takes: every scenario's warm-up and rounds, plus ~30 s of set-up and seeding per
 * database, plus the seven in-process loops once
 */
const estimatedMinutes = (kinds: number) =>
  Math.ceil((kinds * (ALL_SCENARIOS.length * (WARMUP + ROUNDS * DURATION) + 30) + 7 * (ROUNDS * MICRO_SECONDS + 0.3)) / 60);

/** The flags, SDK and in-process sections, in the doc's Markdown (also printed by a BENCH_ONLY run). */
function flagsSdkSections(report: Report): string {
  const section = (title: string, intro: string, body: string | null, after: string[] = []) =>
    body ? `\n## ${title}\n\n${intro}\n\n${body}\n${after.length ? `\n${after.join('\n')}\n` : ''}` : '';
  return `${section(
    'Feature-flag evaluation over HTTP',
    `\`GET /api/v1/orgs/{id}/feature-flags/evaluate?keys=\` with ${EVAL_KEYS.length} keys (${EVAL_KEYS.map((k) => `\`${k}\``).join(', ')}), by a
Member of the organization (their session switched to it through the API). ${FLAG_COUNT} global flags, five kinds in turn
(on; off; organization rollout 10–86%; user rollout 50%; organization rollout 30%), six overrides for this
organization (two of them with a percentage) and a few for other organizations. The five keys take each path
through \`evaluateFlag\`: an override, an override with a user rollout, an organization rollout, a user rollout,
a plain default. The route authenticates (token verify + session lookup), runs the guard
(\`feature_flags.read\`: \`memberships.findAccess\`), reads the organization's flag rows (\`flags_for_org\`: every flag
left-joined with this organization's overrides), evaluates the five keys and hashes the answer for its ETag.
Before the load the bench checks its answer against the SDK's local evaluation of the organization's snapshot.
The session, the membership and the flag rows come from the server's per-process caches after the first request
(\`src/cache/\`; invalidated by the database's notifications), so these routes send no query at steady state.
Spec target: **at least ${pct(FLAGS_TARGET)} of \`/healthz\`'s throughput**, both measured in the same round.
\`POST …/authorize\` is in the table as authentication + guard without a query of its own, so the difference
between the two rows is what the flags part of the route costs.`,
    report.flags?.table ?? null,
    report.flags?.verdicts,
  )}${section(
    'SDK: the example app protected by offline verification',
    `The projects-api example (\`buildProjectsApi\` from \`examples/projects-api/dist/app.js\`) in the bench's process,
listening on 127.0.0.1:0, its verifier pointed at the bench app's JWKS: fetched on the first request and cached,
so SaaSReady is not called while this is measured. \`GET /orgs/{id}/projects\` runs the SDK's
\`fastifyGuard(…).requirePermission('org.read', { orgParam: 'orgId' })\`: bearer parsing, \`verify\` (jose
\`jwtVerify\`, ES256, against the cached key set), the organization match and the permission, read from the
token's claims (not strict mode); it answers the organization's projects (none: \`[]\`). \`GET /health\` on the
same app is unprotected. The member's token from the flags scenario. "server CPU" is the bench process: the
example app, with the SaaSReady app idle beside it.`,
    report.sdk?.table ?? null,
    report.sdk?.verdicts,
  )}${section(
    'In-process: local flag evaluation and token verification',
    `Timed loops in the bench process with no HTTP: ${ROUNDS} rounds of ${MICRO_SECONDS} s each after a 0.3 s warm-up, median; run
once per bench process, on its first database's fixtures (they do not touch the database). The flag loops are
synchronous on one JavaScript thread; their inputs cycle through the ${FLAG_COUNT} flags × 64 organizations (one in four
the bench organization, with its overrides) × 64 users, from the organization's snapshot as an API key downloads it
(\`FlagEvaluator.start()\`). Verification awaits each \`verify\`; WebCrypto's ECDSA verify runs on libuv's thread
pool, so with several in flight the process uses more than one core. "Ops per CPU-second" divides by the CPU time
of the whole process, all threads (V8's garbage-collector helpers too), and is the per-core figure; for the flag
loops it is below the wall-clock rate because the GC helper threads work beside the loop (\`murmur3\` allocates a
\`TextEncoder\` buffer per hash). jose's \`jwtVerify\` with the key imported once (what the ceiling does) is the
reference for what the SDK adds around it.`,
    report.micro,
  )}`;
}

function renderDoc(runs: Run[], report: Report, info: string[], argon: Argon | null, extraNotes: string[], kept: string): string {
  const summaries = runs.flatMap((r) => r.summaries);
  const pgAudit = runs.find((r) => r.kind === 'postgres')?.audit?.rows ?? AUDIT_ROWS.postgres;
  const liteAudit = runs.find((r) => r.kind === 'pglite')?.audit?.rows ?? AUDIT_ROWS.pglite;
  const argonText = argon
    ? `argon2id (the app's PasswordHasher, ${benchConfig().argon2.memoryCost} KiB, t=${benchConfig().argon2.timeCost}, p=${benchConfig().argon2.parallelism}):
${fmt(argon.hashMs, 1)} ms a hash, ${fmt(argon.verifyMs, 1)} ms a verify (median of 5, one at a time), so login's
theoretical ceiling is ${CORES} cores ÷ ${fmt(argon.hashMs, 1)} ms ≈ **${fmt(argon.bound)} logins/s**. Measured with
${LOGIN_CONNECTIONS} verifies in flight at once (no HTTP, no database): ${fmt(argon.parallel)} verifies/s.
${report.loginLines.join('\n')}
`
    : '';
  const section = (title: string, intro: string, body: string | null, after: string[] = []) =>
    body ? `\n## ${title}\n\n${intro}\n\n${body}\n${after.length ? `\n${after.join('\n')}\n` : ''}` : '';
  return `# Benchmarks

Measured by \`npm run bench\` (autocannon; not part of \`npm test\`). Every number below is a median over
${ROUNDS} rounds of ${DURATION} s per scenario; each ratio compares two scenarios measured against the same
database in the same round.

## Machine

${info.map((l) => `- ${l}`).join('\n')}

## Results

${report.main}

${argonText}${report.meLines.join('\n')}
${extraNotes.length ? `\nNotes from the run:\n\n${extraNotes.map((n) => `- ${n}`).join('\n')}\n` : ''}${section(
    'Writes',
    WRITES_INTRO,
    report.writes?.table ?? null,
    report.writes?.verdicts,
  )}${section(
    'Guard cost: permission-protected routes',
    `\`GET /api/v1/orgs/{id}\` needs \`org.read\`: authentication (token verify + session lookup), the guard's
membership lookup (\`memberships.findAccess\`) and the handler's
primary-key select of the organization. \`POST …/authorize\` needs only membership and answers from the
guard's result (no query of its own). "CPU above /healthz" is what auth + guard + handler cost per request, in
the server and (PostgreSQL) the database together.`,
    report.guard,
  )}${section(
    `Members list: ${fmt(MEMBERS)} members in one organization`,
    `${fmt(MEMBERS)} users and their memberships (Member role) seeded with one \`INSERT … SELECT generate_series\`
(ids from \`gen_random_uuid()\`). Page 1 against page ${MEMBERS_DEEP_PAGE}, whose cursor was obtained by walking pages
1…${MEMBERS_DEEP_PAGE - 1} through the API once before measuring (and checked against the one computed from the ids).
Keyset pages (\`m.id > cursor order by m.id limit 51\`): p99 must not grow with the page number.`,
    report.members?.table ?? null,
    report.members?.verdicts,
  )}${section(
    'Audit log listing',
    `One organization's chain with ${fmt(pgAudit)} rows on **PostgreSQL** and ${fmt(liteAudit)} on **PGlite** (seeding a
million rows into PGlite takes far longer, so it gets the smaller variant), seeded after its real rows with one
\`INSERT … SELECT generate_series\` (\`actor_type 'system'\`, action \`bench.seed\`, one a second up to now, hashes null),
then \`VACUUM ANALYZE\`. Newest first: the first page, a keyset page below seq ${fmt(AUDIT_CURSOR_SEQ)} (cursor =
base64url of the seq, i.e. nearly the whole chain skipped), and \`offset=${fmt(AUDIT_OFFSET)}\`.`,
    report.audit?.table ?? null,
    report.audit?.verdicts,
  )}${section(
    'Audit writing on a mutating route',
    `\`PATCH /api/v1/orgs/{id}\` with a small body (\`{"description": …}\`, two values in turn) against the write
ceiling: bare Fastify, the same jose verify, and the one \`UPDATE organizations … RETURNING\` the PATCH makes,
autocommitted. Turning audit off is not possible, so the gap is everything PATCH adds to that statement:
session and membership lookups, a transaction, re-reading the organization, and the audit row — a savepoint,
the per-organization chain lock (\`pg_advisory_xact_lock\`), reading the chain head, hashing, the insert. All
${CONNECTIONS} connections update the same organization, so both sides queue on its row lock, and PATCH holds
that lock (and the chain lock) until its transaction commits.`,
    report.patch?.table ?? null,
    report.patch?.verdicts,
  )}${flagsSdkSections(report)}${section(
    'Query plans (PostgreSQL, EXPLAIN without ANALYZE)',
    `The exact statements the app sends for the pages above (the repositories' own functions, run through an
executor that answers with EXPLAIN), planned with the bench's parameter values.`,
    report.plans,
  )}
## Req/s per round

${perRoundTable(summaries)}

## How to run

\`\`\`sh
npx tsc -b && npm run bench                    # PGlite and PostgreSQL, ${ROUNDS} rounds of ${DURATION} s
BENCH_DB=pglite npm run bench                  # or postgres
BENCH_ROUNDS=5 BENCH_DURATION=8 npm run bench  # longer, steadier
BENCH_ONLY=guard,patch npm run bench           # a subset (printed only: docs/benchmarks.md is left alone)
BENCH_DATABASE_URL=postgres://user@host:5432/db npm run bench
node packages/bench/dist/breakdown.js   # where /auth/me's time goes, step by step (BENCH_DB=postgres by default)
BENCH_ONLY=scale npm run bench                 # pages at 1M users / 100k orgs / 10M audit events (seeds bench_scale once, ~5 min)
node packages/bench/dist/seed-scale.js --database-url postgres://…/bench_x [--users 1000000 --orgs 100000 --audit 10000000]
BENCH_ONLY=mix BENCH_SOAK_SECONDS=600 npm run bench  # the request mix on 1 and 2 processes, then a 10-minute soak
BENCH_ONLY=webhooks npm run bench             # webhook events produced/s, deliveries/s, latency a subscribed write adds (PostgreSQL)
BENCH_ONLY=scim npm run bench                  # SCIM: 50k-user directory, userName eq / startIndex pages, Okta-style resync of 10k users
\`\`\`

\`BENCH_ONLY\` takes a comma list of scenario keys — ${ALL_SCENARIOS.map((s) => `\`${s.key}\``).join(', ')} — or
groups: ${Object.entries(GROUPS).map(([g, keys]) => `\`${g}\` (${keys.join(', ')})`).join(', ')}. The ceiling always
runs, and so does whatever a scenario is reported against (\`/healthz\` for the guard routes, the write ceiling
for PATCH, the other page for the members pair, the first page for the deep audit pages, \`/healthz\` and
\`authorize\` for flag evaluation, the example app's other route for the SDK pair); data is seeded only
for the scenarios that read it.

Other knobs: \`BENCH_WARMUP\` (s, default 2), \`BENCH_CONNECTIONS\` (default 20),
\`BENCH_LOGIN_CONNECTIONS\` (default 8), \`BENCH_MEMBERS\` (default 10000), \`BENCH_AUDIT_ROWS_PG\` (default
1000000), \`BENCH_AUDIT_ROWS_PGLITE\` (default 100000), \`BENCH_MICRO_SECONDS\` (default 2: each round of the
in-process loops), \`BENCH_VERIFY_CONCURRENCY\` (default 8). For PostgreSQL the bench creates a database
\`saasready_bench_<pid>\` beside the one in \`BENCH_DATABASE_URL\`, migrates it and drops it at the end
(Better Auth gets \`betterauth_bench_<pid>\`, likewise dropped); \`BENCH_STATEMENTS_LOG=1\` prints each scenario's
statements by text;
PGlite runs in a temporary DATA_DIR that is removed afterwards. The whole run takes about
${estimatedMinutes(KINDS.length)} minutes with the defaults (this one: see "Whole run" above) and rewrites this file
(text below the marker at the end is kept).

What runs: the real app from \`buildApp(config)\` in the bench's process, listening on 127.0.0.1:0,
with \`NODE_ENV=production\`, a random \`MASTER_KEY\`, \`LOG_LEVEL=warn\`, 2-hour access tokens (issued once
per database, they must outlive the run) and — for the bench only — \`rateLimit.enabled = false\`, since
every request comes from one IP. autocannon runs in a child process. ${USERS} users register through the API;
each gets their own organization, as its Owner. Scenarios (key in brackets):

- **CEILING** [\`ceiling\`] — a bare Fastify 5 server (no plugins) with one route that verifies the same ES256
  access token with \`jose\` (\`jwtVerify\`, public key imported once, algorithm pinned) and runs one
  primary-key select (\`select … from sessions where id = $1\`) on the same database handle.
- **GET /auth/me** [\`me\`] — one access token (so \`last_used_at\` is touched at most once a minute).
- **POST /auth/refresh** [\`refresh\`] — every request presents a refresh token never used before: before each
  run the bench writes that many fresh sessions, each with one refresh token, straight into the
  database (as \`startSession\` would, but in bulk — logging in that often would cost an argon2 verify
  each), and hands each token out once. A reused token would end its session, so errors and
  non-2xx must stay 0.
- **POST /auth/login** [\`login\`] — ${USERS} registered users in turn, ${LOGIN_CONNECTIONS} connections.
- **GET /healthz** [\`healthz\`] — the app's cheapest route, for reference: what the plugin stack alone costs.
- **GET /orgs/{id}** [\`org-get\`] and **POST /orgs/{id}/authorize** [\`authorize\`] with
  \`{"permissions": ["org.read", "org.update"]}\` — the first user in their own organization.
- **Members** [\`members-first\`, \`members-deep\`] — the second user's organization, with ${fmt(MEMBERS)} seeded members.
- **Audit log** [\`audit-first\`, \`audit-cursor\`, \`audit-offset\`] — the third user's organization, with the
  seeded rows.
- **CEILING (write)** [\`update-ceiling\`] and **PATCH /orgs/{id}** [\`patch\`] — the first user's organization
  (its audit chain grows by one row per PATCH).
- **Feature flags** [\`flags-eval\`] — \`GET /orgs/{id}/feature-flags/evaluate?keys=…\` (${EVAL_KEYS.length} keys of ${FLAG_COUNT} seeded flags) by
  the fourth user, made a Member of the first user's organization; reported against \`/healthz\` and
  \`authorize\`. The same group times \`FlagEvaluator.isEnabled\`, \`evaluateFlag\` and \`rolloutBucket\` in-process.
- **SDK** [\`sdk-health\`, \`sdk-projects\`] — the projects-api example app on the SDK, with the same member's
  token; the same group times the SDK's \`verify\` in-process (1 and ${VERIFY_CONCURRENCY} in flight).
- **Writes** (group \`writes\`; see "Writes" above) — [\`register\`] a new email per request, ${LOGIN_CONNECTIONS} connections;
  [\`org-create\`] a new name and slug per request, by the sixth user; [\`invite\`] a new email per request into the
  seventh user's organization with its Member role; their references [\`refresh-ceiling\`], [\`me-ceiling\`] and
  Better Auth's [\`ba-create\`], [\`ba-invite\`], [\`ba-session\`] (PostgreSQL runs only).

Odd rounds run the scenarios in the order of the tables, even rounds in reverse, so slow drift favours
neither side of a pair.

## Reading the numbers

- The machine has ${CORES} cores shared by the server, the load generator and (for PostgreSQL) the
  database, and other work may be running: absolute req/s move from run to run. The ratio to the
  ceiling, measured in the same round on the same database, is the number to compare over time.
- Target from the spec: **\`/auth/me\` ≥ 70% of the ceiling on PostgreSQL**. The ceiling does the two
  things every authenticated request must do (verify the token, look up its session); everything
  above that — the plugin hooks (request id, helmet, CORS, metrics, authentication), the user join,
  the memberships query, schema serialisation — is what the ratio measures.
- **CPU µs/req** is CPU time divided by completed requests, from procfs: "server" is the bench's own
  process (the app or the ceiling, and PGlite when the database is PGlite — it runs in that process),
  "PostgreSQL" all processes named \`postgres\`. At saturation it is a steadier measure of a route's
  cost than req/s; "above /healthz" subtracts what the plugin stack alone costs.
- Target from the spec: **feature-flag evaluation ≥ ${pct(FLAGS_TARGET)} of \`/healthz\`'s throughput**. \`/healthz\` does no
  authentication and no query, so every authenticated, org-scoped route is far below it (see the guard
  table); the "CPU above /healthz" column says where the difference goes.
- **Login is bounded by argon2id**, not by the server: at best ≈ cores ÷ hash time (a verify costs the same). A login
  throughput near that bound is the expected result; latency grows with connections because hashes
  queue on libuv's thread pool.
- Refresh and PATCH are write paths (a transaction, several statements, for refresh a signature), so
  they are expected well below the read-only ceiling; on PGlite every query runs one at a time in the
  server's own thread. PATCH is compared with the write ceiling, not the read one.
- **Pages**: a keyset page (members, audit cursor) should cost the same wherever it starts; p99 within
  25% (+1 ms, autocannon's resolution) of the first page's counts as "does not grow". An offset page
  reads and throws away \`offset\` rows first, so it costs more the deeper it goes (here ${fmt(AUDIT_OFFSET)} rows).
- p50/p99 include queueing at the given connection count, in whole milliseconds (autocannon's
  resolution: 0.0 means under 1 ms); errors are connection errors and timeouts, non-2xx any other
  status — both should be 0.
- The "other processes" lines under Machine say how much CPU something else on the machine took
  during the measured runs; when it is high, trust the ratios more than the absolute numbers.

${KEEP_MARKER}
${kept}`;
}

/** BENCH_ONLY=scale / mix / webhooks: each prints its Markdown and rewrites its own block of docs/benchmarks.md */
async function runSpecials(): Promise<void> {
  const load = new LoadGenerator();
  try {
    for (const key of SPECIALS) {
      const markdown = key === 'scale' ? await runScale(load, POSTGRES_URL) : key === 'webhooks' ? await runWebhooks(POSTGRES_URL) : key === 'scim' ? await runScim(POSTGRES_URL) : await runMix(load, POSTGRES_URL);
      process.stdout.write(`\n${markdown}\n`);
      if (process.env.BENCH_NO_DOC) continue;
      writeDocBlock(key, markdown);
      process.stdout.write(`\n(${key}: its block of ${DOC} rewritten)\n`);
    }
  } finally {
    load.stop();
  }
}

async function main(): Promise<void> {
  if (SPECIALS.length) {
    await runSpecials();
    if (!SCENARIOS.length) return;
  }
  const started = Date.now();
  log(`rounds ${ROUNDS} × ${DURATION} s, warm-up ${WARMUP} s, databases: ${KINDS.join(', ')}, cores ${CORES}`);
  log(`scenarios: ${SCENARIOS.map((s) => s.key).join(', ')}${SUBSET ? ' (BENCH_ONLY: docs/benchmarks.md will not be rewritten)' : ''}`);
  countStatements();
  let argon: Argon | null = null;
  if (selected('login') || selected('register')) {
    argon = await timeArgon2();
    log(`argon2id: ${fmt(argon.hashMs, 1)} ms a hash, ${fmt(argon.verifyMs, 1)} ms a verify → login ceiling ≈ ${CORES} ÷ ${fmt(argon.hashMs, 1)} ms ≈ ${fmt(argon.bound)}/s; ${fmt(argon.parallel)} verifies/s and ${fmt(argon.parallelHash)} hashes/s measured ${LOGIN_CONNECTIONS} at a time`);
  }

  const load = new LoadGenerator();
  const runs: Run[] = [];
  const dbInfo: string[] = [];
  /** CPU used by processes other than the bench, the load generator and PostgreSQL, while measuring */
  const foreign: string[] = [];
  const setupNotes: string[] = [];
  let failed: unknown = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping after this scenario, then dropping the bench database`);
      aborted = true;
    });
  }
  try {
    for (const kind of KINDS) {
      const run = await benchDatabase(kind, load);
      runs.push({ ...run, label: dbLabel(kind), summaries: run.rows.map(summarize) });
      dbInfo.push(`${run.description}: ${run.version.split(',')[0]}`);
      setupNotes.push(...run.setupNotes);
      if (run.others.length) {
        foreign.push(`${dbLabel(kind)} runs: other processes used a median ${fmt(median(run.others) * 100)}% (max ${fmt(Math.max(...run.others) * 100)}%) of the machine's CPU`);
      }
    }
  } catch (err) {
    failed = err;
  } finally {
    load.stop();
  }
  if (failed) throw failed;

  const summaries = runs.flatMap((r) => r.summaries);
  const report = buildReport(runs, argon);
  const notes = summaries.flatMap((s) => s.notes.map((n) => `${s.db} ${s.scenario}: ${n}`));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const info = [
    `Node ${process.version} on ${process.platform}/${process.arch}`,
    `${CORES} cores (${cpu}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM`,
    `Date: ${new Date().toISOString()}`,
    `Rounds: ${ROUNDS} × ${DURATION} s per scenario (after a ${WARMUP} s warm-up each); connections ${CONNECTIONS}, login ${LOGIN_CONNECTIONS}`,
    ...dbInfo,
    ...foreign,
    ...setupNotes,
    `Whole run: ${fmt((Date.now() - started) / 1000)} s`,
  ];

  const out = (text: string) => process.stdout.write(text);
  out(`\n${report.main}\n\n`);
  if (argon) {
    out(`argon2id: ${fmt(argon.hashMs, 1)} ms/hash, ${fmt(argon.verifyMs, 1)} ms/verify → theoretical login ceiling ${CORES} cores ÷ ${fmt(argon.hashMs, 1)} ms ≈ ${fmt(argon.bound)}/s (measured ${fmt(argon.parallel)} verifies/s, ${LOGIN_CONNECTIONS} in flight)\n`);
  }
  for (const line of [...report.loginLines, ...report.meLines]) out(`${line}\n`);
  if (report.guard) out(`\nGuard cost:\n\n${report.guard}\n`);
  if (report.writes) out(`\nWrites (issue 20 targets):\n\n${report.writes.table}\n\n${report.writes.verdicts.join('\n')}\n`);
  for (const part of [report.members, report.audit, report.patch]) if (part) out(`\n${part.table}\n\n${part.verdicts.join('\n')}\n`);
  const extra = flagsSdkSections(report);
  if (extra) out(extra);
  if (report.plans) out(`\n${report.plans}\n`);
  out('\n');
  for (const line of [...foreign, ...setupNotes, info[info.length - 1]!]) out(`${line}\n`);
  for (const note of notes) out(`note: ${note}\n`);

  if (SUBSET) {
    out(`\nBENCH_ONLY run: ${DOC} left as it was\n`);
    return;
  }
  const previous = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const markerAt = previous.indexOf(KEEP_MARKER);
  const kept = markerAt >= 0 ? previous.slice(markerAt + KEEP_MARKER.length).replace(/^\n/, '') : '';
  mkdirSync(dirname(DOC), { recursive: true });
  writeFileSync(DOC, renderDoc(runs, report, info, argon, notes, kept));
  out(`\nwritten to ${DOC}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
