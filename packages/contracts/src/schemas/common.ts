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

/** A new password: 10–128 characters; the server also refuses the most common passwords. */
export const NewPassword = Type.String({ minLength: 10, maxLength: 128 });

/** A password as typed at login: never length-checked beyond a sane cap, so old passwords still work. */
export const AnyPassword = Type.String({ minLength: 1, maxLength: 1024 });

/** Path parameters of a route that addresses one resource by id. */
export const IdParams = Type.Object({ id: Uuid });

/** A body-less 204 answer. */
export const NoContent = Type.Null({ description: 'No content' });
