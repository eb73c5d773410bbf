// SQL of webhook endpoints, their deliveries and the delivery log. Every query of an endpoint or a
// delivery takes its scope: an organization id, or null for the instance-wide endpoints
// (superusers); `organization_id is not distinct from` keeps the two apart.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import { deliveryNotFound, webhookNotFound } from './errors.js';
import { WEBHOOK_CHANNEL } from '../webhook-events/service.js';

/** An organization id, or null for the instance's own endpoints. */
export type Scope = string | null;

/** a delivery's foreign key to its endpoint (0015_webhooks.sql) */
export const ENDPOINT_FK = 'webhook_deliveries_endpoint_id_fkey';

const inScope = (scope: Scope, column: SQL = sql`organization_id`) => (scope === null ? sql`${column} is null` : sql`${column} = ${scope}`);

export interface EndpointRow {
  id: string;
  organization_id: string | null;
  url: string;
  description: string | null;
  event_types: string[];
  enabled: boolean;
  disabled_reason: 'gone' | 'failing' | null;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | string | null;
  failing_since: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export async function insertEndpoint(ex: Executor, row: { id: string; organizationId: Scope; url: string; description: string | null; eventTypes: string[]; enabled: boolean; secretEnc: string; createdBy: string | null }): Promise<void> {
  await ex.execute(sql`
    insert into webhook_endpoints (id, organization_id, url, description, event_types, enabled, secret_enc, created_by)
    values (${row.id}, ${row.organizationId}, ${row.url}, ${row.description}, ${sql`array[${sql.join(row.eventTypes.map((t) => sql`${t}`), sql`, `)}]::text[]`}, ${row.enabled}, ${row.secretEnc}, ${row.createdBy})`);
}

/**
 * One endpoint of the scope. `lock`: `update` to delete it, `no key update` to change it. Lock order,
 * everywhere: the audit chain (recordAudit) first, then the endpoint, then its deliveries; a
 * transaction that inserts a delivery only takes a key-share lock on the endpoint (the foreign key),
 * which a `no key update` lock does not block.
 */
export async function findEndpoint(ex: Executor, scope: Scope, id: string, { lock }: { lock?: 'update' | 'no key update' } = {}): Promise<EndpointRow | null> {
  const mode = lock === 'update' ? sql`for update` : lock === 'no key update' ? sql`for no key update` : sql``;
  const [row] = await queryRows<EndpointRow>(ex, sql`select * from webhook_endpoints where id = ${id} and ${inScope(scope)} ${mode}`);
  return row ?? null;
}

export async function listEndpoints(ex: Executor, scope: Scope): Promise<EndpointRow[]> {
  return queryRows<EndpointRow>(ex, sql`select * from webhook_endpoints where ${inScope(scope)} order by created_at, id limit 500`);
}

export async function updateEndpoint(
  ex: Executor,
  scope: Scope,
  id: string,
  set: { url?: string; description?: string | null; eventTypes?: string[]; enabled?: boolean; clearFailure?: boolean; secretEnc?: string; previousSecretEnc?: string | null; previousSecretExpiresAt?: Date | null },
): Promise<void> {
  const parts: SQL[] = [sql`updated_at = now()`];
  if (set.url !== undefined) parts.push(sql`url = ${set.url}`);
  if (set.description !== undefined) parts.push(sql`description = ${set.description}`);
  if (set.eventTypes !== undefined) parts.push(sql`event_types = array[${sql.join(set.eventTypes.map((t) => sql`${t}`), sql`, `)}]::text[]`);
  if (set.enabled !== undefined) parts.push(sql`enabled = ${set.enabled}`);
  if (set.clearFailure) parts.push(sql`disabled_reason = null, failing_since = null`);
  if (set.secretEnc !== undefined) parts.push(sql`secret_enc = ${set.secretEnc}`);
  if (set.previousSecretEnc !== undefined) parts.push(sql`previous_secret_enc = ${set.previousSecretEnc}`);
  if (set.previousSecretExpiresAt !== undefined) parts.push(sql`previous_secret_expires_at = ${set.previousSecretExpiresAt?.toISOString() ?? null}::timestamptz`);
  await ex.execute(sql`update webhook_endpoints set ${sql.join(parts, sql`, `)} where id = ${id} and ${inScope(scope)}`);
}

export async function deleteEndpoint(ex: Executor, scope: Scope, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(ex, sql`delete from webhook_endpoints where id = ${id} and ${inScope(scope)} returning id`);
  return rows.length > 0;
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'delivering' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: Date | string | null;
  created_at: Date | string;
  delivered_at: Date | string | null;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  created_at: Date | string;
  status_code: number | null;
  latency_ms: number;
  response_excerpt: string | null;
  error: string | null;
  next_retry_at: Date | string | null;
}

/** An endpoint's deliveries, newest first, with their attempts. */
export async function listDeliveries(ex: Executor, scope: Scope, endpointId: string, limit: number, status?: string): Promise<{ deliveries: DeliveryRow[]; attempts: AttemptRow[] }> {
  const deliveries = await queryRows<DeliveryRow>(ex, sql`
    select d.id, d.endpoint_id, d.event_id, ev.type as event_type, d.status, d.attempts,
           case when d.status = 'pending' then d.next_attempt_at end as next_attempt_at, d.created_at, d.delivered_at
      from webhook_deliveries d join webhook_events ev on ev.id = d.event_id
     where d.endpoint_id = ${endpointId} and ${inScope(scope, sql`d.organization_id`)} ${status ? sql`and d.status = ${status}` : sql``}
     order by d.seq desc limit ${limit}`);
  if (!deliveries.length) return { deliveries, attempts: [] };
  const attempts = await queryRows<AttemptRow>(ex, sql`
    select delivery_id, attempt, created_at, status_code, latency_ms, response_excerpt, error, next_retry_at
      from webhook_attempts
     where delivery_id in (${sql.join(deliveries.map((d) => sql`${d.id}`), sql`, `)}) and ${inScope(scope)}
     order by delivery_id, attempt, created_at`);
  return { deliveries, attempts };
}

export async function findDelivery(ex: Executor, scope: Scope, endpointId: string, id: string): Promise<{ id: string; event_id: string } | null> {
  const [row] = await queryRows<{ id: string; event_id: string }>(ex, sql`
    select id, event_id from webhook_deliveries where id = ${id} and endpoint_id = ${endpointId} and ${inScope(scope)}`);
  return row ?? null;
}

/**
 * A new delivery of an already written event (a manual retry), queued behind the endpoint's others.
 * The endpoint (or the delivery's log, with its event) may have been deleted since it was read:
 * that is webhook.not_found (or webhook.delivery_not_found), as it would be a moment later.
 */
export async function insertDelivery(ex: Executor, scope: Scope, id: string, endpointId: string, eventId: string): Promise<void> {
  try {
    await ex.execute(sql`insert into webhook_deliveries (id, endpoint_id, organization_id, event_id) values (${id}, ${endpointId}, ${scope}, ${eventId})`);
  } catch (err) {
    if (isForeignKeyViolation(err, ENDPOINT_FK)) throw webhookNotFound();
    if (isForeignKeyViolation(err)) throw deliveryNotFound();
    throw err;
  }
  await ex.execute(sql`select pg_notify(${WEBHOOK_CHANNEL}, '')`);
}

// The worker's side.

export interface ClaimedDelivery {
  id: string;
  endpoint_id: string;
  organization_id: string | null;
  event_id: string;
  attempts: number;
  payload: string;
  url: string;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | string | null;
  failing_since: Date | string | null;
}

/**
 * Claims due deliveries: each enabled endpoint's oldest open delivery only (so an endpoint's events
 * go out in order: a later one waits while an earlier one is retrying), if it is pending and due
 * or delivering with a lapsed lease (its worker died). SKIP LOCKED: concurrent workers never claim
 * one row; the lease keeps others off it for `leaseSeconds`. Due times are compared with the
 * worker's clock (`now`, injectable); leases with the database's, so processes whose clocks differ
 * still agree on when a lease lapsed.
 */
export async function claimDue(ex: Executor, now: Date, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
  const at = now.toISOString();
  const claimed = await queryRows<{ id: string }>(ex, sql`
    update webhook_deliveries d set status = 'delivering', attempts = d.attempts + 1,
           locked_until = now() + make_interval(secs => ${leaseSeconds})
     where d.id in (
       select c.id from webhook_deliveries c
         join webhook_endpoints e on e.id = c.endpoint_id and e.enabled
        where ((c.status = 'pending' and c.next_attempt_at <= ${at}::timestamptz) or (c.status = 'delivering' and c.locked_until < now()))
          and not exists (select 1 from webhook_deliveries p where p.endpoint_id = c.endpoint_id and p.status in ('pending', 'delivering') and p.seq < c.seq)
        order by c.next_attempt_at, c.seq
        limit ${limit}
        for update of c skip locked)
    returning d.id`);
  if (!claimed.length) return [];
  return queryRows<ClaimedDelivery>(ex, sql`
    select d.id, d.endpoint_id, d.organization_id, d.event_id, d.attempts, ev.payload::text as payload,
           e.url, e.secret_enc, e.previous_secret_enc, e.previous_secret_expires_at, e.failing_since
      from webhook_deliveries d
      join webhook_events ev on ev.id = d.event_id
      join webhook_endpoints e on e.id = d.endpoint_id
     where d.id in (${sql.join(claimed.map((r) => sql`${r.id}`), sql`, `)})`);
}

/**
 * The worker's first step when recording an outcome: the endpoint's row lock (no key update: what
 * clearFailing/markFailing need, so no upgrade later; it does not block transactions inserting
 * deliveries), taken before the delivery's row, so a concurrent deletion (endpoint, then its
 * deliveries by cascade) waits for us or we for it, never both. False when the endpoint is gone.
 */
export async function holdEndpoint(ex: Executor, endpointId: string): Promise<boolean> {
  return (await queryRows<{ id: string }>(ex, sql`select id from webhook_endpoints where id = ${endpointId} for no key update`)).length > 0;
}

/**
 * Records the outcome of the attempt this worker claimed: only while its claim holds (status
 * delivering, same attempt number), so a worker whose lease lapsed cannot overwrite the next one's
 * result. Returns whether the claim still held.
 */
export async function finishAttempt(
  ex: Executor,
  claim: { id: string; attempts: number; endpoint_id: string; organization_id: string | null },
  outcome: { status: 'succeeded' | 'pending' | 'failed'; nextAttemptAt: Date | null; now: Date; attempt: { id: string; statusCode: number | null; latencyMs: number; excerpt: string | null; error: string | null } },
): Promise<boolean> {
  const at = outcome.now.toISOString();
  const updated = await queryRows<{ id: string }>(ex, sql`
    update webhook_deliveries set status = ${outcome.status}, locked_until = null,
           next_attempt_at = coalesce(${outcome.nextAttemptAt?.toISOString() ?? null}::timestamptz, next_attempt_at),
           delivered_at = case when ${outcome.status} = 'succeeded' then ${at}::timestamptz else delivered_at end
     where id = ${claim.id} and status = 'delivering' and attempts = ${claim.attempts}
    returning id`);
  if (!updated.length) return false;
  await ex.execute(sql`
    insert into webhook_attempts (id, delivery_id, endpoint_id, organization_id, attempt, status_code, latency_ms, response_excerpt, error, next_retry_at, created_at)
    values (${outcome.attempt.id}, ${claim.id}, ${claim.endpoint_id}, ${claim.organization_id}, ${claim.attempts}, ${outcome.attempt.statusCode},
            ${outcome.attempt.latencyMs}, ${outcome.attempt.excerpt}, ${outcome.attempt.error}, ${outcome.nextAttemptAt?.toISOString() ?? null}::timestamptz, ${at}::timestamptz)`);
  return true;
}

/** After a success: the endpoint's run of failures is over. */
export async function clearFailing(ex: Executor, endpointId: string): Promise<void> {
  await ex.execute(sql`update webhook_endpoints set failing_since = null where id = ${endpointId} and failing_since is not null`);
}

/** After a failure: starts the endpoint's run of failures (if none is under way) and answers when it started. */
export async function markFailing(ex: Executor, endpointId: string, now: Date): Promise<{ failing_since: Date | string; enabled: boolean; organization_id: string | null; url: string } | null> {
  const [row] = await queryRows<{ failing_since: Date | string; enabled: boolean; organization_id: string | null; url: string }>(ex, sql`
    update webhook_endpoints set failing_since = coalesce(failing_since, ${now.toISOString()}::timestamptz)
     where id = ${endpointId} returning failing_since, enabled, organization_id, url`);
  return row ?? null;
}

/** The server turns an endpoint off (`gone`: it answered 410; `failing`: days of failures). Returns whether it was on. */
export async function disableEndpoint(ex: Executor, endpointId: string, reason: 'gone' | 'failing'): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(ex, sql`
    update webhook_endpoints set enabled = false, disabled_reason = ${reason}, updated_at = now() where id = ${endpointId} and enabled returning id`);
  return rows.length > 0;
}

/** Retention of the delivery log: finished deliveries and attempts older than `before`, and events no delivery needs. */
export async function pruneLog(ex: Executor, before: Date): Promise<number> {
  const at = before.toISOString();
  await ex.execute(sql`delete from webhook_attempts where created_at < ${at}::timestamptz`);
  const gone = await queryRows<{ id: string }>(ex, sql`delete from webhook_deliveries where status in ('succeeded', 'failed') and created_at < ${at}::timestamptz returning id`);
  await ex.execute(sql`delete from webhook_events ev where ev.created_at < ${at}::timestamptz and not exists (select 1 from webhook_deliveries d where d.event_id = ev.id)`);
  return gone.length;
}
