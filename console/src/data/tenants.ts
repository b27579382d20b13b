/**
 * The console's tenants resource (`/api/v1/console/tenants`): the tenants the signed-in person may open,
 * each with its state (every tenant for the platform operator). Typed on the contracts
 * (`consoleTenantListSchema`).
 */
import type { ConsoleTenant } from '@meldpunt/contracts';
import { isRoles } from './auth.ts';
import { isDateTime, isRecord, isText, request } from './http.ts';

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** The tenant list as the API answers it: the parts the console shows. */
export function isTenantList(value: unknown): value is ConsoleTenant[] {
  return (
    Array.isArray(value) &&
    value.every(
      (tenant) =>
        isRecord(tenant) &&
        isText(tenant['slug']) &&
        isText(tenant['name']) &&
        typeof tenant['isDemo'] === 'boolean' &&
        (tenant['publishedVersion'] === null || isCount(tenant['publishedVersion'])) &&
        (tenant['lastReportAt'] === null || isDateTime(tenant['lastReportAt'])) &&
        isCount(tenant['failingDeliveries']) &&
        isCount(tenant['deliveryTargets']) &&
        isRoles(tenant['roles']),
    )
  );
}

export function listTenants(signal?: AbortSignal): Promise<ConsoleTenant[]> {
  return request('/console/tenants', isTenantList, signal ? { signal } : {});
}
