/** ISO-8601 text of a timestamp as either driver returns it (Date, or text from raw SQL). */
export const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();
