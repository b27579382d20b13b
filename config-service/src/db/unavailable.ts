/**
 * Tells the database being out of reach (down, stalled, restarting, out of connections, too slow)
 * from a query being wrong. The first passes when the request is sent again later; the app answers it
 * with 503 and Retry-After, the second is a bug (500).
 */

/** What pg and pg-pool say when the server does not answer or the connection is gone. */
const messages = new Set([
  'Query read timeout', // `query_timeout`: the server did not answer in time
  'timeout exceeded when trying to connect', // `connectionTimeoutMillis`: no free connection in the pool
  'Connection terminated due to connection timeout', // `connectionTimeoutMillis`: a new connection
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool', // shutting down
]);

/** Node's socket and name-lookup errors on the way to the server. */
const systemCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** PostgreSQL error codes (SQLSTATE) of a server that cannot take the query now. */
const sqlStates = new Set([
  '57014', // query_canceled: `statement_timeout`
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '25P03', // idle_in_transaction_session_timeout
]);

/**
 * Why `error` (or an error it wraps) means the database is out of reach — pg's message, the socket
 * error code or the SQLSTATE, fixed texts that are safe to log — or `undefined` when the query failed
 * for another reason.
 */
export function databaseUnavailableReason(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (messages.has(e.message)) return e.message;
    // Class 08: connection exception.
    if (typeof code === 'string' && (systemCodes.has(code) || sqlStates.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
      return code;
    }
    if (e instanceof AggregateError) {
      for (const inner of e.errors) {
        const reason = databaseUnavailableReason(inner);
        if (reason) return reason;
      }
    }
  }
  return undefined;
}
