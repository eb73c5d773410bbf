// A fetch-compatible function for URLs someone else chose (an SSO IdP's metadata, discovery
// document, token, userinfo and JWKS endpoints), with the outbound address policy of outbound.ts:
// the host is checked and connected to by the checked address. On top of that: a 3xx is refused
// (never followed: a redirect is a way around the check), the answer is bounded by maxBytes, and the
// whole request by the policy's timeout (and the caller's signal). Answers are not decompressed: it
// asks for `identity`.
import { checkUrlShape, pinnedRequest, resolveTarget, TargetRefused, untilAborted, type TargetPolicy } from './outbound.js';

export interface GuardedFetchInit {
  method?: string;
  headers?: ConstructorParameters<typeof Headers>[0];
  body?: ConstructorParameters<typeof Response>[0];
  signal?: AbortSignal | null;
  /** ignored: a redirect is never followed (a 3xx is refused) */
  redirect?: string;
}

export type GuardedFetch = (input: string | URL, init?: GuardedFetchInit) => Promise<Response>;

/** Statuses whose Response has no body (the constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

export function guardedFetch(policy: TargetPolicy, maxBytes: number): GuardedFetch {
  return async (input, init = {}) => {
    const url = checkUrlShape(String(input), policy);
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const target = await untilAborted(resolveTarget(url, policy), signal);
    const body = init.body == null ? null : Buffer.from(await new Response(init.body).arrayBuffer());
    const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers));
    headers['accept-encoding'] = 'identity';
    if (body) headers['content-length'] = String(body.length);
    const answer = await pinnedRequest(url, target, { method: (init.method ?? 'GET').toUpperCase(), headers, body, maxBytes, signal });
    if (answer.status >= 300 && answer.status < 400) {
      throw new TargetRefused(`${url.origin}${url.pathname} answered ${answer.status} (a redirect${answer.location ? ` to ${answer.location.slice(0, 200)}` : ''}), which is not followed`);
    }
    if (answer.ended === 'limit') throw new Error(`the answer is larger than ${maxBytes} bytes`);
    if (answer.ended === 'error') throw new Error('the answer broke off');
    const responseHeaders = new Headers();
    for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) responseHeaders.append(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
    return new Response(NULL_BODY.has(answer.status) ? null : answer.body, { status: answer.status, statusText: answer.statusText, headers: responseHeaders });
  };
}

/** The TargetRefused behind an error, however deep a library wrapped it (`cause` chain). */
export function refusalIn(err: unknown): TargetRefused | null {
  for (let e = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof TargetRefused) return e;
  }
  return null;
}
