// loadConfig: defaults, one ConfigError naming each bad variable, and the development master key file.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, decodeMasterKey, devMailboxEnabled, loadConfig, parseDuration } from './config.js';

const KEY = randomBytes(32);
/** A minimal valid environment: nothing but a master key, and no key file anywhere. */
const env = (overrides: Record<string, string | undefined> = {}) => ({ MASTER_KEY: KEY.toString('base64url'), DATA_DIR: 'memory://', ...overrides });

const noWarnings = () => {
  throw new Error('unexpected warning');
};

/** Runs loadConfig and returns the ConfigError it threw. */
function configError(overrides: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env(overrides), () => {});
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(overrides)}`);
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('defaults', () => {
  it('listens on 127.0.0.1:8000 with 15-minute access and 30-day refresh tokens', () => {
    const config = loadConfig(env(), noWarnings);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 8000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      redisUrl: undefined,
      accessTokenTtl: 900,
      refreshTokenTtl: 30 * 24 * 3600,
      logLevel: 'info',
      jwtAlg: 'ES256',
      trustProxy: false,
      corsOrigins: [],
      publicUrl: 'http://localhost:8000',
      issuer: 'http://localhost:8000',
      audience: 'saasready',
    });
    expect(config.masterKey.equals(KEY)).toBe(true);
    expect(config.rateLimit.enabled).toBe(true);
    expect(config.argon2).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it('reads every variable it documents', () => {
    const config = loadConfig(
      env({
        NODE_ENV: 'production',
        PORT: '9000',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgresql://app:pw@db:5432/saasready',
        REDIS_URL: 'rediss://cache:6380',
        PUBLIC_URL: 'https://auth.example.com/',
        CORS_ORIGINS: 'https://app.example.com/, https://admin.example.com',
        ACCESS_TOKEN_TTL: '5m',
        REFRESH_TOKEN_TTL: '12h',
        LOG_LEVEL: 'warn',
        JWT_ALG: 'EdDSA',
        TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
        JWT_AUDIENCE: 'my-api',
      }),
      noWarnings,
    );
    expect(config).toMatchObject({
      nodeEnv: 'production',
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://app:pw@db:5432/saasready',
      redisUrl: 'rediss://cache:6380',
      publicUrl: 'https://auth.example.com',
      issuer: 'https://auth.example.com',
      corsOrigins: ['https://app.example.com', 'https://admin.example.com'],
      accessTokenTtl: 300,
      refreshTokenTtl: 12 * 3600,
      logLevel: 'warn',
      jwtAlg: 'EdDSA',
      trustProxy: ['10.0.0.0/8', '127.0.0.1'],
      audience: 'my-api',
    });
  });

  it('parses durations in seconds, minutes, hours and days', () => {
    expect(parseDuration('X', '900')).toBe(900);
    expect(parseDuration('X', '45s')).toBe(45);
    expect(parseDuration('X', '15m')).toBe(900);
    expect(parseDuration('X', ' 2h ')).toBe(7200);
    expect(parseDuration('X', '30d')).toBe(2_592_000);
  });
});

describe('TRUST_PROXY', () => {
  it('takes a hop count or a list of trusted proxy addresses and CIDRs, as Fastify does', () => {
    expect(loadConfig(env({ TRUST_PROXY: '1' }), noWarnings).trustProxy).toBe(1);
    expect(loadConfig(env({ TRUST_PROXY: '2' }), noWarnings).trustProxy).toBe(2);
    expect(loadConfig(env({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1, ::1, fd00::/8,loopback' }), noWarnings).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback']);
    for (const off of [undefined, '', 'false', '0']) expect(loadConfig(env({ TRUST_PROXY: off }), noWarnings).trustProxy).toBe(false);
  });

  it('refuses "true" in production, naming the variable and the fix', () => {
    for (const value of ['true', 'TRUE', 'yes']) {
      const error = configError({ NODE_ENV: 'production', TRUST_PROXY: value });
      expect(error.variable).toBe('TRUST_PROXY');
      expect(error.message).toMatch(/refused in production/);
      expect(error.message).toMatch(/e\.g\. 1\).*10\.0\.0\.0\/8/);
    }
  });

  it('accepts "true" outside production only with a loud warning', () => {
    const warnings: string[] = [];
    expect(loadConfig(env({ TRUST_PROXY: 'true' }), (msg) => warnings.push(msg)).trustProxy).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/TRUST_PROXY=true is UNSAFE.*choose its own IP/);
  });
});

describe('the development mailbox', () => {
  const mailbox = (overrides: Record<string, string>) => devMailboxEnabled(loadConfig(env(overrides), () => {}));
  it('is on only outside production, without SMTP_URL, on a loopback HOST', () => {
    expect(mailbox({})).toBe(true);
    expect(mailbox({ HOST: '::1' })).toBe(true);
    expect(mailbox({ HOST: 'localhost' })).toBe(true);
    expect(mailbox({ HOST: '0.0.0.0' })).toBe(false);
    expect(mailbox({ HOST: '::' })).toBe(false);
    expect(mailbox({ HOST: '192.168.1.10' })).toBe(false);
    expect(mailbox({ NODE_ENV: 'production' })).toBe(false);
    expect(mailbox({ SMTP_URL: 'smtp://mail.example.test:25' })).toBe(false);
  });
});

describe('METRICS_TOKEN', () => {
  it('is optional, and when set must be a real secret', () => {
    expect(loadConfig(env(), noWarnings).metricsToken).toBeUndefined();
    expect(loadConfig(env({ METRICS_TOKEN: 'a'.repeat(32) }), noWarnings).metricsToken).toBe('a'.repeat(32));
    expect(configError({ METRICS_TOKEN: 'short' }).variable).toBe('METRICS_TOKEN');
  });
});

describe('each bad variable is a ConfigError naming it', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['PORT', ''],
    ['PORT', '0x1F'],
    ['PORT', '1e3'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'mysql://root@localhost/app'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['PUBLIC_URL', 'ftp://auth.example.com'],
    ['CORS_ORIGINS', 'https://ok.example.com,javascript:alert(1)'],
    ['ACCESS_TOKEN_TTL', 'soon'],
    ['ACCESS_TOKEN_TTL', '0'],
    ['ACCESS_TOKEN_TTL', '-5m'],
    ['REFRESH_TOKEN_TTL', '30 days'],
    ['LOG_LEVEL', 'loud'],
    ['OUTBOX_LEASE', 'a minute'],
    ['OUTBOX_LEASE', '0'],
    ['JWT_ALG', 'HS256'],
    ['JWT_ALG', 'none'],
    ['TRUST_PROXY', 'maybe'],
    ['RATE_LIMIT_PER_IP', '0'],
    ['RATE_LIMIT_PER_IP', 'many'],
    ['RATE_LIMIT_PER_ACCOUNT', '2.5'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '10.0.0.1,proxy.internal'],
    ['TRUST_PROXY', '-1'],
    ['TRUST_PROXY', '1.5'],
    ['MASTER_KEY', 'too-short'],
    ['MASTER_KEY', 'ab'.repeat(31)],
    ['MASTER_KEY', randomBytes(48).toString('base64')],
  ])('%s=%s', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
  });

  it('requires MASTER_KEY in production instead of generating one', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saasready-config-'));
    tempDirs.push(dataDir);
    const error = configError({ NODE_ENV: 'production', MASTER_KEY: undefined, DATA_DIR: dataDir });
    expect(error.variable).toBe('MASTER_KEY');
    expect(error.message).toMatch(/required when NODE_ENV=production/);
    expect(existsSync(join(dataDir, 'master.key'))).toBe(false);
  });

  it('does not echo a bad master key in its message', () => {
    const secretish = 'Zm9vYmFyYmF6cXV4c2VjcmV0';
    expect(configError({ MASTER_KEY: secretish }).message).not.toContain(secretish);
  });
});

describe('MASTER_KEY', () => {
  it('accepts 64 hex characters, base64 and base64url for the same 32 bytes', () => {
    for (const encoded of [KEY.toString('hex'), KEY.toString('hex').toUpperCase(), KEY.toString('base64'), KEY.toString('base64url'), `  ${KEY.toString('base64')}\n`]) {
      expect(decodeMasterKey(encoded).equals(KEY)).toBe(true);
      expect(loadConfig(env({ MASTER_KEY: encoded }), noWarnings).masterKey.equals(KEY)).toBe(true);
    }
  });

  it('outside production, is generated once into DATA_DIR/master.key with a warning, then reused', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'saasready-config-')), 'nested', 'data');
    tempDirs.push(dataDir);
    const warnings: string[] = [];
    const first = loadConfig({ DATA_DIR: dataDir }, (msg) => warnings.push(msg));
    expect(first.dataDir).toBe(dataDir);
    expect(first.masterKey).toHaveLength(32);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(join(dataDir, 'master.key'));
    expect(warnings[0]).toMatch(/MASTER_KEY/);

    const file = join(dataDir, 'master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(decodeMasterKey(readFileSync(file, 'utf8')).equals(first.masterKey)).toBe(true);

    const second = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }, (msg) => warnings.push(msg));
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
    expect(warnings).toHaveLength(1); // reusing the file is silent
  });

  it('prefers MASTER_KEY over an existing key file', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saasready-config-'));
    tempDirs.push(dataDir);
    loadConfig({ DATA_DIR: dataDir }, () => {});
    expect(loadConfig({ DATA_DIR: dataDir, MASTER_KEY: KEY.toString('hex') }, noWarnings).masterKey.equals(KEY)).toBe(true);
  });

  it('with an in-memory database, is random per start and never written anywhere', () => {
    const a = loadConfig({ DATA_DIR: 'memory://' }, noWarnings);
    const b = loadConfig({ DATA_DIR: 'memory://' }, noWarnings);
    expect(a.dataDir).toBe('memory://');
    expect(a.masterKey).toHaveLength(32);
    expect(a.masterKey.equals(b.masterKey)).toBe(false);
  });
});

describe('SSO settings', () => {
  it('reads DNS_SERVERS as ip[:port] entries and SSO_REDIRECT_URIS as URLs; none by default', () => {
    expect(loadConfig(env(), noWarnings)).toMatchObject({ dnsServers: [], ssoRedirectUris: [] });
    const config = loadConfig(env({ DNS_SERVERS: '127.0.0.1:5353, 1.1.1.1,[::1]:53,::1', SSO_REDIRECT_URIS: 'https://app.example.com/sso/callback, http://localhost:3000/cb' }), noWarnings);
    expect(config.dnsServers).toEqual(['127.0.0.1:5353', '1.1.1.1', '[::1]:53', '::1']);
    expect(config.ssoRedirectUris).toEqual(['https://app.example.com/sso/callback', 'http://localhost:3000/cb']);
  });

  it('names the bad variable', () => {
    for (const bad of ['dns.example.com', '127.0.0.1:99999', '300.1.1.1']) expect(configError({ DNS_SERVERS: bad }).variable).toBe('DNS_SERVERS');
    expect(configError({ SSO_REDIRECT_URIS: 'not a url' }).variable).toBe('SSO_REDIRECT_URIS');
    expect(configError({ SSO_REDIRECT_URIS: 'javascript:alert(1)' }).variable).toBe('SSO_REDIRECT_URIS');
  });

  it('reads SSO_ALLOW_PRIVATE like WEBHOOK_ALLOW_PRIVATE: off unless an operator says true', () => {
    expect(loadConfig(env(), noWarnings).ssoAllowPrivate).toBe(false);
    expect(loadConfig(env({ SSO_ALLOW_PRIVATE: 'true' }), noWarnings).ssoAllowPrivate).toBe(true);
    expect(loadConfig(env({ SSO_ALLOW_PRIVATE: 'false' }), noWarnings).ssoAllowPrivate).toBe(false);
    expect(configError({ SSO_ALLOW_PRIVATE: 'maybe' }).variable).toBe('SSO_ALLOW_PRIVATE');
  });
});

describe('branding: PRODUCT_NAME, PRODUCT_LOGO_URL, PRODUCT_COLOR', () => {
  it('takes an https logo or a path on this server, and a #rrggbb colour', () => {
    const config = loadConfig(env({ PRODUCT_NAME: 'Northwind Auth', PRODUCT_LOGO_URL: 'https://cdn.northwind.test/logo.svg', PRODUCT_COLOR: '#0B7285' }), noWarnings);
    expect([config.productName, config.productLogoUrl, config.productColor]).toEqual(['Northwind Auth', 'https://cdn.northwind.test/logo.svg', '#0B7285']);
    expect(loadConfig(env({ PRODUCT_LOGO_URL: '/brand/logo.png' }), noWarnings).productLogoUrl).toBe('/brand/logo.png');
    expect(loadConfig(env(), noWarnings)).toMatchObject({ productName: 'SaaSReady', productLogoUrl: undefined, productColor: undefined });
  });

  it('refuses another scheme, a protocol-relative or credentialed address, markup, and colours that are not #rrggbb', () => {
    for (const bad of ['http://cdn.test/logo.svg', 'javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', '//evil.test/logo.svg',
      'https://user:pw@cdn.test/logo.svg', '/logo.svg"><script>', 'logo.svg', `https://cdn.test/${'a'.repeat(2100)}`]) {
      expect(configError({ PRODUCT_LOGO_URL: bad })?.variable, bad).toBe('PRODUCT_LOGO_URL');
    }
    for (const bad of ['red', '#fff', '#12345g', '#0b7285;background:url(x)', 'rgb(0,0,0)']) expect(configError({ PRODUCT_COLOR: bad })?.variable, bad).toBe('PRODUCT_COLOR');
    for (const bad of ['', 'Two\nlines', 'x'.repeat(101)]) expect(configError({ PRODUCT_NAME: bad })?.variable, JSON.stringify(bad)).toBe('PRODUCT_NAME');
  });
});
