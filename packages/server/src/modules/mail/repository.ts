import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.js';
import { emailOutbox } from '../../db/schema.js';

export type OutboxRow = typeof emailOutbox.$inferSelect;

export async function insert(ex: Executor, row: typeof emailOutbox.$inferInsert): Promise<void> {
  await ex.insert(emailOutbox).values(row);
}

/** A WITH item that enqueues the message once for each row `from` selects (none: nothing is sent). */
export function insertFor(from: SQL, row: { id: string; template: string; to_address: string; subject: string; body_enc: string }): SQL {
  return sql`new_mail as (
    insert into email_outbox (id, template, to_address, subject, body_enc)
    select ${row.id}::uuid, ${row.template}, ${row.to_address}, ${row.subject}, ${row.body_enc} from ${from} limit 1)`;
}

/**
 * Claims up to `limit` due messages for this worker: pending ones whose time has come, and
 * "sending" ones whose lease ran out (their worker died mid-delivery). SKIP LOCKED lets several
 * processes poll at once without ever claiming the same row.
 */
export async function claimDue(ex: Executor, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  const rows = await queryRows<Record<string, unknown>>(ex, sql`
    update email_outbox set status = 'sending', attempts = attempts + 1, locked_until = now() + make_interval(secs => ${leaseSeconds})
     where id in (
       select id from email_outbox
        where (status = 'pending' and next_attempt_at <= now())
           or (status = 'sending' and locked_until < now())
        order by next_attempt_at
        limit ${limit}
        for update skip locked)
    returning id`);
  if (!rows.length) return [];
  return ex.select().from(emailOutbox).where(sql`${emailOutbox.id} in (${sql.join(rows.map((r) => sql`${r.id as string}`), sql`, `)})`);
}

export async function markSent(ex: Executor, id: string, transport: string, keepBody: boolean): Promise<void> {
  await ex
    .update(emailOutbox)
    .set({ status: 'sent', sent_at: new Date(), locked_until: null, last_error: null, transport, ...(keepBody ? {} : { body_enc: null }) })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'sending')));
}

export async function markRetry(ex: Executor, id: string, error: string, nextAttemptAt: Date): Promise<void> {
  await ex
    .update(emailOutbox)
    .set({ status: 'pending', locked_until: null, last_error: error.slice(0, 500), next_attempt_at: nextAttemptAt })
    .where(eq(emailOutbox.id, id));
}

export async function markFailed(ex: Executor, id: string, error: string): Promise<void> {
  await ex.update(emailOutbox).set({ status: 'failed', locked_until: null, last_error: error.slice(0, 500) }).where(eq(emailOutbox.id, id));
}

export async function listRecent(ex: Executor, limit: number, to?: string): Promise<OutboxRow[]> {
  return ex
    .select()
    .from(emailOutbox)
    .where(to ? eq(emailOutbox.to_address, to) : undefined)
    .orderBy(desc(emailOutbox.created_at), desc(emailOutbox.id))
    .limit(limit);
}
