// The scale seed at a small size (PostgreSQL: it loads with COPY): the shape the bench relies on,
// foreign keys and indexes as migrated, valid audit chains, and member search text as the triggers
// would write it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SYSTEM_ROLES } from '@saasready/contracts';
import { queryRows } from '@saasready/server/internal/db/client.js';
import { listAuditChains } from '@saasready/server/internal/modules/audit-logs/repository.js';
import { verifyChain } from '@saasready/server/internal/modules/audit-logs/service.js';
import { createTestDatabase, testDbKind, type TestDatabase } from '@saasready/test-kit';
import { SCALE_ADMIN_EMAIL, orgIdOf, seedScale, userIdOf, type SeedResult } from './seed-scale.js';

/** the grants of the four system roles, shared by every organization */
const SYSTEM_GRANTS = Object.values(SYSTEM_ROLES).reduce((n, permissions) => n + permissions.length, 0);

describe.runIf(testDbKind() === 'postgres')('seed-scale (PostgreSQL)', () => {
  const size = { users: 1_200, orgs: 40, audit: 2_500 };
  let database: TestDatabase;
  let result: SeedResult;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.handle.db, query);

  beforeAll(async () => {
    database = await createTestDatabase();
    result = await seedScale(database.url!, size, () => {});
  }, 120_000);
  afterAll(() => database?.drop());

  it('loads the requested size with every organization’s roles, permissions and one Owner', async () => {
    expect(result).toMatchObject({ ...size, roles: size.orgs * 4, rolePermissions: SYSTEM_GRANTS });
    const [counts] = await rows<{ users: number; audit: number; memberships: number }>(sql`
      select (select count(*)::int from users) as users, (select count(*)::int from audit_logs) as audit,
             (select count(*)::int from memberships) as memberships`);
    expect(counts).toEqual({ users: size.users + 1, audit: size.audit, memberships: result.memberships });
    expect(result.memberships).toBeGreaterThanOrEqual(size.users);
    const owners = await rows<{ n: number }>(sql`
      select count(*) filter (where r.name = 'Owner')::int as n
        from organizations o left join memberships m on m.organization_id = o.id left join roles r on r.id = m.role_id and r.organization_id = m.organization_id
       group by o.id`);
    expect(owners).toHaveLength(size.orgs);
    expect(owners.every((o) => o.n === 1)).toBe(true);
    // the ids scale.ts computes in SQL are the ones the seed wrote
    const [first] = await rows<{ org: string; user: string }>(sql`select md5('scale-org-1')::uuid::text as org, md5('scale-user-1')::uuid::text as user`);
    expect(first).toEqual({ org: orgIdOf(1), user: userIdOf(1) });
    const [admin] = await rows<{ is_superuser: boolean }>(sql`select is_superuser from users where email = ${SCALE_ADMIN_EMAIL}`);
    expect(admin?.is_superuser).toBe(true);
  });

  it('leaves every foreign key validated and every index valid, member search text included', async () => {
    expect(await rows(sql`select conname from pg_constraint where not convalidated`)).toEqual([]);
    expect(await rows(sql`select indexrelid::regclass::text from pg_index where not indisvalid or not indisready`)).toEqual([]);
    expect(await rows(sql`select indexname from pg_indexes where indexname = 'memberships_org_search_idx'`)).toHaveLength(1);
    const [stale] = await rows<{ n: number }>(sql`
      select count(*)::int as n from memberships m join users u on u.id = m.user_id
       where m.search_text is distinct from u.email || E'\n' || u.full_name`);
    expect(stale!.n).toBe(0);
  });

  it('writes audit chains that the app verifies', async () => {
    const chains = await listAuditChains(database.handle.db);
    expect(chains.length).toBeGreaterThan(10);
    let checked = 0;
    for (const chain of chains) {
      const verdict = await verifyChain(database.handle.db, chain);
      expect(verdict, String(chain)).toMatchObject({ ok: true, first_broken: null });
      checked += verdict.checked;
    }
    expect(checked).toBe(size.audit);
  });
});
