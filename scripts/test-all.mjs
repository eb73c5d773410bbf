#!/usr/bin/env node
// `npm test` after the build: the Vitest suites and the Python suite at the same time. The Python
// suite mostly waits on the server it starts, and Vitest leaves about a sixth of the two cores idle
// (files waiting on child processes and installs), so running them side by side takes ~40 s off the
// run. The Python packages are checked (and installed) first, alone: the browser suite may install
// Chromium with apt-get, and two apt-gets at once fight over dpkg's lock. Pytest's output is held and
// printed after Vitest's, so the log reads as before; the exit code is the first failure's.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prepare = spawnSync(process.execPath, [join(root, 'scripts/test-python.mjs'), '--prepare'], { cwd: root, stdio: 'inherit' });
if (prepare.status !== 0) process.exit(prepare.status ?? 1);

const finished = (child) => new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));

const vitest = spawn(join(root, 'node_modules/.bin/vitest'), ['run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const python = spawn(process.execPath, [join(root, 'scripts/test-python.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
const held = [];
python.stdout.on('data', (chunk) => held.push(chunk));
python.stderr.on('data', (chunk) => held.push(chunk));

const vitestCode = await finished(vitest);
const pythonCode = await finished(python);
process.stdout.write(`\n--- Python SDK suite (ran alongside Vitest) ---\n`);
for (const chunk of held) process.stdout.write(chunk);
process.exit(vitestCode || pythonCode);
