// SSRF, attacked as an attacker would: every refused address class, by literal and through a real
// DNS server on loopback; a name that rebinds to loopback between two resolutions; a redirect to
// an internal address; a huge or never-ending answer. A receiver on 127.0.0.1 proves nothing got
// through. No database: these run the delivery code the worker runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { startDnsServer, type DnsServer } from '../../../test/helpers/dns-server.js';
import { startReceiver, type Receiver } from '../../../test/helpers/webhook-receiver.js';
import { checkUrlShape, TargetRefused, type TargetPolicy } from '../../lib/outbound.js';
import { deliver, RESPONSE_LIMIT } from './delivery.js';
import { newSecret } from './service.js';

let receiver: Receiver;
let other: Receiver;
let dns: DnsServer;
let strict: TargetPolicy;
let lenient: TargetPolicy;
const message = () => ({ id: crypto.randomUUID(), body: '{"type":"webhook.test"}', secrets: [newSecret()] });

/** the first resolution of rebind.test is public, every later one loopback */
const ANSWERS: Record<string, { A?: string[]; AAAA?: string[] }> = {
  'private.test': { A: ['10.1.2.3'] },
  'home.test': { A: ['192.168.0.10'] },
  'corp.test': { A: ['172.20.0.1'] },
  'loopback.test': { A: ['127.0.0.1'] },
  'metadata.test': { A: ['169.254.169.254'] },
  'cgnat.test': { A: ['100.64.1.1'] },
  'v6-loopback.test': { AAAA: ['::1'] },
  'v6-metadata.test': { AAAA: ['fd00:ec2::254'] },
  'v6-linklocal.test': { AAAA: ['fe80::1'] },
  'mapped.test': { AAAA: ['::ffff:127.0.0.1'] },
  'mixed.test': { A: ['1.1.1.1', '127.0.0.1'] },
};

beforeAll(async () => {
  receiver = await startReceiver();
  other = await startReceiver();
  dns = await startDnsServer((name, type, n) => {
    if (name === 'rebind.test') return type === 'A' ? [n === 1 ? '100.63.0.1' : '127.0.0.1'] : [];
    return ANSWERS[name]?.[type] ?? [];
  });
  strict = { allowPrivate: false, httpsOnly: false, dnsServers: [dns.address], timeoutMs: 1000 };
  lenient = { ...strict, allowPrivate: true };
});
afterAll(async () => {
  await receiver.close();
  await other.close();
  await dns.close();
});

describe('refused targets', () => {
  it('refuses every private, loopback, link-local, CGNAT, metadata and unspecified literal, and sends nothing', async () => {
    const literals = ['127.0.0.1', '127.1.2.3', '10.0.0.1', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '[::1]', '[fd00:ec2::254]', '[fe80::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[fc00::1]'];
    for (const host of literals) {
      const result = await deliver(`http://${host}:${receiver.port}/hooks`, strict, message());
      expect(result, host).toMatchObject({ statusCode: null });
      expect(result.error, host).toMatch(/^refused: /);
    }
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses names that resolve to those classes (A or AAAA), and a name with one private address among public ones', async () => {
    for (const name of Object.keys(ANSWERS)) {
      const result = await deliver(`http://${name}:${receiver.port}/hooks`, strict, message());
      expect(result.error, name).toMatch(/^refused: .* resolves to .*(private|loopback|linkLocal|carrierGradeNat|uniqueLocal)/);
    }
    expect((await deliver(`http://nowhere.test:${receiver.port}/`, strict, message())).error).toMatch(/^refused: nowhere.test does not resolve/);
    expect(receiver.received).toHaveLength(0);
  });

  it('connects to the address it checked: a name that rebinds to loopback after the check never reaches loopback', async () => {
    // first answer: a public address (checked, allowed, connected to); a second resolution would say 127.0.0.1, where the receiver is
    const result = await deliver(`http://rebind.test:${receiver.port}/hooks`, strict, message());
    expect(result.error).not.toMatch(/^refused/);
    expect(dns.queries.get('rebind.test/A')).toBe(1);
    expect(receiver.received).toHaveLength(0);
    // the same name, now answering loopback, is refused at its next check
    const refused = (await deliver(`http://rebind.test:${receiver.port}/hooks`, strict, message())).error;
    expect(refused).toMatch(/^refused: rebind\.test resolves to a loopback address/);
    // the tenant's delivery log never learns what an internal name resolves to
    expect(refused).not.toContain('127.0.0.1');
    expect(receiver.received).toHaveLength(0);
  });

  it('requires https in production, and refuses credentials in the URL', () => {
    expect(() => checkUrlShape('http://hooks.example.com/', { httpsOnly: true })).toThrow(TargetRefused);
    expect(checkUrlShape('https://hooks.example.com/', { httpsOnly: true }).hostname).toBe('hooks.example.com');
    expect(() => checkUrlShape('https://a:b@hooks.example.com/', { httpsOnly: false })).toThrow(TargetRefused);
    expect(() => checkUrlShape('file:///etc/passwd', { httpsOnly: false })).toThrow(TargetRefused);
    expect(() => checkUrlShape('gopher://127.0.0.1:6379/_FLUSHALL', { httpsOnly: false })).toThrow(TargetRefused);
  });
});

