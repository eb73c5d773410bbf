// What of a failed query may reach the log: its SQL, never its parameters.

/**
 * What of an error may be logged. A failed Drizzle query carries its parameters (emails,
 * password hashes, token hashes) in its message, its stack and a `params` property: log the SQL
 * text (placeholders only), the SQLSTATE and the driver's message instead, with any echoed input
 * value (`…: "value"`) cut off.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { query, params, cause } = error as Error & { query?: unknown; params?: unknown; cause?: unknown };
  if (typeof query !== 'string' || !Array.isArray(params)) return error;
  const driver = (cause && typeof cause === 'object' ? cause : {}) as { code?: unknown; message?: unknown; constraint?: unknown; table?: unknown; column?: unknown };
  const driverMessage = typeof driver.message === 'string' ? driver.message.replace(/: ".*"$/s, ': [redacted]') : undefined;
  const safe = new Error(`Failed query: ${query}${driverMessage ? ` (${driverMessage})` : ''}`) as Error & Record<string, unknown>;
  safe.name = error.name;
  safe.stack = [`${error.name}: ${safe.message}`, ...(error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))].join('\n');
  for (const key of ['code', 'constraint', 'table', 'column'] as const) {
    if (typeof driver[key] === 'string') safe[key] = driver[key];
  }
  return safe;
}
