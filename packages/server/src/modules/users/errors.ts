import { AppError } from '../../lib/errors.js';

export const emailTaken = () =>
  new AppError('auth.email_taken', 'An account with this email already exists.');
