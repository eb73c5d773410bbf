// Every way a request can fail is an RFC 9457 problem document with a stable code; the body never
// carries a stack trace, and an unexpected failure is a generic 500 whose cause goes to the log only.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { queryRows } from '../db/client.js';
import { isDatabaseUnavailable } from '../db/errors.js';
import { testDbKind } from '../../test/helpers/db.js';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { expectProblem, registerUser, STRONG_PASSWORD, uniqueEmail, type RegisteredUser } from '../../test/helpers/factories.js';

let t: TestApp;
let user: RegisteredUser;
beforeAll(async () => {
  t = await startTestApp();
  user = await registerUser(t);
});
afterAll(() => t.close());

const REGISTER = '/api/v1/auth/register';
const LOGIN = '/api/v1/auth/login';

/** POSTs `raw` as-is with the given content type. */
const postRaw = (path: string, raw: string, contentType?: string) =>
  t.request('POST', path, { raw, headers: contentType ? { 'content-type': contentType } : {} });

const validRegistration = () => ({ email: uniqueEmail('errors'), password: STRONG_PASSWORD, full_name: 'Error Tester' });

/** Every field error is `{ field, message, code }`, all strings. */
function expectFieldErrorShape(errors: unknown) {
  expect(Array.isArray(errors)).toBe(true);
  expect((errors as unknown[]).length).toBeGreaterThan(0);
  for (const e of errors as Record<string, unknown>[]) {
    expect(Object.keys(e).sort()).toEqual(['code', 'field', 'message']);
    for (const key of ['field', 'message', 'code']) expect(typeof e[key]).toBe('string');
  }
}

const serverErrorLines = () => t.logs.filter((line) => JSON.parse(line).level >= 50);

describe('validation problems name the offending field', () => {
  it.each([
    ['a missing required field', (b: Record<string, unknown>) => ({ email: b.email, password: b.password }), '/full_name', 'required'],
    ['a field of the wrong type', (b: Record<string, unknown>) => ({ ...b, email: { $ne: '' } }), '/email', 'type'],
    ['an email that is not one', (b: Record<string, unknown>) => ({ ...b, email: 'not-an-email' }), '/email', 'pattern'],
    ['an empty name', (b: Record<string, unknown>) => ({ ...b, full_name: '' }), '/full_name', 'minLength'],
    ['an unknown property', (b: Record<string, unknown>) => ({ ...b, is_superuser: true }), '/is_superuser', 'additionalProperties'],
  ])('%s', async (_name, mutate, field, code) => {
    const body = mutate(validRegistration());
    const res = await t.request('POST', REGISTER, { body });
    expectProblem(res, 400, 'request.validation_failed');
    expect(res.body.instance).toBe(REGISTER);
    expect(res.body.request_id).toBe(res.headers.get('x-request-id'));
    expectFieldErrorShape(res.body.errors);
    // every error names the offending field; the expected rule is among them (an empty name breaks two)
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    for (const error of res.body.errors) expect(error.field).toBe(field);
  });

  it('does not let an unknown property through: no account is created for a mass-assignment attempt', async () => {
    const body = { ...validRegistration(), is_superuser: true };
    expectProblem(await t.request('POST', REGISTER, { body }), 400, 'request.validation_failed');
    const rows = await queryRows(t.database.handle.db, sql`select id from users where email = ${body.email}`);
    expect(rows).toHaveLength(0);
  });

  it('reports every failing field at once', async () => {
    const res = await t.request('POST', REGISTER, { body: { email: 1, password: 'short', role: 'admin' } });
    expectProblem(res, 400, 'request.validation_failed');
    expectFieldErrorShape(res.body.errors);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/email', '/password', '/full_name', '/role']));
  });

  it('names a path parameter that is not a uuid (after authentication)', async () => {
    expectProblem(await t.request('DELETE', '/api/v1/auth/sessions/not-a-uuid'), 401, 'auth.unauthenticated');
    const res = await t.request('DELETE', '/api/v1/auth/sessions/not-a-uuid', { token: user.accessToken });
    expectProblem(res, 400, 'request.validation_failed');
    expectFieldErrorShape(res.body.errors);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'params:/id', code: 'format' })]);
  });
});

