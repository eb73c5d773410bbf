// Two-factor authentication (TOTP + backup codes). Rules: the secret is encrypted at rest and
// nothing is enabled until a first code is confirmed; a new setup replaces an unconfirmed one;
// a code is accepted once (the last used time step is remembered, atomically); backup codes are
// single use, stored as HMAC-SHA256 under MASTER_KEY, shown once; enabling needs the password (a
// stolen access token must not enrol its own authenticator) and ends the user's other sessions;
// disabling or regenerating needs the password and a current code. Every password and code check
// counts toward the lockout (modules/lockout). Each change and its audit row share one transaction.
import { createHmac, randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { MfaSetupResponse } from '@saasready/contracts';
import type { Database, Executor } from '../../db/client.js';
import { decryptSecret, encryptSecret } from '../../lib/crypto.js';
import { newId } from '../../lib/ids.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import type { RequestContext } from '../../lib/request-context.js';
import { matchTotpStep, newTotpSecret, totp } from '../../lib/totp.js';
import type { UserPrincipal } from '../../types.js';
import { recordAudit } from '../audit-logs/service.js';
import type { LockoutService } from '../lockout/service.js';
import * as sessions from '../sessions/service.js';
import * as users from '../users/service.js';
import * as repository from './repository.js';
import { invalidCode, alreadyEnabled, notEnabled, userNotFound, setupRequired, wrongPassword } from './errors.js';

const BACKUP_CODES = 10;
/** unambiguous characters: no 0/O, 1/I/L */
const BACKUP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export interface TwoFactorDeps {
  db: Database;
  masterKey: Buffer;
  issuer: string;
  hasher: PasswordHasher;
  lockout: LockoutService;
}

export class TwoFactorService {
  constructor(private readonly deps: TwoFactorDeps) {}

  private seal = (userId: string, secret: string) => encryptSecret(this.deps.masterKey, secret, `user_mfa:${userId}`);
  private open = (row: repository.UserMfaRow) => decryptSecret(this.deps.masterKey, row.secret_enc, `user_mfa:${row.user_id}`);
  private hashBackupCode = (userId: string, code: string) =>
    createHmac('sha256', this.deps.masterKey).update(`${userId}:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`).digest('hex');

  async isEnabled(ex: Executor, userId: string): Promise<boolean> {
    return Boolean((await repository.find(ex, userId))?.enabled_at);
  }

  async setup(principal: UserPrincipal): Promise<MfaSetupResponse> {
    if (await this.isEnabled(this.deps.db, principal.userId)) throw alreadyEnabled();
    const secret = newTotpSecret();
    await repository.upsertPending(this.deps.db, principal.userId, this.seal(principal.userId, secret));
    const url = totp(secret, principal.email, this.deps.issuer).toString();
    return { secret, otpauth_url: url, qr_code: await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) };
  }

  async verify(ctx: RequestContext, principal: UserPrincipal, code: string, password: string): Promise<string[]> {
    await this.assertPassword(ctx, principal.userId, password);
    return this.deps.db.transaction(async (tx) => {
      const row = await repository.find(tx, principal.userId);
      if (!row) throw setupRequired();
      if (row.enabled_at) throw alreadyEnabled();
      if (!(await this.useTotp(tx, row, code))) throw invalidCode();
      await repository.enable(tx, principal.userId);
      const codes = await this.issueBackupCodes(tx, principal.userId);
      // whoever held a session before the second factor existed must now pass it
      const ended = await sessions.revokeAllForUser(tx, principal.userId, '2fa_enabled', principal.sessionId);
      await recordAudit(tx, ctx, { action: 'user.2fa.enabled', targetType: 'user', targetId: principal.userId, metadata: { other_sessions_ended: ended } });
      return codes;
    });
  }

  async regenerateBackupCodes(ctx: RequestContext, principal: UserPrincipal, password: string, code: string): Promise<string[]> {
    const user = await this.assertPassword(ctx, principal.userId, password);
    const outcome = await this.guardCode(ctx, user, 'backup_codes', (tx, row) => this.useTotp(tx, row, code), async (tx) => {
      const codes = await this.issueBackupCodes(tx, principal.userId);
      await recordAudit(tx, ctx, { action: 'user.2fa.backup_codes.regenerated', targetType: 'user', targetId: principal.userId });
      return codes;
    });
    return outcome;
  }

  async disable(ctx: RequestContext, principal: UserPrincipal, password: string, code: string): Promise<void> {
    const user = await this.assertPassword(ctx, principal.userId, password);
    await this.guardCode(ctx, user, 'disable', (tx, row) => this.useSecondFactor(tx, ctx, row, { code, backupCode: code }), async (tx) => {
      await repository.delete(tx, principal.userId);
      await recordAudit(tx, ctx, { action: 'user.2fa.disabled', targetType: 'user', targetId: principal.userId });
    });
  }

  /**
   * Step: a code check on an enabled factor, under the second-factor lockout; `then` runs in the
   * same transaction when it verifies. A wrong code is audited and answered `mfa.invalid_code`.
   */
  private async guardCode<T>(
    ctx: RequestContext,
    user: users.UserRow,
    purpose: 'disable' | 'backup_codes',
    check: (tx: Executor, row: repository.UserMfaRow) => Promise<boolean>,
    then: (tx: Executor) => Promise<T>,
  ): Promise<T> {
    const outcome = await this.deps.lockout.guard(ctx, { kind: 'second_factor', user }, () =>
      this.deps.db.transaction(async (tx) => {
        const row = await repository.find(tx, user.id);
        if (!row?.enabled_at) throw notEnabled();
        if (!(await check(tx, row))) return { ok: false as const };
        return { ok: true as const, value: await then(tx) };
      }),
    );
    if (outcome.ok) return outcome.value;
    await recordAudit(this.deps.db, ctx, { action: 'user.2fa.verification_failed', targetType: 'user', targetId: user.id, metadata: { purpose } });
    throw invalidCode();
  }

  /**
   * The recovery path of a user who lost their authenticator and backup codes (or found one they
   * never enrolled): an instance superuser removes the factor; every session of the user ends.
   */
  /** Whether the user has a confirmed factor, and since when (the superuser's user page). */
  async status(ex: Executor, userId: string): Promise<{ enabled: boolean; enabled_at: Date | null }> {
    const row = await repository.find(ex, userId);
    return { enabled: !!row?.enabled_at, enabled_at: row?.enabled_at ?? null };
  }

  async resetBySuperuser(ctx: RequestContext, userId: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const user = await users.findById(tx, userId);
      if (!user) throw userNotFound();
      if (!(await repository.find(tx, userId))?.enabled_at) throw notEnabled();
      await repository.delete(tx, userId);
      const ended = await sessions.revokeAllForUser(tx, userId, '2fa_reset');
      await recordAudit(tx, ctx, { action: 'user.2fa.reset', targetType: 'user', targetId: userId, metadata: { email: user.email, sessions_ended: ended } });
    });
  }

  /**
   * The login step: checks a TOTP code or a backup code against the user's enabled factor,
   * spending it. Returns false for anything that does not verify.
   */
  async verifyLoginFactor(tx: Executor, ctx: RequestContext, userId: string, factor: { code?: string; backupCode?: string }): Promise<boolean> {
    const row = await repository.find(tx, userId);
    if (!row?.enabled_at) return false;
    return this.useSecondFactor(tx, ctx, row, factor);
  }

  /** Step: a TOTP code, else a backup code (audited when used). */
  private async useSecondFactor(tx: Executor, ctx: RequestContext, row: repository.UserMfaRow, factor: { code?: string; backupCode?: string }): Promise<boolean> {
    if (factor.code && /^\s*\d{3}\s?\d{3}\s*$/.test(factor.code) && (await this.useTotp(tx, row, factor.code))) return true;
    if (factor.backupCode && (await repository.useBackupCode(tx, row.user_id, this.hashBackupCode(row.user_id, factor.backupCode)))) {
      const user = await users.findById(tx, row.user_id);
      await recordAudit(tx, ctx, { action: 'user.2fa.backup_code.used', actor: user ? { userId: user.id, email: user.email } : null, targetType: 'user', targetId: row.user_id });
      return true;
    }
    return false;
  }

  /** Step: the code matches a step within ±1 of now, and that step was not used before (no replay). */
  private async useTotp(tx: Executor, row: repository.UserMfaRow, code: string): Promise<boolean> {
    const step = matchTotpStep(this.open(row), code);
    return step !== null && (await repository.useStep(tx, row.user_id, step));
  }

  private async issueBackupCodes(tx: Executor, userId: string): Promise<string[]> {
    const codes = Array.from({ length: BACKUP_CODES }, () => {
      const chars = Array.from({ length: 8 }, () => BACKUP_ALPHABET[randomInt(BACKUP_ALPHABET.length)]).join('');
      return `${chars.slice(0, 4)}-${chars.slice(4)}`;
    });
    await repository.replaceBackupCodes(tx, userId, codes.map((c) => ({ id: newId(), code_hash: this.hashBackupCode(userId, c) })));
    return codes;
  }

  /** Step: the account's password, under the login lockout; a wrong one is audited. */
  private async assertPassword(ctx: RequestContext, userId: string, password: string): Promise<users.UserRow> {
    const user = await users.findById(this.deps.db, userId);
    if (!user) throw wrongPassword();
    const verdict = await this.deps.lockout.guard(ctx, { kind: 'password', email: user.email, user }, () => this.deps.hasher.verify(user.password_hash, password));
    if (!verdict.ok) {
      await recordAudit(this.deps.db, ctx, { action: 'user.password.verification_failed', targetType: 'user', targetId: user.id, metadata: { purpose: 'two_factor' } });
      throw wrongPassword();
    }
    return user;
  }
}

// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { find, findChallenge, insertChallenge } from './repository.js';
