// One place turns every failure into an RFC 9457 problem document. Known client mistakes keep
// their 4xx meaning; an unavailable database is a 503; anything else is a logged 500 whose body
// says nothing about the cause.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, problemType, type ErrorCode, type FieldError, type Problem } from '@saasready/contracts';
import { isDatabaseUnavailable } from '../db/errors.js';
import { AppError } from '../lib/errors.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../lib/json-depth.js';
import { loggableError } from '../lib/loggable-error.js';

// the helpers moved to lib/ (the SCIM routes use them too); their old home keeps exporting them
export { jsonTooDeep, loggableError, MAX_JSON_DEPTH };

const FASTIFY_CODES: Record<string, { code: ErrorCode; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.malformed_json', title: 'Malformed JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.malformed_json', title: 'Empty JSON body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.body_too_large', title: 'Request body too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request.unsupported_media_type', title: 'Unsupported media type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.validation_failed', title: 'Invalid Content-Length' },
};

/** Fastify client errors without an entry above, by status: the code must agree with the status. */
const STATUS_CODES: Record<number, { code: ErrorCode; title: string }> = {
  404: { code: 'request.not_found', title: 'Not found' },
  405: { code: 'request.method_not_allowed', title: 'Method not allowed' },
  413: { code: 'request.body_too_large', title: 'Request body too large' },
  415: { code: 'request.unsupported_media_type', title: 'Unsupported media type' },
};

/** The request path without its query string (which may carry tokens). */
const instanceOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '/';

/** Methods checked when a path exists but not for the request's method (OPTIONS is CORS's own). */
const ROUTABLE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  title: string,
  detail?: string,
  errors?: FieldError[],
  meta?: Record<string, unknown>,
): FastifyReply {
  const body: Problem = { type: problemType(code), title, status, code, instance: instanceOf(request), request_id: String(request.id) };
  if (detail) body.detail = detail;
  if (errors?.length) body.errors = errors;
  if (meta) body.meta = meta;
  return reply.code(status).type('application/problem+json').send(body);
}

interface AjvError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function fieldErrors(error: FastifyError): FieldError[] {
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  return ((error.validation ?? []) as AjvError[]).map((e) => {
    const missing = typeof e.params?.missingProperty === 'string' ? `/${e.params.missingProperty}` : '';
    const extra = typeof e.params?.additionalProperty === 'string' ? `/${e.params.additionalProperty}` : '';
    const field = `${context === 'body' ? '' : `${context}:`}${e.instancePath ?? ''}${missing}${extra}` || '/';
    return { field, message: e.message ?? 'is invalid', code: e.keyword ?? 'invalid' };
  });
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The JSON pointers of every string (key or value) in `value` that holds a NUL character.
 * PostgreSQL text cannot store U+0000: left alone, such input fails deep inside a query as a 500.
 * Iterative, and bounded by the 64 KiB body limit, so hostile nesting cannot exhaust the stack.
 */
export function nulCharacterPaths(value: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length && found.length < 10) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(path || '/');
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPath = `${path}/${escapePointer(key)}`;
        if (key.includes('\u0000')) found.push(childPath);
        stack.push([child, childPath]);
      }
    }
  }
  return found.sort();
}

/** A body of JSON whitespace only (RFC 8259: space, tab, LF, CR), the empty body included. */
const JSON_WHITESPACE_ONLY = /^[ \t\n\r]*$/;

/** An unpaired UTF-16 surrogate: with the `u` flag a well-formed pair is one code point and does not match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;

/**
 * Replaces every unpaired surrogate (JSON allows `"\ud800"`) in the strings and keys of `value` with
 * U+FFFD, in place. A text column already stores U+FFFD (the driver encodes strings as UTF-8), but
 * a jsonb one (audit metadata, organization metadata) is sent as JSON text, where PostgreSQL
 * refuses the escape: without this, such input is a 500. Iterative, like nulCharacterPaths.
 */
export function replaceLoneSurrogates(value: unknown): unknown {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? value.replace(LONE_SURROGATES, '\uFFFD') : value;
  const stack: Array<Record<string, unknown>> = value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
  while (stack.length) {
    const current = stack.pop()!;
    for (const key of Object.keys(current)) {
      let child = current[key];
      if (typeof child === 'string' && LONE_SURROGATE.test(child)) child = current[key] = child.replace(LONE_SURROGATES, '\uFFFD');
      else if (child && typeof child === 'object') stack.push(child as Record<string, unknown>);
      if (LONE_SURROGATE.test(key)) {
        delete current[key];
        current[key.replace(LONE_SURROGATES, '\uFFFD')] = child;
      }
    }
  }
  return value;
}

