// A multi-tenant "projects" API whose every route is protected by @saasready/sdk alone: tokens are
// verified offline against SaaSReady's JWKS, and each project belongs to the caller's organization.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { createVerifier, fastifyGuard, type VerifiedCaller, type VerifierOptions } from '@saasready/sdk';

export interface Project {
  id: string;
  organization_id: string;
  name: string;
  created_by: string | null;
  created_at: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    saasready?: VerifiedCaller;
  }
}

export function buildProjectsApi(options: VerifierOptions): FastifyInstance {
  const app = Fastify();
  const guard = fastifyGuard(createVerifier(options));
  // storage for the example: projects by organization (a real app would use its database)
  const projects = new Map<string, Map<string, Project>>();
  const orgProjects = (orgId: string) => projects.get(orgId) ?? projects.set(orgId, new Map()).get(orgId)!;

  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/orgs/:orgId/projects', { preHandler: guard.requirePermission('org.read', { orgParam: 'orgId' }) }, async (request) => [
    ...orgProjects(request.saasready!.orgId!).values(),
  ]);

  app.post<{ Body: { name?: unknown } }>('/orgs/:orgId/projects', { preHandler: guard.requirePermission('org.update', { orgParam: 'orgId' }) }, async (request, reply) => {
    const name = typeof request.body?.name === 'string' ? request.body.name.trim() : '';
    if (!name || name.length > 100) return reply.code(400).send({ code: 'request.validation_failed', detail: 'name is required (1–100 characters)' });
    const caller = request.saasready!;
    const project: Project = { id: randomUUID(), organization_id: caller.orgId!, name, created_by: caller.userId, created_at: new Date().toISOString() };
    orgProjects(caller.orgId!).set(project.id, project);
    return reply.code(201).send(project);
  });

  app.patch<{ Params: { orgId: string; id: string }; Body: { name?: unknown } }>(
    '/orgs/:orgId/projects/:id',
    { preHandler: guard.requirePermission('org.update', { orgParam: 'orgId' }) },
    async (request, reply) => {
      const project = orgProjects(request.saasready!.orgId!).get(request.params.id);
      if (!project) return reply.code(404).send({ code: 'project.not_found' });
      if (typeof request.body?.name === 'string' && request.body.name.trim()) project.name = request.body.name.trim();
      return project;
    },
  );

  app.delete<{ Params: { orgId: string; id: string } }>('/orgs/:orgId/projects/:id', { preHandler: guard.requirePermission('org.delete', { orgParam: 'orgId' }) }, async (request, reply) => {
    if (!orgProjects(request.saasready!.orgId!).delete(request.params.id)) return reply.code(404).send({ code: 'project.not_found' });
    return reply.code(204).send();
  });

  // who am I, as the relying app sees it
  app.get('/me', { preHandler: guard.requireAuth() }, async (request) => {
    const c = request.saasready!;
    return { user_id: c.userId, org_id: c.orgId, role: c.role, permissions: [...c.permissions].sort() };
  });

  return app;
}
