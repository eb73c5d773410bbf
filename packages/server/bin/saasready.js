#!/usr/bin/env node
// The `saasready` command. A checked-in file, not dist/cli.js itself: npm links a package's bin into
// node_modules/.bin only when the file exists at install time, and in a fresh clone dist/ is built
// after `npm ci` has linked everything (by its prepare script), so a bin pointing into dist/ was
// never linked and `npx saasready` went looking for a package of that name on the registry.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('saasready is not built yet: run `npm run build` at the repository root');
  process.exit(1);
}
await import(cli.href);
