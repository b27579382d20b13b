/**
 * The tenant's audit log (`/api/v1/console/tenants/:slug/audit…`): pages newest first with a cursor
 * (`before`), optionally of one action, with the people each page names (for display; the entries keep
 * ids); the chain's verification; and the export URLs (plain downloads: the browser saves the file, and the
 * service records the export in the log). Typed on the contracts (`tenantAuditPageSchema`,
 * `auditVerificationSchema`).
 */
import type { AuditEntryView, AuditVerification, TenantAuditPage } from '@meldpunt/contracts';
import { apiBase, isDateTime, isRecord, isText, request } from './http.ts';

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function isEntry(value: unknown): value is AuditEntryView {
  return (
    isRecord(value) &&
    isText(value['id']) &&
    isCount(value['sequence']) &&
    isDateTime(value['occurredAt']) &&
    (value['actor'] === null || (isRecord(value['actor']) && isText(value['actor']['kind']))) &&
    isText(value['action']) &&
    (value['target'] === null || (isRecord(value['target']) && isText(value['target']['id']))) &&
    isRecord(value['details'])
  );
}

export function isAuditPage(value: unknown): value is TenantAuditPage {
  return (
    isRecord(value) &&
    Array.isArray(value['entries']) &&
    value['entries'].every(isEntry) &&
    (value['nextBefore'] === null || isCount(value['nextBefore'])) &&
    isRecord(value['people']) &&
    Object.values(value['people']).every((p) => isRecord(p) && isText(p['name']) && isText(p['email']))
  );
}

function isVerification(value: unknown): value is AuditVerification {
  return (
    isRecord(value) &&
    typeof value['intact'] === 'boolean' &&
    isCount(value['entries']) &&
    Array.isArray(value['problems']) &&
    value['problems'].every((p) => isRecord(p) && isCount(p['sequence']))
  );
}

const base = (slug: string) => `/console/tenants/${encodeURIComponent(slug)}/audit`;

/** One page, newest first: older than `before` (a previous page's `nextBefore`), only `action` when given. */
export function readAudit(
  slug: string,
  options: { before?: number | undefined; action?: string | undefined; signal?: AbortSignal } = {},
): Promise<TenantAuditPage> {
  const query: Record<string, string> = {};
  if (options.before !== undefined) query['before'] = String(options.before);
  if (options.action) query['action'] = options.action;
  return request(base(slug), isAuditPage, { query, ...(options.signal ? { signal: options.signal } : {}) });
}

export function verifyAudit(slug: string, signal?: AbortSignal): Promise<AuditVerification> {
  return request(`${base(slug)}/verify`, isVerification, signal ? { signal } : {});
}

/** The download URL of the whole log in `format` (a link the browser follows; the file is saved). */
export function auditExportUrl(slug: string, format: 'jsonl' | 'csv'): string {
  return `${apiBase}${base(slug)}/export?format=${format}`;
}
