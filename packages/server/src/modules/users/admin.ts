// Instance superusers. Rules: made only from the CLI (never over HTTP); the password passes the
// same policy as any other; an existing account is promoted and gets the new password.
import type { Database } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import { systemContext } from '../../lib/request-context.js';
import { recordAudit } from '../audit-logs/service.js';
import { normalizeEmail } from '../../lib/email.js';
import { assertAcceptablePassword } from '../../lib/passwords.js';
import { createOrganizationWithOwner, personalOrganization } from '../organizations/service.js';
import * as users from './repository.js';

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
