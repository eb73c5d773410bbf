// HTTP surface of webhook endpoints: an organization's (`webhooks.manage`) under
// /orgs/{org_id}/webhooks, and the instance's (superusers) under /admin/webhooks, with one shape.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyContextConfig, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  CreatedWebhookEndpointSchema,
  CreateWebhookBody,
  InstanceWebhookDeliveryParams,
  InstanceWebhookParams,
  ListDeliveriesQuery,
  NoContent,
  OrgParams,
  QueuedDeliverySchema,
  RotatedWebhookSecretSchema,
  RotateWebhookSecretBody,
  UpdateWebhookBody,
  WebhookDeliveryParams,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookParams,
} from '@saasready/contracts';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { Scope, WebhooksService } from './service.js';

interface Surface {
  base: string;
  idPrefix: string;
  config: FastifyContextConfig;
  /** the routes that set a subscription */
  subscribing: FastifyContextConfig;
  tags: string[];
  scopeOf: (request: FastifyRequest) => Scope;
  listParams: typeof OrgParams | undefined;
  oneParams: typeof WebhookParams | typeof InstanceWebhookParams;
  deliveryParams: typeof WebhookDeliveryParams | typeof InstanceWebhookDeliveryParams;
  who: string;
}

export const webhookRoutes: FastifyPluginAsyncTypebox<{ webhooks: WebhooksService }> = async (app, { webhooks }) => {
  const surfaces: Surface[] = [
    {
      // every event is made of audit data (audit.event the rows themselves; the others their actor,
      // target and metadata): choosing what to receive needs audit.read too
      base: '/orgs/:org_id/webhooks', idPrefix: 'orgs.webhooks', config: { permission: 'webhooks.manage' },
      subscribing: { permission: 'webhooks.manage', fieldPermissions: { event_types: 'audit.read', url: 'audit.read' } }, tags: ['webhooks'],
      scopeOf: (request) => request.orgAccess!.organizationId, listParams: OrgParams, oneParams: WebhookParams, deliveryParams: WebhookDeliveryParams,
      who: 'the organization',
    },
    {
      base: '/admin/webhooks', idPrefix: 'admin.webhooks', config: { superuser: true }, subscribing: { superuser: true }, tags: ['webhooks', 'admin'],
      scopeOf: () => null, listParams: undefined, oneParams: InstanceWebhookParams, deliveryParams: InstanceWebhookDeliveryParams,
      who: 'the instance (superusers only): they receive every organization’s events',
    },
  ];

  for (const s of surfaces) {
    const { tags, config } = s;
    const params = s.listParams ? { params: s.listParams } : {};
    const id = (request: FastifyRequest) => (request.params as { webhook_id: string }).webhook_id;

    app.post(s.base, {
      config: s.subscribing,
      schema: {
        operationId: `${s.idPrefix}.create`, tags, summary: `Create a webhook endpoint of ${s.who}; the signing secret is shown this once`,
        ...params, body: CreateWebhookBody,
        response: { 201: ok('Endpoint created: `secret` (whsec_…) is shown only in this answer', CreatedWebhookEndpointSchema), ...problemResponses },
      },
    }, async (request, reply) => reply.code(201).send(await webhooks.create(contextOf(request), s.scopeOf(request), request.body)));

    app.get(s.base, {
      config,
      schema: { operationId: `${s.idPrefix}.list`, tags, summary: `Webhook endpoints of ${s.who}`, ...params, response: { 200: ok('The endpoints (never their secrets)', Type.Array(WebhookEndpointSchema)), ...problemResponses } },
    }, async (request) => webhooks.list(s.scopeOf(request)));

    app.get(`${s.base}/:webhook_id`, {
      config,
      schema: { operationId: `${s.idPrefix}.get`, tags, summary: 'One webhook endpoint', params: s.oneParams, response: { 200: ok('The endpoint', WebhookEndpointSchema), ...problemResponses } },
    }, async (request) => webhooks.find(s.scopeOf(request), id(request)));

    app.patch(`${s.base}/:webhook_id`, {
      config: s.subscribing,
      schema: {
        operationId: `${s.idPrefix}.update`, tags, summary: 'Change a webhook endpoint (enabling one the server disabled resumes its pending deliveries in order)',
        params: s.oneParams, body: UpdateWebhookBody, response: { 200: ok('The endpoint', WebhookEndpointSchema), ...problemResponses },
      },
    }, async (request) => webhooks.update(contextOf(request), s.scopeOf(request), id(request), request.body));

    app.delete(`${s.base}/:webhook_id`, {
      config,
      schema: { operationId: `${s.idPrefix}.delete`, tags, summary: 'Delete a webhook endpoint with its deliveries', params: s.oneParams, response: { 204: ok('Endpoint deleted', NoContent), ...problemResponses } },
    }, async (request, reply) => {
      await webhooks.remove(contextOf(request), s.scopeOf(request), id(request));
      return reply.code(204).send(null);
    });

    app.post(`${s.base}/:webhook_id/rotate-secret`, {
      config,
      schema: {
        operationId: `${s.idPrefix}.rotateSecret`, tags,
        summary: 'Replace the signing secret (shown this once); the previous one keeps signing beside it for overlap_seconds (default 24 h)',
        params: s.oneParams, body: RotateWebhookSecretBody, response: { 200: ok('The new secret', RotatedWebhookSecretSchema), ...problemResponses },
      },
    }, async (request) => webhooks.rotateSecret(contextOf(request), s.scopeOf(request), id(request), request.body ?? {}));

    app.post(`${s.base}/:webhook_id/test`, {
      config,
      schema: { operationId: `${s.idPrefix}.test`, tags, summary: 'Send a webhook.test event to this endpoint', params: s.oneParams, response: { 202: ok('Test event queued', QueuedDeliverySchema), ...problemResponses } },
    }, async (request, reply) => reply.code(202).send(await webhooks.sendTest(contextOf(request), s.scopeOf(request), id(request))));

    app.get(`${s.base}/:webhook_id/deliveries`, {
      config,
      schema: {
        operationId: `${s.idPrefix}.deliveries.list`, tags, summary: 'The endpoint’s delivery log, newest first: each delivery with its attempts',
        params: s.oneParams, querystring: ListDeliveriesQuery, response: { 200: ok('Deliveries', Type.Array(WebhookDeliverySchema)), ...problemResponses },
      },
    }, async (request) => webhooks.listDeliveries(s.scopeOf(request), id(request), request.query));

    app.post(`${s.base}/:webhook_id/deliveries/:delivery_id/retry`, {
      config,
      schema: {
        operationId: `${s.idPrefix}.deliveries.retry`, tags, summary: 'Send a delivery’s event again (same webhook-id), behind the endpoint’s queue',
        params: s.deliveryParams, response: { 202: ok('Delivery queued', QueuedDeliverySchema), ...problemResponses },
      },
    }, async (request, reply) => reply.code(202).send(await webhooks.retryDelivery(contextOf(request), s.scopeOf(request), id(request), (request.params as { delivery_id: string }).delivery_id)));
  }
};
