import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PERMISSIONS } from '@saasready/contracts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.js';
import { queryRows } from './client.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('migrations', () => {
  it('seed the permission catalog exactly as the contract defines it', async () => {
    const rows = await queryRows<{ key: string; description: string }>(database.handle.db, sql`select key, description from permissions order by key`);
    expect(Object.fromEntries(rows.map((r) => [r.key, r.description]))).toEqual(PERMISSIONS);
  });

  it('are idempotent: running them again changes nothing', async () => {
    await database.handle.migrate();
    const [row] = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from permissions`);
    expect(row!.n).toBe(Object.keys(PERMISSIONS).length);
  });

  it('keep tenant-owned foreign keys inside one organization', async () => {
    // a membership cannot point at a role of another organization: the FK includes organization_id
    const fks = await queryRows<{ def: string }>(
      database.handle.db,
      sql`select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'memberships'::regclass and contype = 'f'`,
    );
    expect(fks.map((f) => f.def)).toContainEqual(expect.stringMatching(/FOREIGN KEY \(organization_id, role_id\) REFERENCES roles\(organization_id, id\)/));
  });
});
