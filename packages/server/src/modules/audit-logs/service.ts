// Writes and reads audit events. Rules: an event is written with the executor of the change it records
// (same transaction), and its metadata never carries a secret — redactMetadata strips them.
import { isIPv4, isIPv6 } from 'node:net';
import { Readable } from 'node:stream';
import type { AuditAction, AuditLog, AuditVerifyResponse, ListAuditLogsQuery } from '@saasready/contracts';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { beforeCommit, type Database, type Executor, type StatementGate } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import type { RequestContext } from '../../lib/request-context.js';
import { iso } from '../../lib/time.js';
import { emitForAudit, wouldEmit } from '../webhook-events/service.js';
import { chainHash, chainTemplate } from './chain.js';
import { badCursor, fullWalkNeedsSuperuser } from './errors.js';
import * as repository from './repository.js';

/**
 * Names of secrets, tested on the snake_case form of a key (`apiKey`, `API_KEY` and `api_key` are
 * one name): passwords, secrets, tokens, credentials, cookies, private keys, one-time passwords,
 * hashes, and `key`/`code` alone or as the last word (`signing_key`, `backup_codes`, `two_factor_code`).
 */
const SECRET_KEY = /(password|passwd|passphrase|secret|token|authorization|cookie|credential|private|otp|hash|(^|_)keys?$|(^|_)codes?$)/;
const snakeCase = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const isSecretKey = (key: string) => SECRET_KEY.test(snakeCase(key));

/** Drops every property whose name suggests a secret, at any depth. */
export function redactMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactMetadata);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isSecretKey(k)) out[k] = redactMetadata(v);
    return out;
  }
  return value;
}

/**
 * The client address as the inet column will give it back, since the hash covers what verification
 * reads: IPv4 as it is (Node's dotted quads are canonical), IPv6 as PostgreSQL writes it (lower
 * case, zeros compressed). `host:port` and `[v6]:port` lose the port; anything else — a forged
 * X-Forwarded-For behind TRUST_PROXY — is not an address and is not stored (the insert would fail).
 */
async function canonicalIp(ex: Executor, ip: string | null): Promise<string | null> {
  if (!ip) return null;
  const bare = (/^\[([^\]]+)\](?::\d+)?$/.exec(ip)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(ip)?.[1] ?? ip).replace(/%.*$/, '');
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return null;
  return repository.canonicalInet(ex, bare);
}

export interface AuditEvent {
  action: AuditAction;
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
  /** defaults to the request's principal; set it when the actor is known but not yet authenticated (login) */
  actor?: { userId: string; email: string } | null;
}

type ChainedRow = repository.AuditRow & { created_at: Date };

/** Who the event is by (its actor, else the request's principal, API key or directory) and the chain it joins. */
function attribution(ctx: RequestContext, event: AuditEvent) {
  const actor = event.actor ?? (ctx.principal ? { userId: ctx.principal.userId, email: ctx.principal.email } : null);
  const apiKey = !actor && ctx.apiKey ? ctx.apiKey : null;
  // a SCIM directory acts under its own name; its id travels in the metadata
  const directory = !actor && !apiKey && ctx.directory ? ctx.directory : null;
  const organizationId = event.organizationId ?? null;
  // an organization's events chain by organization; the rest by their user, so one user's login
  // never waits on another's (migration 0021); events with neither go to the nil chain
  const userChain = organizationId ? null : (actor?.userId ?? null);
  return { actor, apiKey, directory, organizationId, userChain };
}

/** An event recorded in a transaction, waiting for its commit to be written. */
interface Recorded {
  ctx: RequestContext;
  event: AuditEvent;
  /** canonicalIp's */
  ip: string | null;
}

