// The one place requests go through: credentials on the way out, problem documents → SaaSReadyError on
// the way back, and the refresh-once-and-retry dance when an access token has expired.
import { BROWSER_SESSION } from '@saasready/contracts';
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
  /**
   * unchanged by `auth.switchOrg`; `undefined` when the client was only ever given an access token,
   * and always in cookie mode (the browser keeps it in an HttpOnly cookie)
   */
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
 *
 * @example A browser app: the access token in memory only, the refresh token in an HttpOnly cookie
 * ```ts
 * const client = new SaaSReady({ baseUrl: window.location.origin, refreshTokenMode: 'cookie' });
 * // after a page load: restore the session from the cookie (throws a 401 SaaSReadyError when there is none)
 * const me = await client.auth.me();
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
  /**
   * Where the refresh token lives.
   *
   * - `'body'` (default): the server returns it in the body; the client holds it and hands it to `onTokens`.
   * - `'cookie'`: for browser apps served from the server's origin (or another port of the same host,
   *   listed in `CORS_ORIGINS`). Every request says `X-Refresh-Token-Mode: cookie`, so the server keeps
   *   the refresh token in an HttpOnly cookie that page scripts (and an XSS) cannot read; the client
   *   holds only the access token, in memory, and never a refresh token. A refresh sends `{}` with
   *   the `X-CSRF-Token` header (see `csrfToken`). Requests are sent with `credentials: 'include'`.
   *   Since the cookie may hold a session the client does not know about yet, a call made without an
   *   access token first refreshes from the cookie (after a page load, `client.auth.me()` restores the
   *   session, or fails with 401 `auth.invalid_refresh_token` when there is none). Tabs of one
   *   browser share the cookie: where the Web Locks API exists, their refreshes take turns, because
   *   one cookie presented twice ends the session. Cannot be combined with `refreshToken` or `apiKey`.
   */
  refreshTokenMode?: 'body' | 'cookie';
  /**
   * Cookie mode: the CSRF token a refresh echoes in `X-CSRF-Token`. By default the `sr_csrf` cookie
   * read from `document.cookie`; give a function where there is no `document` (tests, other runtimes
   * with their own cookie store).
   */
  csrfToken?: () => string | undefined | Promise<string | undefined>;
}

/** The `sr_csrf` cookie of this page, if there is a page and it holds one. */
function csrfTokenFromDocument(): string | undefined {
  if (typeof document === 'undefined' || typeof document.cookie !== 'string') return undefined;
  for (const pair of document.cookie.split(';')) {
    const eq = pair.indexOf('=');
    if (eq !== -1 && pair.slice(0, eq).trim() === BROWSER_SESSION.csrfCookie) return decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return undefined;
}

/** The Web Locks API where the runtime has one (browsers; not Node 20). */
const webLocks = (): LockManager | undefined => (typeof navigator !== 'undefined' ? navigator.locks : undefined);

/** What openapi-fetch resolves with: `data` on success, `error` (parsed JSON or text) otherwise. */
type FetchResult = { data?: unknown; error?: unknown; response: Response };
/** The parsed body of a successful answer. */
type Data<R extends FetchResult> = Exclude<R['data'], undefined>;
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
  /** the refresh token lives in an HttpOnly cookie this client never sees */
  readonly #cookieMode: boolean;
  readonly #csrfToken: () => string | undefined | Promise<string | undefined>;
  #accessToken: string | undefined;
  #refreshToken: string | undefined;
  /** the server's base URL, without a trailing slash (URLs the browser follows are built from it) */
  readonly baseUrl: string;
  /** the refresh in flight: every caller that needs one awaits this same promise */
  #refreshing: Promise<TokenResponse> | null = null;

  constructor(options: SaaSReadyOptions) {
    if (!options || typeof options.baseUrl !== 'string' || !options.baseUrl) throw new TypeError('SaaSReady: baseUrl is required, e.g. "http://localhost:8000"');
    if (options.apiKey && (options.accessToken || options.refreshToken)) {
      throw new TypeError('SaaSReady: use either apiKey or accessToken/refreshToken, not both');
    }
    const mode = options.refreshTokenMode ?? 'body';
    if (mode !== 'body' && mode !== 'cookie') throw new TypeError(`SaaSReady: refreshTokenMode must be 'body' or 'cookie', got ${JSON.stringify(mode)}`);
    this.#cookieMode = mode === 'cookie';
    if (this.#cookieMode && (options.refreshToken || options.apiKey)) {
      throw new TypeError("SaaSReady: refreshTokenMode 'cookie' keeps the refresh token in a cookie; it cannot be combined with refreshToken or apiKey");
    }
    this.#apiKey = options.apiKey;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#accessToken = options.accessToken;
    this.#refreshToken = options.refreshToken;
    this.#onTokens = options.onTokens;
    this.#csrfToken = options.csrfToken ?? csrfTokenFromDocument;
    const userFetch = options.fetch;
    // cookie mode is a property of the client, so every request states it; the server reads it
    // only where it issues tokens (register, login, login/2fa, refresh)
    const headers = this.#cookieMode ? { ...options.headers, [BROWSER_SESSION.modeHeader]: 'cookie' } : options.headers;
    this.api = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      // resolved per request, so a fetch patched after construction (tests, polyfills) is honoured
      fetch: (request: Request) => (userFetch ? userFetch(request) : globalThis.fetch(request)),
      ...(headers ? { headers } : {}),
      // same origin: what fetch does anyway; another port of the same host (a dev server): lets the
      // browser store the cookies of a cross-origin answer and send them back
      ...(this.#cookieMode ? { credentials: 'include' as const } : {}),
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
    if (this.#cookieMode && tokens.refreshToken !== undefined) {
      throw new TypeError("SaaSReady: in refreshTokenMode 'cookie' the refresh token lives in an HttpOnly cookie; the client holds none");
    }
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
    if (session.refresh_token !== undefined && !this.#cookieMode) this.#refreshToken = session.refresh_token;
    await this.#onTokens?.({ accessToken: this.#accessToken, refreshToken: this.#refreshToken, expiresIn: session.expires_in });
  }

  /**
   * Sends one API call and resolves with its parsed body: the send-and-unwrap that the namespaces'
   * methods share (see {@link Transport.send} for the retry and the errors). `call` makes the request
   * with the typed openapi-fetch client, spreading `init` into its options.
   *
   * @example
   * ```ts
   * return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}', { params: { path: { org_id: orgId } }, ...init }), options);
   * ```
   */
  async request<R extends FetchResult>(call: (api: Client<paths>, init: RequestInitParts) => Promise<R>, options?: CallOptions, how: { auth?: boolean } = {}): Promise<Data<R>> {
    return (await this.send(call, { ...how, call: options })).data;
  }

  /**
   * Sends one API call and resolves with the whole answer, for the few callers that read its headers
   * (pages, ETags). `call` receives the client and the headers (credential included) and signal to
   * pass to openapi-fetch; it is invoked again, with the new credential, if the access token had
   * expired and a refresh succeeded. `accept` takes a non-2xx status (a 304) as an answer. Rejects
   * with a SaaSReadyError.
   */
  async send<R extends FetchResult>(
    call: (api: Client<paths>, init: RequestInitParts) => Promise<R>,
    options: { auth?: boolean; call?: CallOptions | undefined; accept?: (response: Response) => boolean } = {},
  ): Promise<{ data: Data<R>; response: Response }> {
    const authenticated = options.auth !== false;
    // a session restored from its refresh token (or cookie) alone: get an access token first (single-flight too)
    if (authenticated && this.credential === undefined && this.#mayRefresh) await this.refresh();
    for (let attempt = 0; ; attempt++) {
      const credential = authenticated ? this.credential : undefined;
      const headers: Record<string, string> = { ...options.call?.headers };
      if (credential) headers.authorization = `Bearer ${credential}`;
      if (options.call?.idempotencyKey) headers['idempotency-key'] = options.call.idempotencyKey;
      const init: RequestInitParts = { headers };
      if (options.call?.signal) init.signal = options.call.signal;

      const result = await call(this.api, init);
      if (result.response.ok || options.accept?.(result.response)) {
        return { data: result.data as Data<R>, response: result.response };
      }
      const error = SaaSReadyError.fromResponse(result.response, result.error);
      if (attempt === 0 && authenticated && this.#canRefresh(error)) {
        await this.#refreshAfterExpiry(credential);
        continue;
      }
      throw error;
    }
  }

  /** Holds a refresh token, or may have one in the cookie (which only the server can tell). */
  get #mayRefresh(): boolean {
    return !this.#apiKey && (this.#cookieMode || this.#refreshToken !== undefined);
  }

  #canRefresh(error: SaaSReadyError): boolean {
    return error.status === 401 && error.code === 'auth.token_expired' && this.#mayRefresh;
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
    this.#refreshing ??= this.#refreshAcrossTabs().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /**
   * Cookie mode: every tab of the browser presents the same cookie, and two tabs refreshing at once
   * would be a reuse that ends the session. Where the Web Locks API exists, tabs take turns: the one
   * that waited reads the cookies only once it holds the lock, i.e. the already rotated ones.
   */
  #refreshAcrossTabs(): Promise<TokenResponse> {
    const locks = this.#cookieMode ? webLocks() : undefined;
    return locks ? locks.request('saasready:refresh', () => this.#doRefresh()) : this.#doRefresh();
  }

  async #doRefresh(): Promise<TokenResponse> {
    const refreshToken = this.#refreshToken;
    const accessToken = this.#accessToken;
    if (this.#apiKey) throw new TypeError('SaaSReady: an API key client has no session to refresh');
    if (!refreshToken && !this.#cookieMode) throw new TypeError('SaaSReady: no refresh token (log in first, or pass refreshToken)');
    // cookie mode: the browser sends the refresh cookie itself; the page proves it is our page by
    // echoing the CSRF cookie, which other sites can neither read nor set
    const csrf = this.#cookieMode ? await this.#csrfToken() : undefined;
    let data: TokenResponse;
    try {
      data = await this.request(
        (api, init) => api.POST('/api/v1/auth/refresh', { body: refreshToken ? { refresh_token: refreshToken } : {}, ...init }),
        csrf ? { headers: { [BROWSER_SESSION.csrfHeader]: csrf } } : undefined,
        { auth: false },
      );
    } catch (err) {
      // the session is over (revoked, expired, reused token): forget it, so callers see they must log in —
      // unless a new session arrived meanwhile
      const unchanged = this.#cookieMode ? this.#accessToken === accessToken : this.#refreshToken === refreshToken;
      if (err instanceof SaaSReadyError && err.status === 401 && unchanged) this.clearTokens();
      throw err;
    }
    await this.storeSession(data);
    return data;
  }
}
