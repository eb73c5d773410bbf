import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.js';

/** The channel a transaction that queued deliveries notifies on (delivered only if it commits). */
export const WEBHOOK_CHANNEL = 'saasready_webhooks';

export interface Subscriber {
  id: string;
  /** the endpoint's scope (null: instance-wide), which its deliveries belong to */
  organization_id: string | null;
  event_types: string[];
}

/**
 * Enabled endpoints that hear events of this scope: the organization's own and the instance-wide
 * ones; an event without an organization reaches the instance-wide ones only.
 */
export async function subscribers(ex: Executor, organizationId: string | null): Promise<Subscriber[]> {
  return queryRows<Subscriber>(ex, organizationId === null
    ? sql`select id, organization_id, event_types from webhook_endpoints where organization_id is null and enabled`
    : sql`select id, organization_id, event_types from webhook_endpoints where (organization_id = ${organizationId} or organization_id is null) and enabled`);
}

/**
 * subscribers() with what the subscription hints need to decide whether to keep it: whether this
 * transaction itself changed an endpoint (then what it sees may yet roll back, and is not cached).
 */
export async function scopeSubscribers(ex: Executor, organizationId: string | null): Promise<{ subscribers: Subscriber[]; dirty: boolean }> {
  const inScope = organizationId === null ? sql`organization_id is null` : sql`(organization_id = ${organizationId} or organization_id is null)`;
  const [row] = await queryRows<{ subscribers: Subscriber[] | string; dirty: boolean }>(ex, sql`
    select coalesce((select json_agg(json_build_object('id', id, 'organization_id', organization_id, 'event_types', event_types))
                       from webhook_endpoints where ${inScope} and enabled), '[]'::json) as subscribers,
           coalesce(current_setting('saasready.webhooks_dirty', true), '') = 'on' as dirty`);
  const subscribers = typeof row!.subscribers === 'string' ? (JSON.parse(row!.subscribers) as Subscriber[]) : row!.subscribers;
  return { subscribers, dirty: row!.dirty };
}

export interface QueuedEvent {
  id: string;
  organizationId: string | null;
  type: string;
  payload: unknown;
  createdAt: Date;
  /** one per endpoint; a delivery belongs to its endpoint's scope (an instance endpoint's: null) */
  deliveries: { id: string; endpointId: string; scope: string | null }[];
}

/** Writes the events and their deliveries (in the given order: it is the endpoints' delivery order), then notifies. */
/** Writes the events and their deliveries; answers how many deliveries were written. */
export async function insertEvents(ex: Executor, events: QueuedEvent[]): Promise<number> {
  if (!events.length) return 0;
  await ex.execute(sql`
    insert into webhook_events (id, organization_id, type, payload, created_at) values
    ${sql.join(events.map((e) => sql`(${e.id}, ${e.organizationId}, ${e.type}, ${JSON.stringify(e.payload)}::jsonb, ${e.createdAt.toISOString()}::timestamptz)`), sql`, `)}`);
  const deliveries = events.flatMap((e) => e.deliveries.map((d) => sql`(${d.id}::uuid, ${d.endpointId}::uuid, ${d.scope}::uuid, ${e.id}::uuid)`));
  if (deliveries.length) {
    // only to endpoints that still exist: one another transaction is deleting is waited for (its row
    // lock) and, once that commits, skipped — the foreign key would otherwise fail the change itself
    const written = await queryRows<{ id: string }>(ex, sql`
      insert into webhook_deliveries (id, endpoint_id, organization_id, event_id)
      select v.id, v.endpoint_id, v.organization_id, v.event_id
        from (values ${sql.join(deliveries, sql`, `)}) as v (id, endpoint_id, organization_id, event_id)
        join webhook_endpoints e on e.id = v.endpoint_id
         for key share of e
      returning id`);
    if (written.length) await ex.execute(sql`select pg_notify(${WEBHOOK_CHANNEL}, '')`);
    return written.length;
  }
  return 0;
}
