import { AppError } from '../../lib/errors.js';

export const flagNotFound = () => new AppError('feature_flag.not_found');
export const flagKeyTaken = () => new AppError('feature_flag.key_taken', 'A feature flag with this key exists.');