/** The event as a row, all but its place in its chain (seq, prev_hash, hash) and its time. */
function eventRow({ ctx, event, ip }: Recorded): Omit<ChainedRow, 'seq' | 'created_at' | 'prev_hash' | 'hash'> {
  const { actor, apiKey, directory, organizationId, userChain } = attribution(ctx, event);
  return {
    id: newId(),
    organization_id: organizationId,
    chain_key: userChain,
    actor_type: actor ? 'user' : apiKey ? 'api_key' : directory ? 'directory' : 'system',
    actor_user_id: actor?.userId ?? null,
    actor_api_key_id: apiKey?.id ?? null,
    actor_email: actor?.email ?? null,
    action: event.action,
    target_type: event.targetType ?? null,
    target_id: event.targetId ?? null,
    metadata: redactMetadata(directory ? { ...event.metadata, directory_id: directory.id } : (event.metadata ?? {})) as Record<string, unknown>,
    ip_address: ip,
    user_agent: ctx.userAgent,
    request_id: ctx.requestId,
  };
}

/**
 * The event as the row at `seq` after `prevHash`, hashed. `createdAt` is when the row is written
 * (positions are claimed then too), so a chain's times follow its order.
 */
function chainedRow(recorded: Recorded, seq: number, prevHash: string | null, createdAt: Date): ChainedRow {
  const row = { ...eventRow(recorded), seq, created_at: createdAt };
  return { ...row, prev_hash: prevHash, hash: chainHash(prevHash, row) };
}

/**
 * A row the database placed and hashed from chainTemplate (appendLockedSql), completed. Its hash is
 * checked here too: a server and a database that disagreed on the content's bytes would otherwise
 * write rows that verification rejects, so the transaction fails instead.
 */
function placedRow(unplaced: repository.UnplacedRow, placed: repository.PlacedRow | undefined): ChainedRow {
  if (!placed) throw new Error(`audit row ${unplaced.id}: the database did not write it`);
  const { template: _template, ...row } = unplaced;
  const complete: ChainedRow = { ...row, seq: Number(placed.seq), created_at: new Date(placed.created_at), prev_hash: placed.prev_hash, hash: placed.hash };
  if (chainHash(complete.prev_hash, complete) !== complete.hash) throw new Error(`audit row ${complete.id}: the database's hash does not match its content`);
  return complete;
}

/** The key of the chain an event joins: its organization's, its user's, or the nil chain's. */
const chainOf = ({ ctx, event }: Pick<Recorded, 'ctx' | 'event'>): string => {
  const { organizationId, userChain } = attribution(ctx, event);
  return repository.chainKey(organizationId ?? userChain);
};

/** Events recorded in each open transaction, in order. */
const recordedIn = new WeakMap<object, Recorded[]>();

/**
 * Records the event in the caller's transaction: it is written when that transaction commits, with
 * the other events it recorded, in two statements whatever their number (claim the positions, write
 * the rows — the latter carrying the commit barrier's check), so a chain's head is locked only from
 * then until COMMIT. A rolled-back transaction records nothing. Without a transaction, in one of its
 * own; in a savepoint (whose rollback a commit hook could not follow), at once.
 *
 * `now`: written at once (with the events recorded before it, in order), so the caller holds its
 * chain's head from here to COMMIT — for a change that must queue behind the chain's writers before
 * it locks anything they will need (deleting a webhook endpoint: the events a commit writes lock their
 * endpoints after their chain's head; a login's session rows after its account's head).
 */
export async function recordAudit(ex: Executor, ctx: RequestContext, event: AuditEvent, { now = false } = {}): Promise<void> {
  if (!(ex instanceof PgTransaction)) return ex.transaction((tx) => recordAudit(tx, ctx, event, { now }));
  const recorded: Recorded = { ctx, event, ip: await canonicalIp(ex, ctx.ip) };
  let queue = recordedIn.get(ex);
  if (!queue && !now && beforeCommit(ex, 'audit-logs', (tx, barrier) => appendRecorded(tx, barrier))) recordedIn.set(ex, (queue = []));
  if (queue && !now) queue.push(recorded);
  else await appendAll(ex, [...(queue?.splice(0) ?? []), recorded], null);
}

