// DATABASE_REPLICA_URL: member lists, audit listings/exports and the superuser listings read the
// replica; everything that decides access (authentication, the guard) and every write uses the
// primary. Proven with a "replica" that is a second, empty database: what the lists show is what it
// holds, while access still follows the primary. PostgreSQL only (PGlite has no replicas).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { users as usersTable } from '../src/db/schema.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { expectProblem, registerUser, STRONG_PASSWORD, uniqueEmail, type RegisteredUser } from './helpers/factories.js';
import { createAdmin } from '../src/modules/users/admin.js';
import { PasswordHasher } from '../src/lib/passwords.js';
import { loadConfig } from '../src/config.js';

describe.runIf(process.env.TEST_DB === 'postgres')('read replica', () => {
  let replica: TestDatabase;
  let t: TestApp;
  let owner: RegisteredUser;
  let adminToken: string;

  beforeAll(async () => {
    replica = await createTestDatabase();
    t = await startTestApp({ databaseReplicaUrl: replica.url });
    owner = await registerUser(t);
    const email = uniqueEmail('root');
    await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email, password: STRONG_PASSWORD, fullName: 'Root' });
    adminToken = (await t.request('POST', '/api/v1/auth/login', { body: { email, password: STRONG_PASSWORD } })).body.access_token;
  });
  afterAll(async () => {
    await t?.close();
    await replica?.drop();
  });

  it('serves lists from the replica while the guard reads the primary', async () => {
    // the owner exists only on the primary: authentication and the guard let them in...
    const members = await t.request('GET', `/api/v1/orgs/${owner.orgId}/members`, { token: owner.accessToken });
    expect(members.status, members.text).toBe(200);
    // ...and the list comes from the (empty) replica
    expect(members.body).toEqual([]);
    const audit = await t.request('GET', `/api/v1/audit/orgs/${owner.orgId}/logs`, { token: owner.accessToken });
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body).toEqual([]);
    const users = await t.request('GET', `/api/v1/admin/users?search=${encodeURIComponent(owner.email)}`, { token: adminToken });
    expect(users.status, users.text).toBe(200);
    expect(users.body).toEqual([]);

    // once the row reaches the replica, the listing shows it
    const [row] = await t.database.handle.db.select().from(usersTable).where(eq(usersTable.id, owner.userId));
    await replica.handle.db.insert(usersTable).values(row!);
    const replicated = await t.request('GET', `/api/v1/admin/users?search=${encodeURIComponent(owner.email)}`, { token: adminToken });
    expect(replicated.body.map((u: { id: string }) => u.id)).toEqual([owner.userId]);
  });

  it('keeps writes and their checks on the primary', async () => {
    const patch = await t.request('PATCH', `/api/v1/orgs/${owner.orgId}`, { token: owner.accessToken, body: { description: 'on the primary' } });
    expect(patch.status, patch.text).toBe(200);
    const [row] = (await t.database.handle.db.execute(sql`select description from organizations where id = ${owner.orgId}`)).rows as { description: string }[];
    expect(row?.description).toBe('on the primary');
    const onReplica = (await replica.handle.db.execute(sql`select 1 from organizations where id = ${owner.orgId}`)).rows;
    expect(onReplica).toHaveLength(0);
  });

  it('is not ready when the replica is unreachable', async () => {
    const down = await startTestApp({ databaseReplicaUrl: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      expectProblem(await down.request('GET', '/readyz'), 503, 'service.unavailable');
    } finally {
      await down.close();
    }
    expect((await t.request('GET', '/readyz')).status).toBe(200);
  });

  it('needs a PostgreSQL primary', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_REPLICA_URL: 'postgres://replica/db' }, () => {})).toThrow(/DATABASE_REPLICA_URL/);
  });
});
