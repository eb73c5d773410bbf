// Opaque keyset cursors: base64url of the last row's id. Clients pass them back unchanged.
import { AppError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const encodeCursor = (id: string): string => Buffer.from(id).toString('base64url');

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!UUID.test(id)) {
    throw new AppError('request.validation_failed', 'The cursor is not one this API issued.', {
      errors: [{ field: 'querystring:/cursor', message: 'is not a valid cursor', code: 'cursor' }],
    });
  }
  return id;
}

/** Splits a limit+1 result into the page and the cursor of the next one. */
export function page<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}
