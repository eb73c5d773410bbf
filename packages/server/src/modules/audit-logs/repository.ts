import type { Executor } from '../../db/client.js';
import { auditLogs } from '../../db/schema.js';

export type AuditLogInsert = typeof auditLogs.$inferInsert;

export async function insert(ex: Executor, row: AuditLogInsert): Promise<void> {
  await ex.insert(auditLogs).values(row);
}
