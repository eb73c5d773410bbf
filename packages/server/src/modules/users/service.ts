// A user's own profile. Rules: only the caller's own row changes; the name is stored trimmed; a
// real change and its audit row share one transaction (saving the same name again records nothing).
import type { Me, UpdateProfileBody } from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { unauthenticated } from '../../lib/errors.js';
import type { RequestContext } from '../../lib/request-context.js';
import { recordAudit } from '../audit-logs/service.js';
import * as users from './repository.js';

export class UsersService {
  /** `me` answers `GET /auth/me` (the auth service's, passed in: users sits below auth). */
  constructor(private readonly deps: { db: Database; me: (ctx: RequestContext) => Promise<Me> }) {}

  /** Changes the caller's name and answers `GET /auth/me` as it reads afterwards. */
  async updateProfile(ctx: RequestContext, body: UpdateProfileBody): Promise<Me> {
    const principal = ctx.principal;
    if (!principal) throw unauthenticated();
    const fullName = body.full_name.trim();
    const updated = await this.deps.db.transaction(async (tx) => {
      const before = await users.findByIdForUpdate(tx, principal.userId);
      if (!before) throw unauthenticated();
      if (before.full_name === fullName) return before;
      await users.update(tx, before.id, { full_name: fullName });
      await recordAudit(tx, ctx, {
        action: 'user.profile.updated',
        targetType: 'user',
        targetId: before.id,
        metadata: { changes: { full_name: { from: before.full_name, to: fullName } } },
      });
      return { ...before, full_name: fullName };
    });
    // the principal was loaded before the change: `me` must see the new name
    return this.deps.me({ ...ctx, principal: { ...principal, user: users.toUser(updated) } });
  }
}

// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { consumeToken, findByEmail, findById, findToken, insert, insertToken, listAll, markEmailVerified, toUser, update } from './repository.js';
export type { TokenPurpose, UserRow } from './repository.js';
