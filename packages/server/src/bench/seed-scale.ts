// A large, realistic data set for the "at scale" bench, written into a freshly migrated PostgreSQL
// database: users, organizations with their four system roles (and role_permissions, as
// roles/repository.ts insertSystemRoles seeds them), memberships and audit events with valid
// per-organization hash chains (chain.ts's chainHash, the one the app writes and verifies with).
//
//   node packages/server/dist/bench/seed-scale.js --database-url URL [--users 1000000 --orgs 100000 --audit 10000000]
//
// How it loads: no COPY (node-postgres has no COPY FROM STDIN without the pg-copy-streams package).
// Users, organizations, roles, role_permissions and memberships need no per-row computation, so each
// table is one `INSERT … SELECT FROM generate_series` in the database, with ids derived from the row
// number (md5 → uuid) so the tables can be joined without lookups. Audit rows need a per-row hash,
// computed here in order; they go in batches as one `INSERT … SELECT FROM unnest($1::uuid[], …)`
// (one array parameter per column), two batches in flight while the next is hashed. The audit
// table's secondary indexes are dropped during the load and rebuilt afterwards from their own
// definitions (pg_indexes), which is several times faster than maintaining them row by row.
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
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SYSTEM_ROLES } from '@saasready/contracts';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { newId } from '../lib/ids.js';
import { PasswordHasher } from '../lib/passwords.js';
import { chainHash, type ChainedFields } from '../modules/audit-logs/chain.js';

export const SCALE_PASSWORD = 'Scale-bench-Password-2026!';
export const SCALE_ADMIN_EMAIL = 'scale-admin@scale.example.com';
/** organization n's id, user n's id: md5 of a tag and the row number, as a uuid (same in SQL and JS) */
export const orgIdSql = (n: string) => `md5('scale-org-' || ${n})::uuid`;
export const userIdSql = (n: string) => `md5('scale-user-' || ${n})::uuid`;

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
const ACTIONS = ['member.added', 'member.role_changed', 'org.updated', 'api_key.created', 'api_key.revoked', 'invitation.created', 'invitation.accepted', 'feature_flag.overridden', 'role.created', 'member.suspended'];
const AGENTS = ['Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0', 'Mozilla/5.0 (Macintosh) Safari/605.1.15', 'saasready-sdk/0.1.0 node/22'];

