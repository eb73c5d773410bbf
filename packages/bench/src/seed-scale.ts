// A large, realistic data set for the "at scale" bench, written into a freshly migrated PostgreSQL
// database: users, organizations with their four system roles (as roles/repository.ts
// insertSystemRolesFor writes them: the fixed ids; their permissions are migration 0024's shared
// rows), memberships and audit events with valid
// per-organization hash chains (chain.ts's chainHash, the one the app writes and verifies with).
//
//   node packages/bench/dist/seed-scale.js --database-url URL [--users 1000000 --orgs 100000 --audit 10000000]
//
// How it loads: every table is streamed with `COPY … FROM STDIN` (pg-copy-streams), its rows made
// here as the server asks for them, with ids derived from the row number (md5 → uuid, the same as
// orgIdSql/userIdSql in SQL) so no row needs a lookup. Audit rows carry a hash, computed in chain
// order with chainHash; hashing is the load's bottleneck, so the chains are shared out over one
// worker thread per core, each with its own COPY. Before the load the tables' keys, indexes and
// foreign keys (and those pointing at them) are dropped; afterwards they are re-created from their
// own catalog definitions — the migrated schema, checked identical at the end — which builds each
// index once instead of row by row and re-checks every foreign key over the whole table.
// The connection that loads sets session_replication_role = replica (superuser only; refused, it logs
// a note and goes on, slower): migration 0009's row triggers would otherwise send a cache
// notification for every membership and role_permissions row of a database no server listens to.
// Migration 0010's triggers do not fire either, so memberships.search_text is written here.
// Full size on the 2-core bench machine: 299 s (was 545 s with INSERT … SELECT and unnest batches;
// 439 s in a first COPY run), both COPY runs with another test suite busy on the same cores; the steps'
// times are in docs/benchmarks.md.
//
// Shape (U users, O organizations, A audit events; defaults 1M / 100k / 10M):
// - every user has a primary membership: users 1…5% of U in organization 1 (the largest), the
//   next 5% spread over organizations 2–10, the rest over organizations 11…O (about U/O each);
//   organizations 11…O also get 0–10 extra members drawn at random, so sizes run from 1 to ~20;
// - the first member of each organization is its Owner, the rest Admin/Member/Viewer (1:7:2);
// - audit events: 30% in organization 1, 30% over organizations 2–10, 40% over the long tail
//   (a geometric-ish spread: most tail organizations have a few dozen, some none);
// - one password hash (argon2id of SCALE_PASSWORD, computed once) for every user; user 1 owns
//   organization 1, and `scale-admin@scale.example.com` is a superuser in no organization.
import { createHash, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { SYSTEM_ROLE_IDS, SYSTEM_ROLES, type AuditAction } from '@saasready/contracts';
import { loadConfig } from '@saasready/server/internal/config.js';
import { openDatabase } from '@saasready/server/internal/db/client.js';
import { newId } from '@saasready/server/internal/lib/ids.js';
import { PasswordHasher } from '@saasready/server/internal/lib/passwords.js';
import { chainHash, type ChainedFields } from '@saasready/server/internal/modules/audit-logs/chain.js';

export const SCALE_PASSWORD = 'Scale-bench-Password-2026!';
export const SCALE_ADMIN_EMAIL = 'scale-admin@scale.example.com';
/** organization n's id, user n's id: md5 of a tag and the row number, as a uuid (same in SQL and JS) */
export const orgIdSql = (n: string) => `md5('scale-org-' || ${n})::uuid`;
export const userIdSql = (n: string) => `md5('scale-user-' || ${n})::uuid`;
/** what `md5(tag)::uuid` gives in SQL, computed here */
const md5Uuid = (tag: string): string => {
  const h = createHash('md5').update(tag).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
export const orgIdOf = (n: number) => md5Uuid(`scale-org-${n}`);
export const userIdOf = (n: number) => md5Uuid(`scale-user-${n}`);
/** a system role's id: the same in every organization (migration 0024) */
const roleIdOf = (_org: number, name: keyof typeof SYSTEM_ROLE_IDS) => SYSTEM_ROLE_IDS[name];

export interface ScaleSize {
  users: number;
  orgs: number;
  audit: number;
}

export interface SeedResult extends ScaleSize {
  memberships: number;
  roles: number;
  rolePermissions: number;
  seconds: number;
  steps: { step: string; seconds: number }[];
  /** organization 1 (largest), a mid-size one (2), and a small one from the tail, with their event counts */
  largeOrg: number;
  smallOrg: number;
}

const FIRST = ['Ada', 'Ben', 'Chloe', 'David', 'Emma', 'Felix', 'Grace', 'Hugo', 'Iris', 'Jack', 'Kara', 'Liam', 'Maya', 'Noah', 'Olga', 'Paul', 'Quinn', 'Rosa', 'Sam', 'Tara'];
const LAST = [
  'Smith', 'Jones', 'Garcia', 'Miller', 'Davis', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
];
const ACTIONS: readonly AuditAction[] = ['member.added', 'user.role.updated', 'org.updated', 'api_key.created', 'api_key.revoked', 'user.invite.sent', 'user.invite.accepted', 'feature_flag.enabled', 'role.created', 'member.suspended'];
const AGENTS = ['Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0', 'Mozilla/5.0 (Macintosh) Safari/605.1.15', 'saasready-sdk/0.1.0 node/22'];

type CopyValue = string | number | boolean | null;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** One field in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
const copyField = (v: CopyValue): string =>
  v === null ? '\\N' : typeof v === 'string' ? (/[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : v) : String(v);

/**
 * Streams rows into `table` with COPY … FROM STDIN. Rows are generated as PostgreSQL asks for them
 * (pipeline's back-pressure), in 64 kB chunks, so Node builds the next chunk while the server parses
 * the last one, and memory stays flat whatever the row count.
 */
async function copyRows(client: pg.Client, table: string, columns: readonly string[], rows: Iterable<CopyValue[]>): Promise<number> {
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      chunk += `${row.map(copyField).join('\t')}\n`;
      if (chunk.length >= 65_536) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const copy = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks()), copy);
  return copy.rowCount;
}

/** The audit events per organization: 30% in org 1, 30% over orgs 2–10, 40% over the tail (deterministic). */
export function auditCounts(size: ScaleSize): Map<number, number> {
  const counts = new Map<number, number>();
  const top = Math.floor(size.audit * 0.3);
  counts.set(1, top);
  const mid = Math.floor((size.audit * 0.3) / 9);
  for (let o = 2; o <= Math.min(10, size.orgs); o++) counts.set(o, mid);
  let left = size.audit - [...counts.values()].reduce((a, b) => a + b, 0);
  const tail = size.orgs - 10;
  if (tail <= 0) return counts;
  // weights w(k) ∝ 1/(1 + k mod 97)^0.9 over a shuffled order: a long tail, a few hundred orgs with
  // thousands of events, most with tens, about one in ten with a handful
  const weights: number[] = [];
  let sum = 0;
  for (let i = 0; i < tail; i++) {
    const rank = ((i * 7919) % 97) + 1;
    const w = 1 / rank ** 0.9;
    weights.push(w);
    sum += w;
  }
  for (let i = 0; i < tail && left > 0; i++) {
    const n = i === tail - 1 ? left : Math.min(left, Math.round((weights[i]! / sum) * size.audit * 0.4));
    if (n > 0) counts.set(11 + i, n);
    left -= n;
  }
  if (left > 0) counts.set(11, (counts.get(11) ?? 0) + left);
  return counts;
}

export async function seedScale(databaseUrl: string, size: ScaleSize, log: (m: string) => void = (m) => process.stderr.write(`[seed-scale] ${m}\n`)): Promise<SeedResult> {
  if (size.orgs < 11 || size.users < size.orgs) throw new Error('need at least 11 organizations and as many users as organizations');
  const started = performance.now();
  const steps: { step: string; seconds: number }[] = [];
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    log(`${name}…`);
    const result = await fn();
    const seconds = (performance.now() - t) / 1000;
    steps.push({ step: name, seconds });
    log(`${name}: ${seconds.toFixed(1)} s (total ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };

  // the server's own migrations, on the server's own handle
  await step('migrate', async () => {
    const handle = await openDatabase({ databaseUrl, dataDir: 'memory://' });
    try {
      await handle.migrate();
    } finally {
      await handle.close();
    }
  });

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const q = (text: string, params: unknown[] = []) => client.query(text, params);
  await q(`set synchronous_commit = off`);
  await q(`set maintenance_work_mem = '512MB'`);
  const [{ n: existing }] = (await q('select count(*)::int as n from users')).rows as [{ n: number }];
  if (existing > 0) throw new Error('the database already has users: seed-scale wants a freshly migrated one');
  // the ids computed here must be the ones scale.ts computes in SQL
  const [{ org, user }] = (await q(`select ${orgIdSql('7')}::text as org, ${userIdSql('7')}::text as user`)).rows as [{ org: string; user: string }];
  if (org !== orgIdOf(7) || user !== userIdOf(7)) throw new Error('md5 ids differ between SQL and Node');
  // Migration 0009's row triggers notify the cache channel for every membership and role_permissions
  // row: pointless on a fresh database that no server listens to, and slow. As "replica", this
  // session fires no ordinary trigger (PostgreSQL's own foreign-key triggers included: the foreign
  // keys are dropped for the load and re-added, hence re-checked, below). It takes a superuser.
  try {
    await q(`set session_replication_role = replica`);
  } catch (err) {
    log(`note: session_replication_role = replica refused (${err instanceof Error ? err.message : String(err)}); the row triggers fire during the load, which is slower`);
  }

  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: 'memory://', MASTER_KEY: 'x'.repeat(43) }, () => {});
  const passwordHash = await new PasswordHasher(config.argon2).hash(SCALE_PASSWORD);
  const U = size.users;
  const O = size.orgs;
  const now = Date.now();
  const DAY = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const nowIso = iso(now);
  const bigUsers = Math.max(1, Math.floor(U * 0.05));
  const midUsers = Math.max(9, Math.floor(U * 0.05));
  const tailUsers = U - bigUsers - midUsers;
  /** primary organization of user g (1-based) */
  const primaryOrg = (g: number) =>
    g <= bigUsers ? 1 : g <= bigUsers + midUsers ? 2 + ((g - bigUsers - 1) % 9) : 11 + Math.floor(((g - bigUsers - midUsers - 1) * (O - 10)) / tailUsers);
  const firstName = (g: number) => FIRST[(g * 7) % FIRST.length]!;
  const lastName = (g: number) => LAST[Math.floor((g * 13) / 7) % LAST.length]!;
  const emailOf = (g: number) => `${`${firstName(g)}.${lastName(g)}`.toLowerCase()}.${g}@scale.example.com`;
  /** memberships.search_text of user g's memberships, as migration 0010's triggers write it */
  const searchTextOf = (g: number) => `${emailOf(g)}\n${firstName(g)} ${lastName(g)}`;
  /** each organization's Owner: its first user (0 for an organization without members) */
  const ownerOf = new Int32Array(O + 1);
  for (let g = 1; g <= U; g++) {
    const o = primaryOrg(g);
    if (ownerOf[o] === 0) ownerOf[o] = g;
  }

  // Load into bare tables, the way pg_restore does: keys, indexes and foreign keys of the loaded
  // tables (and foreign keys pointing at them) are dropped, then re-created from their own catalog
  // definitions once the rows are in — building an index once is several times faster than
  // maintaining it row by row, and re-adding a foreign key checks every row against its parent.
  const TABLES = ['users', 'organizations', 'roles', 'role_permissions', 'memberships', 'audit_logs'];
  const before = await schemaObjects(client, TABLES);
  await step('drop keys, indexes and foreign keys', async () => {
    for (const fk of before.foreignKeys) await q(`alter table ${fk.table} drop constraint ${fk.name}`);
    for (const key of before.keys) await q(`alter table ${key.table} drop constraint ${key.name}`);
    for (const ix of before.indexes) await q(`drop index ${ix.name}`);
  });

  await step(`users (${U.toLocaleString('en')})`, async () => {
    function* rows(): Generator<CopyValue[]> {
      for (let g = 1; g <= U; g++) {
        yield [userIdOf(g), emailOf(g), passwordHash, `${firstName(g)} ${lastName(g)}`, g % 250 !== 0, false,
          g % 5 !== 0 ? iso(now - (g % 700) * DAY) : null, iso(now - 730 * DAY + (g / U) * 729 * DAY), nowIso];
      }
      yield [userIdOf(0), SCALE_ADMIN_EMAIL, passwordHash, 'Scale Admin', true, true, nowIso, nowIso, nowIso];
    }
    await copyRows(client, 'users', ['id', 'email', 'password_hash', 'full_name', 'is_active', 'is_superuser', 'email_verified_at', 'created_at', 'updated_at'], rows());
  });

  await step(`organizations (${O.toLocaleString('en')})`, async () => {
    function* rows(): Generator<CopyValue[]> {
      for (let g = 1; g <= O; g++) {
        yield [orgIdOf(g), `Scale Org ${g}`, `scale-org-${g}`, g % 3 === 0 ? 'Seeded for the scale bench' : null, iso(now - 700 * DAY + (g / O) * 699 * DAY), nowIso];
      }
    }
    await copyRows(client, 'organizations', ['id', 'name', 'slug', 'description', 'created_at', 'updated_at'], rows());
  });

  const roleNames = Object.keys(SYSTEM_ROLES) as (keyof typeof SYSTEM_ROLES)[];
  await step(`roles (${(O * roleNames.length).toLocaleString('en')})`, async () => {
    function* roles(): Generator<CopyValue[]> {
      for (let g = 1; g <= O; g++) for (const name of roleNames) yield [roleIdOf(g, name), orgIdOf(g), name, `${name} (system role)`, true];
    }
    await copyRows(client, 'roles', ['id', 'organization_id', 'name', 'description', 'is_system'], roles());
  });

  await step('memberships', async () => {
    // random v4 ids, as gen_random_uuid() gave before: member pages in id order are not in load order
    function* primary(): Generator<CopyValue[]> {
      for (let g = 1; g <= U; g++) {
        const o = primaryOrg(g);
        const first = ownerOf[o] === g;
        const role = first ? 'Owner' : g % 10 === 0 ? 'Admin' : g % 10 === 1 || g % 10 === 2 ? 'Viewer' : 'Member';
        yield [randomUUID(), orgIdOf(o), userIdOf(g), roleIdOf(o, role), g % 97 === 0 && !first ? 'suspended' : 'active',
          iso(now - 700 * DAY + (g / U) * 699 * DAY), nowIso, searchTextOf(g)];
      }
    }
    // search_text too: the triggers that fill it do not fire for a replica session
    const columns = ['id', 'organization_id', 'user_id', 'role_id', 'status', 'created_at', 'updated_at', 'search_text'];
    await copyRows(client, 'memberships', columns, primary());
    // 0–10 extra members in each tail organization (as many as hashint4 said before), random users;
    // a user drawn twice, or already the organization's primary member, is skipped
    const [{ extras }] = (await q(`select array_agg((hashint4(o) & 2147483647) % 11 order by o) as extras from generate_series(11, $1::int) o`, [O])).rows as [{ extras: number[] }];
    function* extra(): Generator<CopyValue[]> {
      for (let o = 11; o <= O; o++) {
        const seen = new Set<number>();
        for (let k = extras[o - 11]!; k > 0; k--) {
          const u = 1 + Math.floor(Math.random() * U);
          if (seen.has(u) || primaryOrg(u) === o) continue;
          seen.add(u);
          yield [randomUUID(), orgIdOf(o), userIdOf(u), roleIdOf(o, 'Member'), 'active', nowIso, nowIso, searchTextOf(u)];
        }
      }
    }
    await copyRows(client, 'memberships', columns, extra());
  });

  const counts = auditCounts(size);
  await step(`audit events (${size.audit.toLocaleString('en')}, hashed)`, async () => {
    const chains: AuditChain[] = [];
    for (const [org, events] of counts) {
      const g = ownerOf[org]!;
      if (!g) throw new Error(`organization ${org} has no Owner`);
      chains.push({ org, events, orgId: orgIdOf(org), actorId: userIdOf(g), actorEmail: emailOf(g) });
    }
    await loadAudit(client, databaseUrl, size.audit, chains, log);
  });

  await step('keys, indexes and foreign keys re-created', async () => {
    const timed = async (what: string, text: string) => {
      const t = performance.now();
      await q(text);
      const seconds = (performance.now() - t) / 1000;
      if (seconds >= 1) log(`  ${what}: ${seconds.toFixed(1)} s`);
    };
    for (const key of before.keys) await timed(key.name, `alter table ${key.table} add constraint ${key.name} ${key.definition}`);
    for (const ix of before.indexes) await timed(ix.name, ix.definition);
    for (const fk of before.foreignKeys) await timed(fk.name, `alter table ${fk.table} add constraint ${fk.name} ${fk.definition}`);
    const after = await schemaObjects(client, TABLES);
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('the re-created keys, indexes or foreign keys differ from the migrated ones');
  });
  await step('vacuum analyze', async () => {
    for (const t of TABLES) await q(`vacuum analyze ${t}`);
  });
  const [{ n: memberships }] = (await q('select count(*)::int as n from memberships')).rows as [{ n: number }];
  const [{ n: roles }] = (await q('select count(*)::int as n from roles')).rows as [{ n: number }];
  const [{ n: rolePermissions }] = (await q('select count(*)::int as n from role_permissions')).rows as [{ n: number }];
  // a small tail organization with some events (not one of the few biggest tail ones)
  let smallOrg = 11;
  for (const [org, n] of counts) if (org > 10 && n >= 60 && n <= 200) { smallOrg = org; break; }
  const seconds = (performance.now() - started) / 1000;
  const result: SeedResult = { ...size, memberships, roles, rolePermissions, seconds, steps, largeOrg: 1, smallOrg };
  // how this database was made, for the bench to find and reuse it (the comment is not data the app reads)
  const [{ db }] = (await q('select current_database() as db')).rows as [{ db: string }];
  await q(`comment on database "${db}" is ${pg.Client.prototype.escapeLiteral(JSON.stringify({ seedScale: result }))}`);
  await client.end();
  log(`done in ${seconds.toFixed(1)} s: ${U} users, ${O} organizations, ${memberships} memberships, ${size.audit} audit events`);
  return result;
}

interface SchemaObject {
  table: string;
  name: string;
  definition: string;
}

/**
 * The primary and unique keys and the plain indexes of `tables`, and every foreign key from or to
 * them, as the catalog defines them (names quoted for SQL): what the load drops and re-creates.
 */
async function schemaObjects(client: pg.Client, tables: string[]): Promise<{ keys: SchemaObject[]; indexes: SchemaObject[]; foreignKeys: SchemaObject[] }> {
  const constraints = (await client.query(
    `select c.conrelid::regclass::text as "table", quote_ident(c.conname) as name, c.contype as type, pg_get_constraintdef(c.oid) as definition
       from pg_constraint c
      where (c.contype in ('p', 'u') and c.conrelid = any($1::regclass[]))
         or (c.contype = 'f' and (c.conrelid = any($1::regclass[]) or c.confrelid = any($1::regclass[])))
      order by 1, 2`,
    [tables],
  )).rows as (SchemaObject & { type: string })[];
  const indexes = (await client.query(
    `select i.indrelid::regclass::text as "table", i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid and c.contype in ('p', 'u', 'x'))
      order by 1, 2`,
    [tables],
  )).rows as SchemaObject[];
  const strip = ({ table, name, definition }: SchemaObject) => ({ table, name, definition });
  return {
    keys: constraints.filter((c) => c.type !== 'f').map(strip),
    indexes,
    foreignKeys: constraints.filter((c) => c.type === 'f').map(strip),
  };
}

const AUDIT_COLUMNS = ['id', 'organization_id', 'seq', 'actor_type', 'actor_user_id', 'actor_email', 'action', 'target_type', 'target_id', 'metadata',
  'ip_address', 'user_agent', 'request_id', 'created_at', 'prev_hash', 'hash'];

/** One organization's audit chain to write: its number, its event count and its Owner (the actor). */
interface AuditChain {
  org: number;
  events: number;
  orgId: string;
  actorId: string;
  actorEmail: string;
}

/** What an audit worker thread is handed: its chains, and its slot in the shared progress counters. */
interface AuditJob {
  databaseUrl: string;
  chains: AuditChain[];
  progress: Int32Array;
  slot: number;
}

/**
 * The audit events. Hashing is the bottleneck (chainHash takes about 12 µs a row here, the server
 * parses the COPY rows in a fraction of that) and chains are independent, so the organizations are
 * dealt out to one worker thread per core, biggest chains first to the least loaded; each thread
 * hashes its chains in order and streams them with COPY on a connection of its own. From the
 * TypeScript sources (tests) there is no compiled file for a worker to load: one stream, here.
 */
async function loadAudit(client: pg.Client, databaseUrl: string, total: number, chains: AuditChain[], log: (m: string) => void): Promise<void> {
  const threads = import.meta.url.endsWith('.js') ? availableParallelism() : 0;
  const progress = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, threads)));
  const t0 = performance.now();
  const timer = setInterval(() => {
    const done = progress.reduce((a, b) => a + b, 0);
    const rate = done / ((performance.now() - t0) / 1000);
    log(`  audit: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')}/s, ~${Math.round((total - done) / rate)} s left)`);
  }, 10_000);
  try {
    if (!threads) {
      await copyRows(client, 'audit_logs', AUDIT_COLUMNS, auditRows(chains, (n) => Atomics.store(progress, 0, n)));
      return;
    }
    const shares = Array.from({ length: threads }, () => ({ chains: [] as AuditChain[], events: 0 }));
    for (const chain of [...chains].sort((a, b) => b.events - a.events)) {
      const share = shares.reduce((least, s) => (s.events < least.events ? s : least));
      share.chains.push(chain);
      share.events += chain.events;
    }
    const workers: Worker[] = [];
    try {
      await Promise.all(shares.map((share, slot) => new Promise<void>((resolve, reject) => {
        // each thread writes its chains in organization order, as a single stream would
        const job: AuditJob = { databaseUrl, chains: share.chains.sort((a, b) => a.org - b.org), progress, slot };
        const worker = new Worker(new URL(import.meta.url), { workerData: { seedScaleAudit: job } });
        workers.push(worker);
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`audit worker ${slot} exited with code ${code}`))));
      })));
    } finally {
      // one thread failing stops the others (their COPY is rolled back with their connection)
      await Promise.all(workers.map((w) => w.terminate()));
    }
  } finally {
    clearInterval(timer);
  }
}

