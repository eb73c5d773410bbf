// `client.dev`: helpers that exist only on a development server (no SMTP), never in production.
import type { CallOptions, Transport } from '../transport.js';
import type { MailboxMessage, MailboxQuery } from '../types.js';

/**
 * `client.dev`: helpers that exist only on a development server without SMTP.
 *
 * @example
 * ```ts
 * const [latest] = await client.dev.mailbox({ to: 'alice@acme.test' });
 * ```
 */
export class DevApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * The latest outgoing emails, newest first (404 in production or when SMTP is configured).
   *
   * @example
   * ```ts
   * const messages = await client.dev.mailbox({ to: 'alice@acme.test', limit: 5 });
   * ```
   */
  async mailbox(query: MailboxQuery = {}, options?: CallOptions): Promise<MailboxMessage[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/dev/mailbox', { params: { query }, ...init }), options, { auth: false });
  }
}
