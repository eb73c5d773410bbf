// The SaaSReady API client: one class, seven namespaces mirroring the Python SDK of the tutorial
// (client.auth, client.orgs, client.invitations, client.apiKeys, client.features, plus client.admin
// and client.dev), typed from the server's OpenAPI document. Bodies and answers are the API's own
// snake_case JSON. Each namespace lives in resources/, one file each; they share one Transport.
import { AdminApi } from './resources/admin.js';
import { ApiKeysApi } from './resources/api-keys.js';
import { AuthApi } from './resources/auth.js';
import { DevApi } from './resources/dev.js';
import { FeaturesApi } from './resources/features.js';
import { InvitationsApi } from './resources/invitations.js';
import { OrgsApi } from './resources/orgs.js';
import { WebhooksApi } from './resources/webhooks.js';
import { DirectoriesApi } from './resources/directories.js';
import { SsoApi } from './resources/sso.js';
import { Transport, type SaaSReadyOptions } from './transport.js';

/**
 * A SaaSReady API client.
 *
 * It keeps the session it obtains (`auth.register`, `auth.login`, `auth.loginWith2fa`,
 * `auth.refresh`, `auth.switchOrg`) and sends it with every call. When the access token has
 * expired, the first call to notice refreshes it — once, shared by every concurrent call, since the
 * server ends a session whose refresh token is presented twice — and retries. Every non-2xx answer
 * is thrown as a {@link SaaSReadyError}.
 *
 * @example Log in and work in an organization
 * ```ts
 * import { SaaSReady } from '@saasready/sdk';
 *
 * const client = new SaaSReady({ baseUrl: 'http://localhost:8000' });
 * const session = await client.auth.login({ email: 'founder@acme.com', password: 'correct horse battery' });
 * if ('mfa_required' in session) {
 *   await client.auth.loginWith2fa({ mfa_token: session.mfa_token, code: await askForCode() });
 * }
 * const me = await client.auth.me();
 * const org = await client.orgs.create({ name: 'Acme Corporation', slug: 'acme-corp' });
 * for await (const member of client.orgs.members(org.id)) console.log(member.user_email, member.role_name);
 * ```
 *
 * @example Resume a stored session and persist rotated tokens
 * ```ts
 * const client = new SaaSReady({
 *   baseUrl: process.env.SAASREADY_URL!,
 *   accessToken: stored.accessToken,
 *   refreshToken: stored.refreshToken,
 *   onTokens: (tokens) => storage.save(tokens),
 * });
 * ```
 *
 * @example A backend job with an organization API key
 * ```ts
 * const client = new SaaSReady({ baseUrl: 'https://auth.example.com', apiKey: process.env.SAASREADY_API_KEY });
 * const logs = await client.orgs.listAuditLogs(orgId, { limit: 100 });
 * ```
 */
export class SaaSReady {
  /** Registration, login (with 2FA), sessions, passwords, email verification, two-factor enrolment. */
  readonly auth: AuthApi;
  /** Organizations, members, roles, invitations, permission checks and audit logs. */
  readonly orgs: OrgsApi;
  /** Previewing and accepting invitations by their emailed token. */
  readonly invitations: InvitationsApi;
  /** Organization API keys. */
  readonly apiKeys: ApiKeysApi;
  /** Feature flags as an organization sees them, overrides and evaluation. */
  readonly features: FeaturesApi;
  /** Webhook endpoints of an organization, their secrets and delivery logs. */
  readonly webhooks: WebhooksApi;
  /** Instance-wide listings and global feature flags (superusers only). */
  readonly admin: AdminApi;
  /** Development helpers (the outgoing-mail box of a server without SMTP). */
  readonly dev: DevApi;
  /** Enterprise SSO: login URLs, the code exchange, connections and verified domains. */
  readonly sso: SsoApi;
  /** SCIM directory sync: directories, their tokens and group-to-role mappings. */
  readonly directories: DirectoriesApi;
  readonly #transport: Transport;

  constructor(options: SaaSReadyOptions) {
    this.#transport = new Transport(options);
    this.auth = new AuthApi(this.#transport);
    this.orgs = new OrgsApi(this.#transport);
    this.invitations = new InvitationsApi(this.#transport);
    this.apiKeys = new ApiKeysApi(this.#transport);
    this.features = new FeaturesApi(this.#transport);
    this.webhooks = new WebhooksApi(this.#transport);
    this.admin = new AdminApi(this.#transport);
    this.dev = new DevApi(this.#transport);
    this.sso = new SsoApi(this.#transport);
    this.directories = new DirectoriesApi(this.#transport);
  }

  /**
   * The session tokens the client currently holds (`undefined` when it holds none, or uses an API key).
   *
   * @example
   * ```ts
   * const { accessToken, refreshToken } = client.tokens;
   * ```
   */
  get tokens(): { accessToken: string | undefined; refreshToken: string | undefined } {
    return { accessToken: this.#transport.accessToken, refreshToken: this.#transport.refreshToken };
  }

  /**
   * Replaces the session tokens (e.g. a token received from your frontend). Keys you omit keep their value.
   *
   * @example Act on behalf of the caller of your own API
   * ```ts
   * client.setTokens({ accessToken: request.headers.authorization!.replace(/^Bearer /, '') });
   * const me = await client.auth.me();
   * ```
   */
  setTokens(tokens: { accessToken?: string | undefined; refreshToken?: string | undefined }): void {
    this.#transport.setTokens(tokens);
  }

  /**
   * Forgets the session tokens locally (the server session stays alive: use `auth.logout()` to end it).
   *
   * @example
   * ```ts
   * client.clearTokens();
   * ```
   */
  clearTokens(): void {
    this.#transport.clearTokens();
  }
}
