// Keyset pagination as the API answers it: a page is the route's array, and the cursor of the next
// page comes in the `X-Next-Cursor` header, so it rides on the array as `nextCursor`.
import type { Page } from './types.js';

/** Reads the `X-Next-Cursor` header into the array's (non-enumerable) `nextCursor`. */
export function toPage<T>({ data, response }: { data: T[]; response: Response }): Page<T> {
  const nextCursor = response.headers.get('x-next-cursor') || null;
  return Object.defineProperty(data, 'nextCursor', { value: nextCursor, enumerable: false }) as Page<T>;
}

/** Every item of every page, asking for the next one only once the caller has consumed this one. */
export async function* eachItem<T>(page: (cursor: string | null) => Promise<Page<T>>): AsyncGenerator<T, void, undefined> {
  let cursor: string | null = null;
  do {
    const items: Page<T> = await page(cursor);
    yield* items;
    cursor = items.nextCursor;
  } while (cursor);
}