/** An audit worker thread: its chains, COPY'd on its own connection. */
async function auditWorker({ databaseUrl, chains, progress, slot }: AuditJob): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    await copyRows(client, 'audit_logs', AUDIT_COLUMNS, auditRows(chains, (n) => Atomics.store(progress, slot, n)));
  } finally {
    await client.end();
  }
}

/**
 * The rows of `chains`, organization by organization, each chain in order (seq 1…n, prev_hash = the
 * previous row's hash), hashed with chainHash — the columns of AUDIT_COLUMNS, made as COPY reads them.
 */
function* auditRows(chains: AuditChain[], progress: (rows: number) => void): Generator<CopyValue[]> {
  let done = 0;
  const now = Date.now();
  const YEAR = 365 * 86_400_000;
  for (const { org, events: n, orgId, actorId, actorEmail } of chains) {
    let prev: string | null = null;
    // events spread over the last year, in order, at least 1 ms apart
    const step = Math.max(1, Math.floor(YEAR / n));
    const start = now - step * n;
    for (let seq = 1; seq <= n; seq++) {
      const action = ACTIONS[(seq * 31 + org) % ACTIONS.length]!;
      const row: ChainedFields = {
        id: newId(),
        organization_id: orgId,
        seq,
        actor_type: 'user',
        actor_user_id: actorId,
        actor_api_key_id: null,
        actor_email: actorEmail,
        action,
        target_type: action.split('.')[0]!,
        target_id: `t-${(seq * 2654435761) % 100000}`,
        metadata: { source: 'seed-scale', n: seq % 100, ...(seq % 3 === 0 ? { changes: { description: ['old', 'new'] } } : {}) },
        ip_address: `10.${org % 256}.${(seq >> 8) % 256}.${seq % 256}`,
        user_agent: AGENTS[seq % AGENTS.length]!,
        request_id: `req-${org}-${seq}`,
        created_at: new Date(start + seq * step).toISOString(),
      };
      const hash = chainHash(prev, row);
      yield [row.id, row.organization_id, row.seq, row.actor_type, row.actor_user_id, row.actor_email, row.action, row.target_type,
        row.target_id, JSON.stringify(row.metadata), row.ip_address, row.user_agent, row.request_id, row.created_at as string, prev, hash];
      prev = hash;
      if (++done % 10_000 === 0) progress(done);
    }
  }
  progress(done);
}

const job = isMainThread ? undefined : (workerData as { seedScaleAudit?: AuditJob } | null)?.seedScaleAudit;
// in a worker thread, a failure here ends the thread with an 'error' event in loadAudit
if (job) await auditWorker(job);

const isMain = isMainThread && process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const { values } = parseArgs({
    options: { 'database-url': { type: 'string' }, users: { type: 'string' }, orgs: { type: 'string' }, audit: { type: 'string' } },
  });
  const url = values['database-url'];
  if (!url) {
    process.stderr.write('usage: seed-scale --database-url URL [--users 1000000 --orgs 100000 --audit 10000000]\n');
    process.exit(2);
  }
  const size = { users: Number(values.users ?? 1_000_000), orgs: Number(values.orgs ?? 100_000), audit: Number(values.audit ?? 10_000_000) };
  seedScale(url, size).then(
    (r) => {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`seed-scale failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
