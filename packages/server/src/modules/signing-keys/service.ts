// The JWT keyring. Rules: the newest un-retired key signs; a retired key stays verifiable (and in
// the JWKS) until every token it signed has expired; private keys exist only encrypted at rest;
// verification pins the algorithm to the one stored with the key id.
import { LRUCache } from 'lru-cache';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, errors as joseErrors, type JWK, type JWTPayload } from 'jose';
import type { AccessTokenClaims } from '@saasready/contracts';
import type { JwtAlg } from '../../config.js';
import type { Database } from '../../db/client.js';
import { decryptSecret, encryptSecret, randomToken } from '../../lib/crypto.js';
import { invalidToken, tokenExpired } from '../../lib/errors.js';
import { systemContext } from '../../lib/request-context.js';
import { recordAudit } from '../audit-logs/service.js';
import * as repository from './repository.js';

type Key = Awaited<ReturnType<typeof importJWK>>;

interface VerifyKey {
  alg: JwtAlg;
  key: Key;
  publicJwk: JWK;
}

export interface KeyringOptions {
  masterKey: Buffer;
  alg: JwtAlg;
  /** seconds: how long a retired key must remain verifiable */
  accessTokenTtl: number;
  issuer: string;
  audience: string;
}

/** Unknown key ids trigger at most one reload from the database per this many ms. */
const RELOAD_THROTTLE_MS = 1_000;
/** Clock skew tolerated on exp/iat, seconds. */
const CLOCK_TOLERANCE = 5;
/** Access tokens whose signature this process has checked, kept for their lifetime at most. */
const VERIFIED_TOKENS = 10_000;

export class Keyring {
  private signer: { kid: string; alg: JwtAlg; key: Key } | null = null;
  private verifyKeys = new Map<string, VerifyKey>();
  private lastReload = 0;
  private reloading: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /**
   * Tokens already verified, by their exact text: a client presenting the same access token again
   * (most requests) skips the signature check, a third of an authenticated request's CPU. Only a
   * token that passed every check is kept; a hit still needs its key in the keyring and an unexpired
   * `exp`, so a key dropped from the keyring takes its tokens with it.
   */
  private readonly verified = new LRUCache<string, { kid: string; claims: AccessTokenClaims }>({ max: VERIFIED_TOKENS });

  constructor(
    private readonly db: Database,
    private readonly options: KeyringOptions,
  ) {}

