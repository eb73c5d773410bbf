import { AppError } from '../../lib/errors.js';

export const invalidCredentials = () =>
  new AppError('auth.invalid_credentials', 'Invalid credentials', 'The email or password is incorrect.');
export const accountLocked = (retryAfterSeconds: number) =>
  new AppError('auth.account_locked', 'Account temporarily locked', `Too many failed attempts. Try again in ${retryAfterSeconds} seconds.`, {
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
export const accountDisabled = () => new AppError('auth.account_disabled', 'Account disabled', 'This account has been disabled.');
export const invalidRefreshToken = () =>
  new AppError('auth.invalid_refresh_token', 'Invalid refresh token', 'The refresh token is invalid or expired; log in again.');
export const refreshTokenReused = () =>
  new AppError('auth.refresh_token_reused', 'Refresh token reused', 'This refresh token was already used; the session has been ended. Log in again.');
export const sessionNotFound = () => new AppError('session.not_found', 'Session not found');
export const passwordRejected = (field: string, code: string, message: string) =>
  new AppError('auth.password_rejected', 'Password not accepted', message, { errors: [{ field: `/${field}`, code, message }] });
export const invalidMfaCode = () => new AppError('auth.invalid_mfa_code', 'Invalid code', 'The two-factor code is not valid.');
export const invalidMfaToken = () =>
  new AppError('auth.invalid_mfa_token', 'Login step expired', 'This login step is invalid or expired; log in again with your password.');
export const emailNotVerified = () =>
  new AppError('auth.email_not_verified', 'Email not verified', 'Verify your email address first: follow the link we sent you, or ask for a new one.');
export const csrfFailed = (detail: string) => new AppError('auth.csrf_failed', 'CSRF check failed', detail);
