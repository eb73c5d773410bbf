// Password reset and email verification by emailed single-use tokens. Rules: tokens are 256-bit,
// stored as SHA-256, single use; a new one kills the earlier ones; forgot-password answers the same
// way whether or not the account exists (the work happens after the answer); a reset ends every
// session and clears the lockout. Each change, its audit row and its email share one transaction.
import type { Database, Executor } from '../../db/client.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { newId } from '../../lib/ids.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import type { RequestContext } from '../../lib/request-context.js';
import { recordAudit } from '../audit-logs/service.js';
import { passwordChangedEmail, passwordResetEmail, verificationEmail, type Branding, type Mailer } from '../mail/service.js';
import * as twoFactor from '../two-factor/service.js';
import * as sessions from '../sessions/service.js';
import * as users from '../users/service.js';
import { forgiveAccount } from '../lockout/service.js';
import { normalizeEmail } from '../../lib/email.js';
import { assertAcceptablePassword } from '../../lib/passwords.js';
import { invalidLink, expiredLink } from './errors.js';

const RESET_TTL_SECONDS = 3600;
const VERIFY_TTL_SECONDS = 86_400;

export interface EmailTokenDeps {
  db: Database;
  hasher: PasswordHasher;
  mailer: Mailer;
  brand: Branding;
  mailEnqueued: () => void;
  log: { error(obj: object, msg: string): void };
}

export class EmailTokensService {
  constructor(private readonly deps: EmailTokenDeps) {}

  /** Enqueues a verification email for the user (in the caller's transaction). */
  async sendVerification(tx: Executor, ctx: RequestContext, user: { id: string; email: string; full_name: string }): Promise<void> {
    const token = randomToken();
    // the token and its email in one statement
    const email = this.deps.mailer.enqueueWith('email_verification', user.email, verificationEmail(this.deps.brand, { fullName: user.full_name, token }));
    await users.insertToken(tx, { id: newId(), user_id: user.id, purpose: 'email_verification', token_hash: sha256(token), expires_at: new Date(Date.now() + VERIFY_TTL_SECONDS * 1000) }, (inserted) => [email(inserted)]);
    await recordAudit(tx, ctx, { action: 'user.email.verification_sent', actor: { userId: user.id, email: user.email }, targetType: 'user', targetId: user.id });
  }

  async resendVerification(ctx: RequestContext, userId: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const user = await users.findById(tx, userId);
      if (!user || user.email_verified_at) return;
      await this.sendVerification(tx, ctx, user);
    });
    this.deps.mailEnqueued();
  }

  async verifyEmail(ctx: RequestContext, token: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const row = await this.consume(tx, 'email_verification', token);
      const user = await users.findById(tx, row.user_id);
      if (!user) throw invalidLink();
      await users.markEmailVerified(tx, user.id);
      await recordAudit(tx, ctx, { action: 'user.email.verified', actor: { userId: user.id, email: user.email }, targetType: 'user', targetId: user.id });
    });
  }

  /**
   * Always answers at once; the lookup and the email happen afterwards, so neither the answer nor
   * its timing tells whether the account exists.
   */
  requestPasswordReset(ctx: RequestContext, rawEmail: string): void {
    const email = normalizeEmail(rawEmail);
    setImmediate(() => {
      this.sendPasswordReset(ctx, email).catch((err: unknown) => this.deps.log.error({ err }, 'could not send password reset email'));
    });
  }

  /** The deferred half of requestPasswordReset (exported for tests that need to await it). */
  async sendPasswordReset(ctx: RequestContext, email: string): Promise<void> {
    const sent = await this.deps.db.transaction(async (tx) => {
      const user = await users.findByEmail(tx, email);
      if (!user || !user.is_active) return false;
      const token = randomToken();
      const resetEmail = this.deps.mailer.enqueueWith('password_reset', user.email, passwordResetEmail(this.deps.brand, { fullName: user.full_name, token }));
      await users.insertToken(tx, { id: newId(), user_id: user.id, purpose: 'password_reset', token_hash: sha256(token), expires_at: new Date(Date.now() + RESET_TTL_SECONDS * 1000) }, (inserted) => [resetEmail(inserted)]);
      await recordAudit(tx, ctx, { action: 'user.password.reset_requested', actor: { userId: user.id, email: user.email }, targetType: 'user', targetId: user.id });
      return true;
    });
    if (sent) this.deps.mailEnqueued();
  }

  /**
   * Whether a reset link still works, without using it: the page says "expired or already used"
   * before the person types a new password twice. The token is 256 random bits, so answering
   * reveals nothing a guesser could use.
   */
  async checkPasswordReset(token: string): Promise<void> {
    const row = await users.findToken(this.deps.db, 'password_reset', sha256(token));
    if (!row) throw invalidLink();
    if (row.used_at || row.expires_at <= new Date()) throw expiredLink();
  }

  async resetPassword(ctx: RequestContext, token: string, newPassword: string): Promise<void> {
    const row = await users.findToken(this.deps.db, 'password_reset', sha256(token));
    if (!row) throw invalidLink();
    const user = await users.findById(this.deps.db, row.user_id);
    if (!user) throw invalidLink();
    assertAcceptablePassword(newPassword, user.email, 'new_password');
    const passwordHash = await this.deps.hasher.hash(newPassword);
    await this.deps.db.transaction(async (tx) => {
      await this.consume(tx, 'password_reset', token);
      await users.update(tx, user.id, { password_hash: passwordHash });
      const ended = await sessions.revokeAllForUser(tx, user.id, 'password_reset');
      // following the emailed link proves the inbox
      await users.markEmailVerified(tx, user.id);
      const factor = await twoFactor.find(tx, user.id);
      const twoFactorEnrolledAt = factor?.enabled_at ?? null;
      // never silent: the owner hears of the reset, and of a second factor that stays on
      await this.deps.mailer.enqueue(tx, 'password_changed', user.email, passwordChangedEmail(this.deps.brand, { twoFactorEnrolledAt }));
      // at once, then the lockouts: the account's chain head before its lockout rows, the order a
      // login's one statement takes them in
      await recordAudit(tx, ctx, {
        action: 'user.password.reset', actor: { userId: user.id, email: user.email }, targetType: 'user', targetId: user.id,
        metadata: { sessions_ended: ended, two_factor_enabled: Boolean(twoFactorEnrolledAt) },
      }, { now: true });
      // the inbox is proven: the account's password lockouts (every source) are lifted
      await forgiveAccount(tx, user.email);
    });
    this.deps.mailEnqueued();
  }

  /** Step: the token exists, is unexpired and unused — and is now used. */
  private async consume(tx: Executor, purpose: users.TokenPurpose, token: string) {
    const row = await users.findToken(tx, purpose, sha256(token));
    if (!row) throw invalidLink();
    if (row.used_at || row.expires_at <= new Date()) throw expiredLink();
    if (!(await users.consumeToken(tx, row.id))) throw expiredLink();
    return row;
  }
}
