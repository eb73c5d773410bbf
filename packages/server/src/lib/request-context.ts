import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../types.js';

/** What a service needs to know about the request that called it: who, from where, which request. */
export interface RequestContext {
  principal: Principal | null;
  /** set when an organization API key is calling (then principal is null) */
  apiKey?: { id: string; organizationId: string } | null;
  /** set when a SCIM directory is calling (then principal is null): the audit actor is the directory */
  directory?: { id: string; organizationId: string } | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export function contextOf(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  return {
    principal: request.principal,
    apiKey: request.apiKey ? { id: request.apiKey.id, organizationId: request.apiKey.organizationId } : null,
    directory: request.directory ? { id: request.directory.id, organizationId: request.directory.organizationId } : null,
    // behind TRUST_PROXY the client writes X-Forwarded-For: keep only a real address (inet columns)
    ip: isIP(request.ip ?? '') ? request.ip : null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null,
    requestId: String(request.id),
  };
}

/** The context of work not triggered by a request (CLI, jobs). */
export const systemContext = (requestId = 'system'): RequestContext => ({ principal: null, ip: null, userAgent: null, requestId });
