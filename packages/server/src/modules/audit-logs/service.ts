// Writes audit events. Rules: an event is written with the executor of the change it records
// (same transaction), and its metadata never carries a secret — redactMetadata strips them.
import { isIPv4, isIPv6 } from 'node:net';
import type { AuditAction } from '@saasready/contracts';
import type { Executor } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import type { RequestContext } from '../../lib/request-context.js';
import { chainHash, type ChainedFields } from './chain.js';
import * as repository from './repository.js';

/**
 * Names of secrets, tested on the snake_case form of a key (`apiKey`, `API_KEY` and `api_key` are
 * one name): passwords, secrets, tokens, credentials, cookies, private keys, one-time passwords,
 * hashes, and `key`/`code` alone or as the last word (`signing_key`, `backup_codes`, `two_factor_code`).
 */
const SECRET_KEY = /(password|passwd|passphrase|secret|token|authorization|cookie|credential|private|otp|hash|(^|_)keys?$|(^|_)codes?$)/;
const snakeCase = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const isSecretKey = (key: string) => SECRET_KEY.test(snakeCase(key));

/** Drops every property whose name suggests a secret, at any depth. */
export function redactMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactMetadata);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isSecretKey(k)) out[k] = redactMetadata(v);
    return out;
  }
  return value;
}

/**
 * The client address as the inet column will give it back, since the hash covers what verification
 * reads: IPv4 as it is (Node's dotted quads are canonical), IPv6 as PostgreSQL writes it (lower
 * case, zeros compressed). `host:port` and `[v6]:port` lose the port; anything else — a forged
 * X-Forwarded-For behind TRUST_PROXY — is not an address and is not stored (the insert would fail).
 */
async function canonicalIp(ex: Executor, ip: string | null): Promise<string | null> {
  if (!ip) return null;
  const bare = (/^\[([^\]]+)\](?::\d+)?$/.exec(ip)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(ip)?.[1] ?? ip).replace(/%.*$/, '');
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return null;
  return repository.canonicalInet(ex, bare);
}

export interface AuditEvent {
  action: AuditAction;
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
  /** defaults to the request's principal; set it when the actor is known but not yet authenticated (login) */
  actor?: { userId: string; email: string } | null;
}

/**
 * Appends the event to its organization's hash chain, inside the caller's transaction (a savepoint
 * when there is one, its own transaction otherwise). The chain lock serialises writers of one
 * organization until that transaction ends, so the chain never forks.
 */
export async function recordAudit(ex: Executor, ctx: RequestContext, event: AuditEvent): Promise<void> {
  const actor = event.actor ?? (ctx.principal ? { userId: ctx.principal.userId, email: ctx.principal.email } : null);
  const apiKey = !actor && ctx.apiKey ? ctx.apiKey : null;
  const organizationId = event.organizationId ?? null;
  await ex.transaction(async (tx) => {
    await repository.lockChain(tx, organizationId);
    const head = await repository.chainHead(tx, organizationId);
    const row: ChainedFields = {
      id: newId(),
      organization_id: organizationId,
      seq: (head?.seq ?? 0) + 1,
      actor_type: actor ? 'user' : apiKey ? 'api_key' : 'system',
      actor_user_id: actor?.userId ?? null,
      actor_api_key_id: apiKey?.id ?? null,
      actor_email: actor?.email ?? null,
      action: event.action,
      target_type: event.targetType ?? null,
      target_id: event.targetId ?? null,
      metadata: redactMetadata(event.metadata ?? {}) as Record<string, unknown>,
      ip_address: await canonicalIp(tx, ctx.ip),
      user_agent: ctx.userAgent,
      request_id: ctx.requestId,
      created_at: new Date(),
    };
    const prevHash = head?.hash ?? null;
    await repository.insert(tx, {
      ...row,
      actor_type: row.actor_type as 'user' | 'api_key' | 'system',
      metadata: row.metadata as Record<string, unknown>,
      created_at: row.created_at as Date,
      prev_hash: prevHash,
      hash: chainHash(prevHash, row),
    });
  });
}