describe('bodies that are not a JSON object', () => {
  it.each([
    ['malformed JSON', '{"email": "a@b.test", "password":', 'request.malformed_json'],
    ['a trailing comma', '{"email": "a@b.test",}', 'request.malformed_json'],
  ])('%s with content-type JSON is 400 request.malformed_json (an empty one is no body: test/empty-json-body.test.ts)', async (_name, raw, code) => {
    expectProblem(await postRaw(LOGIN, raw, 'application/json'), 400, code);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[{"email": "a@b.test", "password": "x"}]'],
    ['a string', '"a@b.test"'],
    ['a number', '42'],
  ])('%s is a validation problem on the whole body', async (_name, raw) => {
    const res = await postRaw(LOGIN, raw, 'application/json');
    expectProblem(res, 400, 'request.validation_failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '/', code: 'type' })]);
  });

  it.each([
    ['text/plain', 'text/plain', JSON.stringify({ email: 'a@b.test', password: 'x' })],
    ['text/plain with a charset', 'text/plain; charset=utf-8', 'hello'],
    ['a urlencoded form', 'application/x-www-form-urlencoded', 'email=a%40b.test&password=x'],
    ['multipart', 'multipart/form-data; boundary=xyz', '--xyz--'],
    ['XML', 'application/xml', '<login/>'],
  ])('%s is 415 request.unsupported_media_type', async (_name, contentType, raw) => {
    expectProblem(await postRaw(LOGIN, raw, contentType), 415, 'request.unsupported_media_type');
  });

  it('refuses a body over 64 KiB with 413 before reading it into a handler', async () => {
    const body = { ...validRegistration(), full_name: 'x'.repeat(65 * 1024) };
    const res = await t.request('POST', REGISTER, { body });
    expectProblem(res, 413, 'request.body_too_large');
    const rows = await queryRows(t.database.handle.db, sql`select id from users where email = ${body.email}`);
    expect(rows).toHaveLength(0);
  });

  it('accepts a body just under the limit (and judges it on its fields)', async () => {
    const res = await t.request('POST', LOGIN, { body: { email: 'a@b.test', password: 'x'.repeat(60 * 1024) } });
    expectProblem(res, 400, 'request.validation_failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '/password', code: 'maxLength' })]);
  });
});

describe('routes and methods', () => {
  it('answers an unknown route with 404 request.not_found, without echoing the query string', async () => {
    const res = await t.request('GET', '/api/v1/no-such-thing?token=query-secret-123');
    expectProblem(res, 404, 'request.not_found');
    expect(res.body.instance).toBe('/api/v1/no-such-thing');
    expect(res.text).not.toContain('query-secret-123');
  });

  it.each([
    ['GET', LOGIN, 'POST'],
    ['PUT', '/api/v1/auth/me', 'GET, HEAD, PATCH'],
    ['POST', `/api/v1/auth/sessions/${randomUUID()}`, 'DELETE'],
    ['DELETE', '/healthz', 'GET, HEAD'],
  ])('answers %s %s with 405 and an Allow header', async (method, path, allow) => {
    const res = await t.request(method, path, { token: user.accessToken });
    expectProblem(res, 405, 'request.method_not_allowed');
    expect(res.headers.get('allow')).toBe(allow);
    expect(res.body.detail).toContain(allow);
  });
});

describe('hostile and unusual strings', () => {
  it('refuses oversized strings by their field', async () => {
    const res = await t.request('POST', LOGIN, { body: { email: `${'a'.repeat(5000)}@example.test`, password: 'p'.repeat(2000) } });
    expectProblem(res, 400, 'request.validation_failed');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/email', '/password']));
  });

  it('accepts unicode: non-ASCII emails and names round-trip, and lengths count characters', async () => {
    const email = `jöhn.${randomUUID().slice(0, 8)}@exämple.test`;
    const fullName = `Zoë 😀 ${'é'.repeat(10)}`;
    const res = await t.request('POST', REGISTER, { body: { email, password: STRONG_PASSWORD, full_name: fullName } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.user).toMatchObject({ email, full_name: fullName });
    const me = await t.request('GET', '/api/v1/auth/me', { token: res.body.access_token });
    expect(me.body.full_name).toBe(fullName);

    // 200 emoji are 400 UTF-16 code units but 200 characters: the limit is 200 characters
    const emoji200 = await t.request('POST', REGISTER, { body: { ...validRegistration(), full_name: '😀'.repeat(200) } });
    expect(emoji200.status, emoji200.text).toBe(201);
    const emoji201 = await t.request('POST', REGISTER, { body: { ...validRegistration(), full_name: '😀'.repeat(201) } });
    expectProblem(emoji201, 400, 'request.validation_failed');
    expect(emoji201.body.errors).toEqual([expect.objectContaining({ field: '/full_name', code: 'maxLength' })]);
  });

  it.each([
    ['an email at login', LOGIN, () => ({ email: 'nul\u0000@example.test', password: 'whatever-1' }), '/email'],
    ['a refresh token', '/api/v1/auth/refresh', () => ({ refresh_token: 'abc\u0000def' }), '/refresh_token'],
  ])('refuses a NUL character in %s with a 400 naming the field (PostgreSQL text cannot hold one: no 500)', async (_name, path, body, field) => {
    const before = serverErrorLines().length;
    const res = await t.request('POST', path, { body: body() });
    expectProblem(res, 400, 'request.validation_failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ field, code: 'nul_character' })]);
    expect(serverErrorLines()).toHaveLength(before);
  });

  it('survives a lone surrogate in a name, and refuses control characters (NUL included) there with a 400 naming the field', async () => {
    const res = await postRaw(REGISTER, `{"email":"${uniqueEmail('surrogate')}","password":"${STRONG_PASSWORD}","full_name":"a\\ud800b"}`, 'application/json');
    expect(res.status, res.text).toBe(201);
    const before = serverErrorLines().length;
    for (const name of ['a\\u0007c', 'Nul\\u0000Byte']) {
      const refused = await postRaw(REGISTER, `{"email":"${uniqueEmail('control')}","password":"${STRONG_PASSWORD}","full_name":"${name}"}`, 'application/json');
      expectProblem(refused, 400, 'request.validation_failed');
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: '/full_name', code: 'pattern' })]);
    }
    expect(serverErrorLines()).toHaveLength(before);
  });

  it('ignores junk in query strings on routes that take none', async () => {
    const junk = '?%zz=%&a[b][c]=1&&=&x=%00&%E0%A4%A=1&' + 'q='.padEnd(4000, 'z');
    const health = await t.request('GET', `/healthz${junk}`);
    expect(health.status, health.text).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const me = await t.request('GET', `/api/v1/auth/me${junk}`, { token: user.accessToken });
    expect(me.status, me.text).toBe(200);
    expect(me.body.id).toBe(user.userId);
    // and the login outcome does not change with junk appended
    const login = await t.request('POST', `${LOGIN}${junk}`, { body: { email: user.email, password: 'wrong-password-9' } });
    expectProblem(login, 401, 'auth.invalid_credentials');
  });
});

