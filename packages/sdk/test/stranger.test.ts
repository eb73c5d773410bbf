// The stranger's path (issue 16): pack @saasready/contracts and @saasready/sdk, install the tarballs
// into an app in os.tmpdir() (outside the repository and its workspace) from the npm registry,
// type-check code copied from the READMEs with the app's own TypeScript (strict, skipLibCheck off),
// then run the root README's "Protect your own API" server against a real SaaSReady server.
// Runs once per `npm test` (on PostgreSQL when it is configured): npm install is most of its time.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithMembers, freePort, startTestApp, type TestApp } from '@saasready/test-kit';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const started = Date.now();

/** The fenced blocks of a Markdown file; `<!-- stranger: PATH -->` on the line before a block names the file it becomes. */
function codeBlocks(markdown: string): { lang: string; code: string; file: string | null }[] {
  return [...markdown.matchAll(/(?:<!-- stranger: (\S+) -->\r?\n)?```(\w*)[^\n]*\n([\s\S]*?)```/g)].map((m) => ({ file: m[1] ?? null, lang: m[2]!, code: m[3]! }));
}

/** The JSON documents of curl's output, which follow each other without separators. */
function jsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if ((c === '}' || c === ']') && --depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
  }
  return values;
}

// npm's own variables from an outer `npm test` (workspace, prefix…) must not steer the stranger's npm
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
const sh = (cmd: string, args: string[], cwd: string, timeout = 120_000) => run(cmd, args, { cwd, env: cleanEnv(), timeout, maxBuffer: 16 << 20 });

