// Recognising database errors by SQLSTATE, whichever driver raised them (Drizzle wraps them in `cause`).

function sqlState(err: unknown): { code?: string; constraint?: string } {
  let current: unknown = err;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
    }
    current = e.cause;
  }
  return {};
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const state = sqlState(err);
  return state.code === '23505' && (constraint === undefined || state.constraint === constraint);
}

/** A row whose foreign key names a row that is gone (deleted by a transaction that committed first). */
export function isForeignKeyViolation(err: unknown, constraint?: string): boolean {
  const state = sqlState(err);
  return state.code === '23503' && (constraint === undefined || state.constraint === constraint);
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** True when the error means "the database is not reachable right now" (answer 503, not 500). */
export function isDatabaseUnavailable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string') {
      if (CONNECTION_CODES.has(e.code)) return true;
      // 08xxx connection exceptions, 57P0x admin/crash shutdown, 53300 too many connections — but not
      // 08P01, a protocol violation: the client library sent a bad message (65,536+ bind parameters
      // wrap the Bind message's 16-bit count). Retrying cannot help; it is our bug, a logged 500.
      if (e.code === '08P01') return false;
      if (/^(08...|57P0.|53300)$/.test(e.code)) return true;
    }
    if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message)) {
      return true;
    }
    current = e.cause;
  }
  return false;
}
