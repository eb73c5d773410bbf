// A fresh, migrated database for one test file: in-memory PGlite, or a clone of the PostgreSQL template.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
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
