// A directory's bearer token: `scim_` and 32 random bytes (base64url). Only its SHA-256 is stored.
import { randomToken, sha256 } from '../../lib/crypto.js';

const PREFIX = 'scim_';

export const newDirectoryToken = (): string => `${PREFIX}${randomToken(32)}`;
export const looksLikeDirectoryToken = (token: string): boolean => token.startsWith(PREFIX);
export const hashDirectoryToken = (token: string): string => sha256(token);
/** What the dashboard shows to tell tokens apart: the prefix and four characters (24 bits of 256). */
export const tokenPrefix = (token: string): string => token.slice(0, PREFIX.length + 4);
