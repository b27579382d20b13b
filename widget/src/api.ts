// The widget's one way to the Meldpunt API: loading the config, sending a report and the route preview all
// go through `apiRequest`, which gives every request a deadline and turns every failure into an `ApiError`
// whose `kind` callers switch on — never a status code, never a request that hangs.
import type { FieldError, Problem, PublicTenantConfig } from '@meldpunt/contracts';

/**
 * The origin this script was loaded from: the API's default origin. The classic build loads this module
 * build too (`classic.ts`), so `import.meta.url` is right for both.
 */
export const scriptOrigin: string = new URL(import.meta.url).origin;

/**
 * How long one request may take, answer included, before it counts as failed: a reporter on a bad
 * connection sees "not sent, try again" after this, never a spinner forever.
 */
export const defaultTimeoutMs = 15_000;

/** What went wrong, in the terms the widget shows it in. */
export type ApiErrorKind =
  /** No answer: offline, DNS, CORS, a dropped connection, or no answer before the deadline (`timeout`). */
  | 'network'
  | 'timeout'
  /** 422 with field errors (`errors`, JSON Pointers into the body). */
  | 'validation'
  /** 429: try again after `retryAfterSeconds`. */
  | 'rate-limit'
  /** 403: this page's origin may not send to this tenant. */
  | 'origin-refused'
  | 'not-found'
  /** 5xx: quote `correlationId` to support. */
  | 'server'
  /** Any other 4xx. */
  | 'client';

export class ApiError extends Error {
  readonly status?: number;
  /** The problem's `type` URI, e.g. `https://meldpunt.dev/problems/outside-netherlands`. */
  readonly type?: string;
  readonly errors: FieldError[];
  readonly retryAfterSeconds?: number;
  readonly correlationId?: string;

  constructor(
    readonly kind: ApiErrorKind,
    details: { status?: number; problem?: Partial<Problem>; retryAfterSeconds?: number } = {},
  ) {
    super(kind);
    this.name = 'ApiError';
    this.status = details.status;
    this.type = details.problem?.type;
    this.errors = details.problem?.errors ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.correlationId = details.problem?.correlationId;
  }
}

export interface ApiRequest {
  /** The API's origin, without a trailing slash. */
  base: string;
  tenant: string;
  /** Below `/api/v1/tenants/{tenant}/`: `config`, `reports`, `route`. */
  resource: string;
  query?: Record<string, string | undefined>;
  /** Sent as JSON with POST; without it the request is a GET. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The caller's own cancellation (a newer question): rejects with its reason, not with an `ApiError`. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * One request to the API, answered with its JSON body. Rejects with an `ApiError` — or, when the
 * caller's `signal` aborted it, with that signal's reason. No cookies are sent.
 */
export async function apiRequest<T>(request: ApiRequest): Promise<T> {
  const { base, tenant, resource, query = {}, body, headers = {}, signal, timeoutMs = defaultTimeoutMs } = request;
  const url = new URL(`${base}/api/v1/tenants/${encodeURIComponent(tenant)}/${resource}`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);

  // The deadline and the caller's signal as one, by hand: `AbortSignal.any` is missing before Safari 17.4,
  // and a phone that lacks it must still be able to report.
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, timeoutMs);
  const cancel = () => deadline.abort(signal?.reason);
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel);

  let res: Response;
  let problem: Partial<Problem>;
  try {
    res = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      signal: deadline.signal,
      credentials: 'omit',
      cache: body === undefined ? 'default' : 'no-store',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // The body is read under the same deadline: an answer that stalls halfway is no answer.
    // 204 (feedback, withdrawal) has no body.
    if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
    problem = await readProblem(res);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(timedOut ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
  throw errorOf(res, problem);
}

/** The failure an answer that is not 2xx stands for. */
function errorOf(res: Response, problem: Partial<Problem>): ApiError {
  const status = res.status;
  const details = { status, problem };
  if (status === 422 && problem.errors?.length) return new ApiError('validation', details);
  if (status === 429) {
    return new ApiError('rate-limit', { ...details, retryAfterSeconds: Number(res.headers.get('retry-after')) || 60 });
  }
  if (status === 403 && problem.type?.endsWith('/origin-not-allowed')) return new ApiError('origin-refused', details);
  if (status === 404) return new ApiError('not-found', details);
  return new ApiError(status >= 500 ? 'server' : 'client', details);
}

/**
 * The parts of a problem+json body (contracts' `problemSchema`) the widget uses, each only if it has the
 * right shape. Checked by hand: zod would weigh more than the whole first step.
 */
async function readProblem(res: Response): Promise<Partial<Problem>> {
  const problem = ((await res.json().catch(() => undefined)) ?? {}) as Record<string, unknown>;
  const { type, errors, correlationId } = problem;
  const isText = (value: unknown): value is string => typeof value === 'string';
  return {
    type: isText(type) ? type : undefined,
    correlationId: isText(correlationId) ? correlationId : undefined,
    errors: Array.isArray(errors) ? errors.filter((e) => isText(e?.path) && isText(e?.message)) : undefined,
  };
}

export function fetchConfig(
  base: string,
  tenant: string,
  signal?: AbortSignal,
  timeoutMs?: number,
): Promise<PublicTenantConfig> {
  return apiRequest<PublicTenantConfig>({ base, tenant, resource: 'config', signal, timeoutMs });
}
