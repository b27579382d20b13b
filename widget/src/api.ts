import type { FieldError, PublicTenantConfig } from '@meldpunt/contracts';

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
