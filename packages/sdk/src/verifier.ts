import { createRemoteJWKSet, customFetch, errors as joseErrors, jwtVerify } from 'jose';

/**
 * Who is calling a relying app, from a verified SaaSReady access token (or an API key checked by
 * the server).
 */
export interface VerifiedCaller {
  kind: 'user' | 'api_key';
  /** the user id (`sub`); null for API keys */
  userId: string | null;
  /** the session id (`sid`); null for API keys */
  sessionId: string | null;
  /** the organization the token (or key) is scoped to */
  orgId: string | null;
  /** the role in orgId when the token was issued; `api_key` for keys */
  role: string | null;
  permissions: ReadonlySet<string>;
  /**
   * True when orgId requires two-factor authentication and the user had not enabled it when the
   * token was issued (claim `two_factor_setup_required`). Such a token has no role and no
   * permissions; it still says who the user is, so the app can send them to 2FA setup. Every
   * org-scoped check (`hasPermission`, the guards' `requireOrg`/`requirePermission`) refuses it
   * with code `two_factor_required`.
   */
  twoFactorSetupRequired: boolean;
  /** the raw claims (user tokens) */
  claims: Record<string, unknown>;
}

export interface VerifierOptions {
  /** the server's PUBLIC_URL (the `iss` claim) */
  issuer: string;
  /** JWT_AUDIENCE on the server (default `saasready`) */
  audience?: string;
  /** defaults to `${issuer}/.well-known/jwks.json` */
  jwksUrl?: string;
  /**
   * Ask the server on each check (`POST /orgs/{id}/authorize`, or `GET /auth/me` for a token
   * without an organization; cached for `strictCacheMs`) instead of trusting the token, which may
   * be up to ACCESS_TOKEN_TTL old. The server's answer also covers what a token cannot know: a
   * session that was signed out or revoked (`hasPermission`/`checkSession` throw
   * `VerificationError` code `revoked`; every guard answers 401 `auth.session_revoked`), a removed
   * member, and an organization that started requiring 2FA (the guards answer 403
   * `two_factor_required`).
   */
  strict?: boolean;
  strictCacheMs?: number;
  /** accept `Bearer sr_…` API keys, verified by the server (cached for `apiKeyCacheMs`) */
  acceptApiKeys?: boolean;
  apiKeyCacheMs?: number;
  /** the server's base URL for strict checks and API keys (defaults to issuer) */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/**
 * Thrown by `verify` for a missing, invalid or expired credential, and by `hasPermission` with
 * code `two_factor_required` for a caller whose organization requires 2FA they have not set up
 * (the same code the SaaSReady API answers with in that case).
 *
 * @example
 * ```ts
 * try {
 *   if (!(await verifier.hasPermission(caller, 'org.update', token))) return forbid();
 * } catch (err) {
 *   if (err instanceof VerificationError && err.code === 'two_factor_required') return redirect('/settings/2fa');
 *   throw err;
 * }
 * ```
 */
export class VerificationError extends Error {
  constructor(
    readonly code: 'missing' | 'invalid' | 'expired' | 'revoked' | 'api_key_rejected' | 'two_factor_required',
    message: string,
  ) {
    super(message);
    this.name = 'VerificationError';
  }
}

export interface Verifier {
  /** Verifies a bearer credential (the token without `Bearer `). */
  verify(credential: string): Promise<VerifiedCaller>;
  /**
   * Whether the caller holds `permission` (in strict mode, asks the server). Throws
   * `VerificationError` with code `two_factor_required` when `caller.twoFactorSetupRequired`.
   */
  hasPermission(caller: VerifiedCaller, permission: string, bearer: string): Promise<boolean>;
  /**
   * Strict mode: asks the server whether the session behind the token is still live and where the
   * caller stands in `caller.orgId` (`ok`, `not_member` — removed, suspended or the organization is
   * gone —, or `two_factor_required`); throws `VerificationError` code `revoked` (or `expired`) for
   * a session that has ended. Offline, and for API keys: `ok` without a call. The guards use it for
   * `requireAuth` and `requireOrg` (`requirePermission` goes through `hasPermission`).
   *
   * @example
   * ```ts
   * const verifier = createVerifier({ issuer, strict: true });
   * const caller = await verifier.verify(token);
   * if ((await verifier.checkSession?.(caller, token)) !== 'ok') return forbid();
   * ```
   */
  checkSession?(caller: VerifiedCaller, bearer: string): Promise<SessionStanding>;
}

/** Where a caller stands according to the server (see {@link Verifier.checkSession}). */
export type SessionStanding = 'ok' | 'not_member' | 'two_factor_required';

class TtlCache<V> {
  private entries = new Map<string, { value: V; expires: number }>();
  constructor(private readonly ttlMs: number, private readonly max = 10_000) {}
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }
  set(key: string, value: V): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }
}

