// `client.admin`: the instance superuser's view — every user, every organization, global feature flags.
import { toPage } from '../pages.js';
import { InstanceWebhooksApi } from './admin-webhooks.js';
import type { CallOptions, Transport } from '../transport.js';
import type { AdminListQuery, AdminOrganization, AdminUser, CreateFeatureFlagBody, FeatureFlag, Page, UpdateFeatureFlagBody } from '../types.js';

/**
 * `client.admin`: what an instance superuser sees — every user, every organization, global feature flags.
 *
 * @example
 * ```ts
 * const users = await client.admin.listUsers({ search: 'acme.test', limit: 50 });
 * await client.admin.createFlag({ key: 'new-billing', name: 'New billing', default_enabled: false, rollout_percent: 10 });
 * ```
 */
export class AdminApi {
  readonly #t: Transport;
  /** The instance's webhook endpoints and their delivery logs. */
  readonly webhooks: InstanceWebhooksApi;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
    this.webhooks = new InstanceWebhooksApi(transport);
  }

  /**
   * Every user of the instance, newest first, `search` on email and name; next page in `nextCursor`.
   *
   * @example
   * ```ts
   * const page = await client.admin.listUsers({ search: 'jane' });
   * ```
   */
  async listUsers(query: AdminListQuery = {}, options?: CallOptions): Promise<Page<AdminUser>> {
    return toPage(await this.#t.send((api, init) => api.GET('/api/v1/admin/users', { params: { query }, ...init }), { call: options }));
  }

  /**
   * Every organization of the instance, with `search` on name and slug; next page in `nextCursor`.
   *
   * @example
   * ```ts
   * const page = await client.admin.listOrganizations({ search: 'acme' });
   * ```
   */
  async listOrganizations(query: AdminListQuery = {}, options?: CallOptions): Promise<Page<AdminOrganization>> {
    return toPage(await this.#t.send((api, init) => api.GET('/api/v1/admin/organizations', { params: { query }, ...init }), { call: options }));
  }

  /**
   * Turns off a user's two-factor authentication and ends all their sessions: the recovery path for
   * someone who lost their authenticator and backup codes. Audited as `user.2fa.reset`, with the
   * superuser as the actor.
   *
   * @example
   * ```ts
   * await client.admin.resetTwoFactor(userId);
   * ```
   */
  async resetTwoFactor(userId: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.POST('/api/v1/admin/users/{id}/2fa/reset', { params: { path: { id: userId } }, ...init }), options);
  }

  /**
   * Every global feature flag.
   *
   * @example
   * ```ts
   * for (const flag of await client.admin.listFlags()) console.log(flag.key, flag.rollout_percent);
   * ```
   */
  async listFlags(options?: CallOptions): Promise<FeatureFlag[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/admin/feature-flags', init), options);
  }

  /**
   * Creates a global feature flag.
   *
   * @example
   * ```ts
   * await client.admin.createFlag({ key: 'new-billing', name: 'New billing', default_enabled: false });
   * ```
   */
  async createFlag(body: CreateFeatureFlagBody, options?: CallOptions): Promise<FeatureFlag> {
    return this.#t.request((api, init) => api.POST('/api/v1/admin/feature-flags', { body, ...init }), options);
  }

  /**
   * Changes a global flag's rule (default, rollout percentage, unit, name, description).
   *
   * @example
   * ```ts
   * await client.admin.updateFlag('new-billing', { rollout_percent: 50 });
   * ```
   */
  async updateFlag(key: string, body: UpdateFeatureFlagBody, options?: CallOptions): Promise<FeatureFlag> {
    return this.#t.request((api, init) => api.PATCH('/api/v1/admin/feature-flags/{key}', { params: { path: { key } }, body, ...init }), options);
  }

  /**
   * Deletes a global flag and every organization's override of it.
   *
   * @example
   * ```ts
   * await client.admin.deleteFlag('new-billing');
   * ```
   */
  async deleteFlag(key: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.DELETE('/api/v1/admin/feature-flags/{key}', { params: { path: { key } }, ...init }), options);
  }
}
