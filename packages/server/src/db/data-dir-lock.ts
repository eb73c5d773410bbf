// PGlite is single-process: two processes on one DATA_DIR each keep their own copy of the database
// in memory and the last to write wins, silently. So the process that opens a DATA_DIR holds
// DATA_DIR/saasready.lock (created with O_EXCL) until it closes the database or exits; any other
// process refuses at once, naming the holder. A lock whose process is gone is taken over: the holder
// is gone when its pid is not alive, or (Linux) when that pid now belongs to a process that started
// at another time or under another boot, which covers pid reuse, also a container's pid 1 after a
// restart. Not detected: a holder in another pid namespace or on another machine sharing the
// directory (two containers mounting one volume, a network share); give each its own DATA_DIR.
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';

export const LOCK_FILE = 'saasready.lock';

/** What the lock file holds. */
export interface LockRecord {
  pid: number;
  /** when the lock was taken (ISO 8601) */
  since: string;
  command: string;
  hostname: string;
  /** Linux: the kernel's boot id and the process start time in clock ticks since boot (pid-reuse check) */
  boot_id?: string;
  proc_start?: string;
}

/** Another live process holds the DATA_DIR. Its message is one line for operators. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockRecord,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by process ${holder.pid} (${holder.command}) since ${holder.since}: ` +
        'the embedded database serves one process at a time. Stop that process, then run this again ' +
        '(or set DATABASE_URL to share a PostgreSQL database between processes).',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** removes the lock file if it is still ours; safe to call twice */
  release(): void;
}

const held = new Map<string, string>(); // lock path → the record text this process wrote
let exitHookInstalled = false;

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The start time of `pid` in clock ticks since boot (field 22 of /proc/PID/stat), when readable. */
export function processStart(pid: number): string | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  // the command name (field 2) may hold spaces and parentheses: count from the last ')'
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function bootId(): string | undefined {
  return readOrUndefined('/proc/sys/kernel/random/boot_id')?.trim();
}

/** This process's command line, with a --password value masked (the lock file is shown to others). */
function commandLine(): string {
  const args = process.argv.slice(1).map((arg, i, all) => (all[i - 1] === '--password' ? '***' : arg.replace(/^(--password=).*/, '$1***')));
  return [basename(process.argv0), ...args].join(' ');
}

function ownRecord(): LockRecord {
  return { pid: process.pid, since: new Date().toISOString(), command: commandLine(), hostname: hostname(), boot_id: bootId(), proc_start: processStart(process.pid) };
}

/** Whether the process that wrote `record` still runs. */
export function holderAlive(record: LockRecord): boolean {
  if (!Number.isInteger(record.pid) || record.pid <= 0) return false;
  try {
    process.kill(record.pid, 0);
  } catch (err) {
    // EPERM: alive, under another user
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const boot = bootId();
  if (record.boot_id && boot && record.boot_id !== boot) return false; // written before a reboot
  const start = processStart(record.pid);
  if (record.proc_start && start && record.proc_start !== start) return false; // the pid was reused
  return true;
}

function parse(text: string | undefined): LockRecord | undefined {
  try {
    const record = JSON.parse(text ?? '') as LockRecord;
    return typeof record?.pid === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

function isCode(err: unknown, code: string): boolean {
  return (err as NodeJS.ErrnoException)?.code === code;
}

/**
 * Takes DATA_DIR/saasready.lock for this process, or throws DataDirLockedError naming the live holder.
 * The record is written to a private file first and then hard-linked into place, so the lock file
 * appears complete or not at all.
 */
export function lockDataDir(dataDir: string, warn: (msg: string) => void = (msg) => process.stderr.write(`${msg}\n`)): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    const text = `${JSON.stringify(ownRecord())}\n`;
    const draft = `${path}.${process.pid}.tmp`;
    const fd = openSync(draft, 'w', 0o600);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(draft, path); // fails with EEXIST when a lock file is there: the O_EXCL step
      held.set(path, text);
      installExitHook();
      return { path, release: () => release(path) };
    } catch (err) {
      if (!isCode(err, 'EEXIST')) throw err;
    } finally {
      unlinkSync(draft);
    }
    const existingText = readOrUndefined(path);
    if (existingText === undefined) continue; // released meanwhile: try again
    const existing = parse(existingText);
    if (existing && (held.has(path) || holderAlive(existing))) throw new DataDirLockedError(dataDir, existing);
    if (attempt >= 3) throw new DataDirLockedError(dataDir, existing ?? { pid: 0, since: '?', command: 'unknown: the lock file is being replaced', hostname: '?' });
    takeOver(path, existingText, existing, warn);
  }
}

/**
 * Removes a stale lock file under a short-lived second lock, so that two processes that both found
 * it stale cannot both remove it (the second would remove the first one's fresh lock).
 */
function takeOver(path: string, staleText: string, stale: LockRecord | undefined, warn: (msg: string) => void): void {
  const guard = `${path}.takeover`;
  try {
    closeSync(openSync(guard, 'wx', 0o600));
  } catch (err) {
    if (!isCode(err, 'EEXIST')) throw err;
    // a takeover that crashed halfway leaves its guard: it is stale after a few seconds
    const age = Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 5_000) unlinkSync(guard);
    return;
  }
  try {
    if (readOrUndefined(path) !== staleText) return; // someone else replaced it: look again
    unlinkSync(path);
    warn(stale ? `taking over the lock of process ${stale.pid} (${stale.command}, since ${stale.since}): it no longer runs` : `replacing an unreadable lock file ${path}`);
  } finally {
    unlinkSync(guard);
  }
}

function release(path: string): void {
  const text = held.get(path);
  if (text === undefined) return;
  held.delete(path);
  try {
    if (readFileSync(path, 'utf8') === text) unlinkSync(path);
  } catch {
    /* already gone */
  }
}

/** On any exit (also process.exit from a signal handler) the locks go with the process. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const path of [...held.keys()]) release(path);
  });
}
