// Environment → typed, validated Config. Fails fast with a ConfigError naming the bad variable.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { isLoopbackHost } from './lib/loopback.js';
import { join, resolve } from 'node:path';

export type JwtAlg = 'ES256' | 'EdDSA';
/** What Fastify's `trustProxy` takes: false, a hop count, trusted addresses/CIDRs, or (development only) true. */
export type TrustProxy = boolean | number | string[];

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
  /**
   * which X-Forwarded-For hops are trusted for client IPs: false (none, the default), a hop count
   * (the proxies in front of us), or the proxies' addresses/CIDRs. `true` (trust every hop, so the
   * client's own left-most entry wins) is refused in production and warned about otherwise.
   */
  trustProxy: TrustProxy;
  /** the JWT `iss` and `aud` */
  issuer: string;
  audience: string;
  /** per minute, on register, login, refresh and password change: one bucket per client IP and one per account */
  rateLimit: { perIpPerMinute: number; perAccountPerMinute: number; enabled: boolean };
  /**
   * failures from one source (client IP) before that source is locked out of the account, and
   * (accountThreshold, far higher) from all sources together before the account is; each further
   * failure doubles the lock, capped at maxSeconds (modules/lockout, docs/security.md)
   */
  lockout: { threshold: number; accountThreshold: number; baseSeconds: number; maxSeconds: number };
  /** when set, GET /metrics requires `Authorization: Bearer <metricsToken>` */
  metricsToken: string | undefined;
  /** SMTP server for outgoing mail (smtp:// or smtps://); without it mail goes to the dev mailbox */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** shown in emails and as the TOTP issuer */
  productName: string;
  /** PRODUCT_LOGO_URL: an https URL or a path on this server (validated: no other scheme, no credentials) */
  productLogoUrl?: string;
  /** PRODUCT_COLOR: the accent colour, #rrggbb */
  productColor?: string;
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
  /**
   * outgoing webhooks: `allowPrivate` lets deliveries reach private, loopback and link-local
   * addresses (WEBHOOK_ALLOW_PRIVATE; off by default: SSRF); the per-attempt timeout (ms); the lease
   * a worker holds on a claimed delivery (seconds, longer than the timeout); how long the delivery
   * log is kept (seconds); how often workers poll besides being notified (ms)
   */
  webhooks: { allowPrivate: boolean; timeoutMs: number; leaseSeconds: number; retentionSeconds: number; pollMs: number };
  /** DNS_SERVERS: resolvers (`ip` or `ip:port`) used instead of the system's, for webhook targets and domain verification */
  dnsServers: string[];
  /** where an SSO login may send the browser back with its code: exact URLs (SSO_REDIRECT_URIS) */
  ssoRedirectUris: string[];
  /**
   * SSO_ALLOW_PRIVATE: the server may fetch an SSO IdP's metadata, discovery, token, userinfo and
   * JWKS URLs at private, loopback and link-local addresses (an IdP on the internal network, tests).
   * Off by default: those URLs are a tenant admin's input, so this is server-side request forgery.
   */
  ssoAllowPrivate: boolean;
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

/** A whole number of at least 1 (requests per minute, say). */
function parseCount(name: string, raw: string): number {
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1) throw new ConfigError(name, `must be a whole number, at least 1, got "${raw}"`);
  return Number(raw);
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
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return decodeMasterKey(readFileSync(file, 'utf8'));
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64url') + '\n', { mode: 0o600 });
  warn(`MASTER_KEY is not set: generated one in ${file}. Set MASTER_KEY in production and keep it safe.`);
  return key;
}

/** Builds the Config from environment variables; throws ConfigError on the first bad one. */
/**
 * PRODUCT_LOGO_URL: an absolute https URL without credentials, or a path on this server (`/brand/logo.svg`).
 * Nothing else: no http, data:, javascript: or protocol-relative `//host` (the dashboard's CSP allows
 * images from this origin and the logo's https origin only; emails need an absolute https address).
 */
