// Turns whatever a call threw into words for the person at the screen, and field errors into form errors.
import { SaaSReadyError } from '@saasready/sdk/client';

/** Copy for the codes a person can act on; everything else shows the server's own detail. */
const MESSAGES: Record<string, string> = {
  'auth.invalid_credentials': 'Email or password is incorrect.',
  'auth.account_locked': 'Too many failed attempts. Try again in a little while.',
  'request.rate_limited': 'Too many requests. Wait a moment and try again.',
  'membership.last_owner': 'An organization must keep at least one active Owner.',
  'membership.owner_required': 'Only an Owner can grant, change or remove the Owner role.',
  'membership.escalation': 'You cannot grant a role with permissions you do not have yourself.',
  'membership.directory_managed': 'This member is managed by your identity provider’s directory sync: change their role or membership there.',
  'membership.suspended': 'Your membership in this organization is suspended. Ask one of its Owners or Admins to reactivate it.',
  'organization.not_found': 'This organization does not exist, was deleted, or you are not a member of it.',
  permission_denied: 'Your role in this organization does not allow that. Ask one of its Owners for access.',
  two_factor_required: 'This organization requires two-factor authentication. Enable it under Account → Two-factor.',
  'auth.invalid_mfa_code': 'That code is not valid. Check your authenticator app and try again.',
};

/**
 * Codes that mean the session is over (revoked from another tab or device, by an administrator,
 * expired, or the account was disabled): nothing on the page can succeed until the person logs in again.
 */
const SESSION_ENDED = new Set([
  'auth.unauthenticated', 'auth.invalid_token', 'auth.token_expired', 'auth.session_revoked', 'auth.invalid_refresh_token',
  'auth.refresh_token_reused', 'auth.account_disabled',
]);

export const isSessionEnded = (error: unknown): error is SaaSReadyError => error instanceof SaaSReadyError && SESSION_ENDED.has(error.code);

/**
 * The server did not answer with one of its own documents: a proxy's or load balancer's page (502,
 * 504 HTML), a timeout, or no answer at all. The person can only wait and retry.
 */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof SaaSReadyError) return error.code === 'http_error' || error.code === 'service.unavailable';
  return error instanceof TypeError || (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'));
}

export function problemMessage(error: unknown): string {
  if (error instanceof SaaSReadyError) {
    const known = MESSAGES[error.code];
    if (known) return known;
    // not our problem document (a proxy's HTML page, an empty body): its text means nothing to a person
    if (error.code === 'http_error') {
      return error.status >= 500
        ? `The server could not be reached (${error.status}). Try again in a moment.`
        : `The request was refused (${error.status}). Reload the page and try again.`;
    }
    if (error.code === 'request.validation_failed' && error.errors.length) return error.errors.map((e) => e.message).join(' · ');
    return error.detail || error.title || `Request failed (${error.status})`;
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'The server did not answer in time. Try again in a moment.';
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** `{ email: 'must match format "email"' }` from a validation problem, keyed by the body field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof SaaSReadyError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    const field = e.field.replace(/^\/+/, '').split('/')[0];
    if (field && !out[field]) out[field] = e.message;
  }
  return out;
}

export const isProblem = (error: unknown, code: string): error is SaaSReadyError => error instanceof SaaSReadyError && error.code === code;
