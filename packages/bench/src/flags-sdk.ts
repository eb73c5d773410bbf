// Fixtures and in-process measurements for the `flags` and `sdk` scenario groups: global flags with
// rollouts and overrides, a member of the bench organization, the SDK (@saasready/sdk) and the
// example app (projects-api-example), and timed loops with no HTTP in between.
import { randomUUID } from 'node:crypto';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { evaluateFlag, rolloutBucket, type FlagOverride, type FlagRule, type FlagSnapshot } from '@saasready/contracts';
import { FlagEvaluator, createVerifier } from '@saasready/sdk';
import * as flagsRepository from '@saasready/server/internal/modules/feature-flags/repository.js';
import { newId } from '@saasready/server/internal/lib/ids.js';
import { buildProjectsApi } from 'projects-api-example';
import { cpuMeter, otherShare } from './load-client.js';
import { median } from './report.js';
import type { BenchDatabase, BenchUser, Target } from './targets.js';

// ---- fixtures -----------------------------------------------------------------------------------

export const FLAG_COUNT = 20;
export const flagKey = (i: number): string => `bench-flag-${String(i).padStart(2, '0')}`;

interface FlagSpec {
  key: string;
  default_enabled: boolean;
  rollout_percent: number | null;
  rollout_unit: 'organization' | 'user';
  /** override for the bench organization */
  override: FlagOverride | null;
}

/**
 * 20 flags, five kinds in turn (on; off; organization rollout 10–86%; user rollout 50%; organization
 * rollout 30%), and overrides for the bench organization on six of them (off; on; on for 40% of
 * users; on; off; on for 20% of organizations).
 */
export const FLAG_SPECS: FlagSpec[] = Array.from({ length: FLAG_COUNT }, (_, i) => {
  const kind = i % 5;
  const overrides: Record<number, FlagOverride> = {
    0: { enabled: false, rollout_percent: null },
    2: { enabled: true, rollout_percent: null },
    3: { enabled: true, rollout_percent: 40 },
    7: { enabled: true, rollout_percent: null },
    8: { enabled: false, rollout_percent: null },
    12: { enabled: true, rollout_percent: 20 },
  };
  return {
    key: flagKey(i),
    default_enabled: kind === 0,
    rollout_percent: kind === 2 ? 10 + i * 4 : kind === 3 ? 50 : kind === 4 ? 30 : null,
    rollout_unit: kind === 3 ? 'user' : 'organization',
    override: overrides[i] ?? null,
  };
});

/**
 * The five keys `GET …/evaluate?keys=` asks for, one of each path through evaluateFlag: an override
 * (on), an override with a user rollout, an organization rollout, a user rollout, a plain default.
 */
export const EVAL_KEYS = [2, 3, 4, 13, 15].map(flagKey);

export interface FlagsFixture {
  organizationId: string;
  /** the member's access token, scoped to the organization (Member role) */
  token: string;
  userId: string;
  /** what the SDK, evaluating locally from the organization's snapshot, says for EVAL_KEYS */
  expected: Record<string, boolean>;
  /** the organization's snapshot, as an API key of it downloads it */
  snapshot: FlagSnapshot;
  overrides: number;
  otherOverrides: number;
}

async function call(baseUrl: string, method: string, path: string, token: string, body?: unknown): Promise<any> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const claimsOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

/**
 * Seeds the flags (the app's repository functions, no audit rows), makes `member` a Member of
 * `owner`'s organization (one INSERT, as seedMembers does) and switches their session to it through
 * the API, so their token carries the organization, the Member role and its permissions. Then
 * downloads the organization's snapshot with an API key, through the SDK's FlagEvaluator.
 */
