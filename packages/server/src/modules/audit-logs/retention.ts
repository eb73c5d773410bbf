// AUDIT_RETENTION_DAYS: a scheduled job removes older audit rows chain by chain, leaving an
// anchor so the rest still verifies. Runs hourly in every process; an advisory lock lets one at a time work.
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { queryRows, type Database } from '../../db/client.js';
import { systemContext } from '../../lib/request-context.js';
import * as repository from './repository.js';
import { recordAudit } from './service.js';

const LOCK = 727_002;

export async function pruneAuditLogs(db: Database, retentionDays: number): Promise<number> {
  const before = new Date(Date.now() - retentionDays * 86_400_000);
  return db.transaction(async (tx) => {
    const [{ locked } = { locked: false }] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${LOCK}) as locked`);
    if (!locked) return 0;
    let removed = 0;
    for (const { chain, organizationId } of await repository.chainsWithRowsBefore(tx, before)) {
      await repository.lockHead(tx, chain);
      const count = await repository.pruneChain(tx, chain, before);
      removed += count;
      // an organization's pruning is recorded in its own log; a user's chain's, in the nil chain, naming the user
      const metadata = { removed: count, before: before.toISOString(), retention_days: retentionDays, ...(chain && !organizationId ? { user_id: chain } : {}) };
      await recordAudit(tx, systemContext('audit-retention'), { action: 'audit.pruned', organizationId, metadata });
    }
    return removed;
  });
}

/**
 * Runs the pruning once shortly after start (`firstRunMs`) and then every `intervalMs`. The returned
 * stop cancels both the first run and the interval (nothing starts after it), and resolves once a
 * run already under way has finished, so a shutdown can wait for it before closing the database.
 */
export function startRetentionJob(
  db: Database,
  retentionDays: number | undefined,
  log: FastifyBaseLogger,
  { firstRunMs = 10_000, intervalMs = 3_600_000 }: { firstRunMs?: number; intervalMs?: number } = {},
): () => Promise<void> {
  if (!retentionDays) return async () => {};
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    if (stopped) return;
    running = pruneAuditLogs(db, retentionDays).then(
      (removed) => removed && log.info({ removed }, 'audit retention pruned old rows'),
      (err: unknown) => log.warn({ err }, 'audit retention failed; will retry'),
    );
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  const first = setTimeout(run, firstRunMs);
  first.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
