import { sql, type SQL } from 'drizzle-orm';
import { auditActionAliasesMatching } from '@saasready/contracts';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.js';
import { preparedRows, queryRows, type Executor } from '../../db/client.js';
import { auditChainAnchors, auditLogs } from '../../db/schema.js';
import { NO_ORG_CHAIN, type ChainedFields } from './chain.js';

export type AuditLogInsert = typeof auditLogs.$inferInsert;

/** A stored row: the chained content plus its links. */
export interface AuditRow extends ChainedFields {
  /** the user whose chain holds an organization-less event (null: the organization's, or the nil chain) */
  chain_key: string | null;
  metadata: Record<string, unknown>;
  prev_hash: string | null;
  hash: string | null;
}

// A chain is named by a uuid: an organization's id, a user's id (their events outside any
// organization, migration 0021), or the nil uuid (older organization-less rows, events with no user).
// The functions below take that name, with null for the nil chain.
/** the advisory lock audit retention runs under */
const RETENTION_LOCK = ADVISORY_LOCKS.auditRetention;

export const chainKey = (chain: string | null): string => (chain ?? NO_ORG_CHAIN).toLowerCase();
/** A row's chain, exactly as index audit_logs_chain_key spells it (a literal, so every plan can use the index). */
const CHAIN = sql.raw(`coalesce(chain_key, organization_id, '${NO_ORG_CHAIN}'::uuid)`);
const inChain = (chain: string | null) => sql`${CHAIN} = ${chainKey(chain)}::uuid`;

/**
 * Claims the next `count` positions of each chain, in one statement: bumps each chain's head row
 * (made the first time from the chain's last row, or the anchor retention left) and answers, per
 * chain key, the first claimed seq with the hash of the row before it. The head rows stay locked
 * until the transaction ends, so one chain's writers append one at a time; they are taken in key
 * order, so two transactions claiming the same chains cannot deadlock on them.
 */
export async function claimPositions(ex: Executor, wanted: readonly { chain: string; count: number }[]): Promise<Map<string, { seq: number; prevHash: string | null }>> {
  const rows = await queryRows<{ chain_key: string; seq: string; hash: string | null }>(ex, sql`
    with wanted (chain_key, n) as (values ${sql.join(wanted.map((w) => sql`(${chainKey(w.chain)}::uuid, ${w.count}::int)`), sql`, `)})
    insert into audit_chain_heads as h (chain_key, seq, hash)
    select w.chain_key,
           coalesce(last.seq, anchor.seq, 0) + w.n,
           case when last.seq is not null then last.hash else nullif(anchor.hash, '') end
      from wanted w
      left join lateral (
        select seq, hash from audit_logs where ${CHAIN} = w.chain_key
         order by ${CHAIN} desc, seq desc limit 1
      ) as last on true
      left join audit_chain_anchors as anchor on anchor.chain_key = w.chain_key
     order by w.chain_key
    on conflict (chain_key) do update set seq = h.seq + (select w.n from wanted w where w.chain_key = h.chain_key)
    returning chain_key, seq, hash`);
  const counts = new Map(wanted.map((w) => [chainKey(w.chain), w.count]));
  return new Map(rows.map((r) => [r.chain_key, { seq: Number(r.seq) - counts.get(r.chain_key)! + 1, prevHash: r.hash }]));
}


/**
 * Rows per statement: 18 bind parameters each, and a statement takes at most 65,535 (past that the
 * Bind message's count wraps and PostgreSQL refuses it, 08P01). A transaction can record thousands —
 * a directory group mapped to a role records one per member whose role changes.
 */
const ROWS_PER_STATEMENT = 1000;

/**
 * Writes rows at the positions claimPositions gave and makes each chain's last one its head: one
 * statement per ROWS_PER_STATEMENT rows, in order. `barrier` (the commit barrier's WITH item, see
 * db/client.ts) rides along with the last: answers its count, or undefined without one.
 */
