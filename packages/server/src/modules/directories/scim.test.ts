// SCIM 2.0 against the real server: a SCIM client drives every endpoint, filter and PATCH form,
// the Entra ID and Okta behaviours, the organization's side (directories, group → role mappings,
// managed members), and the attacks (other organizations, other credentials, junk input).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type ApiResponse, type TestApp } from '../../../test/helpers/app.js';
import { startDnsServer, type TestDnsServer } from '../../../test/helpers/dns-server.js';
import { addMember, createOrgWithMembers, expectProblem, login, registerUser, type OrgFixture } from '../../../test/helpers/factories.js';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let t: TestApp;
let dns: TestDnsServer;
let acme: OrgFixture;
let other: OrgFixture;
let acmeToken: string;
let acmeDirectory: string;
let otherToken: string;
const domain = `scim-${randomBytes(4).toString('hex')}.test`;

/** A SCIM client, as an IdP is one: bearer token, application/scim+json both ways. */
function scim(token: string) {
  const call = (method: string, path: string, body?: unknown, contentType = 'application/scim+json') =>
    t.request(method, `/scim/v2${path}`, { token, ...(body !== undefined ? { body, headers: { 'content-type': contentType } } : {}) });
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown, contentType?: string) => call('POST', path, body, contentType),
    put: (path: string, body: unknown) => call('PUT', path, body),
    patch: (path: string, operations: unknown[]) => call('PATCH', path, { schemas: [PATCH_OP], Operations: operations }),
    delete: (path: string) => call('DELETE', path),
    list: async (path: string) => (await call('GET', path)).body as { totalResults: number; startIndex: number; itemsPerPage: number; Resources: any[] },
  };
}

function expectScimError(res: ApiResponse, status: number, scimType?: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  expect(res.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  expect(res.body.status).toBe(String(status));
  if (scimType) expect(res.body.scimType).toBe(scimType);
  expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [CORE], userName, name: { givenName: userName.split('@')[0], familyName: 'Tester' }, emails: [{ value: userName, type: 'work', primary: true }], active: true, ...extra,
});

/** The organization adds the domain, publishes its TXT record and verifies it. */
async function verifyDomain(f: { orgId: string; owner: { accessToken: string } }, name: string) {
  const added = await t.request('POST', `/api/v1/orgs/${f.orgId}/domains`, { token: f.owner.accessToken, body: { domain: name } });
  expect(added.status, added.text).toBe(201);
  dns.txt.set(added.body.verification.name, [added.body.verification.value]);
  const verified = await t.request('POST', `/api/v1/orgs/${f.orgId}/domains/${added.body.id}/verify`, { token: f.owner.accessToken });
  expect(verified.status, verified.text).toBe(200);
}

const createDirectory = async (f: OrgFixture, name = 'IdP') => {
  const res = await t.request('POST', `/api/v1/orgs/${f.orgId}/directories`, { token: f.owner.accessToken, body: { name } });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; token: string; scim_base_url: string };
};

const auditRows = (orgId: string) =>
  queryRows<{ action: string; actor_type: string; metadata: Record<string, unknown> }>(t.database.handle.db, sql`select action, actor_type, metadata from audit_logs where organization_id = ${orgId} order by seq`);

const member = async (f: OrgFixture, userId: string) => {
  const res = await t.request('GET', `/api/v1/orgs/${f.orgId}/members?limit=200`, { token: f.owner.accessToken });
  return (res.body as any[]).find((m) => m.user_id === userId);
};

beforeAll(async () => {
  dns = await startDnsServer();
  t = await startTestApp({ dnsServers: [dns.address], publicUrl: 'https://auth.scim.test' });
  [acme, other] = await Promise.all([createOrgWithMembers(t, 'Acme SCIM'), createOrgWithMembers(t, 'Other SCIM')]);
  const [a, b] = await Promise.all([createDirectory(acme, 'Okta'), createDirectory(other, 'Entra ID')]);
  acmeToken = a.token;
  acmeDirectory = a.id;
  otherToken = b.token;
  // each organization verifies its domains through DNS: a directory provisions addresses there only
  await verifyDomain(acme, domain);
  await verifyDomain(acme, 'people.test');
  await verifyDomain(other, 'their.test');
});
afterAll(async () => {
  await t?.close();
  await dns?.close();
});

