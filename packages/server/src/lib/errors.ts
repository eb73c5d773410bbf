import { ERROR_CODES, type ErrorCode, type FieldError } from '@saasready/contracts';

/**
 * The one error type the domain throws. The errors plugin turns it into an RFC 9457 problem;
 * the HTTP status comes from the code's entry in the contract.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; meta?: Record<string, unknown> } = {},
  ) {
    super(detail ?? title);
    this.status = ERROR_CODES[code];
  }
}

export const unauthenticated = (detail = 'Authentication is required.') =>
  new AppError('auth.unauthenticated', 'Unauthenticated', detail);
export const invalidToken = (detail = 'The access token is invalid.') => new AppError('auth.invalid_token', 'Invalid token', detail);
export const tokenExpired = () => new AppError('auth.token_expired', 'Token expired', 'The access token has expired; refresh it.');
export const sessionRevoked = () => new AppError('auth.session_revoked', 'Session ended', 'This session has been signed out.');
export const permissionDenied = (permission: string) =>
  new AppError('permission_denied', 'Permission denied', `This action needs the "${permission}" permission.`);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('request.rate_limited', 'Too many requests', `Try again in ${retryAfterSeconds} seconds.`, {
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
export const serviceUnavailable = (detail = 'A backing service is unavailable; try again shortly.') =>
  new AppError('service.unavailable', 'Service unavailable', detail, { headers: { 'retry-after': '1' } });
export const organizationNotFound = () => new AppError('organization.not_found', 'Organization not found');
export const membershipSuspended = () =>
  new AppError('membership.suspended', 'Membership suspended', 'Your membership in this organization is suspended.');
