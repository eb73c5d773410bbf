import { AppError } from '../../lib/errors.js';

export const badCursor = () =>
  new AppError('request.validation_failed', 'The cursor is not one this API issued.', {
    errors: [{ field: 'querystring:/cursor', message: 'is not a valid cursor', code: 'cursor' }],
  });
export const fullWalkNeedsSuperuser = () =>
  new AppError('permission_denied', 'A full walk of the chain needs an instance superuser (or `saasready audit verify`).');
