// HTTP surface of SCIM directories for the organization (directory.manage): create (the token once),
// list, one, rotate the token, delete; the groups the IdP pushed and their role mappings.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateDirectoryBody, CreatedDirectorySchema, DirectoryGroupParams, DirectoryGroupSchema, DirectoryParams, DirectorySchema, NoContent, OrgParams, RotatedDirectoryTokenSchema, SetGroupRoleBody,
} from '@saasready/contracts';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { DirectoriesService } from './service.js';

export const directoryRoutes: FastifyPluginAsyncTypebox<{ directories: DirectoriesService }> = async (app, { directories }) => {
  const tags = ['directories'];

  app.post('/orgs/:org_id/directories', {
    config: { permission: 'directory.manage' },
    schema: { operationId: 'orgs.directories.create', tags, summary: 'Create a SCIM directory: answers its base URL and bearer token (shown once)', params: OrgParams, body: CreateDirectoryBody, response: { 201: ok('The directory with its token', CreatedDirectorySchema), ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await directories.create(contextOf(request), request.orgAccess!, request.body)));

  app.get('/orgs/:org_id/directories', {
    config: { permission: 'directory.manage' },
    schema: { operationId: 'orgs.directories.list', tags, summary: 'The organization’s SCIM directories, with user and group counts and the last sync', params: OrgParams, response: { 200: ok('Directories', Type.Array(DirectorySchema)), ...problemResponses } },
  }, async (request) => directories.list(request.orgAccess!));

  app.get('/orgs/:org_id/directories/:directory_id', {
    config: { permission: 'directory.manage' },
    schema: { operationId: 'orgs.directories.get', tags, summary: 'One SCIM directory', params: DirectoryParams, response: { 200: ok('The directory', DirectorySchema), ...problemResponses } },
  }, async (request) => directories.get(request.orgAccess!, request.params.directory_id));

  app.post('/orgs/:org_id/directories/:directory_id/rotate-token', {
    config: { permission: 'directory.manage' },
    schema: { operationId: 'orgs.directories.rotateToken', tags, summary: 'Replace the directory’s token: the old one stops working at once; the new one is shown once', params: DirectoryParams, response: { 200: ok('The new token', RotatedDirectoryTokenSchema), ...problemResponses } },
  }, async (request) => directories.rotateToken(contextOf(request), request.orgAccess!, request.params.directory_id));

  app.delete('/orgs/:org_id/directories/:directory_id', {
    config: { permission: 'directory.manage' },
    schema: { operationId: 'orgs.directories.delete', tags, summary: 'Delete the directory and revoke its token; its members stay, no longer managed', params: DirectoryParams, response: { 204: ok('Deleted', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await directories.remove(contextOf(request), request.orgAccess!, request.params.directory_id);
    return reply.code(204).send(null);
  });

  app.get('/orgs/:org_id/directories/:directory_id/groups', {
    config: { permission: 'directory.manage' },
    schema: { operationId: 'orgs.directories.groups.list', tags, summary: 'The groups the IdP pushed, with member counts and mapped roles', params: DirectoryParams, response: { 200: ok('Groups, by name', Type.Array(DirectoryGroupSchema)), ...problemResponses } },
  }, async (request) => directories.listDirectoryGroups(request.orgAccess!, request.params.directory_id));

  app.put('/orgs/:org_id/directories/:directory_id/groups/:group_id/role', {
    config: { permission: 'directory.manage' },
    schema: { operationId: 'orgs.directories.groups.setRole', tags, summary: 'Map a group to a role (null: no role); its members’ roles follow at once', params: DirectoryGroupParams, body: SetGroupRoleBody, response: { 200: ok('The group with its role', DirectoryGroupSchema), ...problemResponses } },
  }, async (request) => directories.setGroupRole(contextOf(request), request.orgAccess!, request.params.directory_id, request.params.group_id, request.body.role_id));
};
