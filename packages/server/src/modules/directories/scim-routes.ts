// The SCIM 2.0 protocol surface at /scim/v2 (RFC 7644), registered in a context of its own: its
// routes declare `config.directory` (authenticate accepts only a directory token there, and that
// token nowhere else), take `application/scim+json` as well as JSON, answer `application/scim+json`,
// and render every failure — the shared hooks' included (401, 429, 413, 415, schema) — as a SCIM
// Error message with `status` as a string. Hidden from the OpenAPI document: SCIM describes itself
// (ServiceProviderConfig, ResourceTypes, Schemas) and docs/scim.md documents it.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isDatabaseUnavailable } from '../../db/errors.js';
import { AppError } from '../../lib/errors.js';
import { contextOf } from '../../lib/request-context.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../../lib/json-depth.js';
import { loggableError } from '../../lib/loggable-error.js';
import { ScimError, type ScimType } from './errors.js';
import { ERROR, resourceTypeDocuments, schemaDocuments, serviceProviderConfig } from './scim-schema.js';
import type { DirectoriesService } from './service.js';

const SCIM_JSON = 'application/scim+json; charset=utf-8';
/** Okta pushes a group's members in one request: far above the API's 64 KiB. */
const SCIM_BODY_LIMIT = 1024 * 1024;
/** Requests per directory per minute: a full resync of a large directory fits in a few minutes. */
const PER_DIRECTORY_PER_MINUTE = 6_000;

const ScimErrorSchema = Type.Object({
  schemas: Type.Array(Type.String()),
  status: Type.String(),
  scimType: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
});
/** A SCIM resource or message: built field by field by the service, never from a database row. */
const ScimResource = Type.Object({ schemas: Type.Array(Type.String()) }, { additionalProperties: true });
const errors = Object.fromEntries([400, 401, 403, 404, 409, 413, 415, 429, 500, 503].map((s) => [s, ScimErrorSchema]));
const ok = (status: number) => ({ [status]: ScimResource, ...errors });
const IdParams = Type.Object({ id: Type.String({ maxLength: 200 }) });
const GetQuery = Type.Object({
  attributes: Type.Optional(Type.String({ maxLength: 2000 })),
  excludedAttributes: Type.Optional(Type.String({ maxLength: 2000 })),
});
const ListQuery = Type.Object({
  filter: Type.Optional(Type.String({ maxLength: 4096 })),
  startIndex: Type.Optional(Type.Integer({ minimum: -2147483648, maximum: 2147483647 })),
  count: Type.Optional(Type.Integer({ minimum: -2147483648, maximum: 2147483647 })),
  attributes: Type.Optional(Type.String({ maxLength: 2000 })),
  excludedAttributes: Type.Optional(Type.String({ maxLength: 2000 })),
});
const AnyBody = Type.Object({}, { additionalProperties: true });

function sendScimError(reply: FastifyReply, status: number, scimType: ScimType | null, detail: string): FastifyReply {
  return reply.code(status).type(SCIM_JSON).send({ schemas: [ERROR], status: String(status), ...(scimType ? { scimType } : {}), detail });
}

/** Our own errors as SCIM sees them: the rules that refuse a change are a mutability or uniqueness problem there. */
const APP_ERRORS: Partial<Record<string, { status: number; scimType: ScimType | null }>> = {
  'membership.last_owner': { status: 400, scimType: 'mutability' },
  'auth.email_taken': { status: 409, scimType: 'uniqueness' },
  'request.too_deep': { status: 400, scimType: 'invalidSyntax' },
  'request.validation_failed': { status: 400, scimType: 'invalidValue' },
};

const FASTIFY_ERRORS: Record<string, { status: number; scimType: ScimType | null; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, scimType: 'invalidSyntax', detail: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, scimType: 'invalidSyntax', detail: 'The body is empty.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, scimType: null, detail: 'The body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, scimType: null, detail: 'Send application/scim+json or application/json.' },
};

