// `client.webhooks`: an organization's webhook endpoints, their secrets and delivery logs.
import type { CallOptions, Transport } from '../transport.js';
import type {
  CreatedWebhookEndpoint, CreateWebhookBody, ListDeliveriesQuery, QueuedDelivery, RotatedWebhookSecret, UpdateWebhookBody, WebhookDelivery, WebhookEndpoint,
} from '../types.js';

/**
 * `client.webhooks`: webhook endpoints of an organization (`webhooks.manage`; choosing event types
 * needs `audit.read` too). Receivers verify deliveries with `WebhookVerifier`.
 *
 * @example
 * ```ts
 * const hook = await client.webhooks.create(org.id, { url: 'https://hooks.example.com/saasready', event_types: ['membership.*'] });
 * saveSecret(hook.secret); // whsec_…, shown this once
 * ```
 */
export class WebhooksApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Creates an endpoint; `secret` is in this answer only.
   *
   * @example
   * ```ts
   * const { secret } = await client.webhooks.create(org.id, { url, event_types: ['*'], description: 'CRM sync' });
   * ```
   */
  async create(orgId: string, body: CreateWebhookBody, options?: CallOptions): Promise<CreatedWebhookEndpoint> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/webhooks', { params: { path: { org_id: orgId } }, body, ...init }), options);
  }

  /**
   * The organization's endpoints (never their secrets).
   *
   * @example
   * ```ts
   * const hooks = await client.webhooks.list(org.id);
   * ```
   */
  async list(orgId: string, options?: CallOptions): Promise<WebhookEndpoint[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/webhooks', { params: { path: { org_id: orgId } }, ...init }), options);
  }

  /**
   * One endpoint.
   *
   * @example
   * ```ts
   * const hook = await client.webhooks.get(org.id, hookId);
   * ```
   */
  async get(orgId: string, webhookId: string, options?: CallOptions): Promise<WebhookEndpoint> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/webhooks/{webhook_id}', { params: { path: { org_id: orgId, webhook_id: webhookId } }, ...init }), options);
  }

  /**
   * Changes an endpoint; `enabled: true` turns on one the server disabled.
   *
   * @example
   * ```ts
   * await client.webhooks.update(org.id, hook.id, { enabled: true });
   * ```
   */
  async update(orgId: string, webhookId: string, body: UpdateWebhookBody, options?: CallOptions): Promise<WebhookEndpoint> {
    return this.#t.request((api, init) => api.PATCH('/api/v1/orgs/{org_id}/webhooks/{webhook_id}', { params: { path: { org_id: orgId, webhook_id: webhookId } }, body, ...init }), options);
  }

  /**
   * Deletes an endpoint and its delivery log.
   *
   * @example
   * ```ts
   * await client.webhooks.delete(org.id, hook.id);
   * ```
   */
  async delete(orgId: string, webhookId: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.DELETE('/api/v1/orgs/{org_id}/webhooks/{webhook_id}', { params: { path: { org_id: orgId, webhook_id: webhookId } }, ...init }), options);
  }

  /**
   * A new secret (shown this once); the previous one keeps signing for `overlap_seconds` (default 24 h).
   *
   * @example
   * ```ts
   * const { secret } = await client.webhooks.rotateSecret(org.id, hook.id, { overlap_seconds: 3600 });
   * ```
   */
  async rotateSecret(orgId: string, webhookId: string, body: { overlap_seconds?: number } = {}, options?: CallOptions): Promise<RotatedWebhookSecret> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/webhooks/{webhook_id}/rotate-secret', { params: { path: { org_id: orgId, webhook_id: webhookId } }, body, ...init }), options);
  }

  /**
   * Queues a `webhook.test` event for this endpoint.
   *
   * @example
   * ```ts
   * const { event_id } = await client.webhooks.test(org.id, hook.id);
   * ```
   */
  async test(orgId: string, webhookId: string, options?: CallOptions): Promise<QueuedDelivery> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/webhooks/{webhook_id}/test', { params: { path: { org_id: orgId, webhook_id: webhookId } }, ...init }), options);
  }

  /**
   * The delivery log, newest first, each delivery with its attempts.
   *
   * @example
   * ```ts
   * const failed = await client.webhooks.listDeliveries(org.id, hook.id, { status: 'failed' });
   * ```
   */
  async listDeliveries(orgId: string, webhookId: string, query: ListDeliveriesQuery = {}, options?: CallOptions): Promise<WebhookDelivery[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/webhooks/{webhook_id}/deliveries', { params: { path: { org_id: orgId, webhook_id: webhookId }, query }, ...init }), options);
  }

  /**
   * Sends a delivery's event again (same `webhook-id`).
   *
   * @example
   * ```ts
   * await client.webhooks.retryDelivery(org.id, hook.id, delivery.id);
   * ```
   */
  async retryDelivery(orgId: string, webhookId: string, deliveryId: string, options?: CallOptions): Promise<QueuedDelivery> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/retry', { params: { path: { org_id: orgId, webhook_id: webhookId, delivery_id: deliveryId } }, ...init }), options);
  }
}