export async function appendRows(ex: Executor, rows: readonly (AuditRow & { created_at: Date })[], barrier: SQL | null): Promise<number | undefined> {
  for (let i = 0; i + ROWS_PER_STATEMENT < rows.length; i += ROWS_PER_STATEMENT) await appendStatement(ex, rows.slice(i, i + ROWS_PER_STATEMENT), null);
  return appendStatement(ex, rows.slice(Math.floor(Math.max(rows.length - 1, 0) / ROWS_PER_STATEMENT) * ROWS_PER_STATEMENT), barrier);
}

async function appendStatement(ex: Executor, rows: readonly (AuditRow & { created_at: Date })[], barrier: SQL | null): Promise<number | undefined> {
  const heads = new Map(rows.map((row) => [chainKey(row.chain_key ?? row.organization_id), row.hash]));
  const values = sql.join(rows.map((row) => sql`(${row.id}::uuid, ${row.organization_id}::uuid, ${row.chain_key}::uuid, ${row.seq}::bigint, ${row.actor_type},
      ${row.actor_user_id}::uuid, ${row.actor_api_key_id}::uuid, ${row.actor_email}, ${row.action}, ${row.target_type}, ${row.target_id},
      ${JSON.stringify(row.metadata)}::jsonb, ${row.ip_address}::inet, ${row.user_agent}, ${row.request_id}, ${row.created_at.toISOString()}::timestamptz,
      ${row.prev_hash}, ${row.hash})`), sql`, `);
  const [result] = await queryRows<{ sent: number }>(ex, sql`
    with appended as (
      insert into audit_logs (id, organization_id, chain_key, seq, actor_type, actor_user_id, actor_api_key_id, actor_email, action,
                              target_type, target_id, metadata, ip_address, user_agent, request_id, created_at, prev_hash, hash)
      values ${values}
    ), moved as (
      update audit_chain_heads as h set hash = v.hash
        from (values ${sql.join([...heads].map(([key, hash]) => sql`(${key}::uuid, ${hash}::text)`), sql`, `)}) as v (chain_key, hash)
       where h.chain_key = v.chain_key
    )${barrier ? sql`, ${barrier}` : sql``}
    select ${barrier ? sql`(select count(*) from commit_barrier)::int` : sql`0`} as sent`);
  return barrier ? result!.sent : undefined;
}

/** A row for appendLockedSql: everything but its place in its chain, and chainHash's template of it. */
export interface UnplacedRow extends Omit<AuditRow, 'seq' | 'created_at' | 'prev_hash' | 'hash'> {
  template: readonly [string, string, string, string];
}

/** What appendLockedSql's `audit_appended` answers per row written. */
export interface PlacedRow {
  id: string;
  seq: string | number;
  prev_hash: string | null;
  hash: string;
  created_at: Date | string;
}

/** The rows a statement of appendLockedSql can place: each one is a WITH item and ~20 parameters. */
export const LOCKED_APPEND_MAX_ROWS = 16;

/** appendLockedSql's pieces, to place in a statement's WITH list. */
export interface LockedAppendSql {
  /** a condition, true when every chain already has its head row (read without a lock: head rows are never deleted) */
  ready: SQL;
  /** WITH items: lock the heads, place and hash the rows */
  lock: SQL;
  /** a condition, true when `lock` holds every chain's head */
  held: SQL;
  /** WITH items: move the heads if `held`, then write the rows if they all moved (and `when`); `audit_appended` returns each row written (PlacedRow) */
  write: (when: SQL | null) => SQL;
  /** the CTE `write` answers with: one row per row written (PlacedRow) */
  appended: SQL;
  /** the name of the statement's shape (which chain each row joins): it fixes the statement's text */
  shape: string;
}

/**
 * WITH items that append `rows` in one statement, with no claim before it: lock each chain's head
 * row (FOR UPDATE, in key order, waiting for the transaction that holds it), then let PostgreSQL
 * place each row after it and hash it — chainHash over the template, with the position, the previous
 * hash and the time (taken once every head is held, so a chain's times follow its order) filled in.
 * A chain's first append has no head row to lock (claimPositions makes it): nothing is written then.
 *
 * `after`: a condition on the caller's earlier WITH items (its write happened), checked before the
 * heads are locked, so that write's locks are taken first — the order of a transaction that writes,
 * then appends its audit rows at commit — and two statements of these kinds cannot deadlock.
 */
