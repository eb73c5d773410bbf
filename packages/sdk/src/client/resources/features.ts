// `client.features`: feature flags as one organization sees them. Evaluations are revalidated with
// the server's ETag, so polling a flag costs the server a 304.
import type { CallOptions, Transport } from '../transport.js';
import type { EvaluateResponse, OrgFeatureFlag, SetFlagOverrideBody } from '../types.js';

/** How many evaluate answers the client remembers for `If-None-Match` revalidation. */
const EVALUATE_CACHE_SIZE = 64;

/**
 * `client.features`: feature flags per organization.
 *
 * @example
 * ```ts
 * await client.features.set(org.id, 'advanced-analytics', { enabled: true });
 * if (await client.features.isEnabled(org.id, 'advanced-analytics')) showAdvancedAnalytics();
 * ```
 */
export class FeaturesApi {
  readonly #t: Transport;
  /** last answer per (credential, organization, keys), revalidated with its ETag */
  readonly #evaluated = new Map<string, { etag: string; value: EvaluateResponse }>();
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Every flag as the organization sees it: its effective `enabled`, and whether it is overridden here.
   *
   * @example
   * ```ts
   * for (const flag of await client.features.list(org.id)) console.log(flag.key, flag.enabled, flag.overridden);
   * ```
   */
  async list(orgId: string, options?: CallOptions): Promise<OrgFeatureFlag[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/feature-flags', { params: { path: { org_id: orgId } }, ...init }), options);
  }

  /**
   * Overrides a flag for the organization (on, off, or a percentage rollout).
   *
   * @example
   * ```ts
   * await client.features.set(org.id, 'advanced-analytics', { enabled: true });
   * ```
   */
  async set(orgId: string, key: string, body: SetFlagOverrideBody, options?: CallOptions): Promise<OrgFeatureFlag> {
    return this.#t.request((api, init) => api.PUT('/api/v1/orgs/{org_id}/feature-flags/{key}', { params: { path: { org_id: orgId, key } }, body, ...init }), options);
  }

  /**
   * Removes the organization's override: the flag follows its global rule again.
   *
   * @example
   * ```ts
   * await client.features.reset(org.id, 'advanced-analytics');
   * ```
   */
  async reset(orgId: string, key: string, options?: CallOptions): Promise<OrgFeatureFlag> {
    return this.#t.request((api, init) => api.DELETE('/api/v1/orgs/{org_id}/feature-flags/{key}', { params: { path: { org_id: orgId, key } }, ...init }), options);
  }

  /**
   * Evaluates flags (all, or the given keys) for the organization and the calling user. Answers are
   * revalidated with the server's ETag, so repeated calls cost the server one cheap 304.
   *
   * @example
   * ```ts
   * const { flags } = await client.features.evaluate(org.id, ['advanced-analytics', 'new-billing']);
   * if (flags['new-billing']) enableBilling();
   * ```
   */
  async evaluate(orgId: string, keys?: readonly string[], options?: CallOptions): Promise<EvaluateResponse> {
    const query = keys?.length ? { keys: keys.join(',') } : {};
    const cacheKey = `${this.#t.credential ?? ''}\n${orgId}\n${query.keys ?? '*'}`;
    const cached = this.#evaluated.get(cacheKey);
    const call: CallOptions = cached ? { ...options, headers: { ...options?.headers, 'if-none-match': cached.etag } } : (options ?? {});
    const { data, response } = await this.#t.send(
      (api, init) => api.GET('/api/v1/orgs/{org_id}/feature-flags/evaluate', { params: { path: { org_id: orgId }, query }, ...init }),
      { call, accept: (r) => r.status === 304 && cached !== undefined },
    );
    if (response.status === 304 && cached) return structuredClone(cached.value);
    const etag = response.headers.get('etag');
    this.#evaluated.delete(cacheKey);
    if (etag) {
      this.#evaluated.set(cacheKey, { etag, value: structuredClone(data) });
      if (this.#evaluated.size > EVALUATE_CACHE_SIZE) this.#evaluated.delete(this.#evaluated.keys().next().value!);
    }
    return data;
  }

  /**
   * The old SaaSReady client's `set_flag(org_id, flag_name, enabled)`: turns a flag on or off for
   * the organization (an override, `PUT /orgs/{id}/feature-flags/{key}`); same as
   * {@link FeaturesApi.set} with `{ enabled }`. {@link FeaturesApi.reset} returns it to the global rule.
   *
   * @example
   * ```ts
   * await client.features.setFlag(org.id, 'advanced_analytics', true);
   * ```
   */
  async setFlag(orgId: string, flagName: string, enabled: boolean, options?: CallOptions): Promise<OrgFeatureFlag> {
    return this.set(orgId, flagName, { enabled }, options);
  }

  /**
   * Whether one flag is on for the organization (and the calling user); unknown flags are off.
   * Evaluated by the server (`GET /orgs/{id}/feature-flags/evaluate`, revalidated with its ETag).
   *
   * Two spellings: `isEnabled(orgId, key)`, and the old client's order `is_enabled(flag_name,
   * org_id=…)` as `isEnabled(flagName, { orgId })` (or `{ organizationId }`, as `FlagEvaluator`
   * takes it). A second argument that is a string is always the flag key.
   *
   * @example
   * ```ts
   * if (await client.features.isEnabled('advanced_analytics', { orgId: org.id })) showAdvancedAnalytics();
   * if (await client.features.isEnabled(org.id, 'advanced_analytics')) showAdvancedAnalytics();
   * ```
   */
  async isEnabled(orgId: string, key: string, options?: CallOptions): Promise<boolean>;
  async isEnabled(flagName: string, where: { orgId: string } | { organizationId: string }, options?: CallOptions): Promise<boolean>;
  async isEnabled(first: string, second: string | { orgId: string } | { organizationId: string }, options?: CallOptions): Promise<boolean> {
    const [orgId, key] = typeof second === 'string' ? [first, second] : ['orgId' in second ? second.orgId : second.organizationId, first];
    const { flags } = await this.evaluate(orgId, [key], options);
    return flags[key] ?? false;
  }
}
