// HTTP surface of memberships.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ChangeRoleBody, ChangeStatusBody, ListMembersQuery, MemberParams, MemberSchema, NoContent, OrgParams } from '@saasready/contracts';
import { setNextPage } from '../../lib/pagination.js';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { MembershipsService } from './service.js';

export const membershipRoutes: FastifyPluginAsyncTypebox<{ memberships: MembershipsService }> = async (app, { memberships }) => {
  const tags = ['members'];

  app.get('/orgs/:org_id/members', {
    // the member directory (names, emails): user.read, not merely org.read
    config: { permission: 'user.read' },
    schema: {
      operationId: 'orgs.members.list',
      tags,
      summary: 'Members, keyset-paginated (next page in X-Next-Cursor / Link), with search and filters',
      params: OrgParams,
      querystring: ListMembersQuery,
      response: { 200: ok('A page of members', Type.Array(MemberSchema)), ...problemResponses },
    },
  }, async (request, reply) => {
    const { items, nextCursor } = await memberships.list(request.orgAccess!, request.query);
    setNextPage(request, reply, nextCursor);
    return items;
  });

  app.patch('/orgs/:org_id/members/:membership_id/role', {
    config: { permission: 'user.manage' },
    schema: { operationId: 'orgs.members.changeRole', tags, summary: 'Change a member’s role', params: MemberParams, body: ChangeRoleBody, response: { 200: ok('The membership with its new role', MemberSchema), ...problemResponses } },
  }, async (request) => memberships.changeRole(contextOf(request), request.orgAccess!, request.params.membership_id, request.body.role_id));

  app.patch('/orgs/:org_id/members/:membership_id', {
    config: { permission: 'user.manage' },
    schema: { operationId: 'orgs.members.update', tags, summary: 'Suspend or reactivate a member', params: MemberParams, body: ChangeStatusBody, response: { 200: ok('The membership with its new status', MemberSchema), ...problemResponses } },
  }, async (request) => memberships.changeStatus(contextOf(request), request.orgAccess!, request.params.membership_id, request.body.status));

  app.delete('/orgs/:org_id/members/:membership_id', {
    config: { permission: 'user.manage' },
    schema: { operationId: 'orgs.members.remove', tags, summary: 'Remove a member', params: MemberParams, response: { 204: ok('Member removed', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await memberships.removeMember(contextOf(request), request.orgAccess!, request.params.membership_id);
    return reply.code(204).send(null);
  });

  app.post('/orgs/:org_id/leave', {
    config: { member: true, twoFactorExempt: true },
    schema: { operationId: 'orgs.leave', tags, summary: 'Leave the organization (the last Owner cannot)', params: OrgParams, response: { 204: ok('The caller left the organization', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await memberships.leave(contextOf(request), request.orgAccess!);
    return reply.code(204).send(null);
  });
};
