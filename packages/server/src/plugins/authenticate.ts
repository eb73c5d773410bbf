// Step 1 of every non-public request: a bearer access token → request.principal, or an
// organization API key (`sr_…`) → request.apiKey; on a SCIM route (`config.directory`) only a
// directory's bearer token (`scim_…`) → request.directory, and that token reaches nothing else.
// The token's signature is not enough: its session must still be live. The session row comes from
// this process's cache when it holds it — a revocation, suspension or profile change anywhere
// drops it (cache/invalidation.ts) before the writer answers, and within milliseconds in every
// other process — otherwise from one primary-key lookup. No bypass, in any environment.
import fp from 'fastify-plugin';
import { userTag, type ReadThroughCache } from '../cache/caches.js';
import type { Database } from '../db/client.js';
import { invalidToken, sessionRevoked, unauthenticated } from '../lib/errors.js';
import * as sessions from '../modules/sessions/service.js';
import type { Keyring } from '../modules/signing-keys/service.js';
import { looksLikeApiKey, type ApiKeysService } from '../modules/api-keys/service.js';
import { toUser } from '../modules/users/service.js';
import { accountDisabled } from '../modules/auth/errors.js';
import { looksLikeDirectoryToken } from '../modules/directories/tokens.js';
import type { DirectoryPrincipal } from '../types.js';

/** last_used_at is refreshed at most this often per session, so reads do not become writes. */
const TOUCH_INTERVAL_MS = 60_000;

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** Only a session that would pass is worth keeping: a refusal is re-read, so it can never outlive its cause. */
const usable = (row: sessions.SessionPrincipalRow) => !row.revoked && !sessions.sessionExpired(row) && row.user.is_active;

/** Resolves a directory's bearer token (one indexed lookup of its SHA-256), or throws 401. */
export type DirectoryAuthenticator = (token: string) => Promise<DirectoryPrincipal>;

const directoryTokenOnly = () => invalidToken('The SCIM endpoints accept only a directory bearer token.');
const notForDirectoryTokens = () => invalidToken('A directory token reaches only the SCIM endpoints (/scim/v2).');

export default fp<{ db: Database; keyring: Keyring; apiKeys: ApiKeysService; directories: DirectoryAuthenticator; caches: { sessions: ReadThroughCache<sessions.SessionPrincipalRow> } }>(
  async (app, { db, keyring, apiKeys, directories, caches }) => {
    const load = (sessionId: string) => () => sessions.findSessionPrincipal(db, sessionId);
    const tags = (row: sessions.SessionPrincipalRow) => [userTag(row.user_id)];

    app.decorateRequest('principal', null);
    app.decorateRequest('apiKey', null);
    app.decorateRequest('orgAccess', null);
    app.decorateRequest('directory', null);

    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.config.public || !request.routeOptions.url) return;
      const token = bearerToken(request.headers.authorization);
      if (!token) throw unauthenticated();
      // the two worlds never meet: a directory token on any other route, or any other credential on a SCIM route, is refused
      if (request.routeOptions.config.directory) {
        if (!looksLikeDirectoryToken(token)) throw directoryTokenOnly();
        request.directory = await directories(token);
        return;
      }
      if (looksLikeDirectoryToken(token)) throw notForDirectoryTokens();
      if (looksLikeApiKey(token)) {
        request.apiKey = await apiKeys.authenticate(token, (err) => request.log.warn({ err }, 'could not update api key last_used_at'));
        return;
      }
      const claims = await keyring.verify(token);
      let row = await caches.sessions.get(claims.sid, load(claims.sid), tags, usable);
      if (row && sessions.sessionExpired(row)) {
        // a cached copy may predate a refresh that extended the session: ask the database
        caches.sessions.forget(claims.sid);
        row = await load(claims.sid)();
      }
      if (!row || row.user_id !== claims.sub) throw invalidToken();
      if (row.revoked || sessions.sessionExpired(row)) throw sessionRevoked();
      if (!row.user.is_active) throw accountDisabled();
      request.principal = {
        type: 'user',
        userId: row.user_id,
        sessionId: row.session_id,
        email: row.user.email,
        isSuperuser: row.user.is_superuser,
        user: toUser(row.user),
        twoFactorEnabled: Boolean(row.mfa_enabled),
        tokenOrgId: claims.org_id,
      };
      if (Date.now() - new Date(row.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
        // the cached copy remembers the touch too (last_used_at fires no invalidation)
        row.last_used_at = new Date();
        sessions.touch(db, row.session_id).catch((err) => request.log.warn({ err }, 'could not update session last_used_at'));
      }
    });
  },
  { name: 'authenticate' },
);
