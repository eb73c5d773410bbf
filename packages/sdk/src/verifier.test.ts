// The verifier, middleware and flag evaluator against a real SaaSReady server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { OpenFeature } from '@openfeature/server-sdk';
import { createAdmin, createOrgWithMembers, Keyring, login, PasswordHasher, registerUser, startTestApp, type OrgFixture, type TestApp } from '@saasready/test-kit';
import { createVerifier, fastifyGuard, FlagEvaluator, SaaSReadyProvider, VerificationError, withAuth } from './index.js';

let t: TestApp;
let f: OrgFixture;
let jwksFetches = 0;
const countingFetch: typeof fetch = async (input, init) => {
  if (String(input).includes('jwks')) jwksFetches++;
  return fetch(input, init);
};
const verifierOptions = () => ({ issuer: t.config.issuer, jwksUrl: `${t.baseUrl}/.well-known/jwks.json`, baseUrl: t.baseUrl, fetch: countingFetch });

beforeAll(async () => {
  t = await startTestApp();
  f = await createOrgWithMembers(t, 'Verifier Co');
});
afterAll(() => t.close());

const scoped = async (token: string, orgId = f.orgId) => (await t.request('POST', '/api/v1/auth/switch-org', { token, body: { org_id: orgId } })).body.access_token as string;

describe('createVerifier', () => {
  it('verifies offline: one JWKS download, then no network per token', async () => {
    const verifier = createVerifier(verifierOptions());
    const token = await scoped(f.admin.accessToken);
    jwksFetches = 0;
    const caller = await verifier.verify(token);
    expect(caller).toMatchObject({ kind: 'user', userId: f.admin.userId, orgId: f.orgId, role: 'Admin' });
    expect(caller.permissions.has('user.manage')).toBe(true);
    expect(caller.permissions.has('org.delete')).toBe(false);
    for (let i = 0; i < 50; i++) await verifier.verify(token);
    expect(jwksFetches).toBe(1);
  });

  it('picks up a rotated key: old tokens verify until expiry, new ones after pickup', async () => {
    const verifier = createVerifier(verifierOptions());
    const oldToken = await scoped(f.owner.accessToken);
    await verifier.verify(oldToken);
    const cli = new Keyring(t.database.handle.db, { masterKey: t.config.masterKey, alg: 'ES256', accessTokenTtl: t.config.accessTokenTtl, issuer: t.config.issuer, audience: t.config.audience });
    await cli.init();
    cli.stop();
    await cli.rotate();
    const claims = JSON.parse(Buffer.from(oldToken.split('.')[1]!, 'base64url').toString());
    const newToken = await cli.sign({ sub: claims.sub, sid: claims.sid, org_id: claims.org_id, org_role: claims.org_role, permissions: claims.permissions });
    // jose refetches an unknown kid at most once a second; the server's JWKS re-reads keys at most once a second
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await verifier.verify(newToken)).userId).toBe(f.owner.userId);
    expect((await verifier.verify(oldToken)).userId).toBe(f.owner.userId);
  });

  it('rejects forged, foreign-audience and expired tokens', async () => {
    const verifier = createVerifier(verifierOptions());
    const token = await scoped(f.owner.accessToken);
    await expect(verifier.verify(token.slice(0, -4) + 'AAAA')).rejects.toMatchObject({ code: 'invalid' });
    await expect(createVerifier({ ...verifierOptions(), audience: 'other' }).verify(token)).rejects.toBeInstanceOf(VerificationError);
    const keyring = new Keyring(t.database.handle.db, { masterKey: t.config.masterKey, alg: 'ES256', accessTokenTtl: 60, issuer: t.config.issuer, audience: t.config.audience });
    await keyring.init();
    keyring.stop();
    const expired = await keyring.sign({ sub: f.owner.userId, sid: 'x', org_id: null }, Math.floor(Date.now() / 1000) - 120);
    await expect(verifier.verify(expired)).rejects.toMatchObject({ code: 'expired' });
  });

  it('sees a role change at the next refresh, or at once in strict mode', async () => {
    const lax = createVerifier(verifierOptions());
    const strict = createVerifier({ ...verifierOptions(), strict: true, strictCacheMs: 0 });
    const token = await scoped(f.member.accessToken);
    const caller = await lax.verify(token);
    expect(await lax.hasPermission(caller, 'user.read', token)).toBe(true);
    // demote the Member to Viewer on the server
    await t.request('PATCH', `/api/v1/orgs/${f.orgId}/members/${f.memberships.Member}/role`, { token: f.owner.accessToken, body: { role_id: f.roles.Viewer } });
    expect(await lax.hasPermission(caller, 'user.read', token)).toBe(true); // the token still says so (trade-off)
    expect(await strict.hasPermission(await strict.verify(token), 'user.read', token)).toBe(false);
    await t.request('PATCH', `/api/v1/orgs/${f.orgId}/members/${f.memberships.Member}/role`, { token: f.owner.accessToken, body: { role_id: f.roles.Member } });
  });
});

