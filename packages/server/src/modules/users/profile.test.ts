// PATCH /auth/me: a user renames themselves; the answer is GET /auth/me's, the change is audited,
// and only a well-formed body from a logged-in caller gets through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { expectProblem, registerUser } from '../../../test/helpers/factories.js';
import type { AuditRow } from '../audit-logs/repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const patchMe = (token: string | undefined, body: unknown) => t.request('PATCH', '/api/v1/auth/me', { token, body });
const profileRows = (userId: string) =>
  queryRows<AuditRow>(t.database.handle.db, sql`select * from audit_logs where action = 'user.profile.updated' and target_id = ${userId} order by seq`);

describe('PATCH /auth/me', () => {
  it('changes the name (trimmed), answers like GET /auth/me, and GET /auth/me shows it', async () => {
    const user = await registerUser(t, { fullName: 'Jane Founder' });
    const before = await t.request('GET', '/api/v1/auth/me', { token: user.accessToken });
    const res = await patchMe(user.accessToken, { full_name: '  Jane Q. Founder  ' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ ...before.body, full_name: 'Jane Q. Founder' });
    const after = await t.request('GET', '/api/v1/auth/me', { token: user.accessToken });
    expect(after.body.full_name).toBe('Jane Q. Founder');
  });

  it('writes one user.profile.updated row outside any organization, and none when nothing changes', async () => {
    const user = await registerUser(t, { fullName: 'Old Name' });
    expect((await patchMe(user.accessToken, { full_name: 'New Name' })).status).toBe(200);
    const rows = await profileRows(user.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      organization_id: null,
      actor_type: 'user',
      actor_user_id: user.userId,
      actor_email: user.email,
      target_type: 'user',
      target_id: user.userId,
      metadata: { changes: { full_name: { from: 'Old Name', to: 'New Name' } } },
    });
    // saving the same name again is a no-op
    const again = await patchMe(user.accessToken, { full_name: ' New Name ' });
    expect(again.status).toBe(200);
    expect(again.body.full_name).toBe('New Name');
    expect(await profileRows(user.userId)).toHaveLength(1);
  });

  it('refuses an empty, blank, too long or missing name and unknown fields with a 400 problem', async () => {
    const user = await registerUser(t, { fullName: 'Stays The Same' });
    const bodies: unknown[] = [
      { full_name: '' },
      { full_name: '   ' },
      { full_name: 'x'.repeat(201) },
      {},
      { full_name: 42 },
      { full_name: 'Fine Name', email: 'someone@else.test' },
      { full_name: 'Fine Name', is_superuser: true },
    ];
    for (const body of bodies) {
      const res = await patchMe(user.accessToken, body);
      expectProblem(res, 400, 'request.validation_failed');
      expect(res.body.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expect((await patchMe(user.accessToken, { full_name: 'x'.repeat(200) })).status).toBe(200);
    const me = await t.request('GET', '/api/v1/auth/me', { token: user.accessToken });
    expect(me.body).toMatchObject({ full_name: 'x'.repeat(200), email: user.email, is_superuser: false });
  });

  it('needs a logged-in caller', async () => {
    expectProblem(await patchMe(undefined, { full_name: 'Nobody' }), 401, 'auth.unauthenticated');
    expectProblem(await patchMe('garbage.garbage.garbage', { full_name: 'Nobody' }), 401, 'auth.invalid_token');
  });
});