describe('the generic 500', () => {
  let bare: { app: FastifyInstance; baseUrl: string; logs: string[] };
  const SECRET_PARAM = `param-secret-${randomUUID()}`;

  beforeAll(async () => {
    const logs: string[] = [];
    const app = await buildApp(t.config, {
      database: t.database.handle,
      migrate: false,
      logStream: new Writable({
        write(chunk, _encoding, callback) {
          logs.push(...String(chunk).split('\n').filter(Boolean));
          callback();
        },
      }),
    });
    // buildApp returns before ready(): routes can still be added, and they pass the boot guard
    const response = { 200: Type.Object({ ok: Type.Boolean() }) };
    app.get('/test/boom', { config: { public: true }, schema: { response } }, async () => {
      throw new Error('kaboom: connection string postgres://admin:hunter2@db/internal');
    });
    app.get('/test/boom-query', { config: { public: true }, schema: { response } }, async () => {
      await t.database.handle.db.execute(sql`select * from table_that_does_not_exist where secret = ${SECRET_PARAM}`);
      return { ok: true };
    });
    // 65,536 bind parameters: the Bind message's 16-bit count wraps, and PostgreSQL answers 08P01
    app.get('/test/boom-protocol', { config: { public: true }, schema: { response } }, async () => {
      await t.database.handle.db.execute(sql`select cardinality(array[${sql.join(Array.from({ length: 65_536 }, (_, i) => sql`${i}`), sql`, `)}]::int[])`);
      return { ok: true };
    });
    app.get('/test/boom-type', { config: { public: true }, schema: { response } }, async () => {
      await t.database.handle.db.execute(sql`select ${SECRET_PARAM}::integer`);
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    bare = { app, logs, baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
  });
  afterAll(() => bare?.app.close());

  const get = async (path: string) => {
    const response = await fetch(bare.baseUrl + path, { headers: { 'x-request-id': `boom-${randomUUID()}` } });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
  };
  const errorLinesFor = (requestId: string) =>
    bare.logs.map((line) => JSON.parse(line)).filter((entry) => entry.reqId === requestId && entry.level >= 50);

  it('answers a thrown error with a generic problem and logs the cause', async () => {
    const res = await get('/test/boom');
    expectProblem(res, 500, 'internal');
    expect(res.body).toEqual({
      type: 'urn:saasready:problem:internal',
      title: 'Internal server error',
      status: 500,
      code: 'internal',
      detail: 'Something went wrong on our side.',
      instance: '/test/boom',
      request_id: res.headers.get('x-request-id'),
    });
    expect(res.text).not.toMatch(/kaboom|hunter2|Error:|\.ts:\d+|\.js:\d+/);

    const [entry, ...rest] = errorLinesFor(res.body.request_id);
    expect(rest).toHaveLength(0);
    expect(entry.msg).toBe('unhandled error');
    expect(entry.err.message).toContain('kaboom');
    expect(entry.err.stack).toMatch(/\n\s+at /);
  });

  it('logs a failed query by its SQL and SQLSTATE, never by its parameters', async () => {
    for (const path of ['/test/boom-query', '/test/boom-type']) {
      const res = await get(path);
      expectProblem(res, 500, 'internal');
      expect(res.text).not.toContain(SECRET_PARAM);
      const entries = errorLinesFor(res.body.request_id);
      expect(entries).toHaveLength(1);
      expect(entries[0].err.message).toMatch(/^Failed query: select /);
    }
    const missingTable = errorLinesFor((await get('/test/boom-query')).body.request_id)[0];
    expect(missingTable.err).toMatchObject({ code: '42P01' });
    expect(missingTable.err.message).toContain('table_that_does_not_exist');
    expect(bare.logs.join('\n')).not.toContain(SECRET_PARAM);
  });

  // a protocol violation is the client library's doing (too many bind parameters), not an outage: no
  // 503 with Retry-After, which tells a client to send the same request again
  it.runIf(testDbKind() === 'postgres')('answers PostgreSQL’s 08P01 (protocol violation) with the generic 500, logged, not 503', async () => {
    const res = await get('/test/boom-protocol');
    expectProblem(res, 500, 'internal');
    expect(res.headers.get('retry-after')).toBeNull();
    const [entry] = errorLinesFor(res.body.request_id);
    expect(entry.msg).toBe('unhandled error');
    expect(entry.err).toMatchObject({ code: '08P01' });
    const err = await t.database.handle.db.execute(sql`select cardinality(array[${sql.join(Array.from({ length: 65_536 }, (_, i) => sql`${i}`), sql`, `)}]::int[])`).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(err)).toBe(false);
    expect(isDatabaseUnavailable({ code: '08006' })).toBe(true);
  });
});
