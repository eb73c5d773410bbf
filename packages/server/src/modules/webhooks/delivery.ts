// One HTTP attempt to a receiver: the Standard Webhooks signature, and the attempt's outcome. The
// SSRF checks are lib/outbound.ts's (https only in production; every address the host resolves to
// public unless WEBHOOK_ALLOW_PRIVATE; the connection goes to the checked address). Here: redirects
// are never followed (a 3xx is a failed attempt); at most RESPONSE_LIMIT bytes of the answer are
// read; the whole attempt, resolution included, is bounded by the timeout.
import { Webhook } from 'standardwebhooks';
import { checkUrlShape, pinnedRequest, resolveTarget, TargetRefused, untilAborted, type CheckedTarget, type TargetPolicy } from '../../lib/outbound.js';

/** How much of a receiver's answer is read (and kept as the log's excerpt). */
export const RESPONSE_LIMIT = 1024;

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
  // one clock for the resolution and the request (the system resolver has no timeout of its own)
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error(`timed out after ${policy.timeoutMs} ms`)), policy.timeoutMs);
  try {
    let url: URL;
    let target: CheckedTarget;
    try {
      url = checkUrlShape(rawUrl, policy);
      target = await untilAborted(resolveTarget(url, policy), deadline.signal);
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
    try {
      const answer = await pinnedRequest(url, target, { method: 'POST', headers, body: message.body, maxBytes: RESPONSE_LIMIT, signal: deadline.signal });
      const excerpt = answer.body.toString('utf8');
      const redirect = answer.status >= 300 && answer.status < 400;
      return { statusCode: answer.status, latencyMs: elapsed(), excerpt: excerpt || null, error: redirect ? `redirect to ${String(answer.location ?? '').slice(0, 200)} not followed` : null };
    } catch (err) {
      return { statusCode: null, latencyMs: elapsed(), excerpt: null, error: (err as Error).message.slice(0, 300) };
    }
  } finally {
    clearTimeout(timer);
  }
}