/**
 * Verifies SaaSReady access tokens offline against the server's JWKS (fetched once, cached, and
 * re-fetched when a token names an unknown key — which is how key rotation is picked up). No
 * network call per request once the keys are cached.
 *
 * @example
 * ```ts
 * const verifier = createVerifier({ issuer: 'https://auth.example.com' });
 * const caller = await verifier.verify(token);
 * caller.orgId; caller.permissions.has('org.update');
 * ```
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const issuer = options.issuer.replace(/\/$/, '');
  const baseUrl = (options.baseUrl ?? issuer).replace(/\/$/, '');
  const doFetch = options.fetch ?? fetch;
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? `${issuer}/.well-known/jwks.json`), {
    // an unknown key id (a rotation) triggers a refetch at most once a second
    cooldownDuration: 1_000,
    cacheMaxAge: 10 * 60_000,
    ...(options.fetch ? { [customFetch]: options.fetch } : {}),
  });
  const strictCache = new TtlCache<boolean>(options.strictCacheMs ?? 5_000);
  const standingCache = new TtlCache<SessionStanding>(options.strictCacheMs ?? 5_000);
  const keyCache = new TtlCache<VerifiedCaller | null>(options.apiKeyCacheMs ?? 10_000);

  async function verifyApiKey(key: string): Promise<VerifiedCaller> {
    const cached = keyCache.get(key);
    if (cached !== undefined) {
      if (!cached) throw new VerificationError('api_key_rejected', 'The API key was rejected.');
      return cached;
    }
    const res = await doFetch(`${baseUrl}/api/v1/api-keys/me`, { headers: { authorization: `Bearer ${key}` } });
    if (!res.ok) {
      keyCache.set(key, null);
      throw new VerificationError('api_key_rejected', 'The API key was rejected.');
    }
    const body = (await res.json()) as { organization_id: string; permissions: string[] };
    const caller: VerifiedCaller = {
      kind: 'api_key',
      userId: null,
      sessionId: null,
      orgId: body.organization_id,
      role: 'api_key',
      permissions: new Set(body.permissions),
      twoFactorSetupRequired: false,
      claims: {},
    };
    keyCache.set(key, caller);
    return caller;
  }

  return {
    async verify(credential) {
      if (!credential) throw new VerificationError('missing', 'No credential.');
      if (credential.startsWith('sr_')) {
        if (!options.acceptApiKeys) throw new VerificationError('invalid', 'API keys are not accepted here.');
        return verifyApiKey(credential);
      }
      try {
        const { payload } = await jwtVerify(credential, jwks, {
          issuer,
          audience: options.audience ?? 'saasready',
          algorithms: ['ES256', 'EdDSA'],
          typ: 'at+jwt',
          clockTolerance: 5,
          requiredClaims: ['sub', 'sid', 'exp'],
        });
        const twoFactorSetupRequired = payload.two_factor_setup_required === true;
        return {
          kind: 'user',
          userId: payload.sub!,
          sessionId: String(payload.sid),
          orgId: typeof payload.org_id === 'string' ? payload.org_id : null,
          // belt and braces: such a token should carry none, and none is what the app sees
          role: !twoFactorSetupRequired && typeof payload.org_role === 'string' ? payload.org_role : null,
          permissions: new Set(!twoFactorSetupRequired && Array.isArray(payload.permissions) ? (payload.permissions as string[]) : []),
          twoFactorSetupRequired,
          claims: payload as Record<string, unknown>,
        };
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new VerificationError('expired', 'The access token has expired.');
        throw new VerificationError('invalid', 'The access token is invalid.');
      }
    },

    async hasPermission(caller, permission, bearer) {
      if (caller.twoFactorSetupRequired) throw twoFactorRequired();
      if (!options.strict || caller.kind === 'api_key' || !caller.orgId) return caller.permissions.has(permission);
      const cacheKey = `${caller.sessionId}:${caller.orgId}:${permission}`;
      const cached = strictCache.get(cacheKey);
      if (cached !== undefined) return cached;
      const res = await askAuthorize(caller.orgId, permission, bearer);
      if (res.status === 403 && (await problemCode(res)) === 'two_factor_required') throw twoFactorRequired();
      // 404: no longer a member of the organization (or it is gone), which is a plain "no"
      const allowed = res.ok && Boolean(((await res.json()) as { allowed: boolean }).allowed);
      strictCache.set(cacheKey, allowed);
      return allowed;
    },

    async checkSession(caller, bearer) {
      if (!options.strict || caller.kind === 'api_key') return 'ok';
      const cacheKey = `${caller.sessionId}:${caller.orgId}`;
      const cached = standingCache.get(cacheKey);
      if (cached !== undefined) return cached;
      // any permission name will do: the answer's status says whether the session and the membership are live
      const res = caller.orgId ? await askAuthorize(caller.orgId, 'org.read', bearer) : await ask(`${baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${bearer}` } });
      const standing: SessionStanding =
        res.status === 404 ? 'not_member' : res.status === 403 && (await problemCode(res)) === 'two_factor_required' ? 'two_factor_required' : 'ok';
      standingCache.set(cacheKey, standing);
      return standing;
    },
  };

  /**
   * One strict question to the server. An ended session throws (never cached: it will not come
   * back); a server error throws too, so the guard fails closed without remembering the failure.
   */
  async function ask(url: string, init: RequestInit): Promise<Response> {
    const res = await doFetch(url, init);
    if (res.status === 401) {
      const code = await problemCode(res);
      if (code === 'auth.token_expired') throw new VerificationError('expired', 'The access token has expired.');
      throw new VerificationError('revoked', 'The session behind this access token has been signed out or revoked.');
    }
    if (!res.ok && res.status !== 403 && res.status !== 404) throw new Error(`SaaSReady answered ${res.status} to a strict check (${url}).`);
    return res;
  }

  function askAuthorize(orgId: string, permission: string, bearer: string): Promise<Response> {
    return ask(`${baseUrl}/api/v1/orgs/${orgId}/authorize`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ permissions: [permission] }),
    });
  }
}

async function problemCode(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

/** @internal the refusal of an org-scoped check on a token whose organization requires 2FA the user lacks */
export const twoFactorRequired = () =>
  new VerificationError('two_factor_required', 'This organization requires two-factor authentication: enable it, then refresh the access token.');

/** The credential of an `Authorization: Bearer …` header value, or null. */
export function bearerOf(header: string | string[] | undefined | null): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match ? match[1]! : null;
}
