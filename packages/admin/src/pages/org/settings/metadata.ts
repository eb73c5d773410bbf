// The metadata field is JSON typed by hand: check it here so mistakes show at the field, before a round trip.
const LIMIT_BYTES = 8 * 1024;

export type ParsedMetadata = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

export function parseMetadata(text: string): ParsedMetadata {
  if (!text.trim()) return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'Must be a JSON object, e.g. {"plan": "pro"}' };
  // the server measures the compact serialisation in bytes, so count it the same way
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  if (bytes > LIMIT_BYTES) return { ok: false, error: `Too large: ${(bytes / 1024).toFixed(1)} KiB of 8 KiB` };
  return { ok: true, value: value as Record<string, unknown> };
}

export const formatMetadata = (value: Record<string, unknown>) => (Object.keys(value).length ? JSON.stringify(value, null, 2) : '');
