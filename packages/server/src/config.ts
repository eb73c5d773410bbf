// Environment → typed, validated Config. Fails fast with a ConfigError naming the bad variable.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export type JwtAlg = 'ES256' | 'EdDSA';

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded PGlite database in dataDir is used */
  databaseUrl: string | undefined;
  /** optional PostgreSQL read replica for lag-tolerant list reads (members, audit log, superuser listings) */
  databaseReplicaUrl: string | undefined;
  /** 'memory://' keeps PGlite in memory (tests) */
  dataDir: string;
  redisUrl: string | undefined;
  publicUrl: string;
  corsOrigins: string[];
  /** seconds */
  accessTokenTtl: number;
  /** seconds */
  refreshTokenTtl: number;
  /** 32 bytes; encrypts secrets at rest (signing keys, later TOTP secrets) */
  masterKey: Buffer;
  logLevel: string;
  jwtAlg: JwtAlg;
  /** whether X-Forwarded-For is trusted for client IPs (behind a load balancer) */
  trustProxy: boolean;
  /** the JWT `iss` and `aud` */
  issuer: string;
  audience: string;
  /** per minute, on register, login, refresh and password change: one bucket per client IP and one per account */
  rateLimit: { perIpPerMinute: number; perAccountPerMinute: number; enabled: boolean };
  /** failures before the first lockout; each further failure doubles the lock, capped at lockoutMaxSeconds */
  lockout: { threshold: number; baseSeconds: number; maxSeconds: number };
  /** SMTP server for outgoing mail (smtp:// or smtps://); without it mail goes to the dev mailbox */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** shown in emails and as the TOTP issuer */
  productName: string;
  /** seconds an invitation link stays valid */
  invitationTtl: number;
  /** refuse login until the email address is verified */
  requireEmailVerification: boolean;
  /** audit rows older than this many days are pruned (undefined: kept forever) */
  auditRetentionDays: number | undefined;
  /** how often the outbox worker looks for due mail, ms */
  outboxPollMs: number;
  /** first retry delay after a failed delivery, ms; doubles per attempt up to an hour */
  outboxRetryBaseMs: number;
  /** seconds a worker holds a claimed message before another process may claim (and re-send) it */
  outboxLeaseSeconds: number;
  /** argon2id parameters (OWASP: 19 MiB, t=2, p=1) */
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  /**
   * per-process caches of sessions, memberships, API keys and flags: the longest an entry lives
   * (seconds; 0 turns caching off) and how many each cache holds. Invalidation, not the TTL, is
   * what keeps them true (docs/architecture.md).
   */
  cache: { ttlSeconds: number; maxEntries: number };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Parses `900`, `900s`, `15m`, `12h` or `30d` into seconds. */
