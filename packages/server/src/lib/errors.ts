import { ERROR_CODES, type ErrorCode, type FieldError } from '@saasready/contracts';

/**
 * The one error type the domain throws. The errors plugin turns it into an RFC 9457 problem;
 * the HTTP status and the title come from the code's entry in the contract's error catalog.
 */
export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; meta?: Record<string, unknown> } = {},
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.status = ERROR_CODES[code].status;
    this.title = ERROR_CODES[code].title;
  }
}

export const unauthenticated = (detail = 'Authentication is required.') =>
  new AppError('auth.unauthenticated', detail);
export const invalidToken = (detail = 'The access token is invalid.') => new AppError('auth.invalid_token', detail);
export const tokenExpired = () => new AppError('auth.token_expired', 'The access token has expired; refresh it.');
export const sessionRevoked = () => new AppError('auth.session_revoked', 'This session has been signed out.');
export const permissionDenied = (permission: string) =>
  new AppError('permission_denied', `This action needs the "${permission}" permission.`);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('request.rate_limited', `Try again in ${retryAfterSeconds} seconds.`, {
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
export const serviceUnavailable = (detail = 'A backing service is unavailable; try again shortly.') =>
  new AppError('service.unavailable', detail, { headers: { 'retry-after': '1' } });
export const organizationNotFound = () => new AppError('organization.not_found');
export const membershipSuspended = () =>
  new AppError('membership.suspended', 'Your membership in this organization is suspended.');
/** A password the rules refuse (too common, the account's email, the wrong current one). */
export const passwordRejected = (field: string, code: string, message: string) =>
  new AppError('auth.password_rejected', message, { errors: [{ field: `/${field}`, code, message }] });