export function appendLockedSql(rows: readonly UnplacedRow[], after: SQL | null = null): LockedAppendSql {
  const keyOf = (row: UnplacedRow) => chainKey(row.chain_key ?? row.organization_id);
  const keys = [...new Set(rows.map(keyOf))].sort();
  const lastIn = new Map<string, string>();
  const placed = rows.map((row, i) => {
    const name = sql.raw(`audit_r${i}`);
    const before = lastIn.get(keyOf(row));
    const source = before ? sql.raw(before) : sql`(select seq, hash from audit_heads where chain_key = ${keyOf(row)}::uuid)`;
    lastIn.set(keyOf(row), `audit_r${i}`);
    const [p0, p1, p2, p3] = row.template;
    return sql`${name} as materialized (
      select b.seq + 1 as seq, b.hash as prev_hash, n.at,
             encode(sha256(convert_to(${p0}::text || '"' || to_char(n.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"' || ${p1}::text
               || coalesce('"' || b.hash || '"', 'null') || ${p2}::text || (b.seq + 1)::text || ${p3}::text, 'UTF8')), 'hex') as hash
        from ${source} b, audit_now n)`;
  });
  const chains = sql.join(keys.map((k) => sql`${k}::uuid`), sql`, `);
  const ready = sql`((select count(*) from audit_chain_heads where chain_key in (${chains})) = ${keys.length})`;
  // every head or none: locking the ones there while another is missing would hold them while
  // claimPositions, the fallback, takes all of them in key order (a deadlock with a transaction
  // that locked the missing one meanwhile)
  const lock = sql`audit_heads as materialized (
      select chain_key, seq, hash from audit_chain_heads where chain_key in (${chains}) and ${ready}${after ? sql` and ${after}` : sql``}
       order by chain_key for update
    ), audit_now as materialized (
      select date_trunc('milliseconds', clock_timestamp()) as at from (select count(*) from audit_heads) as held
    ), ${sql.join(placed, sql`, `)}`;
  const held = sql`((select count(*) from audit_heads) = ${keys.length})`;
  // One UPDATE per chain, each from its last row's CTE: the heads were locked by this statement, and
  // one UPDATE over several heads joined to a UNION ALL skips a head whose lock waited for another
  // transaction (its re-check against the newer version finds no joined row), which left the head
  // behind its rows (reproduced with plain SQL on PostgreSQL 15; the test "moves every head…").
  // The rows are written only once every head has moved, so a skipped move can never leave rows
  // past their head: the statement then writes nothing, and a transaction's commit fails.
  const moved = sql`((${sql.join([...lastIn].map((_, j) => sql`(select count(*) from ${sql.raw(`audit_moved_${j}`)})`), sql` + `)}) = ${lastIn.size})`;
  const write = (when: SQL | null) => {
    const gate = when ? sql`${held} and (${when})` : held;
    const moves = [...lastIn].map(([key, name], j) => sql`${sql.raw(`audit_moved_${j}`)} as (
        update audit_chain_heads as h set seq = r.seq, hash = r.hash from ${sql.raw(name)} as r
         where h.chain_key = ${key}::uuid and ${gate}
        returning h.chain_key
      )`);
    const selects = rows.map((row, i) => sql`
      select ${row.id}::uuid, ${row.organization_id}::uuid, ${row.chain_key}::uuid, r.seq, ${row.actor_type}, ${row.actor_user_id}::uuid,
             ${row.actor_api_key_id}::uuid, ${row.actor_email}, ${row.action}, ${row.target_type}, ${row.target_id}, ${JSON.stringify(row.metadata)}::jsonb,
             ${row.ip_address}::inet, ${row.user_agent}, ${row.request_id}, r.at, r.prev_hash, r.hash
        from ${sql.raw(`audit_r${i}`)} r where ${gate} and ${moved}`);
    return sql`${sql.join(moves, sql`, `)}, audit_appended as (
      insert into audit_logs (id, organization_id, chain_key, seq, actor_type, actor_user_id, actor_api_key_id, actor_email, action,
                              target_type, target_id, metadata, ip_address, user_agent, request_id, created_at, prev_hash, hash)
      ${sql.join(selects, sql` union all `)}
      returning id, seq, prev_hash, hash, created_at
    )`;
  };
  const shape = rows.map((row) => keys.indexOf(keyOf(row)).toString(16)).join('');
  return { ready, lock, held, write, appended: sql.raw('audit_appended'), shape };
}

