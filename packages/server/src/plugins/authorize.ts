// Default deny. Every route declares `public`, `authenticated` or a `permission`; the server
// refuses to start otherwise. For a permission, the guard loads the caller's membership in the
// path's organization (never trusting a token claim): not a member → 404, suspended → 403,
// lacking the permission → 403 permission_denied.
import fp from 'fastify-plugin';
import type { RouteOptions } from 'fastify';
import type { Database } from '../db/client.js';
import { AppError, permissionDenied, unauthenticated } from '../lib/errors.js';
import * as memberships from '../modules/memberships/repository.js';

export const organizationNotFound = () => new AppError('organization.not_found', 'Organization not found');

/** What is wrong with a route's declaration, or null when it is fine. */
export function routeDeclarationProblem(route: Pick<RouteOptions, 'url' | 'config' | 'schema'>): string | null {
  const config = route.config ?? {};
  const declared = [config.public, config.authenticated, config.permission].filter(Boolean).length;
  if (declared !== 1) return 'must declare exactly one of config.public, config.authenticated or config.permission';
  if (config.permission && !route.url.includes(':org_id')) return 'declares a permission but has no :org_id path parameter';
  if (!config.internal && !route.schema?.response) return 'declares no response schema';
  return null;
}

export default fp<{ db: Database }>(
  async (app, { db }) => {
    const routes: RouteOptions[] = [];
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

    app.addHook('preHandler', async (request) => {
      const permission = request.routeOptions.config.permission;
      if (!permission) return;
      const principal = request.principal;
      if (!principal) throw unauthenticated();
      const orgId = (request.params as { org_id?: string }).org_id!;
      const access = await memberships.findAccess(db, orgId, principal.userId);
      if (!access) throw organizationNotFound();
      if (access.status !== 'active') throw new AppError('membership.suspended', 'Membership suspended', 'Your membership in this organization is suspended.');
      const permissions = new Set(access.permissions);
      if (!permissions.has(permission)) throw permissionDenied(permission);
      request.orgAccess = { organizationId: orgId, membershipId: access.membership_id, roleId: access.role_id, roleName: access.role_name, permissions };
    });
  },
  { name: 'authorize', dependencies: ['authenticate'] },
);
