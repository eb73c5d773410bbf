// Instance-superuser views across every tenant. Only `saasready create-admin` makes superusers.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AdminListQuery, IdParams, NoContent, OrganizationSchema, UserSchema } from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { contextOf } from '../../lib/request-context.js';
import { setNextPage } from '../../lib/pagination.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import { listAllOrganizations } from '../organizations/service.js';
import type { TwoFactorService } from '../two-factor/service.js';
import { listAllUsers } from '../users/service.js';

/** `reader`: the read replica when DATABASE_REPLICA_URL is set (listings tolerate its lag), else the primary. */
export const adminRoutes: FastifyPluginAsyncTypebox<{ reader: Database; twoFactor: TwoFactorService }> = async (app, { reader, twoFactor }) => {
  const tags = ['admin'];

  app.get('/admin/users', {
    config: { superuser: true },
    schema: { operationId: 'admin.users.list', tags, summary: 'Every user (superusers only)', querystring: AdminListQuery, response: { 200: ok('A page of users', Type.Array(UserSchema)), ...problemResponses } },
  }, async (request, reply) => {
    const { items, nextCursor } = await listAllUsers(reader, request.query);
    setNextPage(request, reply, nextCursor);
    return items;
  });

  app.get('/admin/organizations', {
    config: { superuser: true },
    schema: { operationId: 'admin.organizations.list', tags, summary: 'Every organization (superusers only)', querystring: AdminListQuery, response: { 200: ok('A page of organizations', Type.Array(OrganizationSchema)), ...problemResponses } },
  }, async (request, reply) => {
    const { items, nextCursor } = await listAllOrganizations(reader, request.query);
    setNextPage(request, reply, nextCursor);
    return items;
  });

  app.post('/admin/users/:id/2fa/reset', {
    config: { superuser: true },
    schema: {
      operationId: 'admin.users.resetTwoFactor',
      tags,
      summary: 'Remove a user\'s two-factor authentication and end their sessions (superusers only; audited)',
      description: 'The recovery path for a user who lost their authenticator and backup codes, or who finds a factor they never enrolled.',
      params: IdParams,
      response: { 204: ok('Two-factor turned off for the user; their sessions ended', NoContent), ...problemResponses },
    },
  }, async (request, reply) => {
    await twoFactor.resetBySuperuser(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });
};
