// `client.sso`: enterprise SSO — starting a login (the URL the browser follows), redeeming the
// code it ends with, the email lookup, and managing an organization's connections and domains.
import type { CallOptions, Transport } from '../transport.js';
import type { RequestBody, ResponseBody } from '../types.js';

/** An SSO connection (SAML or OIDC) as the API shows it: never a secret. */
export type SsoConnection = ResponseBody<'/api/v1/orgs/{org_id}/sso/connections/{connection_id}', 'get'>;
/** `client.sso.createConnection`'s body: `{type: 'saml', …}` or `{type: 'oidc', …}`. */
export type CreateSsoConnectionBody = RequestBody<'/api/v1/orgs/{org_id}/sso/connections', 'post'>;
/** `client.sso.updateConnection`'s body. */
export type UpdateSsoConnectionBody = RequestBody<'/api/v1/orgs/{org_id}/sso/connections/{connection_id}', 'patch'>;
/** A domain an organization claims, with the TXT record that verifies it. */
export type Domain = ResponseBody<'/api/v1/orgs/{org_id}/domains/{domain_id}', 'get'>;
/** `POST /sso/token`: the session tokens plus `sso_profile`. */
export type SsoTokenResponse = ResponseBody<'/api/v1/sso/token', 'post'>;
/** `POST /auth/sso/lookup`. */
export type SsoLookupResponse = ResponseBody<'/api/v1/auth/sso/lookup', 'post'>;

/** Which connection a login starts with: one of these, plus where the browser comes back. */
export type AuthorizeUrlOptions = ({ connectionId: string } | { organizationId: string } | { domain: string } | { email: string }) & {
  /** must be one of the server's SSO_REDIRECT_URIS */
  redirectUri: string;
  /** comes back unchanged with the code */
  state?: string;
};

/**
 * `client.sso`: SSO logins and their configuration.
 *
 * @example A login page
 * ```ts
 * const { sso } = await client.sso.lookup(email);
 * if (sso) location.href = client.sso.authorizeUrl({ email, redirectUri: 'https://app.example.com/sso/callback', state });
 * // on https://app.example.com/sso/callback
 * const session = await client.sso.exchangeCode(new URL(location.href).searchParams.get('code')!);
 * console.log(session.sso_profile.organization_id, session.sso_profile.email);
 * ```
 */
