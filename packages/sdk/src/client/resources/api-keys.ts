// `client.apiKeys`: organization API keys, and the identity of the key a client was built with.
import type { CallOptions, Transport } from '../transport.js';
import type { ApiKey, ApiKeyIdentity, CreateApiKeyBody, CreatedApiKey } from '../types.js';

/**
 * `client.apiKeys`: organization API keys for servers and scripts.
 *
 * @example
 * ```ts
 * const key = await client.apiKeys.create(org.id, { name: 'CI deploys', permissions: ['audit.read'] });
 * const ci = new SaaSReady({ baseUrl, apiKey: key.raw_key });
 * ```
 */
export class ApiKeysApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Creates an API key with some of the caller's permissions; `raw_key` (`sr_…`) is shown this once.
   *
   * @example
   * ```ts
   * const { raw_key } = await client.apiKeys.create(org.id, { name: 'Reporting', permissions: ['audit.read'], expires_at: '2027-01-01T00:00:00Z' });
   * ```
   */
  async create(orgId: string, body: CreateApiKeyBody, options?: CallOptions): Promise<CreatedApiKey> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/api-keys', { params: { path: { org_id: orgId } }, body, ...init }), options);
  }

  /**
   * The organization's API keys (metadata only, never the keys).
   *
   * @example
   * ```ts
   * const keys = await client.apiKeys.list(org.id);
   * ```
   */
  async list(orgId: string, options?: CallOptions): Promise<ApiKey[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/api-keys', { params: { path: { org_id: orgId } }, ...init }), options);
  }

  /**
   * Revokes an API key, effective immediately.
   *
   * @example
   * ```ts
   * await client.apiKeys.revoke(org.id, key.id);
   * ```
   */
  async revoke(orgId: string, keyId: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.DELETE('/api/v1/orgs/{org_id}/api-keys/{key_id}', { params: { path: { org_id: orgId, key_id: keyId } }, ...init }), options);
  }

  /**
   * Describes the calling API key (for a client created with `apiKey`).
   *
   * @example
   * ```ts
   * const { organization_id, permissions } = await new SaaSReady({ baseUrl, apiKey }).apiKeys.me();
   * ```
   */
  async me(options?: CallOptions): Promise<ApiKeyIdentity> {
    return this.#t.request((api, init) => api.GET('/api/v1/api-keys/me', init), options);
  }
}