export async function prepareFlags(
  database: BenchDatabase,
  baseUrl: string,
  owner: BenchUser,
  member: BenchUser,
  others: BenchUser[],
): Promise<FlagsFixture> {
  const organizationId = owner.organizationId!;
  const { db } = database.handle;
  let overrides = 0;
  let otherOverrides = 0;
  for (const spec of FLAG_SPECS) {
    const row = await flagsRepository.insertFlag(db, {
      id: newId(), key: spec.key, name: `Bench flag ${spec.key.slice(-2)}`, description: null,
      default_enabled: spec.default_enabled, rollout_percent: spec.rollout_percent, rollout_unit: spec.rollout_unit,
    });
    if (spec.override) {
      await flagsRepository.upsertOverride(db, organizationId, row.id, spec.override);
      overrides++;
    }
    // other organizations' overrides on a few flags, so the query's join has rows to skip
    for (const other of others) {
      if (other.organizationId && Number(spec.key.slice(-2)) % 3 === 0) {
        await flagsRepository.upsertOverride(db, other.organizationId, row.id, { enabled: true, rollout_percent: null });
        otherOverrides++;
      }
    }
  }
  await database.bulk(
    `insert into memberships (id, organization_id, user_id, role_id, status)
     select gen_random_uuid(), $1::uuid, $2::uuid,
            (select id from roles where organization_id = $1::uuid and name = 'Member' and is_system), 'active'`,
    [organizationId, member.userId],
  );
  const switched = await call(baseUrl, 'POST', '/api/v1/auth/switch-org', member.accessToken, { org_id: organizationId });
  const token: string = switched.access_token;
  const claims = claimsOf(token);
  const permissions = Array.isArray(claims.permissions) ? (claims.permissions as string[]) : [];
  if (claims.org_id !== organizationId || claims.org_role !== 'Member' || !permissions.includes('feature_flags.read') || !permissions.includes('org.read')) {
    throw new Error(`the member's token is not scoped as expected: ${JSON.stringify({ org_id: claims.org_id, org_role: claims.org_role, permissions })}`);
  }

  const key = await call(baseUrl, 'POST', `/api/v1/orgs/${organizationId}/api-keys`, owner.accessToken, { name: 'bench flags', permissions: ['feature_flags.read'] });
  const evaluator = new FlagEvaluator({ baseUrl, credential: key.raw_key as string });
  await evaluator.start();
  evaluator.stop();
  // the same snapshot again, as data, for the evaluateFlag loop (the evaluator keeps its own private)
  const snapshot = (await call(baseUrl, 'GET', '/api/v1/feature-flags/snapshot', key.raw_key as string)) as FlagSnapshot;
  if (snapshot.flags.length !== FLAG_COUNT) throw new Error(`the snapshot has ${snapshot.flags.length} flags, expected ${FLAG_COUNT}`);
  if (snapshot.version !== evaluator.version) throw new Error('the snapshot changed between two downloads');
  const expected = Object.fromEntries(EVAL_KEYS.map((k) => [k, evaluator.isEnabled(k, { organizationId, userId: member.userId })]));
  return { organizationId, token, userId: member.userId, expected, snapshot, overrides, otherOverrides };
}

/** The example app, pointed at the bench's SaaSReady app (JWKS fetched on the first verify, then cached). */
export async function startProjectsApi(saasreadyUrl: string, claims: { issuer: string; audience: string }): Promise<Target> {
  const app = buildProjectsApi({ issuer: claims.issuer, audience: claims.audience, jwksUrl: `${saasreadyUrl}/.well-known/jwks.json` });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { app, baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => app.close() };
}

// ---- in-process micro-benchmarks ----------------------------------------------------------------

export interface MicroResult {
  /** what was measured, for the table */
  name: string;
  /** in flight at once (async loops); 1 for the synchronous ones */
  concurrency: number;
  /** operations per wall-clock second, per round */
  perSecond: number[];
  /** operations per CPU-second of this process (all its threads), per round: "per core" */
  perCpuSecond: number[];
  /** the share of the machine's CPU other processes used, per round */
  others: number[];
  note?: string;
}

export interface MicroSummary {
  name: string;
  concurrency: number;
  perSecond: number;
  perCpuSecond: number;
  /** ns of CPU per operation */
  cpuNs: number;
  rounds: number[];
  others: number;
  note?: string;
}

export const summarizeMicro = (m: MicroResult): MicroSummary => ({
  name: m.name,
  concurrency: m.concurrency,
  perSecond: median(m.perSecond),
  perCpuSecond: median(m.perCpuSecond),
  cpuNs: 1e9 / median(m.perCpuSecond),
  rounds: m.perSecond,
  others: median(m.others),
  ...(m.note ? { note: m.note } : {}),
});

/** A synchronous loop over `step` for `seconds`, checking the clock every 1,000 calls. */
function spin(seconds: number, step: (i: number) => number): { ops: number; wall: number; cpu: number; other: number; sink: number } {
  const meter = cpuMeter(undefined);
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  let ops = 0;
  let sink = 0;
  while (performance.now() < end) {
    for (let j = 0; j < 1000; j++) sink += step(ops++);
  }
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu0);
  return { ops, wall, cpu: (used.user + used.system) / 1e6, other: otherShare(meter(), wall), sink };
}

/** `concurrency` async loops over `step` for `seconds`. */
async function spinAsync(seconds: number, concurrency: number, step: () => Promise<unknown>): Promise<{ ops: number; wall: number; cpu: number; other: number }> {
  const meter = cpuMeter(undefined);
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  let ops = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await step();
        ops++;
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu0);
  return { ops, wall, cpu: (used.user + used.system) / 1e6, other: otherShare(meter(), wall) };
}

function collect(name: string, concurrency: number, rounds: { ops: number; wall: number; cpu: number; other: number }[], note?: string): MicroResult {
  return {
    name,
    concurrency,
    perSecond: rounds.map((r) => r.ops / r.wall),
    perCpuSecond: rounds.map((r) => r.ops / Math.max(r.cpu, 1e-6)),
    others: rounds.map((r) => r.other),
    ...(note ? { note } : {}),
  };
}

