// `saasready start` as a real process (the compiled CLI), for tests that kill one mid-request.
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { freePort } from './app.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface ChildServer {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** everything it printed so far */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILLs it if it still runs, and waits for it to go */
  kill(): Promise<unknown>;
}

/** Starts the server with a clean environment plus `env`, and waits until it answers /healthz (30 s at most). */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'start'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    return exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the child server exited: ${output}`);
    if ((await fetch(`${baseUrl}/healthz`).catch(() => null))?.status === 200) break;
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`the child server did not answer /healthz within 30 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, baseUrl, output: () => output, exited, kill };
}

/** One JSON call to a child server, on a connection of its own. */
export async function callChild(baseUrl: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : null };
}
