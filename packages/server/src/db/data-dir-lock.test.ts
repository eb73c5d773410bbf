// Item 2 of issue 16: one process per embedded DATA_DIR. The lock itself, without PGlite (the CLI
// suite shows a running server refusing the CLI end to end).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../test/helpers/db.js';
import { DataDirLockedError, LOCK_FILE, lockDataDir, processStart, type LockRecord } from './data-dir-lock.js';

const root = mkdtempSync(join(tmpdir(), 'saasready-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => mkdtempSync(join(root, `d${n++}-`));

const record = (pid: number, extra: Partial<LockRecord> = {}): LockRecord => ({ pid, since: '2026-01-01T00:00:00.000Z', command: 'node cli.js start', hostname: 'h', ...extra });
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe.runIf(testDbKind() === 'pglite')('DATA_DIR lock', () => {
  it('is taken with the holder written down, refused to a second opener naming it, and released', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    const written = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockRecord;
    expect(written.pid).toBe(process.pid);
    expect(Date.now() - Date.parse(written.since)).toBeLessThan(10_000);
    expect(statSync(join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.pid} \\(.*\\) since ${written.since}: .*Stop that process`));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir).release(); // free again
  });

  it('refuses while another live process holds it (its real start time recorded)', async () => {
    const dir = freshDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => holder.once('spawn', resolve));
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify(record(holder.pid!, { proc_start: processStart(holder.pid!) })));
      expect(() => lockDataDir(dir)).toThrow(`in use by process ${holder.pid} (node cli.js start)`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that is gone, saying so', () => {
    const dir = freshDir();
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(record(pid)));
    const warnings: string[] = [];
    const lock = lockDataDir(dir, (msg) => warnings.push(msg));
    expect(warnings).toEqual([`taking over the lock of process ${pid} (node cli.js start, since 2026-01-01T00:00:00.000Z): it no longer runs`]);
    expect((JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockRecord).pid).toBe(process.pid);
    lock.release();
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose pid now belongs to another process (pid reuse, a container\'s pid 1 after a restart)', () => {
    const dir = freshDir();
    // this very test process, alive, but not started at the recorded time: not the holder
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(record(process.pid, { proc_start: '1' })));
    const lock = lockDataDir(dir, () => {});
    lock.release();
  });
});
