// Guards for a relying app's own routes: one core, three adapters (Express, Fastify, plain Node /
// Next.js handlers). The core never imports a framework: it works on a header and returns a verdict.
import { bearerOf, twoFactorRequired, VerificationError, type VerifiedCaller, type Verifier } from '../verifier.js';

export interface GuardFailure {
  status: 401 | 403;
  body: { type: string; title: string; status: number; code: string; detail: string };
}

export type GuardResult = { ok: true; caller: VerifiedCaller } | { ok: false; failure: GuardFailure };

export interface GuardOptions {
  /** the permission the route needs, in the caller's organization */
  permission?: string;
  /** the route's organization (e.g. from a path parameter): the caller must be scoped to it */
  orgId?: string | null;
  /** require the caller to be scoped to some organization */
  requireOrg?: boolean;
}

const problem = (status: 401 | 403, code: string, title: string, detail: string): GuardFailure => ({
  status,
  body: { type: `urn:saasready:problem:${code}`, title, status, code, detail },
});

/** The framework-free check behind every adapter. */
export async function checkRequest(verifier: Verifier, authorization: string | string[] | undefined | null, options: GuardOptions = {}): Promise<GuardResult> {
  const bearer = bearerOf(authorization);
  if (!bearer) return { ok: false, failure: problem(401, 'auth.unauthenticated', 'Unauthenticated', 'A bearer token is required.') };
  let caller: VerifiedCaller;
  try {
    caller = await verifier.verify(bearer);
  } catch (err) {
    const code = err instanceof VerificationError && err.code === 'expired' ? 'auth.token_expired' : 'auth.invalid_token';
    return { ok: false, failure: problem(401, code, 'Unauthenticated', err instanceof Error ? err.message : 'Invalid credential.') };
  }
  if ((options.requireOrg || options.permission || options.orgId) && !caller.orgId) {
    return { ok: false, failure: problem(403, 'organization_required', 'Organization required', 'Switch to an organization first.') };
  }
  if (options.orgId && caller.orgId !== options.orgId) {
    return { ok: false, failure: problem(403, 'permission_denied', 'Permission denied', 'The token is scoped to another organization.') };
  }
  // the organization requires 2FA the user has not set up: authenticated (requireAuth passes), never authorized in it
  if ((options.requireOrg || options.permission || options.orgId) && caller.twoFactorSetupRequired) {
    return { ok: false, failure: problem(403, 'two_factor_required', 'Two-factor authentication required', twoFactorRequired().message) };
  }
  const needsOrg = Boolean(options.requireOrg || options.permission || options.orgId);
  try {
    if (options.permission) {
      if (!(await verifier.hasPermission(caller, options.permission, bearer))) {
        return { ok: false, failure: problem(403, 'permission_denied', 'Permission denied', `This action needs the "${options.permission}" permission.`) };
      }
    } else {
      // strict mode: the server confirms the session (and the membership, for requireOrg); offline: no call
      const standing = (await verifier.checkSession?.(caller, bearer)) ?? 'ok';
      if (needsOrg && standing === 'two_factor_required') return { ok: false, failure: problem(403, 'two_factor_required', 'Two-factor authentication required', twoFactorRequired().message) };
      if (needsOrg && standing === 'not_member') return { ok: false, failure: problem(403, 'permission_denied', 'Permission denied', 'You are no longer a member of this organization.') };
    }
  } catch (err) {
    // strict mode: the server says the session is over (401) or the organization now requires 2FA (403)
    if (!(err instanceof VerificationError)) throw err;
    if (err.code === 'two_factor_required') return { ok: false, failure: problem(403, 'two_factor_required', 'Two-factor authentication required', err.message) };
    const code = err.code === 'revoked' ? 'auth.session_revoked' : err.code === 'expired' ? 'auth.token_expired' : 'auth.invalid_token';
    return { ok: false, failure: problem(401, code, 'Unauthenticated', err.message) };
  }
  return { ok: true, caller };
}

// —— Express-style (req, res, next) ——

// `req.saasready` in Express handlers (@types/express merges Express.Request into its Request). A
// global namespace rather than `declare module 'express'`, so apps without Express still compile.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** the verified caller, set by an `expressGuard` middleware (undefined on routes without one) */
      saasready?: VerifiedCaller;
    }
  }
}

