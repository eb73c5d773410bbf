// Sessions and their refresh tokens: auth writes them, the authenticate plugin reads them. The rules
// (rotation, reuse detection, revocation) live in auth/service.ts; this is the module's surface.
// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { adoptLegacyRefreshToken, classifyRefreshToken, findSessionPrincipal, insertSession, insertSessionGated, listActiveForUser, revoke, revokeAllForUser, revokeForOrganization, rotateRefreshToken, sessionExpired, setOrganization, touch } from './repository.js';
export type { RotatedSession, SessionPrincipalRow, SessionRow } from './repository.js';
