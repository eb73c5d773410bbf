// The outbox worker, safe to run in every server process at once. Each poll claims due messages
// with FOR UPDATE SKIP LOCKED and a lease (OUTBOX_LEASE, 60 s), sends them, and marks them sent; a failure is
// retried with exponential back-off (base × 2^(attempt-1), capped at an hour) until MAX_ATTEMPTS,
// then marked failed. Delivery is at-least-once: a process that dies after the SMTP server accepted
// a message but before marking it sent leaves it to be re-sent when the lease expires; on a normal
// run every message is sent exactly once.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import * as repository from './repository.js';
import type { Mailer } from './service.js';
import type { MailTransport } from './transport.js';

const BATCH = 20;
export const MAX_ATTEMPTS = 10;
const MAX_DELAY_MS = 3_600_000;

export interface OutboxWorkerOptions {
  pollMs: number;
  retryBaseMs: number;
  /** how long a claim holds; must exceed the slowest SMTP delivery, or a message may be sent twice */
  leaseSeconds: number;
  from: string;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly mailer: Mailer,
    private readonly transport: MailTransport,
    private readonly log: FastifyBaseLogger,
    private readonly options: OutboxWorkerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.poke(), this.options.pollMs);
    this.timer.unref();
  }

  /** Runs a poll now unless one is already running (called after an enqueue for snappy delivery). */
  poke(): void {
    if (this.stopped || this.running) return;
    void this.runOnce().catch((err) => this.log.warn({ err: { message: (err as Error).message } }, 'outbox poll failed; will retry'));
  }

  /** Claims and delivers one batch; returns how many were sent. */
  runOnce(): Promise<number> {
    this.running ??= this.deliverBatch().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async deliverBatch(): Promise<number> {
    const claimed = await repository.claimDue(this.db, BATCH, this.options.leaseSeconds);
    let sent = 0;
    for (const row of claimed) {
      if (await this.deliver(row)) sent++;
    }
    return sent;
  }

  private async deliver(row: repository.OutboxRow): Promise<boolean> {
    try {
      const body = this.mailer.decryptBody(row);
      if (!body) throw new Error('message body missing');
      await this.transport.send({ from: this.options.from, to: row.to_address, subject: row.subject, ...body, messageId: `<${row.id}@saasready>` });
      await repository.markSent(this.db, row.id, this.transport.name, this.transport.keepsBody);
      // Never the body: it carries a single-use link.
      this.log.info({ outbox_id: row.id, template: row.template, to: row.to_address, transport: this.transport.name }, 'email delivered');
      return true;
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      if (row.attempts >= MAX_ATTEMPTS) {
        await repository.markFailed(this.db, row.id, message).catch(() => {});
        this.log.error({ outbox_id: row.id, attempts: row.attempts, error: message }, 'email delivery failed for good');
      } else {
        const delay = Math.min(MAX_DELAY_MS, this.options.retryBaseMs * 2 ** (row.attempts - 1));
        await repository.markRetry(this.db, row.id, message, new Date(Date.now() + delay)).catch(() => {});
        this.log.warn({ outbox_id: row.id, attempts: row.attempts, retry_in_ms: delay, error: message }, 'email delivery failed; will retry');
      }
      return false;
    }
  }

  /** Stops polling and waits for an in-flight batch to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => {});
    this.transport.close();
  }
}
