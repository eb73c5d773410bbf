// Where `?next=` may send the visitor after login or sign-up: only a path on this dashboard.
// Anything that a browser could read as another origin (`https://…`, `//host`, `/\host`, a
// `javascript:` URL, or control characters the URL parser strips) falls back to the default page.

const BASE = 'http://dashboard.invalid';

/**
 * A same-origin relative path from `raw`, or `fallback` when `raw` could lead off-site.
 *
 * @example
 * safeNext('/orgs/x?tab=members') // '/orgs/x?tab=members'
 * safeNext('//evil.example')      // '/'
 */
export function safeNext(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || raw[0] !== '/' || raw[1] === '/' || raw[1] === '\\') return fallback;
  // backslashes count as slashes in URLs; tabs and newlines are silently removed by the parser
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // a path that normalised to `//host` would be read as another origin by history.pushState
  return path.startsWith('//') ? fallback : path;
}
