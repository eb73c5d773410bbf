// SSRF through SSO, attacked as a tenant admin would: an `sso.manage` holder points a SAML metadata
// URL or an OIDC issuer at loopback, at the cloud metadata address, or at a name the (loopback) DNS
// server resolves to 127.0.0.1. With SSO_ALLOW_PRIVATE off (the default) each is a 422
// `sso.invalid_connection` saying the address is not allowed, and a listener on 127.0.0.1 proves no
// request got through. Then the guarded fetch itself, with private targets allowed: a redirect is
// refused without being followed, an oversized answer is refused, and openid-client sends its
// requests through it. One app (SSO_ALLOW_PRIVATE off) for the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { guardedFetch, refusalIn } from '../../lib/guarded-fetch.js';
import { TargetRefused, type TargetPolicy } from '../../lib/outbound.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { startDnsServer, type DnsServer } from '../../../test/helpers/dns-server.js';
import { expectProblem, registerUser, type RegisteredUser } from '../../../test/helpers/factories.js';
import { startOidcIdp, type TestOidcIdp } from '../../../test/helpers/oidc-idp.js';
import { startReceiver, type Receiver } from '../../../test/helpers/webhook-receiver.js';
import { configurationFor } from './oidc.js';

let t: TestApp;
let dns: DnsServer;
let listener: Receiver;
let other: Receiver;
let owner: RegisteredUser;
let lenient: TargetPolicy;

beforeAll(async () => {
  listener = await startReceiver();
  other = await startReceiver();
  dns = await startDnsServer((name, type) => (name === 'idp.loopback.test' && type === 'A' ? ['127.0.0.1'] : name === 'idp.metadata.test' && type === 'A' ? ['169.254.169.254'] : []));
  t = await startTestApp({ ssoAllowPrivate: false, dnsServers: [dns.address] });
  owner = await registerUser(t);
  lenient = { allowPrivate: true, httpsOnly: false, dnsServers: [dns.address], timeoutMs: 2000 };
});
afterAll(async () => {
  await t?.close();
  await listener?.close();
  await other?.close();
  await dns?.close();
});

const create = (body: Record<string, unknown>) => t.request('POST', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken, body });

/** the targets a tenant admin aims at, and what the refusal must name */
const targets = () => [
  { label: 'loopback literal', base: `http://127.0.0.1:${listener.port}`, says: /127\.0\.0\.1 is a loopback address, which is not allowed/ },
  { label: 'cloud metadata', base: 'http://169.254.169.254', says: /169\.254\.169\.254 is a linkLocal address, which is not allowed/ },
  { label: 'name resolving to loopback', base: `http://idp.loopback.test:${listener.port}`, says: /idp\.loopback\.test resolves to a loopback address, which is not allowed/ },
  { label: 'name resolving to metadata', base: 'http://idp.metadata.test', says: /idp\.metadata\.test resolves to a linkLocal address, which is not allowed/ },
];

describe('SSO_ALLOW_PRIVATE off (the default)', () => {
  it('refuses a SAML idp_metadata_url at loopback, the metadata address or a name resolving there, and sends nothing', async () => {
    for (const { label, base, says } of targets()) {
      const res = await create({ type: 'saml', name: `Evil ${label}`, idp_metadata_url: `${base}/latest/meta-data/iam/security-credentials/` });
      expectProblem(res, 422, 'sso.invalid_connection');
      expect(res.body.detail, label).toMatch(says);
      expect(res.body.detail, label).toMatch(/^idp_metadata_url refused: /);
    }
    expect(dns.queries.get('idp.loopback.test/A')).toBeGreaterThanOrEqual(1); // asked DNS_SERVERS, not the system
    expect(listener.received).toHaveLength(0);
    expect((await t.request('GET', `/api/v1/orgs/${owner.orgId}/sso/connections`, { token: owner.accessToken })).body).toEqual([]);
  });

  it('refuses an OIDC issuer there too (discovery never leaves), and sends nothing', async () => {
    for (const { label, base, says } of targets()) {
      const res = await create({ type: 'oidc', name: `Evil ${label}`, issuer: base, client_id: 'x', client_secret: 'y' });
      expectProblem(res, 422, 'sso.invalid_connection');
      expect(res.body.detail, label).toMatch(says);
      expect(res.body.detail, label).toMatch(/^issuer refused: /);
    }
    expect(listener.received).toHaveLength(0);
  });

  it('refuses the other private classes and IPv6 forms by literal', async () => {
    for (const host of ['10.0.0.1', '172.16.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', '[::1]', '[fd00:ec2::254]', '[::ffff:127.0.0.1]']) {
      const res = await create({ type: 'saml', name: 'Evil', idp_metadata_url: `http://${host}:${listener.port}/metadata` });
      expectProblem(res, 422, 'sso.invalid_connection');
      expect(res.body.detail, host).toMatch(/which is not allowed/);
    }
    expect(listener.received).toHaveLength(0);
  });
});

