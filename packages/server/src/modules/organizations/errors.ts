import { AppError } from '../../lib/errors.js';

export { organizationNotFound } from '../../lib/errors.js';
export const metadataTooLarge = () =>
  new AppError('organization.metadata_too_large', 'metadata must be at most 8 KiB as JSON.', {
    errors: [{ field: '/metadata', message: 'must be at most 8 KiB as JSON', code: 'maxSize' }],
  });
export const ownerRequired = (detail = 'Only an Owner can do this.') => new AppError('membership.owner_required', detail);
export const invalidSlug = () =>
  new AppError('request.validation_failed', 'That slug is reserved.', {
    errors: [{ field: '/slug', message: 'is reserved', code: 'reserved' }],
  });
export const twoFactorEnableFirst = () =>
  new AppError('mfa.enable_first', 'Turn on two-factor authentication for your own account before requiring it of members.');
export const slugTaken = (suggestion: string) =>
  new AppError('organization.slug_taken', `That slug is taken; "${suggestion}" is free.`, { meta: { suggestion } });