function parseLogoUrl(raw: string): string {
  if (raw.length > 2048) throw new ConfigError('PRODUCT_LOGO_URL', 'must be at most 2048 characters');
  if (raw.startsWith('/')) {
    if (!/^\/(?!\/)[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(raw)) throw new ConfigError('PRODUCT_LOGO_URL', 'must be an https URL or a path on this server such as /brand/logo.svg');
    return raw;
  }
  parseUrl('PRODUCT_LOGO_URL', raw, ['https:']);
  const url = new URL(raw);
  if (url.username || url.password) throw new ConfigError('PRODUCT_LOGO_URL', 'must not carry credentials');
  return url.toString();
}

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
  const trustProxy = parseTrustProxy(env.TRUST_PROXY ?? '', nodeEnv, warn);
  const masterKey = resolveMasterKey(env, nodeEnv, dataDir, warn);
  const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
  if (metricsToken !== undefined && (metricsToken.length < 16 || /\s/.test(metricsToken))) throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters without spaces (openssl rand -hex 32)');
  const smtpUrl = env.SMTP_URL ? parseUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']) : undefined;
  const invitationTtl = parseDuration('INVITATION_TTL', env.INVITATION_TTL ?? '7d');
  const requireEmailVerification = parseBool('REQUIRE_EMAIL_VERIFICATION', env.REQUIRE_EMAIL_VERIFICATION ?? 'false');
  const productName = env.PRODUCT_NAME ?? 'SaaSReady';
  if (!productName.trim() || productName.length > 100 || /[\u0000-\u001F\u007F]/.test(productName)) throw new ConfigError('PRODUCT_NAME', 'must be 1–100 characters on one line');
  const productLogoUrl = env.PRODUCT_LOGO_URL?.trim() ? parseLogoUrl(env.PRODUCT_LOGO_URL.trim()) : undefined;
  const productColor = env.PRODUCT_COLOR?.trim() || undefined;
  if (productColor !== undefined && !/^#[0-9a-fA-F]{6}$/.test(productColor)) throw new ConfigError('PRODUCT_COLOR', 'must be a colour as #rrggbb, e.g. #0b7285');
  const outboxLeaseSeconds = parseDuration('OUTBOX_LEASE', env.OUTBOX_LEASE ?? '60s');
  const cacheTtlSeconds = env.CACHE_TTL?.trim() === '0' ? 0 : parseDuration('CACHE_TTL', env.CACHE_TTL ?? '5m');
  const cacheMaxEntries = Number(env.CACHE_MAX_ENTRIES ?? '20000');
  if (!/^\d{1,9}$/.test((env.CACHE_MAX_ENTRIES ?? '20000').trim()) || cacheMaxEntries < 1) throw new ConfigError('CACHE_MAX_ENTRIES', 'must be a whole number, at least 1');
  let auditRetentionDays: number | undefined;
  if (env.AUDIT_RETENTION_DAYS) {
    auditRetentionDays = Number(env.AUDIT_RETENTION_DAYS);
    if (!/^\d{1,5}$/.test(env.AUDIT_RETENTION_DAYS.trim()) || auditRetentionDays < 1) throw new ConfigError('AUDIT_RETENTION_DAYS', 'must be a whole number of days, at least 1');
  }
  const webhookTimeoutSeconds = parseDuration('WEBHOOK_TIMEOUT', env.WEBHOOK_TIMEOUT ?? '5s');
  if (webhookTimeoutSeconds > 60) throw new ConfigError('WEBHOOK_TIMEOUT', 'must be at most 60 seconds');
  const webhookLeaseSeconds = parseDuration('WEBHOOK_LEASE', env.WEBHOOK_LEASE ?? '30s');
  if (webhookLeaseSeconds <= webhookTimeoutSeconds) throw new ConfigError('WEBHOOK_LEASE', 'must be longer than WEBHOOK_TIMEOUT, or a slow attempt could be sent twice at once');
  const dnsServers = parseDnsServers(env.DNS_SERVERS ?? '');
  const ssoRedirectUris = (env.SSO_REDIRECT_URIS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)
    .map((u) => parseUrl('SSO_REDIRECT_URIS', u, ['http:', 'https:']));
  const mailFrom = env.MAIL_FROM ?? `${productName} <no-reply@${new URL(publicUrl).hostname}>`;
  return {
    nodeEnv, port, host, databaseUrl, databaseReplicaUrl, dataDir, redisUrl, publicUrl, corsOrigins, accessTokenTtl, refreshTokenTtl,
    masterKey, logLevel, jwtAlg, trustProxy,
    issuer: publicUrl,
    audience: env.JWT_AUDIENCE ?? 'saasready',
    rateLimit: {
      perIpPerMinute: parseCount('RATE_LIMIT_PER_IP', env.RATE_LIMIT_PER_IP ?? '30'),
      perAccountPerMinute: parseCount('RATE_LIMIT_PER_ACCOUNT', env.RATE_LIMIT_PER_ACCOUNT ?? '10'),
      enabled: true,
    },
    lockout: { threshold: 5, accountThreshold: 100, baseSeconds: 30, maxSeconds: 3600 },
    argon2: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
    metricsToken, smtpUrl, mailFrom, productName, productLogoUrl, productColor, invitationTtl, requireEmailVerification, auditRetentionDays,
    outboxPollMs: 1000,
    outboxRetryBaseMs: 2000,
    outboxLeaseSeconds,
    cache: { ttlSeconds: cacheTtlSeconds, maxEntries: cacheMaxEntries },
    webhooks: {
      allowPrivate: parseBool('WEBHOOK_ALLOW_PRIVATE', env.WEBHOOK_ALLOW_PRIVATE ?? 'false'),
      timeoutMs: webhookTimeoutSeconds * 1000,
      leaseSeconds: webhookLeaseSeconds,
      retentionSeconds: parseDuration('WEBHOOK_LOG_RETENTION', env.WEBHOOK_LOG_RETENTION ?? '30d'),
      pollMs: 1000,
    },
    dnsServers,
    ssoRedirectUris,
    ssoAllowPrivate: parseBool('SSO_ALLOW_PRIVATE', env.SSO_ALLOW_PRIVATE ?? 'false'),
  };
}

/** DNS_SERVERS: comma-separated `ip` or `ip:port` (IPv6 as `[::1]:53`), as node:dns setServers takes them. */
export function parseDnsServers(raw: string): string[] {
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const match = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(entry) ?? [entry, entry, undefined];
    const address = match[1] ?? '';
    if (!isIP(address) || (match[2] !== undefined && Number(match[2]) > 65535)) {
      throw new ConfigError('DNS_SERVERS', `"${entry}" is not an IP address with an optional port (e.g. 1.1.1.1 or 127.0.0.1:5353)`);
    }
  }
  return entries;
}

