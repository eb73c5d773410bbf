// Cookie mode for browser sessions: on request (`X-Refresh-Token-Mode: cookie`) the refresh token
// travels only in an HttpOnly cookie, so page scripts — and an XSS — never see it. The price is that
// the browser now sends the credential by itself, which makes /auth/refresh a CSRF target; three
// locks close it: SameSite=Strict, a CSRF token (the readable `sr_csrf` cookie echoed in
// `X-CSRF-Token`, which a foreign page cannot read) and, when the browser names it, an Origin
// allow-list (PUBLIC_URL and CORS_ORIGINS). The CSRF token is not just any matching cookie/header
// pair: it is an HMAC (key derived from MASTER_KEY) of the session's current refresh token, so a
// page that can plant cookies (a sibling subdomain) cannot choose one, and another session's token
// does not fit. Bound to the refresh token rather than the session id, it rotates with it and
// needs no lookup before the refresh itself.
import { createHmac, hkdfSync } from 'node:crypto';
import { BROWSER_SESSION, SetCookieHeader, type TokenResponse } from '@saasready/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { Config } from '../../config.js';
import { safeEqual } from '../../lib/crypto.js';
import { problem } from '../../lib/route-schemas.js';
import { AppError } from '../../lib/errors.js';
import { csrfFailed, invalidRefreshToken } from './errors.js';

declare module 'fastify' {
  interface FastifySchema {
    /** request cookies, for the OpenAPI document only (`in: cookie`); Fastify does not validate them */
    cookies?: unknown;
  }
}

const { modeHeader, csrfHeader, refreshCookie, refreshCookiePath, csrfCookie } = BROWSER_SESSION;

/** Attributes shared by both cookies; clearing must repeat them (Path above all) to hit the same cookie. */
const refreshAttributes = { httpOnly: true, secure: true, sameSite: 'strict', path: refreshCookiePath } as const;
const csrfAttributes = { httpOnly: false, secure: true, sameSite: 'strict', path: '/' } as const;

/** A response schema that also documents the `Set-Cookie` header of cookie mode (OpenAPI only). */
export const withSetCookie = <T extends TSchema>(schema: T) => Type.With(schema, { headers: { 'set-cookie': SetCookieHeader } });
/** The problem answer of a refresh that may expire the cookies (401 in cookie mode). */
export const problemClearingCookies = { ...problem, description: 'Not authenticated: the refresh token is missing, invalid, expired or reused (cookie mode: both cookies expire)', headers: { 'set-cookie': SetCookieHeader } };

/** The request asked for cookie mode. */
export const cookieModeRequested = (request: FastifyRequest): boolean => request.headers[modeHeader] === 'cookie';

/** The refresh token in the body of a refresh request, if any. */
export const bodyRefreshToken = (request: FastifyRequest): string | undefined => {
  const token = (request.body as { refresh_token?: unknown } | null | undefined)?.refresh_token;
  return typeof token === 'string' ? token : undefined;
};

/** The refresh token a refresh request presents: the body's, or else the cookie's. */
export const presentedRefreshToken = (request: FastifyRequest): string | undefined => bodyRefreshToken(request) ?? request.cookies?.[refreshCookie] ?? undefined;

/** The HMAC key of CSRF tokens: its own key, derived from the master key with a label. */
const csrfKeyOf = (masterKey: Buffer): Buffer => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'saasready:csrf-token:v1', 32));

/** The CSRF token that goes with `refreshToken`: 32 bytes of HMAC-SHA256, base64url. */
export const csrfTokenFor = (masterKey: Buffer, refreshToken: string): string => csrfToken(csrfKeyOf(masterKey), refreshToken);
const csrfToken = (key: Buffer, refreshToken: string): string => createHmac('sha256', key).update(refreshToken).digest('base64url');

export interface RefreshCookies {
  /** Sets the refresh and CSRF cookies and returns the answer without `refresh_token`. */
  deliver(reply: FastifyReply, tokens: TokenResponse): TokenResponse;
  /** Expires both cookies (Max-Age=0, same Path and attributes). */
  clear(reply: FastifyReply): void;
  /**
   * Throws `auth.csrf_failed` unless X-CSRF-Token equals the `sr_csrf` cookie and the HMAC of the
   * `sr_refresh` cookie, and any Origin is allowed.
   */
  assertCsrf(request: FastifyRequest): void;
  /**
   * POST /auth/refresh as presented: the body's token, or the cookie's (CSRF-checked), rotated by
   * `rotate` and answered in cookie mode when the token came from the cookie or the caller asked.
   */
  refresh(request: FastifyRequest, reply: FastifyReply, rotate: (refreshToken: string) => Promise<TokenResponse>): Promise<TokenResponse>;
}

export function refreshCookies(config: Pick<Config, 'refreshTokenTtl' | 'publicUrl' | 'corsOrigins' | 'masterKey'>): RefreshCookies {
  const csrfKey = csrfKeyOf(config.masterKey);
  const allowedOrigins = new Set([config.publicUrl, ...config.corsOrigins].map((url) => new URL(url).origin));
  const maxAge = config.refreshTokenTtl;
  const cookies: RefreshCookies = {
    deliver(reply, tokens) {
      const { refresh_token: refreshToken, ...rest } = tokens;
      if (refreshToken !== undefined) {
        reply.setCookie(refreshCookie, refreshToken, { ...refreshAttributes, maxAge });
        // a fresh CSRF token with every rotation, bound to the new refresh token: a leaked one dies with it
        reply.setCookie(csrfCookie, csrfToken(csrfKey, refreshToken), { ...csrfAttributes, maxAge });
      }
      return rest;
    },

    clear(reply) {
      reply.clearCookie(refreshCookie, refreshAttributes);
      reply.clearCookie(csrfCookie, csrfAttributes);
    },

    assertCsrf(request) {
      const origin = request.headers.origin;
      // browsers send Origin on every cross-origin and most same-origin POSTs; "null" (sandboxed
      // frames, privacy redirects) is never an allowed origin
      if (origin !== undefined && !allowedOrigins.has(origin)) throw csrfFailed('The request comes from an origin that may not use this session.');
      const header = request.headers[csrfHeader];
      const cookie = request.cookies?.[csrfCookie];
      const refreshToken = request.cookies?.[refreshCookie];
      if (typeof header !== 'string' || !header || !cookie || !safeEqual(header, cookie)) {
        throw csrfFailed('Send the value of the sr_csrf cookie in the X-CSRF-Token header.');
      }
      // both compared in constant time; a planted pair that is not this session's token fails here
      if (!refreshToken || !safeEqual(header, csrfToken(csrfKey, refreshToken))) {
        throw csrfFailed('The CSRF token does not belong to this session; send the sr_csrf cookie the server set with it.');
      }
    },

    async refresh(request, reply, rotate) {
      const fromBody = bodyRefreshToken(request);
      // a cookie-borne token always answers in cookie mode: the caller cannot read a body token anyway
      const cookieMode = fromBody === undefined || cookieModeRequested(request);
      try {
        const token = presentedRefreshToken(request);
        if (token === undefined) throw invalidRefreshToken();
        if (fromBody === undefined) cookies.assertCsrf(request);
        const tokens = await rotate(token);
        return cookieMode ? cookies.deliver(reply, tokens) : tokens;
      } catch (err) {
        // the session is over (or never was): do not leave the browser holding a dead cookie
        if (cookieMode && err instanceof AppError && err.status === 401) cookies.clear(reply);
        throw err;
      }
    },
  };
  return cookies;
}
