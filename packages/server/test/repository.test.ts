// Items 7 and 9 of issue 16: the repository keeps its promises without a container engine or a
// second Node version. The Node it claims satisfies every installed package; the Dockerfile only
// copies paths that exist and only runs scripts CI runs; the basics a new user looks for exist.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { testDbKind } from './helpers/db.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const json = <T>(path: string) => JSON.parse(read(path)) as T;

interface Manifest {
  name: string;
  private?: boolean;
  engines?: { node?: string };
  scripts?: Record<string, string>;
  workspaces?: string[];
}
const root = json<Manifest>('package.json');

describe.runIf(testDbKind() === 'pglite')('runs on the Node it claims', () => {
  it('every package npm ci installs accepts the oldest Node the root claims (no EBADENGINE)', () => {
    const oldest = semver.minVersion(root.engines!.node!)!.version;
    const lock = json<{ packages: Record<string, { engines?: { node?: string } | string[] }> }>('package-lock.json');
    const refused = Object.entries(lock.packages)
      .filter(([, entry]) => typeof entry.engines === 'object' && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as { node: string }).node, { includePrerelease: true }))
      .map(([path, entry]) => `${path} needs node ${(entry.engines as { node: string }).node}`);
    expect(refused, `Node ${oldest} (root engines ${root.engines!.node})`).toEqual([]);
  });

  it('the server package claims the same Node as the root', () => {
    expect(json<Manifest>('packages/server/package.json').engines?.node).toBe(root.engines!.node);
  });
});

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function dockerInstructions(): Array<{ op: string; args: string }> {
  return read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

describe.runIf(testDbKind() === 'pglite')('repository basics', () => {
  it('the Dockerfile copies only paths that exist and runs only scripts CI runs, as a non-root production process', () => {
    const instructions = dockerInstructions();
    const copies = instructions.filter((i) => i.op === 'COPY' && !/--from=/.test(i.args));
    expect(copies.length).toBeGreaterThan(0);
    for (const { args } of copies) {
      const words = args.split(/\s+/).filter((w) => !w.startsWith('--'));
      for (const source of words.slice(0, -1)) expect(existsSync(join(ROOT, source)), `COPY ${source}: no such path`).toBe(true);
    }
    const runs = instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
    const npmCommands = runs.flatMap((run) => run.split(/&&|;/).map((c) => c.trim())).filter((c) => c.startsWith('npm '));
    expect(npmCommands.some((c) => /^npm ci\b/.test(c)), 'a production install with npm ci').toBe(true);
    for (const command of npmCommands) {
      const script = /^npm run (\S+)/.exec(command)?.[1];
      if (script) expect(root.scripts, command).toHaveProperty(script);
      else expect(command, 'only npm ci and npm run <root script>').toMatch(/^npm ci\b/);
    }
    // the image starts exactly what `npm start` (and the CLI suite) runs
    const cmd = instructions.filter((i) => i.op === 'CMD').at(-1)!.args;
    expect((JSON.parse(cmd) as string[]).join(' ')).toBe(root.scripts!.start);
    const env = instructions.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    expect(env).toMatch(/NODE_ENV=production/);
    const user = instructions.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user, 'runs as a non-root user').toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(instructions.some((i) => i.op === 'HEALTHCHECK' && i.args.includes('/readyz'))).toBe(true);
    const ignored = read('.dockerignore');
    for (const entry of ['node_modules', '.git', '.data', '.env']) expect(ignored).toMatch(new RegExp(`^/?${entry.replace('.', '\\.')}/?$`, 'm'));
  });

  it('compose.yaml runs the server with PostgreSQL 15 and Redis 7, each with a healthcheck, and takes MASTER_KEY from the environment', () => {
    const compose = read('compose.yaml');
    expect(compose).toMatch(/image: postgres:15\b/);
    expect(compose).toMatch(/image: redis:7\b/);
    expect(compose).toMatch(/pg_isready/);
    expect(compose).toMatch(/redis-cli.*ping/);
    expect(compose).toMatch(/\/readyz/);
    expect(compose).toContain('MASTER_KEY: ${MASTER_KEY:?set MASTER_KEY}');
    expect(compose).toMatch(/NODE_ENV: production/);
    expect(compose.match(/condition: service_healthy/g)).toHaveLength(2);
  });

  it('.env.example lists every variable config.ts reads, each with a comment above it', () => {
    const config = read('packages/server/src/config.ts');
    const variables = [...new Set([...config.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!))];
    expect(variables.length).toBeGreaterThan(20);
    const lines = read('.env.example').split('\n');
    for (const name of variables) {
      const at = lines.findIndex((line) => new RegExp(`^#? ?${name}=`).test(line));
      expect(at, `${name} missing from .env.example`).toBeGreaterThan(0);
      expect(lines[at - 1], `${name} has no comment`).toMatch(/^#/);
    }
  });

  it('has an MIT LICENSE and a Keep a Changelog CHANGELOG.md', () => {
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} SaaSReady contributors\n/);
    const changelog = read('CHANGELOG.md');
    expect(changelog).toContain('https://keepachangelog.com/');
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelog).toMatch(/^## \[0\.1\.0\] - \d{4}-\d{2}-\d{2}$/m);
  });
});