describe('directories (directory.manage)', () => {
  it('creates a directory with its base URL and a token shown once, lists it with counts, rotates and deletes it', async () => {
    const created = await createDirectory(acme, 'Spare');
    expect(created.scim_base_url).toBe('https://auth.scim.test/scim/v2');
    expect(created.token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
    const stored = await queryRows<{ token_hash: string }>(t.database.handle.db, sql`select token_hash from scim_directories where id = ${created.id}`);
    expect(stored[0]!.token_hash).not.toContain(created.token.slice(5));
    const got = await t.request('GET', `/api/v1/orgs/${acme.orgId}/directories/${created.id}`, { token: acme.owner.accessToken });
    expect(got.status, got.text).toBe(200);
    expect(got.body).toMatchObject({ name: 'Spare', user_count: 0, group_count: 0, last_sync_at: null, token_prefix: created.token.slice(0, 9) });
    expect(got.text).not.toContain(created.token);
    const list = await t.request('GET', `/api/v1/orgs/${acme.orgId}/directories`, { token: acme.owner.accessToken });
    expect(list.body.map((d: { id: string }) => d.id)).toContain(created.id);
    expect(list.text).not.toContain(created.token);
    // a Member lacks directory.manage
    expectProblem(await t.request('GET', `/api/v1/orgs/${acme.orgId}/directories`, { token: acme.member.accessToken }), 403, 'permission_denied');

    expect((await scim(created.token).get('/Users')).status).toBe(200);
    const rotated = await t.request('POST', `/api/v1/orgs/${acme.orgId}/directories/${created.id}/rotate-token`, { token: acme.owner.accessToken });
    expect(rotated.status, rotated.text).toBe(200);
    expectScimError(await scim(created.token).get('/Users'), 401);
    expect((await scim(rotated.body.token).get('/Users')).status).toBe(200);
    expect((await t.request('DELETE', `/api/v1/orgs/${acme.orgId}/directories/${created.id}`, { token: acme.owner.accessToken })).status).toBe(204);
    expectScimError(await scim(rotated.body.token).get('/Users'), 401);
    expectProblem(await t.request('GET', `/api/v1/orgs/${acme.orgId}/directories/${created.id}`, { token: acme.owner.accessToken }), 404, 'directory.not_found');
    const actions = (await auditRows(acme.orgId)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['directory.created', 'directory.token_rotated', 'directory.deleted']));
  });

  it("is an Owner's to hold: the system Admin role can neither create, read, rotate, map nor delete a directory (its token acts on Owners)", async () => {
    const created = await createDirectory(acme, 'Owners only');
    const base = `/api/v1/orgs/${acme.orgId}/directories`;
    const calls: [string, string, object?][] = [
      ['POST', base, { name: 'Admin made' }], ['GET', base], ['GET', `${base}/${created.id}`], ['POST', `${base}/${created.id}/rotate-token`],
      ['GET', `${base}/${created.id}/groups`], ['DELETE', `${base}/${created.id}`],
    ];
    for (const [method, path, body] of calls) expectProblem(await t.request(method, path, { token: acme.admin.accessToken, ...(body ? { body } : {}) }), 403, 'permission_denied');
    // nothing happened: the directory and its token are as the Owner made them
    expect((await t.request('GET', `${base}/${created.id}`, { token: acme.owner.accessToken })).status).toBe(200);
    expect((await t.request('GET', '/scim/v2/Users', { token: created.token })).status).toBe(200);
  });
});

