import { AppError } from '../../lib/errors.js';

export const webhookNotFound = () => new AppError('webhook.not_found');
export const deliveryNotFound = () => new AppError('webhook.delivery_not_found');
export const webhookDisabled = () => new AppError('webhook.disabled', 'The endpoint is disabled: enable it first.');
export const invalidUrl = (reason: string) =>
  new AppError('webhook.invalid_url', `The URL is not allowed: ${reason}.`, { errors: [{ field: '/url', message: reason, code: 'invalid_url' }] });
export const unknownEventTypes = (filters: string[]) =>
  new AppError('webhook.unknown_event_type', `Not in the event catalog: ${filters.join(', ')}.`, {
    errors: filters.map((f) => ({ field: '/event_types', message: `"${f}" is not a catalog event type, a prefix.* of one, or *`, code: 'unknown_event_type' })),
  });
