// HTTP surface of organizations: schema, access declaration, one service call.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AuthorizeBody, AuthorizeResponse, CreateOrganizationBody, MyOrganizationSchema, NoContent, OrganizationSchema, OrgParams,
  SwitchOrgBody, SwitchOrgResponse, UpdateOrganizationBody, UpdateOrganizationSettingsBody,
} from '@saasready/contracts';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { AuthService } from '../auth/service.js';
import type { OrganizationsService } from './service.js';

export const organizationRoutes: FastifyPluginAsyncTypebox<{ organizations: OrganizationsService; auth: AuthService }> = async (app, { organizations, auth }) => {
  const tags = ['organizations'];

  app.post('/orgs', {
    config: { authenticated: true, idempotent: true },
    schema: { operationId: 'orgs.create', tags, summary: 'Create an organization; you become its Owner', body: CreateOrganizationBody, response: { 201: ok('Organization created; the caller is its Owner (your_role "Owner", as in the list)', MyOrganizationSchema), ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await organizations.create(contextOf(request), request.principal!, request.body)));

  app.get('/orgs', {
    config: { authenticated: true },
    schema: { operationId: 'orgs.list', tags, summary: 'Your organizations, with your role in each', response: { 200: ok('The caller’s organizations, with their role in each', Type.Array(MyOrganizationSchema)), ...problemResponses } },
  }, async (request) => organizations.listMine(request.principal!));

  app.get('/orgs/:org_id', {
    config: { permission: 'org.read', twoFactorExempt: true },
    schema: { operationId: 'orgs.get', tags, summary: 'One organization', params: OrgParams, response: { 200: ok('The organization', OrganizationSchema), ...problemResponses } },
  }, async (request) => organizations.get(request.orgAccess!));

  app.patch('/orgs/:org_id', {
    config: { permission: 'org.update', fieldPermissions: { settings: 'org.settings' } },
    schema: { operationId: 'orgs.update', tags, summary: 'Update name, slug, description or metadata (settings too, with org.settings)', params: OrgParams, body: UpdateOrganizationBody, response: { 200: ok('The organization, updated', OrganizationSchema), ...problemResponses } },
  }, async (request) => organizations.update(contextOf(request), request.orgAccess!, request.principal, request.body));

  app.patch('/orgs/:org_id/settings', {
    config: { permission: 'org.settings' },
    schema: { operationId: 'orgs.updateSettings', tags, summary: 'Change the organization’s security settings, such as requiring 2FA', params: OrgParams, body: UpdateOrganizationSettingsBody, response: { 200: ok('The organization, with its settings updated', OrganizationSchema), ...problemResponses } },
  }, async (request) => organizations.updateSettings(contextOf(request), request.orgAccess!, request.principal, request.body));

  app.delete('/orgs/:org_id', {
    config: { permission: 'org.delete' },
    schema: { operationId: 'orgs.delete', tags, summary: 'Delete the organization (org.delete: the Owner role, or a custom role an Owner granted it; soft delete, access ends at once)', params: OrgParams, response: { 204: ok('Organization deleted', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await organizations.delete(contextOf(request), request.orgAccess!);
    return reply.code(204).send(null);
  });

  app.post('/orgs/:org_id/authorize', {
    config: { member: true, apiKeys: true },
    schema: { operationId: 'orgs.authorize', tags, summary: 'Which of these permissions do you hold in this organization?', params: OrgParams, body: AuthorizeBody, response: { 200: ok('For each permission asked about, whether the caller holds it', AuthorizeResponse), ...problemResponses } },
  }, async (request) => {
    return organizations.checkPermissions(request.orgAccess!, request.body.permissions);
  });

  app.post('/auth/switch-org', {
    config: { authenticated: true },
    schema: { operationId: 'auth.switchOrganization', tags: ['auth'], summary: 'Get an access token scoped to another of your organizations', body: SwitchOrgBody, response: { 200: ok('An access token scoped to the chosen organization', SwitchOrgResponse), ...problemResponses } },
  }, async (request) => auth.switchOrganization(contextOf(request), request.body.org_id));
};
