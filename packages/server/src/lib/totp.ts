// TOTP per RFC 6238 (SHA-1, 6 digits, 30-second steps) via `otpauth`, accepting ±1 step of drift.
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD = 30;

/** A new 160-bit secret, base32 (what authenticator apps expect). */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export function totp(secretBase32: string, label = '', issuer = ''): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** The time step the code belongs to (within ±1 of now), or null when it matches none. */
export function matchTotpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  const delta = totp(secretBase32).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / TOTP_PERIOD) + delta;
}