export function parseDuration(name: string, raw: string): number {
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(raw.trim());
  if (!match) throw new ConfigError(name, `expected a duration such as 900, 15m, 12h or 30d, got "${raw}"`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  if (seconds <= 0) throw new ConfigError(name, 'must be greater than zero');
  return seconds;
}

function parseUrl(name: string, raw: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(name, `must use ${protocols.join(' or ')}`);
  return raw;
}

function parsePort(name: string, raw: string): number {
  // Decimal digits only: Number() would turn "", " ", "0x1f" and "1e3" into ports.
  const port = /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(name, `must be a port number, got "${raw}"`);
  return port;
}

/** Decodes a 32-byte key given as 64 hex characters or base64/base64url. */
export function decodeMasterKey(raw: string): Buffer {
  const trimmed = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64url');
  if (key.length !== 32) throw new ConfigError('MASTER_KEY', 'must be 32 bytes, as 64 hex characters or base64 (openssl rand -base64 32)');
  return key;
}

/**
 * Reads the master key from MASTER_KEY, or (outside production) from DATA_DIR/master.key,
 * generating it there on first start.
 */
function resolveMasterKey(env: Env, nodeEnv: Config['nodeEnv'], dataDir: string, warn: (msg: string) => void): Buffer {
  if (env.MASTER_KEY) return decodeMasterKey(env.MASTER_KEY);
  if (nodeEnv === 'production') throw new ConfigError('MASTER_KEY', 'is required when NODE_ENV=production');
  if (dataDir === 'memory://') return randomBytes(32);
  const file = join(dataDir, 'master.key');
  if (existsSync(file)) return decodeMasterKey(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64url') + '\n', { mode: 0o600 });
  warn(`MASTER_KEY is not set: generated one in ${file}. Set MASTER_KEY in production and keep it safe.`);
  return key;
}

/** Builds the Config from environment variables; throws ConfigError on the first bad one. */
export function loadConfig(env: Env = process.env, warn: (msg: string) => void = console.warn): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV', 'must be development, production or test');
  }
  const port = parsePort('PORT', env.PORT ?? '8000');
  const host = env.HOST ?? '127.0.0.1';
  const databaseUrl = env.DATABASE_URL ? parseUrl('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']) : undefined;
  const databaseReplicaUrl = env.DATABASE_REPLICA_URL ? parseUrl('DATABASE_REPLICA_URL', env.DATABASE_REPLICA_URL, ['postgres:', 'postgresql:']) : undefined;
  if (databaseReplicaUrl && !databaseUrl) throw new ConfigError('DATABASE_REPLICA_URL', 'needs DATABASE_URL: a replica serves reads beside a PostgreSQL primary, not beside PGlite');
  const dataDir = env.DATA_DIR === 'memory://' ? 'memory://' : resolve(env.DATA_DIR ?? './.data');
  const redisUrl = env.REDIS_URL ? parseUrl('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']) : undefined;
  const publicUrl = parseUrl('PUBLIC_URL', env.PUBLIC_URL ?? `http://localhost:${port}`, ['http:', 'https:']).replace(/\/$/, '');
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => parseUrl('CORS_ORIGINS', o, ['http:', 'https:']).replace(/\/$/, ''));
  const accessTokenTtl = parseDuration('ACCESS_TOKEN_TTL', env.ACCESS_TOKEN_TTL ?? '15m');
  const refreshTokenTtl = parseDuration('REFRESH_TOKEN_TTL', env.REFRESH_TOKEN_TTL ?? '30d');
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const jwtAlg = (env.JWT_ALG ?? 'ES256') as JwtAlg;
  if (jwtAlg !== 'ES256' && jwtAlg !== 'EdDSA') throw new ConfigError('JWT_ALG', 'must be ES256 or EdDSA');
  const trustProxy = parseBool('TRUST_PROXY', env.TRUST_PROXY ?? 'false');
  const masterKey = resolveMasterKey(env, nodeEnv, dataDir, warn);
  const smtpUrl = env.SMTP_URL ? parseUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']) : undefined;
  const invitationTtl = parseDuration('INVITATION_TTL', env.INVITATION_TTL ?? '7d');
  const requireEmailVerification = parseBool('REQUIRE_EMAIL_VERIFICATION', env.REQUIRE_EMAIL_VERIFICATION ?? 'false');
  const productName = env.PRODUCT_NAME ?? 'SaaSReady';
  const outboxLeaseSeconds = parseDuration('OUTBOX_LEASE', env.OUTBOX_LEASE ?? '60s');
  const cacheTtlSeconds = env.CACHE_TTL?.trim() === '0' ? 0 : parseDuration('CACHE_TTL', env.CACHE_TTL ?? '5m');
  const cacheMaxEntries = Number(env.CACHE_MAX_ENTRIES ?? '20000');
  if (!/^\d{1,9}$/.test((env.CACHE_MAX_ENTRIES ?? '20000').trim()) || cacheMaxEntries < 1) throw new ConfigError('CACHE_MAX_ENTRIES', 'must be a whole number, at least 1');
  let auditRetentionDays: number | undefined;
  if (env.AUDIT_RETENTION_DAYS) {
    auditRetentionDays = Number(env.AUDIT_RETENTION_DAYS);
    if (!/^\d{1,5}$/.test(env.AUDIT_RETENTION_DAYS.trim()) || auditRetentionDays < 1) throw new ConfigError('AUDIT_RETENTION_DAYS', 'must be a whole number of days, at least 1');
  }
  const mailFrom = env.MAIL_FROM ?? `${productName} <no-reply@${new URL(publicUrl).hostname}>`;
  return {
    nodeEnv, port, host, databaseUrl, databaseReplicaUrl, dataDir, redisUrl, publicUrl, corsOrigins, accessTokenTtl, refreshTokenTtl,
    masterKey, logLevel, jwtAlg, trustProxy,
    issuer: publicUrl,
    audience: env.JWT_AUDIENCE ?? 'saasready',
    rateLimit: { perIpPerMinute: 30, perAccountPerMinute: 10, enabled: true },
    lockout: { threshold: 5, baseSeconds: 30, maxSeconds: 3600 },
    argon2: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
    smtpUrl, mailFrom, productName, invitationTtl, requireEmailVerification, auditRetentionDays,
    outboxPollMs: 1000,
    outboxRetryBaseMs: 2000,
    outboxLeaseSeconds,
    cache: { ttlSeconds: cacheTtlSeconds, maxEntries: cacheMaxEntries },
  };
}

function parseBool(name: string, raw: string): boolean {
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', ''].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, 'must be true or false');
}
