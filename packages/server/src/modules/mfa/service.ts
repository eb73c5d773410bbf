// Two-factor authentication (TOTP + backup codes). Rules: the secret is encrypted at rest and
// nothing is enabled until a first code is confirmed; a new setup replaces an unconfirmed one;
// a code is accepted once (the last used time step is remembered, atomically); backup codes are
// single use, stored as HMAC-SHA256 under MASTER_KEY, shown once; disabling or regenerating needs
// the password and a current code. Each change and its audit row share one transaction.
import { createHmac, randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { MfaSetupResponse } from '@saasready/contracts';
import type { Database, Executor } from '../../db/client.js';
import { decryptSecret, encryptSecret } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import type { RequestContext } from '../../lib/request-context.js';
import { matchTotpStep, newTotpSecret, totp } from '../../lib/totp.js';
import type { UserPrincipal } from '../../types.js';
import { recordAudit } from '../audit-logs/service.js';
import * as users from '../users/repository.js';
import * as repository from './repository.js';

const BACKUP_CODES = 10;
/** unambiguous characters: no 0/O, 1/I/L */
const BACKUP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export const invalidCode = () => new AppError('mfa.invalid_code', 'Invalid code', 'That code is not valid (or was already used). Try the next one.');
const alreadyEnabled = () => new AppError('mfa.already_enabled', 'Two-factor already enabled', 'Disable it first to enrol a new authenticator.');
const notEnabled = () => new AppError('mfa.not_enabled', 'Two-factor not enabled');
const setupRequired = () => new AppError('mfa.setup_required', 'Setup required', 'Start with POST /auth/2fa/setup.');
const wrongPassword = () =>
  new AppError('auth.password_rejected', 'Password not accepted', 'The password is incorrect.', {
    errors: [{ field: '/password', code: 'password.incorrect', message: 'The password is incorrect.' }],
  });

export interface MfaDeps {
  db: Database;
  masterKey: Buffer;
  issuer: string;
  hasher: PasswordHasher;
}

export class MfaService {
  constructor(private readonly deps: MfaDeps) {}

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

  async verify(ctx: RequestContext, principal: UserPrincipal, code: string): Promise<string[]> {
    return this.deps.db.transaction(async (tx) => {
      const row = await repository.find(tx, principal.userId);
      if (!row) throw setupRequired();
      if (row.enabled_at) throw alreadyEnabled();
      if (!(await this.useTotp(tx, row, code))) throw invalidCode();
      await repository.enable(tx, principal.userId);
      const codes = await this.issueBackupCodes(tx, principal.userId);
      await recordAudit(tx, ctx, { action: 'user.2fa.enabled', targetType: 'user', targetId: principal.userId });
      return codes;
    });
  }

  async regenerateBackupCodes(ctx: RequestContext, principal: UserPrincipal, password: string, code: string): Promise<string[]> {
    await this.assertPassword(principal.userId, password);
    return this.deps.db.transaction(async (tx) => {
      const row = await repository.find(tx, principal.userId);
      if (!row?.enabled_at) throw notEnabled();
      if (!(await this.useTotp(tx, row, code))) throw invalidCode();
      const codes = await this.issueBackupCodes(tx, principal.userId);
      await recordAudit(tx, ctx, { action: 'user.2fa.backup_codes.regenerated', targetType: 'user', targetId: principal.userId });
      return codes;
    });
  }

  async disable(ctx: RequestContext, principal: UserPrincipal, password: string, code: string): Promise<void> {
    await this.assertPassword(principal.userId, password);
    await this.deps.db.transaction(async (tx) => {
      const row = await repository.find(tx, principal.userId);
      if (!row?.enabled_at) throw notEnabled();
      if (!(await this.useSecondFactor(tx, ctx, row, { code, backupCode: code }))) throw invalidCode();
      await repository.remove(tx, principal.userId);
      await recordAudit(tx, ctx, { action: 'user.2fa.disabled', targetType: 'user', targetId: principal.userId });
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

  private async assertPassword(userId: string, password: string): Promise<void> {
    const user = await users.findById(this.deps.db, userId);
    if (!user || !(await this.deps.hasher.verify(user.password_hash, password)).ok) throw wrongPassword();
  }
}
