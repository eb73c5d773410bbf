// Receiving SaaSReady webhooks: verify the Standard Webhooks signature (with the `standardwebhooks`
// library: HMAC-SHA256 over `id.timestamp.body`, constant-time comparison, timestamps more than
// 5 minutes off refused) and get the event typed by its `type`.
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { WebhookEvent } from '@saasready/contracts';

export { WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType } from '@saasready/contracts';

/** A delivery that is not signed by any of the secrets, is stale, or is not a SaaSReady event. */
export class WebhookSignatureError extends Error {
  readonly code = 'webhook.invalid_signature';
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string {
  const value = headers instanceof Headers ? headers.get(name) : (headers[name] ?? headers[name.toLowerCase()]);
  return Array.isArray(value) ? value.join(' ') : (value ?? '');
}

/**
 * Verifies deliveries of one endpoint. Give it the endpoint's secret (`whsec_…`); during a rotation
 * give both the new and the old one — a delivery signed by either passes.
 *
 * @example
 * ```ts
 * import { WebhookVerifier } from '@saasready/sdk';
 * const verifier = new WebhookVerifier(process.env.SAASREADY_WEBHOOK_SECRET!);
 * app.post('/hooks/saasready', express.raw({ type: 'application/json' }), (req, res) => {
 *   const event = verifier.verify(req.body, req.headers); // throws WebhookSignatureError
 *   if (event.type === 'membership.created') grantSeat(event.data.target?.id);
 *   res.sendStatus(204);
 * });
 * ```
 */
export class WebhookVerifier {
  private readonly webhooks: Webhook[];

  constructor(secrets: string | readonly string[]) {
    const list = typeof secrets === 'string' ? [secrets] : [...secrets];
    if (!list.length) throw new TypeError('WebhookVerifier needs at least one secret');
    this.webhooks = list.map((secret) => new Webhook(secret));
  }

  /**
   * The event, once its signature and timestamp check out. `body` must be the raw bytes received
   * (parsing and re-serialising JSON changes them); `headers` a `Headers` or Node's `req.headers`.
   */
  verify(body: string | Uint8Array, headers: HeaderBag): WebhookEvent {
    const raw = typeof body === 'string' ? body : new TextDecoder().decode(body);
    const signed = { 'webhook-id': header(headers, 'webhook-id'), 'webhook-timestamp': header(headers, 'webhook-timestamp'), 'webhook-signature': header(headers, 'webhook-signature') };
    let lastError: unknown;
    for (const webhook of this.webhooks) {
      try {
        const event = webhook.verify(raw, signed) as WebhookEvent;
        // the id is signed in the header: the body must name the same event
        if (event?.id !== signed['webhook-id']) throw new WebhookSignatureError('the body’s id is not the webhook-id header');
        return event;
      } catch (err) {
        lastError = err;
      }
    }
    if (lastError instanceof WebhookSignatureError) throw lastError;
    throw new WebhookSignatureError(lastError instanceof WebhookVerificationError ? lastError.message : 'invalid webhook');
  }
}

/**
 * One-off form of {@link WebhookVerifier}.
 *
 * @example
 * ```ts
 * const event = verifyWebhook(secret, rawBody, request.headers);
 * ```
 */
export function verifyWebhook(secrets: string | readonly string[], body: string | Uint8Array, headers: HeaderBag): WebhookEvent {
  return new WebhookVerifier(secrets).verify(body, headers);
}
