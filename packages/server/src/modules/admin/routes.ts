// Instance-superuser views across every tenant. Only `saasready create-admin` makes superusers.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AdminListQuery, AdminOrganizationDetailSchema, AdminOverviewQuery, AdminOverviewSchema, AdminSessionParams, AdminUpdateUserBody,
  AdminUserDetailSchema, AuditLogSchema, IdParams, ListAuditLogsQuery, ListMembersQuery, MemberSchema, NoContent, OrganizationSchema, UserSchema,
} from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { contextOf } from '../../lib/request-context.js';
import { setNextPage } from '../../lib/pagination.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import { listAllOrganizations } from '../organizations/service.js';
import type { TwoFactorService } from '../two-factor/service.js';
import { listAllUsers } from '../users/service.js';
import type { AdminService } from './service.js';

/** `reader`: the read replica when DATABASE_REPLICA_URL is set (listings tolerate its lag), else the primary. */
export const adminRoutes: FastifyPluginAsyncTypebox<{ reader: Database; twoFactor: TwoFactorService; admin: AdminService }> = async (app, { reader, twoFactor, admin }) => {
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

  app.get('/admin/users/:id', {
    config: { superuser: true },
    schema: {
      operationId: 'admin.users.get',
      tags,
      summary: 'One account: profile, two-factor status, memberships, live sessions, recent security events (superusers only; each call audited)',
      params: IdParams,
      response: { 200: ok('The account', AdminUserDetailSchema), ...problemResponses },
    },
  }, async (request) => admin.userDetail(contextOf(request), request.params.id));

  app.patch('/admin/users/:id', {
    config: { superuser: true },
    schema: {
      operationId: 'admin.users.update',
      tags,
      summary: 'Disable (ending every session) or enable an account (superusers only; audited)',
      description: 'A superuser cannot disable their own account (409 user.cannot_disable_self).',
      params: IdParams,
      body: AdminUpdateUserBody,
      response: { 200: ok('The account after the change', UserSchema), ...problemResponses },
    },
  }, async (request) => admin.setUserActive(contextOf(request), request.params.id, request.body.is_active));

  app.delete('/admin/users/:id/sessions/:session_id', {
    config: { superuser: true },
    schema: {
      operationId: 'admin.users.endSession',
      tags,
      summary: 'End one of a user\'s sessions (superusers only; audited)',
      params: AdminSessionParams,
      response: { 204: ok('The session ended', NoContent), ...problemResponses },
    },
  }, async (request, reply) => {
    await admin.endUserSession(contextOf(request), request.params.id, request.params.session_id);
    return reply.code(204).send(null);
  });

  app.get('/admin/organizations/:id', {
    config: { superuser: true },
    schema: {
      operationId: 'admin.organizations.get',
      tags,
      summary: 'One organization with its settings, member count and roles, without being a member (superusers only; audited in its log)',
      params: IdParams,
      response: { 200: ok('The organization', AdminOrganizationDetailSchema), ...problemResponses },
    },
  }, async (request) => admin.organizationDetail(contextOf(request), request.params.id));

  app.get('/admin/organizations/:id/members', {
    config: { superuser: true },
    schema: {
      operationId: 'admin.organizations.members',
      tags,
      summary: 'An organization\'s members, as GET /orgs/{org_id}/members (superusers only; each call audited in its log)',
      params: IdParams,
      querystring: ListMembersQuery,
      response: { 200: ok('A page of members', Type.Array(MemberSchema)), ...problemResponses },
    },
  }, async (request, reply) => {
    const { items, nextCursor } = await admin.organizationMembers(contextOf(request), request.params.id, request.query);
    setNextPage(request, reply, nextCursor);
    return items;
  });

  app.get('/admin/organizations/:id/audit-logs', {
    config: { superuser: true },
    schema: {
      operationId: 'admin.organizations.auditLogs',
      tags,
      summary: 'An organization\'s audit log, as GET /audit/orgs/{org_id}/logs (superusers only; each call audited in that log)',
      params: IdParams,
      querystring: ListAuditLogsQuery,
      response: { 200: ok('A page of audit events, newest first', Type.Array(AuditLogSchema)), ...problemResponses },
    },
  }, async (request, reply) => {
    const { items, nextCursor } = await admin.organizationAuditLogs(contextOf(request), request.params.id, request.query);
    setNextPage(request, reply, nextCursor);
    return items;
  });

  app.get('/admin/overview', {
    config: { superuser: true },
    schema: {
      operationId: 'admin.overview',
      tags,
      summary: 'Sign-ups, logins, failed logins, active users and two-factor adoption over time (superusers only)',
      querystring: AdminOverviewQuery,
      response: { 200: ok('Daily and monthly series', AdminOverviewSchema), ...problemResponses },
    },
  }, async (request) => admin.overview(request.query.days ?? 30));
};
