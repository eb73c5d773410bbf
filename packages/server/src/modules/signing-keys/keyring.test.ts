import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { openDatabase, queryRows } from '../../db/client.js';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { expectProblem, login, registerUser } from '../../../test/helpers/factories.js';
import { Keyring } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const me = (token: string) => t.request('GET', '/api/v1/auth/me', { token });
const keyringFor = (app: TestApp) =>
  new Keyring(app.database.handle.db, { masterKey: app.config.masterKey, alg: app.config.jwtAlg, accessTokenTtl: app.config.accessTokenTtl, issuer: app.config.issuer, audience: app.config.audience });

describe('JWKS and token verification', () => {
  it('publishes public keys that verify our tokens in any standard JWT library', async () => {
    const user = await registerUser(t);
    const jwks = await t.request('GET', '/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.headers.get('cache-control')).toContain('max-age');
    for (const key of jwks.body.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) });
      expect(key.d).toBeUndefined(); // never the private part
    }
    const { payload, protectedHeader } = await jwtVerify(user.accessToken, createLocalJWKSet(jwks.body as JSONWebKeySet), {
      issuer: t.config.issuer,
      audience: t.config.audience,
      algorithms: ['ES256'],
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload.sub).toBe(user.userId);
  });

  it('keeps private keys only encrypted at rest', async () => {
    const rows = await queryRows<{ private_key_enc: string }>(t.database.handle.db, sql`select private_key_enc from signing_keys`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.private_key_enc).toMatch(/^v1\./);
      expect(row.private_key_enc).not.toContain('"d"');
    }
  });

  it('refuses tokens it did not sign: alg none, HS256 with the public key, a foreign key under our kid, wrong audience', async () => {
    const user = await registerUser(t);
    const [, body] = user.accessToken.split('.');
    const kid = decodeProtectedHeader(user.accessToken).kid!;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid, typ: 'at+jwt' })).toString('base64url')}.${body}.`;
    expectProblem(await me(none), 401, 'auth.invalid_token');

    const jwks = (await t.request('GET', '/.well-known/jwks.json')).body;
    const hs = await new SignJWT(JSON.parse(Buffer.from(body!, 'base64url').toString()))
      .setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' })
      .sign(new TextEncoder().encode(JSON.stringify(jwks.keys[0])));
    expectProblem(await me(hs), 401, 'auth.invalid_token');

    const foreign = await generateKeyPair('ES256');
    const forged = await new SignJWT(JSON.parse(Buffer.from(body!, 'base64url').toString()))
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .sign(foreign.privateKey);
    expectProblem(await me(forged), 401, 'auth.invalid_token');
    expect(await exportJWK(foreign.publicKey)).toBeTruthy();

    const otherAudience = new Keyring(t.database.handle.db, { masterKey: t.config.masterKey, alg: 'ES256', accessTokenTtl: 900, issuer: t.config.issuer, audience: 'someone-else' });
    await otherAudience.init();
    otherAudience.stop();
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    expectProblem(await me(await otherAudience.sign({ sub: claims.sub, sid: claims.sid, org_id: null })), 401, 'auth.invalid_token');
  });

  it('says token_expired for an expired token', async () => {
    const user = await registerUser(t);
    const claims = JSON.parse(Buffer.from(user.accessToken.split('.')[1]!, 'base64url').toString());
    const keyring = keyringFor(t);
    await keyring.init();
    keyring.stop();
    const issuedAt = Math.floor(Date.now() / 1000) - t.config.accessTokenTtl - 10; // expired 10 s ago (beyond the 5 s tolerance)
    expectProblem(await me(await keyring.sign({ sub: claims.sub, sid: claims.sid, org_id: null }, issuedAt)), 401, 'auth.token_expired');
    expect((await me(await keyring.sign({ sub: claims.sub, sid: claims.sid, org_id: null }))).status).toBe(200);
  });
});

describe('key rotation', () => {
  it('signs with the new key while tokens of the old one keep working until they expire', async () => {
    const user = await registerUser(t);
    const oldKid = decodeProtectedHeader(user.accessToken).kid;
    // `saasready keys rotate` does exactly this from another process
    const cli = keyringFor(t);
    await cli.init();
    cli.stop();
    const newKid = await cli.rotate();
    expect(newKid).not.toBe(oldKid);
    const audit = await queryRows(t.database.handle.db, sql`select 1 from audit_logs where action = 'signing_key.rotated' and target_id = ${newKid}`);
    expect(audit).toHaveLength(1);

    // a token signed with the new key is accepted before the server's periodic reload (unknown kid → reload,
    // at most once a second, so wait out the throttle from the server's own start)
    await new Promise((r) => setTimeout(r, 1_100));
    const claims = JSON.parse(Buffer.from(user.accessToken.split('.')[1]!, 'base64url').toString());
    expect((await me(await cli.sign({ sub: claims.sub, sid: claims.sid, org_id: claims.org_id }))).status).toBe(200);
    expect((await me(user.accessToken)).status).toBe(200);
    const kids = (await t.request('GET', '/.well-known/jwks.json')).body.keys.map((k: any) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([oldKid, newKid]));
    // that reload also made the new key the server's signer: new logins use it
    const fresh = await login(t, user.email, user.password);
    expect(decodeProtectedHeader(fresh.body.access_token).kid).toBe(newKid);
  });

  it('drops a retired key from the JWKS once its tokens can no longer be valid', async () => {
    const user = await registerUser(t);
    const kid = decodeProtectedHeader(user.accessToken).kid!;
    const cli = keyringFor(t);
    await cli.init();
    await cli.rotate();
    await t.database.handle.db.execute(sql`update signing_keys set retired_at = now() - interval '1 day' where kid = ${kid}`);
    await cli.reload();
    cli.stop();
    expect(cli.jwks().keys.map((k) => k.kid)).not.toContain(kid);
  });
});

describe('the first key', () => {
  it('is made once when processes start together on a fresh database (start --workers N)', async () => {
    const fresh = await createTestDatabase();
    // on PostgreSQL each keyring has its own connections, as two processes would; PGlite has one
    const other = fresh.url ? await openDatabase({ databaseUrl: fresh.url, dataDir: 'memory://', poolMax: 2 }) : null;
    const options = { masterKey: t.config.masterKey, alg: t.config.jwtAlg, accessTokenTtl: t.config.accessTokenTtl, issuer: t.config.issuer, audience: t.config.audience };
    const keyrings = [new Keyring(fresh.handle.db, options), new Keyring((other ?? fresh.handle).db, options), new Keyring(fresh.handle.db, options)];
    try {
      await Promise.all(keyrings.map((k) => k.init()));
      const keys = await queryRows<{ kid: string }>(fresh.handle.db, sql`select kid from signing_keys where retired_at is null`);
      expect(keys).toHaveLength(1);
      // and every one of them signs with it
      for (const keyring of keyrings) {
        const token = await keyring.sign({ sub: 'u', sid: 's', org_id: null, org_role: null, permissions: [] });
        expect(decodeProtectedHeader(token).kid).toBe(keys[0]!.kid);
      }
    } finally {
      for (const keyring of keyrings) keyring.stop();
      await other?.close();
      await fresh.drop();
    }
  });
});

describe('EdDSA', () => {
  it('signs with Ed25519 when JWT_ALG=EdDSA', async () => {
    const ed = await startTestApp({ jwtAlg: 'EdDSA' });
    try {
      const user = await registerUser(ed);
      expect(decodeProtectedHeader(user.accessToken).alg).toBe('EdDSA');
      expect((await ed.request('GET', '/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
      const jwks = (await ed.request('GET', '/.well-known/jwks.json')).body;
      expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    } finally {
      await ed.close();
    }
  });
});

// last in the file: it retires the app's signing key
describe('the verified-token memory (a token verified once is not verified again)', () => {
  it('never answers for a token it did not verify: a verified token with another payload, or with its key gone, or past its exp, is refused', async () => {
    const user = await registerUser(t);
    const keyring = keyringFor(t);
    await keyring.init();
    try {
      // a token of this keyring's own signing key (earlier tests in this file retired the app's)
      const sid = JSON.parse(Buffer.from(user.accessToken.split('.')[1]!, 'base64url').toString()).sid as string;
      const token = await keyring.sign({ sub: user.userId, sid, org_id: null });
      const claims = await keyring.verify(token);
      expect(claims.sub).toBe(user.userId);
      // the second presentation is answered from memory (the very same claims, no signature check)
      expect(await keyring.verify(token)).toBe(claims);
      // the claims handed out are shared by every later request with this token: nobody can change them
      expect(() => (claims.permissions as string[]).push('org.delete')).toThrow();
      expect(() => Object.assign(claims, { sub: 'someone-else' })).toThrow();
      // the same signature under another payload (a superuser's id) is not the remembered token
      const [header, body, signature] = token.split('.');
      const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), sub: '00000000-0000-7000-8000-000000000001' })).toString('base64url');
      await expect(keyring.verify(`${header}.${forgedBody}.${signature}`)).rejects.toMatchObject({ code: 'auth.invalid_token' });
      // past its exp (and the tolerated skew), a remembered token is expired like any other
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime((claims.exp + 6) * 1000);
      await expect(keyring.verify(token)).rejects.toMatchObject({ code: 'auth.token_expired' });
      vi.useRealTimers();
      expect((await keyring.verify(token)).sub).toBe(user.userId);
      // its key dropped from the keyring (retired long ago): the remembered token goes with it
      const kid = decodeProtectedHeader(token).kid!;
      await keyring.rotate();
      await t.database.handle.db.execute(sql`update signing_keys set retired_at = now() - interval '1 day' where kid = ${kid}`);
      await keyring.reload();
      await expect(keyring.verify(token)).rejects.toMatchObject({ code: 'auth.invalid_token' });
    } finally {
      vi.useRealTimers();
      keyring.stop();
    }
  });
});
