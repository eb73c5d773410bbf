// Response-schema pieces shared by every route file.

/** Reference to the shared RFC 9457 Problem schema (registered by the openapi plugin). */
export const problem = { $ref: 'Problem#' } as const;

/** A problem response with its OpenAPI description (the `code` says which rule refused). */
export const problemAnswer = (description: string) => ({ ...problem, description });

/** The error answers any route may give; each route adds its success statuses. */
export const problemResponses = {
  400: problemAnswer('Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field)'),
  401: problemAnswer('Not authenticated: no credential, or an invalid, expired or revoked one'),
  403: problemAnswer('Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action'),
  404: problemAnswer('Not found: no such resource, or one the caller may not see (another organization’s is a 404 too)'),
  409: problemAnswer('Conflict with the current state: a taken name or email, the last Owner, a pending invitation…'),
  422: problemAnswer('Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body'),
  429: problemAnswer('Too many requests: try again after `Retry-After` seconds'),
  503: problemAnswer('Service unavailable: the database cannot be reached; try again shortly'),
} as const;

/**
 * A success response with its OpenAPI description (without one the document says "Default
 * Response"). The schema itself is unchanged for the serializer: `description` is an annotation.
 */
export const ok = <T extends object>(description: string, schema: T): T => ({ ...schema, description });
