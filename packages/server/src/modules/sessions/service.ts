// Sessions and their refresh tokens: auth writes them, the authenticate plugin reads them. The rules
// (rotation, reuse detection, revocation) live in auth/service.ts; this is the module's surface.
// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { extend, findRefreshToken, findSessionPrincipal, insertRefreshToken, insertSession, listActiveForUser, markRotated, revoke, revokeAllForUser, sessionExpired, setOrganization, touch } from './repository.js';
export type { SessionPrincipalRow, SessionRow } from './repository.js';
