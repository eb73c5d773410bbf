// HTTP surface of verified domains (sso.manage): add, list, one, verify through DNS, remove.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateDomainBody, DomainParams, DomainSchema, NoContent, OrgParams } from '@saasready/contracts';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { DomainsService } from './service.js';

export const domainRoutes: FastifyPluginAsyncTypebox<{ domains: DomainsService }> = async (app, { domains }) => {
  const tags = ['domains'];
  const perUser = app.limit('domains:account', { max: 60, windowMs: 60_000, key: (req) => req.principal?.userId ?? null });

  app.post('/orgs/:org_id/domains', {
    config: { permission: 'sso.manage' },
    schema: { operationId: 'orgs.domains.create', tags, summary: 'Claim a domain: answers the TXT record to publish', params: OrgParams, body: CreateDomainBody, response: { 201: ok('Domain added, pending verification', DomainSchema), ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await domains.add(contextOf(request), request.orgAccess!, request.body.domain)));

  app.get('/orgs/:org_id/domains', {
    config: { permission: 'sso.manage' },
    schema: { operationId: 'orgs.domains.list', tags, summary: 'The organization’s domains', params: OrgParams, response: { 200: ok('Domains, by name', Type.Array(DomainSchema)), ...problemResponses } },
  }, async (request) => domains.list(request.orgAccess!));

  app.get('/orgs/:org_id/domains/:domain_id', {
    config: { permission: 'sso.manage' },
    schema: { operationId: 'orgs.domains.get', tags, summary: 'One domain', params: DomainParams, response: { 200: ok('The domain', DomainSchema), ...problemResponses } },
  }, async (request) => domains.get(request.orgAccess!, request.params.domain_id));

  app.post('/orgs/:org_id/domains/:domain_id/verify', {
    config: { permission: 'sso.manage' },
    // each call is a DNS look-up: a person clicking "verify" needs far fewer
    preHandler: [perUser],
    schema: { operationId: 'orgs.domains.verify', tags, summary: 'Check the TXT record through DNS and mark the domain verified', params: DomainParams, response: { 200: ok('Verified', DomainSchema), ...problemResponses } },
  }, async (request) => domains.verify(contextOf(request), request.orgAccess!, request.params.domain_id));

  app.delete('/orgs/:org_id/domains/:domain_id', {
    config: { permission: 'sso.manage' },
    schema: { operationId: 'orgs.domains.delete', tags, summary: 'Remove a domain (its verification too)', params: DomainParams, response: { 204: ok('Removed', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await domains.remove(contextOf(request), request.orgAccess!, request.params.domain_id);
    return reply.code(204).send(null);
  });
};
