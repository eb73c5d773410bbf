import { Type, type Static } from 'typebox';

/**
 * The error catalog: every machine-readable error code the API can answer with, mapped to its
 * HTTP status and the problem's `title`, so a code always means one thing. The code is stable;
 * the human `title`/`detail` may change.
 *
 * @example
 * ```ts
 * if (problem.code === 'auth.invalid_credentials') showLoginError();
 * ```
 */
export const ERROR_CODES = {
  'request.validation_failed': { status: 400, title: 'Validation failed' },
  'request.malformed_json': { status: 400, title: 'Malformed JSON' },
  /** JSON nested deeper than 32 arrays/objects */
  'request.too_deep': { status: 400, title: 'JSON nested too deeply' },
  'request.body_too_large': { status: 413, title: 'Request body too large' },
  'request.unsupported_media_type': { status: 415, title: 'Unsupported media type' },
  'request.not_found': { status: 404, title: 'Not found' },
  'request.method_not_allowed': { status: 405, title: 'Method not allowed' },
  'request.rate_limited': { status: 429, title: 'Too many requests' },
  'auth.unauthenticated': { status: 401, title: 'Unauthenticated' },
  'auth.invalid_token': { status: 401, title: 'Invalid token' },
  'auth.token_expired': { status: 401, title: 'Token expired' },
  'auth.session_revoked': { status: 401, title: 'Session ended' },
  'auth.invalid_credentials': { status: 401, title: 'Invalid credentials' },
  'auth.invalid_refresh_token': { status: 401, title: 'Invalid refresh token' },
  'auth.refresh_token_reused': { status: 401, title: 'Refresh token reused' },
  'auth.csrf_failed': { status: 403, title: 'CSRF check failed' },
  'auth.account_locked': { status: 429, title: 'Account temporarily locked' },
  'auth.account_disabled': { status: 403, title: 'Account disabled' },
  'auth.email_taken': { status: 409, title: 'Email already registered' },
  'auth.password_rejected': { status: 422, title: 'Password not accepted' },
  'session.not_found': { status: 404, title: 'Session not found' },
  'user.not_found': { status: 404, title: 'User not found' },
  /** a superuser tried to disable their own account (they would lock themselves out) */
  'user.cannot_disable_self': { status: 409, title: 'Cannot disable your own account' },
  'auth.email_not_verified': { status: 403, title: 'Email not verified' },
  'auth.invalid_mfa_code': { status: 401, title: 'Invalid code' },
  'auth.invalid_mfa_token': { status: 401, title: 'Login step expired' },
  'mfa.invalid_code': { status: 422, title: 'Invalid code' },
  'mfa.already_enabled': { status: 409, title: 'Two-factor already enabled' },
  'mfa.not_enabled': { status: 409, title: 'Two-factor not enabled' },
  'mfa.setup_required': { status: 409, title: 'Setup required' },
  'mfa.enable_first': { status: 409, title: 'Enable two-factor first' },
  'two_factor_required': { status: 403, title: 'Two-factor authentication required' },
  'api_key.not_found': { status: 404, title: 'API key not found' },
  'api_key.invalid': { status: 401, title: 'Invalid API key' },
  'api_key.forbidden': { status: 403, title: 'Not for API keys' },
  'api_key.expiry_in_past': { status: 400, title: 'Expiry in the past' },
  'api_key.creator_inactive': { status: 401, title: 'API key inactive' },
  'idempotency_key_reused': { status: 422, title: 'Idempotency-Key reused' },
  'feature_flag.not_found': { status: 404, title: 'Feature flag not found' },
  'feature_flag.key_taken': { status: 409, title: 'Key taken' },
  'idempotency_in_progress': { status: 409, title: 'Request in progress' },
  'token.invalid': { status: 400, title: 'Invalid link' },
  'token.expired': { status: 410, title: 'Link expired' },
  'invitation.not_found': { status: 404, title: 'Invitation not found' },
  'invitation.gone': { status: 410, title: 'Invitation no longer valid' },
  'invitation.already_member': { status: 409, title: 'Already a member' },
  'invitation.pending_exists': { status: 409, title: 'Invitation already pending' },
  'invitation.email_mismatch': { status: 403, title: 'Wrong account' },
  'invitation.not_pending': { status: 409, title: 'Invitation not pending' },
  'invitation.inviter_lacks_authority': { status: 410, title: 'Invitation no longer valid' },
  'permission_denied': { status: 403, title: 'Permission denied' },
  'membership.suspended': { status: 403, title: 'Membership suspended' },
  'organization.not_found': { status: 404, title: 'Organization not found' },
  'organization.slug_taken': { status: 409, title: 'Slug taken' },
  'organization.metadata_too_large': { status: 400, title: 'Metadata too large' },
  'membership.not_found': { status: 404, title: 'Member not found' },
  'membership.last_owner': { status: 409, title: 'Last owner' },
  'membership.owner_required': { status: 403, title: 'Owner required' },
  'membership.escalation': { status: 403, title: 'Cannot grant more than you hold' },
  'membership.insufficient_privilege': { status: 403, title: 'Insufficient privilege' },
  'role.not_found': { status: 404, title: 'Role not found' },
  'role.name_taken': { status: 409, title: 'Role name taken' },
  'role.system_immutable': { status: 409, title: 'System role' },
  'role.in_use': { status: 409, title: 'Role in use' },
  'role.unknown_permission': { status: 400, title: 'Unknown permission' },
  'webhook.not_found': { status: 404, title: 'Webhook endpoint not found' },
  'webhook.delivery_not_found': { status: 404, title: 'Webhook delivery not found' },
  'webhook.invalid_url': { status: 400, title: 'Webhook URL not allowed' },
  'webhook.unknown_event_type': { status: 400, title: 'Unknown event type' },
  'webhook.disabled': { status: 409, title: 'Webhook endpoint disabled' },
  'domain.not_found': { status: 404, title: 'Domain not found' },
  'domain.invalid': { status: 400, title: 'Invalid domain' },
  'domain.public_provider': { status: 422, title: 'Public email provider' },
  'domain.already_added': { status: 409, title: 'Domain already added' },
  'domain.claimed': { status: 409, title: 'Domain verified by another organization' },
  'domain.verification_failed': { status: 422, title: 'Verification record not found' },
  'sso.connection_not_found': { status: 404, title: 'SSO connection not found' },
  'sso.invalid_connection': { status: 422, title: 'Invalid SSO connection settings' },
  'sso.connection_disabled': { status: 403, title: 'SSO connection disabled' },
  'sso.redirect_uri_not_allowed': { status: 400, title: 'redirect_uri not allowed' },
  'sso.no_connection': { status: 404, title: 'No SSO connection' },
  'sso.invalid_state': { status: 400, title: 'Invalid or expired SSO state' },
  'sso.invalid_code': { status: 400, title: 'Invalid or expired SSO code' },
  'sso.idp_error': { status: 502, title: 'Identity provider unavailable' },
  'sso.invalid_response': { status: 401, title: 'SSO response refused' },
  'sso.email_missing': { status: 422, title: 'No email from the identity provider' },
  // no longer answered (sso.domain_not_verified covers it, without saying whether an account exists); kept for older clients' switches
  'sso.account_link_refused': { status: 403, title: 'Account not linked' },
  'sso.domain_not_verified': { status: 403, title: 'Email domain not verified by this organization' },
  'auth.sso_required': { status: 403, title: 'Single sign-on required' },
  'directory.not_found': { status: 404, title: 'Directory not found' },
  'directory.group_not_found': { status: 404, title: 'Directory group not found' },
  /** the member's role and presence follow the organization's SCIM directory: change them in the IdP */
  'membership.directory_managed': { status: 409, title: 'Managed by the directory' },
  'service.unavailable': { status: 503, title: 'Service unavailable' },
  'internal': { status: 500, title: 'Internal server error' },
} as const satisfies Record<string, { status: number; title: string }>;

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
