// Debian's Chromium driven by playwright-core (no browser download): the flags keep it off the
// network this machine does not have, and map localhost to the IPv4 loopback the test app listens on.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

/** Read when asked, not at import: test files share one module graph per worker (vitest.config.ts). */
const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

/** Held while Chromium is being installed (util-linux flock, part of every Debian). */
const INSTALL_LOCK = '/tmp/saasready-chromium-install.lock';

/** How `ensureChromium` ended: already there, installed now, or why it could not be. */
export type ChromiumSetup = { ok: true; installed: boolean } | { ok: false; reason: string };

/**
 * Makes `npm test` work on a fresh Debian machine: when Chromium is missing and this process may
 * install packages (root, apt-get present), installs Debian's `chromium` (a minute or two, once).
 * Otherwise says what to run; it never downloads a browser build of its own.
 */
export async function ensureChromium(): Promise<ChromiumSetup> {
  if (chromiumAvailable()) return { ok: true, installed: false };
  if (process.env.CHROMIUM_PATH) return { ok: false, reason: `CHROMIUM_PATH=${chromiumPath()} does not exist` };
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    return { ok: false, reason: 'Debian chromium is missing and this user cannot install it: run `sudo apt-get install chromium` (or set CHROMIUM_PATH)' };
  }
  const run = promisify(execFile);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // several browser test files start at once on a fresh machine: one installs, the others wait for
  // it under the same lock and then find Chromium there (two apt-gets at once: one fails on apt's lock)
  const install = `test -x '${chromiumPath()}' || { apt-get update -qq && apt-get install -y -qq chromium; }`;
  try {
    await run('flock', [INSTALL_LOCK, 'sh', '-c', install], { env, maxBuffer: 64 << 20 });
  } catch (err) {
    return { ok: false, reason: `apt-get install chromium failed: ${(err as Error).message.split('\n')[0]}` };
  }
  return chromiumAvailable() ? { ok: true, installed: true } : { ok: false, reason: `apt-get installed chromium but ${chromiumPath()} is still missing` };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP localhost 127.0.0.1',
    ],
  });
}
