// HTTP surface of invitations: managed per organization, previewed and accepted by token.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AcceptInvitationResponse, CreatedInvitationSchema, InvitationParams, InvitationPreviewSchema, InvitationSchema, InviteBody, ListInvitationsQuery, NoContent, OrgParams,
  TokenBody, TokenParams,
} from '@saasready/contracts';
import type { Config } from '../../config.js';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemAnswer, problemResponses } from '../../lib/route-schemas.js';
import type { InvitationsService } from './service.js';

const MINUTE = 60_000;

export const invitationRoutes: FastifyPluginAsyncTypebox<{ invitations: InvitationsService; config: Config }> = async (app, { invitations, config }) => {
  const tags = ['invitations'];
  const perIp = (name: string, max = config.rateLimit.perIpPerMinute) => app.limit(`${name}:ip`, { max, windowMs: MINUTE, key: (req) => req.ip });
  const perUser = (name: string) =>
    app.limit(`${name}:account`, { max: config.rateLimit.perAccountPerMinute * 3, windowMs: MINUTE, key: (req) => req.principal?.userId ?? null });

  app.post('/orgs/:org_id/invite', {
    config: { permission: 'user.invite', idempotent: true },
    preHandler: [perUser('invite')],
    schema: { operationId: 'orgs.invitations.create', tags, summary: 'Invite someone by email with a role', params: OrgParams, body: InviteBody, response: { 201: ok('Invitation created and emailed; accept_url is the emailed link (a bearer credential: see the schema)', CreatedInvitationSchema), ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await invitations.invite(contextOf(request), request.orgAccess!, request.principal!, request.body)));

  app.get('/orgs/:org_id/invitations', {
    config: { permission: 'user.invite' },
    schema: { operationId: 'orgs.invitations.list', tags, summary: 'Invitations of the organization, newest first', params: OrgParams, querystring: ListInvitationsQuery, response: { 200: ok('A page of invitations', Type.Array(InvitationSchema)), ...problemResponses } },
  }, async (request) => invitations.list(request.orgAccess!, request.query.status));

  app.post('/orgs/:org_id/invitations/:invitation_id/resend', {
    config: { permission: 'user.invite' },
    preHandler: [perUser('invite')],
    schema: { operationId: 'orgs.invitations.resend', tags, summary: 'Send a new link (the old one stops working)', params: InvitationParams, response: { 200: ok('The invitation with its new expiry; a new link is emailed and returned as accept_url (the old one stops working)', CreatedInvitationSchema), ...problemResponses } },
  }, async (request) => invitations.resend(contextOf(request), request.orgAccess!, request.principal!, request.params.invitation_id));

  app.delete('/orgs/:org_id/invitations/:invitation_id', {
    config: { permission: 'user.invite' },
    schema: { operationId: 'orgs.invitations.revoke', tags, summary: 'Revoke a pending invitation', params: InvitationParams, response: { 204: ok('Invitation revoked', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await invitations.revoke(contextOf(request), request.orgAccess!, request.params.invitation_id);
    return reply.code(204).send(null);
  });

  app.get('/invitations/:token', {
    config: { public: true },
    preHandler: [perIp('invitation-preview')],
    schema: { operationId: 'invitations.preview', tags, summary: 'Preview an invitation before accepting (404 unknown, 410 expired or used)', security: [], params: TokenParams, response: { 200: ok('What the invitation offers: organization, role, inviter', InvitationPreviewSchema), 410: problemAnswer('Gone: the invitation expired, was revoked or was already used'), ...problemResponses } },
  }, async (request) => invitations.preview(request.params.token));

  app.post('/invitations/accept', {
    config: { authenticated: true },
    preHandler: [perIp('invitation-accept')],
    schema: { operationId: 'invitations.accept', tags, summary: 'Accept an invitation sent to your email', body: TokenBody, response: { 200: ok('Invitation accepted: the new membership', AcceptInvitationResponse), 410: problemAnswer('Gone: the invitation expired, was revoked or was already used'), ...problemResponses } },
  }, async (request) => invitations.accept(contextOf(request), request.principal!, request.body.token));
};