/** The commit hook: writes what the transaction recorded. */
async function appendRecorded(tx: Executor, barrier: SQL | null): Promise<number | undefined> {
  const queue = recordedIn.get(tx) ?? [];
  recordedIn.delete(tx);
  return queue.length ? appendAll(tx, queue, barrier) : undefined;
}

/**
 * Writes the events in recorded order, then their webhook events. A few rows go in one statement that
 * locks their chains' heads and places them (appendLockedSql); many rows, or a chain with no head
 * row yet, claim positions first and then write (two statements).
 */
async function appendAll(tx: Executor, events: readonly Recorded[], barrier: SQL | null): Promise<number | undefined> {
  let sent: number | undefined;
  let rows: ChainedRow[] | null = null;
  if (events.length <= repository.LOCKED_APPEND_MAX_ROWS) {
    const unplaced = events.map((recorded) => {
      const row = eventRow(recorded);
      return { ...row, template: chainTemplate(row) };
    });
    const appended = await repository.appendLocked(tx, unplaced, barrier);
    sent = appended.sent;
    // the barrier's check ran in that statement either way
    barrier = null;
    if (appended.placed) {
      const byId = new Map(appended.placed.map((placed) => [placed.id, placed]));
      rows = unplaced.map((row) => placedRow(row, byId.get(row.id)));
    }
  }
  if (!rows) {
    const claimed = await appendClaimed(tx, events, barrier);
    rows = claimed.rows;
    sent = barrier ? claimed.sent : sent;
  }
  // their webhook events, in the same transaction: they exist iff these rows (and their changes) commit
  for (const row of rows) await emitForAudit(tx, row);
  return sent;
}

/** Claims positions in every chain the events join, then writes the chained rows in recorded order. */
async function appendClaimed(tx: Executor, events: readonly Recorded[], barrier: SQL | null): Promise<{ rows: ChainedRow[]; sent: number | undefined }> {
  const counts = new Map<string, number>();
  for (const recorded of events) counts.set(chainOf(recorded), (counts.get(chainOf(recorded)) ?? 0) + 1);
  const next = await repository.claimPositions(tx, [...counts].map(([chain, count]) => ({ chain, count })));
  const createdAt = new Date();
  const rows = events.map((recorded) => {
    const chain = chainOf(recorded);
    const at = next.get(chain)!;
    const row = chainedRow(recorded, at.seq, at.prevHash, createdAt);
    next.set(chain, { seq: at.seq + 1, prevHash: row.hash });
    return row;
  });
  return { rows, sent: await repository.appendRows(tx, rows, barrier) };
}

/**
 * An audit row riding in the statement of the change it records, with no transaction (one statement
 * commits both or neither): `ctes` lock the chain's head and append the row; `passed` (a StatementGate)
 * has a row when it was appended; `ready` is true when the chain has a head row to lock (nothing is
 * written without one); `written` is `passed` as a condition.
 */
export interface StatementAppend extends StatementGate {
  ready: SQL;
  written: SQL;
}

/**
 * The event, prepared to ride in its change's statement. `after` orders the locks: null takes the
 * head first, and the change selects from `passed` (a login: its head before its session's rows, as
 * its transaction path does); a condition on the change's WITH items takes the head only once the
 * change is written (an invitation: its rows' locks first, as a transaction that appends at commit).
 * Null when webhooks listen for the event: their events are written with it, recordAudit's way.
 */
export async function prepareStatementAppend(ex: Executor, ctx: RequestContext, event: AuditEvent): Promise<((after: SQL | null) => StatementAppend) | null> {
  const row = eventRow({ ctx, event, ip: await canonicalIp(ex, ctx.ip) });
  if (await wouldEmit(ex, row)) return null;
  return (after) => {
    const append = repository.appendLockedSql([{ ...row, template: chainTemplate(row) }], after);
    return { ready: append.ready, ctes: sql`${append.lock}, ${append.write(null)}`, passed: append.appended, written: sql`exists (select 1 from ${append.appended})` };
  };
}

