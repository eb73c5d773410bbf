import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { registerUser, uniqueEmail } from '../../../test/helpers/factories.js';
import { linkToken, startSmtpServer, type TestSmtp } from '../../../test/helpers/smtp.js';
import * as repository from './repository.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
const track = <T extends { close(): Promise<void> }>(x: T): T => {
  cleanups.push(() => x.close());
  return x;
};

const until = async (check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

const outboxRows = (t: TestApp, to: string) =>
  queryRows<{ id: string; status: string; attempts: number; last_error: string | null; body_enc: string | null }>(
    t.database.handle.db,
    sql`select id, status, attempts, last_error, body_enc from email_outbox where to_address = ${to}`,
  );

describe('the outbox', () => {
  it('keeps retrying while the SMTP server is down and delivers once it is back, exactly once', async () => {
    const probe = await startSmtpServer();
    const port = probe.port;
    await probe.close(); // now nothing listens on that port
    const t = track(await startTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxPollMs: 50, outboxRetryBaseMs: 100 }));
    const user = await registerUser(t);
    await until(async () => (await outboxRows(t, user.email))[0]!.attempts >= 2);
    const [failing] = await outboxRows(t, user.email);
    // between attempts it is 'pending', during one 'sending': never sent, never given up
    expect(['pending', 'sending']).toContain(failing!.status);
    expect(failing!.last_error).toMatch(/ECONNREFUSED|connect/i);

    const smtp: TestSmtp = track(await startSmtpServer(port));
    const mail = await smtp.waitFor((m) => m.to === user.email, 15_000);
    expect(linkToken(mail, '/verify-email')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await until(async () => (await outboxRows(t, user.email))[0]!.status === 'sent');
    const [sent] = await outboxRows(t, user.email);
    expect(sent!.body_enc).toBeNull(); // the link is erased once delivered
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.filter((m) => m.to === user.email)).toHaveLength(1);
  });

  it('re-delivers a message whose worker died mid-delivery once its lease runs out', async () => {
    const smtp = track(await startSmtpServer());
    const t = track(await startTestApp({ smtpUrl: smtp.url, outboxPollMs: 50 }, {}));
    await t.app.outbox.stop(); // this process's worker is "dead" from here on
    const user = await registerUser(t);
    // a worker claims the message and dies before sending: the row stays 'sending' under a 1 s lease
    const claimed = await repository.claimDue(t.database.handle.db, 10, 1);
    expect(claimed.map((r) => r.to_address)).toContain(user.email);
    expect((await outboxRows(t, user.email))[0]!.status).toBe('sending');
    // a surviving process (same database) picks it up after the lease
    const survivor = track(await startTestApp({ smtpUrl: smtp.url, outboxPollMs: 50, masterKey: t.config.masterKey }, { database: t.database }));
    await smtp.waitFor((m) => m.to === user.email, 10_000);
    await until(async () => (await outboxRows(survivor, user.email))[0]!.status === 'sent');
    expect(smtp.messages.filter((m) => m.to === user.email)).toHaveLength(1);
  });

  it('lets several workers poll at once without ever sending a message twice', async () => {
    const smtp = track(await startSmtpServer());
    const a = track(await startTestApp({ smtpUrl: smtp.url, outboxPollMs: 60_000 }, {}));
    const b = track(await startTestApp({ smtpUrl: smtp.url, outboxPollMs: 60_000, masterKey: a.config.masterKey }, { database: a.database }));
    const emails = await Promise.all(Array.from({ length: 12 }, () => registerUser(a).then((u) => u.email)));
    for (let i = 0; i < 20; i++) await Promise.all([a.app.outbox.runOnce(), b.app.outbox.runOnce()]);
    await until(async () => smtp.messages.length >= emails.length);
    await new Promise((r) => setTimeout(r, 200));
    const counts = emails.map((e) => smtp.messages.filter((m) => m.to === e).length);
    expect(counts).toEqual(emails.map(() => 1));
  });

  it('stores bodies encrypted: the link is not readable in the table', async () => {
    const t = track(await startTestApp({ outboxPollMs: 60_000 }, {}));
    const user = await registerUser(t);
    const [row] = await outboxRows(t, user.email);
    expect(row!.body_enc).toMatch(/^v1\./);
    expect(row!.body_enc).not.toContain('verify-email');
  });
});

describe('the development mailbox', () => {
  it('shows outgoing mail with its links when no SMTP server is configured', async () => {
    const t = track(await startTestApp({ outboxPollMs: 50 }, {}));
    const user = await registerUser(t);
    await until(async () => (await outboxRows(t, user.email))[0]?.status === 'sent');
    const res = await t.request('GET', `/api/v1/dev/mailbox?to=${encodeURIComponent(user.email)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([expect.objectContaining({ to: user.email, template: 'email_verification', status: 'sent', text: expect.stringContaining('/verify-email?token=') })]);
    const token = /token=([A-Za-z0-9_-]+)/.exec(res.body[0].text)![1];
    expect((await t.request('POST', '/api/v1/auth/verify-email', { body: { token } })).status).toBe(204);
  });

  it('does not exist in production or when SMTP is configured', async () => {
    const prod = track(await startTestApp({ nodeEnv: 'production' }, {}));
    expect((await prod.request('GET', '/api/v1/dev/mailbox')).status).toBe(404);
    const withSmtp = track(await startTestApp({ smtpUrl: 'smtp://127.0.0.1:1' }, {}));
    expect((await withSmtp.request('GET', '/api/v1/dev/mailbox')).status).toBe(404);
  });

  it('never writes a message body or link into the logs', async () => {
    const t = track(await startTestApp({ outboxPollMs: 50 }, {}));
    const email = uniqueEmail();
    await registerUser(t, { email });
    await until(async () => (await outboxRows(t, email))[0]?.status === 'sent');
    const res = await t.request('GET', `/api/v1/dev/mailbox?to=${encodeURIComponent(email)}`);
    const token = /token=([A-Za-z0-9_-]+)/.exec(res.body[0].text)![1]!;
    expect(t.logs.some((line) => line.includes('email delivered'))).toBe(true);
    expect(t.logs.filter((line) => line.includes(token))).toEqual([]);
  });
});
