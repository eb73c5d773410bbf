// Deprovisioning across processes: `active: false` through one server process, and the person's
// next request on another process (a real `saasready start`, PostgreSQL LISTEN/NOTIFY between
// them) is refused within a second — the cached session and membership of that process included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './helpers/app.js';
import { callChild, startChildServer, type ChildServer } from './helpers/child-server.js';
import { createOrgWithMembers, login, registerUser } from './helpers/factories.js';

const SCIM_JSON = 'application/scim+json';

describe.runIf(process.env.TEST_DB === 'postgres')('SCIM deprovisioning across processes', () => {
  let a: TestApp;
  let b: ChildServer;
  let dataDir: string;

  beforeAll(async () => {
    const masterKey = randomBytes(32);
    // one issuer for both (it is PUBLIC_URL): the child verifies the tokens this process signs
    a = await startTestApp({ masterKey, publicUrl: 'https://auth.scim-multi.test', issuer: 'https://auth.scim-multi.test' });
    dataDir = mkdtempSync(join(tmpdir(), 'saasready-scim-'));
    b = await startChildServer({ DATABASE_URL: a.database.url!, DATA_DIR: dataDir, PUBLIC_URL: 'https://auth.scim-multi.test', MASTER_KEY: masterKey.toString('base64url') });
  });
  afterAll(async () => {
    await b?.kill();
    await a?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses on the other process, within 1 s, a person the directory deactivated through this one', async () => {
    const org = await createOrgWithMembers(a, 'Multi SCIM');
    const domain = `multi-${randomBytes(3).toString('hex')}.test`;
    // the organization verified its domain (the DNS round trip itself is tested in domains.test.ts)
    await a.database.handle.db.execute(sql`insert into organization_domains (id, organization_id, domain, verification_token, verified_at) values (gen_random_uuid(), ${org.orgId}, ${domain}, 'x', now())`);
    const person = await registerUser(a, { email: `leaver@${domain}` });
    const directory = await a.request('POST', `/api/v1/orgs/${org.orgId}/directories`, { token: org.owner.accessToken, body: { name: 'Okta' } });
    const scimUser = await a.request('POST', '/scim/v2/Users', { token: directory.body.token, headers: { 'content-type': SCIM_JSON }, body: { userName: person.email, emails: [{ value: person.email, primary: true }] } });
    expect(scimUser.status, scimUser.text).toBe(201);
    // a session in the organization, used on the other process (which caches it and the membership)
    const session = await login(a, person.email, person.password);
    const switched = await a.request('POST', '/api/v1/auth/switch-org', { token: session.body.access_token, body: { org_id: org.orgId } });
    const token = switched.body.access_token as string;
    for (let i = 0; i < 3; i++) expect((await callChild(b.baseUrl, 'GET', `/api/v1/orgs/${org.orgId}`, token)).status).toBe(200);

    const patched = await a.request('PATCH', `/scim/v2/Users/${scimUser.body.id}`, { token: directory.body.token, headers: { 'content-type': SCIM_JSON }, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] } });
    expect(patched.status, patched.text).toBe(200);
    const deactivatedAt = Date.now();
    let refused: { status: number; body: { code?: string } } | null = null;
    while (Date.now() - deactivatedAt < 1_000) {
      const res = await callChild(b.baseUrl, 'GET', `/api/v1/orgs/${org.orgId}`, token);
      if (res.status !== 200) {
        refused = res;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(refused, 'still served 1 s after active:false').not.toBeNull();
    expect(refused!.status).toBe(401);
    expect(refused!.body.code).toBe('auth.session_revoked');
    // the other routes too, and a refresh of that session
    expect((await callChild(b.baseUrl, 'GET', '/api/v1/auth/me', token)).status).toBe(401);
    expect((await callChild(b.baseUrl, 'POST', '/api/v1/auth/refresh', undefined, { refresh_token: session.body.refresh_token })).status).toBe(401);
    // signing in again gets a session, but not the organization
    const again = await login(a, person.email, person.password);
    const orgAgain = await callChild(b.baseUrl, 'GET', `/api/v1/orgs/${org.orgId}`, again.body.access_token);
    expect([orgAgain.status, orgAgain.body.code]).toEqual([403, 'membership.suspended']);
  });
});
