// A redis-server owned by one test, so a fault test can SIGKILL it and start it again on the same
// port: the shared Redis of the test run is never touched. Nothing is persisted (a restarted Redis
// starts empty, like a replaced cache node). A missing redis-server is an error, never a skip.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './app.js';

export interface PrivateRedis {
  port: number;
  url: string;
  /** starts redis-server (again) on the same port; resolves once it accepts connections */
  start(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing is answered, so commands sent now wait in flight */
  freeze(): void;
  /** SIGCONT: a frozen one answers again, its connections intact */
  thaw(): void;
  /** SIGKILL (a frozen one too): no goodbye to clients, the way a crashed node goes */
  kill(): Promise<void>;
  /** kills it if it runs and deletes its directory; safe to call more than once */
  remove(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const binary = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'].map((dir) => join(dir, 'redis-server')).find((p) => existsSync(p));
  if (!binary) throw new Error('private Redis: `redis-server` was not found on PATH; install Debian\'s redis-server package');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'saasready-redis-'));
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  /** Last resort when the test process exits without its cleanup (a crash): no orphan server. */
  const onExit = () => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  const instance: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    start() {
      if (child) return Promise.reject(new Error('private Redis: already running'));
      const started = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      void exited.then(() => {
        if (child === started) child = null;
      });
      let output = '';
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`private Redis: not ready within 10 s:\n${output}`)), 10_000);
        started.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          if (output.includes('Ready to accept connections')) {
            clearTimeout(timer);
            resolve();
          }
        });
        started.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`private Redis: redis-server exited:\n${output}`));
        });
      });
    },
    freeze() {
      if (!child) throw new Error('private Redis: not running');
      child.kill('SIGSTOP');
    },
    thaw() {
      if (!child) throw new Error('private Redis: not running');
      child.kill('SIGCONT');
    },
    async kill() {
      if (!child) return;
      child.kill('SIGKILL');
      await exited;
    },
    async remove() {
      process.off('exit', onExit);
      await instance.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await instance.start();
  } catch (err) {
    await instance.remove();
    throw err;
  }
  return instance;
}
