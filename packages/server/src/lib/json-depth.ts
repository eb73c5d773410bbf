// How deep a JSON body may nest: checked before parsing, by every content-type parser.

/** Deepest nesting of arrays and objects a JSON body may have: far beyond any legitimate request. */
export const MAX_JSON_DEPTH = 32;

/**
 * True when `text` (JSON, parsed or not) nests arrays/objects deeper than `limit`. A single scan of
 * the brackets outside strings, without recursion: a 64 KiB body of `[` cannot exhaust the stack
 * here, nor later in code that walks the parsed value recursively (audit canonicalisation).
 */
export function jsonTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
