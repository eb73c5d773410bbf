// Issue 15 item 3: an organization's require_2fa policy is in the access tokens, not only in our routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { login, registerUser } from '../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

describe('access tokens under an organization that requires 2FA', () => {
  it('carry no role or permissions, and say why, until the user has 2FA; a refresh after enabling it restores them', async () => {
    // the user's only organization (their personal one, where they are Owner) turns the policy on
    const user = await registerUser(t);
    await t.database.handle.db.execute(sql`update organizations set settings = settings || '{"require_2fa": true}'::jsonb where id = ${user.orgId}`);
    const withheld = { org_id: user.orgId, org_role: null, permissions: [], two_factor_setup_required: true };

    const loggedIn = await login(t, user.email, user.password);
    expect(loggedIn.status, loggedIn.text).toBe(200);
    expect(claimsOf(loggedIn.body.access_token)).toMatchObject(withheld);

    const switched = await t.request('POST', '/api/v1/auth/switch-org', { token: loggedIn.body.access_token, body: { org_id: user.orgId } });
    expect(switched.status, switched.text).toBe(200);
    expect(claimsOf(switched.body.access_token)).toMatchObject(withheld);

    const refreshed = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: loggedIn.body.refresh_token } });
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(claimsOf(refreshed.body.access_token)).toMatchObject(withheld);

    // the user enables 2FA (written directly: this test is about what the tokens say, not enrolment)
    await t.database.handle.db.execute(sql`insert into user_mfa (user_id, secret_enc, enabled_at) values (${user.userId}, 'unused', now())`);
    const after = await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: refreshed.body.refresh_token } });
    expect(after.status, after.text).toBe(200);
    const claims = claimsOf(after.body.access_token);
    expect(claims).toMatchObject({ org_id: user.orgId, org_role: 'Owner' });
    expect(claims.permissions).toContain('org.update');
    expect(claims).not.toHaveProperty('two_factor_setup_required');
  });

  it('leave tokens of organizations without the policy as they were', async () => {
    const user = await registerUser(t);
    const claims = claimsOf(user.accessToken);
    expect(claims).toMatchObject({ org_id: user.orgId, org_role: 'Owner' });
    expect(claims.permissions).toContain('org.update');
    expect(claims).not.toHaveProperty('two_factor_setup_required');
  });
});