describe('discovery', () => {
  it('describes itself: ServiceProviderConfig, ResourceTypes, Schemas, as application/scim+json', async () => {
    const c = scim(acmeToken);
    const config = await c.get('/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false }, authenticationSchemes: [{ type: 'oauthbearertoken' }] });
    const types = await c.list('/ResourceTypes');
    expect(types.Resources.map((r) => r.id)).toEqual(['User', 'Group']);
    expect((await c.get('/ResourceTypes/User')).body.schemaExtensions).toEqual([{ schema: ENTERPRISE, required: false }]);
    const schemas = await c.list('/Schemas');
    expect(schemas.Resources.map((r) => r.id)).toEqual([CORE, ENTERPRISE, GROUP]);
    const core = (await c.get(`/Schemas/${CORE}`)).body;
    expect(core.attributes.find((a: { name: string }) => a.name === 'userName')).toMatchObject({ uniqueness: 'server', caseExact: false, required: true });
    expectScimError(await c.get('/Schemas/urn:nope'), 404);
    expectScimError(await c.get('/Nothing'), 404);
  });
});

describe('Users', () => {
  const c = () => scim(acmeToken);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const people = [
      user('ada@people.test', { displayName: 'Ada Lovelace', title: 'Engineer', externalId: 'ext-ada', [ENTERPRISE]: { employeeNumber: '1001', department: 'R&D', manager: { value: 'boss' } }, schemas: [CORE, ENTERPRISE] }),
      user('bob@people.test', { displayName: 'Bob Builder', title: 'Manager', externalId: 'ext-bob', emails: [{ value: 'bob@people.test', type: 'work', primary: true }, { value: 'bob@home.test', type: 'home' }] }),
      user('carol@people.test', { displayName: 'Carol 100%_x', externalId: 'EXT-carol', active: false }),
      user('dave@people.test', { displayName: 'Dave', nickName: 'D' }),
    ];
    for (const p of people) {
      const res = await c().post('/Users', p);
      expect(res.status, res.text).toBe(201);
      expect(res.headers.get('location')).toBe(`https://auth.scim.test/scim/v2/Users/${res.body.id}`);
      ids[p.userName.split('@')[0]!] = res.body.id;
    }
  });

  it('creates a User as a managed, active member with an account of its own, never storing a password', async () => {
    const created = await c().post('/Users', user('erin@people.test', { password: 'Secret-Password-1' }), 'application/json');
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ schemas: [CORE], userName: 'erin@people.test', active: true, groups: [], meta: { resourceType: 'User' } });
    expect(created.text).not.toContain('Secret-Password-1');
    const [row] = await queryRows<{ user_id: string; attributes: unknown }>(t.database.handle.db, sql`select user_id, attributes from scim_users where id = ${created.body.id}`);
    expect(JSON.stringify(row!.attributes)).not.toContain('Secret-Password-1');
    const m = await member(acme, row!.user_id);
    expect(m).toMatchObject({ role_name: 'Member', status: 'active', managed_by_directory: true, user_email: 'erin@people.test', user_full_name: 'erin Tester' });
    // the account cannot sign in with the password the IdP sent (none is stored)
    expect((await login(t, 'erin@people.test', 'Secret-Password-1')).status).toBe(401);
    const audit = (await auditRows(acme.orgId)).filter((r) => r.action === 'member.provisioned');
    expect(audit.at(-1)).toMatchObject({ actor_type: 'directory', metadata: { via: 'scim', directory_id: acmeDirectory } });
  });

  it('reads one User with the enterprise extension, and refuses a duplicate userName whatever its case', async () => {
    const ada = await c().get(`/Users/${ids.ada}`);
    expect(ada.status, ada.text).toBe(200);
    expect(ada.body).toMatchObject({ schemas: [CORE, ENTERPRISE], userName: 'ada@people.test', externalId: 'ext-ada', [ENTERPRISE]: { employeeNumber: '1001', department: 'R&D' } });
    expectScimError(await c().post('/Users', user('ADA@People.test')), 409, 'uniqueness');
    expectScimError(await c().get('/Users/00000000-0000-0000-0000-000000000000'), 404);
    expectScimError(await c().get('/Users/not-a-uuid'), 404);
    expectScimError(await c().post('/Users', { schemas: [CORE], emails: [{ value: 'x@people.test' }] }), 400, 'invalidValue');
    expectScimError(await c().post('/Users', { schemas: [CORE], userName: 'no-email' }), 400, 'invalidValue');
    expectScimError(await c().post('/Users', { schemas: [CORE], userName: 'flag@people.test', active: 'maybe' }), 400, 'invalidValue');
  });

  it('filters with every operator, grouping, not, value paths, meta and the extension, case-insensitively where the RFC says', async () => {
    const names = async (filter: string) => (await c().list(`/Users?count=50&filter=${encodeURIComponent(filter)}`)).Resources.map((r) => r.userName.split('@')[0]).sort();
    expect(await names('userName eq "ADA@people.test"')).toEqual(['ada']);
    expect(await names('USERNAME Eq "ada@PEOPLE.test"')).toEqual(['ada']);
    expect(await names('externalId eq "ext-ada"')).toEqual(['ada']);
    expect(await names('externalId eq "EXT-ADA"')).toEqual([]); // caseExact
    expect(await names('userName ne "ada@people.test" and userName ew "@people.test" and not (userName sw "erin")')).toEqual(['bob', 'carol', 'dave']);
    expect(await names('displayName co "100%_"')).toEqual(['carol']); // wildcards are literal
    expect(await names('displayName co "%"')).toEqual(['carol']);
    expect(await names('displayName sw "b" or displayName sw "D"')).toEqual(['bob', 'dave']);
    expect(await names('title pr and not (title eq "engineer")')).toEqual(['bob']);
    expect(await names('nickName pr')).toEqual(['dave']);
    expect(await names('userName gt "c" and userName lt "dz"')).toEqual(['carol', 'dave']);
    expect(await names('userName ge "carol@people.test" and userName le "dave@people.test"')).toEqual(['carol', 'dave']);
    expect(await names('active eq false')).toEqual(['carol']);
    expect(await names('emails[type eq "home" and value co "HOME"]')).toEqual(['bob']);
    expect(await names('emails.value eq "bob@home.test"')).toEqual(['bob']);
    expect(await names('emails eq "BOB@HOME.TEST"')).toEqual(['bob']);
    expect(await names('name.givenName eq "ADA"')).toEqual(['ada']);
    expect(await names(`${ENTERPRISE}:employeeNumber eq "1001"`)).toEqual(['ada']);
    expect(await names(`${ENTERPRISE}:manager.value eq "boss"`)).toEqual(['ada']);
    expect(await names(`${CORE}:userName eq "dave@people.test"`)).toEqual(['dave']);
    expect(await names(`id eq "${ids.bob}"`)).toEqual(['bob']);
    expect(await names('meta.created gt "2000-01-01T00:00:00Z" and meta.lastModified le "2999-01-01T00:00:00Z" and userName sw "ada"')).toEqual(['ada']);
    expect(await names('meta.resourceType eq "User" and (userName eq "ada@people.test" or (userName eq "bob@people.test" and not (active eq false)))')).toEqual(['ada', 'bob']);
    expect(await names('userName eq "nobody" or userName eq "x\\"y"')).toEqual([]);
    for (const bad of ['userName eq', 'userName xx "a"', 'nosuch eq "a"', '(userName eq "a"', 'active gt true', 'meta.created gt "yesterday"', 'meta.created gt "0000-01-01T00:00:00Z"', 'meta.lastModified lt "+275760-09-13T00:00:00Z"', 'password eq "x"', 'emails[nosuch eq "a"]', '((((((((((((((userName eq "a"))))))))))))))']) {
      expectScimError(await c().get(`/Users?filter=${encodeURIComponent(bad)}`), 400, 'invalidFilter');
    }
  });

  it('pages with startIndex and count, and projects with attributes and excludedAttributes', async () => {
    const all = await c().list('/Users?filter=userName%20ew%20%22%40people.test%22');
    expect(all.totalResults).toBe(5);
    const first = await c().list('/Users?filter=userName%20ew%20%22%40people.test%22&startIndex=1&count=2');
    const second = await c().list('/Users?filter=userName%20ew%20%22%40people.test%22&startIndex=3&count=2');
    const third = await c().list('/Users?filter=userName%20ew%20%22%40people.test%22&startIndex=5&count=2');
    expect([first.startIndex, first.itemsPerPage, first.totalResults, second.itemsPerPage, third.itemsPerPage]).toEqual([1, 2, 5, 2, 1]);
    expect([...first.Resources, ...second.Resources, ...third.Resources].map((r) => r.id)).toEqual(all.Resources.map((r) => r.id));
    expect((await c().list('/Users?count=0')).Resources).toEqual([]);
    expect((await c().list('/Users?startIndex=-4&count=1')).startIndex).toBe(1);
    const slim = await c().get(`/Users/${ids.ada}?attributes=userName,name.givenName,${ENTERPRISE}:department`);
    expect(slim.body).toEqual({ schemas: [CORE, ENTERPRISE], id: ids.ada, userName: 'ada@people.test', name: { givenName: 'ada' }, [ENTERPRISE]: { department: 'R&D' } });
    const without = await c().get(`/Users/${ids.ada}?excludedAttributes=emails,meta,id`);
    expect(without.body.emails).toBeUndefined();
    expect(without.body.meta).toBeUndefined();
    expect(without.body.id).toBe(ids.ada);
    expectScimError(await c().get('/Users?startIndex=abc'), 400);
  });

  it('patches with add, replace and remove, with and without a path, through value filters and the extension', async () => {
    const path = `/Users/${ids.dave}`;
    let res = await c().patch(path, [
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'dave2@people.test' },
      { op: 'add', path: 'emails', value: [{ value: 'dave@home.test', type: 'home' }] },
      { op: 'add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555' },
      { op: 'replace', path: 'name.familyName', value: 'Patched' },
      { op: 'add', value: { title: 'Lead', [`${ENTERPRISE}:department`]: 'Ops', 'name.honorificPrefix': 'Dr' } },
      { op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: 'ada' } },
      { op: 'remove', path: 'nickName' },
    ]);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      emails: [{ value: 'dave2@people.test', type: 'work', primary: true }, { value: 'dave@home.test', type: 'home' }],
      phoneNumbers: [{ type: 'mobile', value: '+1 555' }], name: { familyName: 'Patched', honorificPrefix: 'Dr' }, title: 'Lead',
      [ENTERPRISE]: { department: 'Ops', manager: { value: 'ada' } },
    });
    expect(res.body.nickName).toBeUndefined();
    res = await c().patch(path, [{ op: 'remove', path: 'emails[type eq "home"]' }, { op: 'replace', path: 'emails[type eq "work"].primary', value: 'False' }]);
    expect(res.body.emails).toEqual([{ value: 'dave2@people.test', type: 'work', primary: false }]);
    expectScimError(await c().patch(path, [{ op: 'replace', path: 'id', value: 'x' }]), 400, 'mutability');
    expectScimError(await c().patch(path, [{ op: 'add', path: 'groups', value: [{ value: 'x' }] }]), 400, 'mutability');
    expectScimError(await c().patch(path, [{ op: 'remove', path: 'userName' }]), 400, 'mutability');
    expectScimError(await c().patch(path, [{ op: 'move', path: 'title', value: 'x' }]), 400, 'invalidSyntax');
    expectScimError(await c().patch(path, [{ op: 'remove' }]), 400, 'noTarget');
    expectScimError(await c().patch(path, [{ op: 'replace', path: 'emails[value co "x" or type eq "y"].value', value: 'z' }]), 400, 'noTarget');
    expectScimError(await c().patch(path, [{ op: 'replace', path: 'emails[type eq "work"', value: 'z' }]), 400, 'invalidPath');
    expectScimError(await c().patch(path, [{ op: 'replace', path: 'userName', value: 'ADA@people.test' }]), 409, 'uniqueness');
    expectScimError(await t.request('PATCH', `/scim/v2${path}`, { token: acmeToken, body: { schemas: ['urn:wrong'], Operations: [] } }), 400, 'invalidSyntax');
    // the refused PATCHes changed nothing
    expect((await c().get(path)).body.title).toBe('Lead');
  });
});

