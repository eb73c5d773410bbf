// HTTP surface of feature flags: global management (superuser), per-organization overrides,
// cheap evaluation with ETags, and a snapshot for local evaluation in SDKs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateFeatureFlagBody, EvaluateQuery, EvaluateResponse, FeatureFlagSchema, FlagKeyParams, FlagSnapshotSchema, NoContent, OrgFeatureFlagSchema,
  OrgFlagParams, OrgParams, SetFlagOverrideBody, UpdateFeatureFlagBody,
} from '@saasready/contracts';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import { evaluatedKeys, type FeatureFlagsService } from './service.js';

export const featureFlagRoutes: FastifyPluginAsyncTypebox<{ flags: FeatureFlagsService }> = async (app, { flags }) => {
  const tags = ['feature-flags'];

  app.get('/admin/feature-flags', {
    config: { superuser: true },
    schema: { operationId: 'admin.featureFlags.list', tags, summary: 'Every global flag (superusers)', response: { 200: ok('Every global flag', Type.Array(FeatureFlagSchema)), ...problemResponses } },
  }, async () => flags.listGlobal());

  app.post('/admin/feature-flags', {
    config: { superuser: true },
    schema: { operationId: 'admin.featureFlags.create', tags, summary: 'Create a global flag (superusers)', body: CreateFeatureFlagBody, response: { 201: ok('Flag created', FeatureFlagSchema), ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await flags.create(contextOf(request), request.body)));

  app.patch('/admin/feature-flags/:key', {
    config: { superuser: true },
    schema: { operationId: 'admin.featureFlags.update', tags, summary: 'Change a global flag (superusers)', params: FlagKeyParams, body: UpdateFeatureFlagBody, response: { 200: ok('The flag, updated', FeatureFlagSchema), ...problemResponses } },
  }, async (request) => flags.update(contextOf(request), request.params.key, request.body));

  app.delete('/admin/feature-flags/:key', {
    config: { superuser: true },
    schema: { operationId: 'admin.featureFlags.delete', tags, summary: 'Delete a global flag and its overrides (superusers)', params: FlagKeyParams, response: { 204: ok('Flag and its overrides deleted', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await flags.delete(contextOf(request), request.params.key);
    return reply.code(204).send(null);
  });

  app.get('/orgs/:org_id/feature-flags', {
    config: { permission: 'feature_flags.read' },
    schema: { operationId: 'orgs.featureFlags.list', tags, summary: 'Every flag as this organization sees it', params: OrgParams, response: { 200: ok('Every flag as this organization sees it', Type.Array(OrgFeatureFlagSchema)), ...problemResponses } },
  }, async (request) => flags.listForOrg(request.orgAccess!, request.principal?.userId ?? null));

  app.put('/orgs/:org_id/feature-flags/:key', {
    config: { permission: 'feature_flags.manage' },
    schema: { operationId: 'orgs.featureFlags.setOverride', tags, summary: 'Override a flag for this organization', params: OrgFlagParams, body: SetFlagOverrideBody, response: { 200: ok('The flag as the organization now sees it', OrgFeatureFlagSchema), ...problemResponses } },
  }, async (request) => flags.setOverride(contextOf(request), request.orgAccess!, request.params.key, request.body, request.principal?.userId ?? null));

  app.delete('/orgs/:org_id/feature-flags/:key', {
    config: { permission: 'feature_flags.manage' },
    schema: { operationId: 'orgs.featureFlags.resetOverride', tags, summary: 'Reset the flag to its global rule for this organization', params: OrgFlagParams, response: { 200: ok('The flag as the organization now sees it (the global rule)', OrgFeatureFlagSchema), ...problemResponses } },
  }, async (request) => flags.resetOverride(contextOf(request), request.orgAccess!, request.params.key, request.principal?.userId ?? null));

  app.get('/orgs/:org_id/feature-flags/evaluate', {
    config: { permission: 'feature_flags.read' },
    schema: {
      operationId: 'orgs.featureFlags.evaluate',
      tags,
      summary: 'Evaluate flags for this organization (and the calling user); revalidate with If-None-Match',
      params: OrgParams,
      querystring: EvaluateQuery,
      response: { 200: ok('Every flag’s value for this organization', EvaluateResponse), 304: ok('Not modified: the values match the `If-None-Match` ETag', Type.Null()), ...problemResponses },
    },
  }, async (request, reply) => {
    const { flags: values, etag } = await flags.evaluate(request.orgAccess!, evaluatedKeys(request.query.keys), request.principal?.userId ?? null);
    reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'authorization');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
    return { flags: values };
  });

  app.get('/feature-flags/snapshot', {
    // a key reads its own organization's snapshot with feature_flags.read, like every other flag read
    config: { superuser: true, apiKeys: 'feature_flags.read' },
    schema: { operationId: 'featureFlags.snapshot', tags, summary: 'Every flag rule for local evaluation (API keys with feature_flags.read: their organization’s overrides; superusers: all)', response: { 200: ok('Every flag rule, for local evaluation', FlagSnapshotSchema), ...problemResponses } },
  }, async (request) => flags.snapshot(request.apiKey?.organizationId ?? null));
};
