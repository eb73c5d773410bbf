// The development mailbox is a local tool, never an open door: loopback peers only (the socket's
// address, not X-Forwarded-For), off in production and on a non-loopback HOST, and the server says
// at start-up where mail goes.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ConfigOverrides, type TestApp } from '../../../test/helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';
import { expectProblem } from '../../../test/helpers/factories.js';

const MAILBOX = '/api/v1/dev/mailbox';
let database: TestDatabase;
/** the apps share one database, so one master key */
const masterKey = randomBytes(32);
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await startTestApp({ masterKey }, { database });
});
afterAll(async () => {
  await t?.close();
  await database.drop();
});

async function withApp(overrides: ConfigOverrides, work: (app: TestApp) => Promise<void>) {
  const app = await startTestApp({ masterKey, ...overrides }, { database });
  try {
    await work(app);
  } finally {
    await app.close();
  }
}

const inject = (app: TestApp, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.app.inject({ method: 'GET', url: MAILBOX, remoteAddress, headers });

/** The log line that says where mail goes. */
const mailLine = (app: TestApp) => app.logs.map((line) => JSON.parse(line) as { msg?: string }).find((e) => /SMTP|mail is/.test(e.msg ?? ''))?.msg;

describe('GET /api/v1/dev/mailbox', () => {
  it('answers the loopback interface (IPv4 and IPv6)', async () => {
    const res = await t.request('GET', MAILBOX);
    expect(res.status, res.text).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect((await inject(t, '::1')).statusCode).toBe(200);
    expect((await inject(t, '::ffff:127.0.0.1')).statusCode).toBe(200);
  });

  it('refuses a non-loopback peer with the 404 of a missing route, whatever X-Forwarded-For says', async () => {
    for (const [peer, headers] of [['10.1.2.3', {}], ['10.1.2.3', { 'x-forwarded-for': '127.0.0.1' }], ['192.168.1.20', {}], ['2001:db8::1', {}]] as const) {
      const res = await inject(t, peer, headers);
      expect(res.statusCode, `${peer} ${JSON.stringify(headers)}`).toBe(404);
      expect(res.json()).toMatchObject({ code: 'request.not_found' });
      expect(res.body).not.toContain('to_address');
    }
  });

  it('refuses a request a proxy on this machine forwarded (its peer is loopback, its client is not)', async () => {
    for (const headers of [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }, { 'x-real-ip': '203.0.113.9' }]) {
      expect((await inject(t, '127.0.0.1', headers)).statusCode, JSON.stringify(headers)).toBe(404);
    }
  });

  it('is off when the server listens on a non-loopback HOST, and says mail is not delivered', async () => {
    await withApp({ host: '0.0.0.0' }, async (app) => {
      expectProblem(await app.request('GET', MAILBOX), 404, 'request.not_found');
      expect(mailLine(app)).toMatch(/mail is not delivered.*dev mailbox is off \(HOST=0\.0\.0\.0 is not loopback\)/);
    });
  });

  it('is off in production', async () => {
    await withApp({ nodeEnv: 'production' }, async (app) => {
      expectProblem(await app.request('GET', MAILBOX), 404, 'request.not_found');
      expect(mailLine(app)).toMatch(/mail is not delivered.*NODE_ENV=production/);
    });
  });
});

describe('start-up log: where mail goes', () => {
  it('names the dev mailbox (loopback only) when it is on', () => {
    expect(mailLine(t)).toMatch(/dev mailbox at http:\/\/localhost:\d+\/api\/v1\/dev\/mailbox .*loopback only/);
  });

  it('names the SMTP host without its credentials', async () => {
    await withApp({ smtpUrl: 'smtp://mailer:s3cret-pw@smtp.example.test:2525' }, async (app) => {
      expect(mailLine(app)).toBe('mail is delivered via SMTP at smtp://smtp.example.test:2525');
      expect(app.logs.join('\n')).not.toContain('s3cret-pw');
      expectProblem(await app.request('GET', MAILBOX), 404, 'request.not_found');
    });
  });
});
