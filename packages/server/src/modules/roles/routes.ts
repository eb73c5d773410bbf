// HTTP surface of roles and the permission catalog.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateRoleBody, DeleteRoleQuery, NoContent, OrgParams, PERMISSIONS, PermissionSchema, RoleParams, RoleSchema, UpdateRoleBody } from '@saasready/contracts';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { RolesService } from './service.js';

const CATALOG = Object.entries(PERMISSIONS).map(([key, description]) => ({ key, description }));

export const roleRoutes: FastifyPluginAsyncTypebox<{ roles: RolesService }> = async (app, { roles }) => {
  const tags = ['roles'];

  app.get('/permissions', {
    config: { authenticated: true },
    schema: { operationId: 'permissions.list', tags, summary: 'The permission catalog', response: { 200: ok('Every permission with its description', Type.Array(PermissionSchema)), ...problemResponses } },
  }, async () => CATALOG);

  app.get('/orgs/:org_id/roles', {
    config: { permission: 'role.read' },
    schema: { operationId: 'orgs.roles.list', tags, summary: 'Roles of the organization with their permissions', params: OrgParams, response: { 200: ok('The organization’s roles, system and custom', Type.Array(RoleSchema)), ...problemResponses } },
  }, async (request) => roles.list(request.orgAccess!));

  app.post('/orgs/:org_id/roles', {
    config: { permission: 'role.manage', idempotent: true },
    schema: { operationId: 'orgs.roles.create', tags, summary: 'Create a custom role', params: OrgParams, body: CreateRoleBody, response: { 201: ok('Role created', RoleSchema), ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await roles.create(contextOf(request), request.orgAccess!, request.body)));

  app.patch('/orgs/:org_id/roles/:role_id', {
    config: { permission: 'role.manage' },
    schema: { operationId: 'orgs.roles.update', tags, summary: 'Rename a custom role or change its permissions', params: RoleParams, body: UpdateRoleBody, response: { 200: ok('The role, updated', RoleSchema), ...problemResponses } },
  }, async (request) => roles.update(contextOf(request), request.orgAccess!, request.params.role_id, request.body));

  app.delete('/orgs/:org_id/roles/:role_id', {
    config: { permission: 'role.manage' },
    schema: { operationId: 'orgs.roles.delete', tags, summary: 'Delete a custom role (pass reassign_to while members hold it)', params: RoleParams, querystring: DeleteRoleQuery, response: { 204: ok('Role deleted (its members reassigned)', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await roles.delete(contextOf(request), request.orgAccess!, request.params.role_id, request.query.reassign_to);
    return reply.code(204).send(null);
  });
};
