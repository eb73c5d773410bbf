import { AppError } from '../../lib/errors.js';

export const invalidCredentials = () =>
  new AppError('auth.invalid_credentials', 'The email or password is incorrect.');
export const accountLocked = (retryAfterSeconds: number) =>
  new AppError('auth.account_locked', `Too many failed attempts. Try again in ${retryAfterSeconds} seconds.`, {
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
export const accountDisabled = () => new AppError('auth.account_disabled', 'This account has been disabled.');
export const invalidRefreshToken = () =>
  new AppError('auth.invalid_refresh_token', 'The refresh token is invalid or expired; log in again.');
export const refreshTokenReused = () =>
  new AppError('auth.refresh_token_reused', 'This refresh token was already used; the session has been ended. Log in again.');
export const sessionNotFound = () => new AppError('session.not_found');
export { passwordRejected } from '../../lib/errors.js';
export const invalidMfaCode = () => new AppError('auth.invalid_mfa_code', 'The two-factor code is not valid.');
export const invalidMfaToken = () =>
  new AppError('auth.invalid_mfa_token', 'This login step is invalid or expired; log in again with your password.');
export const emailNotVerified = () =>
  new AppError('auth.email_not_verified', 'Verify your email address first: follow the link we sent you, or ask for a new one.');
export const csrfFailed = (detail: string) => new AppError('auth.csrf_failed', detail);
export const invalidLink = () => new AppError('token.invalid', 'This link is not valid. Ask for a new one.');
export const expiredLink = () => new AppError('token.expired', 'This link has expired or was already used. Ask for a new one.');

/** The organization that verified this email's domain requires SSO: start at `authorize_url`. */
export const ssoRequired = (authorizeUrl: string, organizationId: string) =>
  new AppError('auth.sso_required', 'Your organization requires single sign-on: sign in through your identity provider.', { meta: { authorize_url: authorizeUrl, organization_id: organizationId } });
