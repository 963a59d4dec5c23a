// Errors of reaching PostgreSQL, not of a statement: the same statement succeeds once the database
// is back. SQLSTATE class 08 (connection exception) and the shutdown codes of class 57.
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres says these in words only.
const CONNECTION_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|connection timeout|query read timeout|client has encountered a connection error|not queryable|cannot use a pool after calling end/i;

/** True when `error` (or the driver error a TypeORM error wraps) says the database is unreachable. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 3; depth++) {
    const { code, message, driverError } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
    };
    if (typeof code === 'string') {
      if (code.startsWith('08') || CONNECTION_SQLSTATES.has(code) || SOCKET_CODES.has(code)) {
        return true;
      }
    }
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
    current = driverError;
  }
  return false;
}
