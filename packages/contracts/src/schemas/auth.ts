import { Type, type Static } from 'typebox';
import { AnyPassword, EmailInput, nameInput, NewPassword, Timestamp, Uuid } from './common.js';
import { OrganizationRefSchema, UserSchema } from './users.js';

/**
 * `POST /auth/register`.
 *
 * @example
 * ```json
 * { "email": "jane@acme.test", "password": "correct horse battery", "full_name": "Jane Founder" }
 * ```
 */
export const RegisterBody = Type.Object(
  {
    email: EmailInput,
    password: NewPassword,
    full_name: nameInput(200),
    invitation_token: Type.Optional(Type.String({ minLength: 20, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'accept this invitation while registering (the email must match)' })),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

/** `POST /auth/login`. */
export const LoginBody = Type.Object(
  {
    email: EmailInput,
    password: AnyPassword,
    two_factor_code: Type.Optional(Type.String({ pattern: '^\\s*\\d{3}\\s?\\d{3}\\s*$', description: 'for accounts with 2FA: log in in one call' })),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/**
 * `POST /auth/refresh`. Send `{ refresh_token }`; a browser in cookie mode sends `{}` instead, and the
 * token comes from the HttpOnly `sr_refresh` cookie (with the `X-CSRF-Token` header, see
 * {@link BROWSER_SESSION}).
 *
 * @example
 * ```json
 * { "refresh_token": "q0B9…" }
 * ```
 */
export const RefreshBody = Type.Object(
  {
    refresh_token: Type.Optional(
      Type.String({ minLength: 1, maxLength: 512, description: 'omit to use the `sr_refresh` cookie (cookie mode: then `X-CSRF-Token` is required)' }),
    ),
  },
  { additionalProperties: false },
);
export type RefreshBody = Static<typeof RefreshBody>;

/**
 * The wire names of cookie mode, for browser apps that keep the access token in memory only. A
 * request to a route that issues tokens (register, login, login/2fa, refresh) with
 * `X-Refresh-Token-Mode: cookie` gets the refresh token as the HttpOnly cookie `sr_refresh`
 * (`Path=/api/v1/auth/refresh`) instead of in the body, plus a readable `sr_csrf` cookie
 * (`Path=/`). A refresh without a body token must echo `sr_csrf` in `X-CSRF-Token`
 * (double submit), and any `Origin` it carries must be the server's own or an allowed CORS origin.
 *
 * @example Refresh from a browser page in cookie mode
 * ```ts
 * const csrf = document.cookie.split('; ').find((c) => c.startsWith(`${BROWSER_SESSION.csrfCookie}=`))?.split('=')[1];
 * await fetch('/api/v1/auth/refresh', {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json', [BROWSER_SESSION.modeHeader]: 'cookie', [BROWSER_SESSION.csrfHeader]: csrf ?? '' },
 *   body: '{}',
 * });
 * ```
 */
export const BROWSER_SESSION = {
  /** request header; `cookie` asks for cookie mode */
  modeHeader: 'x-refresh-token-mode',
  /** request header of a cookie-mode refresh: the value of the `sr_csrf` cookie */
  csrfHeader: 'x-csrf-token',
  /** HttpOnly cookie holding the refresh token */
  refreshCookie: 'sr_refresh',
  /** the only path the refresh cookie is sent to */
  refreshCookiePath: '/api/v1/auth/refresh',
  /** script-readable cookie holding the CSRF token (`Path=/`) */
  csrfCookie: 'sr_csrf',
} as const;

/**
 * Request headers of the routes that issue tokens (register, login, login/2fa).
 *
 * @example
 * ```http
 * POST /api/v1/auth/login
 * X-Refresh-Token-Mode: cookie
 * ```
 */
export const TokenModeHeaders = Type.Object({
  'x-refresh-token-mode': Type.Optional(
    Type.Union([Type.Literal('cookie'), Type.Literal('body')], {
      description:
        '`cookie`: deliver the refresh token as the HttpOnly cookie `sr_refresh` (and a CSRF token as the cookie `sr_csrf`) instead of in the body. ' +
        'Default `body`.',
    }),
  ),
});

/**
 * Request headers of `POST /auth/refresh`.
 *
 * @example A cookie-mode refresh (body `{}`)
 * ```http
 * POST /api/v1/auth/refresh
 * Cookie: sr_refresh=…; sr_csrf=Qm9n…
 * X-CSRF-Token: Qm9n…
 * ```
 */
export const RefreshHeaders = Type.Object({
  ...TokenModeHeaders.properties,
  'x-csrf-token': Type.Optional(
    Type.String({ description: 'Required when the refresh token comes from the `sr_refresh` cookie: the value of the `sr_csrf` cookie.' }),
  ),
});

/** Request cookies of `POST /auth/refresh` (cookie mode). Documented only: their checks are the route's own. */
export const RefreshRequestCookies = Type.Object({
  sr_refresh: Type.Optional(Type.String({ description: 'HttpOnly refresh-token cookie set in cookie mode; used when the body has no `refresh_token`' })),
  sr_csrf: Type.Optional(Type.String({ description: 'CSRF token cookie set in cookie mode; must equal the `X-CSRF-Token` header' })),
});

/** `Set-Cookie` on the answers that issue or end a cookie-mode session (OpenAPI response header). */
export const SetCookieHeader = Type.String({
  description:
    'Cookie mode only: `sr_refresh=…; Max-Age=…; Path=/api/v1/auth/refresh; HttpOnly; Secure; SameSite=Strict` and ' +
    '`sr_csrf=…; Max-Age=…; Path=/; Secure; SameSite=Strict` (Max-Age=0 when the session ends).',
});

/** `POST /auth/password`. */
export const ChangePasswordBody = Type.Object(
  { current_password: AnyPassword, new_password: NewPassword },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/**
 * The answer to register, login and refresh. The refresh token is shown this once — or, in cookie
 * mode, not at all: it is then set as an HttpOnly cookie that page scripts cannot read.
 *
 * @example
 * ```json
 * { "access_token": "eyJ…", "token_type": "bearer", "expires_in": 900, "refresh_token": "…", "user": { … } }
 * ```
 */
export const TokenResponse = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('bearer'),
    expires_in: Type.Integer({ description: 'Seconds until the access token expires' }),
    refresh_token: Type.Optional(
      Type.String({
        description:
          'Absent in cookie mode (request header `X-Refresh-Token-Mode: cookie`): the token is then only in the HttpOnly `sr_refresh` cookie, ' +
          'out of reach of page scripts, so an XSS cannot steal the long-lived credential. Present otherwise.',
      }),
    ),
    user: UserSchema,
  },
  { title: 'TokenResponse' },
);
export type TokenResponse = Static<typeof TokenResponse>;

/** A login session as lists show it (the caller's own, or a superuser's view of an account). */
export const SessionFields = {
  id: Uuid,
  created_at: Timestamp,
  last_used_at: Timestamp,
  expires_at: Timestamp,
  ip: Type.Union([Type.String(), Type.Null()]),
  user_agent: Type.Union([Type.String(), Type.Null()]),
};

/** One login session of the caller (`GET /auth/sessions`). */
export const SessionSchema = Type.Object(
  {
    ...SessionFields,
    current: Type.Boolean(),
  },
  { $id: 'Session' },
);
export type Session = Static<typeof SessionSchema>;

/** The claims of a SaaSReady access token (JWT, ES256 by default). */
export interface AccessTokenClaims {
  iss: string;
  aud: string;
  /** user id */
  sub: string;
  /** session id: revoking the session kills the token */
  sid: string;
  /** the organization the token is scoped to, or null */
  org_id: string | null;
  /** the caller's role in org_id when the token was issued (relying apps: valid until the next refresh) */
  org_role: string | null;
  /** the caller's permissions in org_id when the token was issued */
  permissions: string[];
  /**
   * Present (and `true`) when org_id requires two-factor authentication and the user had not
   * enabled it when the token was issued: the token then carries `org_role: null` and no
   * permissions. Send the user to 2FA setup; the next refresh after enabling it restores them.
   */
  two_factor_setup_required?: true;
  iat: number;
  exp: number;
  jti: string;
}

/**
 * Where a registration with an `invitation_token` landed: the organization joined and the invited
 * role's name. Absent (not null) when registering without an invitation — the account then gets
 * its own personal organization, where it is Owner. An invitation proves the inbox, so such a
 * registration always gets a session, even under REQUIRE_EMAIL_VERIFICATION.
 */
export const InvitationLandingProperties = {
  organization: Type.Optional(
    Type.Object(OrganizationRefSchema.properties, {
      description: 'the organization the invitation joined; absent when registering without an invitation',
    }),
  ),
  role: Type.Optional(Type.String({ description: 'name of the invited role, e.g. "Member"; absent when registering without an invitation' })),
};

/**
 * `POST /auth/register` with a session: a {@link TokenResponse}, plus `organization` and `role`
 * when an invitation was accepted while registering.
 *
 * @example
 * ```json
 * { "access_token": "eyJ…", "token_type": "bearer", "expires_in": 900, "refresh_token": "…", "user": { … },
 *   "organization": { "id": "0193…", "name": "Acme", "slug": "acme" }, "role": "Member" }
 * ```
 */
export const RegisterResponse = Type.Object(
  { ...TokenResponse.properties, ...InvitationLandingProperties },
  {
    title: 'RegisterResponse',
    description:
      'The first session of the new account. With an invitation_token, also the organization joined and the role (the invited role\'s name); ' +
      'without one these two fields are absent.',
  },
);
export type RegisterResponse = Static<typeof RegisterResponse>;

/**
 * `POST /auth/register` when REQUIRE_EMAIL_VERIFICATION is on: no session until the email is verified.
 * `organization` and `role` are declared as in {@link RegisterResponse}, but an invitation verifies
 * the email, so today this variant only answers registrations without one (the fields absent).
 */
export const VerificationPendingResponse = Type.Object({
  user: UserSchema,
  email_verification_required: Type.Literal(true),
  ...InvitationLandingProperties,
});
