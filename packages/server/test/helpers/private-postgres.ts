// A PostgreSQL cluster owned by one test, so a fault test can really shut PostgreSQL down and start
// it again: the shared server every other test file uses must never be restarted. Debian's server
// binaries; initdb and postgres refuse to run as root, so as root (CI runs the tests as root) every
// command runs as the `postgres` OS user. Missing binaries are an error naming them, never a skip.
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './app.js';

export interface PrivatePostgres {
  /** the TCP port on 127.0.0.1 */
  port: number;
  /** a URL for `database` (default `postgres`) as the superuser `postgres`, trust auth */
  url(database?: string): string;
  /** `pg_ctl stop -m fast`: every session is terminated (57P01), then new connections are refused; resolves once the server is gone */
  stop(): Promise<void>;
  /** starts it again on the same port and data; resolves once it accepts connections */
  start(): Promise<void>;
  /** stops it (immediate) if it runs and deletes its directory; safe to call more than once */
  remove(): Promise<void>;
}

/** Debian keeps the server binaries out of PATH: pg_config names the directory, else the newest /usr/lib/postgresql/<major>/bin. */
function serverBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    /* pg_config (libpq-dev) is optional */
  }
  if (existsSync('/usr/lib/postgresql')) {
    const majors = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  const found = candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((bin) => existsSync(join(dir, bin))));
  if (!found) {
    throw new Error(
      `private PostgreSQL: the server binaries initdb, pg_ctl and postgres were not found (looked in ${candidates.join(', ') || 'pg_config --bindir and /usr/lib/postgresql/*/bin'}); install Debian's postgresql package`,
    );
  }
  return found;
}

function onPath(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = serverBinDir();
  const asRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | undefined;
  let runuser: string | undefined;
  if (asRoot) {
    runuser = onPath('runuser');
    if (!runuser) throw new Error('private PostgreSQL: running as root needs `runuser` (util-linux) to run initdb and pg_ctl as the postgres OS user, and it was not found');
    try {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      owner = { uid: id('-u'), gid: id('-g') };
    } catch {
      throw new Error('private PostgreSQL: running as root needs the `postgres` OS user (created by Debian\'s postgresql package), and there is none');
    }
  }

  const dir = mkdtempSync(join(tmpdir(), 'saasready-pg-'));
  const data = join(dir, 'data');
  // a socket directory of its own: never the shared server's /var/run/postgresql
  const sockets = join(dir, 'sockets');
  mkdirSync(sockets);
  const log = join(dir, 'postgres.log');
  if (owner) for (const path of [dir, sockets]) chownSync(path, owner.uid, owner.gid);

  // asynchronous on purpose: the server under test runs in this process and must keep answering
  const run = (tool: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [file, argv] = runuser ? [runuser, ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
      execFile(file, argv, { cwd: dir, timeout: 60_000 }, (err, stdout, stderr) => {
        if (!err) return resolve();
        const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
        reject(new Error(`private PostgreSQL: ${tool} ${args.join(' ')} failed: ${err.message}\n${stdout}${stderr}${tail ? `\nlog:\n${tail}` : ''}`));
      });
    });

  let running = false;
  let removed = false;
  /** Last resort when the test process exits without its cleanup (a crash): no orphan server. */
  const onExit = () => {
    try {
      const args = ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '10'];
      if (running) execFileSync(runuser ?? join(bin, 'pg_ctl'), runuser ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args] : args, { cwd: dir, stdio: 'ignore' });
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  const port = await freePort();
  const instance: PrivatePostgres = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      await run('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '30', '-s']);
      running = false;
    },
    async start() {
      await run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '30', '-s']);
      running = true;
    },
    async remove() {
      if (removed) return;
      removed = true;
      process.off('exit', onExit);
      if (running) await run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30', '-s']).catch(() => {});
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    // a throwaway cluster: durability costs time and buys nothing here
    appendFileSync(
      join(data, 'postgresql.conf'),
      [
        `port = ${port}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${sockets}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'shared_buffers = 32MB',
        'max_connections = 40',
        '',
      ].join('\n'),
    );
    await instance.start();
  } catch (err) {
    await instance.remove();
    throw err;
  }
  return instance;
}
