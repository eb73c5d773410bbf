// `client.admin`: the instance superuser's view — every user, every organization, global feature flags.
import { toPage } from '../pages.js';
import { InstanceWebhooksApi } from './admin-webhooks.js';
import type { CallOptions, Transport } from '../transport.js';
import type {
  AdminListQuery, AdminOrganization, AdminOrganizationDetail, AdminOverview, AdminOverviewQuery, AdminUser, AdminUserDetail, AuditLog,
  CreateFeatureFlagBody, FeatureFlag, ListAuditLogsQuery, ListMembersQuery, Member, Page, UpdateFeatureFlagBody,
} from '../types.js';

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
   * One account: profile, two-factor status, memberships, live sessions and recent security events.
   * Every call is recorded in the audit log as `admin.user.viewed` (the superuser as actor).
   *
   * @example
   * ```ts
   * const { user, sessions } = await client.admin.getUser(userId);
   * ```
   */
  async getUser(userId: string, options?: CallOptions): Promise<AdminUserDetail> {
    return this.#t.request((api, init) => api.GET('/api/v1/admin/users/{id}', { params: { path: { id: userId } }, ...init }), options);
  }

  /**
   * Disables an account (every session ends; logins and the API keys it created stop working) or
   * enables it again. Audited as `user.disabled` / `user.enabled`. Not your own account.
   *
   * @example
   * ```ts
   * await client.admin.setUserActive(userId, false);
   * ```
   */
  async setUserActive(userId: string, isActive: boolean, options?: CallOptions): Promise<AdminUser> {
    return this.#t.request((api, init) => api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id: userId } }, body: { is_active: isActive }, ...init }), options);
  }

  /**
   * Ends one session of a user. Audited as `user.session.revoked` with the superuser as actor.
   *
   * @example
   * ```ts
   * await client.admin.endUserSession(userId, sessionId);
   * ```
   */
  async endUserSession(userId: string, sessionId: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.DELETE('/api/v1/admin/users/{id}/sessions/{session_id}', { params: { path: { id: userId, session_id: sessionId } }, ...init }), options);
  }

  /**
   * One organization (settings, member count, roles with counts), without being a member. Every
   * call is recorded in that organization's audit log as `admin.organization.viewed`.
   *
   * @example
   * ```ts
   * const { organization, roles } = await client.admin.getOrganization(orgId);
   * ```
   */
  async getOrganization(orgId: string, options?: CallOptions): Promise<AdminOrganizationDetail> {
    return this.#t.request((api, init) => api.GET('/api/v1/admin/organizations/{id}', { params: { path: { id: orgId } }, ...init }), options);
  }

  /**
   * An organization's members (same query as `client.orgs.listMembers`); each page audited in its log.
   *
   * @example
   * ```ts
   * const page = await client.admin.listOrganizationMembers(orgId, { sort: 'name' });
   * ```
   */
  async listOrganizationMembers(orgId: string, query: ListMembersQuery = {}, options?: CallOptions): Promise<Page<Member>> {
    return toPage(await this.#t.send((api, init) => api.GET('/api/v1/admin/organizations/{id}/members', { params: { path: { id: orgId }, query }, ...init }), { call: options }));
  }

  /**
   * An organization's audit log, newest first; each page audited in that log.
   *
   * @example
   * ```ts
   * const page = await client.admin.listOrganizationAuditLogs(orgId, { limit: 20 });
   * ```
   */
  async listOrganizationAuditLogs(orgId: string, query: ListAuditLogsQuery = {}, options?: CallOptions): Promise<Page<AuditLog>> {
    return toPage(await this.#t.send((api, init) => api.GET('/api/v1/admin/organizations/{id}/audit-logs', { params: { path: { id: orgId }, query }, ...init }), { call: options }));
  }

  /**
   * Sign-ups, logins, failed logins and active users per day (`days`, default 30), and active users,
   * accounts and two-factor adoption per month (the last 12).
   *
   * @example
   * ```ts
   * const { days, months } = await client.admin.overview({ days: 30 });
   * ```
   */
  async overview(query: AdminOverviewQuery = {}, options?: CallOptions): Promise<AdminOverview> {
    return this.#t.request((api, init) => api.GET('/api/v1/admin/overview', { params: { query }, ...init }), options);
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
