// A user's own profile. Rules: only the caller's own row changes; the name is stored trimmed; a
// real change and its audit row share one transaction (saving the same name again records nothing).
import type { Me, UpdateProfileBody, User } from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { decodeCursor, page } from '../../lib/cursor.js';
import { unauthenticated } from '../../lib/errors.js';
import { normalizeEmail } from '../../lib/email.js';
import { newId } from '../../lib/ids.js';
import { assertAcceptablePassword, type PasswordHasher } from '../../lib/passwords.js';
import { systemContext, type RequestContext } from '../../lib/request-context.js';
import { recordAudit } from '../audit-logs/service.js';
import { createOrganizationWithOwner, personalOrganization } from '../organizations/service.js';
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

/** Every user, a page at a time (the superusers' view; `reader` may be the read replica). */
export async function listAllUsers(reader: Database, query: { limit?: number; cursor?: string; search?: string }): Promise<{ items: User[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await users.listAll(reader, { limit, afterId: decodeCursor(query.cursor), search: query.search });
  const { items, nextCursor } = page(rows, limit);
  return { items: items.map(users.toUser), nextCursor };
}

/**
 * An instance superuser. Rules: made only from the CLI (never over HTTP); the password passes the
 * same policy as any other; an existing account is promoted and gets the new password.
 */
export async function createAdmin(
  db: Database,
  hasher: PasswordHasher,
  input: { email: string; password: string; fullName: string },
): Promise<{ created: boolean; email: string }> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error('--email is not an email address');
  if (input.password.length < 10 || input.password.length > 128) throw new Error('the password must be 10 to 128 characters');
  assertAcceptablePassword(input.password, email);
  const passwordHash = await hasher.hash(input.password);
  const ctx = systemContext('cli');
  return db.transaction(async (tx) => {
    const existing = await users.findByEmail(tx, email);
    const user = existing ?? (await users.insert(tx, { id: newId(), email, password_hash: passwordHash, full_name: input.fullName }));
    if (existing) {
      await users.update(tx, existing.id, { is_superuser: true, password_hash: passwordHash });
    } else {
      await users.update(tx, user.id, { is_superuser: true });
      await createOrganizationWithOwner(tx, ctx, { userId: user.id, email }, personalOrganization(input.fullName));
    }
    await recordAudit(tx, ctx, { action: 'admin.created', targetType: 'user', targetId: user.id, metadata: { email, promoted: Boolean(existing) } });
    return { created: !existing, email };
  });
}

// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { consumeToken, deleteAccount, findByEmail, findById, findByIdForUpdate, findToken, insert, insertToken, lockAccountCounts, markEmailVerified, toUser, update } from './repository.js';
export type { TokenPurpose, UserRow } from './repository.js';
