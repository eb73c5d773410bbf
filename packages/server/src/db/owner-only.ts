// The embedded database's files (and the generated master key beside them) are the whole instance:
// only the server's own user may read them. Directories 0700, files 0600.
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** chmods `dir` and everything under it to owner-only (symlinks are left alone, never followed). */
export function restrictToOwner(dir: string): void {
  const stat = lstatSync(dir, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir)) restrictToOwner(join(dir, entry));
  } else if (stat.isFile() && (stat.mode & 0o777) !== 0o600) {
    chmodSync(dir, 0o600);
  }
}

/**
 * New files PGlite writes later (WAL segments, relations) are created owner-only too: a process
 * that serves an embedded database keeps no group or world bits. Worker threads cannot set it.
 */
export function ownerOnlyUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    /* a worker thread: the chmod walks at open and close still apply */
  }
}
