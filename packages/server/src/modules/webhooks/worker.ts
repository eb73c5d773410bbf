// The webhook delivery worker, safe to run in every server process at once. It wakes on the
// `saasready_webhooks` notification a transaction that queued deliveries sends (delivered only once
// it commits) and polls every second besides. A poll claims each enabled endpoint's oldest open
// delivery (FOR UPDATE SKIP LOCKED + a lease of WEBHOOK_LEASE, 30 s, longer than the attempt's
// WEBHOOK_TIMEOUT) and sends it; endpoints are served in parallel, one event at a time each, in
// order. A failure is retried on the Standard Webhooks schedule (5 s, 5 min, 30 min, 2 h, 5 h,
// 10 h, 10 h after the first attempt; ±10% jitter), then the delivery fails and the next event of
// that endpoint goes. A 410 disables the endpoint; an endpoint failing without a success for
// 5 days is disabled and its organization's Owners are emailed. At-least-once: a process that dies
// mid-attempt leaves the delivery to be claimed again when the lease lapses (same webhook-id).
// `clock` and `random` are injectable (tests move time instead of sleeping).
import type { FastifyBaseLogger } from 'fastify';
import type { Database, DatabaseHandle, ListenConnection } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import type { TargetPolicy } from '../../lib/outbound.js';
import { systemContext } from '../../lib/request-context.js';
import { recordAudit } from '../audit-logs/service.js';
import { webhookDisabledEmail, type Branding, type Mailer } from '../mail/service.js';
import { listActiveOwnerEmails } from '../memberships/service.js';
import { findById as findOrganization } from '../organizations/service.js';
import { WEBHOOK_CHANNEL } from '../webhook-events/service.js';
import { deliver, type AttemptResult } from './delivery.js';
import * as repository from './repository.js';
import { signingSecrets } from './service.js';

/** Waits after the 1st, 2nd, … failed attempt (the first attempt is immediate). */
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** An endpoint failing this long without a success is disabled. */
export const FAILING_DISABLE_MS = 5 * 86_400_000;
const BATCH = 20;
const PRUNE_EVERY_MS = 3_600_000;

class AlreadyDisabled extends Error {}

export interface WebhookWorkerOptions {
  pollMs: number;
  leaseSeconds: number;
  /** delivery log retention */
  retentionSeconds: number;
  policy: TargetPolicy;
  masterKey: Buffer;
  brand: Branding;
}

export class WebhookWorker {
  /** the worker's notion of now (scheduling, leases, failure runs); tests replace it */
  clock: () => Date = () => new Date();
  /** jitter source in [0, 1); tests replace it */
  random: () => number = Math.random;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;
  private listener: ListenConnection | null = null;
  private lastPrune = 0;

  constructor(
    private readonly database: Pick<DatabaseHandle, 'listen'> & { db: Database },
    private readonly mailer: Mailer,
    private readonly mailEnqueued: () => void,
    private readonly log: FastifyBaseLogger,
    private readonly options: WebhookWorkerOptions,
  ) {}

  private get db(): Database {
    return this.database.db;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.timer = setInterval(() => {
      if (!this.listener) void this.listen();
      this.poke();
    }, this.options.pollMs);
    this.timer.unref();
    await this.listen();
    this.poke();
  }

  private async listen(): Promise<void> {
    try {
      const connection = await this.database.listen(WEBHOOK_CHANNEL, {
        onMessage: () => this.poke(),
        onLost: () => {
          this.listener = null;
        },
      });
      if (this.stopped) return void (await connection.close().catch(() => {}));
      this.listener = connection;
    } catch (err) {
      this.log.warn({ err: { message: (err as Error).message } }, 'webhook listener could not start; polling every second');
    }
  }