/**
 * A WITH item for the statement that creates organizations or accounts (`ids`: a query of their ids):
 * their chains' head rows, so the first events they record append in one statement.
 */
export const newChainHeads = (ids: SQL): SQL => repository.newChainHeadsSql(ids);

// Reading the audit log: pages, a streamed export, and chain verification.

export function toAuditLog(row: repository.AuditRow): AuditLog {
  return {
    id: row.id,
    organization_id: row.organization_id,
    seq: Number(row.seq),
    actor_type: row.actor_type as AuditLog['actor_type'],
    actor_user_id: row.actor_user_id,
    actor_api_key_id: row.actor_api_key_id,
    actor_email: row.actor_email,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    metadata: row.metadata,
    audit_metadata: row.metadata,
    ip_address: row.ip_address,
    user_agent: row.user_agent,
    request_id: row.request_id,
    created_at: iso(row.created_at),
    prev_hash: row.prev_hash,
    hash: row.hash,
  };
}

export function filterOf(query: Omit<ListAuditLogsQuery, 'limit' | 'offset' | 'cursor'>): repository.AuditFilter {
  return { action: query.action, actorUserId: query.actor_user_id, targetType: query.target_type, targetId: query.target_id, from: query.from, to: query.to };
}

/** One page, newest first; `next_cursor` is the chain position to continue below. */
export async function listAuditLogs(db: Database, organizationId: string, query: ListAuditLogsQuery): Promise<{ items: AuditLog[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  let beforeSeq: number | undefined;
  if (query.cursor !== undefined) {
    const decoded = Number(Buffer.from(query.cursor, 'base64url').toString());
    if (!Number.isSafeInteger(decoded) || decoded < 1) throw badCursor();
    beforeSeq = decoded;
  }
  const rows = await repository.list(db, organizationId, { ...filterOf(query), beforeSeq }, limit + 1, query.cursor ? 0 : (query.offset ?? 0));
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? Buffer.from(String(items[items.length - 1]!.seq)).toString('base64url') : null;
  return { items: items.map(toAuditLog), nextCursor };
}

const CSV_COLUMNS = ['id', 'seq', 'created_at', 'action', 'actor_type', 'actor_user_id', 'actor_api_key_id', 'actor_email', 'target_type', 'target_id', 'ip_address', 'user_agent', 'request_id', 'metadata', 'hash'] as const;

const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // quote everything that needs it; neutralise spreadsheet formulas
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * Streams the filtered log newest first, a page at a time by keyset: memory stays bounded whatever
 * the size of the log. An async generator, so a page is read only when the one before it has been
 * taken: `read()` is never re-entered while a query is in flight (which would send a page twice).
 */
export function exportAuditLogs(db: Database, organizationId: string, filter: repository.AuditFilter, format: 'csv' | 'jsonl'): Readable {
  const PAGE = 1000;
  async function* chunks(): AsyncGenerator<string> {
    if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\n`;
    let beforeSeq: number | undefined;
    for (;;) {
      const rows = await repository.list(db, organizationId, { ...filter, beforeSeq }, PAGE);
      if (!rows.length) return;
      const lines = rows.map((row) => {
        const log = toAuditLog(row);
        return format === 'jsonl' ? JSON.stringify({ ...log, audit_metadata: undefined }) : CSV_COLUMNS.map((c) => csvCell(log[c])).join(',');
      });
      yield `${lines.join('\n')}\n`;
      if (rows.length < PAGE) return;
      beforeSeq = Number(rows[rows.length - 1]!.seq);
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/**
 * Walks a chain and reports the first row whose link or content does not hold. Positions are dense
 * from 1 (or from the anchor), so a removed row — the oldest ones included — is a gap. Rows written
 * before the chain existed carry no hash: they are accepted only as the chain's prefix, and the
 * first hashed row must then start the chain (prev_hash null).
 *
 * By default the whole chain is walked (the CLI). `fromCheckpoint` (the API) starts after the last
 * row an earlier verification found intact, so each call costs only the rows written since: that
 * row must still exist with the same hash and content, or the walk falls back to the whole chain.
 * A tampered row before the checkpoint is left to a full walk. An intact walk moves the checkpoint
 * to the chain's end; `checked` counts the hashed rows this walk checked.
 */
export async function verifyChain(ex: Executor, organizationId: string | null, { fromCheckpoint = false } = {}): Promise<AuditVerifyResponse> {
  const anchor = await repository.anchorOf(ex, organizationId);
  let start = { seq: anchor?.seq ?? 0, hash: anchor?.hash ?? null };
  const checkpoint = fromCheckpoint ? await repository.checkpointOf(ex, organizationId) : null;
  if (checkpoint && checkpoint.seq > start.seq && (await checkpointHolds(ex, organizationId, checkpoint))) start = checkpoint;
  const result = await walkChain(ex, organizationId, start);
  if (result.ok && result.end.seq > 0) await repository.saveCheckpoint(ex, organizationId, result.end.seq, result.end.hash);
  return { ok: result.ok, checked: result.checked, first_broken: result.first_broken };
}

/** The checkpoint's row is still there, with the recorded hash, and its content still matches it. */
async function checkpointHolds(ex: Executor, organizationId: string | null, checkpoint: { seq: number; hash: string | null }): Promise<boolean> {
  const row = await repository.rowAt(ex, organizationId, checkpoint.seq);
  if (!row || row.hash !== checkpoint.hash) return false;
  return row.hash === null || chainHash(row.prev_hash, row) === row.hash;
}

type Walk = AuditVerifyResponse & { end: { seq: number; hash: string | null } };

async function walkChain(ex: Executor, organizationId: string | null, start: { seq: number; hash: string | null }): Promise<Walk> {
  let prevHash: string | null = start.hash;
  let prevSeq = start.seq;
  let checked = 0;
  for (;;) {
    const rows = await repository.chainBatch(ex, organizationId, prevSeq, 1000);
    if (!rows.length) return { ok: true, checked, first_broken: null, end: { seq: prevSeq, hash: prevHash } };
    for (const row of rows) {
      const seq = Number(row.seq);
      const broken = (reason: string): Walk => ({ ok: false, checked, first_broken: { id: row.id, seq, reason }, end: { seq: prevSeq, hash: prevHash } });
      if (seq !== prevSeq + 1) return broken(`row ${prevSeq + 1} is missing`);
      if (row.prev_hash !== prevHash) return broken('prev_hash does not match the previous row');
      if (row.hash === null) {
        if (prevHash !== null) return broken('row has no hash');
        prevSeq = seq;
        continue;
      }
      if (chainHash(row.prev_hash, row) !== row.hash) return broken('content does not match its hash');
      prevHash = row.hash;
      prevSeq = seq;
      checked++;
    }
  }
}

/** Verifies an organization's chain from its last checkpoint; a full walk is a superuser's. */
export async function verifyOrganizationChain(db: Database, organizationId: string, full: boolean, isSuperuser: boolean): Promise<AuditVerifyResponse> {
  if (full && !isSuperuser) throw fullWalkNeedsSuperuser();
  return verifyChain(db, organizationId, { fromCheckpoint: !full });
}

/** Every chain there is (each organization's, each user's, and the nil one), for `saasready audit verify`. */
export const listAuditChains = (db: Database): Promise<(string | null)[]> => repository.listAuditChains(db);

/** An account's latest security events, newest first (the superuser's user page). */
export async function listSecurityEvents(db: Executor, userId: string, limit = 25): Promise<AuditLog[]> {
  return (await repository.listSecurityEvents(db, userId, limit)).map(toAuditLog);
}
