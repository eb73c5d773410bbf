// Webhook endpoints of an organization (webhooks.manage) or of the instance (superusers). Rules: the
// signing secret (`whsec_` + 32 random bytes) is shown once, at creation or rotation, and stored
// AES-256-GCM under MASTER_KEY (AAD = the endpoint id); after a rotation the previous secret signs
// beside the new one until its overlap ends; subscriptions name catalog events, `prefix.*` or `*`;
// the URL's shape is checked here and its resolved addresses at each delivery (delivery.ts); every
// change is audited in its transaction.
import { randomBytes } from 'node:crypto';
import {
  isValidWebhookFilter,
  type CreateWebhookBody,
  type RotateWebhookSecretBody,
  type UpdateWebhookBody,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '@saasready/contracts';
import type { Database, Tx } from '../../db/client.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import { decryptSecret, encryptSecret } from '../../lib/crypto.js';
import { newId } from '../../lib/ids.js';
import { checkUrlShape, literalRefusal, TargetRefused, type TargetPolicy } from '../../lib/outbound.js';
import type { RequestContext } from '../../lib/request-context.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit-logs/service.js';
import { emitTo } from '../webhook-events/service.js';
import { deliveryNotFound, invalidUrl, unknownEventTypes, webhookDisabled, webhookNotFound } from './errors.js';
import * as repository from './repository.js';

export type { Scope } from './repository.js';
type Scope = repository.Scope;

const DEFAULT_OVERLAP_SECONDS = 86_400;
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
const aad = (endpointId: string) => `webhook_endpoints:${endpointId}`;

export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export function toEndpoint(row: repository.EndpointRow, now = new Date()): WebhookEndpoint {
  const rotating = row.previous_secret_enc && row.previous_secret_expires_at && new Date(row.previous_secret_expires_at) > now ? iso(row.previous_secret_expires_at) : null;
  return {
    id: row.id,
    organization_id: row.organization_id,
    url: row.url,
    description: row.description,
    event_types: row.event_types,
    enabled: row.enabled,
    disabled_reason: row.disabled_reason,
    failing_since: isoOrNull(row.failing_since),
    secret_rotating_until: rotating,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** The secrets that sign a delivery now: the current one, and the previous one during its overlap. */
export function signingSecrets(masterKey: Buffer, row: { id?: string; endpoint_id?: string; secret_enc: string; previous_secret_enc: string | null; previous_secret_expires_at: Date | string | null }, now = new Date()): string[] {
  const id = row.endpoint_id ?? row.id!;
  const secrets = [decryptSecret(masterKey, row.secret_enc, aad(id))];
  if (row.previous_secret_enc && row.previous_secret_expires_at && new Date(row.previous_secret_expires_at) > now) secrets.push(decryptSecret(masterKey, row.previous_secret_enc, aad(id)));
  return secrets;
}

export class WebhooksService {
  constructor(
    private readonly deps: { db: Database; masterKey: Buffer; policy: TargetPolicy; queued: () => void },
  ) {}

  private checkUrl(raw: string): string {
    try {
      const url = checkUrlShape(raw.trim(), this.deps.policy);
      const refusal = literalRefusal(url, this.deps.policy);
      if (refusal) throw new TargetRefused(refusal);
      return url.toString();
    } catch (err) {
      if (err instanceof TargetRefused) throw invalidUrl(err.message);
      throw err;
    }
  }

  private checkFilters(filters: string[]): string[] {
    const unknown = filters.filter((f) => !isValidWebhookFilter(f));
    if (unknown.length) throw unknownEventTypes(unknown);
    return filters;
  }

  private async get(scope: Scope, id: string): Promise<repository.EndpointRow> {
    const row = await repository.findEndpoint(this.deps.db, scope, id);
    if (!row) throw webhookNotFound();
    return row;
  }

  async create(ctx: RequestContext, scope: Scope, body: CreateWebhookBody): Promise<WebhookEndpoint & { secret: string }> {
    const url = this.checkUrl(body.url);
    const eventTypes = this.checkFilters(body.event_types);
    const id = newId();
    const secret = newSecret();
    return this.deps.db.transaction(async (tx) => {
      await repository.insertEndpoint(tx, {
        id, organizationId: scope, url, description: body.description ?? null, eventTypes, enabled: body.enabled ?? true,
        secretEnc: encryptSecret(this.deps.masterKey, secret, aad(id)), createdBy: ctx.principal?.userId ?? null,
      });
      await recordAudit(tx, ctx, { action: 'webhook.created', organizationId: scope, targetType: 'webhook', targetId: id, metadata: { url, event_types: eventTypes, enabled: body.enabled ?? true } });
      return { ...toEndpoint((await repository.findEndpoint(tx, scope, id))!), secret };
    });
  }

  async list(scope: Scope): Promise<WebhookEndpoint[]> {
    return (await repository.listEndpoints(this.deps.db, scope)).map((row) => toEndpoint(row));
  }

  async find(scope: Scope, id: string): Promise<WebhookEndpoint> {
    return toEndpoint(await this.get(scope, id));
  }

  /**
   * Runs `change` on the endpoint inside a transaction that holds the audit chain first (the audit
   * row is appended before the endpoint is locked: the lock order of repository.findEndpoint), so it
   * cannot deadlock with a change that emits events to this endpoint, nor with the worker.
   */
  private async audited<T>(ctx: RequestContext, scope: Scope, id: string, lock: 'update' | 'no key update', audit: (row: repository.EndpointRow) => { action: 'webhook.updated' | 'webhook.deleted' | 'webhook.secret_rotated'; metadata: Record<string, unknown> }, change: (tx: Tx, row: repository.EndpointRow) => Promise<T>): Promise<T> {
    const seen = await this.get(scope, id);
    return this.deps.db.transaction(async (tx) => {
      // first, and at once: the chain's head before the endpoint's row, the order in which a change's
      // events lock them at its commit (the other way round, a deletion and an emitter deadlock)
      await recordAudit(tx, ctx, { organizationId: scope, targetType: 'webhook', targetId: id, ...audit(seen) }, { now: true });
      const row = await repository.findEndpoint(tx, scope, id, { lock });
      if (!row) throw webhookNotFound(); // deleted meanwhile: the audit row rolls back with this
      return change(tx, row);
    });
  }

  /** Changes an endpoint; enabling one the server disabled also ends its run of failures. */
  async update(ctx: RequestContext, scope: Scope, id: string, body: UpdateWebhookBody): Promise<WebhookEndpoint> {
    const url = body.url !== undefined ? this.checkUrl(body.url) : undefined;
    const eventTypes = body.event_types !== undefined ? this.checkFilters(body.event_types) : undefined;
    const changes = Object.fromEntries(Object.entries({ url, event_types: eventTypes, description: body.description, enabled: body.enabled }).filter(([, v]) => v !== undefined));
    let reenabled = false;
    const result = await this.audited(ctx, scope, id, 'no key update', () => ({ action: 'webhook.updated', metadata: { changes } }), async (tx, before) => {
      reenabled = body.enabled === true && !before.enabled;
      await repository.updateEndpoint(tx, scope, id, { url, description: body.description, eventTypes, enabled: body.enabled, clearFailure: reenabled });
      return toEndpoint((await repository.findEndpoint(tx, scope, id))!);
    });
    if (reenabled) this.deps.queued();
    return result;
  }

  async remove(ctx: RequestContext, scope: Scope, id: string): Promise<void> {
    await this.audited(ctx, scope, id, 'update', (row) => ({ action: 'webhook.deleted', metadata: { url: row.url } }), (tx) => repository.deleteEndpoint(tx, scope, id));
  }

  /** A new secret, shown once; the current one keeps signing beside it for `overlap_seconds` (default 24 h). */
  async rotateSecret(ctx: RequestContext, scope: Scope, id: string, body: RotateWebhookSecretBody): Promise<{ secret: string; previous_secret_expires_at: string | null }> {
    const overlap = body.overlap_seconds ?? DEFAULT_OVERLAP_SECONDS;
    const secret = newSecret();
    return this.audited(ctx, scope, id, 'no key update', () => ({ action: 'webhook.secret_rotated', metadata: { overlap_seconds: overlap } }), async (tx, row) => {
      const expires = overlap > 0 ? new Date(Date.now() + overlap * 1000) : null;
      await repository.updateEndpoint(tx, scope, id, {
        secretEnc: encryptSecret(this.deps.masterKey, secret, aad(id)),
        previousSecretEnc: expires ? row.secret_enc : null,
        previousSecretExpiresAt: expires,
      });
      return { secret, previous_secret_expires_at: expires?.toISOString() ?? null };
    });
  }

  /** Queues a `webhook.test` event for this endpoint only. */
  async sendTest(ctx: RequestContext, scope: Scope, id: string): Promise<{ delivery_id: string; event_id: string }> {
    const row = await this.get(scope, id);
    if (!row.enabled) throw webhookDisabled();
    const queued = await this.deps.db
      .transaction((tx) => emitTo(tx, id, scope, 'webhook.test', { endpoint_id: id, message: `Test event requested by ${ctx.principal?.email ?? 'an API key'}` }))
      .catch((err: unknown) => {
        // deleted since it was read: what the same request gets a moment later
        if (isForeignKeyViolation(err, repository.ENDPOINT_FK)) throw webhookNotFound();
        throw err;
      });
    // deleted while the delivery waited for it: what the same request gets a moment later
    if (!queued) throw webhookNotFound();
    this.deps.queued();
    return { delivery_id: queued.deliveryId, event_id: queued.eventId };
  }

  async listDeliveries(scope: Scope, id: string, query: { limit?: number; status?: string }): Promise<WebhookDelivery[]> {
    await this.get(scope, id);
    const { deliveries, attempts } = await repository.listDeliveries(this.deps.db, scope, id, query.limit ?? 50, query.status);
    return deliveries.map((d) => ({
      id: d.id,
      endpoint_id: d.endpoint_id,
      event_id: d.event_id,
      event_type: d.event_type,
      status: d.status,
      attempts: d.attempts,
      next_attempt_at: isoOrNull(d.next_attempt_at),
      created_at: iso(d.created_at),
      delivered_at: isoOrNull(d.delivered_at),
      attempt_log: attempts.filter((a) => a.delivery_id === d.id).map((a) => ({
        attempt: a.attempt,
        attempted_at: iso(a.created_at),
        status_code: a.status_code,
        latency_ms: a.latency_ms,
        response_excerpt: a.response_excerpt,
        error: a.error,
        next_retry_at: isoOrNull(a.next_retry_at),
      })),
    }));
  }

  /**
   * Sends a delivery's event again, as a new delivery behind the endpoint's queue (same event id,
   * hence the same `webhook-id`: a receiver that already has it can tell).
   */
  async retryDelivery(ctx: RequestContext, scope: Scope, id: string, deliveryId: string): Promise<{ delivery_id: string; event_id: string }> {
    const row = await this.get(scope, id);
    if (!row.enabled) throw webhookDisabled();
    const delivery = await repository.findDelivery(this.deps.db, scope, id, deliveryId);
    if (!delivery) throw deliveryNotFound();
    const newDelivery = newId();
    await this.deps.db.transaction((tx) => repository.insertDelivery(tx, scope, newDelivery, id, delivery.event_id));
    this.deps.queued();
    return { delivery_id: newDelivery, event_id: delivery.event_id };
  }
}
