/**
 * Tells a temporary delivery failure (retry later) from a permanent one (stop now), and names it
 * with a short class for the outbox row and the logs — never the error message, which may quote
 * server replies or data.
 */
export interface FailureClass {
  temporary: boolean;
  /** `smtp-550`, `http-503`, `ECONNREFUSED`, `timeout`, … */
  errorClass: string;
}

/** A webhook endpoint answered with a status that is not 2xx. */
export class HttpStatusError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`The endpoint answered HTTP ${status}`);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

/** A failure that no retry can fix (a missing key, a removed channel): fails the delivery at once. */
export class PermanentDeliveryError extends Error {
  readonly errorClass: string;
  constructor(errorClass: string, message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
    this.errorClass = errorClass;
  }
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

interface ErrorLike {
  name?: string;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  cause?: unknown;
}

export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof PermanentDeliveryError) return { temporary: false, errorClass: error.errorClass };
  if (error instanceof HttpStatusError) {
    const { status } = error;
    // 5xx and 429 (too many requests) are worth another try; other 4xx (and redirects) are not.
    const temporary = status >= 500 || status === 429;
    return { temporary, errorClass: `http-${status}` };
  }
  const e = (error ?? {}) as ErrorLike;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return { temporary: true, errorClass: 'timeout' };
  // SMTP replies: 4xx is transient, 5xx permanent (RFC 5321), except 503 "bad sequence", a session problem.
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    const temporary = e.responseCode < 500 || e.responseCode === 503;
    return { temporary, errorClass: `smtp-${e.responseCode}` };
  }
  // Node's system errors, also when nodemailer or fetch wrapped them (`originalCode`, `cause`).
  const cause = (e.cause ?? {}) as ErrorLike;
  for (const code of [e.originalCode, e.code, cause.code]) {
    if (code && networkCodes.has(code)) return { temporary: true, errorClass: code };
  }
  if (e.code === 'ETIMEDOUT' || e.code === 'ECONNECTION' || e.code === 'ESOCKET' || e.code === 'EDNS') {
    return { temporary: true, errorClass: e.code };
  }
  // Anything else (TLS trouble, an unknown error) might be fixed by the operator in time: retry,
  // and give up only after DELIVERY_GIVE_UP_MS. Nothing is lost by retrying.
  const name = e.code ?? (e.name && e.name !== 'Error' ? e.name : 'error');
  return { temporary: true, errorClass: String(name).slice(0, 40) };
}
