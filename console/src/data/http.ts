/**
 * The console's one way to the API: same-origin JSON requests (the session cookie is `SameSite=Strict`,
 * so nothing else would carry it), answers typed by the contracts and checked by a guard of the resource
 * file, and problem+json errors turned into typed errors an element can tell apart. Elements never call
 * `fetch` themselves: they call the functions of `data/<resource>.ts`, which call this.
 *
 * The guards check by hand the parts the console relies on, as the widget's `api.ts` does: zod and the
 * contracts' schemas would weigh more than the whole first screen (`pnpm bench:console`), and the server,
 * on the same origin, already answers what its schemas allow.
 */
import type { Problem } from '@meldpunt/contracts';

/** Checks that an answer has the shape the console relies on. */
export type Guard<T> = (value: unknown) => value is T;

/** A string. */
export const isText = (value: unknown): value is string => typeof value === 'string';

/** A plain object (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A date-time text `Date.parse` understands. */
export const isDateTime = (value: unknown): value is string => isText(value) && !Number.isNaN(Date.parse(value));

/** Where the API lives: on the console's own origin. */
export const apiBase = '/api/v1';

/** The API answered with an error (problem+json when it could; otherwise a problem made from the status). */
export class ApiError extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** The problem details; `correlationId` is the reference an administrator can look up. */
  readonly problem: Problem;
  /** The whole problem+json body, for a problem type's own members (a 412's `current` draft); unchecked. */
  readonly body: unknown;

  constructor(problem: Problem, body?: unknown) {
    super(problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.body = body;
  }
}

/** 401: there is no session (never signed in, signed out, or it expired). */
export class NotSignedInError extends ApiError {
  override readonly name = 'NotSignedInError';
}

/** 404: it does not exist, or this person may not know it exists (another tenant's resources). */
export class NotFoundError extends ApiError {
  override readonly name = 'NotFoundError';
}

/** No answer at all: offline, the server down, or a broken answer on the way. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** The problem of an error answer: the parts of its problem+json body that have the right shape. */
async function problemOf(res: Response): Promise<{ problem: Problem; body: unknown }> {
  const problem: Problem = { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status };
  const body: unknown = (res.headers.get('content-type') ?? '').includes('json')
    ? await res.json().catch(() => undefined)
    : undefined;
  if (!isRecord(body)) return { problem, body };
  for (const key of ['type', 'title', 'detail', 'correlationId'] as const) {
    const value = body[key];
    if (isText(value)) problem[key] = value;
  }
  // Per-field errors of a 422 (JSON Pointer paths such as `/email`), for forms to put beside their fields.
  const errors = body['errors'];
  if (Array.isArray(errors)) {
    problem.errors = errors.filter(
      (e): e is { path: string; message: string } => isRecord(e) && isText(e['path']) && isText(e['message']),
    );
  }
  return { problem, body };
}

/** The typed error of an error answer. */
export async function errorOf(res: Response): Promise<ApiError> {
  const { problem, body } = await problemOf(res);
  if (res.status === 401) return new NotSignedInError(problem, body);
  if (res.status === 404) return new NotFoundError(problem, body);
  return new ApiError(problem, body);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Query parameters. */
  query?: Record<string, string>;
  /** More request headers (`If-Match` of an optimistic save). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Sends a request to `path` (below {@link apiBase}) and answers its body once `guard` accepts it, or
 * `undefined` for an answer without a body (pass no guard). Throws {@link ApiError} (or a subclass) for an
 * error answer, {@link NetworkError} when there is no usable answer.
 */
export async function request<T>(path: string, guard: Guard<T>, options?: RequestOptions): Promise<T>;
export async function request(path: string, guard?: undefined, options?: RequestOptions): Promise<undefined>;
export async function request(path: string, guard?: Guard<unknown>, options: RequestOptions = {}): Promise<unknown> {
  const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  let res: Response;
  try {
    res = await fetch(`${apiBase}${path}${query}`, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError('No answer from the API', { cause: error });
  }
  if (!res.ok) throw await errorOf(res);
  if (!guard) return undefined;
  const body: unknown = await res.json().catch(() => undefined);
  if (!guard(body)) throw new NetworkError(`Unexpected answer from ${path}`);
  return body;
}
