// Migrate once per run, never per file. On PostgreSQL, one template database that every test file
// clones (CREATE DATABASE … TEMPLATE) so files never see each other's rows; on PGlite, one dump of a
// migrated data directory in a temporary file that every file loads (initdb and the migrations cost
// seconds of CPU per instance, loading a dump a fraction of that).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { TEST_PGLITE_CONF } from './pglite-conf.js';

export default async function setup(project: TestProject) {
  if (project.config.env?.TEST_DB === 'pglite') return pgliteTemplate(project);
  const url = process.env.TEST_DATABASE_URL;
  if (project.config.env?.TEST_DB !== 'postgres' || !url) return;
  const template = `saasready_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const handle = await openDatabase({ databaseUrl: templateUrl.toString(), dataDir: 'memory://' });
  await handle.migrate();
  await handle.close();
  project.provide('pgTemplate', template);
  return async () => {
    await admin.query(`drop database if exists "${template}" with (force)`);
    await admin.end();
  };
}

async function pgliteTemplate(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'saasready-pglite-tpl-'));
  const handle = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://', pgliteConf: TEST_PGLITE_CONF });
  await handle.migrate();
  const dump = await handle.dump!();
  await handle.close();
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    /** path of a migrated PGlite data-directory dump (pglite runs only) */
    pgliteTemplate: string;
  }
}
