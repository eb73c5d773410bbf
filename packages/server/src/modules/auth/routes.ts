// HTTP surface of authentication and sessions: schema, access declaration, rate limits, one service call.
// Routes that issue tokens answer in cookie mode when asked (see refresh-cookie.ts).
import cookie from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ChangePasswordBody, ForgotPasswordBody, IdParams, LoginBody, MeSchema, NoContent, RefreshBody, RefreshRequestCookies, RefreshHeaders, RegisterBody,
  CheckResetTokenBody, ResetPasswordBody, SessionSchema, LoginMfaBody, MfaRequiredResponse, RegisterResponse, SsoTokenBody, SsoTokenResponse, TokenBody, TokenModeHeaders,
  TokenResponse, VerificationPendingResponse,
} from '@saasready/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { sha256 } from '../../lib/crypto.js';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { EmailTokensService } from './email-tokens.js';
import { cookieModeRequested, presentedRefreshToken, problemClearingCookies, refreshCookies, withSetCookie } from './refresh-cookie.js';
import { normalizeEmail } from '../../lib/email.js';
import type { SsoService } from '../sso/service.js';
import type { AuthService } from './service.js';

const MINUTE = 60_000;
const errors = problemResponses;

const bodyEmail = (req: FastifyRequest) => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? normalizeEmail(email) : null;
};
/** The answer opened a session (not an MFA challenge or a pending verification). */
const issuesSession = (result: object): result is TokenResponse => 'refresh_token' in result;
/** Rate-limit key of a refresh: the presented token (body or cookie), hashed. */
const refreshTokenKey = (req: FastifyRequest) => {
  const token = presentedRefreshToken(req);
  return token ? sha256(token) : null;
};

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; emailTokens: EmailTokensService; sso: SsoService; config: Config }> = async (app, { auth, emailTokens, sso, config }) => {
  const { perIpPerMinute, perAccountPerMinute } = config.rateLimit;
  const perIp = (name: string) => app.limit(`${name}:ip`, { max: perIpPerMinute, windowMs: MINUTE, key: (req) => req.ip });
  const perAccount = (name: string, key: (req: FastifyRequest) => string | null) =>
    app.limit(`${name}:account`, { max: perAccountPerMinute, windowMs: MINUTE, key });

  /** The user behind the request's mfa_token, looked up once for the per-account limit of /auth/login/2fa. */
  const challengeUsers = new WeakMap<FastifyRequest, string>();
  const resolveChallengeUser = async (req: FastifyRequest) => {
    const token = (req.body as { mfa_token?: unknown } | undefined)?.mfa_token;
    const userId = typeof token === 'string' ? await auth.twoFactorChallengeUserId(token) : null;
    if (userId) challengeUsers.set(req, userId);
  };

  // request.cookies and reply.setCookie, for the routes of this file only
  await app.register(cookie);
  const cookies = refreshCookies(config);
  /** A token answer as the caller asked for it: in cookie mode the refresh token moves into cookies. */
  const tokensFor = <T extends object>(request: FastifyRequest, reply: FastifyReply, result: T): T | TokenResponse =>
    cookieModeRequested(request) && issuesSession(result) ? cookies.deliver(reply, result) : result;

  app.post('/auth/register', {
    config: { public: true },
    preHandler: [
      perIp('register'),
      perAccount('register', bodyEmail),
      // auth.email_taken reveals that an account exists (login does not): sign-ups without an
      // invitation are capped per IP per hour at a third of the per-minute IP limit (10 by default),
      // so probing emails is slow; see docs/security.md "Account enumeration"
      app.limit('register-probe:ip', {
        max: Math.max(1, Math.floor(perIpPerMinute / 3)),
        windowMs: 60 * MINUTE,
        key: (req) => ((req.body as { invitation_token?: unknown } | undefined)?.invitation_token ? null : req.ip),
      }),
    ],
    schema: {
      operationId: 'auth.register',
      tags: ['auth'],
      summary: 'Create an account, its personal organization, and a session',
      security: [],
      headers: TokenModeHeaders,
      body: RegisterBody,
      response: { 201: ok('Account created: the tokens of its first session (with an invitation, also the organization joined and the role), or `email_verification_required` when the email must be confirmed first', withSetCookie(Type.Union([RegisterResponse, VerificationPendingResponse]))), ...errors },
    },
  }, async (request, reply) => reply.code(201).send(tokensFor(request, reply, await auth.register(contextOf(request), request.body))));

  app.post('/auth/forgot-password', {
    config: { public: true },
    preHandler: [perIp('forgot-password'), perAccount('forgot-password', bodyEmail)],
    schema: { operationId: 'auth.forgotPassword', tags: ['auth'], summary: 'Email a password-reset link (always 202: never reveals whether the account exists)', security: [], body: ForgotPasswordBody, response: { 202: ok('Accepted: a reset link is emailed if the account exists', Type.Object({ status: Type.Literal('accepted') })), ...errors } },
  }, async (request, reply) => {
    emailTokens.requestPasswordReset(contextOf(request), request.body.email);
    return reply.code(202).send({ status: 'accepted' as const });
  });

  app.post('/auth/reset-password', {
    config: { public: true },
    preHandler: [perIp('reset-password')],
    schema: { operationId: 'auth.resetPassword', tags: ['auth'], summary: 'Set a new password with the emailed token; ends every session', security: [], body: ResetPasswordBody, response: { 204: ok('Password changed; every session ended', NoContent), ...errors } },
  }, async (request, reply) => {
    await emailTokens.resetPassword(contextOf(request), request.body.token, request.body.new_password);
    return reply.code(204).send(null);
  });

  app.post('/auth/reset-password/check', {
    config: { public: true },
    preHandler: [perIp('reset-password')],
    schema: { operationId: 'auth.checkResetPassword', tags: ['auth'], summary: 'Whether a password-reset token still works, without using it', security: [], body: CheckResetTokenBody, response: { 204: ok('The link works', NoContent), ...errors } },
  }, async (request, reply) => {
    await emailTokens.checkPasswordReset(request.body.token);
    return reply.code(204).send(null);
  });

  app.post('/auth/verify-email', {
    config: { public: true },
    preHandler: [perIp('verify-email')],
    schema: { operationId: 'auth.verifyEmail', tags: ['auth'], summary: 'Confirm the email address with the emailed token', security: [], body: TokenBody, response: { 204: ok('Email address confirmed', NoContent), ...errors } },
  }, async (request, reply) => {
    await emailTokens.verifyEmail(contextOf(request), request.body.token);
    return reply.code(204).send(null);
  });

  app.post('/auth/resend-verification', {
    config: { authenticated: true },
    preHandler: [perIp('resend-verification'), perAccount('resend-verification', (req) => req.principal?.userId ?? null)],
    schema: { operationId: 'auth.resendVerification', tags: ['auth'], summary: 'Send the verification email again', response: { 202: ok('Accepted: the verification email is queued', Type.Object({ status: Type.Literal('accepted') })), ...errors } },
  }, async (request, reply) => {
    await emailTokens.resendVerification(contextOf(request), request.principal!.userId);
    return reply.code(202).send({ status: 'accepted' as const });
  });

  app.post('/auth/login', {
    config: { public: true },
    preHandler: [perIp('login'), perAccount('login', bodyEmail)],
    schema: {
      operationId: 'auth.login',
      tags: ['auth'],
      summary: 'Log in with email and password (accounts with 2FA get an mfa_token, or pass two_factor_code)',
      security: [],
      headers: TokenModeHeaders,
      body: LoginBody,
      response: { 200: ok('Logged in (tokens), or an `mfa_token` for the second step when the account has 2FA', withSetCookie(Type.Union([TokenResponse, MfaRequiredResponse]))), ...errors },
    },
  }, async (request, reply) => tokensFor(request, reply, await auth.login(contextOf(request), request.body)));

  app.post('/auth/login/2fa', {
    config: { public: true },
    // per account, not per mfa_token: a guesser holding many tokens still spends one budget
    preHandler: [perIp('login-2fa'), resolveChallengeUser, perAccount('login-2fa', (req) => challengeUsers.get(req) ?? null)],
    schema: {
      operationId: 'auth.loginTwoFactor',
      tags: ['auth'],
      summary: 'Second login step: the mfa_token and a TOTP or backup code',
      security: [],
      headers: TokenModeHeaders,
      body: LoginMfaBody,
      response: { 200: ok('Logged in: the tokens of the new session', withSetCookie(TokenResponse)), ...errors },
    },
  }, async (request, reply) => tokensFor(request, reply, await auth.loginWithTwoFactor(contextOf(request), request.body)));

  app.post('/sso/token', {
    config: { public: true },
    preHandler: [perIp('sso-token')],
    schema: {
      operationId: 'sso.token',
      tags: ['sso'],
      summary: 'Redeem the single-use SSO code: the tokens of a new session (as /auth/login) and the SSO profile',
      security: [],
      headers: TokenModeHeaders,
      body: SsoTokenBody,
      response: { 200: ok('Tokens and the SSO profile (cookie mode: the refresh token in the cookies)', withSetCookie(SsoTokenResponse)), ...errors },
    },
  }, async (request, reply) => tokensFor(request, reply, await sso.exchangeCode(contextOf(request), request.body.code)));

  app.post('/auth/refresh', {
    config: { public: true },
    preHandler: [perIp('refresh'), perAccount('refresh', refreshTokenKey)],
    schema: {
      operationId: 'auth.refresh',
      tags: ['auth'],
      summary: 'Rotate the refresh token and get a new access token',
      description:
        'Send `{"refresh_token": …}`, or `{}` to use the `sr_refresh` cookie of cookie mode: then `X-CSRF-Token` must equal the `sr_csrf` cookie ' +
        'and any `Origin` must be PUBLIC_URL or a CORS origin (403 `auth.csrf_failed`), and the answer is in cookie mode. ' +
        'A 401 in cookie mode also expires both cookies.',
      security: [],
      headers: RefreshHeaders,
      cookies: RefreshRequestCookies,
      body: RefreshBody,
      response: { ...errors, 200: ok('A new access token and a rotated refresh token', withSetCookie(TokenResponse)), 401: problemClearingCookies },
    },
  }, async (request, reply) => cookies.refresh(request, reply, (token) => auth.refresh(contextOf(request), token)));

  app.get('/auth/me', {
    config: { authenticated: true },
    schema: { operationId: 'auth.me.get', tags: ['auth'], summary: 'The caller, their memberships and current organization', response: { 200: ok('The caller', MeSchema), ...errors } },
  }, async (request) => auth.me(contextOf(request)));

  app.post('/auth/logout', {
    config: { authenticated: true },
    schema: { operationId: 'auth.logout', tags: ['sessions'], summary: 'End this session (and expire the cookies of cookie mode)', response: { 204: ok('Session ended', withSetCookie(NoContent)), ...errors } },
  }, async (request, reply) => {
    await auth.logout(contextOf(request));
    // unconditionally: the sr_refresh cookie is never sent here (its Path), so whether the browser holds one is unknowable
    cookies.clear(reply);
    return reply.code(204).send(null);
  });

  app.post('/auth/logout-all', {
    config: { authenticated: true },
    schema: {
      operationId: 'auth.logoutAll',
      tags: ['sessions'],
      summary: 'End every session of the caller, this one included (and expire the cookies of cookie mode)',
      response: { 200: ok('Every session ended, with their number', withSetCookie(Type.Object({ sessions_ended: Type.Integer() }))), ...errors },
    },
  }, async (request, reply) => {
    const sessionsEnded = await auth.logoutAll(contextOf(request));
    cookies.clear(reply);
    return { sessions_ended: sessionsEnded };
  });

  app.get('/auth/sessions', {
    config: { authenticated: true },
    schema: { operationId: 'sessions.list', tags: ['sessions'], summary: 'The caller’s live sessions', response: { 200: ok('The caller’s live sessions', Type.Array(SessionSchema)), ...errors } },
  }, async (request) => auth.listSessions(contextOf(request)));

  app.delete('/auth/sessions/:id', {
    config: { authenticated: true },
    schema: { operationId: 'sessions.revoke', tags: ['sessions'], summary: 'End one of the caller’s sessions', params: IdParams, response: { 204: ok('Session ended', NoContent), ...errors } },
  }, async (request, reply) => {
    await auth.revokeSession(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/auth/password', {
    config: { authenticated: true },
    preHandler: [perIp('password'), perAccount('password', (req) => req.principal?.userId ?? null)],
    schema: { operationId: 'auth.changePassword', tags: ['auth'], summary: 'Change the password; ends every other session', body: ChangePasswordBody, response: { 204: ok('Password changed; the other sessions ended', NoContent), ...errors } },
  }, async (request, reply) => {
    await auth.changePassword(contextOf(request), request.body);
    return reply.code(204).send(null);
  });
};
