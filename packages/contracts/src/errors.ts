import { Type, type Static } from 'typebox';

/**
 * Every machine-readable error code the API can answer with, mapped to its HTTP status.
 * The code is stable; the human `title`/`detail` may change.
 *
 * @example
 * ```ts
 * if (problem.code === 'auth.invalid_credentials') showLoginError();
 * ```
 */
export const ERROR_CODES = {
  'request.validation_failed': 400,
  'request.malformed_json': 400,
  /** JSON nested deeper than 32 arrays/objects */
  'request.too_deep': 400,
  'request.body_too_large': 413,
  'request.unsupported_media_type': 415,
  'request.not_found': 404,
  'request.method_not_allowed': 405,
  'request.rate_limited': 429,
  'auth.unauthenticated': 401,
  'auth.invalid_token': 401,
  'auth.token_expired': 401,
  'auth.session_revoked': 401,
  'auth.invalid_credentials': 401,
  'auth.invalid_refresh_token': 401,
  'auth.refresh_token_reused': 401,
  'auth.csrf_failed': 403,
  'auth.account_locked': 429,
  'auth.account_disabled': 403,
  'auth.email_taken': 409,
  'auth.password_rejected': 422,
  'session.not_found': 404,
  'user.not_found': 404,
  'auth.email_not_verified': 403,
  'auth.invalid_mfa_code': 401,
  'auth.invalid_mfa_token': 401,
  'mfa.invalid_code': 422,
  'mfa.already_enabled': 409,
  'mfa.not_enabled': 409,
  'mfa.setup_required': 409,
  'mfa.enable_first': 409,
  'two_factor_required': 403,
  'api_key.not_found': 404,
  'api_key.invalid': 401,
  'api_key.forbidden': 403,
  'api_key.expiry_in_past': 400,
  'api_key.creator_inactive': 401,
  'idempotency_key_reused': 422,
  'feature_flag.not_found': 404,
  'feature_flag.key_taken': 409,
  'idempotency_in_progress': 409,
  'token.invalid': 400,
  'token.expired': 410,
  'invitation.not_found': 404,
  'invitation.gone': 410,
  'invitation.already_member': 409,
  'invitation.pending_exists': 409,
  'invitation.email_mismatch': 403,
  'invitation.not_pending': 409,
  'invitation.inviter_lacks_authority': 410,
  'permission_denied': 403,
  'membership.suspended': 403,
  'organization.not_found': 404,
  'organization.slug_taken': 409,
  'organization.metadata_too_large': 400,
  'membership.not_found': 404,
  'membership.last_owner': 409,
  'membership.owner_required': 403,
  'membership.escalation': 403,
  'membership.insufficient_privilege': 403,
  'role.not_found': 404,
  'role.name_taken': 409,
  'role.system_immutable': 409,
  'role.in_use': 409,
  'role.unknown_permission': 400,
  'service.unavailable': 503,
  'internal': 500,
} as const;

/** A stable machine-readable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The URI every problem document of `code` carries in `type`. */
export function problemType(code: ErrorCode): string {
  return `urn:saasready:problem:${code}`;
}

/** One field-level failure inside a validation problem. */
export const FieldErrorSchema = Type.Object({
  field: Type.String({ description: 'JSON pointer-ish path of the offending field, e.g. `/email`' }),
  message: Type.String(),
  code: Type.Optional(Type.String()),
});
export type FieldError = Static<typeof FieldErrorSchema>;

/**
 * RFC 9457 problem document, the body of every error response
 * (`Content-Type: application/problem+json`).
 */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.String(),
    request_id: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
    /** code-specific extras, e.g. `suggestion` for `organization.slug_taken` */
    meta: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof ProblemSchema>;