  /** Runs a poll now; one already running is followed by another (a wake-up is never lost). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.runOnce().catch((err) => this.log.warn({ err: { message: (err as Error).message } }, 'webhook poll failed; will retry'));
  }

  /** Claims and delivers one batch (at most one delivery per endpoint); answers how many were claimed. */
  runOnce(): Promise<number> {
    this.running ??= this.deliverBatch().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.poke();
      }
    });
    return this.running;
  }

  /**
   * Runs batches until nothing is due (tests; `saasready` never needs it). A batch already running
   * read the clock before this call: it is waited for, never counted as this call's last.
   */
  async drain(): Promise<void> {
    await this.running?.catch(() => {});
    while ((await this.runOnce()) > 0);
  }

  private async deliverBatch(): Promise<number> {
    const now = this.clock();
    if (now.getTime() - this.lastPrune > PRUNE_EVERY_MS) await this.prune(now);
    const claimed = await repository.claimDue(this.db, now, BATCH, this.options.leaseSeconds);
    await Promise.all(claimed.map((row) => this.attempt(row)));
    // one delivery per endpoint per batch (order): the next of each may be due now
    if (claimed.length) this.again = true;
    return claimed.length;
  }

  private async prune(now: Date): Promise<void> {
    this.lastPrune = now.getTime();
    const removed = await repository.pruneLog(this.db, new Date(now.getTime() - this.options.retentionSeconds * 1000));
    if (removed) this.log.info({ removed }, 'webhook delivery log pruned');
  }

  private async attempt(row: repository.ClaimedDelivery): Promise<void> {
    let result: AttemptResult;
    try {
      result = await deliver(row.url, this.options.policy, { id: row.event_id, body: row.payload, secrets: signingSecrets(this.options.masterKey, row) });
    } catch (err) {
      result = { statusCode: null, latencyMs: 0, excerpt: null, error: (err as Error).message };
    }
    try {
      await this.record(row, result);
    } catch (err) {
      // the lease lapses and another poll tries again: at-least-once
      this.log.warn({ delivery_id: row.id, err: { message: (err as Error).message } }, 'webhook outcome not recorded; the delivery will be retried');
    }
  }

  /** Delay before the next attempt after `attempts` failed ones, with ±10% jitter; null when none is left. */
  nextDelay(attempts: number): number | null {
    const base = RETRY_DELAYS_MS[attempts - 1];
    if (base === undefined) return null;
    return Math.round(base * (0.9 + 0.2 * this.random()));
  }

  private async record(row: repository.ClaimedDelivery, result: AttemptResult): Promise<void> {
    const now = this.clock();
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const gone = result.statusCode === 410;
    const delay = ok || gone ? null : this.nextDelay(row.attempts);
    const status = ok ? 'succeeded' : delay === null ? 'failed' : 'pending';
    const nextAttemptAt = delay === null ? null : new Date(now.getTime() + delay);
    // 1. the outcome, under the endpoint's row lock taken first (lock order: repository.holdEndpoint)
    const endpoint = await this.db.transaction(async (tx) => {
      if (!(await repository.holdEndpoint(tx, row.endpoint_id))) return null; // deleted meanwhile
      const held = await repository.finishAttempt(tx, row, {
        status, nextAttemptAt, now,
        attempt: { id: newId(), statusCode: result.statusCode, latencyMs: result.latencyMs, excerpt: result.excerpt, error: result.error },
      });
      if (!held) return null; // another worker took over after our lease lapsed: its outcome counts
      if (ok) {
        await repository.clearFailing(tx, row.endpoint_id);
        return null;
      }
      return repository.markFailing(tx, row.endpoint_id, now);
    });
    if (!endpoint) return;
    const reason = gone ? 'gone' : now.getTime() - new Date(endpoint.failing_since).getTime() >= FAILING_DISABLE_MS ? 'failing' : null;
    if (reason) await this.disable(row.endpoint_id, endpoint, reason, result.statusCode);
  }

  /** 2. Turning an endpoint off: its audit row first (the chain, then the endpoint: the API's lock order), the Owners' email with it. */
  private async disable(endpointId: string, endpoint: { organization_id: string | null; url: string; failing_since: Date | string }, reason: 'gone' | 'failing', httpStatus: number | null): Promise<void> {
    const failingSince = new Date(endpoint.failing_since);
    const emailed = await this.db.transaction(async (tx) => {
      await recordAudit(tx, systemContext('webhooks'), {
        action: 'webhook.disabled', organizationId: endpoint.organization_id, targetType: 'webhook', targetId: endpointId,
        metadata: { reason, url: endpoint.url, failing_since: failingSince.toISOString(), http_status: httpStatus },
      }, { now: true });
      // already off (another worker, or its owner): nothing to record, the audit row rolls back
      if (!(await repository.disableEndpoint(tx, endpointId, reason))) throw new AlreadyDisabled();
      return reason === 'failing' && endpoint.organization_id ? this.emailOwners(tx, endpoint.organization_id, endpoint.url, failingSince) : false;
    }).catch((err) => {
      if (err instanceof AlreadyDisabled) return null;
      throw err;
    });
    if (emailed === null) return;
    this.log.warn({ endpoint_id: endpointId, reason }, 'webhook endpoint disabled');
    if (emailed) this.mailEnqueued();
  }

  private async emailOwners(tx: Parameters<Parameters<Database['transaction']>[0]>[0], organizationId: string, url: string, failingSince: Date): Promise<boolean> {
    const org = await findOrganization(tx, organizationId);
    const owners = await listActiveOwnerEmails(tx, organizationId);
    for (const to of owners) await this.mailer.enqueue(tx, 'webhook_disabled', to, webhookDisabledEmail(this.options.brand, { organizationName: org?.name ?? '', url, failingSince }));
    return owners.length > 0;
  }

  /** Stops polling and listening, and waits for an in-flight batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => {});
    await this.listener?.close().catch(() => {});
    this.listener = null;
  }
}
