// HTTP surface of feature flags: global management (superuser), per-organization overrides,
// cheap evaluation with ETags, and a snapshot for local evaluation in SDKs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateFeatureFlagBody, EvaluateQuery, EvaluateResponse, FeatureFlagSchema, FlagKeyParams, FlagSnapshotSchema, NoContent, OrgFeatureFlagSchema,
  OrgFlagParams, OrgParams, SetFlagOverrideBody, UpdateFeatureFlagBody,
} from '@saasready/contracts';
import { permissionDenied } from '../../lib/errors.js';
import { contextOf } from '../../lib/request-context.js';
import { problemResponses } from '../../lib/route-schemas.js';
import type { FeatureFlagsService } from './service.js';

export const featureFlagRoutes: FastifyPluginAsyncTypebox<{ flags: FeatureFlagsService }> = async (app, { flags }) => {
  const tags = ['feature-flags'];

  app.get('/admin/feature-flags', {
    config: { superuser: true },
    schema: { tags, summary: 'Every global flag (superusers)', response: { 200: Type.Array(FeatureFlagSchema), ...problemResponses } },
  }, async () => flags.listGlobal());

  app.post('/admin/feature-flags', {
    config: { superuser: true },
    schema: { tags, summary: 'Create a global flag (superusers)', body: CreateFeatureFlagBody, response: { 201: FeatureFlagSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await flags.create(contextOf(request), request.body)));

  app.patch('/admin/feature-flags/:key', {
    config: { superuser: true },
    schema: { tags, summary: 'Change a global flag (superusers)', params: FlagKeyParams, body: UpdateFeatureFlagBody, response: { 200: FeatureFlagSchema, ...problemResponses } },
  }, async (request) => flags.update(contextOf(request), request.params.key, request.body));

  app.delete('/admin/feature-flags/:key', {
    config: { superuser: true },
    schema: { tags, summary: 'Delete a global flag and its overrides (superusers)', params: FlagKeyParams, response: { 204: NoContent, ...problemResponses } },
  }, async (request, reply) => {
    await flags.delete(contextOf(request), request.params.key);
    return reply.code(204).send(null);
  });

  app.get('/orgs/:org_id/feature-flags', {
    config: { permission: 'feature_flags.read' },
    schema: { tags, summary: 'Every flag as this organization sees it', params: OrgParams, response: { 200: Type.Array(OrgFeatureFlagSchema), ...problemResponses } },
  }, async (request) => flags.listForOrg(request.orgAccess!, request.principal?.userId ?? null));

  app.put('/orgs/:org_id/feature-flags/:key', {
    config: { permission: 'feature_flags.manage' },
    schema: { tags, summary: 'Override a flag for this organization', params: OrgFlagParams, body: SetFlagOverrideBody, response: { 200: OrgFeatureFlagSchema, ...problemResponses } },
  }, async (request) => flags.setOverride(contextOf(request), request.orgAccess!, request.params.key, request.body, request.principal?.userId ?? null));

  app.delete('/orgs/:org_id/feature-flags/:key', {
    config: { permission: 'feature_flags.manage' },
    schema: { tags, summary: 'Reset the flag to its global rule for this organization', params: OrgFlagParams, response: { 200: OrgFeatureFlagSchema, ...problemResponses } },
  }, async (request) => flags.resetOverride(contextOf(request), request.orgAccess!, request.params.key, request.principal?.userId ?? null));

  app.get('/orgs/:org_id/feature-flags/evaluate', {
    config: { permission: 'feature_flags.read' },
    schema: {
      tags,
      summary: 'Evaluate flags for this organization (and the calling user); revalidate with If-None-Match',
      params: OrgParams,
      querystring: EvaluateQuery,
      response: { 200: EvaluateResponse, 304: Type.Null(), ...problemResponses },
    },
  }, async (request, reply) => {
    const keys = request.query.keys ? [...new Set(request.query.keys.split(',').map((k) => k.trim()).filter(Boolean))].slice(0, 200) : null;
    const { flags: values, etag } = await flags.evaluate(request.orgAccess!, keys, request.principal?.userId ?? null);
    reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'authorization');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
    return { flags: values };
  });

  app.get('/feature-flags/snapshot', {
    config: { superuser: true, apiKeys: true },
    // the route has no :org_id, so the guard cannot ask for a permission: a key needs
    // feature_flags.read like every other flag read (after the guard, which set request.apiKey)
    preValidation: async (request) => {
      if (request.apiKey && !request.apiKey.permissions.has('feature_flags.read')) throw permissionDenied('feature_flags.read');
    },
    schema: { tags, summary: 'Every flag rule for local evaluation (API keys with feature_flags.read: their organization’s overrides; superusers: all)', response: { 200: FlagSnapshotSchema, ...problemResponses } },
  }, async (request) => flags.snapshot(request.apiKey?.organizationId ?? null));
};
