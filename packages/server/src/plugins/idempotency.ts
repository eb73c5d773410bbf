// Idempotency-Key on creating POSTs (routes with config.idempotent). The first request with a key
// claims it; its answer (2xx or 4xx) is stored and replayed for 24 hours to the same principal with
// `Idempotency-Replayed: true`. The same key with another method, path or body → 422
// idempotency_key_reused; while the first is still running → 409 idempotency_in_progress.
// A 5xx releases the key so the client can retry. A claim is a lease of IN_PROGRESS_LEASE_MS: if
// its request never completes (a crash, or storing the answer failed) a retry after the lease runs
// the request again instead of answering 409 for 24 hours. Secrets shown once (an API key's
// `raw_key`, an invitation's `accept_url`) are never stored, so a replay omits them.
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/client.js';
import { sha256 } from '../lib/crypto.js';
import { AppError } from '../lib/errors.js';
import { canonicalJson } from '../lib/canonical-json.js';
import * as repository from '../modules/idempotency/service.js';

const TTL_MS = 24 * 3_600_000;
/** How long an unfinished claim holds its key; longer than any request may take (Fastify's own timeouts are shorter). */
export const IN_PROGRESS_LEASE_MS = 60_000;
const KEY = /^[\x21-\x7e]{1,255}$/;
/** fields of a stored answer that must never be replayed */
const NEVER_STORED = ['raw_key', 'accept_url'];

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string; claimedAt: Date } | null;
  }
}

const principalOf = (request: FastifyRequest): string | null =>
  request.principal ? `user:${request.principal.userId}` : request.apiKey ? `api_key:${request.apiKey.id}` : null;

export default fp<{ db: Database; leaseMs?: number }>(
  async (app, { db, leaseMs = IN_PROGRESS_LEASE_MS }) => {
    app.decorateRequest('idempotency', null);

    app.addHook('preHandler', async (request, reply) => {
      if (!request.routeOptions.config.idempotent) return;
      const header = request.headers['idempotency-key'];
      if (header === undefined) return;
      const principal = principalOf(request);
      if (typeof header !== 'string' || !KEY.test(header)) {
        throw new AppError('request.validation_failed', 'Idempotency-Key must be 1–255 visible ASCII characters.', {
          errors: [{ field: 'headers:/idempotency-key', message: 'must be 1–255 visible ASCII characters', code: 'pattern' }],
        });
      }
      if (!principal) return;
      const record = { principal, key: header, method: request.method, path: request.url, body_hash: sha256(canonicalJson(request.body ?? null)) };
      const claimedAt = await repository.claim(db, { ...record, expires_at: new Date(Date.now() + leaseMs) });
      if (claimedAt) {
        request.idempotency = { principal, key: header, claimedAt };
        return;
      }
      const existing = await repository.find(db, principal, header);
      if (!existing) throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is in progress; retry shortly.');
      if (existing.method !== record.method || existing.path !== record.path || existing.body_hash !== record.body_hash) {
        throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
      }
      if (existing.status !== 'completed') {
        throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is in progress; retry shortly.', { headers: { 'retry-after': '1' } });
      }
      const stored = existing.response_body as { content_type: string; body: unknown };
      reply.header('idempotency-replayed', 'true');
      return reply.code(existing.response_status!).type(stored.content_type).send(stored.body);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotency;
      if (!claim) return payload;
      request.idempotency = null;
      if (reply.statusCode >= 500) {
        await repository.release(db, claim.principal, claim.key, claim.claimedAt).catch(() => {});
        return payload;
      }
      let body: unknown = null;
      try {
        body = typeof payload === 'string' ? JSON.parse(payload) : null;
      } catch {
        body = null;
      }
      if (body && typeof body === 'object') for (const field of NEVER_STORED) delete (body as Record<string, unknown>)[field];
      const contentType = String(reply.getHeader('content-type') ?? 'application/json');
      try {
        await repository.complete(db, claim.principal, claim.key, claim.claimedAt, reply.statusCode, { content_type: contentType, body }, new Date(Date.now() + TTL_MS));
      } catch (err) {
        // the work is done: the client gets its answer; the key stays claimed until the lease ends
        request.log.error({ err }, 'idempotency: storing the answer failed');
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['authorize'] },
);
