// GET /metrics behind METRICS_TOKEN: a bearer token compared in constant time, 401 problem otherwise;
// without a token in production the server warns at start-up.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appsOnOneDatabase, type TestApp } from '../../test/helpers/app.js';
import { expectProblem } from '../../test/helpers/factories.js';

const TOKEN = 'metrics-' + randomBytes(16).toString('hex');
const withApp = appsOnOneDatabase();

const warnedAboutMetrics = (app: TestApp) => app.logs.some((line) => /METRICS_TOKEN is not set: GET \/metrics is public/.test(line));

describe('METRICS_TOKEN', () => {
  it('when set, /metrics needs the bearer token: missing or wrong is a 401 problem', async () => {
    await withApp({ metricsToken: TOKEN }, async (app) => {
      const missing = await app.request('GET', '/metrics');
      expectProblem(missing, 401, 'auth.unauthenticated');
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(missing.text).not.toContain('http_request_duration');
      for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, 'Bearer ', `Basic ${TOKEN}`, TOKEN]) {
        expectProblem(await app.request('GET', '/metrics', { headers: { authorization } }), 401, 'auth.unauthenticated');
      }
      const ok = await app.request('GET', '/metrics', { token: TOKEN });
      expect(ok.status).toBe(200);
      expect(ok.text).toMatch(/^# HELP /m);
    });
  });

  it('without it /metrics stays open (development) and production warns at start-up', async () => {
    await withApp({}, async (app) => {
      expect((await app.request('GET', '/metrics')).status).toBe(200);
      expect(warnedAboutMetrics(app)).toBe(false);
    });
    await withApp({ nodeEnv: 'production' }, async (app) => {
      expect(warnedAboutMetrics(app)).toBe(true);
    });
  });
});
