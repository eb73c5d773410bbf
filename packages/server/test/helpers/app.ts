// The real app on a real database, listening on a random port, with its log lines captured.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  database: TestDatabase;
  baseUrl: string;
  /** every log line the app wrote, raw JSON text */
  logs: string[];
  /** fetch against the app: JSON in, parsed JSON out */
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface RequestOptions {
  body?: unknown;
  /** a raw body, sent as-is */
  raw?: string;
  token?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export type ConfigOverrides = Partial<Omit<Config, 'rateLimit' | 'lockout'>> & {
  rateLimit?: Partial<Config['rateLimit']>;
  lockout?: Partial<Config['lockout']>;
};

/**
 * argon2id at a test's cost: hashing at the OWASP parameters (19 MiB, t=2) is most of the CPU time
 * of registering and logging in, and the suites do thousands of both. A test about the stored
 * parameters themselves passes `{ argon2: PRODUCTION_ARGON2 }`.
 */
export const TEST_ARGON2: Config['argon2'] = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const PRODUCTION_ARGON2: Config['argon2'] = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', MASTER_KEY: randomBytes(32).toString('base64url') }, () => {}).argon2;

export function testConfig(overrides: ConfigOverrides = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', MASTER_KEY: randomBytes(32).toString('base64url'), LOG_LEVEL: 'info' }, () => {});
  return {
    ...base,
    argon2: TEST_ARGON2,
    ...overrides,
    // every test client shares 127.0.0.1: per-IP limits are high unless a test sets them
    rateLimit: { ...base.rateLimit, perIpPerMinute: 100_000, ...overrides.rateLimit },
    lockout: { ...base.lockout, ...overrides.lockout },
  };
}

/** A TCP port that was free a moment ago (for apps whose PUBLIC_URL must name their port). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startTestApp(
  overrides: ConfigOverrides = {},
  options: { database?: TestDatabase; redisNamespace?: string; port?: number; dashboardDir?: string } = {},
): Promise<TestApp> {
  const config = testConfig(overrides);
  const database = options.database ?? (await createTestDatabase());
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const app = await buildApp(config, {
    database: database.handle,
    logStream,
    migrate: false,
    ...(options.dashboardDir ? { dashboardDir: options.dashboardDir } : {}),
    redisNamespace: options.redisNamespace ?? `saasready-test:${randomBytes(6).toString('hex')}:`,
  });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  async function request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined && method !== 'GET' && method !== 'HEAD') {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  return {
    app,
    config,
    database,
    baseUrl,
    logs,
    request,
    async close() {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

/**
 * For a file whose tests each start an app with other settings: one database for the whole file
 * (created before its tests, dropped after) and one master key, and `withApp(overrides, work)`
 * that starts an app on them, runs `work` and closes it.
 */
export function appsOnOneDatabase(): (overrides: ConfigOverrides, work: (t: TestApp) => Promise<void>) => Promise<void> {
  let database: TestDatabase;
  const masterKey = randomBytes(32);
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });
  return async (overrides, work) => {
    const t = await startTestApp({ masterKey, ...overrides }, { database });
    try {
      await work(t);
    } finally {
      await t.close();
    }
  };
}
