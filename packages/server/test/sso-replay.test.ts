// The SAML replay store holds across server processes: two real `saasready start` processes on one
// PostgreSQL database, one signed IdP-initiated response posted to both. The assertion ID is
// remembered in the database (sso_saml_assertions), so exactly one process accepts it — posted one
// after the other, and posted to both at once. PostgreSQL only (RUN_ONCE): PGlite is one process.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { callChild, startChildServer, type ChildServer } from './helpers/child-server.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { STRONG_PASSWORD, uniqueEmail } from './helpers/factories.js';
import { buildResponse, IDP_CERT } from './helpers/saml-idp.js';

const REDIRECT = 'https://app.sso-replay.test/sso/done';
const IDP = { entityId: 'https://idp.sso-replay.test' };

describe.runIf(process.env.TEST_DB === 'postgres')('SAML replay store across two server processes', () => {
  let database: TestDatabase;
  let dataDir: string;
  let a: ChildServer;
  let b: ChildServer;
  let connection: { id: string; sp: { acs_url: string; entity_id: string } };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'saasready-sso-replay-'));
    const env = {
      DATABASE_URL: database.url!, DATA_DIR: dataDir, PUBLIC_URL: 'https://auth.sso-replay.test',
      MASTER_KEY: randomBytes(32).toString('base64url'), SSO_REDIRECT_URIS: REDIRECT, RATE_LIMIT_PER_IP: '100000',
    };
    [a, b] = await Promise.all([startChildServer(env), startChildServer(env)]);
    const owner = await callChild(a.baseUrl, 'POST', '/api/v1/auth/register', undefined, { email: uniqueEmail('replay-owner'), password: STRONG_PASSWORD, full_name: 'Replay Owner' });
    expect(owner.status, owner.text).toBe(201);
    const token = owner.body.access_token as string;
    const orgId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).org_id as string;
    const created = await callChild(a.baseUrl, 'POST', `/api/v1/orgs/${orgId}/sso/connections`, token, { type: 'saml', name: 'Replay IdP', idp_entity_id: IDP.entityId, idp_sso_url: 'https://idp.sso-replay.test/sso', idp_certificate: IDP_CERT, allow_idp_initiated: true });
    expect(created.status, created.text).toBe(201);
    connection = created.body;
    // the IdP speaks for the organization's verified domains only (the people here are @example.test)
    await database.handle.db.execute(sql`insert into organization_domains (id, organization_id, domain, verification_token, verified_at) values (gen_random_uuid(), ${orgId}, 'example.test', 'x', now())`);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (server: ChildServer, SAMLResponse: string) =>
    fetch(`${server.baseUrl}/api/v1/sso/saml/${connection.id}/acs`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ SAMLResponse }) });
  const response = () => buildResponse(IDP, { acsUrl: connection.sp.acs_url, audience: connection.sp.entity_id, inResponseTo: null, email: uniqueEmail('replayed') });
  const outcome = async (res: Response) => (res.status === 302 ? 'accepted' : `${res.status} ${((await res.json()) as { meta?: { reason?: string } }).meta?.reason}`);

  it('an assertion accepted by one process is refused by the other', async () => {
    const samlResponse = response();
    expect(await outcome(await post(a, samlResponse))).toBe('accepted');
    expect(await outcome(await post(b, samlResponse))).toBe('401 replayed_assertion');
    expect(await outcome(await post(a, samlResponse))).toBe('401 replayed_assertion');
  });

  it('posted to both processes at once, it is accepted exactly once', async () => {
    for (let round = 0; round < 3; round++) {
      const samlResponse = response();
      const outcomes = await Promise.all([a, b, a, b].map(async (server) => outcome(await post(server, samlResponse))));
      expect(outcomes.filter((o) => o === 'accepted'), outcomes.join(', ')).toHaveLength(1);
      expect(outcomes.filter((o) => o === '401 replayed_assertion')).toHaveLength(3);
    }
    const logins = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from audit_logs where action = 'sso.login.succeeded'`);
    expect(logins[0]!.n).toBe(4);
  });
});