describe('strict mode: the server has the last word on the session', () => {
  it('answers 401 auth.session_revoked for a revoked session (not 403), and 403 two_factor_required when the org starts requiring 2FA', async () => {
    const verifier = createVerifier({ ...verifierOptions(), strict: true, strictCacheMs: 0 });
    const app = Fastify();
    const guard = fastifyGuard(verifier);
    app.get('/orgs/:orgId/secret', { preHandler: guard.requirePermission('org.read', { orgParam: 'orgId' }) }, async () => ({ ok: true }));
    app.get('/orgs/:orgId/home', { preHandler: guard.requireOrg({ orgParam: 'orgId' }) }, async () => ({ ok: true }));
    app.get('/me', { preHandler: guard.requireAuth() }, async () => ({ ok: true }));
    const user = await registerUser(t);
    const token = await scoped(user.accessToken, user.orgId);
    const headers = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: `/orgs/${user.orgId}/secret`, headers })).statusCode).toBe(200);

    await t.database.handle.db.execute(sql`update organizations set settings = settings || '{"require_2fa": true}'::jsonb where id = ${user.orgId}`);
    for (const url of [`/orgs/${user.orgId}/secret`, `/orgs/${user.orgId}/home`]) {
      const twoFactor = await app.inject({ url, headers });
      expect([twoFactor.statusCode, twoFactor.json().code]).toEqual([403, 'two_factor_required']);
    }
    expect((await app.inject({ url: '/me', headers })).statusCode).toBe(200); // still authenticated
    await t.database.handle.db.execute(sql`update organizations set settings = settings - 'require_2fa' where id = ${user.orgId}`);

    expect((await t.request('POST', '/api/v1/auth/logout', { token })).status).toBeLessThan(300);
    for (const url of [`/orgs/${user.orgId}/secret`, `/orgs/${user.orgId}/home`, '/me']) {
      const revoked = await app.inject({ url, headers });
      expect([url, revoked.statusCode, revoked.json().code]).toEqual([url, 401, 'auth.session_revoked']);
      expect(revoked.headers['content-type']).toContain('application/problem+json');
    }
    // a token without an organization is checked too (GET /auth/me): one for a live session, signed like the server's
    const other = await registerUser(t);
    const claims = JSON.parse(Buffer.from(other.accessToken.split('.')[1]!, 'base64url').toString());
    const keyring = new Keyring(t.database.handle.db, { masterKey: t.config.masterKey, alg: 'ES256', accessTokenTtl: t.config.accessTokenTtl, issuer: t.config.issuer, audience: t.config.audience });
    await keyring.init();
    keyring.stop();
    const unscoped = await keyring.sign({ sub: claims.sub, sid: claims.sid, org_id: null });
    expect((await verifier.verify(unscoped)).orgId).toBeNull();
    expect((await app.inject({ url: '/me', headers: { authorization: `Bearer ${unscoped}` } })).statusCode).toBe(200);
    expect((await t.request('POST', '/api/v1/auth/logout', { token: other.accessToken })).status).toBe(204);
    expect((await app.inject({ url: '/me', headers: { authorization: `Bearer ${unscoped}` } })).json().code).toBe('auth.session_revoked');
    // the verifier itself says why, so an app calling hasPermission directly can tell "signed out" from "not allowed"
    await expect(verifier.hasPermission(await verifier.verify(token), 'org.read', token)).rejects.toMatchObject({ name: 'VerificationError', code: 'revoked' });
    // the offline verifier cannot know (the documented trade-off): the token stays good until it expires
    expect(await createVerifier(verifierOptions()).hasPermission(await verifier.verify(token), 'org.read', token)).toBe(true);
  });
});

