// Requests the server makes to a URL someone else chose (a tenant's webhook receiver, a tenant's
// SSO identity provider), and the checks that keep them from being a server-side request forgery.
// Rules: an absolute http(s) URL without credentials (https only in production); the host is
// resolved once (DNS_SERVERS when set) and every address it resolves to must be public unicast (no
// private, loopback, link-local, CGNAT, unique-local, metadata, reserved or translated range) unless
// the policy allows private targets; the connection goes to the address that was checked (a custom
// `lookup`, TLS still verified against the hostname), so a second resolution cannot rebind it.
// Redirects, body limits and time limits are the caller's (`pinnedRequest` reports, never follows).
import { lookup as systemLookup, Resolver } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface TargetPolicy {
  /** reach private and loopback addresses too (tests, internal services): an operator's choice */
  allowPrivate: boolean;
  /** NODE_ENV=production: https only */
  httpsOnly: boolean;
  /** DNS_SERVERS: resolve with these servers (`ip:port`) instead of the system resolver */
  dnsServers: string[];
  timeoutMs: number;
  /** the setting that allows private targets, named in a refusal (e.g. WEBHOOK_ALLOW_PRIVATE) */
  allowPrivateSetting?: string;
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

export interface CheckedTarget {
  address: string;
  family: 4 | 6;
}

/** Resolves the URL's host once and checks every address; answers the address to connect to. */
export async function resolveTarget(url: URL, policy: TargetPolicy): Promise<CheckedTarget> {
  const host = bare(url.hostname);
  const addresses = await resolveAll(host, policy.dnsServers, policy.timeoutMs);
  if (!addresses.length) throw new TargetRefused(`${host} does not resolve`);
  if (!policy.allowPrivate) {
    const hint = policy.allowPrivateSetting ? ` (set ${policy.allowPrivateSetting}=true to allow)` : '';
    for (const address of addresses) {
      const range = addressRange(address);
      if (range === 'unicast') continue;
      // never the address a name resolved to: the refusal reaches a tenant's delivery log, and would map
      // the server's internal DNS for them
      const what = isIP(host) ? `${host} is a ${range} address` : `${host} resolves to a ${range} address`;
      throw new TargetRefused(`${what}, which is not allowed${hint}`);
    }
  }
  const address = addresses[0]!;
  return { address, family: isIP(address) === 6 ? 6 : 4 };
}

/** Settles with the promise, or rejects with the signal's reason once it aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

export interface PinnedRequest {
  method: string;
  headers: Record<string, string>;
  body?: Buffer | string | null;
  /** read at most this many bytes of the answer */
  maxBytes: number;
  /** ends the attempt (connection, TLS, waiting, reading) with its reason */
  signal: AbortSignal;
}

export interface PinnedResponse {
  status: number;
  statusText: string;
  /** name, value, name, value… as received */
  rawHeaders: string[];
  location: string | undefined;
  /** at most maxBytes (+ one chunk's overshoot trimmed) */
  body: Buffer;
  /** `limit`: more than maxBytes came and the rest was not read; `error`: the answer broke off */
  ended: 'complete' | 'limit' | 'error';
}

/**
 * One request to the address `resolveTarget` checked, whatever a second resolution would say; the
 * Host header and TLS servername stay the URL's hostname, so certificates are verified as usual.
 * Rejects on a network error, a TLS failure or the signal; a 3xx is answered, never followed.
 */
export function pinnedRequest(url: URL, target: CheckedTarget, request: PinnedRequest): Promise<PinnedResponse> {
  // Node 20 asks for `all` addresses by default
  const lookup: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const hostname = bare(url.hostname);
  return new Promise<PinnedResponse>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      request.signal.removeEventListener('abort', abort);
      outcome();
      outgoing.destroy();
    };
    const abort = () => settle(() => reject(request.signal.reason));
    const options: https.RequestOptions = {
      method: request.method,
      protocol: url.protocol,
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: request.headers,
      lookup,
      agent: false,
      ...(url.protocol === 'https:' && !isIP(hostname) ? { servername: hostname } : {}),
    };
    const outgoing = (url.protocol === 'https:' ? https : http).request(options, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (ended: PinnedResponse['ended']) =>
        settle(() =>
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            rawHeaders: response.rawHeaders,
            location: response.headers.location,
            body: Buffer.concat(chunks).subarray(0, request.maxBytes),
            ended,
          }),
        );
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size > request.maxBytes) done('limit');
      });
      response.on('end', () => done('complete'));
      response.on('error', () => done('error'));
      // a socket that closes before the answer's end
      response.on('close', () => done(response.complete ? 'complete' : 'error'));
    });
    if (request.signal.aborted) return abort();
    request.signal.addEventListener('abort', abort, { once: true });
    outgoing.on('error', (err) => settle(() => reject(err)));
    outgoing.end(request.body ?? undefined);
  });
}
