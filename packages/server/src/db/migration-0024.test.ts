// Migration 0024 (shared system roles) on a database as 0023 left it: every organization had its
// own copies of the four system roles, with random ids and their own permission rows. The migration
// must move every reference to the fixed ids, replace the copies by the shared rows, leave custom
// roles alone, and from then on refuse any row that would let one organization change another's roles.
import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SYSTEM_ROLE_IDS, SYSTEM_ROLES, type SystemRoleName } from '@saasready/contracts';
import { testDbKind } from '../../test/helpers/db.js';
import { TEST_PGLITE_CONF } from '../../test/helpers/pglite-conf.js';
import { openDatabase, queryRows, type DatabaseHandle } from './client.js';
import { listForUser } from '../modules/memberships/repository.js';

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
const BEFORE = 23;
const NAMES = Object.keys(SYSTEM_ROLES) as SystemRoleName[];

let handle: DatabaseHandle;
let dropDatabase = async () => {};
let folder: string;

/** The migrations folder as it was before 0024: the same files, the journal cut after `BEFORE`. */
async function foldersUpTo(last: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'saasready-migrations-'));
  await cp(MIGRATIONS, dir, { recursive: true });
  const journal = JSON.parse(await readFile(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  await writeFile(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

async function migrateUpTo(dir: string): Promise<void> {
  if (testDbKind() === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: dir });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(handle.db as never, { migrationsFolder: dir });
  }
}

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(handle.db, query);

/** What 0023 left for one organization: its system roles (random ids, own permission rows). */
async function legacyOrganization(name: string): Promise<{ id: string; roles: Record<SystemRoleName, string> }> {
  const id = randomUUID();
  await handle.db.execute(sql`insert into organizations (id, name, slug) values (${id}, ${name}, ${`legacy-${randomBytes(4).toString('hex')}`})`);
  const roles = {} as Record<SystemRoleName, string>;
  for (const role of NAMES) {
    roles[role] = randomUUID();
    await handle.db.execute(sql`insert into roles (id, organization_id, name, description, is_system) values (${roles[role]}, ${id}, ${role}, ${`${role} (system role)`}, true)`);
    for (const permission of SYSTEM_ROLES[role]) {
      await handle.db.execute(sql`insert into role_permissions (organization_id, role_id, permission) values (${id}, ${roles[role]}, ${permission})`);
    }
  }
  return { id, roles };
}

async function user(email: string): Promise<string> {
  const id = randomUUID();
  await handle.db.execute(sql`insert into users (id, email, password_hash, full_name) values (${id}, ${email}, 'x', ${email})`);
  return id;
}

async function member(orgId: string, userId: string, roleId: string): Promise<string> {
  const id = randomUUID();
  await handle.db.execute(sql`insert into memberships (id, organization_id, user_id, role_id) values (${id}, ${orgId}, ${userId}, ${roleId})`);
  return id;
}

const violation = async (query: ReturnType<typeof sql>) => {
  const error = await handle.db.execute(query).then(() => null, (err: unknown) => err as { code?: string; cause?: { code?: string } });
  return error?.cause?.code ?? error?.code ?? null;
};

let a: Awaited<ReturnType<typeof legacyOrganization>>;
let b: Awaited<ReturnType<typeof legacyOrganization>>;
let alice: string;
let bob: string;
let custom: string;
const members: Record<string, string> = {};
let invitation: string;
let directory: string;

beforeAll(async () => {
  if (testDbKind() === 'pglite') {
    handle = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://', pgliteConf: TEST_PGLITE_CONF });
    dropDatabase = () => handle.close();
  } else {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `saasready_m_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', poolMax: 2 });
    dropDatabase = async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    };
  }
  folder = await foldersUpTo(BEFORE);
  await migrateUpTo(folder);

  a = await legacyOrganization('Legacy A');
  b = await legacyOrganization('Legacy B');
  alice = await user('alice@legacy.test');
  bob = await user('bob@legacy.test');
  custom = randomUUID();
  await handle.db.execute(sql`insert into roles (id, organization_id, name, is_system) values (${custom}, ${a.id}, 'Billing', false)`);
  await handle.db.execute(sql`insert into role_permissions (organization_id, role_id, permission) values (${a.id}, ${custom}, 'org.read'), (${a.id}, ${custom}, 'audit.read')`);
  members.aliceA = await member(a.id, alice, a.roles.Owner);
  members.bobA = await member(a.id, bob, custom);
  members.aliceB = await member(b.id, alice, b.roles.Viewer);
  members.bobB = await member(b.id, bob, b.roles.Owner);
  invitation = randomUUID();
  await handle.db.execute(sql`insert into invitations (id, organization_id, email, role_id, token_hash, expires_at)
    values (${invitation}, ${a.id}, 'carol@legacy.test', ${a.roles.Admin}, 'hash', now() + interval '1 day')`);
  directory = randomUUID();
  await handle.db.execute(sql`insert into scim_directories (id, organization_id, name, token_hash, token_prefix, default_role_id)
    values (${directory}, ${b.id}, 'Okta', 'scim-hash', 'scim_', ${b.roles.Member})`);

  await handle.migrate();
}, 120_000);

afterAll(async () => {
  await dropDatabase();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('migration 0024: shared system roles', () => {
  it('gives each organization its system roles under the fixed ids, and moves every reference with them', async () => {
    for (const org of [a, b]) {
      const roles = await rows<{ id: string; name: string }>(sql`select id, name from roles where organization_id = ${org.id} and is_system order by name`);
      expect(Object.fromEntries(roles.map((r) => [r.name, r.id]))).toEqual(SYSTEM_ROLE_IDS);
    }
    const roleOf = async (id: string) => (await rows<{ role_id: string }>(sql`select role_id from memberships where id = ${id}`))[0]!.role_id;
    expect(await roleOf(members.aliceA!)).toBe(SYSTEM_ROLE_IDS.Owner);
    expect(await roleOf(members.bobA!)).toBe(custom);
    expect(await roleOf(members.aliceB!)).toBe(SYSTEM_ROLE_IDS.Viewer);
    expect(await roleOf(members.bobB!)).toBe(SYSTEM_ROLE_IDS.Owner);
    expect((await rows<{ role_id: string }>(sql`select role_id from invitations where id = ${invitation}`))[0]!.role_id).toBe(SYSTEM_ROLE_IDS.Admin);
    expect((await rows<{ default_role_id: string }>(sql`select default_role_id from scim_directories where id = ${directory}`))[0]!.default_role_id).toBe(SYSTEM_ROLE_IDS.Member);
    // no role of the old ids is left
    const old = [...Object.values(a.roles), ...Object.values(b.roles)];
    expect(await rows(sql`select id from roles where id in (${sql.join(old.map((id) => sql`${id}::uuid`), sql`, `)})`)).toEqual([]);
  });

  it('replaces the copied permission rows by one shared set, as the contract defines it, and keeps custom roles’ rows', async () => {
    const shared = await rows<{ role_id: string; permission: string }>(sql`select role_id, permission from role_permissions where organization_id is null`);
    for (const role of NAMES) {
      expect(shared.filter((r) => r.role_id === SYSTEM_ROLE_IDS[role]).map((r) => r.permission).sort()).toEqual([...SYSTEM_ROLES[role]].sort());
    }
    expect(shared).toHaveLength(NAMES.reduce((n, role) => n + SYSTEM_ROLES[role].length, 0));
    const scoped = await rows<{ organization_id: string; role_id: string; permission: string }>(sql`select organization_id, role_id, permission from role_permissions where organization_id is not null order by permission`);
    expect(scoped).toEqual([
      { organization_id: a.id, role_id: custom, permission: 'audit.read' },
      { organization_id: a.id, role_id: custom, permission: 'org.read' },
    ]);
    // what a member holds, read the way the app reads it
    const byOrg = new Map((await listForUser(handle.db, alice)).map((m) => [m.organization_id, m]));
    expect(byOrg.get(a.id)!.permissions).toEqual([...SYSTEM_ROLES.Owner].sort());
    expect(byOrg.get(b.id)!.permissions).toEqual([...SYSTEM_ROLES.Viewer].sort());
    const bobs = new Map((await listForUser(handle.db, bob)).map((m) => [m.organization_id, m]));
    expect(bobs.get(a.id)).toMatchObject({ role_name: 'Billing', permissions: ['audit.read', 'org.read'] });
  });

  it('refuses rows that would reach another organization’s roles', async () => {
    // an organization's own row for a system role would add the permission to every organization's Owner
    expect(await violation(sql`insert into role_permissions (organization_id, role_id, permission) values (${a.id}, ${SYSTEM_ROLE_IDS.Viewer}, 'org.delete')`)).toBe('23514');
    // a shared row for a custom role
    expect(await violation(sql`insert into role_permissions (organization_id, role_id, permission) values (null, ${custom}, 'org.delete')`)).toBe('23514');
    // a custom role cannot take a system id, nor a system role another name's id
    expect(await violation(sql`insert into roles (id, organization_id, name, is_system) values (${SYSTEM_ROLE_IDS.Owner}, ${b.id}, 'Sneaky', false)`)).toBe('23514');
    expect(await violation(sql`update roles set name = 'Owner2' where organization_id = ${b.id} and id = ${SYSTEM_ROLE_IDS.Owner}`)).toBe('23514');
    // a custom role's id is unique across organizations
    expect(await violation(sql`insert into roles (id, organization_id, name, is_system) values (${custom}, ${b.id}, 'Copy', false)`)).toBe('23505');
    // a membership still names a role of its own organization only
    expect(await violation(sql`update memberships set role_id = ${custom} where id = ${members.bobB!}`)).toBe('23503');
    const untouched = await rows<{ n: number }>(sql`select count(*)::int as n from role_permissions where organization_id is not null`);
    expect(untouched[0]!.n).toBe(2);
  });
});
