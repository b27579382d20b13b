import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';

/**
 * `/api/v1/backoffice/tenants/:slug/…` for officers (issue 14): the inbox, one report, its handling,
 * notes, the contact reveal, sending a delivery again, the CSV export, the tenant's officers and the
 * team's saved views. The rules are in `http/staff-access.ts`.
 */
export function backofficeReportRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
