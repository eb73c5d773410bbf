import { Type, type Static } from 'typebox';
import { AnyPassword, EmailInput, NewPassword, Timestamp, Uuid } from './common.js';
import { UserSchema } from './users.js';

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
    full_name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'not only white space' }),
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

/** `POST /auth/refresh`. */
export const RefreshBody = Type.Object(
  { refresh_token: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);
export type RefreshBody = Static<typeof RefreshBody>;

/** `POST /auth/password`. */
export const ChangePasswordBody = Type.Object(
  { current_password: AnyPassword, new_password: NewPassword },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/**
 * The answer to register, login and refresh. The refresh token is shown this once.
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
    refresh_token: Type.String(),
    user: UserSchema,
  },
  { title: 'TokenResponse' },
);
export type TokenResponse = Static<typeof TokenResponse>;

/** One login session of the caller (`GET /auth/sessions`). */
export const SessionSchema = Type.Object(
  {
    id: Uuid,
    created_at: Timestamp,
    last_used_at: Timestamp,
    expires_at: Timestamp,
    ip: Type.Union([Type.String(), Type.Null()]),
    user_agent: Type.Union([Type.String(), Type.Null()]),
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
  iat: number;
  exp: number;
  jti: string;
}

/** `POST /auth/register` when REQUIRE_EMAIL_VERIFICATION is on: no session until the email is verified. */
export const VerificationPendingResponse = Type.Object({
  user: UserSchema,
  email_verification_required: Type.Literal(true),
});
