// One set of webhook screens for two owners: an organization (`client.webhooks`, webhooks.manage)
// and the instance (`client.admin.webhooks`, superusers). The screens see only this interface.
import type {
  CallOptions, CreatedWebhookEndpoint, CreateWebhookBody, ListDeliveriesQuery, QueuedDelivery, RotatedWebhookSecret, UpdateWebhookBody, WebhookDelivery, WebhookEndpoint,
} from '@saasready/sdk/client';
import { client } from '../../../api/client';

export interface WebhookScope {
  /** react-query key prefix of everything this owner's endpoints load */
  key: readonly string[];
  /** the dashboard path of the list; an endpoint's page is `${path}/${id}` */
  path: string;
  /** true for instance endpoints: they receive every organization's events */
  instance: boolean;
  /** whether the viewer may set event types (an organization's need audit.read too) */
  canChooseEvents: boolean;
  list(): Promise<WebhookEndpoint[]>;
  get(id: string): Promise<WebhookEndpoint>;
  create(body: CreateWebhookBody, options?: CallOptions): Promise<CreatedWebhookEndpoint>;
  update(id: string, body: UpdateWebhookBody): Promise<WebhookEndpoint>;
  remove(id: string): Promise<void>;
  rotateSecret(id: string, body: { overlap_seconds?: number }): Promise<RotatedWebhookSecret>;
  test(id: string): Promise<QueuedDelivery>;
  listDeliveries(id: string, query: ListDeliveriesQuery): Promise<WebhookDelivery[]>;
  retryDelivery(id: string, deliveryId: string): Promise<QueuedDelivery>;
}

export function orgWebhooks(orgId: string, canChooseEvents: boolean): WebhookScope {
  const api = client.webhooks;
  return {
    key: ['org', orgId, 'webhooks'],
    path: `/orgs/${orgId}/webhooks`,
    instance: false,
    canChooseEvents,
    list: () => api.list(orgId),
    get: (id) => api.get(orgId, id),
    create: (body, options) => api.create(orgId, body, options),
    update: (id, body) => api.update(orgId, id, body),
    remove: (id) => api.delete(orgId, id),
    rotateSecret: (id, body) => api.rotateSecret(orgId, id, body),
    test: (id) => api.test(orgId, id),
    listDeliveries: (id, query) => api.listDeliveries(orgId, id, query),
    retryDelivery: (id, deliveryId) => api.retryDelivery(orgId, id, deliveryId),
  };
}

export const instanceWebhooks: WebhookScope = {
  key: ['admin', 'webhooks'],
  path: '/admin/webhooks',
  instance: true,
  canChooseEvents: true,
  list: () => client.admin.webhooks.list(),
  get: (id) => client.admin.webhooks.get(id),
  create: (body, options) => client.admin.webhooks.create(body, options),
  update: (id, body) => client.admin.webhooks.update(id, body),
  remove: (id) => client.admin.webhooks.delete(id),
  rotateSecret: (id, body) => client.admin.webhooks.rotateSecret(id, body),
  test: (id) => client.admin.webhooks.test(id),
  listDeliveries: (id, query) => client.admin.webhooks.listDeliveries(id, query),
  retryDelivery: (id, deliveryId) => client.admin.webhooks.retryDelivery(id, deliveryId),
};
