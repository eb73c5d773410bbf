// Item 15 of issue 15: the embedded database on disk (a real PGlite DATA_DIR, not memory://) and the
// generated master key are owner-only: directories 0700, files 0600, including what existed before.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';

const root = mkdtempSync(join(tmpdir(), 'saasready-perms-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every path under `dir` whose mode is not owner-only, as `path mode`. */
function loosePaths(dir: string): string[] {
  const loose: string[] = [];
  const walk = (path: string) => {
    const stat = statSync(path);
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      if (mode !== 0o700) loose.push(`${path} ${mode.toString(8)}`);
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (mode !== 0o600) loose.push(`${path} ${mode.toString(8)}`);
  };
  walk(dir);
  return loose;
}

const countFiles = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1), 0);

describe('DATA_DIR permissions', () => {
  it('creates the PGlite directory, its files and master.key owner-only, and tightens existing ones', { timeout: 60_000 }, async () => {
    const dataDir = join(root, 'data');
    // what an older install left behind: world-readable
    mkdirSync(join(dataDir, 'old'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'old', 'leftover'), 'x', { mode: 0o644 });
    chmodSync(join(dataDir, 'old', 'leftover'), 0o644);

    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }, () => {});
    const database = await openDatabase(config);
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
    expect(statSync(join(dataDir, 'master.key')).isFile()).toBe(true);
    expect(countFiles(join(dataDir, 'pgdata'))).toBeGreaterThan(10);
    expect(loosePaths(dataDir)).toEqual([]);
  });
});
