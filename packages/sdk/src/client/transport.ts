// The one place requests go through: credentials on the way out, problem documents → SaaSReadyError on
// the way back, and the refresh-once-and-retry dance when an access token has expired.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import { SaaSReadyError } from './errors.js';
import type { TokenResponse } from './types.js';

/**
 * The tokens the client holds, as given to `onTokens`.
 *
 * @example
 * ```ts
 * const client = new SaaSReady({ baseUrl, onTokens: ({ accessToken, refreshToken, expiresIn }) => save({ accessToken, refreshToken, expiresIn }) });
 * ```
 */
export interface Tokens {
  accessToken: string;
  /** unchanged by `auth.switchOrg`; `undefined` when the client was only ever given an access token */
  refreshToken: string | undefined;
  /** seconds until the access token expires */
  expiresIn: number;
}

/**
 * Options of every call (the last argument of each method): cancel it, make a create idempotent, or add headers.
 *
 * @example
 * ```ts
 * const org = await client.orgs.create({ name: 'Acme' }, { idempotencyKey: crypto.randomUUID(), signal: AbortSignal.timeout(5_000) });
 * ```
 */
export interface CallOptions {
  /** aborts the request (and its retry) */
  signal?: AbortSignal;
  /**
   * `Idempotency-Key` for creating calls (`orgs.create`, `orgs.createRole`, `orgs.inviteMember`,
   * `apiKeys.create`): a retry with the same key replays the first answer instead of creating twice.
   */
  idempotencyKey?: string;
  /** extra request headers */
  headers?: Record<string, string>;
}

/**
 * The settings of a {@link SaaSReady} client.
 *
 * @example
 * ```ts
 * const client = new SaaSReady({
 *   baseUrl: 'http://localhost:8000',
 *   refreshToken: await storage.get('refresh_token'), // the first call refreshes the missing access token
 *   onTokens: (tokens) => storage.set('refresh_token', tokens.refreshToken),
 * });
 * ```
 */
export interface SaaSReadyOptions {
  /** Where the server is, e.g. `http://localhost:8000` (without `/api/v1`). */
  baseUrl: string;
  /** A user session to start with, e.g. restored from storage. */
  accessToken?: string;
  /** Lets the client renew an expired access token by itself. */
  refreshToken?: string;
  /**
   * An organization API key (`sr_…`): sent as the bearer credential instead of a user session; the
   * client never refreshes in this mode. Cannot be combined with `accessToken`/`refreshToken`.
   */
  apiKey?: string;
  /** The fetch to use (default `globalThis.fetch`); it is called with a `Request`. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Called (and awaited) whenever the client stores new tokens: after `register`, `login`,
   * `loginWith2fa`, `refresh` (explicit or automatic) and `switchOrg`. Persist them here.
   */
  onTokens?: (tokens: Tokens) => void | Promise<void>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/** What openapi-fetch resolves with: `data` on success, `error` (parsed JSON or text) otherwise. */
type FetchResult = { data?: unknown; error?: unknown; response: Response };
/** What each call hands to openapi-fetch besides its path, params and body. */
export type RequestInitParts = {
  headers: Record<string, string>;
  signal?: AbortSignal;
};

/**
 * @internal Shared by the namespaces of one client. Not part of the public API.
 */
export class Transport {
  readonly api: Client<paths>;
  readonly #apiKey: string | undefined;
  readonly #onTokens: SaaSReadyOptions['onTokens'];
  #accessToken: string | undefined;
  #refreshToken: string | undefined;
  /** the refresh in flight: every caller that needs one awaits this same promise */
  #refreshing: Promise<TokenResponse> | null = null;

