import { AppError } from '../../lib/errors.js';

export type CreatorLoss = 'creator_removed' | 'creator_suspended' | 'creator_deactivated';

export const apiKeyNotFound = () => new AppError('api_key.not_found');
export const invalidApiKey = (detail = 'The API key is invalid, revoked or expired.') => new AppError('api_key.invalid', detail);
export const creatorInactive = (reason: CreatorLoss) =>
  new AppError(
    'api_key.creator_inactive',
    `The member who created this API key is no longer an active member of its organization (${reason.replace('creator_', '')}); ask an active administrator for a new key.`,
    { meta: { reason } },
  );
export const userOnlyPermissions = (forbidden: string[]) =>
  new AppError('api_key.forbidden', `API keys cannot hold: ${forbidden.join(', ')}.`, {
    errors: forbidden.map((p) => ({ field: '/permissions', message: `"${p}" is reserved to people`, code: 'user_only' })),
  });
export const expiryInPast = () => new AppError('api_key.expiry_in_past', 'expires_at must be in the future.');
