// Response-schema pieces shared by every route file.

/** Reference to the shared RFC 9457 Problem schema (registered by the openapi plugin). */
export const problem = { $ref: 'Problem#' } as const;

/** The error answers any route may give; each route adds its success statuses. */
export const problemResponses = {
  400: problem,
  401: problem,
  403: problem,
  404: problem,
  409: problem,
  422: problem,
  429: problem,
  503: problem,
} as const;
