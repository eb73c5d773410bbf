// Where mail goes: SMTP via nodemailer when SMTP_URL is set, otherwise the dev mailbox (the
// message stays in the outbox, readable at GET /api/v1/dev/mailbox).
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface MailTransport {
  name: 'smtp' | 'dev';
  /** the dev mailbox needs the body after "delivery"; SMTP does not, so it is erased */
  keepsBody: boolean;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url, {
    // stay well inside the worker's 60 s lease, so a slow server cannot cause a double send
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    name: 'smtp',
    keepsBody: false,
    async send(mail) {
      await transporter.sendMail({ ...mail, messageId: mail.messageId });
    },
    close: () => transporter.close(),
  };
}

export const devTransport = (): MailTransport => ({ name: 'dev', keepsBody: true, async send() {}, close() {} });