describe('the guarded fetch (private targets allowed, as an operator may)', () => {
  it('refuses a redirect without following it', async () => {
    listener.respond = () => ({ status: 302, headers: { location: `http://127.0.0.1:${other.port}/metadata` } });
    try {
      const err = await guardedFetch(lenient, 1_000_000)(`http://127.0.0.1:${listener.port}/metadata`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TargetRefused);
      expect((err as Error).message).toMatch(/answered 302 \(a redirect to .*\), which is not followed/);
    } finally {
      listener.respond = () => ({ status: 204 });
    }
    expect(listener.received).toHaveLength(1);
    expect(other.received).toHaveLength(0);
    listener.received.length = 0;
  });

  it('refuses an answer larger than its limit, and connects through DNS_SERVERS to the address it checked', async () => {
    other.respond = () => ({ status: 200, body: 'x'.repeat(5000) });
    try {
      await expect(guardedFetch(lenient, 1000)(`http://idp.loopback.test:${other.port}/big`)).rejects.toThrow(/larger than 1000 bytes/);
      const small = await guardedFetch(lenient, 10_000)(`http://idp.loopback.test:${other.port}/big`);
      expect(small.status).toBe(200);
      expect(await small.text()).toHaveLength(5000);
    } finally {
      other.respond = () => ({ status: 204 });
    }
    expect(other.received.at(-1)!.headers.host).toBe(`idp.loopback.test:${other.port}`);
    other.received.length = 0;
  });

  it('is what openid-client uses: discovery, and later requests (token, userinfo) of the configuration', async () => {
    const idp: TestOidcIdp = await startOidcIdp([]);
    try {
      const seen: string[] = [];
      const guarded = guardedFetch(lenient, 1_000_000);
      const recording: client.CustomFetch = (url, options) => {
        seen.push(new URL(url).pathname);
        return guarded(url, options);
      };
      const config = await configurationFor({ connectionId: 'ssrf-test', version: '1', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, allowHttp: true, fetch: recording });
      expect(seen).toEqual(['/.well-known/openid-configuration']);
      expect(config[client.customFetch]).toBe(recording);
      await client.fetchUserInfo(config, 'not-a-token', 'someone').catch(() => undefined);
      await client.refreshTokenGrant(config, 'not-a-refresh-token').catch(() => undefined);
      expect(seen.slice(1).sort()).toEqual([new URL(config.serverMetadata().userinfo_endpoint!).pathname, new URL(config.serverMetadata().token_endpoint!).pathname].sort());

      // and the strict policy refuses that same issuer before a byte is sent (the wrapped refusal is found)
      const strict = guardedFetch({ ...lenient, allowPrivate: false }, 1_000_000);
      const err = await configurationFor({ connectionId: 'ssrf-test', version: '2', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, allowHttp: true, fetch: strict }).catch((e: unknown) => e);
      expect(refusalIn(err)?.message).toMatch(/127\.0\.0\.1 is a loopback address, which is not allowed/);
    } finally {
      await idp.close();
    }
  });
});
