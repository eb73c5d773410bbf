// Many HTTP clients send `Content-Type: application/json` on every request. An empty (or
// whitespace-only) body with that header is no body: a route that takes none answers as usual, and
// a route that needs one names the missing fields instead of "malformed JSON".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { createOrgWithMembers, expectProblem, registerUser } from './helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const JSON_TYPE = { 'content-type': 'application/json' };
const BODIES = [
  ['an empty body', ''],
  ['a whitespace-only body', ' \r\n\t '],
] as const;

describe.each(BODIES)('%s with Content-Type: application/json', (_name, raw) => {
  const send = (method: string, path: string, token?: string, contentType = 'application/json') =>
    t.request(method, path, { raw, token, headers: { 'content-type': contentType } });

  it('is no body to a route that takes none: logout, 2FA setup, logout-all and DELETEs answer as usual', async () => {
    const user = await registerUser(t);
    const setup = await send('POST', '/api/v1/auth/2fa/setup', user.accessToken);
    expect(setup.status, setup.text).toBe(200);
    expect(typeof setup.body.secret).toBe('string');

    const { orgId, owner, memberships } = await createOrgWithMembers(t, 'Empty Body Co');
    const removed = await send('DELETE', `/api/v1/orgs/${orgId}/members/${memberships.Viewer}`, owner.accessToken);
    expect(removed.status, removed.text).toBe(204);

    // a second session of the same user, ended from the first
    const other = await t.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expect(other.status, other.text).toBe(200);
    const sessions = await t.request('GET', '/api/v1/auth/sessions', { token: user.accessToken });
    const otherSession = sessions.body.find((s: { current?: boolean }) => !s.current);
    expect(otherSession, sessions.text).toBeDefined();
    const ended = await send('DELETE', `/api/v1/auth/sessions/${otherSession.id}`, user.accessToken);
    expect(ended.status, ended.text).toBe(204);

    // a charset parameter changes nothing
    const logout = await send('POST', '/api/v1/auth/logout', user.accessToken, 'application/json; charset=utf-8');
    expect(logout.status, logout.text).toBe(204);
    expectProblem(await t.request('GET', '/api/v1/auth/me', { token: user.accessToken }), 401, 'auth.session_revoked');

    const all = await send('POST', '/api/v1/auth/logout-all', owner.accessToken);
    expect(all.status, all.text).toBe(200);
    expect(all.body.sessions_ended).toBeGreaterThanOrEqual(1);
  });

  it('to a route that needs a body is a validation problem naming each missing field', async () => {
    const res = await send('POST', '/api/v1/auth/login');
    expectProblem(res, 400, 'request.validation_failed');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['/email', '/password']);
    for (const e of res.body.errors) expect(e.code).toBe('required');
  });

  it('to a route whose body fields are all optional is `{}` (refresh: then the cookie is looked for)', async () => {
    // no refresh token in the body and no cookie: the refresh's own answer, not a parse error
    expectProblem(await send('POST', '/api/v1/auth/refresh'), 401, 'auth.invalid_refresh_token');
  });
});

describe('a body that is not there', () => {
  it('without any Content-Type, to a route that needs a body, also names the missing fields', async () => {
    const res = await t.request('POST', '/api/v1/auth/register');
    expectProblem(res, 400, 'request.validation_failed');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['/email', '/full_name', '/password']);
  });

  it('is still malformed when it holds anything but whitespace', async () => {
    for (const raw of ['\u0000', ' x ', '\uFEFF']) {
      expectProblem(await t.request('POST', '/api/v1/auth/login', { raw, headers: JSON_TYPE }), 400, 'request.malformed_json');
    }
  });
});
