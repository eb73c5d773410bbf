// TRUST_PROXY over real HTTP: the address the server records (the session list) is the right-most
// untrusted X-Forwarded-For hop, never a left-most entry the client wrote itself.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { appsOnOneDatabase, type TestApp } from './helpers/app.js';
import { STRONG_PASSWORD, uniqueEmail } from './helpers/factories.js';

const withTrustProxy = appsOnOneDatabase();

/** The server's parse of a TRUST_PROXY value (the same path an operator's environment takes). */
const trustProxy = (value: string) => loadConfig({ NODE_ENV: 'production', DATA_DIR: 'memory://', MASTER_KEY: 'a'.repeat(64), TRUST_PROXY: value }, () => {}).trustProxy;

/** Registers through `t` with the given X-Forwarded-For and returns the IP its session records. */
async function recordedIp(t: TestApp, forwardedFor?: string): Promise<string | null> {
  const res = await t.request('POST', '/api/v1/auth/register', {
    body: { email: uniqueEmail('proxy'), password: STRONG_PASSWORD, full_name: 'Proxied' },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });
  expect(res.status, res.text).toBe(201);
  const sessions = await t.request('GET', '/api/v1/auth/sessions', { token: res.body.access_token });
  expect(sessions.status).toBe(200);
  return sessions.body[0].ip;
}

const withApp = (value: string, work: (t: TestApp) => Promise<void>) => withTrustProxy({ trustProxy: trustProxy(value) }, work);

describe('TRUST_PROXY', () => {
  it('TRUST_PROXY=1 trusts exactly one hop: the forged left-most entry is ignored', async () => {
    await withApp('1', async (t) => {
      expect(await recordedIp(t, '6.6.6.6, 1.2.3.4')).toBe('1.2.3.4');
      expect(await recordedIp(t, '1.2.3.4')).toBe('1.2.3.4');
      expect(await recordedIp(t)).toBe('127.0.0.1');
    });
  });

  it('a CIDR list trusts only the listed proxies: the right-most untrusted address wins', async () => {
    await withApp('10.0.0.0/8,127.0.0.1', async (t) => {
      // peer 127.0.0.1 and hop 10.0.0.7 are trusted proxies; 1.2.3.4 is the first untrusted hop
      expect(await recordedIp(t, '6.6.6.6, 1.2.3.4, 10.0.0.7')).toBe('1.2.3.4');
      expect(await recordedIp(t, '6.6.6.6, 1.2.3.4')).toBe('1.2.3.4');
    });
  });

  it('with no TRUST_PROXY, X-Forwarded-For is ignored altogether', async () => {
    await withApp('', async (t) => {
      expect(await recordedIp(t, '6.6.6.6')).toBe('127.0.0.1');
    });
  });
});