export class SsoApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * The URL that starts an SSO login (send the browser there). Nothing is requested: the server
   * checks `redirectUri` against its allow-list when the browser arrives.
   *
   * @example
   * ```ts
   * const url = client.sso.authorizeUrl({ connectionId, redirectUri: 'https://app.example.com/sso/callback', state: 'xyz' });
   * ```
   */
  authorizeUrl(options: AuthorizeUrlOptions): string {
    const query = new URLSearchParams();
    if ('connectionId' in options) query.set('connection_id', options.connectionId);
    else if ('organizationId' in options) query.set('organization_id', options.organizationId);
    else if ('domain' in options) query.set('domain', options.domain);
    else query.set('email', options.email);
    query.set('redirect_uri', options.redirectUri);
    if (options.state !== undefined) query.set('state', options.state);
    return `${this.#t.baseUrl}/api/v1/sso/authorize?${query}`;
  }

  /**
   * Redeems the single-use code (60 s) the login ended with: a session, which the client keeps,
   * and the SSO profile. Fails with `sso.invalid_code` when it is unknown, expired or used.
   *
   * @example
   * ```ts
   * const { user, sso_profile } = await client.sso.exchangeCode(code);
   * ```
   */
  async exchangeCode(code: string, options?: CallOptions): Promise<SsoTokenResponse> {
    const data = await this.#t.request((api, init) => api.POST('/api/v1/sso/token', { body: { code }, ...init }), options, { auth: false });
    await this.#t.storeSession(data);
    return data;
  }

  /**
   * Whether an email signs in with SSO (its domain is verified by an organization with a connection).
   *
   * @example
   * ```ts
   * const { sso, sso_required, connection_id } = await client.sso.lookup('jo@acme.com');
   * ```
   */
  async lookup(email: string, options?: CallOptions): Promise<SsoLookupResponse> {
    return this.#t.request((api, init) => api.POST('/api/v1/auth/sso/lookup', { body: { email }, ...init }), options, { auth: false });
  }

  /**
   * The organization's connections (`sso.manage`).
   *
   * @example
   * ```ts
   * for (const c of await client.sso.listConnections(orgId)) console.log(c.name, c.sp.acs_url ?? c.sp.redirect_uri);
   * ```
   */
  async listConnections(orgId: string, options?: CallOptions): Promise<SsoConnection[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/sso/connections', { params: { path: { org_id: orgId } }, ...init }), options);
  }

  /**
   * One connection.
   *
   * @example
   * ```ts
   * const { sp } = await client.sso.getConnection(orgId, connectionId);
   * ```
   */
  async getConnection(orgId: string, connectionId: string, options?: CallOptions): Promise<SsoConnection> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/sso/connections/{connection_id}', { params: { path: { org_id: orgId, connection_id: connectionId } }, ...init }), options);
  }

  /**
   * Adds a SAML or OIDC connection (`sso.manage`). The answer's `sp` holds what the IdP asks for.
   *
   * @example
   * ```ts
   * const saml = await client.sso.createConnection(orgId, { type: 'saml', name: 'Okta', idp_metadata_url: 'https://acme.okta.com/app/…/sso/saml/metadata' });
   * const oidc = await client.sso.createConnection(orgId, { type: 'oidc', name: 'Entra', issuer, client_id, client_secret });
   * ```
   */
  async createConnection(orgId: string, body: CreateSsoConnectionBody, options?: CallOptions): Promise<SsoConnection> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/sso/connections', { params: { path: { org_id: orgId } }, body, ...init }), options);
  }

  /**
   * Changes a connection (its type cannot change).
   *
   * @example
   * ```ts
   * await client.sso.updateConnection(orgId, connectionId, { enabled: false });
   * ```
   */
  async updateConnection(orgId: string, connectionId: string, body: UpdateSsoConnectionBody, options?: CallOptions): Promise<SsoConnection> {
    return this.#t.request((api, init) => api.PATCH('/api/v1/orgs/{org_id}/sso/connections/{connection_id}', { params: { path: { org_id: orgId, connection_id: connectionId } }, body, ...init }), options);
  }

  /**
   * Deletes a connection.
   *
   * @example
   * ```ts
   * await client.sso.deleteConnection(orgId, connectionId);
   * ```
   */
  async deleteConnection(orgId: string, connectionId: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.DELETE('/api/v1/orgs/{org_id}/sso/connections/{connection_id}', { params: { path: { org_id: orgId, connection_id: connectionId } }, ...init }), options);
  }

  /**
   * The organization's domains (`sso.manage`).
   *
   * @example
   * ```ts
   * const pending = (await client.sso.listDomains(orgId)).filter((d) => d.status === 'pending');
   * ```
   */
  async listDomains(orgId: string, options?: CallOptions): Promise<Domain[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/domains', { params: { path: { org_id: orgId } }, ...init }), options);
  }

  /**
   * Claims a domain: publish the answer's `verification` TXT record, then {@link SsoApi.verifyDomain}.
   *
   * @example
   * ```ts
   * const { id, verification } = await client.sso.addDomain(orgId, 'acme.com');
   * console.log(`${verification.name} TXT "${verification.value}"`);
   * ```
   */
  async addDomain(orgId: string, domain: string, options?: CallOptions): Promise<Domain> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/domains', { params: { path: { org_id: orgId } }, body: { domain }, ...init }), options);
  }

  /**
   * Checks the TXT record through DNS; fails with `domain.verification_failed` until it is published.
   *
   * @example
   * ```ts
   * const { status } = await client.sso.verifyDomain(orgId, domainId);
   * ```
   */
  async verifyDomain(orgId: string, domainId: string, options?: CallOptions): Promise<Domain> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/domains/{domain_id}/verify', { params: { path: { org_id: orgId, domain_id: domainId } }, ...init }), options);
  }

  /**
   * Removes a domain (and its verification).
   *
   * @example
   * ```ts
   * await client.sso.removeDomain(orgId, domainId);
   * ```
   */
  async removeDomain(orgId: string, domainId: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.DELETE('/api/v1/orgs/{org_id}/domains/{domain_id}', { params: { path: { org_id: orgId, domain_id: domainId } }, ...init }), options);
  }
}
