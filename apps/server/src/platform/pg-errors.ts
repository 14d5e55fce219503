/** PostgreSQL unique violation (23505), from either driver, possibly wrapped by Drizzle. */
export function isUniqueViolation(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    if ((cur as { code?: string }).code === '23505') return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/** A deadlock (40P01) or serialisation failure (40001): the transaction did nothing and may simply run again. */
export function isTransient(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const code = (cur as { code?: string }).code;
    if (code === '40P01' || code === '40001') return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The database answered with an error (an error message of the protocol, with its severity and
 * SQLSTATE, from either driver, possibly wrapped): the statement, or the commit, failed there.
 * Otherwise the error is the connection's (ECONNRESET, "Connection terminated") or ours, and a
 * commit sent before it may or may not have happened.
 */
export function answeredByDatabase(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const { code, severity } = cur as { code?: unknown; severity?: unknown };
    if (typeof code === 'string' && typeof severity === 'string') return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