describe('allowed private targets (WEBHOOK_ALLOW_PRIVATE=true)', () => {
  it('delivers through the configured resolver to the address it resolved', async () => {
    const result = await deliver(`http://loopback.test:${receiver.port}/hooks?x=1`, lenient, message());
    expect(result).toMatchObject({ statusCode: 204, error: null });
    expect(receiver.received.at(-1)!.headers.host).toBe(`loopback.test:${receiver.port}`);
  });

  it('does not follow a redirect (to an internal address or anywhere)', async () => {
    receiver.respond = () => ({ status: 302, headers: { location: other.url } });
    const result = await deliver(receiver.url, lenient, message());
    receiver.respond = () => ({ status: 204 });
    expect(result.statusCode).toBe(302);
    expect(result.error).toMatch(/redirect to .* not followed/);
    expect(other.received).toHaveLength(0);
  });

  it('reads at most the first KiB of an answer, and gives up on one that never ends', async () => {
    const endless = createServer((_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('y'.repeat(64 * 1024)), 5);
      res.on('close', () => clearInterval(timer));
    });
    const silent = createServer(() => {});
    await Promise.all([new Promise<void>((r) => endless.listen(0, '127.0.0.1', r)), new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))]);
    try {
      const big = await deliver(`http://127.0.0.1:${(endless.address() as { port: number }).port}/`, lenient, message());
      expect(big.statusCode).toBe(200);
      expect(big.excerpt!.length).toBeLessThanOrEqual(RESPONSE_LIMIT);
      const started = Date.now();
      const hung = await deliver(`http://127.0.0.1:${(silent.address() as { port: number }).port}/`, { ...lenient, timeoutMs: 300 }, message());
      expect(hung).toMatchObject({ statusCode: null, error: 'timed out after 300 ms' });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      endless.closeAllConnections();
      silent.closeAllConnections();
      endless.close();
      silent.close();
    }
  });
});

describe('https targets', () => {
  it('keeps certificate verification on with the pinned address: an untrusted certificate is refused before any request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saasready-tls-'));
    try {
      const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=loopback.test', '-addext', 'subjectAltName=DNS:loopback.test',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
      expect(made.status).toBe(0);
      let reached = 0;
      const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
        reached++;
        res.writeHead(204).end();
      });
      await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
      const port = (tls.address() as { port: number }).port;
      try {
        // a certificate nobody vouches for is refused before any request is sent
        const result = await deliver(`https://loopback.test:${port}/hooks`, lenient, message());
        expect(result.statusCode).toBeNull();
        expect(result.error).toMatch(/self[- ]signed|certificate/i);
        expect(reached).toBe(0);
      } finally {
        tls.closeAllConnections();
        tls.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('configuration', () => {
  const base = { NODE_ENV: 'test', DATA_DIR: 'memory://', MASTER_KEY: 'a'.repeat(64) };
  it('reads WEBHOOK_ALLOW_PRIVATE, WEBHOOK_TIMEOUT, WEBHOOK_LEASE, WEBHOOK_LOG_RETENTION and DNS_SERVERS, refusing bad values by name', () => {
    const config = loadConfig({ ...base, WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT: '3s', WEBHOOK_LEASE: '20s', WEBHOOK_LOG_RETENTION: '7d', DNS_SERVERS: '127.0.0.1:5353, 1.1.1.1,[::1]:53' }, () => {});
    expect(config.webhooks).toMatchObject({ allowPrivate: true, timeoutMs: 3000, leaseSeconds: 20, retentionSeconds: 7 * 86400 });
    expect(config.dnsServers).toEqual(['127.0.0.1:5353', '1.1.1.1', '[::1]:53']);
    expect(loadConfig(base, () => {}).webhooks).toMatchObject({ allowPrivate: false, timeoutMs: 5000, leaseSeconds: 30 });
    expect(() => loadConfig({ ...base, WEBHOOK_LEASE: '5s' }, () => {})).toThrow(/WEBHOOK_LEASE/);
    expect(() => loadConfig({ ...base, DNS_SERVERS: 'dns.google' }, () => {})).toThrow(/DNS_SERVERS/);
    expect(() => loadConfig({ ...base, WEBHOOK_ALLOW_PRIVATE: 'maybe' }, () => {})).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
  });
});
