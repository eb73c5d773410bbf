// Every non-2xx answer of the API becomes one SaaSReadyError, parsed from its RFC 9457 problem document.
import type { ErrorCode, FieldError } from '@saasready/contracts';

/**
 * A machine-readable error code: one of the server's stable codes (see `ERROR_CODES` in
 * `@saasready/contracts`), or any other string for answers that are not SaaSReady problem documents
 * (`http_error`: a proxy's HTML page, an empty body…).
 */
export type SaaSReadyErrorCode = ErrorCode | (string & {});

/** The RFC 9457 problem document the API sends with every error (`application/problem+json`). */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  request_id?: string;
  errors?: FieldError[];
  meta?: Record<string, unknown>;
}

export type { FieldError };

/**
 * Thrown by every {@link SaaSReady} method when the API answers with a non-2xx status.
 *
 * Branch on {@link SaaSReadyError.code | `code`}, which is stable; `title` and `detail` are for
 * humans and may change. Field-level validation failures are in {@link SaaSReadyError.errors | `errors`},
 * code-specific extras (for example a free `suggestion` for `organization.slug_taken`) in `meta`.
 *
 * @example
 * ```ts
 * import { SaaSReady, SaaSReadyError } from '@saasready/sdk';
 *
 * const client = new SaaSReady({ baseUrl: 'http://localhost:8000' });
 * try {
 *   await client.auth.register({ email: 'jane@acme.test', password: 'password1', full_name: 'Jane' });
 * } catch (err) {
 *   if (!(err instanceof SaaSReadyError)) throw err; // network failure, bug…
 *   switch (err.code) {
 *     case 'auth.email_taken':
 *       showError('This email already has an account. Log in instead?');
 *       break;
 *     case 'auth.password_rejected':
 *       showError(err.detail ?? 'Choose a stronger password.');
 *       break;
 *     case 'request.validation_failed':
 *       for (const e of err.errors) markField(e.field, e.message); // e.g. { field: '/email', message: … }
 *       break;
 *     case 'request.rate_limited':
 *       retryLater(err.retryAfter);
 *       break;
 *     default:
 *       showError(`${err.title} (request ${err.requestId})`);
 *   }
 * }
 * ```
 */
export class SaaSReadyError extends Error {
  override readonly name = 'SaaSReadyError';
  /** HTTP status of the answer. */
  readonly status: number;
  /** Stable machine-readable code, e.g. `auth.token_expired`; `http_error` when the body was not a problem document. */
  readonly code: SaaSReadyErrorCode;
  /** Short human summary, e.g. `Token expired`. */
  readonly title: string;
  /** Human explanation of this occurrence, when the server gave one. */
  readonly detail: string | undefined;
  /** Field-level failures (`request.validation_failed`); empty otherwise. */
  readonly errors: FieldError[];
  /** Code-specific extras, e.g. `{ suggestion: 'acme-2' }` for `organization.slug_taken`; empty otherwise. */
  readonly meta: Record<string, unknown>;
  /** The server's request id (also in its logs and in the `X-Request-Id` header): quote it in bug reports. */
  readonly requestId: string | undefined;
  /** The problem `type` URI, e.g. `urn:saasready:problem:auth.token_expired`. */
  readonly type: string | undefined;
  /** The request path the problem is about. */
  readonly instance: string | undefined;
  /** Seconds to wait before retrying, from the `Retry-After` header (rate limits, lockouts, 503s). */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: SaaSReadyErrorCode;
    title: string;
    detail?: string | undefined;
    errors?: FieldError[] | undefined;
    meta?: Record<string, unknown> | undefined;
    requestId?: string | undefined;
    type?: string | undefined;
    instance?: string | undefined;
    retryAfter?: number | undefined;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.meta = init.meta ?? {};
    this.requestId = init.requestId;
    this.type = init.type;
    this.instance = init.instance;
    this.retryAfter = init.retryAfter;
  }

  /**
   * Builds the error for a failed response from its status, headers and body (already parsed as
   * JSON when it was JSON, else the raw text). A body that is not a problem document gives the code
   * `http_error` with the status text as title.
   *
   * @example
   * ```ts
   * const response = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
   * if (!response.ok) {
   *   const text = await response.text();
   *   let body: unknown = text;
   *   try { body = JSON.parse(text); } catch {}
   *   throw SaaSReadyError.fromResponse(response, body);
   * }
   * ```
   */
  static fromResponse(response: Pick<Response, 'status' | 'statusText' | 'headers'>, body: unknown): SaaSReadyError {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    const headerRequestId = response.headers.get('x-request-id') ?? undefined;
    if (isProblem(body)) {
      return new SaaSReadyError({
        status: response.status,
        code: body.code,
        title: body.title,
        detail: typeof body.detail === 'string' ? body.detail : undefined,
        errors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
        meta: body.meta && typeof body.meta === 'object' && !Array.isArray(body.meta) ? body.meta : {},
        requestId: typeof body.request_id === 'string' ? body.request_id : headerRequestId,
        type: typeof body.type === 'string' ? body.type : undefined,
        instance: typeof body.instance === 'string' ? body.instance : undefined,
        retryAfter,
      });
    }
    const text = typeof body === 'string' ? body.trim() : '';
    return new SaaSReadyError({
      status: response.status,
      code: 'http_error',
      title: response.statusText || `HTTP ${response.status}`,
      detail: text ? text.slice(0, 500) : undefined,
      requestId: headerRequestId,
      retryAfter,
    });
  }
}

function isProblem(body: unknown): body is ProblemDocument {
  if (!body || typeof body !== 'object') return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.title === 'string';
}

function isFieldError(value: unknown): value is FieldError {
  return Boolean(value) && typeof value === 'object' && typeof (value as FieldError).field === 'string' && typeof (value as FieldError).message === 'string';
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