/**
 * Local flag evaluation, no HTTP: the SDK's FlagEvaluator.isEnabled on the organization's snapshot,
 * contracts' evaluateFlag with the rule and override already looked up, and rolloutBucket (the
 * MurmurHash3 behind every rollout) alone. Inputs cycle through the 20 flags × 64 organizations
 * (one in four the bench organization, which has overrides) × 64 users.
 */
export async function timeFlagEvaluation(fixture: FlagsFixture, seconds: number, rounds: number): Promise<MicroResult[]> {
  const evaluator = new FlagEvaluator({ baseUrl: 'http://127.0.0.1:9', credential: 'unused' });
  evaluator.load(fixture.snapshot);
  const orgs = Array.from({ length: 64 }, (_, i) => (i % 4 === 0 ? fixture.organizationId : randomUUID()));
  const usersIds = Array.from({ length: 64 }, () => randomUUID());
  const flags = fixture.snapshot.flags;
  const keys = flags.map((f) => f.key);
  const rules: FlagRule[] = flags.map((f) => ({ key: f.key, default_enabled: f.default_enabled, rollout_percent: f.rollout_percent, rollout_unit: f.rollout_unit }));
  const overrideFor = flags.map((f) => orgs.map((o) => f.overrides[o] ?? null));
  const n = keys.length;
  const contexts = orgs.map((organizationId, i) => ({ organizationId, userId: usersIds[(i * 7) % 64]! }));
  // how many of the evaluations hash (a rollout decides): the rest return after a property read or two
  let hashing = 0;
  for (let f = 0; f < n; f++) {
    for (let o = 0; o < orgs.length; o++) {
      const override = overrideFor[f]![o];
      if (override ? override.enabled && override.rollout_percent !== null : rules[f]!.rollout_percent !== null) hashing++;
    }
  }
  const hashShare = hashing / (n * orgs.length);

  const isEnabled = (i: number) => (evaluator.isEnabled(keys[i % n]!, contexts[(i >>> 5) & 63]!) ? 1 : 0);
  const direct = (i: number) => {
    const f = i % n;
    const o = (i >>> 5) & 63;
    return evaluateFlag(rules[f]!, overrideFor[f]![o], contexts[o]!) ? 1 : 0;
  };
  const bucket = (i: number) => rolloutBucket(keys[i % n]!, i & 1 ? orgs[(i >>> 5) & 63]! : usersIds[(i >>> 5) & 63]!);

  const results: MicroResult[] = [];
  const note = `${Math.round(hashShare * 100)}% of these evaluations hash (a rollout decides)`;
  for (const [name, step, extra] of [
    ['SDK `FlagEvaluator.isEnabled(key, ctx)` (snapshot loaded)', isEnabled, note],
    ['contracts `evaluateFlag(rule, override, ctx)`', direct, note],
    ['contracts `rolloutBucket(key, id)` (MurmurHash3 of `key:id`)', bucket, undefined],
  ] as const) {
    spin(0.3, step); // warm-up: the JIT settles
    const measured = Array.from({ length: rounds }, () => spin(seconds, step));
    results.push(collect(name, 1, measured, extra));
  }
  return results;
}

/**
 * Offline verification with the SDK: `createVerifier({issuer, audience, jwksUrl}).verify(token)`
 * with the JWKS already fetched (one verify first), one at a time and `concurrency` in flight; and
 * jose's jwtVerify with the key imported once (the ceiling's verify) for reference.
 */
export async function timeVerification(
  saasreadyUrl: string,
  claims: { issuer: string; audience: string },
  jwks: { keys: JWK[] },
  token: string,
  seconds: number,
  rounds: number,
  concurrency: number,
): Promise<MicroResult[]> {
  const verifier = createVerifier({ issuer: claims.issuer, audience: claims.audience, jwksUrl: `${saasreadyUrl}/.well-known/jwks.json` });
  const caller = await verifier.verify(token); // fetches and caches the JWKS
  if (!caller.orgId || !caller.permissions.has('org.read')) throw new Error('the SDK verified the token but found no organization or org.read');
  const jwk = jwks.keys.find((k) => k.alg === 'ES256');
  if (!jwk) throw new Error('the app published no ES256 signing key');
  const key = await importJWK(jwk, 'ES256');
  const joseVerify = () => jwtVerify(token, key, { algorithms: ['ES256'], issuer: claims.issuer, audience: claims.audience });
  const sdkVerify = () => verifier.verify(token);

  const results: MicroResult[] = [];
  for (const [name, step] of [
    ['SDK `createVerifier(…).verify(token)` (JWKS cached)', sdkVerify],
    ['reference: jose `jwtVerify(token, key)` (key imported once)', joseVerify],
  ] as const) {
    for (const inFlight of [1, concurrency]) {
      await spinAsync(0.3, inFlight, step);
      const measured: Awaited<ReturnType<typeof spinAsync>>[] = [];
      for (let r = 0; r < rounds; r++) measured.push(await spinAsync(seconds, inFlight, step));
      results.push(collect(name, inFlight, measured));
    }
  }
  return results;
}
