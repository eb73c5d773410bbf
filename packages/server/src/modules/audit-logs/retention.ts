// AUDIT_RETENTION_DAYS: a scheduled job removes older audit rows chain by chain, leaving an
// anchor so the rest still verifies. Runs hourly in every process; an advisory lock lets one at a time work.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import { systemContext } from '../../lib/request-context.js';
import * as repository from './repository.js';
import { recordAudit } from './service.js';


export async function pruneAuditLogs(db: Database, retentionDays: number): Promise<number> {
  const before = new Date(Date.now() - retentionDays * 86_400_000);
  let removed = 0;
  let users = { chains: 0, rows: 0 };
  // one transaction per chain: a chain's head is locked only while its own rows go (with per-user
  // chains, one transaction for all would hold every affected user's logins until the whole run ends)
  for (const { chain, organizationId } of await repository.chainsWithRowsBefore(db, before)) {
    const count = await db.transaction(async (tx) => {
      // one process at a time (the lock ends with each transaction; another process that takes it
      // between two chains finds the ones already done empty)
      if (!(await repository.tryRetentionLock(tx))) return null;
      await repository.lockHead(tx, chain);
      const pruned = await repository.pruneChain(tx, chain, before);
      // an organization's pruning is recorded in its own log; users' chains are summed up below
      if (pruned && (organizationId || !chain)) {
        await recordAudit(tx, systemContext('audit-retention'), { action: 'audit.pruned', organizationId, metadata: { removed: pruned, before: before.toISOString(), retention_days: retentionDays } });
      }
      return pruned;
    });
    if (count === null) break;
    removed += count;
    if (chain && !organizationId && count) users = { chains: users.chains + 1, rows: users.rows + count };
  }
  if (users.chains) {
    // the users' chains: one row in the nil chain for the whole run, not one per user
    await recordAudit(db, systemContext('audit-retention'), {
      action: 'audit.pruned', metadata: { removed: users.rows, user_chains: users.chains, before: before.toISOString(), retention_days: retentionDays },
    });
  }
  return removed;
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