const sqlArray = (values: readonly string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

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

  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: 'memory://', MASTER_KEY: 'x'.repeat(43) }, () => {});
  const passwordHash = await new PasswordHasher(config.argon2).hash(SCALE_PASSWORD);
  const U = size.users;
  const O = size.orgs;
  const bigUsers = Math.max(1, Math.floor(U * 0.05));
  const midUsers = Math.max(9, Math.floor(U * 0.05));
  const tailUsers = U - bigUsers - midUsers;
  // primary organization of user g (1-based), as SQL
  const primaryOrg = `case when g <= ${bigUsers} then 1
                           when g <= ${bigUsers + midUsers} then 2 + ((g - ${bigUsers} - 1) % 9)
                           else 11 + ((g - ${bigUsers + midUsers} - 1)::bigint * ${O - 10} / ${tailUsers}) end`;

  await step(`users (${U.toLocaleString('en')})`, async () => {
    await q(
      `insert into users (id, email, password_hash, full_name, is_active, email_verified_at, created_at, updated_at)
       select ${userIdSql('g')},
              lower(f.first || '.' || l.last) || '.' || g || '@scale.example.com', $1, f.first || ' ' || l.last,
              g % 250 <> 0, case when g % 5 <> 0 then now() - (g % 700) * interval '1 day' end,
              now() - interval '730 days' + (g::float8 / $2) * interval '729 days', now()
         from generate_series(1, $2::int) g,
              lateral (select (${sqlArray(FIRST)})[1 + (g * 7) % ${FIRST.length}] as first) f,
              lateral (select (${sqlArray(LAST)})[1 + (g * 13 / 7) % ${LAST.length}] as last) l`,
      [passwordHash, U],
    );
    await q(
      `insert into users (id, email, password_hash, full_name, is_superuser, email_verified_at)
       values (${userIdSql('0')}, $1, $2, 'Scale Admin', true, now())`,
      [SCALE_ADMIN_EMAIL, passwordHash],
    );
  });

  await step(`organizations (${O.toLocaleString('en')})`, async () => {
    await q(
      `insert into organizations (id, name, slug, description, created_at, updated_at)
       select ${orgIdSql('g')}, 'Scale Org ' || g, 'scale-org-' || g, case when g % 3 = 0 then 'Seeded for the scale bench' end,
              now() - interval '700 days' + (g::float8 / $1) * interval '699 days', now()
         from generate_series(1, $1::int) g`,
      [O],
    );
  });

  const roleNames = Object.keys(SYSTEM_ROLES) as (keyof typeof SYSTEM_ROLES)[];
  const roleIdSql = (org: string, name: string) => `md5('scale-role-' || ${org} || '-' || ${name})::uuid`;
  await step(`roles (${(O * roleNames.length).toLocaleString('en')}) and role_permissions`, async () => {
    await q(
      `insert into roles (id, organization_id, name, description, is_system)
       select ${roleIdSql('g', 'r.name')}, ${orgIdSql('g')}, r.name, r.name || ' (system role)', true
         from generate_series(1, $1::int) g, unnest(${sqlArray(roleNames)}) as r(name)`,
      [O],
    );
    const pairs = roleNames.flatMap((name) => SYSTEM_ROLES[name].map((perm) => `('${name}','${perm}')`));
    await q(
      `insert into role_permissions (organization_id, role_id, permission)
       select ${orgIdSql('g')}, ${roleIdSql('g', 'p.name')}, p.perm
         from generate_series(1, $1::int) g, (values ${pairs.join(',')}) as p(name, perm)`,
      [O],
    );
  });

  await step('memberships', async () => {
    // the primary one: the first user of each organization is its Owner
    await q(
      `insert into memberships (id, organization_id, user_id, role_id, status, created_at, updated_at)
       select gen_random_uuid(), ${orgIdSql('o')}, ${userIdSql('g')},
              ${roleIdSql('o', `case when first then 'Owner' when g % 10 = 0 then 'Admin' when g % 10 in (1, 2) then 'Viewer' else 'Member' end`)},
              case when g % 97 = 0 and not first then 'suspended' else 'active' end,
              now() - interval '700 days' + (g::float8 / $1) * interval '699 days', now()
         from (select g, o, g = min(g) over (partition by o) as first
                 from (select g, ${primaryOrg} as o from generate_series(1, $1::int) g) x) y`,
      [U],
    );
    // 0–10 extra members in each tail organization, random users (skipping any already in it)
    await q(
      `insert into memberships (id, organization_id, user_id, role_id, status)
       select gen_random_uuid(), ${orgIdSql('o')}, ${userIdSql('u')}, ${roleIdSql('o', `'Member'`)}, 'active'
         from generate_series(11, $1::int) o,
              lateral (select 1 + floor(random() * $2)::int as u from generate_series(1, (hashint4(o) & 2147483647) % 11) k where o > 0) extra
       on conflict (organization_id, user_id) do nothing`,
      [O, U],
    );
  });

  // audit rows: drop the secondary indexes, load, rebuild
  const counts = auditCounts(size);
  const indexes = (await q(`select indexname, indexdef from pg_indexes where tablename = 'audit_logs' and indexname <> 'audit_logs_pkey'`)).rows as { indexname: string; indexdef: string }[];
  await step(`audit events (${size.audit.toLocaleString('en')}, hashed)`, async () => {
    for (const ix of indexes) await q(`drop index ${ix.indexname}`);
    await loadAudit(databaseUrl, size, counts, log);
  });
  await step('audit indexes rebuilt', async () => {
    for (const ix of indexes) await q(ix.indexdef);
  });
  await step('vacuum analyze', async () => {
    for (const t of ['users', 'organizations', 'roles', 'role_permissions', 'memberships', 'audit_logs']) await q(`vacuum analyze ${t}`);
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

/**
 * The audit events, organization by organization, each chain in order (seq 1…n, prev_hash = the
 * previous row's hash), hashed with chainHash, in batches of unnest() arrays on two connections.
 */
async function loadAudit(
  databaseUrl: string, size: ScaleSize, counts: Map<number, number>, log: (m: string) => void,
): Promise<void> {
  const BATCH = 5000;
  const conns = await Promise.all([0, 1].map(async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query('set synchronous_commit = off');
    return c;
  }));
  const text = `insert into audit_logs (id, organization_id, seq, actor_type, actor_user_id, actor_email, action, target_type, target_id, metadata,
                                        ip_address, user_agent, request_id, created_at, prev_hash, hash)
                select * from unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[],
                                     $10::jsonb[], $11::inet[], $12::text[], $13::text[], $14::timestamptz[], $15::text[], $16::text[])`;
  const ids = await ownersOf(conns[0]!, [...counts.keys()]);
  let cols: unknown[][] = Array.from({ length: 16 }, () => []);
  let pending = 0;
  const inFlight: Promise<unknown>[] = [];
  let next = 0;
  const flush = async () => {
    if (!pending) return;
    const params = cols;
    cols = Array.from({ length: 16 }, () => []);
    pending = 0;
    const conn = conns[next++ % conns.length]!;
    if (inFlight.length >= conns.length) await inFlight.shift();
    inFlight.push(conn.query(text, params));
  };
  let done = 0;
  let lastLog = performance.now();
  const t0 = performance.now();
  const now = Date.now();
  const YEAR = 365 * 86_400_000;
  for (const [org, n] of counts) {
    const { orgId, actorId, actorEmail } = ids.get(org)!;
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
      const values = [row.id, row.organization_id, row.seq, row.actor_type, row.actor_user_id, row.actor_email, row.action, row.target_type,
        row.target_id, JSON.stringify(row.metadata), row.ip_address, row.user_agent, row.request_id, row.created_at, prev, hash];
      for (let i = 0; i < 16; i++) cols[i]!.push(values[i]);
      prev = hash;
      if (++pending >= BATCH) await flush();
      done++;
    }
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      const rate = done / ((lastLog - t0) / 1000);
      log(`  audit: ${done.toLocaleString('en')} / ${size.audit.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')}/s, ~${Math.round((size.audit - done) / rate)} s left)`);
    }
  }
  await flush();
  await Promise.all(inFlight);
  await Promise.all(conns.map((c) => c.end()));
}

/** Each audited organization's id and the user recorded as the actor (its Owner), read back from the tables. */
async function ownersOf(client: pg.Client, orgs: number[]): Promise<Map<number, { orgId: string; actorId: string; actorEmail: string }>> {
  const rows = (await client.query(
    `select o.n, o.id as org_id, u.id as user_id, u.email
       from (select n, ${orgIdSql('n')} as id from unnest($1::int[]) n) o
       join memberships m on m.organization_id = o.id
       join roles r on r.id = m.role_id and r.name = 'Owner'
       join users u on u.id = m.user_id`,
    [orgs],
  )).rows as { n: number; org_id: string; user_id: string; email: string }[];
  const map = new Map<number, { orgId: string; actorId: string; actorEmail: string }>();
  for (const r of rows) map.set(r.n, { orgId: r.org_id, actorId: r.user_id, actorEmail: r.email });
  for (const o of orgs) if (!map.has(o)) throw new Error(`organization ${o} has no Owner`);
  return map;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
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
