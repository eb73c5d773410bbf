// HTTP surface of the audit log: pages, streamed export, chain verification.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AuditLogSchema, AuditVerifyResponse, ExportAuditLogsQuery, ListAuditLogsQuery, OrgParams, VerifyAuditQuery } from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { setNextPage } from '../../lib/pagination.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import { exportAuditLogs, filterOf, listAuditLogs, verifyOrganizationChain } from './service.js';

/** Verifications per organization per minute (each incremental, so cheap; the limit bounds a full walk's cost too). */
const VERIFY_PER_MINUTE = 10;

/** Listing and export read `reader` (the replica when configured); verification reads the primary. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ db: Database; reader: Database }> = async (app, { db, reader }) => {
  const tags = ['audit'];

  app.get('/audit/orgs/:org_id/logs', {
    config: { permission: 'audit.read' },
    schema: {
      operationId: 'orgs.auditLogs.list',
      tags,
      summary: 'The organization’s audit log, newest first (offset or X-Next-Cursor pages; filters)',
      params: OrgParams,
      querystring: ListAuditLogsQuery,
      response: { 200: ok('A page of audit events, newest first', Type.Array(AuditLogSchema)), ...problemResponses },
    },
  }, async (request, reply) => {
    const { items, nextCursor } = await listAuditLogs(reader, request.orgAccess!.organizationId, request.query);
    setNextPage(request, reply, nextCursor);
    return items;
  });

  app.get('/audit/orgs/:org_id/logs/export', {
    config: { permission: 'audit.read' },
    schema: {
      operationId: 'orgs.auditLogs.export',
      tags,
      summary: 'Stream the filtered log as CSV or JSON lines',
      params: OrgParams,
      querystring: ExportAuditLogsQuery,
      // the media types belong to the 200 response alone: problems stay application/problem+json
      response: {
        200: {
          description: 'CSV or JSON lines, streamed',
          content: { 'text/csv': { schema: Type.String() }, 'application/x-ndjson': { schema: Type.String() } },
        },
        ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const format = request.query.format ?? 'jsonl';
    const { format: _f, ...filters } = request.query;
    reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="audit-${request.orgAccess!.organizationId}.${format}"`);
    return reply.send(exportAuditLogs(reader, request.orgAccess!.organizationId, filterOf(filters), format));
  });

  // Each call walks only the rows written since the last intact verification (a checkpoint), and
  // an organization gets VERIFY_PER_MINUTE calls, counted after the guard (outsiders cannot spend them).
  const verifyLimit = app.limit('audit-verify:org', { max: VERIFY_PER_MINUTE, windowMs: 60_000, key: (req) => req.orgAccess?.organizationId ?? null });
  app.get('/audit/orgs/:org_id/verify', {
    config: { permission: 'audit.read' },
    preHandler: verifyLimit,
    schema: {
      operationId: 'orgs.auditLogs.verify',
      tags,
      summary: 'Walk the hash chain from the last verified checkpoint (full=true: all of it, superusers) and report the first broken link',
      params: OrgParams,
      querystring: VerifyAuditQuery,
      response: { 200: ok('Whether the organization’s audit chain is intact, and where it breaks if not', AuditVerifyResponse), ...problemResponses },
    },
  }, async (request) => {
    return verifyOrganizationChain(db, request.orgAccess!.organizationId, request.query.full === true, request.principal?.isSuperuser === true);
  });
};