  /** Loads the keys, creating the first one on a fresh database; refreshes them every minute. */
  async init(): Promise<void> {
    await this.reload();
    if (!this.signer) await this.addKey(false);
    this.timer = setInterval(() => void this.reload().catch(() => {}), 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Adds a new signing key and retires the current one (which stays verifiable). Returns the new kid. */
  async rotate(): Promise<string> {
    return this.addKey(true);
  }

  private async addKey(retireOthers: boolean): Promise<string> {
    const { alg } = this.options;
    const kid = randomToken(12);
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
    const privateJwk = JSON.stringify(await exportJWK(privateKey));
    await this.db.transaction(async (tx) => {
      // processes starting together on a fresh database (start --workers N) each find no key: one makes it
      await repository.lockKeys(tx);
      if (retireOthers) await repository.retireCurrent(tx);
      else if (await repository.hasCurrent(tx)) return;
      await repository.insert(tx, {
        kid,
        alg,
        public_jwk: publicJwk,
        private_key_enc: encryptSecret(this.options.masterKey, privateJwk, `signing_key:${kid}`),
      });
      if (retireOthers) await recordAudit(tx, systemContext('keys-rotate'), { action: 'signing_key.rotated', targetType: 'signing_key', targetId: kid, metadata: { alg } });
    });
    await this.reload();
    return kid;
  }

  /** Reloads unless the keys were read less than `maxAgeMs` ago (the JWKS endpoint uses it). */
  async reloadIfOlderThan(maxAgeMs: number): Promise<void> {
    if (Date.now() - this.lastReload > maxAgeMs) await this.reload();
  }

  /** Re-reads the keys from the database (picks up rotations made by other processes). */
  reload(): Promise<void> {
    this.reloading ??= this.doReload().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  private async doReload(): Promise<void> {
    this.lastReload = Date.now();
    const rows = await repository.listAll(this.db);
    const horizon = Date.now() - (this.options.accessTokenTtl + 60) * 1000;
    const verifyKeys = new Map<string, VerifyKey>();
    let signer: typeof this.signer = null;
    for (const row of rows) {
      if (row.retired_at && row.retired_at.getTime() < horizon) continue;
      const alg = row.alg as JwtAlg;
      const existing = this.verifyKeys.get(row.kid);
      verifyKeys.set(row.kid, existing ?? { alg, key: await importJWK(row.public_jwk as JWK, alg), publicJwk: row.public_jwk as JWK });
      // rows are newest first: the first un-retired key is the signer
      if (!signer && !row.retired_at) {
        const reuse = this.signer?.kid === row.kid ? this.signer : null;
        signer = reuse ?? {
          kid: row.kid,
          alg,
          key: await importJWK(JSON.parse(this.decryptPrivateKey(row)), alg),
        };
      }
    }
    this.verifyKeys = verifyKeys;
    this.signer = signer;
  }

  private decryptPrivateKey(row: repository.SigningKeyRow): string {
    try {
      return decryptSecret(this.options.masterKey, row.private_key_enc, `signing_key:${row.kid}`);
    } catch {
      throw new Error(`Cannot decrypt signing key ${row.kid}: MASTER_KEY is not the key this database was set up with.`);
    }
  }

  /** `issuedAt` (epoch seconds) is for tests and tools that need a token from the past. */
  async sign(
    claims: { sub: string; sid: string; org_id: string | null; org_role?: string | null; permissions?: readonly string[]; two_factor_setup_required?: boolean },
    issuedAt = Math.floor(Date.now() / 1000),
  ): Promise<string> {
    if (!this.signer) throw new Error('keyring not initialised');
    const { kid, alg, key } = this.signer;
    return new SignJWT({
      sid: claims.sid,
      org_id: claims.org_id,
      org_role: claims.org_role ?? null,
      permissions: [...(claims.permissions ?? [])],
      // present only when true: most tokens stay as they were
      ...(claims.two_factor_setup_required ? { two_factor_setup_required: true } : {}),
    })
      .setProtectedHeader({ alg, kid, typ: 'at+jwt' })
      .setSubject(claims.sub)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.options.accessTokenTtl)
      .setJti(randomToken(16))
      .sign(key);
  }

  /** Verifies an access token; throws AppError `auth.token_expired` or `auth.invalid_token`. */
  async verify(token: string): Promise<AccessTokenClaims> {
    const known = this.verified.get(token);
    if (known && this.verifyKeys.has(known.kid)) {
      // the same expiry rule as jose's (exp with the tolerated skew)
      if (known.claims.exp <= Math.floor(Date.now() / 1000) - CLOCK_TOLERANCE) throw tokenExpired();
      return known.claims;
    }
    let kid = '';
    try {
      const { payload } = await jwtVerify(token, (header) => ((kid = header.kid ?? ''), this.keyFor(header.kid, header.alg)), {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['ES256', 'EdDSA'],
        typ: 'at+jwt',
        clockTolerance: CLOCK_TOLERANCE,
        requiredClaims: ['sub', 'sid', 'exp', 'iat', 'jti'],
      });
      // shared by every request that presents this token: frozen, so none can change another's
      const claims = toClaims(payload);
      Object.freeze(claims.permissions);
      Object.freeze(claims);
      const lifetimeMs = (claims.exp + CLOCK_TOLERANCE) * 1000 - Date.now();
      if (lifetimeMs > 0) this.verified.set(token, { kid, claims }, { ttl: lifetimeMs });
      return claims;
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw tokenExpired();
      throw invalidToken();
    }
  }

  private async keyFor(kid: string | undefined, alg: string | undefined): Promise<Key> {
    if (!kid) throw new Error('no kid');
    let entry = this.verifyKeys.get(kid);
    if (!entry && Date.now() - this.lastReload > RELOAD_THROTTLE_MS) {
      await this.reload();
      entry = this.verifyKeys.get(kid);
    }
    // Pin the algorithm to the key's own: a token cannot choose how it is verified.
    if (!entry || entry.alg !== alg) throw new Error('unknown key');
    return entry.key;
  }

  /** The public JSON Web Key Set (current and still-verifiable keys). */
  jwks(): { keys: JWK[] } {
    return { keys: [...this.verifyKeys.values()].map((k) => k.publicJwk) };
  }
}

function toClaims(payload: JWTPayload): AccessTokenClaims {
  if (typeof payload.sid !== 'string') throw new Error('sid missing');
  return {
    iss: payload.iss!,
    aud: Array.isArray(payload.aud) ? payload.aud[0]! : payload.aud!,
    sub: payload.sub!,
    sid: payload.sid,
    org_id: typeof payload.org_id === 'string' ? payload.org_id : null,
    org_role: typeof payload.org_role === 'string' ? payload.org_role : null,
    permissions: Array.isArray(payload.permissions) ? payload.permissions.filter((p): p is string => typeof p === 'string') : [],
    ...(payload.two_factor_setup_required === true ? { two_factor_setup_required: true } : {}),
    iat: payload.iat!,
    exp: payload.exp!,
    jti: payload.jti!,
  };
}
