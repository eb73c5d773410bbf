// The webhook outbox's writing side. Rules: events are written with the executor of the change
// they describe (same transaction: no event without its change, no change without its event); each
// event is fanned out at once to the endpoints subscribed to it then (an endpoint created later does
// not receive earlier events; one disabled then receives nothing), one delivery row per endpoint,
// so the delivery worker needs no subscription logic and an endpoint's order is its rows' order.
// Domain events come from audit rows (AUDIT_ACTION_EVENTS): every audited change produces its
// events by construction; `audit.event` carries the audit row itself.
import { AUDIT_ACTION_EVENTS, webhookFilterMatches, type AuditAction, type WebhookEventType } from '@saasready/contracts';
import type { Executor } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import { hintsOf } from './hints.js';
import * as repository from './repository.js';

export { WEBHOOK_CHANNEL } from './repository.js';

/** An audit row as recordAudit appends it. */
export interface AuditRowForEvents {
  id: string;
  organization_id: string | null;
  /** the user whose chain holds an organization-less row (null: the organization's, or the nil chain) */
  chain_key: string | null;
  seq: number;
  prev_hash: string | null;
  hash: string | null;
  action: string;
  actor_type: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  actor_email: string | null;
  target_type: string | null;
  target_id: string | null;
  metadata: Record<string, unknown>;
  ip_address: string | null;
  user_agent: string | null;
  request_id: string | null;
  created_at: Date;
}

/** The event types an audit row produces: its domain events and `audit.event`. */
export function eventTypesForAudit(action: string): WebhookEventType[] {
  return [...(AUDIT_ACTION_EVENTS[action as AuditAction] ?? []), 'audit.event'];
}

function dataFor(type: WebhookEventType, row: AuditRowForEvents): unknown {
  if (type === 'audit.event') return { ...row, created_at: row.created_at.toISOString() };
  return {
    action: row.action,
    actor: { type: row.actor_type, user_id: row.actor_user_id, api_key_id: row.actor_api_key_id, email: row.actor_email },
    target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id } : null,
    attributes: row.metadata,
    audit_log_id: row.id,
  };
}

/**
 * Whether an audit row would queue any webhook event: false only when no enabled endpoint of its
 * scope subscribes to one of its event types (the hints' rule: a cached "nobody" is trusted only
 * while fresh; otherwise the endpoints are read).
 */
export async function wouldEmit(ex: Executor, row: Pick<AuditRowForEvents, 'action' | 'organization_id'>): Promise<boolean> {
  const { types, endpoints } = await listenersOf(ex, row);
  return endpoints.some((e) => e.event_types.some((f) => types.some((t) => webhookFilterMatches(f, t))));
}

/** The organizations each transaction created: only it can see them, so none has an endpoint of its own yet. */
const createdIn = new WeakMap<object, Set<string>>();

/**
 * Notes that `tx` created the organization. Its events until commit can reach the instance-wide
 * endpoints only (no other transaction can give it an endpoint before it exists for them), so they
 * are looked up in the instance's scope, which the hints keep cached — a new organization's own
 * scope would be a cache miss, one query, on every sign-up.
 */
export function organizationCreated(tx: Executor, organizationId: string): void {
  let created = createdIn.get(tx);
  if (!created) createdIn.set(tx, (created = new Set()));
  created.add(organizationId);
}

/** The event types of an audit row and the endpoints of its scope that may hear one (hints.ts: [] only when none does). */
async function listenersOf(ex: Executor, row: Pick<AuditRowForEvents, 'action' | 'organization_id'>) {
  const types = eventTypesForAudit(row.action);
  const scope = row.organization_id !== null && createdIn.get(ex)?.has(row.organization_id) ? null : row.organization_id;
  const hints = hintsOf(ex);
  const endpoints = hints ? await hints.subscribersFor(ex, scope, types) : await repository.subscribers(ex, scope);
  return { types, endpoints };
}

/**
 * Queues the events of an audit row, inside the transaction that writes it. Costs nothing when the
 * process knows (hints.ts) that no endpoint of the scope listens to them, one indexed query otherwise.
 */
export async function emitForAudit(tx: Executor, row: AuditRowForEvents): Promise<void> {
  const { types, endpoints } = await listenersOf(tx, row);
  if (!endpoints.length) return;
  const events: repository.QueuedEvent[] = [];
  for (const type of types) {
    const targets = endpoints.filter((e) => e.event_types.some((f) => webhookFilterMatches(f, type)));
    if (!targets.length) continue;
    const id = newId();
    events.push({
      id,
      organizationId: row.organization_id,
      type,
      createdAt: row.created_at,
      payload: { id, type, created_at: row.created_at.toISOString(), organization_id: row.organization_id, data: dataFor(type, row) },
      deliveries: targets.map((e) => ({ id: newId(), endpointId: e.id, scope: e.organization_id })),
    });
  }
  await repository.insertEvents(tx, events);
}

/** Queues one event for one endpoint only (`webhook.test`). Returns the event and delivery ids. */
export async function emitTo(tx: Executor, endpointId: string, organizationId: string | null, type: WebhookEventType, data: unknown): Promise<{ eventId: string; deliveryId: string } | null> {
  const id = newId();
  const deliveryId = newId();
  const createdAt = new Date();
  const written = await repository.insertEvents(tx, [{
    id, organizationId, type, createdAt,
    payload: { id, type, created_at: createdAt.toISOString(), organization_id: organizationId, data },
    deliveries: [{ id: deliveryId, endpointId, scope: organizationId }],
  }]);
  // null: the endpoint was deleted meanwhile (its delivery was not written)
  return written ? { eventId: id, deliveryId } : null;
}
