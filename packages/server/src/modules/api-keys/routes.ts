// HTTP surface of organization API keys.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiKeyParams, ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema, NoContent, OrgParams } from '@saasready/contracts';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { ApiKeysService } from './service.js';

export const apiKeyRoutes: FastifyPluginAsyncTypebox<{ apiKeys: ApiKeysService }> = async (app, { apiKeys }) => {
  const tags = ['api-keys'];

  app.post('/orgs/:org_id/api-keys', {
    config: { permission: 'api_key.manage', idempotent: true },
    schema: {
      operationId: 'orgs.apiKeys.create',
      tags,
      summary: 'Create an API key; raw_key is shown this once (Idempotency-Key supported; a replay omits raw_key)',
      params: OrgParams,
      body: CreateApiKeyBody,
      response: { 201: ok('API key created: the raw key is shown only in this answer', CreatedApiKeySchema), ...problemResponses },
    },
  }, async (request, reply) => reply.code(201).send(await apiKeys.create(contextOf(request), request.orgAccess!, request.principal!, request.body)));

  app.get('/api-keys/me', {
    config: { apiKeyOnly: true },
    schema: {
      operationId: 'apiKeys.me',
      tags,
      summary: 'Introspect the calling API key (for relying apps that accept keys)',
      response: { 200: ok('The calling API key', Type.Object({ id: Type.String(), organization_id: Type.String(), name: Type.String(), permissions: Type.Array(Type.String()) })), ...problemResponses },
    },
  }, async (request) => apiKeys.describe(request.apiKey!));

  app.get('/orgs/:org_id/api-keys', {
    config: { permission: 'api_key.manage' },
    schema: { operationId: 'orgs.apiKeys.list', tags, summary: 'API keys of the organization (metadata only)', params: OrgParams, response: { 200: ok('The organization’s API keys (metadata only)', Type.Array(ApiKeySchema)), ...problemResponses } },
  }, async (request) => apiKeys.list(request.orgAccess!));

  app.delete('/orgs/:org_id/api-keys/:key_id', {
    config: { permission: 'api_key.manage' },
    schema: { operationId: 'orgs.apiKeys.revoke', tags, summary: 'Revoke an API key (effective immediately)', params: ApiKeyParams, response: { 204: ok('API key revoked', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await apiKeys.revoke(contextOf(request), request.orgAccess!, request.params.key_id);
    return reply.code(204).send(null);
  });
};
