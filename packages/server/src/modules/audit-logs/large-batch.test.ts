// A transaction that records thousands of audit events (a directory group mapped to a role records
// one per member whose role changes) commits them all: more rows than one statement's 65,535 bind
// parameters hold (18 each) are written in several statements, and the chain still verifies.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { systemContext } from '../../lib/request-context.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { registerUser } from '../../../test/helpers/factories.js';
import { recordAudit, verifyChain } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

it('commits 4,000 events recorded in one transaction, in order, and the chain verifies', async () => {
  const db = t.database.handle.db;
  const owner = await registerUser(t);
  const ctx = systemContext('large-batch');
  await db.transaction(async (tx) => {
    for (let i = 0; i < 4000; i++) {
      await recordAudit(tx, ctx, { action: 'user.role.updated', organizationId: owner.orgId, targetType: 'membership', targetId: `m-${i}`, metadata: { i } });
    }
  });
  const rows = await queryRows<{ i: number }>(db, sql`select (metadata->>'i')::int as i from audit_logs where organization_id = ${owner.orgId} and action = 'user.role.updated' order by seq`);
  expect(rows.map((r) => r.i)).toEqual(Array.from({ length: 4000 }, (_, i) => i));
  expect(await verifyChain(db, owner.orgId)).toMatchObject({ ok: true, first_broken: null });
}, 120_000);
