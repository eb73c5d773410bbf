// Password hashing: argon2id (OWASP parameters) on libuv's thread pool, so hashing never blocks
// the event loop. Hashes imported from bcrypt systems verify and are upgraded on the next login.
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordRejected } from './errors.js';

/** @node-rs/argon2's `Algorithm.Argon2id` (a const enum, which isolated transpilers cannot inline). */
const ARGON2ID = 2;

export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export interface VerifyResult {
  ok: boolean;
  /** the stored hash is bcrypt or weaker argon2 parameters: store a fresh hash */
  needsRehash: boolean;
}

const COMMON_PASSWORDS = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** True for passwords on the zxcvbn-ts list of ~50,000 most common passwords (case-insensitive). */
export const isCommonPassword = (password: string): boolean => COMMON_PASSWORDS.has(password.toLowerCase());

export class PasswordHasher {
  private dummyHash: Promise<string>;

  constructor(private readonly params: Argon2Params) {
    // Verified against when the account does not exist, so both paths cost one argon2 verify.
    this.dummyHash = this.hash('dummy-password-for-timing');
  }

  hash(password: string): Promise<string> {
    return argon2Hash(password, { algorithm: ARGON2ID, ...this.params });
  }

  async verify(stored: string, password: string): Promise<VerifyResult> {
    if (stored.startsWith('$2')) {
      const ok = await bcrypt.compare(password, stored);
      return { ok, needsRehash: ok };
    }
    const ok = await argon2Verify(stored, password).catch(() => false);
    return { ok, needsRehash: ok && !stored.includes(`m=${this.params.memoryCost},t=${this.params.timeCost},p=${this.params.parallelism}`) };
  }

  /** Spends the same time as a real verify and always fails. */
  async verifyDummy(password: string): Promise<false> {
    await argon2Verify(await this.dummyHash, password).catch(() => false);
    return false;
  }
}

/** Passwords must not be among the most common ones, nor the account's own email. */
export function assertAcceptablePassword(password: string, email: string, field = 'password'): void {
  if (isCommonPassword(password)) {
    throw passwordRejected(field, 'password.too_common', 'This password is too common; choose another one.');
  }
  const lowered = password.toLowerCase();
  if (lowered === email || lowered === email.split('@')[0]) {
    throw passwordRejected(field, 'password.matches_email', 'The password must not be your email address.');
  }
}