/**
 * A WITH item making the head rows of chains that start now (`ids`: a query of new organizations' or
 * accounts' ids, whose chains are empty), so their first append can take appendLockedSql's way.
 */
export function newChainHeadsSql(ids: SQL): SQL {
  return sql`audit_new_heads as (
      insert into audit_chain_heads (chain_key, seq, hash) select id, 0, null from (${ids}) as new_chain (id)
      on conflict (chain_key) do nothing
    )`;
}

/**
 * appendLockedSql as a statement of its own, in the caller's transaction (a commit's audit rows),
 * with the commit barrier's check riding along (`sent`: its count). `placed` is null when a chain had
 * no head row yet: nothing was written (the caller claims positions instead), but the check ran.
 */
export async function appendLocked(ex: Executor, rows: readonly UnplacedRow[], barrier: SQL | null): Promise<{ placed: PlacedRow[] | null; sent: number | undefined }> {
  const append = appendLockedSql(rows);
  const found = await preparedRows<PlacedRow & { held: boolean; sent: number }>(ex, `audit_locked_${append.shape}${barrier ? '_b' : ''}`, sql`
    with ${append.lock}, ${append.write(null)}${barrier ? sql`, ${barrier}` : sql``}
    select ${append.held} as held, ${barrier ? sql`(select count(*) from commit_barrier)::int` : sql`0`} as sent, a.*
      from (select 1) as one left join ${append.appended} a on true`);
  return { placed: found[0]!.held ? found : null, sent: barrier ? found[0]!.sent : undefined };
}