describe('Entra ID', () => {
  it('checks userName eq before creating, patches with capitalised ops and string booleans, and takes 200 for a User PATCH and 204 for a Group PATCH', async () => {
    const c = scim(acmeToken);
    const userName = `entra-${randomBytes(3).toString('hex')}@people.test`;
    const exists = await c.list(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    expect(exists).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await c.post('/Users', { schemas: [CORE, ENTERPRISE], externalId: 'aad-1', userName, active: true, displayName: 'Entra Person', emails: [{ primary: true, type: 'work', value: userName }], name: { formatted: 'Entra Person', familyName: 'Person', givenName: 'Entra' }, [ENTERPRISE]: { department: 'Finance' } });
    expect(created.status, created.text).toBe(201);
    expect((await c.list(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)).totalResults).toBe(1);
    const patched = await c.patch(`/Users/${created.body.id}`, [
      { op: 'Replace', path: 'active', value: 'False' },
      { op: 'Add', path: 'title', value: 'Analyst' },
      { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Audit' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: userName },
    ]);
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ active: false, title: 'Analyst', [ENTERPRISE]: { department: 'Audit' } });
    const [row] = await queryRows<{ user_id: string }>(t.database.handle.db, sql`select user_id from scim_users where id = ${created.body.id}`);
    expect((await member(acme, row!.user_id)).status).toBe('suspended');
    expect((await c.patch(`/Users/${created.body.id}`, [{ op: 'Replace', path: 'active', value: 'True' }])).body.active).toBe(true);
    expect((await member(acme, row!.user_id)).status).toBe('active');
    // groups: excludedAttributes=members look-up, then Add / Remove of members with value lists
    const group = await c.post('/Groups', { schemas: [GROUP], displayName: 'Entra Finance', externalId: 'aad-g1', members: [] });
    expect(group.status, group.text).toBe(201);
    expect((await c.list(`/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "entra finance"')}`)).Resources).toEqual([expect.not.objectContaining({ members: expect.anything() })]);
    const add = await c.patch(`/Groups/${group.body.id}`, [{ op: 'Add', path: 'members', value: [{ value: created.body.id }] }]);
    expect(add.status, add.text).toBe(204);
    expect((await c.get(`/Groups/${group.body.id}`)).body.members.map((m: { value: string }) => m.value)).toEqual([created.body.id]);
    expect((await c.get(`/Users/${created.body.id}`)).body.groups).toEqual([expect.objectContaining({ value: group.body.id, display: 'Entra Finance' })]);
    expect((await c.patch(`/Groups/${group.body.id}`, [{ op: 'Remove', path: 'members', value: [{ value: created.body.id }] }, { op: 'Replace', path: 'displayName', value: 'Entra Audit' }])).status).toBe(204);
    expect((await c.get(`/Groups/${group.body.id}`)).body).toMatchObject({ displayName: 'Entra Audit', members: [] });
  });
});