describe('middleware', () => {
  it('guards Fastify routes: 401 without a token, 403 without the permission, the caller on success', async () => {
    const app = Fastify();
    const guard = fastifyGuard(createVerifier(verifierOptions()));
    app.get('/orgs/:orgId/secret', { preHandler: guard.requirePermission('org.update', { orgParam: 'orgId' }) }, async (req) => ({
      user: (req as unknown as { saasready: { userId: string } }).saasready.userId,
    }));
    const admin = await scoped(f.admin.accessToken);
    const viewer = await scoped(f.viewer.accessToken);
    expect((await app.inject({ url: `/orgs/${f.orgId}/secret` })).statusCode).toBe(401);
    const denied = await app.inject({ url: `/orgs/${f.orgId}/secret`, headers: { authorization: `Bearer ${viewer}` } });
    expect([denied.statusCode, denied.json().code]).toEqual([403, 'permission_denied']);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    expect((await app.inject({ url: `/orgs/${f.orgId}/secret`, headers: { authorization: `Bearer ${admin}` } })).json()).toEqual({ user: f.admin.userId });
    expect((await app.inject({ url: '/orgs/00000000-0000-0000-0000-000000000000/secret', headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(403);
  });

  it('wraps Fetch-API handlers (Next.js route handlers)', async () => {
    const handler = withAuth(createVerifier(verifierOptions()), { permission: 'org.read' }, async (_req, caller) => Response.json({ org: caller.orgId }));
    const token = await scoped(f.viewer.accessToken);
    const ok = await handler(new Request('http://app/x', { headers: { authorization: `Bearer ${token}` } }));
    expect(await ok.json()).toEqual({ org: f.orgId });
    expect((await handler(new Request('http://app/x'))).status).toBe(401);
  });
});

describe('an organization that requires 2FA, for a user without it', () => {
  it('authenticates the user but refuses every org-scoped check with two_factor_required', async () => {
    const user = await registerUser(t);
    await t.database.handle.db.execute(sql`update organizations set settings = settings || '{"require_2fa": true}'::jsonb where id = ${user.orgId}`);
    const token = await scoped(user.accessToken, user.orgId);
    const verifier = createVerifier(verifierOptions());

    const caller = await verifier.verify(token);
    expect(caller).toMatchObject({ kind: 'user', userId: user.userId, orgId: user.orgId, role: null, twoFactorSetupRequired: true });
    expect(caller.permissions.size).toBe(0);
    await expect(verifier.hasPermission(caller, 'org.read', token)).rejects.toMatchObject({ name: 'VerificationError', code: 'two_factor_required' });

    const app = Fastify();
    const guard = fastifyGuard(verifier);
    app.get('/me', { preHandler: guard.requireAuth() }, async (req) => ({ user: (req as unknown as { saasready: { userId: string } }).saasready.userId }));
    app.get('/orgs/:orgId/home', { preHandler: guard.requireOrg({ orgParam: 'orgId' }) }, async () => ({ ok: true }));
    app.get('/orgs/:orgId/secret', { preHandler: guard.requirePermission('org.read', { orgParam: 'orgId' }) }, async () => ({ ok: true }));
    const headers = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: '/me', headers })).json()).toEqual({ user: user.userId });
    for (const url of [`/orgs/${user.orgId}/home`, `/orgs/${user.orgId}/secret`]) {
      const refused = await app.inject({ url, headers });
      expect([refused.statusCode, refused.json().code]).toEqual([403, 'two_factor_required']);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('feature flags in the SDK', () => {
  it('evaluates locally from the snapshot, in agreement with the server, and through OpenFeature', async () => {
    await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email: 'sdk-admin@example.test', password: 'sdk-admin-secret-1', fullName: 'SDK Admin' });
    const admin = (await login(t, 'sdk-admin@example.test', 'sdk-admin-secret-1')).body.access_token;
    await t.request('POST', '/api/v1/admin/feature-flags', { token: admin, body: { key: 'sdk-rollout', name: 'Rollout', rollout_percent: 50 } });
    await t.request('POST', '/api/v1/admin/feature-flags', { token: admin, body: { key: 'sdk-off', name: 'Off' } });
    await t.request('PUT', `/api/v1/orgs/${f.orgId}/feature-flags/sdk-off`, { token: f.owner.accessToken, body: { enabled: true } });
    const key = (await t.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'flags', permissions: ['feature_flags.read'] } })).body.raw_key;

    const flags = new FlagEvaluator({ baseUrl: t.baseUrl, credential: key, refreshMs: 60_000 });
    await flags.start();
    flags.stop();
    const server = await t.request('GET', `/api/v1/orgs/${f.orgId}/feature-flags/evaluate?keys=sdk-rollout,sdk-off`, { token: f.owner.accessToken });
    expect({ 'sdk-rollout': flags.isEnabled('sdk-rollout', { organizationId: f.orgId }), 'sdk-off': flags.isEnabled('sdk-off', { organizationId: f.orgId }) }).toEqual(server.body.flags);
    expect(flags.isEnabled('missing', { organizationId: f.orgId })).toBe(false);

    await OpenFeature.setProviderAndWait(new SaaSReadyProvider(flags));
    const client = OpenFeature.getClient();
    expect(await client.getBooleanValue('sdk-off', false, { targetingKey: f.orgId })).toBe(true);
    expect(await client.getBooleanValue('missing', true, { targetingKey: f.orgId })).toBe(true); // default on FLAG_NOT_FOUND
    const details = await client.getBooleanDetails('sdk-off', false, {});
    expect(details.errorCode).toBe('TARGETING_KEY_MISSING');
    await OpenFeature.close();
  });
});
