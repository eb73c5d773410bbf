// One place turns every failure into an RFC 9457 problem document. Known client mistakes keep
// their 4xx meaning; an unavailable database is a 503; anything else is a logged 500 whose body
// says nothing about the cause.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problemType, type ErrorCode, type FieldError, type Problem } from '@saasready/contracts';
import { isDatabaseUnavailable } from '../db/errors.js';
import { AppError } from '../lib/errors.js';

const FASTIFY_CODES: Record<string, { code: ErrorCode; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.malformed_json', title: 'Malformed JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.malformed_json', title: 'Empty JSON body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.body_too_large', title: 'Request body too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request.unsupported_media_type', title: 'Unsupported media type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.validation_failed', title: 'Invalid Content-Length' },
};

/** The request path without its query string (which may carry tokens). */
const instanceOf = (request: FastifyRequest) => request.url.split('?')[0];

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  title: string,
  detail?: string,
  errors?: FieldError[],
): FastifyReply {
  const body: Problem = { type: problemType(code), title, status, code, instance: instanceOf(request), request_id: String(request.id) };
  if (detail) body.detail = detail;
  if (errors?.length) body.errors = errors;
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

export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        for (const [name, value] of Object.entries(error.extra.headers ?? {})) reply.header(name, value);
        return sendProblem(request, reply, error.status, error.code, error.title, error.detail, error.extra.errors);
      }
      if (error.validation) {
        return sendProblem(request, reply, 400, 'request.validation_failed', 'Validation failed', 'The request does not match the schema.', fieldErrors(error));
      }
      const known = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (known) return sendProblem(request, reply, error.statusCode ?? 400, known.code, known.title);
      if (isDatabaseUnavailable(error)) {
        request.log.error({ err: error }, 'database unavailable');
        reply.header('retry-after', '1');
        return sendProblem(request, reply, 503, 'service.unavailable', 'Service unavailable', 'The database is unavailable; try again shortly.');
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // A Fastify client error we have no specific code for (bad URL, bad header…).
        return sendProblem(request, reply, status, status === 404 ? 'request.not_found' : 'request.validation_failed', 'Bad request', error.message);
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, 500, 'internal', 'Internal server error', 'Something went wrong on our side.');
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(request, reply, 404, 'request.not_found', 'Not found', `No route ${request.method} ${instanceOf(request)}.`),
    );
  },
  { name: 'errors' },
);
