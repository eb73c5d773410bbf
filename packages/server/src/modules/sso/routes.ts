// HTTP surface of SSO: connections per organization (sso.manage), and the public login endpoints:
// authorize, lookup, the OIDC callback, the SAML ACS (HTTP-POST binding, form-encoded) and SP
// metadata, and the code exchange.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AcsBody, AuthorizeQuery, ConnectionIdParams, ConnectionParams, ConnectionSchema, CreateConnectionBody, NoContent, OidcCallbackQuery, OrgParams, SsoLookupBody,
  SsoLookupResponse, UpdateConnectionBody,
} from '@saasready/contracts';
import type { Config } from '../../config.js';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { SsoService } from './service.js';

const MINUTE = 60_000;
const redirect = ok('Redirect (Location header)', Type.Null());

export const ssoRoutes: FastifyPluginAsyncTypebox<{ sso: SsoService; config: Config }> = async (app, { sso, config }) => {
  const tags = ['sso'];
  const perIp = (name: string) => app.limit(`${name}:ip`, { max: config.rateLimit.perIpPerMinute, windowMs: MINUTE, key: (req) => req.ip });
  // the ACS is posted by the browser as an HTML form: this scope (only) reads form bodies
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.post('/orgs/:org_id/sso/connections', {
    config: { permission: 'sso.manage' },
    schema: { operationId: 'orgs.sso.connections.create', tags, summary: 'Add a SAML or OIDC connection (secrets are stored encrypted and never returned)', params: OrgParams, body: CreateConnectionBody, response: { 201: ok('The connection, with the SP values to give the IdP', ConnectionSchema), ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await sso.createConnection(contextOf(request), request.orgAccess!, request.body)));

  app.get('/orgs/:org_id/sso/connections', {
    config: { permission: 'sso.manage' },
    schema: { operationId: 'orgs.sso.connections.list', tags, summary: 'The organization’s SSO connections', params: OrgParams, response: { 200: ok('Connections, oldest first', Type.Array(ConnectionSchema)), ...problemResponses } },
  }, async (request) => sso.listConnections(request.orgAccess!));

  app.get('/orgs/:org_id/sso/connections/:connection_id', {
    config: { permission: 'sso.manage' },
    schema: { operationId: 'orgs.sso.connections.get', tags, summary: 'One SSO connection', params: ConnectionParams, response: { 200: ok('The connection', ConnectionSchema), ...problemResponses } },
  }, async (request) => sso.getConnection(request.orgAccess!, request.params.connection_id));

  app.patch('/orgs/:org_id/sso/connections/:connection_id', {
    config: { permission: 'sso.manage' },
    schema: { operationId: 'orgs.sso.connections.update', tags, summary: 'Change a connection (its type cannot change)', params: ConnectionParams, body: UpdateConnectionBody, response: { 200: ok('The connection', ConnectionSchema), ...problemResponses } },
  }, async (request) => sso.updateConnection(contextOf(request), request.orgAccess!, request.params.connection_id, request.body));

  app.delete('/orgs/:org_id/sso/connections/:connection_id', {
    config: { permission: 'sso.manage' },
    schema: { operationId: 'orgs.sso.connections.delete', tags, summary: 'Delete a connection (its logins in flight end)', params: ConnectionParams, response: { 204: ok('Deleted', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await sso.deleteConnection(contextOf(request), request.orgAccess!, request.params.connection_id);
    return reply.code(204).send(null);
  });

  app.post('/auth/sso/lookup', {
    config: { public: true },
    preHandler: [perIp('sso-lookup')],
    schema: { operationId: 'auth.sso.lookup', tags, summary: 'Whether an email signs in with SSO (its domain is verified by an organization with a connection)', security: [], body: SsoLookupBody, response: { 200: ok('The answer', SsoLookupResponse), ...problemResponses } },
  }, async (request) => sso.lookup(request.body.email));

  app.get('/sso/authorize', {
    config: { public: true },
    preHandler: [perIp('sso-authorize')],
    schema: {
      operationId: 'sso.authorize', tags, security: [], querystring: AuthorizeQuery,
      summary: 'Start an SSO login: 302 to the IdP (connection_id, organization_id, domain or email picks the connection)',
      description: '`redirect_uri` must be on the allow-list (`SSO_REDIRECT_URIS`); the login ends at `redirect_uri?code=…&state=…`.',
      response: { 302: redirect, ...problemResponses },
    },
  }, async (request, reply) => reply.redirect(await sso.authorize(request.query), 302));

  app.get('/sso/oidc/:connection_id/callback', {
    config: { public: true },
    preHandler: [perIp('sso-callback')],
    schema: { operationId: 'sso.oidc.callback', tags, summary: 'OIDC redirect URI: 302 to the client’s redirect_uri with a single-use code', security: [], params: ConnectionIdParams, querystring: OidcCallbackQuery, response: { 302: redirect, ...problemResponses } },
  }, async (request, reply) => {
    const rawQuery = request.raw.url?.split('?')[1] ?? '';
    return reply.redirect(await sso.oidcCallback(contextOf(request), request.params.connection_id, request.query, rawQuery), 302);
  });

  app.post('/sso/saml/:connection_id/acs', {
    config: { public: true },
    preHandler: [perIp('sso-acs')],
    schema: { operationId: 'sso.saml.acs', tags, summary: 'SAML Assertion Consumer Service (HTTP-POST binding): 302 to the client’s redirect_uri with a single-use code', security: [], params: ConnectionIdParams, body: AcsBody, response: { 302: redirect, ...problemResponses } },
  }, async (request, reply) => reply.redirect(await sso.samlAcs(contextOf(request), request.params.connection_id, request.body), 302));

  app.get('/sso/saml/:connection_id/metadata', {
    config: { public: true },
    preHandler: [perIp('sso-metadata')],
    schema: { operationId: 'sso.saml.metadata', tags, summary: 'SP metadata of a SAML connection (entity ID, ACS URL)', security: [], params: ConnectionIdParams, response: { 200: ok('SAML metadata XML', Type.String()), ...problemResponses } },
  }, async (request, reply) => reply.type('application/samlmetadata+xml').send(await sso.samlMetadata(request.params.connection_id)));
  // POST /sso/token is in auth/routes.ts: it answers in cookie mode like every route that issues tokens
};
