import { Hono } from 'hono';
import type { ConsoleTenant } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { signedInOf } from '../../http/staff-access.ts';
import { tenantOverview } from '../../staff/tenant-overview.ts';

/**
 * `GET /api/v1/console/tenants`: the console's first page. The platform operator sees every tenant;
 * everyone else only the tenants of their memberships — never another's, not even its name.
 */
export function consoleTenantRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const signedIn = signedInOf(c);
    const overview = await tenantOverview(
      deps.db,
      signedIn.platformAdmin ? 'all' : signedIn.memberships.map((m) => m.tenantId),
    );
    const body: ConsoleTenant[] = overview.map((t) => ({
      slug: t.slug,
      name: t.name,
      isDemo: t.isDemo,
      publishedVersion: t.publishedVersion,
      lastReportAt: t.lastReportAt?.toISOString() ?? null,
      failingDeliveries: t.failingDeliveries,
      roles: signedIn.memberships.find((m) => m.tenantId === t.id)?.roles ?? [],
    }));
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });
}
