// HTTP surface of authentication and sessions: schema, access declaration, rate limits, one service call.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ChangePasswordBody, IdParams, LoginBody, MeSchema, NoContent, RefreshBody, RegisterBody, SessionSchema, TokenResponse,
} from '@saasready/contracts';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { sha256 } from '../../lib/crypto.js';
import { contextOf } from '../../lib/request-context.js';
import { problemResponses } from '../../lib/route-schemas.js';
import { normalizeEmail, type AuthService } from './service.js';

const MINUTE = 60_000;
const errors = problemResponses;

const bodyEmail = (req: FastifyRequest) => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? normalizeEmail(email) : null;
};
const bodyRefreshToken = (req: FastifyRequest) => {
  const token = (req.body as { refresh_token?: unknown } | undefined)?.refresh_token;
  return typeof token === 'string' ? sha256(token) : null;
};

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; config: Config }> = async (app, { auth, config }) => {
  const { perIpPerMinute, perAccountPerMinute } = config.rateLimit;
  const perIp = (name: string) => app.limit(`${name}:ip`, { max: perIpPerMinute, windowMs: MINUTE, key: (req) => req.ip });
  const perAccount = (name: string, key: (req: FastifyRequest) => string | null) =>
    app.limit(`${name}:account`, { max: perAccountPerMinute, windowMs: MINUTE, key });

  app.post('/auth/register', {
    config: { public: true },
    preHandler: [perIp('register'), perAccount('register', bodyEmail)],
    schema: { tags: ['auth'], summary: 'Create an account, its personal organization, and a session', security: [], body: RegisterBody, response: { 201: TokenResponse, ...errors } },
  }, async (request, reply) => reply.code(201).send(await auth.register(contextOf(request), request.body)));

  app.post('/auth/login', {
    config: { public: true },
    preHandler: [perIp('login'), perAccount('login', bodyEmail)],
    schema: { tags: ['auth'], summary: 'Log in with email and password', security: [], body: LoginBody, response: { 200: TokenResponse, ...errors } },
  }, async (request) => auth.login(contextOf(request), request.body));

  app.post('/auth/refresh', {
    config: { public: true },
    preHandler: [perIp('refresh'), perAccount('refresh', bodyRefreshToken)],
    schema: { tags: ['auth'], summary: 'Rotate the refresh token and get a new access token', security: [], body: RefreshBody, response: { 200: TokenResponse, ...errors } },
  }, async (request) => auth.refresh(contextOf(request), request.body.refresh_token));

  app.get('/auth/me', {
    config: { authenticated: true },
    schema: { tags: ['auth'], summary: 'The caller, their memberships and current organization', response: { 200: MeSchema, ...errors } },
  }, async (request) => auth.me(contextOf(request)));

  app.post('/auth/logout', {
    config: { authenticated: true },
    schema: { tags: ['sessions'], summary: 'End this session', response: { 204: NoContent, ...errors } },
  }, async (request, reply) => {
    await auth.logout(contextOf(request));
    return reply.code(204).send(null);
  });

  app.post('/auth/logout-all', {
    config: { authenticated: true },
    schema: { tags: ['sessions'], summary: 'End every session of the caller, this one included', response: { 200: Type.Object({ sessions_ended: Type.Integer() }), ...errors } },
  }, async (request) => ({ sessions_ended: await auth.logoutAll(contextOf(request)) }));

  app.get('/auth/sessions', {
    config: { authenticated: true },
    schema: { tags: ['sessions'], summary: 'The caller’s live sessions', response: { 200: Type.Array(SessionSchema), ...errors } },
  }, async (request) => auth.listSessions(contextOf(request)));

  app.delete('/auth/sessions/:id', {
    config: { authenticated: true },
    schema: { tags: ['sessions'], summary: 'End one of the caller’s sessions', params: IdParams, response: { 204: NoContent, ...errors } },
  }, async (request, reply) => {
    await auth.revokeSession(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/auth/password', {
    config: { authenticated: true },
    preHandler: [perIp('password'), perAccount('password', (req) => req.principal?.userId ?? null)],
    schema: { tags: ['auth'], summary: 'Change the password; ends every other session', body: ChangePasswordBody, response: { 204: NoContent, ...errors } },
  }, async (request, reply) => {
    await auth.changePassword(contextOf(request), request.body);
    return reply.code(204).send(null);
  });
};
