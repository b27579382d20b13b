/**
 * The platform operator's resources: the municipalities to onboard (`/api/v1/console/municipalities`),
 * onboarding (`POST /api/v1/console/tenants`), the demo mark, a tenant's export and its offboarding.
 * Typed on the contracts; problem+json answers become the typed errors of `http.ts` (the refusals a
 * page tells apart — `tenant-exists`, `export-required`, a wrong confirmation — by their problem type).
 */
import type { Municipality, Onboarded, OnboardingInput } from '@meldpunt/contracts';
import { apiBase, errorOf, isRecord, isText, NetworkError, request, type ApiError } from './http.ts';

/** The problem type of a refusal, as the service names it. */
export const problemTypes = {
  tenantExists: 'https://meldpunt.dev/problems/tenant-exists',
  exportRequired: 'https://meldpunt.dev/problems/export-required',
  validation: 'https://meldpunt.dev/problems/validation',
} as const;

/** Whether `error` is the API's refusal of this type. */
export function isProblem(error: unknown, type: string): error is ApiError {
  return isRecord(error) && isRecord(error['problem']) && error['problem']['type'] === type;
}

const isMunicipalityList = (value: unknown): value is Municipality[] =>
  Array.isArray(value) &&
  value.every(
    (m) =>
      isRecord(m) &&
      isText(m['code']) &&
      isText(m['name']) &&
      isText(m['slug']) &&
      (m['tenant'] === null || isText(m['tenant'])),
  );

const isOnboarded = (value: unknown): value is Onboarded =>
  isRecord(value) && isText(value['slug']) && isText(value['name']) && isText(value['invitationId']);

/** The municipalities whose name matches `q`, best first (at most 20). */
export function searchMunicipalities(q: string, signal?: AbortSignal): Promise<Municipality[]> {
  return request('/console/municipalities', isMunicipalityList, { query: { q }, ...(signal ? { signal } : {}) });
}

/** Onboards a municipality and invites its first admin (the mail is sent by the service). */
export function onboardMunicipality(input: OnboardingInput): Promise<Onboarded> {
  return request('/console/tenants', isOnboarded, { method: 'POST', body: input });
}

/** Marks a tenant as a demo tenant, or not. */
export async function setTenantDemo(slug: string, demo: boolean): Promise<void> {
  await request(`/console/tenants/${encodeURIComponent(slug)}/demo`, (v): v is unknown => isRecord(v), {
    method: 'PUT',
    body: { demo },
  });
}

/**
 * Downloads a tenant's whole export: fetched here (so the page knows it arrived complete) and handed
 * to the browser as a file. Answers the file name.
 */
export async function downloadTenantExport(slug: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}/console/tenants/${encodeURIComponent(slug)}/export`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json' },
    });
  } catch (error) {
    throw new NetworkError('No answer from the API', { cause: error });
  }
  if (!res.ok) throw await errorOf(res);
  const filename =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `tenant-${slug}.json`;
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch (error) {
    throw new NetworkError('The export broke off', { cause: error });
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return filename;
}

/** Deletes a tenant; `confirmSlug` must be its slug, and a complete export of the last 24 hours must exist. */
export async function offboardTenant(slug: string, confirmSlug: string): Promise<void> {
  await request(`/console/tenants/${encodeURIComponent(slug)}`, undefined, {
    method: 'DELETE',
    body: { confirmSlug },
  });
}
