// Issue 15 item 23: registration answers auth.email_taken (login does not reveal accounts), so
// sign-ups without an invitation are capped per IP per hour; past the cap every email looks the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { expectProblem, STRONG_PASSWORD, uniqueEmail } from '../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  // the production per-IP limit (30 a minute) → 10 sign-ups per IP per hour
  t = await startTestApp({ rateLimit: { perIpPerMinute: 30 } });
});
afterAll(() => t.close());

const register = (email: string) => t.request('POST', '/api/v1/auth/register', { body: { email, password: STRONG_PASSWORD, full_name: 'Probe' } });

describe('probing emails through POST /auth/register', () => {
  it('is capped per IP per hour: after the cap an existing and an unknown email get the same 429', async () => {
    const existing = uniqueEmail('taken');
    expect((await register(existing)).status).toBe(201);
    for (let i = 1; i < 10; i++) {
      // a prober learns one email per attempt, but only this many in an hour
      if (i % 2) expectProblem(await register(existing), 409, 'auth.email_taken');
      else expect((await register(uniqueEmail('new'))).status).toBe(201);
    }
    const probeExisting = await register(existing);
    const probeUnknown = await register(uniqueEmail('unknown'));
    expectProblem(probeExisting, 429, 'request.rate_limited');
    expectProblem(probeUnknown, 429, 'request.rate_limited');
  });
});
