#!/usr/bin/env node
// Runs the Python SDK's pytest suite on Debian's Python (/usr/bin/python3) against a real server the
// suite starts itself (build first: `npx tsc -b`). Missing Python packages are installed with apt-get
// when this runs as root; otherwise it fails naming the command to run. Nothing is skipped silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const python = '/usr/bin/python3';
const packages = [
  'python3-httpx', 'python3-jwt', 'python3-cryptography', 'python3-pytest', 'python3-fastapi',
  'python3-uvicorn', 'python3-venv', 'python3-setuptools', 'python3-wheel', 'python3-build',
];
// the modules the suite imports, with the wheel build and venv tests' tools
const probe = 'import httpx, jwt, cryptography, pytest, fastapi, uvicorn, venv, ensurepip, setuptools, wheel, build';
const installCommand = `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`;

function importsOk() {
  if (!existsSync(python)) return false;
  return spawnSync(python, ['-c', probe], { stdio: 'ignore' }).status === 0;
}

function fail(message) {
  console.error(`test-python: ${message}`);
  process.exit(1);
}

if (!importsOk()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    fail(`${python} lacks some of the packages the Python suite needs. Run as root:\n  ${installCommand}`);
  }
  console.log(`test-python: installing ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...packages]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed (${result.status ?? result.signal}). Run as root:\n  ${installCommand}`);
  }
  if (!importsOk()) fail(`the packages are installed but \`${python} -c "${probe}"\` still fails`);
}

if (!existsSync(join(root, 'packages/server/dist/cli.js'))) fail('packages/server/dist/cli.js is missing: run `npx tsc -b` first');

const result = spawnSync(python, ['-m', 'pytest', '-q', 'tests'], { cwd: join(root, 'packages/python'), stdio: 'inherit' });
if (result.error) fail(String(result.error));
process.exit(result.status ?? 1);