/** The README's compiled server (dist/server.js in `appDir`), guarding with the SaaSReady server at `saasreadyUrl`. */
async function startReadmeApp(appDir: string, saasreadyUrl: string, port: number): Promise<ChildProcess> {
  const app = spawn(process.execPath, ['dist/server.js'], { cwd: appDir, env: { ...cleanEnv(), SAASREADY_URL: saasreadyUrl, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    app.stdout!.on('data', onData);
    app.stderr!.on('data', onData);
    app.once('exit', (code) => reject(new Error(`the app exited (${code}):\n${output}`)));
  });
  return app;
}

/** `npx saasready …` from the repository root, as the README shows it; resolves with its exit code and output. */
function npxSaasready(args: string[], env: NodeJS.ProcessEnv, stdin?: string): { child: ChildProcess; done: Promise<{ code: number | null; output: string }> } {
  // its own process group: npx runs the command in a child of its own, and a signal must reach both
  const child = spawn('npx', ['saasready', ...args], { cwd: ROOT, env, detached: true, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (stdin !== undefined) child.stdin!.end(stdin);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.once('close', (code) => resolve({ code, output })));
  return { child, done };
}

// Compiling and installing a whole app: ~20 s each on an idle machine, far more on a busy one.
describe.runIf(process.env.TEST_DB === 'postgres' || !process.env.TEST_DATABASE_URL)('a stranger installs the packed SDK outside the repository', { timeout: 120_000 }, () => {
  let dir: string;
  let appDir: string;
  let rootReadme: string;
  let sdkReadme: string;
  let t: TestApp | undefined;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saasready-stranger-'));
    appDir = join(dir, 'my-api');
    await mkdir(join(appDir, 'src'), { recursive: true });
    [rootReadme, sdkReadme] = await Promise.all([readFile(join(ROOT, 'README.md'), 'utf8'), readFile(join(ROOT, 'packages/sdk/README.md'), 'utf8')]);

    const packed = JSON.parse(
      (await sh('npm', ['pack', '--json', '--ignore-scripts', '-w', '@saasready/contracts', '-w', '@saasready/sdk', '--pack-destination', dir], ROOT)).stdout,
    ) as { name: string; filename: string; size: number; unpackedSize: number; entryCount: number }[];
    for (const p of packed) console.log(`[stranger] ${p.filename}: ${p.size} bytes packed, ${p.unpackedSize} unpacked, ${p.entryCount} files`);
    expect(packed.map((p) => p.name).sort()).toEqual(['@saasready/contracts', '@saasready/sdk']);

    // the app: exactly what the root README tells a person to create
    await sh('npm', ['init', '-y'], appDir);
    await sh('npm', ['pkg', 'set', 'type=module'], appDir);
    const files = codeBlocks(rootReadme).filter((b) => b.file);
    expect(files.map((b) => b.file).sort()).toEqual(['src/server.ts', 'try-it.sh', 'tsconfig.json', 'walk.sh']);
    for (const b of files) await writeFile(join(appDir, b.file!), b.code);
    const t0 = Date.now();
    await sh(
      'npm',
      ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...packed.map((p) => join(dir, p.filename)),
        'express@5', '@types/express@5', '@types/node@20', 'typescript@7', 'fastify@5', 'hono@4'],
      appDir,
    );
    console.log(`[stranger] npm install in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 180_000);

  afterAll(async () => {
    server?.kill();
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    console.log(`[stranger] wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('installs both tarballs with registry dependencies only (contracts resolved from its own tarball, not the workspace)', async () => {
    const lock = JSON.parse(await readFile(join(appDir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string; link?: boolean; integrity?: string }> };
    expect(lock.packages['node_modules/@saasready/sdk']?.resolved).toMatch(/saasready-sdk-0\.1\.0\.tgz$/);
    expect(lock.packages['node_modules/@saasready/contracts']?.resolved).toMatch(/saasready-contracts-0\.1\.0\.tgz$/);
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (!path || path.startsWith('node_modules/@saasready/')) continue;
      expect(entry.link, path).toBeUndefined();
      // a registry package: an integrity hash, and no file:/git/path source (npm may omit `resolved` for registry entries)
      expect(entry.integrity, path).toMatch(/^sha512-/);
      if (entry.resolved) expect(entry.resolved, path).toMatch(/^https:\/\//);
    }
    // the published SDK is dist only: no tests, no source maps pointing at sources it does not ship
    const sdkFiles = (await sh('tar', ['-tzf', join(dir, 'saasready-sdk-0.1.0.tgz')], dir)).stdout.split('\n').filter(Boolean);
    expect(sdkFiles.filter((f) => /\.test\.|\.map$|\/src\//.test(f))).toEqual([]);
  });

  it('the server tarball ships dist and the migrations, without benchmark code or tests', async () => {
    const [server] = JSON.parse((await sh('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '-w', '@saasready/server'], ROOT)).stdout) as {
      filename: string;
      size: number;
      unpackedSize: number;
      files: { path: string }[];
    }[];
    console.log(`[stranger] ${server!.filename}: ${server!.size} bytes packed, ${server!.unpackedSize} unpacked, ${server!.files.length} files (not installed here)`);
    const paths = server!.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['dist/app.js', 'dist/cli.js', 'drizzle/0000_init.sql']));
    expect(paths.filter((p) => /(^|\/)bench(\/|$)|\.test\.|\/test\//.test(p))).toEqual([]);
  });

  it("compiles the README's server (strict, skipLibCheck off) and its guarded routes answer 200 / 403 / 401 against a real server", async () => {
    const tsconfig = JSON.parse(await readFile(join(appDir, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions).toMatchObject({ strict: true, skipLibCheck: false });
    await sh(join(appDir, 'node_modules/.bin/tsc'), ['-p', '.'], appDir).catch((err) => {
      throw new Error(`tsc failed:\n${err.stdout}${err.stderr}`);
    });

    const port = await freePort();
    t = await startTestApp({ publicUrl: `http://127.0.0.1:${port}`, issuer: `http://127.0.0.1:${port}` }, { port });
    const f = await createOrgWithMembers(t, 'Stranger Co');
    const scoped = async (token: string) => (await t!.request('POST', '/api/v1/auth/switch-org', { token, body: { org_id: f.orgId } })).body.access_token as string;
    const [viewer, admin, owner] = await Promise.all([scoped(f.viewer.accessToken), scoped(f.admin.accessToken), scoped(f.owner.accessToken)]);

    const appPort = await freePort();
    server = await startReadmeApp(appDir, t.baseUrl, appPort);

    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(`http://127.0.0.1:${appPort}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
    };
    const projects = `/orgs/${f.orgId}/projects`;

    const anonymous = await call('GET', projects);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'auth.unauthenticated']);
    expect(anonymous.type).toContain('application/problem+json');
    expect((await call('GET', projects, 'not-a-token')).body.code).toBe('auth.invalid_token');
    expect(await call('GET', projects, viewer)).toMatchObject({ status: 200, body: [] });
    expect(await call('POST', projects, viewer, { name: 'Apollo' })).toMatchObject({ status: 403, body: { code: 'permission_denied' } });
    expect(await call('POST', projects, admin, { name: 'Apollo' })).toMatchObject({ status: 201, body: { name: 'Apollo', created_by: f.admin.userId } });
    expect(await call('GET', projects, viewer)).toMatchObject({ status: 200, body: [{ name: 'Apollo' }] });
    // a token scoped to this organization does not open another one
    expect(await call('GET', '/orgs/00000000-0000-7000-8000-000000000000/projects', admin)).toMatchObject({ status: 403, body: { code: 'permission_denied' } });
    // strict mode (as the README's server is configured): a signed-out session is refused at once, though its token has not expired
    expect((await t.request('POST', '/api/v1/auth/logout', { token: owner })).status).toBe(204);
    expect(await call('GET', projects, owner)).toMatchObject({ status: 401, body: { code: 'auth.session_revoked' } });

    // the root README's curl walks, as a person pastes them (the ports are this test's)
    const walk = ['try-it.sh', 'walk.sh'].map((f) => readFile(join(appDir, f), 'utf8'));
    const script = (await Promise.all(walk)).join('\n').replaceAll('localhost:8000', t.baseUrl.replace('http://', '')).replaceAll('localhost:3000', `127.0.0.1:${appPort}`);
    const { stdout } = await run('bash', ['-c', `set -euo pipefail\n${script}`], { cwd: appDir, env: cleanEnv(), timeout: 30_000 });
    const answers = jsonValues(stdout) as Record<string, any>[];
    expect(answers).toContainEqual([]); // the first GET of the projects
    expect(answers.find((a) => a.email === 'jane@acme.test')).toMatchObject({ current_organization: { id: expect.any(String) } }); // /auth/me with the captured token
    expect(answers).toContainEqual({ status: 'ok' }); // /healthz at the root
    expect(answers.some((a) => Array.isArray(a.keys))).toBe(true); // /.well-known/jwks.json at the root
    const codes = answers.map((a) => a.code).filter(Boolean);
    expect(codes).toEqual(['auth.unauthenticated', 'permission_denied', 'auth.session_revoked']);
    expect(answers).toContainEqual({ name: 'Apollo', created_by: expect.any(String) });
  });

  it("type-checks every TypeScript block of the SDK's, the contracts' and the root README in that app (strict, skipLibCheck off)", async () => {
    const contractsReadme = await readFile(join(ROOT, 'packages/contracts/README.md'), 'utf8');
    const blocks = [
      ...codeBlocks(sdkReadme).map((b) => ({ ...b, from: 'sdk' })),
      ...codeBlocks(contractsReadme).map((b) => ({ ...b, from: 'contracts' })),
      ...codeBlocks(rootReadme).map((b) => ({ ...b, from: 'root' })),
    ].filter(
      (b) => b.lang === 'ts' && !b.file, // the root README's src/server.ts was compiled above
    );
    const sdkBlocks = blocks.filter((b) => b.from === 'sdk');
    // the frameworks the README promises, each in a checked block
    for (const needle of ["from 'express'", "from 'fastify'", "from 'hono'", "from 'next/server'", 'withAuth(', "from '@openfeature/server-sdk'", 'strict: true', 'new SaaSReady(']) {
      expect(sdkBlocks.some((b) => b.code.includes(needle)), needle).toBe(true);
    }
    await mkdir(join(appDir, 'snippets'), { recursive: true });
    await Promise.all(blocks.map((b, i) => writeFile(join(appDir, 'snippets', `${b.from}-readme-${i + 1}.ts`), b.code)));
    // Next.js is not installed (hundreds of MB): its blocks are checked against this stub of the two
    // classes they use, which only says NextRequest/NextResponse are a Request/Response with extras
    await writeFile(
      join(appDir, 'snippets', 'next-server.d.ts'),
      `declare module 'next/server' {
  export class NextRequest extends Request { readonly nextUrl: URL }
  export class NextResponse extends Response {
    static next(init?: ResponseInit): NextResponse;
    static redirect(url: string | URL, status?: number): NextResponse;
    static json(body: unknown, init?: ResponseInit): NextResponse;
  }
}
`,
    );
    const tsconfig = JSON.parse(await readFile(join(appDir, 'tsconfig.json'), 'utf8'));
    await writeFile(
      join(appDir, 'tsconfig.snippets.json'),
      JSON.stringify({ compilerOptions: { ...tsconfig.compilerOptions, noEmit: true, rootDir: 'snippets' }, include: ['snippets'] }, null, 2),
    );
    await sh(join(appDir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.snippets.json'], appDir).catch((err) => {
      throw new Error(`README snippets do not type-check:\n${err.stdout}${err.stderr}`);
    });
    console.log(`[stranger] type-checked ${blocks.length} README blocks (${sdkBlocks.length} from packages/sdk/README.md)`);
  });

  it('the whole path from this clone: npx saasready create-admin (password on standard input), npx saasready start, and the README app guards against it (200 / 403 / 401)', async () => {
    const t0 = Date.now();
    const dataDir = await mkdtemp(join(tmpdir(), 'saasready-stranger-data-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // what a person's shell has: no test database, the embedded one in a folder of their own
    const env = Object.fromEntries(Object.entries({ ...cleanEnv(), DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'warn' })
      .filter(([k]) => !/^(DATABASE_URL|REDIS_URL|MASTER_KEY|NODE_ENV|TEST_)/.test(k)));
    let cli: ChildProcess | undefined;
    let app: ChildProcess | undefined;
    try {
      const created = await npxSaasready(['create-admin', '--email', 'root@stranger.test', '--full-name', 'Root'], env, 'granite-harbor-lantern-17\n').done;
      expect(created.code, created.output).toBe(0);
      const started = npxSaasready(['start'], env);
      cli = started.child;
      const deadline = Date.now() + 30_000;
      while ((await fetch(`${url}/readyz`).then((r) => r.status, () => 0)) !== 200) {
        if (Date.now() > deadline || cli.exitCode !== null) throw new Error(`npx saasready start did not become ready:\n${(await Promise.race([started.done, Promise.resolve({ output: '(still running)' })])).output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const post = async (path: string, body: unknown, token?: string) => {
        const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
        return { status: res.status, body: (await res.json()) as any };
      };
      const root = await post('/api/v1/auth/login', { email: 'root@stranger.test', password: 'granite-harbor-lantern-17' });
      expect(root.status, JSON.stringify(root.body)).toBe(200);
      const rootOrg = JSON.parse(Buffer.from(root.body.access_token.split('.')[1], 'base64url').toString()).org_id as string;
      expect(rootOrg).toBeTruthy();
      const other = await post('/api/v1/auth/register', { email: 'someone@else.test', password: 'velvet-comet-orchard-58', full_name: 'Someone Else' });
      expect(other.status, JSON.stringify(other.body)).toBe(201);

      // the README app, compiled by the test above unless it ran alone
      if (!existsSync(join(appDir, 'dist/server.js'))) await sh(join(appDir, 'node_modules/.bin/tsc'), ['-p', '.'], appDir);
      const appPort = await freePort();
      app = await startReadmeApp(appDir, url, appPort);
      const call = async (method: string, token?: string) =>
        (await fetch(`http://127.0.0.1:${appPort}/orgs/${rootOrg}/projects`, {
          method,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
          ...(method === 'POST' ? { body: JSON.stringify({ name: 'Apollo' }) } : {}),
        })).status;
      expect(await call('GET', root.body.access_token)).toBe(200);
      expect(await call('POST', root.body.access_token)).toBe(201);
      expect(await call('GET', other.body.access_token)).toBe(403);
      expect(await call('GET')).toBe(401);
      console.log(`[stranger] npx create-admin → npx start → README app guarded: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } finally {
      app?.kill();
      if (cli?.pid && cli.exitCode === null) {
        const exited = new Promise((r) => cli!.once('close', r));
        process.kill(-cli.pid, 'SIGTERM'); // the whole group: npx and the server it started
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
