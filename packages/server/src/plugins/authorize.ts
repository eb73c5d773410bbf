// Default deny. Every route declares exactly one access kind — `public`, `authenticated`,
// `member`, `permission`, `superuser`, `apiKeyOnly` or `directory` (SCIM) — and a response schema; the server refuses
// to start otherwise. Body fields that need more (`fieldPermissions`) are declared there too. For `member`/`permission` the guard loads the caller's membership in the path's
// organization (never trusting a token claim): not a member → 404 (indistinguishable from a
// missing organization), suspended → 403, lacking the permission → 403 permission_denied.
// It runs before body validation, so an outsider learns nothing, not even the body's schema.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { orgTag, userTag, type ReadThroughCache } from '../cache/caches.js';
import type { Database } from '../db/client.js';
import { AppError, membershipSuspended, organizationNotFound, permissionDenied, unauthenticated } from '../lib/errors.js';
import { USER_ONLY_PERMISSIONS } from '@saasready/contracts';
import * as memberships from '../modules/memberships/service.js';

const twoFactorRequired = () =>
  new AppError('two_factor_required', 'This organization requires two-factor authentication: enable it at POST /api/v1/auth/2fa/setup.');
const superuserRequired = () => new AppError('permission_denied', 'This action needs an instance superuser.');

/**
 * The same guard for API keys: exactly the key's organization (any other is "not found") and
 * exactly its permissions; never user-only routes (sessions, account, superuser, managing people).
 */
function authorizeApiKey(request: FastifyRequest): void {
  const key = request.apiKey!;
  const config = request.routeOptions.config;
  // `apiKeys` opens a route to keys too (for a superuser route: keys instead of a superuser)
  if (config.apiKeyOnly) return;
  const userOnly = ((config.superuser || config.authenticated || config.member) && !config.apiKeys) || false;
  const needed = [config.permission, ...fieldPermissionsNeeded(request)].filter((p): p is string => Boolean(p));
  if (userOnly || needed.some((p) => USER_ONLY_PERMISSIONS.has(p))) throw apiKeyForbidden();
  // a route without :org_id acts on the key's own organization, with the permission it names
  if (typeof config.apiKeys === 'string' && !key.permissions.has(config.apiKeys)) throw permissionDenied(config.apiKeys);
  if (!config.permission && !config.member) return;
  const orgId = (request.params as { org_id?: string }).org_id ?? '';
  if (orgId.toLowerCase() !== key.organizationId) throw organizationNotFound();
  const missing = needed.find((p) => !key.permissions.has(p));
  if (missing) throw permissionDenied(missing);
  request.orgAccess = { organizationId: key.organizationId, membershipId: '', roleId: '', roleName: 'api_key', isOwner: false, permissions: key.permissions };
}

const apiKeyForbidden = () => new AppError('api_key.forbidden', 'This endpoint needs a person’s session, not an API key.');
const apiKeyRequired = () => new AppError('permission_denied', 'This endpoint describes the calling API key; call it with one.');

/** The permissions the body's fields ask for beyond the route's own (`config.fieldPermissions`). */
function fieldPermissionsNeeded(request: FastifyRequest): string[] {
  const fields = request.routeOptions.config.fieldPermissions;
  const body = request.body;
  if (!fields || typeof body !== 'object' || body === null) return [];
  return Object.entries(fields).flatMap(([field, permission]) => (permission && Object.hasOwn(body, field) ? [permission] : []));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ACCESS_KINDS = ['public', 'authenticated', 'member', 'permission', 'superuser', 'apiKeyOnly', 'directory'] as const;

/** What is wrong with a route's declaration, or null when it is fine. */
export function routeDeclarationProblem(route: Pick<RouteOptions, 'url' | 'config' | 'schema'>): string | null {
  const config = (route.config ?? {}) as Record<string, unknown>;
  const declared = ACCESS_KINDS.filter((kind) => Boolean(config[kind]));
  if (declared.length !== 1) return `must declare exactly one of config.${ACCESS_KINDS.join(', config.')}`;
  if ((config.permission || config.member) && !route.url.includes(':org_id')) return 'is organization-scoped but has no :org_id path parameter';
  if (config.fieldPermissions && !config.permission) return 'declares fieldPermissions without a permission';
  if (!config.internal && !route.schema?.response) return 'declares no response schema';
  return null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** every route registered on the app, as declared (tests walk it to prove tenant isolation) */
    routeTable: RouteOptions[];
  }
}

export default fp<{ db: Database; caches: { access: ReadThroughCache<memberships.AccessRow> } }>(
  async (app: FastifyInstance, { db, caches }) => {
    const routes: RouteOptions[] = [];
    app.decorate('routeTable', routes);
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    app.addHook('onReady', async () => {
      const problems = routes
        .map((r) => [r, routeDeclarationProblem(r)] as const)
        .filter(([, p]) => p)
        .map(([r, p]) => `${String(r.method)} ${r.url} ${p}`);
      if (problems.length) throw new Error(`Refusing to start, routes without an access declaration:\n${problems.join('\n')}`);
    });

    app.addHook('preValidation', async (request) => {
      const config = request.routeOptions.config;
      // a SCIM route: authenticate accepted exactly a directory token, which names its organization
      if (config.directory) return;
      if (request.apiKey) return authorizeApiKey(request);
      if (config.superuser) {
        if (!request.principal) throw unauthenticated();
        if (!request.principal.isSuperuser) throw superuserRequired();
        return;
      }
      if (config.apiKeyOnly) throw request.principal ? apiKeyRequired() : unauthenticated();
      if (!config.permission && !config.member) return;
      const principal = request.principal;
      if (!principal) throw unauthenticated();
      // one spelling of the id everywhere after this point (locks and keys compare text)
      const orgId = ((request.params as { org_id?: string }).org_id ?? '').toLowerCase();
      if (!UUID.test(orgId)) throw organizationNotFound();
      // cached per process; any change to the membership, its role, the role's permissions or the
      // organization drops it everywhere (cache/invalidation.ts)
      const userId = principal.userId;
      const access = await caches.access.get(`${orgId}:${userId}`, () => memberships.findAccess(db, orgId, userId), () => [orgTag(orgId), userTag(userId)]);
      if (!access) throw organizationNotFound();
      if (access.status !== 'active') throw membershipSuspended();
      if (access.require_2fa && !principal.twoFactorEnabled && !config.twoFactorExempt) throw twoFactorRequired();
      const permissions = new Set(access.permissions);
      const missing = [config.permission, ...fieldPermissionsNeeded(request)].find((p) => p && !permissions.has(p));
      if (missing) throw permissionDenied(missing);
      request.orgAccess = { organizationId: orgId, membershipId: access.membership_id, roleId: access.role_id, roleName: access.role_name, isOwner: access.is_owner, permissions, organizationName: access.organization_name };
    });
  },
  { name: 'authorize', dependencies: ['authenticate'] },
);