interface ExpressRequest {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  saasready?: VerifiedCaller;
}
interface ExpressResponse {
  status(code: number): ExpressResponse;
  type?(t: string): ExpressResponse;
  setHeader?(name: string, value: string): void;
  json(body: unknown): unknown;
}

/**
 * Express middleware factory.
 *
 * @example
 * ```ts
 * const guard = expressGuard(verifier);
 * app.patch('/orgs/:orgId/projects/:id', guard.requirePermission('org.update', { orgParam: 'orgId' }), handler);
 * // in handlers: req.saasready.userId, req.saasready.orgId
 * ```
 */
export function expressGuard(verifier: Verifier) {
  const make = (options: GuardOptions & { orgParam?: string }) =>
    // generic, so that as one of several handlers it takes Express's request type instead of shaping it
    async <Req extends ExpressRequest, Res extends ExpressResponse>(req: Req, res: Res, next: (err?: unknown) => void): Promise<void> => {
      try {
        const orgId = options.orgParam ? req.params?.[options.orgParam] : options.orgId;
        const result = await checkRequest(verifier, req.headers.authorization, { ...options, orgId });
        if (!result.ok) {
          res.setHeader?.('content-type', 'application/problem+json');
          res.status(result.failure.status).json(result.failure.body);
          return;
        }
        req.saasready = result.caller;
        next();
      } catch (err) {
        next(err);
      }
    };
  return {
    requireAuth: () => make({}),
    requireOrg: (options: { orgParam?: string } = {}) => make({ requireOrg: true, ...options }),
    requirePermission: (permission: string, options: { orgParam?: string } = {}) => make({ permission, ...options }),
  };
}

// —— Fastify preHandler hooks ——

interface FastifyLikeRequest {
  headers: Record<string, string | string[] | undefined>;
  params: unknown;
  saasready?: VerifiedCaller;
}
interface FastifyLikeReply {
  code(status: number): FastifyLikeReply;
  type(contentType: string): FastifyLikeReply;
  send(body: unknown): unknown;
}

/**
 * Fastify preHandler hooks.
 *
 * @example
 * ```ts
 * const guard = fastifyGuard(verifier);
 * app.get('/orgs/:orgId/projects', { preHandler: guard.requirePermission('org.read', { orgParam: 'orgId' }) }, handler);
 * // request.saasready is the verified caller
 * ```
 */
export function fastifyGuard(verifier: Verifier) {
  const make = (options: GuardOptions & { orgParam?: string }) =>
    async (request: FastifyLikeRequest, reply: FastifyLikeReply) => {
      const params = (request.params ?? {}) as Record<string, string>;
      const orgId = options.orgParam ? params[options.orgParam] : options.orgId;
      const result = await checkRequest(verifier, request.headers.authorization, { ...options, orgId });
      if (!result.ok) return reply.code(result.failure.status).type('application/problem+json').send(result.failure.body);
      request.saasready = result.caller;
    };
  return {
    requireAuth: () => make({}),
    requireOrg: (options: { orgParam?: string } = {}) => make({ requireOrg: true, ...options }),
    requirePermission: (permission: string, options: { orgParam?: string } = {}) => make({ permission, ...options }),
  };
}

// —— Fetch API handlers (Next.js route handlers, plain Node with a Request) ——

/**
 * Wraps a Fetch-API handler (Next.js route handlers, Hono, Bun, Deno, node:http via Request).
 *
 * @example
 * ```ts
 * export const GET = withAuth(verifier, { permission: 'org.read' }, async (req, caller) => Response.json({ org: caller.orgId }));
 * ```
 */
export function withAuth(
  verifier: Verifier,
  options: GuardOptions,
  handler: (request: Request, caller: VerifiedCaller) => Promise<Response> | Response,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const result = await checkRequest(verifier, request.headers.get('authorization'), options);
    if (!result.ok) return new Response(JSON.stringify(result.failure.body), { status: result.failure.status, headers: { 'content-type': 'application/problem+json' } });
    return handler(request, result.caller);
  };
}
