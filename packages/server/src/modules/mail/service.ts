// Outgoing mail. Rules: a message is enqueued with the executor of the action that causes it
// (same transaction: no action without its email, no email without its action); its body is
// encrypted at rest because it carries single-use links.
import type { Static } from 'typebox';
import type { DevMailSchema } from '@saasready/contracts';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { decryptSecret, encryptSecret } from '../../lib/crypto.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import * as repository from './repository.js';
import type { RenderedEmail, Template } from './templates.js';

export interface MailBody {
  text: string;
  html: string;
}

export class Mailer {
  constructor(private readonly masterKey: Buffer) {}

  async enqueue(ex: Executor, template: Template, to: string, email: RenderedEmail): Promise<string> {
    const row = this.outboxRow(template, to, email);
    await repository.insert(ex, row);
    return row.id;
  }

  /**
   * The message as a WITH item of another module's statement, enqueued only if the write it selects
   * from (`from`, e.g. the CTE inserting an invitation) happened: one statement instead of two.
   */
  enqueueWith(template: Template, to: string, email: RenderedEmail): (from: SQL) => SQL {
    const row = this.outboxRow(template, to, email);
    return (from) => repository.insertFor(from, row);
  }

  private outboxRow(template: Template, to: string, email: RenderedEmail) {
    const id = newId();
    const body: MailBody = { text: email.text, html: email.html };
    return { id, template, to_address: to, subject: email.subject, body_enc: encryptSecret(this.masterKey, JSON.stringify(body), `email_outbox:${id}`) };
  }

  decryptBody(row: repository.OutboxRow): MailBody | null {
    if (!row.body_enc) return null;
    return JSON.parse(decryptSecret(this.masterKey, row.body_enc, `email_outbox:${row.id}`)) as MailBody;
  }
}

/** The development mailbox: the latest mail, newest first, decrypted (optionally only to one address). */
export async function listDevMailbox(ex: Executor, mailer: Mailer, query: { limit?: number; to?: string }): Promise<Static<typeof DevMailSchema>[]> {
  const rows = await repository.listRecent(ex, query.limit ?? 50, query.to?.trim().toLowerCase());
  return rows.map((row) => {
    const body = mailer.decryptBody(row);
    return { id: row.id, template: row.template, to: row.to_address, subject: row.subject, text: body?.text ?? null, html: body?.html ?? null, status: row.status, created_at: iso(row.created_at) };
  });
}

// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { invitationAcceptUrl, invitationEmail, passwordChangedEmail, passwordResetEmail, verificationEmail, webhookDisabledEmail } from './templates.js';
export type { Branding } from './templates.js';
