// `client.admin.webhooks`: the instance's webhook endpoints (superusers), the same shape as an
// organization's (`client.webhooks`) without the organization.
import type { CallOptions, Transport } from '../transport.js';
import type {
  CreatedWebhookEndpoint, CreateWebhookBody, ListDeliveriesQuery, QueuedDelivery, RotatedWebhookSecret, UpdateWebhookBody, WebhookDelivery, WebhookEndpoint,
} from '../types.js';

/**
 * `client.admin.webhooks`: instance-wide webhook endpoints (superusers only). They receive every
 * organization's events (and instance events such as `session.created`); `organization_id` is null.
 *
 * @example
 * ```ts
 * const hook = await client.admin.webhooks.create({ url: 'https://siem.example.com/in', event_types: ['audit.event'] });
 * saveSecret(hook.secret); // whsec_…, shown this once
 * ```
 */
export class InstanceWebhooksApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Creates an instance endpoint; `secret` is in this answer only.
   *
   * @example
   * ```ts
   * const { secret } = await client.admin.webhooks.create({ url, event_types: ['organization.*'] });
   * ```
   */
  async create(body: CreateWebhookBody, options?: CallOptions): Promise<CreatedWebhookEndpoint> {
    return this.#t.request((api, init) => api.POST('/api/v1/admin/webhooks', { body, ...init }), options);
  }

  /**
   * The instance endpoints (never their secrets).
   *
   * @example
   * ```ts
   * const hooks = await client.admin.webhooks.list();
   * ```
   */
  async list(options?: CallOptions): Promise<WebhookEndpoint[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/admin/webhooks', { ...init }), options);
  }

  /**
   * One instance endpoint.
   *
   * @example
   * ```ts
   * const hook = await client.admin.webhooks.get(hookId);
   * ```
   */
  async get(webhookId: string, options?: CallOptions): Promise<WebhookEndpoint> {
    return this.#t.request((api, init) => api.GET('/api/v1/admin/webhooks/{webhook_id}', { params: { path: { webhook_id: webhookId } }, ...init }), options);
  }

  /**
   * Changes an instance endpoint; `enabled: true` re-enables one the server disabled.
   *
   * @example
   * ```ts
   * await client.admin.webhooks.update(hook.id, { enabled: false });
   * ```
   */
  async update(webhookId: string, body: UpdateWebhookBody, options?: CallOptions): Promise<WebhookEndpoint> {
    return this.#t.request((api, init) => api.PATCH('/api/v1/admin/webhooks/{webhook_id}', { params: { path: { webhook_id: webhookId } }, body, ...init }), options);
  }

  /**
   * Deletes an instance endpoint with its delivery log.
   *
   * @example
   * ```ts
   * await client.admin.webhooks.delete(hook.id);
   * ```
   */
  async delete(webhookId: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.DELETE('/api/v1/admin/webhooks/{webhook_id}', { params: { path: { webhook_id: webhookId } }, ...init }), options);
  }

  /**
   * Replaces the signing secret (shown this once); the previous one keeps signing for `overlap_seconds` (default 24 h).
   *
   * @example
   * ```ts
   * const { secret, previous_secret_expires_at } = await client.admin.webhooks.rotateSecret(hook.id, { overlap_seconds: 3600 });
   * ```
   */
  async rotateSecret(webhookId: string, body: { overlap_seconds?: number } = {}, options?: CallOptions): Promise<RotatedWebhookSecret> {
    return this.#t.request((api, init) => api.POST('/api/v1/admin/webhooks/{webhook_id}/rotate-secret', { params: { path: { webhook_id: webhookId } }, body, ...init }), options);
  }

  /**
   * Queues a `webhook.test` event for this endpoint.
   *
   * @example
   * ```ts
   * const { delivery_id } = await client.admin.webhooks.test(hook.id);
   * ```
   */
  async test(webhookId: string, options?: CallOptions): Promise<QueuedDelivery> {
    return this.#t.request((api, init) => api.POST('/api/v1/admin/webhooks/{webhook_id}/test', { params: { path: { webhook_id: webhookId } }, ...init }), options);
  }

  /**
   * The endpoint's delivery log, newest first, each delivery with its attempts.
   *
   * @example
   * ```ts
   * const failed = await client.admin.webhooks.listDeliveries(hook.id, { status: 'failed' });
   * ```
   */
  async listDeliveries(webhookId: string, query: ListDeliveriesQuery = {}, options?: CallOptions): Promise<WebhookDelivery[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/admin/webhooks/{webhook_id}/deliveries', { params: { path: { webhook_id: webhookId }, query }, ...init }), options);
  }

  /**
   * Sends a delivery's event again (same `webhook-id`), behind the endpoint's queue.
   *
   * @example
   * ```ts
   * await client.admin.webhooks.retryDelivery(hook.id, delivery.id);
   * ```
   */
  async retryDelivery(webhookId: string, deliveryId: string, options?: CallOptions): Promise<QueuedDelivery> {
    return this.#t.request((api, init) => api.POST('/api/v1/admin/webhooks/{webhook_id}/deliveries/{delivery_id}/retry', { params: { path: { webhook_id: webhookId, delivery_id: deliveryId } }, ...init }), options);
  }
}
