import { Type } from 'typebox';

/** A UUID (we mint UUIDv7: time-ordered). */
export const Uuid = Type.String({ format: 'uuid' });

/** An RFC 3339 timestamp as returned by the API. */
export const Timestamp = Type.String({ format: 'date-time' });

/**
 * An email address as accepted on input. Surrounding white space is allowed: the server
 * normalises (trims, lower-cases) every email before use.
 */
export const EmailInput = Type.String({ pattern: '^\\s*[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)+\\s*$', minLength: 3, maxLength: 254, description: 'email address' });

/**
 * Characters no user-supplied text may hold: C0 and C1 controls, U+2028/U+2029 and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Names end up in email subjects
 * and bodies, logs and the dashboard: a line break there forges a header or a paragraph of "ours".
 */
const FORBIDDEN = '\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069';

/**
 * Pattern of a name (person, organization, role, flag, API key): one line of text with at least one
 * visible character and none of the forbidden ones. Linear-time: no nested quantifiers.
 *
 * @example
 * ```ts
 * new RegExp(SINGLE_LINE_TEXT, 'u').test('Acme Inc.'); // true
 * new RegExp(SINGLE_LINE_TEXT, 'u').test('Evil\nBcc: x'); // false
 * ```
 */
export const SINGLE_LINE_TEXT = `^(?!.*[${FORBIDDEN}])\\s*\\S`;

/**
 * Pattern of a free-text description: line breaks and tabs allowed, every other forbidden character not.
 *
 * @example
 * ```ts
 * new RegExp(MULTI_LINE_TEXT, 'u').test('Line one\nLine two'); // true
 * ```
 */
export const MULTI_LINE_TEXT = `^(?![\\s\\S]*[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069])`;

/** A name as accepted on input: see SINGLE_LINE_TEXT. */
export const nameInput = (maxLength: number) =>
  Type.String({ minLength: 1, maxLength, pattern: SINGLE_LINE_TEXT, description: 'one line of text: no line breaks, control characters or bidi overrides' });

/** A description as accepted on input: see MULTI_LINE_TEXT. */
export const descriptionInput = (maxLength: number) => Type.String({ maxLength, pattern: MULTI_LINE_TEXT, description: 'no control characters other than line breaks and tabs' });

/** A new password: 10–128 characters; the server also refuses the most common passwords. */
export const NewPassword = Type.String({ minLength: 10, maxLength: 128 });

/** A password as typed at login: never length-checked beyond a sane cap, so old passwords still work. */
export const AnyPassword = Type.String({ minLength: 1, maxLength: 1024 });

/** Path parameters of a route that addresses one resource by id. */
export const IdParams = Type.Object({ id: Uuid });

/** A body-less 204 answer. */
export const NoContent = Type.Null({ description: 'No content' });
