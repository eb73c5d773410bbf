// One HTTP attempt to a receiver, and the checks that keep it from being a server-side request
// forgery. Rules: https only in production; the host is resolved once, every address it resolves to
// must be public unicast (no private, loopback, link-local, CGNAT, unique-local, metadata, reserved
// or translated range) unless WEBHOOK_ALLOW_PRIVATE, and the connection goes to the address that
// was checked (a custom `lookup`), so a second resolution cannot rebind it; redirects are never
// followed (a 3xx is a failed attempt); at most RESPONSE_LIMIT bytes of the answer are read; the
// whole attempt is bounded by the timeout.
import { lookup as systemLookup, Resolver } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Webhook } from 'standardwebhooks';

/** How much of a receiver's answer is read (and kept as the log's excerpt). */
export const RESPONSE_LIMIT = 1024;

export interface TargetPolicy {
  /** WEBHOOK_ALLOW_PRIVATE: deliver to private and loopback addresses too (tests, internal receivers) */
  allowPrivate: boolean;
  /** NODE_ENV=production: https only */
  httpsOnly: boolean;
  /** DNS_SERVERS: resolve with these servers (`ip:port`) instead of the system resolver */
  dnsServers: string[];
  timeoutMs: number;
}

/** A target the policy refuses (no request is made). */
export class TargetRefused extends Error {}

/** The URL's shape: an absolute http(s) URL without credentials (https only in production). */
export function checkUrlShape(raw: string, policy: Pick<TargetPolicy, 'httpsOnly'>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TargetRefused('only https (and http outside production) URLs are allowed');
  if (policy.httpsOnly && url.protocol !== 'https:') throw new TargetRefused('https is required in production');
  if (url.username || url.password) throw new TargetRefused('credentials in the URL are not allowed');
  if (!url.hostname) throw new TargetRefused('the URL has no host');
  return url;
}

const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');

/** The range an address falls in (`unicast` for a public one), as ipaddr.js names it. */
export function addressRange(address: string): string {
  try {
    return ipaddr.process(address).range();
  } catch {
    return 'invalid';
  }
}

/** Why an address literal in a URL is refused, or null (checked at creation for early feedback). */
export function literalRefusal(url: URL, policy: Pick<TargetPolicy, 'allowPrivate'>): string | null {
  const host = bare(url.hostname);
  if (policy.allowPrivate || !isIP(host)) return null;
  const range = addressRange(host);
  return range === 'unicast' ? null : `${host} is a ${range} address`;
}

async function resolveAll(host: string, dnsServers: string[], timeoutMs: number): Promise<string[]> {
  if (isIP(host)) return [host];
  if (dnsServers.length) {
    const resolver = new Resolver({ timeout: Math.min(timeoutMs, 2000), tries: 1 });
    resolver.setServers(dnsServers);
    const [v4, v6] = await Promise.all([resolver.resolve4(host).catch(() => [] as string[]), resolver.resolve6(host).catch(() => [] as string[])]);
    return [...v4, ...v6];
  }
  return (await systemLookup(host, { all: true, verbatim: true }).catch(() => [])).map((a) => a.address);
}

/** Resolves the URL's host once and checks every address; answers the address to connect to. */
export async function resolveTarget(url: URL, policy: TargetPolicy): Promise<{ address: string; family: 4 | 6 }> {
  const host = bare(url.hostname);
  const addresses = await resolveAll(host, policy.dnsServers, policy.timeoutMs);
  if (!addresses.length) throw new TargetRefused(`${host} does not resolve`);
  if (!policy.allowPrivate) {
    for (const address of addresses) {
      const range = addressRange(address);
      if (range !== 'unicast') throw new TargetRefused(`${host} resolves to ${address}, a ${range} address (set WEBHOOK_ALLOW_PRIVATE=true to allow)`);
    }
  }
  const address = addresses[0]!;
  return { address, family: isIP(address) === 6 ? 6 : 4 };
}

/** The `webhook-signature` header: one `v1,<base64>` per secret, space-separated (rotation overlap). */
export function signatureHeader(secrets: string[], messageId: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' ');
}

export interface AttemptResult {
  statusCode: number | null;
  latencyMs: number;
  excerpt: string | null;
  error: string | null;
}

/**
 * POSTs a signed event. Never throws: a refusal, a network error or a timeout is an attempt without
 * a status code.
 */
export async function deliver(rawUrl: string, policy: TargetPolicy, message: { id: string; body: string; secrets: string[] }): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  let target: { address: string; family: 4 | 6 };
  try {
    url = checkUrlShape(rawUrl, policy);
    // the resolution counts against the attempt's timeout too (the system resolver has none of its own)
    let timer: NodeJS.Timeout | undefined;
    target = await Promise.race([
      resolveTarget(url, policy),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${policy.timeoutMs} ms`)), policy.timeoutMs))),
    ]).finally(() => clearTimeout(timer));
  } catch (err) {
    return { statusCode: null, latencyMs: elapsed(), excerpt: null, error: err instanceof TargetRefused ? `refused: ${err.message}` : `resolution failed: ${(err as Error).message}` };
  }
  const timestamp = new Date();
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'SaaSReady-Webhooks/1',
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': signatureHeader(message.secrets, message.id, timestamp, message.body),
    'content-length': String(Buffer.byteLength(message.body)),
  };
  // the checked address, whatever a second resolution would say (Node 20 asks for `all` by default)
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs: elapsed() });
      request.destroy();
    };
    const options: https.RequestOptions = {
      method: 'POST',
      protocol: url.protocol,
      hostname: bare(url.hostname),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers,
      lookup: pinned,
      agent: false,
      ...(url.protocol === 'https:' && !isIP(bare(url.hostname)) ? { servername: bare(url.hostname) } : {}),
    };
    const request = (url.protocol === 'https:' ? https : http).request(options, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_LIMIT).toString('utf8');
        const status = response.statusCode ?? 0;
        const redirect = status >= 300 && status < 400;
        finish({ statusCode: status, excerpt: excerpt || null, error: redirect ? `redirect to ${String(response.headers.location ?? '').slice(0, 200)} not followed` : null });
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_LIMIT) done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    const timer = setTimeout(() => finish({ statusCode: null, excerpt: null, error: `timed out after ${policy.timeoutMs} ms` }), Math.max(1, policy.timeoutMs - elapsed()));
    request.on('error', (err) => finish({ statusCode: null, excerpt: null, error: err.message.slice(0, 300) }));
    request.end(message.body);
  });
}
