// A fresh, migrated database for one test file: in-memory PGlite, or a clone of the PostgreSQL template.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database, type DatabaseHandle, type Tx } from '../../src/db/client.js';
import { TEST_PGLITE_CONF } from './pglite-conf.js';

export const testDbKind = (): 'pglite' | 'postgres' => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export interface TestDatabase {
  handle: DatabaseHandle;
  /** the PostgreSQL URL of this database (postgres runs only) */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * The migrated dump every PGlite test database starts from: the file global-setup.ts wrote once for
 * the run, read once per test process; without it (a file run outside this config), made here.
 */
let pgliteTemplate: Promise<Blob> | null = null;
function migratedPgliteDump(): Promise<Blob> {
  const file = inject('pgliteTemplate');
  pgliteTemplate ??= file ? readFile(file).then((bytes) => new Blob([bytes])) : (async () => {
    const handle = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://', pgliteConf: TEST_PGLITE_CONF });
    await handle.migrate();
    const dump = await handle.dump!();
    await handle.close();
    return dump;
  })();
  return pgliteTemplate;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDbKind() === 'pglite') {
    const handle = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://', pgliteDump: await migratedPgliteDump(), pgliteConf: TEST_PGLITE_CONF });
    return { handle, url: undefined, drop: () => handle.close() };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `saasready_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}" template "${inject('pgTemplate')}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', poolMax: 5 });
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

/**
 * Runs `work` in a transaction that then stays open, holding its locks, until `release()`; resolves
 * once `work` is done. `done` is the transaction's end (it commits after `release`).
 */
export async function holdOpen(db: Database, work: (tx: Tx) => Promise<void>): Promise<{ release: () => void; done: Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const done = db.transaction(async (tx) => {
    await work(tx);
    held();
    await released;
  });
  // a `work` that fails ends the transaction before holding anything
  await Promise.race([holding, done]);
  return { release, done };
}

/** How many connections to this database wait on a lock, once one does (waits up to 5 s for the first). PostgreSQL only. */
export async function lockWaiters(db: Database): Promise<number> {
  const waiting = async () => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0]!.n;
  for (let i = 0; i < 200 && (await waiting()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  return waiting();
}
