import { AppError } from '../../lib/errors.js';

export const invalidCode = () => new AppError('mfa.invalid_code', 'That code is not valid (or was already used). Try the next one.');
export const alreadyEnabled = () => new AppError('mfa.already_enabled', 'Disable it first to enrol a new authenticator.');
export const notEnabled = () => new AppError('mfa.not_enabled');
export const userNotFound = () => new AppError('user.not_found');
export const setupRequired = () => new AppError('mfa.setup_required', 'Start with POST /auth/2fa/setup.');
export const wrongPassword = () =>
  new AppError('auth.password_rejected', 'The password is incorrect.', {
    errors: [{ field: '/password', code: 'password.incorrect', message: 'The password is incorrect.' }],
  });
