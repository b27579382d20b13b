import type { FieldError, Problem, PublicTenantConfig, ReportCreated, ReportInputBody } from '@meldpunt/contracts';

/**
 * The origin this script was loaded from: the API's default origin. Read while the script runs
 * (`document.currentScript` only exists then, and only for the classic build).
 */
export const scriptOrigin: string = (() => {
  const current = document.currentScript as HTMLScriptElement | null;
  try {
    return new URL(current?.src || import.meta.url).origin;
  } catch {
    return location.origin;
  }
})();

export class ApiError extends Error {
  constructor(
    readonly kind: 'network' | 'server' | 'validation' | 'rate-limit' | 'not-found' | 'client',
    readonly status?: number,
    readonly errors: FieldError[] = [],
    readonly retryAfterSeconds?: number,
    /** The problem's `type` URI, e.g. `https://meldpunt.dev/problems/outside-netherlands`. */
    readonly type?: string,
  ) {
    super(kind);
    this.name = 'ApiError';
  }
}

export async function fetchConfig(apiBase: string, tenant: string, signal?: AbortSignal): Promise<PublicTenantConfig> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}/api/v1/tenants/${encodeURIComponent(tenant)}/config`, {
      signal,
      credentials: 'omit',
      headers: { Accept: 'application/json' },
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('network');
  }
  if (!res.ok) throw new ApiError(res.status === 404 ? 'not-found' : 'server', res.status);
  return (await res.json()) as PublicTenantConfig;
}

/**
 * Sends a report. The same `idempotencyKey` for every attempt of one draft: a double click or a
 * retry after a lost answer never stores two reports. No cookies are sent.
 */
export async function sendReport(
  apiBase: string,
  tenant: string,
  body: ReportInputBody,
  idempotencyKey: string,
): Promise<ReportCreated> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}/api/v1/tenants/${encodeURIComponent(tenant)}/reports`, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network');
  }
  if (res.status === 201) return (await res.json()) as ReportCreated;
  const problem = (await res.json().catch(() => undefined)) as Problem | undefined;
  if (res.status === 429) {
    throw new ApiError('rate-limit', 429, [], Number(res.headers.get('retry-after')) || 60);
  }
  if (res.status >= 500) throw new ApiError('server', res.status);
  if (res.status === 422 && problem?.errors?.length) {
    throw new ApiError('validation', 422, problem.errors, undefined, problem.type);
  }
  throw new ApiError('client', res.status);
}
