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
  permission_denied: 'You do not have permission to do that.',
  two_factor_required: 'This organization requires two-factor authentication. Enable it under Account → Two-factor.',
  'auth.invalid_mfa_code': 'That code is not valid. Check your authenticator app and try again.',
};

export function problemMessage(error: unknown): string {
  if (error instanceof SaaSReadyError) {
    const known = MESSAGES[error.code];
    if (known) return known;
    if (error.code === 'request.validation_failed' && error.errors.length) return error.errors.map((e) => e.message).join(' · ');
    return error.detail || error.title || `Request failed (${error.status})`;
  }
  if (error instanceof TypeError) return 'Cannot reach the server. Check your connection and try again.';
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