/**
 * The development mailbox (GET /api/v1/dev/mailbox) exists only outside production, without
 * SMTP_URL, and when the server listens on loopback only; even then it answers loopback peers only.
 */
export function devMailboxEnabled(config: Pick<Config, 'nodeEnv' | 'smtpUrl' | 'host'>): boolean {
  return config.nodeEnv !== 'production' && !config.smtpUrl && isLoopbackHost(config.host);
}

const TRUST_PROXY_FIX = 'set TRUST_PROXY to the number of proxies in front of the server (e.g. 1) or to their addresses/CIDRs (e.g. 10.0.0.0/8,127.0.0.1)';
/** proxy-addr's named ranges */
const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: empty/false/0 (trust nothing), a hop count, or a comma-separated list of addresses,
 * CIDRs and proxy-addr names. `true` makes the client's own left-most X-Forwarded-For entry its
 * address: refused in production, a warning otherwise.
 */
export function parseTrustProxy(raw: string, nodeEnv: Config['nodeEnv'], warn: (msg: string) => void): TrustProxy {
  const value = raw.trim().toLowerCase();
  if (['', 'false', 'no', '0'].includes(value)) return false;
  if (['true', 'yes'].includes(value)) {
    const why = 'trusting every hop lets any client choose its own IP with X-Forwarded-For (per-IP limits, session and audit IPs)';
    if (nodeEnv === 'production') throw new ConfigError('TRUST_PROXY', `"${raw}" is refused in production: ${why}; ${TRUST_PROXY_FIX}`);
    warn(`TRUST_PROXY=${raw} is UNSAFE: ${why}. Refused when NODE_ENV=production; ${TRUST_PROXY_FIX}.`);
    return true;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 32) throw new ConfigError('TRUST_PROXY', `${value} hops is not a plausible proxy chain; ${TRUST_PROXY_FIX}`);
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!isAddressOrCidr(entry) && !TRUST_PROXY_NAMES.includes(entry)) {
      throw new ConfigError('TRUST_PROXY', `"${entry}" is not an IP address, CIDR or one of ${TRUST_PROXY_NAMES.join(', ')}; ${TRUST_PROXY_FIX}`);
    }
  }
  return entries;
}

/**
 * Config.trustProxy → Fastify's `trustProxy`. Fastify 5 turns a bare hop count into "trust
 * nothing" (it cannot tell a proxy from a direct client), so a count becomes the trust function
 * proxy-addr would build: the socket peer and the next hops-1 addresses are proxies. That is only
 * sound when the server is reachable solely through those proxies; an address list is safer.
 */
export function fastifyTrustProxy(trustProxy: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy === 'number') {
    const hops = trustProxy;
    return (_address, hop) => hop < hops;
  }
  return trustProxy;
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const family = isIP(address);
  if (!family) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

function parseBool(name: string, raw: string): boolean {
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', ''].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, 'must be true or false');
}