export const scimRoutes: FastifyPluginAsyncTypebox<{ directories: DirectoriesService; documentationUri: string }> = async (app, { directories, documentationUri }) => {
  const base = directories.baseUrl;
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/scim+json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (!text.trim()) return done(null, undefined);
    if (jsonTooDeep(text)) return done(new AppError('request.too_deep', `Arrays and objects may be nested at most ${MAX_JSON_DEPTH} levels deep.`), undefined);
    parseJson(request, text, done);
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    if (payload !== null && payload !== undefined && payload !== '') reply.header('content-type', SCIM_JSON);
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ScimError) return sendScimError(reply, error.status, error.scimType, error.detail);
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.extra.headers ?? {})) reply.header(name, value);
      const mapped = APP_ERRORS[error.code];
      return sendScimError(reply, mapped?.status ?? error.status, mapped?.scimType ?? null, error.detail ?? error.title);
    }
    if (error.validation) return sendScimError(reply, 400, 'invalidValue', `The request does not match the schema: ${error.message}`);
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
    if (known) return sendScimError(reply, known.status, known.scimType, known.detail);
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: loggableError(error) }, 'database unavailable');
      reply.header('retry-after', '1');
      return sendScimError(reply, 503, null, 'The database is unavailable; try again shortly.');
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendScimError(reply, status, null, error.message);
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return sendScimError(reply, 500, null, 'Something went wrong on our side.');
  });

  app.setNotFoundHandler((request, reply) => sendScimError(reply, 404, null, `No SCIM endpoint ${request.method} ${request.url.split('?')[0]}.`));

  const perDirectory = app.limit('scim:directory', { max: PER_DIRECTORY_PER_MINUTE, windowMs: 60_000, key: (req) => req.directory?.id ?? null });
  const common = { preHandler: perDirectory, config: { directory: true } };
  const write = { ...common, bodyLimit: SCIM_BODY_LIMIT };
  const hide = true;
  const dir = (request: FastifyRequest) => request.directory!;

  // discovery
  app.get('/ServiceProviderConfig', { ...common, schema: { hide, response: ok(200) } }, async () => serviceProviderConfig(base, documentationUri));
  app.get('/ResourceTypes', { ...common, schema: { hide, response: ok(200) } }, async () => {
    const resources = resourceTypeDocuments(base);
    return { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources };
  });
  app.get('/ResourceTypes/:id', { ...common, schema: { hide, params: IdParams, response: ok(200) } }, async (request) => {
    const found = resourceTypeDocuments(base).find((r) => r.id === request.params.id);
    if (!found) throw new ScimError(404, null, `No resource type ${request.params.id}.`);
    return found;
  });
  app.get('/Schemas', { ...common, schema: { hide, response: ok(200) } }, async () => {
    const resources = schemaDocuments(base);
    return { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources };
  });
  app.get('/Schemas/:id', { ...common, schema: { hide, params: IdParams, response: ok(200) } }, async (request) => {
    const found = schemaDocuments(base).find((r) => (r.id as string).toLowerCase() === request.params.id.toLowerCase());
    if (!found) throw new ScimError(404, null, `No schema ${request.params.id}.`);
    return found;
  });

  // Users
  app.get('/Users', { ...common, schema: { hide, querystring: ListQuery, response: ok(200) } }, async (request) => directories.listUsers(dir(request), request.query));
  app.get('/Users/:id', { ...common, schema: { hide, params: IdParams, querystring: GetQuery, response: ok(200) } }, async (request) => directories.getUser(dir(request), request.params.id, request.query));
  app.post('/Users', { ...write, schema: { hide, body: AnyBody, response: ok(201) } }, async (request, reply) => {
    const created = await directories.createUser(contextOf(request), dir(request), request.body);
    return reply.code(201).header('location', (created.meta as { location: string }).location).send(created);
  });
  app.put('/Users/:id', { ...write, schema: { hide, params: IdParams, body: AnyBody, response: ok(200) } }, async (request) => directories.replaceUser(contextOf(request), dir(request), request.params.id, request.body));
  app.patch('/Users/:id', { ...write, schema: { hide, params: IdParams, body: AnyBody, response: ok(200) } }, async (request) => directories.patchUser(contextOf(request), dir(request), request.params.id, request.body));
  app.delete('/Users/:id', { ...common, schema: { hide, params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    await directories.deleteUser(contextOf(request), dir(request), request.params.id);
    return reply.code(204).send(null);
  });

  // Groups
  app.get('/Groups', { ...common, schema: { hide, querystring: ListQuery, response: ok(200) } }, async (request) => directories.listGroups(dir(request), request.query));
  app.get('/Groups/:id', { ...common, schema: { hide, params: IdParams, querystring: GetQuery, response: ok(200) } }, async (request) => directories.getGroup(dir(request), request.params.id, request.query));
  app.post('/Groups', { ...write, schema: { hide, body: AnyBody, response: ok(201) } }, async (request, reply) => {
    const created = await directories.createGroup(contextOf(request), dir(request), request.body);
    return reply.code(201).header('location', (created.meta as { location: string }).location).send(created);
  });
  app.put('/Groups/:id', { ...write, schema: { hide, params: IdParams, body: AnyBody, response: ok(200) } }, async (request) => directories.replaceGroup(contextOf(request), dir(request), request.params.id, request.body));
  app.patch('/Groups/:id', { ...write, schema: { hide, params: IdParams, body: AnyBody, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    await directories.patchGroup(contextOf(request), dir(request), request.params.id, request.body);
    return reply.code(204).send(null);
  });
  app.delete('/Groups/:id', { ...common, schema: { hide, params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    await directories.deleteGroup(contextOf(request), dir(request), request.params.id);
    return reply.code(204).send(null);
  });
};