  constructor(options: SaaSReadyOptions) {
    if (!options || typeof options.baseUrl !== 'string' || !options.baseUrl) throw new TypeError('SaaSReady: baseUrl is required, e.g. "http://localhost:8000"');
    if (options.apiKey && (options.accessToken || options.refreshToken)) {
      throw new TypeError('SaaSReady: use either apiKey or accessToken/refreshToken, not both');
    }
    this.#apiKey = options.apiKey;
    this.#accessToken = options.accessToken;
    this.#refreshToken = options.refreshToken;
    this.#onTokens = options.onTokens;
    const userFetch = options.fetch;
    this.api = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      // resolved per request, so a fetch patched after construction (tests, polyfills) is honoured
      fetch: (request: Request) => (userFetch ? userFetch(request) : globalThis.fetch(request)),
      ...(options.headers ? { headers: options.headers } : {}),
    });
  }

  get usesApiKey(): boolean {
    return this.#apiKey !== undefined;
  }

  get accessToken(): string | undefined {
    return this.#accessToken;
  }

  get refreshToken(): string | undefined {
    return this.#refreshToken;
  }

  /** The bearer credential of the next request. */
  get credential(): string | undefined {
    return this.#apiKey ?? this.#accessToken;
  }

  setTokens(tokens: { accessToken?: string | undefined; refreshToken?: string | undefined }): void {
    if (this.#apiKey) throw new TypeError('SaaSReady: this client uses an API key; it holds no user tokens');
    if ('accessToken' in tokens) this.#accessToken = tokens.accessToken;
    if ('refreshToken' in tokens) this.#refreshToken = tokens.refreshToken;
  }

  clearTokens(): void {
    this.#accessToken = undefined;
    this.#refreshToken = undefined;
  }

  /** Keeps a new session's tokens and tells `onTokens`. */
  async storeSession(session: { access_token: string; refresh_token?: string; expires_in: number }): Promise<void> {
    if (this.#apiKey) return;
    this.#accessToken = session.access_token;
    if (session.refresh_token !== undefined) this.#refreshToken = session.refresh_token;
    await this.#onTokens?.({ accessToken: this.#accessToken, refreshToken: this.#refreshToken, expiresIn: session.expires_in });
  }

  /**
   * Sends one API call. `call` receives the headers (credential included) and signal to pass to
   * openapi-fetch; it is invoked again, with the new credential, if the access token had expired
   * and a refresh succeeded. Resolves with the parsed answer; rejects with a SaaSReadyError.
   */
  async send<R extends FetchResult>(
    call: (init: RequestInitParts) => Promise<R>,
    options: { auth?: boolean; call?: CallOptions | undefined; accept?: (response: Response) => boolean } = {},
  ): Promise<{ data: Exclude<R['data'], undefined>; response: Response }> {
    const authenticated = options.auth !== false;
    // a session restored from its refresh token alone: get an access token first (single-flight too)
    if (authenticated && this.credential === undefined && this.#refreshToken !== undefined) await this.refresh();
    for (let attempt = 0; ; attempt++) {
      const credential = authenticated ? this.credential : undefined;
      const headers: Record<string, string> = { ...options.call?.headers };
      if (credential) headers.authorization = `Bearer ${credential}`;
      if (options.call?.idempotencyKey) headers['idempotency-key'] = options.call.idempotencyKey;
      const init: RequestInitParts = { headers };
      if (options.call?.signal) init.signal = options.call.signal;

      const result = await call(init);
      if (result.response.ok || options.accept?.(result.response)) {
        return { data: result.data as Exclude<R['data'], undefined>, response: result.response };
      }
      const error = SaaSReadyError.fromResponse(result.response, result.error);
      if (attempt === 0 && authenticated && this.#canRefresh(error)) {
        await this.#refreshAfterExpiry(credential);
        continue;
      }
      throw error;
    }
  }

  #canRefresh(error: SaaSReadyError): boolean {
    return error.status === 401 && error.code === 'auth.token_expired' && !this.#apiKey && this.#refreshToken !== undefined;
  }

  /**
   * A request sent with `usedToken` found it expired. If another call has already replaced that
   * token, just retry; otherwise join (or start) the one refresh in flight.
   */
  async #refreshAfterExpiry(usedToken: string | undefined): Promise<void> {
    if (usedToken !== this.#accessToken) return;
    await this.refresh();
  }

  /**
   * Rotates the refresh token, single-flight: concurrent callers share one request, because the
   * server treats a refresh token presented twice as stolen and ends the session.
   */
  refresh(): Promise<TokenResponse> {
    this.#refreshing ??= this.#doRefresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #doRefresh(): Promise<TokenResponse> {
    const refreshToken = this.#refreshToken;
    if (this.#apiKey) throw new TypeError('SaaSReady: an API key client has no session to refresh');
    if (!refreshToken) throw new TypeError('SaaSReady: no refresh token (log in first, or pass refreshToken)');
    let data: TokenResponse;
    try {
      ({ data } = await this.send(
        (init) => this.api.POST('/api/v1/auth/refresh', { body: { refresh_token: refreshToken }, ...init }),
        { auth: false },
      ));
    } catch (err) {
      // the session is over (revoked, expired, reused token): forget it, so callers see they must log in
      if (err instanceof SaaSReadyError && err.status === 401 && this.#refreshToken === refreshToken) this.clearTokens();
      throw err;
    }
    await this.storeSession(data);
    return data;
  }
}