/** Retention's run lock for this transaction: one process prunes at a time (false: another holds it). */
export async function tryRetentionLock(ex: Executor): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(ex, sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as locked`);
  return Boolean(row?.locked);
}

/** Waits for the chain's writers and keeps new ones out until the transaction ends (retention). */
export async function lockHead(ex: Executor, chain: string | null): Promise<void> {
  await ex.execute(sql`select 1 from audit_chain_heads where chain_key = ${chainKey(chain)}::uuid for update`);
}

/** The chain's head as an append would continue it: its head row, else its last row, else its anchor. */
export async function chainHead(ex: Executor, chain: string | null): Promise<{ seq: number; hash: string | null } | null> {
  const [head] = await queryRows<{ seq: string; hash: string | null }>(ex, sql`select seq, hash from audit_chain_heads where chain_key = ${chainKey(chain)}::uuid`);
  if (head) return { seq: Number(head.seq), hash: head.hash };
  const [last] = await queryRows<{ seq: string; hash: string | null }>(ex, sql`
    select seq, hash from audit_logs where ${inChain(chain)} order by ${CHAIN} desc, seq desc limit 1`);
  if (last) return { seq: Number(last.seq), hash: last.hash };
  return anchorOf(ex, chain);
}

/** Moves the head after rows were written in bulk outside recordAudit (the benchmark's seed). */
export async function setHead(ex: Executor, chain: string | null, seq: number, hash: string | null): Promise<void> {
  await ex.execute(sql`
    insert into audit_chain_heads (chain_key, seq, hash) values (${chainKey(chain)}::uuid, ${seq}, ${hash})
    on conflict (chain_key) do update set seq = excluded.seq, hash = excluded.hash`);
}

/** An IP address in the text the inet type gives back. */
export async function canonicalInet(ex: Executor, ip: string): Promise<string> {
  const [row] = await queryRows<{ ip: string }>(ex, sql`select ${ip}::inet as ip`);
  return row!.ip;
}


export interface AuditFilter {
  action?: string;
  actorUserId?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  /** rows with seq below this (keyset cursor, newest first) */
  beforeSeq?: number;
}

/** An exact action or a `prefix.*`, matching the other name of a renamed event too. */
function actionSql(action: string): SQL {
  const own = action.endsWith('.*')
    ? sql`action like ${`${action.slice(0, -2).replace(/[\\%_]/g, (c) => `\\${c}`)}.%`}`
    : sql`action = ${action}`;
  const aliases = auditActionAliasesMatching(action);
  return aliases.length === 0 ? own : sql`(${own} or action in (${sql.join(aliases.map((a) => sql`${a}`), sql`, `)}))`;
}

function filterSql(organizationId: string, f: AuditFilter): SQL {
  const conditions = [inChain(organizationId)];
  if (f.action) conditions.push(actionSql(f.action));
  if (f.actorUserId) conditions.push(sql`actor_user_id = ${f.actorUserId}`);
  if (f.targetType) conditions.push(sql`target_type = ${f.targetType}`);
  if (f.targetId) conditions.push(sql`target_id = ${f.targetId}`);
  if (f.from) conditions.push(sql`created_at >= ${f.from}`);
  if (f.to) conditions.push(sql`created_at < ${f.to}`);
  if (f.beforeSeq !== undefined) conditions.push(sql`seq < ${f.beforeSeq}`);
  return sql.join(conditions, sql` and `);
}

/** Newest first, by chain position (index audit_logs_chain_key serves both offset and cursor pages). */
export async function list(ex: Executor, organizationId: string, filter: AuditFilter, limit: number, offset = 0): Promise<AuditRow[]> {
  return queryRows<AuditRow>(ex, sql`
    select * from audit_logs where ${filterSql(organizationId, filter)}
     order by ${CHAIN} desc, seq desc
     limit ${limit} offset ${offset}`);
}

/** One chain in order, from `afterSeq`, a batch at a time (verification). */
export async function chainBatch(ex: Executor, chain: string | null, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return queryRows<AuditRow>(ex, sql`
    select * from audit_logs where ${inChain(chain)} and seq > ${afterSeq}
     order by ${CHAIN}, seq limit ${limit}`);
}

/**
 * Where a pruned chain now starts. The anchor's hash is null when the last pruned row predated the
 * hash chain (stored as '': the column is not nullable), so the rows after it may still be unhashed.
 */
export async function anchorOf(ex: Executor, chain: string | null): Promise<{ seq: number; hash: string | null } | null> {
  const [anchor] = await queryRows<{ seq: string; hash: string }>(ex, sql`select seq, hash from audit_chain_anchors where chain_key = ${chainKey(chain)}`);
  return anchor ? { seq: Number(anchor.seq), hash: anchor.hash || null } : null;
}

/**
 * Retention: removes one chain's rows older than `before`, leaving an anchor (the hash of the last
 * removed row) so what remains still verifies. Returns how many rows went.
 */
export async function pruneChain(ex: Executor, chain: string | null, before: Date): Promise<number> {
  const [last] = await queryRows<{ seq: string; hash: string | null }>(ex, sql`
    select seq, hash from audit_logs where ${inChain(chain)} and created_at < ${before.toISOString()}
     order by ${CHAIN} desc, seq desc limit 1`);
  if (!last) return 0;
  await ex.execute(sql`select set_config('saasready.audit_prune', 'on', true)`);
  const deleted = await queryRows<{ id: string }>(ex, sql`delete from audit_logs where ${inChain(chain)} and seq <= ${last.seq} returning id`);
  await ex.execute(sql`select set_config('saasready.audit_prune', 'off', true)`);
  await ex
    .insert(auditChainAnchors)
    .values({ chain_key: chainKey(chain), seq: Number(last.seq), hash: last.hash ?? '' })
    .onConflictDoUpdate({ target: auditChainAnchors.chain_key, set: { seq: Number(last.seq), hash: last.hash ?? '', updated_at: new Date() } });
  // a checkpoint on a removed row is reset: the next verification starts at the anchor
  await ex.execute(sql`delete from audit_chain_checkpoints where chain_key = ${chainKey(chain)} and seq <= ${last.seq}`);
  return deleted.length;
}

/** The last row a verification found intact (hash null when that row predates the chain), if any. */
export async function checkpointOf(ex: Executor, chain: string | null): Promise<{ seq: number; hash: string | null } | null> {
  const [row] = await queryRows<{ seq: string; hash: string }>(ex, sql`select seq, hash from audit_chain_checkpoints where chain_key = ${chainKey(chain)}`);
  return row ? { seq: Number(row.seq), hash: row.hash || null } : null;
}

/** Records a verified position; never moves a checkpoint back (two verifications may race). */
export async function saveCheckpoint(ex: Executor, chain: string | null, seq: number, hash: string | null): Promise<void> {
  await ex.execute(sql`
    insert into audit_chain_checkpoints (chain_key, seq, hash, verified_at) values (${chainKey(chain)}, ${seq}, ${hash ?? ''}, now())
    on conflict (chain_key) do update set seq = excluded.seq, hash = excluded.hash, verified_at = excluded.verified_at
     where audit_chain_checkpoints.seq <= excluded.seq`);
}

/** One row of a chain by position. */
export async function rowAt(ex: Executor, chain: string | null, seq: number): Promise<AuditRow | null> {
  const [row] = await queryRows<AuditRow>(ex, sql`select * from audit_logs where ${inChain(chain)} and seq = ${seq} limit 1`);
  return row ?? null;
}

/** Chains that hold rows older than `before` (chain null: the nil chain), with their organization if they are one's. */
export async function chainsWithRowsBefore(ex: Executor, before: Date): Promise<{ chain: string | null; organizationId: string | null }[]> {
  const rows = await queryRows<{ chain: string | null; organization_id: string | null }>(ex, sql`
    select distinct coalesce(chain_key, organization_id) as chain, organization_id from audit_logs where created_at < ${before.toISOString()}`);
  return rows.map((r) => ({ chain: r.chain, organizationId: r.organization_id }));
}

/** Every chain that has rows: each organization's, each user's, and the nil chain (as null). */
export async function listAuditChains(ex: Executor): Promise<(string | null)[]> {
  const rows = await queryRows<{ chain: string | null }>(ex, sql`select distinct coalesce(chain_key, organization_id) as chain from audit_logs`);
  return rows.map((r) => r.chain);
}

/**
 * An account's security events: logins and their failures, password, email and two-factor changes,
 * sessions ended, lockouts, the account disabled or enabled. The list must stay equal to the
 * predicates of migration 0019's audit_logs_security_actor_idx / _target_idx (the planner proves the
 * query's list implies the index's), so it is written into the SQL as constants.
 */
export const SECURITY_ACTIONS = [
  'user.registered', 'user.logged_in', 'user.login.failed', 'user.logout', 'user.logout_all',
  'user.password.changed', 'user.session.revoked', 'user.account.locked', 'user.password.verification_failed', 'auth.refresh_token.reused',
  'user.password.reset_requested', 'user.password.reset', 'user.email.verified', 'user.2fa.enabled', 'user.2fa.disabled',
  'user.2fa.backup_codes.regenerated', 'user.2fa.backup_code.used', 'user.login.mfa_failed', 'user.2fa.verification_failed', 'user.2fa.reset',
  'sso.login.succeeded', 'user.login.break_glass', 'user.disabled', 'user.enabled',
] as const;
const SECURITY_LIST = sql.raw(SECURITY_ACTIONS.map((a) => `'${a}'`).join(', '));

/** The latest `limit` security events with the user as actor or as target, newest first (two index ranges). */
export async function listSecurityEvents(ex: Executor, userId: string, limit: number): Promise<AuditRow[]> {
  const rows = await queryRows<AuditRow>(ex, sql`
    (select * from audit_logs where actor_user_id = ${userId} and action in (${SECURITY_LIST}) order by created_at desc limit ${limit})
    union all
    (select * from audit_logs where target_type = 'user' and target_id = ${userId} and action in (${SECURITY_LIST}) order by created_at desc limit ${limit})`);
  const seen = new Set<string>();
  return rows
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime() || (a.id < b.id ? 1 : -1))
    .slice(0, limit);
}
