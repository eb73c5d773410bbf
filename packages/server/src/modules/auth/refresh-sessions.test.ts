import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { sha256 } from '../../lib/crypto.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { expectProblem, login, registerUser } from '../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const refresh = (token: string) => t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: token } });
const me = (token: string) => t.request('GET', '/api/v1/auth/me', { token });

describe('refresh token rotation', () => {
  it('swaps a refresh token for a new pair, once', async () => {
    const user = await registerUser(t);
    const first = await refresh(user.refreshToken);
    expect(first.status, first.text).toBe(200);
    expect(first.body.refresh_token).not.toBe(user.refreshToken);
    expect(first.body.access_token).not.toBe(user.accessToken);
    expect((await me(first.body.access_token)).status).toBe(200);
    const second = await refresh(first.body.refresh_token);
    expect(second.status).toBe(200);
  });

  it('stores refresh tokens only as SHA-256: the current one on its session, the ones it replaced as history', async () => {
    const user = await registerUser(t);
    const db = t.database.handle.db;
    const current = await queryRows<{ id: string }>(db, sql`select id from sessions where refresh_hash = ${sha256(user.refreshToken)}`);
    expect(current).toHaveLength(1);
    const rotated = await refresh(user.refreshToken);
    expect(rotated.status, rotated.text).toBe(200);
    expect(await queryRows(db, sql`select 1 from refresh_tokens where token_hash = ${sha256(user.refreshToken)} and session_id = ${current[0]!.id} and rotated_at is not null`)).toHaveLength(1);
    expect(await queryRows(db, sql`select 1 from sessions where id = ${current[0]!.id} and refresh_hash = ${sha256(rotated.body.refresh_token)}`)).toHaveLength(1);
    for (const raw of [user.refreshToken, rotated.body.refresh_token]) {
      expect(await queryRows(db, sql`select 1 from refresh_tokens where token_hash = ${raw}`)).toHaveLength(0);
      expect(await queryRows(db, sql`select 1 from sessions where refresh_hash = ${raw}`)).toHaveLength(0);
    }
  });

  it('recognises a replay of any earlier token of the session, not only the last one', async () => {
    const user = await registerUser(t);
    const one = await refresh(user.refreshToken);
    const two = await refresh(one.body.refresh_token);
    expect(two.status, two.text).toBe(200);
    // the first token, two rotations ago
    expectProblem(await refresh(user.refreshToken), 401, 'auth.refresh_token_reused');
    expectProblem(await refresh(two.body.refresh_token), 401, 'auth.invalid_refresh_token');
    expectProblem(await me(two.body.access_token), 401, 'auth.session_revoked');
  });

  it('refuses the current token of a disabled account as invalid, not as reuse, and rotates nothing', async () => {
    const user = await registerUser(t);
    const db = t.database.handle.db;
    await db.execute(sql`update users set is_active = false where id = ${user.userId}`);
    expectProblem(await refresh(user.refreshToken), 401, 'auth.invalid_refresh_token');
    expect(await queryRows(db, sql`select 1 from sessions where refresh_hash = ${sha256(user.refreshToken)} and revoked_at is null`)).toHaveLength(1);
    expect(await queryRows(db, sql`select 1 from refresh_tokens where token_hash = ${sha256(user.refreshToken)}`)).toHaveLength(0);
    await db.execute(sql`update users set is_active = true where id = ${user.userId}`);
    expect((await refresh(user.refreshToken)).status).toBe(200);
  });

  it('keeps the tokens of sessions opened before migration 0013 working: moved by the migration, or adopted on first use during a rolling upgrade', async () => {
    const user = await registerUser(t);
    const second = (await login(t, user.email, user.password)).body.refresh_token as string;
    const db = t.database.handle.db;
    // the layout before 0013: the live token is an unrotated refresh_tokens row, the session holds no hash
    const toLegacy = async (token: string) => {
      const [session] = await queryRows<{ id: string; expires_at: string }>(db, sql`select id, expires_at from sessions where refresh_hash = ${sha256(token)}`);
      await db.execute(sql`update sessions set refresh_hash = null where id = ${session!.id}`);
      await db.execute(sql`insert into refresh_tokens (id, session_id, token_hash, expires_at) values (gen_random_uuid(), ${session!.id}, ${sha256(token)}, ${session!.expires_at})`);
    };
    await toLegacy(user.refreshToken);
    await toLegacy(second);
    // a token an old server issued after the migration ran: adopted on first use
    const adopted = await refresh(user.refreshToken);
    expect(adopted.status, adopted.text).toBe(200);
    expectProblem(await refresh(user.refreshToken), 401, 'auth.refresh_token_reused');
    // the migration's own statements move the rest
    const migration = await readFile(new URL('../../../drizzle/0013_refresh_on_session.sql', import.meta.url), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint').filter((s) => /^\s*(--.*\n\s*)*(DELETE|UPDATE)/.test(s))) await db.execute(sql.raw(statement));
    expect(await queryRows(db, sql`select 1 from refresh_tokens where rotated_at is null`)).toHaveLength(0);
    const moved = await refresh(second);
    expect(moved.status, moved.text).toBe(200);
    expectProblem(await refresh(second), 401, 'auth.refresh_token_reused');
  });

  it('treats a rotated token presented again as theft: the whole session family dies and it is audited', async () => {
    const user = await registerUser(t);
    const rotated = await refresh(user.refreshToken);
    expect(rotated.status).toBe(200);
    // the attacker replays the old token
    expectProblem(await refresh(user.refreshToken), 401, 'auth.refresh_token_reused');
    // the legitimate holder's newer tokens are dead too
    expectProblem(await refresh(rotated.body.refresh_token), 401, 'auth.invalid_refresh_token');
    expectProblem(await me(rotated.body.access_token), 401, 'auth.session_revoked');
    expectProblem(await me(user.accessToken), 401, 'auth.session_revoked');
    const audit = await queryRows<{ action: string; actor_user_id: string }>(
      t.database.handle.db,
      sql`select action, actor_user_id from audit_logs where action = 'auth.refresh_token.reused' and actor_user_id = ${user.userId}`,
    );
    expect(audit).toHaveLength(1);
  });

  it('lets exactly one of many refreshes with one token win across two servers on one database; the rest are reuse and end the session', async () => {
    const second = await startTestApp({ masterKey: t.config.masterKey }, { database: t.database });
    try {
      const user = await registerUser(t);
      const servers = [t, second];
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => servers[i % 2]!.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: user.refreshToken } })),
      );
      const won = results.filter((r) => r.status === 200);
      expect(won).toHaveLength(1);
      for (const lost of results.filter((r) => r.status !== 200)) expectProblem(lost, 401, 'auth.refresh_token_reused');
      // the winner's new pair dies with the session, on either server
      expectProblem(await second.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: won[0]!.body.refresh_token } }), 401, 'auth.invalid_refresh_token');
      expectProblem(await second.request('GET', '/api/v1/auth/me', { token: won[0]!.body.access_token }), 401, 'auth.session_revoked');
      const [session] = await queryRows<{ revoked_reason: string }>(t.database.handle.db, sql`select revoked_reason from sessions where user_id = ${user.userId}`);
      expect(session!.revoked_reason).toBe('refresh_token_reused');
    } finally {
      await second.close();
    }
  });

  it('refuses unknown and malformed refresh tokens', async () => {
    expectProblem(await refresh('x'.repeat(43)), 401, 'auth.invalid_refresh_token');
    expectProblem(await t.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: '' } }), 400, 'request.validation_failed');
    // no token in the body and no cookie (cookie mode, see refresh-cookie.test.ts): nothing to refresh with
    expectProblem(await t.request('POST', '/api/v1/auth/refresh', { body: {} }), 401, 'auth.invalid_refresh_token');
  });

  it('refuses an expired refresh token', async () => {
    const user = await registerUser(t);
    await t.database.handle.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where refresh_hash = ${sha256(user.refreshToken)}`);
    expectProblem(await refresh(user.refreshToken), 401, 'auth.invalid_refresh_token');
  });
});

describe('sessions', () => {
  it('logout ends this session at once: its access and refresh tokens stop working', async () => {
    const user = await registerUser(t);
    const other = await login(t, user.email, user.password);
    const res = await t.request('POST', '/api/v1/auth/logout', { token: user.accessToken });
    expect(res.status).toBe(204);
    expectProblem(await me(user.accessToken), 401, 'auth.session_revoked');
    expectProblem(await refresh(user.refreshToken), 401, 'auth.invalid_refresh_token');
    // the other session is untouched
    expect((await me(other.body.access_token)).status).toBe(200);
  });

  it('lists live sessions with the current one flagged, and revokes another by id', async () => {
    const user = await registerUser(t);
    const second = await login(t, user.email, user.password, { 'user-agent': 'Second Browser/1.0' });
    const list = await t.request('GET', '/api/v1/auth/sessions', { token: user.accessToken });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    const current = list.body.find((s: any) => s.current);
    const secondRow = list.body.find((s: any) => !s.current);
    expect(current).toMatchObject({ ip: '127.0.0.1', created_at: expect.any(String), last_used_at: expect.any(String) });
    expect(secondRow.user_agent).toBe('Second Browser/1.0');

    expect((await t.request('DELETE', `/api/v1/auth/sessions/${secondRow.id}`, { token: user.accessToken })).status).toBe(204);
    expectProblem(await me(second.body.access_token), 401, 'auth.session_revoked');
    const after = await t.request('GET', '/api/v1/auth/sessions', { token: user.accessToken });
    expect(after.body.map((s: any) => s.id)).toEqual([current.id]);
  });

  it('cannot revoke another user’s session: 404, and that session lives on', async () => {
    const alice = await registerUser(t);
    const bob = await registerUser(t);
    const bobSessions = await t.request('GET', '/api/v1/auth/sessions', { token: bob.accessToken });
    expectProblem(await t.request('DELETE', `/api/v1/auth/sessions/${bobSessions.body[0].id}`, { token: alice.accessToken }), 404, 'session.not_found');
    expect((await me(bob.accessToken)).status).toBe(200);
  });

  it('logout-all ends every session including this one', async () => {
    const user = await registerUser(t);
    const second = await login(t, user.email, user.password);
    const res = await t.request('POST', '/api/v1/auth/logout-all', { token: user.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sessions_ended: 2 });
    expectProblem(await me(user.accessToken), 401, 'auth.session_revoked');
    expectProblem(await me(second.body.access_token), 401, 'auth.session_revoked');
  });
});

describe('POST /auth/password', () => {
  it('changes the password and ends every other session, keeping this one', async () => {
    const user = await registerUser(t);
    const other = await login(t, user.email, user.password);
    const res = await t.request('POST', '/api/v1/auth/password', {
      token: user.accessToken,
      body: { current_password: user.password, new_password: 'brand-new-secret-77' },
    });
    expect(res.status, res.text).toBe(204);
    expect((await me(user.accessToken)).status).toBe(200);
    expectProblem(await me(other.body.access_token), 401, 'auth.session_revoked');
    expectProblem(await login(t, user.email, user.password), 401, 'auth.invalid_credentials');
    expect((await login(t, user.email, 'brand-new-secret-77')).status).toBe(200);
  });

  it('refuses a wrong current password and a weak new one, changing nothing', async () => {
    const user = await registerUser(t);
    const wrong = await t.request('POST', '/api/v1/auth/password', { token: user.accessToken, body: { current_password: 'not-it-at-all', new_password: 'brand-new-secret-77' } });
    expectProblem(wrong, 422, 'auth.password_rejected');
    expect(wrong.body.errors[0].field).toBe('/current_password');
    const weak = await t.request('POST', '/api/v1/auth/password', { token: user.accessToken, body: { current_password: user.password, new_password: 'qwertyuiop' } });
    expectProblem(weak, 422, 'auth.password_rejected');
    expect(weak.body.errors[0]).toMatchObject({ field: '/new_password', code: 'password.too_common' });
    expect((await login(t, user.email, user.password)).status).toBe(200);
  });
});