export default fp(
  async (app) => {
    // The API speaks JSON only. Without this, a text/plain body would be parsed as a string and
    // answered with a confusing "body must be object" instead of 415.
    app.removeContentTypeParser('text/plain');

    // Fastify's own JSON parser (prototype-poisoning checks included), behind a depth limit.
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      // Many clients send `Content-Type: application/json` on every request: an empty (or
      // whitespace-only) body is no body, not malformed JSON.
      if (JSON_WHITESPACE_ONLY.test(text)) {
        done(null, undefined);
        return;
      }
      if (jsonTooDeep(text)) {
        done(new AppError('request.too_deep', `Arrays and objects may be nested at most ${MAX_JSON_DEPTH} levels deep.`), undefined);
        return;
      }
      parseJson(request, text, done);
    });

    // A route that takes a body and got none is judged as `{}`: the problem then names each
    // missing required field instead of "body must be object". Runs before authorize (registered
    // first) and validation; a route without a body schema keeps `undefined`.
    app.addHook('preValidation', async (request) => {
      if (request.body === undefined && request.routeOptions.schema?.body) request.body = {};
    });

    // After authentication, authorization and schema validation (an outsider learns nothing new),
    // before any handler can hand the string to the database.
    app.addHook('preHandler', async (request) => {
      const schema = request.routeOptions.schema;
      request.body = replaceLoneSurrogates(request.body);
      const paths = [
        ...nulCharacterPaths(request.body),
        ...(schema?.querystring ? nulCharacterPaths(request.query).map((p) => `querystring:${p}`) : []),
        ...(schema?.params ? nulCharacterPaths(request.params).map((p) => `params:${p}`) : []),
      ];
      if (paths.length) {
        throw new AppError('request.validation_failed', 'The request does not match the schema.', {
          errors: paths.map((field) => ({ field, message: 'must not contain NUL (U+0000) characters', code: 'nul_character' })),
        });
      }
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        for (const [name, value] of Object.entries(error.extra.headers ?? {})) reply.header(name, value);
        return sendProblem(request, reply, error.status, error.code, error.title, error.detail, error.extra.errors, error.extra.meta);
      }
      if (error.validation) {
        return sendProblem(request, reply, 400, 'request.validation_failed', 'Validation failed', 'The request does not match the schema.', fieldErrors(error));
      }
      const known = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (known) return sendProblem(request, reply, error.statusCode ?? 400, known.code, known.title);
      if (isDatabaseUnavailable(error)) {
        request.log.error({ err: loggableError(error) }, 'database unavailable');
        reply.header('retry-after', '1');
        return sendProblem(request, reply, 503, 'service.unavailable', 'Service unavailable', 'The database is unavailable; try again shortly.');
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // A Fastify client error we have no specific code for (bad URL, bad header…).
        const { code, title } = STATUS_CODES[status] ?? { code: 'request.validation_failed', title: 'Bad request' };
        return sendProblem(request, reply, ERROR_CODES[code].status, code, title, error.message);
      }
      request.log.error({ err: loggableError(error) }, 'unhandled error');
      return sendProblem(request, reply, 500, 'internal', 'Internal server error', 'Something went wrong on our side.');
    });

    app.setNotFoundHandler((request, reply) => {
      const path = instanceOf(request);
      // The path exists, just not for this method: 405 with the methods that do exist. A route that
      // matches this very method and still found nothing (a missing static file) is a plain 404.
      const ownRoute = app.findRoute({ method: request.method as (typeof ROUTABLE_METHODS)[number], url: path });
      const allowed = ownRoute ? [] : ROUTABLE_METHODS.filter((method) => method !== request.method && app.findRoute({ method, url: path }));
      if (allowed.length) {
        reply.header('allow', allowed.join(', '));
        return sendProblem(request, reply, 405, 'request.method_not_allowed', 'Method not allowed', `${request.method} is not supported on ${path}; use ${allowed.join(', ')}.`);
      }
      // a person's browser on a mistyped dashboard address: the dashboard's own Not found page
      const page = app.dashboardNotFound?.(request, reply);
      if (page) return page;
      return sendProblem(request, reply, 404, 'request.not_found', 'Not found', `No route ${request.method} ${path}.`);
    });
  },
  { name: 'errors' },
);