describe('Okta', () => {
  it('pages with startIndex/count, sends full PUTs (a no-op writes nothing), deactivates with active:false and then deletes', async () => {
    const c = scim(acmeToken);
    // Okta's connection test and import
    expect((await c.list('/Users?startIndex=1&count=2')).itemsPerPage).toBe(2);
    expect((await c.list('/Groups?startIndex=1&count=100')).startIndex).toBe(1);
    const userName = `okta-${randomBytes(3).toString('hex')}@people.test`;
    expect((await c.list(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`)).totalResults).toBe(0);
    const body = { schemas: [CORE], userName, name: { givenName: 'Okta', familyName: 'User' }, emails: [{ primary: true, value: userName, type: 'work' }], displayName: 'Okta User', locale: 'en-US', externalId: '00u1', groups: [], password: 'Okta-Sent-1', active: true };
    const created = await c.post('/Users', body);
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    const [row] = await queryRows<{ user_id: string }>(t.database.handle.db, sql`select user_id from scim_users where id = ${id}`);
    const put = await c.put(`/Users/${id}`, { ...body, id, name: { givenName: 'Okta', familyName: 'Renamed' }, displayName: 'Okta Renamed' });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ name: { familyName: 'Renamed' }, displayName: 'Okta Renamed' });
    expect((await member(acme, row!.user_id)).user_full_name).toBe('Okta Renamed');
    const before = (await auditRows(acme.orgId)).length;
    expect((await c.put(`/Users/${id}`, { ...body, id, name: { givenName: 'Okta', familyName: 'Renamed' }, displayName: 'Okta Renamed' })).status).toBe(200);
    expect((await auditRows(acme.orgId)).length).toBe(before);
    // Okta deactivates (PATCH without a path), then deletes
    const off = await c.patch(`/Users/${id}`, [{ op: 'replace', value: { active: false } }]);
    expect(off.body.active).toBe(false);
    expect((await member(acme, row!.user_id)).status).toBe('suspended');
    expect((await c.delete(`/Users/${id}`)).status).toBe(204);
    expectScimError(await c.get(`/Users/${id}`), 404);
    expect(await member(acme, row!.user_id)).toBeUndefined();
    // created by the directory and a member nowhere else: the account is gone too
    expect(await queryRows(t.database.handle.db, sql`select 1 from users where id = ${row!.user_id}`)).toEqual([]);
    const last = (await auditRows(acme.orgId)).filter((r) => r.action === 'member.deprovisioned').at(-1);
    expect(last).toMatchObject({ actor_type: 'directory', metadata: { account_deleted: true } });
    // Okta group push: create, rename with a no-path replace carrying the id, replace members with PUT
    const a = (await c.post('/Users', user(`okta-a-${randomBytes(2).toString('hex')}@people.test`))).body.id;
    const b = (await c.post('/Users', user(`okta-b-${randomBytes(2).toString('hex')}@people.test`))).body.id;
    const group = (await c.post('/Groups', { schemas: [GROUP], displayName: 'Okta Push', members: [{ value: a }] })).body;
    expect((await c.patch(`/Groups/${group.id}`, [{ op: 'replace', value: { id: group.id, displayName: 'Okta Pushed' } }])).status).toBe(204);
    const replaced = await c.put(`/Groups/${group.id}`, { schemas: [GROUP], id: group.id, displayName: 'Okta Pushed', members: [{ value: b }] });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.body.members.map((m: { value: string }) => m.value)).toEqual([b]);
    const byMember = await c.list(`/Groups?filter=${encodeURIComponent(`members.value eq "${b}" and displayName sw "okta"`)}`);
    expect(byMember.Resources.map((g) => g.id)).toEqual([group.id]);
    expect((await c.list(`/Users?filter=${encodeURIComponent(`groups.value eq "${group.id}"`)}`)).Resources.map((u) => u.id)).toEqual([b]);
    expect((await c.delete(`/Groups/${group.id}`)).status).toBe(204);
    expectScimError(await c.get(`/Groups/${group.id}`), 404);
  });
});

describe('accounts, roles and managed members', () => {
  it('links an existing account only through a domain the organization verified, keeps its role, and leaves it on DELETE', async () => {
    const c = scim(acmeToken);
    const outsider = await registerUser(t, { email: `someone-${randomBytes(2).toString('hex')}@elsewhere.test` });
    expectScimError(await c.post('/Users', user(outsider.email)), 400, 'invalidValue');
    expect(await member(acme, outsider.userId)).toBeUndefined();
    // Acme's own Admin, on Acme's verified domain: linked, their role kept, managed from now on
    const insider = await registerUser(t, { email: `insider-${randomBytes(2).toString('hex')}@${domain}` });
    await addMember(t, acme.orgId, insider, 'Admin');
    const linked = await c.post('/Users', user(insider.email.toUpperCase()));
    expect(linked.status, linked.text).toBe(201);
    expect(await member(acme, insider.userId)).toMatchObject({ role_name: 'Admin', managed_by_directory: true });
    // a managed member cannot be changed by hand in ways the next sync would undo
    const m = await member(acme, insider.userId);
    expectProblem(await t.request('PATCH', `/api/v1/orgs/${acme.orgId}/members/${m.id}/role`, { token: acme.owner.accessToken, body: { role_id: acme.roles.Viewer } }), 409, 'membership.directory_managed');
    expectProblem(await t.request('DELETE', `/api/v1/orgs/${acme.orgId}/members/${m.id}`, { token: acme.owner.accessToken }), 409, 'membership.directory_managed');
    expectProblem(await t.request('POST', `/api/v1/orgs/${acme.orgId}/leave`, { token: insider.accessToken }), 409, 'membership.directory_managed');
    // suspending by hand stays possible (an emergency stop); reactivating is the IdP's call
    expect((await t.request('PATCH', `/api/v1/orgs/${acme.orgId}/members/${m.id}`, { token: acme.owner.accessToken, body: { status: 'suspended' } })).status).toBe(200);
    expectProblem(await t.request('PATCH', `/api/v1/orgs/${acme.orgId}/members/${m.id}`, { token: acme.owner.accessToken, body: { status: 'active' } }), 409, 'membership.directory_managed');
    expect((await c.delete(`/Users/${linked.body.id}`)).status).toBe(204);
    expect(await member(acme, insider.userId)).toBeUndefined();
    // the account was not the directory's: it stays, with its own organization
    expect((await login(t, insider.email, insider.password)).status).toBe(200);
  });

  it('maps groups to roles: members take the mapped role with the most permissions, lose it with the group, and nobody maps beyond their own role', async () => {
    const c = scim(acmeToken);
    const u = (await c.post('/Users', user(`roles-${randomBytes(2).toString('hex')}@people.test`))).body;
    const [row] = await queryRows<{ user_id: string }>(t.database.handle.db, sql`select user_id from scim_users where id = ${u.id}`);
    const admins = (await c.post('/Groups', { schemas: [GROUP], displayName: 'Admins', members: [{ value: u.id }] })).body;
    const viewers = (await c.post('/Groups', { schemas: [GROUP], displayName: 'Viewers', members: [{ value: u.id }] })).body;
    const owners = (await c.post('/Groups', { schemas: [GROUP], displayName: 'Owners' })).body;
    const groups = await t.request('GET', `/api/v1/orgs/${acme.orgId}/directories/${acmeDirectory}/groups`, { token: acme.owner.accessToken });
    expect(groups.body.find((g: { id: string }) => g.id === admins.id)).toMatchObject({ display_name: 'Admins', member_count: 1, role_id: null });
    const setRole = (token: string, groupId: string, roleId: string | null) => t.request('PUT', `/api/v1/orgs/${acme.orgId}/directories/${acmeDirectory}/groups/${groupId}/role`, { token, body: { role_id: roleId } });
    expect((await setRole(acme.owner.accessToken, viewers.id, acme.roles.Viewer)).status).toBe(200);
    expect((await member(acme, row!.user_id)).role_name).toBe('Viewer');
    const mapped = await setRole(acme.owner.accessToken, admins.id, acme.roles.Admin);
    expect(mapped.body).toMatchObject({ role_id: acme.roles.Admin, role_name: 'Admin' });
    expect((await member(acme, row!.user_id)).role_name).toBe('Admin');
    // whoever an Owner lets manage directories (a custom role) cannot make a group grant Owner
    const custom = await t.request('POST', `/api/v1/orgs/${acme.orgId}/roles`, { token: acme.owner.accessToken, body: { name: 'Directory keeper', permissions: ['directory.manage'] } });
    expect(custom.status, custom.text).toBe(201);
    const keeper = await registerUser(t);
    await addMember(t, acme.orgId, keeper, 'Directory keeper');
    expectProblem(await setRole(keeper.accessToken, owners.id, acme.roles.Owner), 403, 'membership.owner_required');
    // a role of another organization (a custom one: system role ids are the same everywhere, and name acme's own)
    const theirs = await t.request('POST', `/api/v1/orgs/${other.orgId}/roles`, { token: other.owner.accessToken, body: { name: 'Theirs', permissions: ['org.read'] } });
    expect(theirs.status, theirs.text).toBe(201);
    expectProblem(await setRole(acme.owner.accessToken, admins.id, theirs.body.id), 404, 'role.not_found');
    // leaving the Admins group in the IdP takes the role away
    expect((await c.patch(`/Groups/${admins.id}`, [{ op: 'remove', path: `members[value eq "${u.id}"]` }])).status).toBe(204);
    expect((await member(acme, row!.user_id)).role_name).toBe('Viewer');
    expect((await c.delete(`/Groups/${viewers.id}`)).status).toBe(204);
    expect((await member(acme, row!.user_id)).role_name).toBe('Member');
    const actions = (await auditRows(acme.orgId)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['directory.group.created', 'directory.group.updated', 'directory.group.deleted', 'directory.group.role_mapped', 'user.role.updated']));
  });

  it('ends the sessions of a deprovisioned person for the organization at once', async () => {
    const c = scim(acmeToken);
    const person = await registerUser(t, { email: `leaver-${randomBytes(2).toString('hex')}@${domain}` });
    const created = await c.post('/Users', user(person.email));
    expect(created.status, created.text).toBe(201);
    // a session in Acme
    const second = await login(t, person.email, person.password);
    const switched = await t.request('POST', '/api/v1/auth/switch-org', { token: second.body.access_token, body: { org_id: acme.orgId } });
    expect(switched.status, switched.text).toBe(200);
    const token = switched.body.access_token as string;
    expect((await t.request('GET', `/api/v1/orgs/${acme.orgId}`, { token })).status).toBe(200);
    await c.patch(`/Users/${created.body.id}`, [{ op: 'replace', path: 'active', value: false }]);
    const refused = await t.request('GET', `/api/v1/orgs/${acme.orgId}`, { token });
    expect([401, 403]).toContain(refused.status);
    expectProblem(await t.request('GET', '/api/v1/auth/me', { token }), 401, 'auth.session_revoked');
    // their own organization's session is untouched
    expect((await t.request('GET', '/api/v1/auth/me', { token: person.accessToken })).status).toBe(200);
  });
});

describe('attacks', () => {
  it('never leaves an organization without an active Owner, whatever the directory sends', async () => {
    // an organization whose only Owner is at its own verified domain, linked by its directory
    const ownDomain = `owner-${randomBytes(3).toString('hex')}.test`;
    const founder = await registerUser(t, { email: `founder@${ownDomain}` });
    const added = await t.request('POST', `/api/v1/orgs/${founder.orgId}/domains`, { token: founder.accessToken, body: { domain: ownDomain } });
    dns.txt.set(added.body.verification.name, [added.body.verification.value]);
    expect((await t.request('POST', `/api/v1/orgs/${founder.orgId}/domains/${added.body.id}/verify`, { token: founder.accessToken })).status).toBe(200);
    const directory = await t.request('POST', `/api/v1/orgs/${founder.orgId}/directories`, { token: founder.accessToken, body: { name: 'Own' } });
    const c = scim(directory.body.token);
    const linked = await c.post('/Users', user(founder.email));
    expect(linked.status, linked.text).toBe(201);
    expectScimError(await c.patch(`/Users/${linked.body.id}`, [{ op: 'replace', path: 'active', value: false }]), 400, 'mutability');
    expectScimError(await c.delete(`/Users/${linked.body.id}`), 400, 'mutability');
    // a group mapped to Viewer cannot demote them either
    const group = (await c.post('/Groups', { schemas: [GROUP], displayName: 'Everyone' })).body;
    const roles = await t.request('GET', `/api/v1/orgs/${founder.orgId}/roles`, { token: founder.accessToken });
    const viewer = roles.body.find((r: { name: string }) => r.name === 'Viewer').id;
    expect((await t.request('PUT', `/api/v1/orgs/${founder.orgId}/directories/${directory.body.id}/groups/${group.id}/role`, { token: founder.accessToken, body: { role_id: viewer } })).status).toBe(200);
    expectScimError(await c.patch(`/Groups/${group.id}`, [{ op: 'add', path: 'members', value: [{ value: linked.body.id }] }]), 400, 'mutability');
    const me = await t.request('GET', `/api/v1/orgs/${founder.orgId}/members`, { token: founder.accessToken });
    expect(me.body[0]).toMatchObject({ role_name: 'Owner', status: 'active', managed_by_directory: true });
    expect((await c.get(`/Groups/${group.id}`)).body.members).toEqual([]);
  });

  it('provisions and links only addresses at its organization’s verified domains: anyone else’s is 400 invalidValue, and nothing is created', async () => {
    const c = scim(acmeToken);
    const hex = randomBytes(3).toString('hex');
    const counts = async () => (await queryRows<{ n: number }>(t.database.handle.db, sql`select ((select count(*) from users) + (select count(*) from memberships) + (select count(*) from scim_users) + (select count(*) from audit_logs))::int as n`))[0]!.n;
    const stranger = `victim-${hex}@gmail.com`;
    // Other verified their.test: its people (with an account or not yet) are not Acme's to enrol
    const theirs = await registerUser(t, { email: `staff-${hex}@their.test` });
    const before = await counts();
    for (const email of [stranger, `ceo-${hex}@their.test`, `x-${hex}@unclaimed.test`, theirs.email, theirs.email.toUpperCase()]) {
      expectScimError(await c.post('/Users', user(email)), 400, 'invalidValue');
    }
    // the address as the userName alone, or as a primary email beside a userName at a verified domain
    expectScimError(await c.post('/Users', { schemas: [CORE], userName: stranger }), 400, 'invalidValue');
    expectScimError(await c.post('/Users', user(`decoy-${hex}@people.test`, { emails: [{ value: stranger, type: 'work', primary: true }] })), 400, 'invalidValue');
    expect(await counts()).toBe(before);
    expect(await queryRows(t.database.handle.db, sql`select 1 from users where email = ${stranger}`)).toEqual([]);
    expect(await member(acme, theirs.userId)).toBeUndefined();

    // a User it holds cannot be moved to someone else's address by PUT or PATCH either
    const mine = (await c.post('/Users', user(`mover-${hex}@people.test`))).body;
    expectScimError(await c.put(`/Users/${mine.id}`, user(stranger)), 400, 'invalidValue');
    expectScimError(await c.patch(`/Users/${mine.id}`, [{ op: 'replace', path: 'emails[type eq "work"].value', value: theirs.email }]), 400, 'invalidValue');
    expectScimError(await c.patch(`/Users/${mine.id}`, [{ op: 'remove', path: 'emails' }, { op: 'replace', path: 'userName', value: stranger }]), 400, 'invalidValue');
    expect((await c.get(`/Users/${mine.id}`)).body).toMatchObject({ userName: mine.userName, emails: [{ value: mine.userName }] });
    // within its verified domains it may
    const moved = `moved-${hex}@${domain}`;
    const ok = await c.patch(`/Users/${mine.id}`, [{ op: 'replace', path: 'userName', value: moved }, { op: 'replace', path: 'emails[type eq "work"].value', value: moved }]);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ userName: moved, emails: [{ value: moved }] });
  });

  it('scopes a directory token to its organization: another organization’s Users and Groups are 404, and writes change nothing there', async () => {
    const theirs = await scim(otherToken).post('/Users', user(`theirs-${randomBytes(2).toString('hex')}@their.test`));
    const theirGroup = await scim(otherToken).post('/Groups', { schemas: [GROUP], displayName: 'Theirs', members: [{ value: theirs.body.id }] });
    const mine = scim(acmeToken);
    expectScimError(await mine.get(`/Users/${theirs.body.id}`), 404);
    expectScimError(await mine.put(`/Users/${theirs.body.id}`, user('x@people.test')), 404);
    expectScimError(await mine.patch(`/Users/${theirs.body.id}`, [{ op: 'replace', path: 'active', value: false }]), 404);
    expectScimError(await mine.delete(`/Users/${theirs.body.id}`), 404);
    expectScimError(await mine.get(`/Groups/${theirGroup.body.id}`), 404);
    expectScimError(await mine.patch(`/Groups/${theirGroup.body.id}`, [{ op: 'add', path: 'members', value: [] }]), 404);
    expectScimError(await mine.delete(`/Groups/${theirGroup.body.id}`), 404);
    // their User cannot be put into my group, nor found by my filters
    expectScimError(await mine.post('/Groups', { schemas: [GROUP], displayName: 'Grab', members: [{ value: theirs.body.id }] }), 400, 'invalidValue');
    expect((await mine.list(`/Users?filter=${encodeURIComponent(`id eq "${theirs.body.id}" or userName eq "${theirs.body.userName}"`)}`)).totalResults).toBe(0);
    expect((await mine.list('/Groups?filter=displayName%20eq%20%22Theirs%22')).totalResults).toBe(0);
    expect((await scim(otherToken).get(`/Users/${theirs.body.id}`)).body.active).toBe(true);
  });

  it('refuses other credentials on SCIM routes and the directory token everywhere else', async () => {
    const key = await t.request('POST', `/api/v1/orgs/${acme.orgId}/api-keys`, { token: acme.owner.accessToken, body: { name: 'k', permissions: ['org.read'] } });
    for (const token of [acme.owner.accessToken, key.body.raw_key, 'scim_forged', 'garbage']) {
      expectScimError(await scim(token).get('/Users'), 401);
      expectScimError(await scim(token).post('/Users', user('a@people.test')), 401);
    }
    expectScimError(await t.request('GET', '/scim/v2/Users'), 401);
    for (const route of t.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && !r.config?.public && String(r.method) !== 'HEAD')) {
      const path = route.url.replace(':org_id', acme.orgId).replace(/:[a-z_]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.request(String(route.method), path, { token: acmeToken, body: {} });
      expect(res.status, `${String(route.method)} ${route.url}`).toBe(401);
    }
  });

  it('replaces and deletes a group of more than 65,535 members (its ids bound as one array, not one parameter each)', async () => {
    const c = scim(acmeToken);
    const kept = (await c.post('/Users', user(`kept-${randomBytes(2).toString('hex')}@people.test`))).body.id;
    const created = await c.post('/Groups', { schemas: [GROUP], displayName: 'Everyone' });
    expect(created.status, created.text).toBe(201);
    const group = created.body.id as string;
    // 70,000 members written straight to the table (an IdP would take a few requests; their Users need not exist here)
    await t.database.handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`insert into scim_group_members (organization_id, group_id, scim_user_id) select ${acme.orgId}, ${group}, gen_random_uuid() from generate_series(1, 70000)`);
    });
    // the PUT removes the 70,000 and adds one
    const put = await c.put(`/Groups/${group}`, { schemas: [GROUP], displayName: 'Everyone, replaced', members: [{ value: kept }] });
    expect(put.status, put.text).toBe(200);
    expect(put.body.members.map((m: { value: string }) => m.value)).toEqual([kept]);
    expect((await c.delete(`/Groups/${group}`)).status).toBe(204);
  });

  it('answers junk with SCIM errors, never a 500, and a failed write leaves nothing behind', async () => {
    const c = scim(acmeToken);
    const counts = async () => (await queryRows<{ n: number }>(t.database.handle.db, sql`select ((select count(*) from users) + (select count(*) from memberships) + (select count(*) from scim_users) + (select count(*) from scim_groups) + (select count(*) from audit_logs))::int as n`))[0]!.n;
    const before = await counts();
    const junk: Array<[string, string, string | undefined, string?]> = [
      ['POST', '/Users', '[]'], ['POST', '/Users', '"x"'], ['POST', '/Users', '{'], ['POST', '/Users', '{"userName": 5}'], ['POST', '/Users', `{"userName":"a@people.test","emails":${'['.repeat(40)}${']'.repeat(40)}}`],
      ['POST', '/Users', '{"userName":"a\\u0000@people.test"}'], ['POST', '/Users', '{"userName":"x@people.test"}', 'text/plain'],
      ['POST', '/Groups', '{"displayName": ""}'], ['POST', '/Groups', '{"displayName": "G", "members": [{"value": "not-a-uuid"}]}'],
      ['POST', '/Groups', `{"displayName": "G", "members": [{"value": "${'0'.repeat(8)}-0000-4000-8000-000000000000"}]}`],
      ['PATCH', `/Users/${'0'.repeat(8)}-0000-4000-8000-000000000000`, '{"Operations":[{"op":"add","value":{}}]}'],
      ['PATCH', '/Groups/x', '{"Operations":[]}'], ['PUT', '/Users/x', '{}'], ['GET', '/Users?filter=' + encodeURIComponent('"'.repeat(3000)), undefined],
      ['GET', '/Users?count=99999999999999', undefined], ['GET', '/Users?filter=userName%20eq%20%22%00%22', undefined], ['DELETE', '/Groups/%00', undefined],
    ];
    for (const [method, path, raw, contentType] of junk) {
      const res = await t.request(method, `/scim/v2${path}`, { token: acmeToken, ...(raw !== undefined ? { raw, headers: { 'content-type': contentType ?? 'application/scim+json' } } : {}) });
      expect(res.status, `${method} ${path} ${raw}: ${res.text}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(500);
      expectScimError(res, res.status);
    }
    // a group whose second member does not exist, a User whose email is someone else's account:
    // no group, account, membership or audit row is left behind
    const ok = (await c.post('/Users', user(`rollback-${randomBytes(2).toString('hex')}@people.test`))).body.id;
    const outsider = await registerUser(t, { email: `taken-${randomBytes(2).toString('hex')}@elsewhere.test` });
    const mid = await counts();
    expect(mid).toBeGreaterThan(before);
    expectScimError(await c.post('/Groups', { schemas: [GROUP], displayName: 'Half', members: [{ value: ok }, { value: '00000000-0000-4000-8000-000000000001' }] }), 400, 'invalidValue');
    expectScimError(await c.post('/Users', user(outsider.email)), 400, 'invalidValue');
    expectScimError(await c.post('/Users', user(`half-${randomBytes(2).toString('hex')}@people.test`, { emails: [{ value: 'a@people.test', primary: true }, { value: 'b@people.test', primary: true }] })), 400, 'invalidValue');
    expect(await counts()).toBe(mid);
  });
});

describe('audit', () => {
  it('records every directory action, the SCIM ones with actor type directory and the directory’s id', async () => {
    const rows = await auditRows(acme.orgId);
    const scimActions = ['member.provisioned', 'member.deprovisioned', 'directory.user.updated', 'directory.group.created', 'directory.group.updated', 'directory.group.deleted'];
    for (const action of scimActions) {
      const row = rows.find((r) => r.action === action && r.actor_type === 'directory');
      expect(row, action).toBeDefined();
      expect(row!.metadata.directory_id, action).toBe(acmeDirectory);
    }
    for (const action of ['directory.created', 'directory.deleted', 'directory.token_rotated', 'directory.group.role_mapped']) expect(rows.find((r) => r.action === action)?.actor_type, action).toBe('user');
    // the suspension through SCIM is the ordinary membership event too (webhooks: membership.updated)
    expect(rows.some((r) => r.action === 'member.suspended' && r.actor_type === 'directory')).toBe(true);
    const verify = await t.request('GET', `/api/v1/audit/orgs/${acme.orgId}/verify`, { token: acme.owner.accessToken });
    expect(verify.body).toMatchObject({ ok: true });
  });
});
