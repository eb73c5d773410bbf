/** Escapes LIKE/ILIKE wildcards so user text matches literally (`%` and `_` are not patterns). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A "contains" pattern for ILIKE search boxes. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;
