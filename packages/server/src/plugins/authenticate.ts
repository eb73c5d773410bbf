// Step 1 of every non-public request: a bearer access token → request.principal, or an
// organization API key (`sr_…`) → request.apiKey.
// The token's signature is not enough: its session must still be live (one primary-key lookup),
// so logout and revocation take effect on the very next request. No bypass, in any environment.
import fp from 'fastify-plugin';
import type { Database } from '../db/client.js';
import { AppError, invalidToken, sessionRevoked, unauthenticated } from '../lib/errors.js';
import * as sessions from '../modules/sessions/repository.js';
import type { Keyring } from '../modules/signing-keys/service.js';
import { looksLikeApiKey, type ApiKeysService } from '../modules/api-keys/service.js';
import { toUser } from '../modules/users/repository.js';

/** last_used_at is refreshed at most this often per session, so reads do not become writes. */
const TOUCH_INTERVAL_MS = 60_000;

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

export default fp<{ db: Database; keyring: Keyring; apiKeys: ApiKeysService }>(
  async (app, { db, keyring, apiKeys }) => {
    app.decorateRequest('principal', null);
    app.decorateRequest('apiKey', null);
    app.decorateRequest('orgAccess', null);

    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.config.public || !request.routeOptions.url) return;
      const token = bearerToken(request.headers.authorization);
      if (!token) throw unauthenticated();
      if (looksLikeApiKey(token)) {
        request.apiKey = await apiKeys.authenticate(token, (err) => request.log.warn({ err }, 'could not update api key last_used_at'));
        return;
      }
      const claims = await keyring.verify(token);
      const row = await sessions.findSessionPrincipal(db, claims.sid);
      if (!row || row.user_id !== claims.sub) throw invalidToken();
      if (row.revoked || row.expired) throw sessionRevoked();
      if (!row.user.is_active) throw new AppError('auth.account_disabled', 'Account disabled', 'This account has been disabled.');
      request.principal = {
        type: 'user',
        userId: row.user_id,
        sessionId: row.session_id,
        email: row.user.email,
        isSuperuser: row.user.is_superuser,
        user: toUser(row.user),
        mfaEnabled: Boolean(row.mfa_enabled),
        tokenOrgId: claims.org_id,
      };
      if (Date.now() - new Date(row.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
        sessions.touch(db, row.session_id).catch((err) => request.log.warn({ err }, 'could not update session last_used_at'));
      }
    });
  },
  { name: 'authenticate' },
);
