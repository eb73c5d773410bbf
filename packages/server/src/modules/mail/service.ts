// Outgoing mail. Rules: a message is enqueued with the executor of the action that causes it
// (same transaction: no action without its email, no email without its action); its body is
// encrypted at rest because it carries single-use links.
import type { Executor } from '../../db/client.js';
import { decryptSecret, encryptSecret } from '../../lib/crypto.js';
import { newId } from '../../lib/ids.js';
import * as repository from './repository.js';
import type { RenderedEmail, Template } from './templates.js';

export interface MailBody {
  text: string;
  html: string;
}

export class Mailer {
  constructor(private readonly masterKey: Buffer) {}

  async enqueue(ex: Executor, template: Template, to: string, email: RenderedEmail): Promise<string> {
    const id = newId();
    const body: MailBody = { text: email.text, html: email.html };
    await repository.insert(ex, {
      id,
      template,
      to_address: to,
      subject: email.subject,
      body_enc: encryptSecret(this.masterKey, JSON.stringify(body), `email_outbox:${id}`),
    });
    return id;
  }

  decryptBody(row: repository.OutboxRow): MailBody | null {
    if (!row.body_enc) return null;
    return JSON.parse(decryptSecret(this.masterKey, row.body_enc, `email_outbox:${row.id}`)) as MailBody;
  }
}

// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { invitationAcceptUrl, invitationEmail, passwordChangedEmail, passwordResetEmail, verificationEmail } from './templates.js';
export type { Branding } from './templates.js';
