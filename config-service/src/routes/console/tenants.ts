import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import {
  offboardingInputSchema,
  onboardingInputSchema,
  tenantDemoInputSchema,
  type ConsoleTenant,
  type Onboarded,
} from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { problems } from '../../http/problem.ts';
import { signedInOf, staffTenantOf } from '../../http/staff-access.ts';
import { streamBody } from '../../http/stream-body.ts';
import { validationHook } from '../../http/validation.ts';
import { tenantOverview } from '../../staff/tenant-overview.ts';
import { exportTenant, offboardTenant } from '../../tenants/offboarding.ts';
import { onboardMunicipality, setTenantDemo } from '../../tenants/onboarding.ts';

/**
 * `/api/v1/console/tenants…`: the console's first page, and the platform operator's onboarding and
 * offboarding (rules in `http/staff-access.ts`).
 * - `GET /`: the platform operator sees every tenant; everyone else only the tenants of their
 *   memberships — never another's, not even its name.
 * - `POST /`: onboard a municipality (tenant, default config, first admin's invitation mailed).
 * - `PUT /:slug/demo`: mark a demo tenant (audited in the platform chain).
 * - `GET /:slug/export`: the whole tenant as one JSON download, contact details opened (audited first).
 * - `DELETE /:slug` `{ confirmSlug }`: delete the tenant, after a complete export of the last 24 hours.
 */
export function consoleTenantRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
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
        deliveryTargets: t.deliveryTargets,
        roles: signedIn.memberships.find((m) => m.tenantId === t.id)?.roles ?? [],
      }));
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/', zValidator('json', onboardingInputSchema, validationHook), async (c) => {
      const input = c.req.valid('json');
      const onboarded = await onboardMunicipality(
        { ...deps, invitationMail: deps },
        { ...input, actorId: signedInOf(c).staffId },
      );
      deps.tenants.invalidate(onboarded.slug);
      void deps.receivers.refresh().catch(() => {});
      const body: Onboarded = {
        slug: onboarded.slug,
        name: onboarded.name,
        municipalityCode: onboarded.municipalityCode,
        isDemo: onboarded.isDemo,
        invitationId: onboarded.invitationId,
        invitationExpiresAt: onboarded.invitationExpiresAt.toISOString(),
      };
      return c.json(body, 201, { 'Cache-Control': 'no-store', Location: `/api/v1/console/tenants/${onboarded.slug}` });
    })
    .put('/:slug/demo', zValidator('json', tenantDemoInputSchema, validationHook), async (c) => {
      const tenant = staffTenantOf(c);
      const { demo } = c.req.valid('json');
      const actor = { kind: 'staff', id: signedInOf(c).staffId } as const;
      const changed = await deps.auditLog.transaction(async (trx, append) => {
        if (!(await setTenantDemo(trx, tenant.id, demo))) return false;
        await append({
          tenantId: null,
          actor,
          action: 'tenant.demo-changed',
          target: { kind: 'tenant', id: tenant.id },
          details: { demo },
        });
        return true;
      });
      if (!changed) throw problems.notFound();
      deps.tenants.invalidate(tenant.slug);
      return c.json({ slug: tenant.slug, isDemo: demo }, 200, { 'Cache-Control': 'no-store' });
    })
    .get('/:slug/export', async (c) => {
      const exported = await exportTenant(deps, staffTenantOf(c).id, signedInOf(c).staffId);
      if (!exported) throw problems.notFound();
      return c.body(streamBody(exported.chunks), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exported.filename}"`,
        'Cache-Control': 'no-store',
      });
    })
    .delete('/:slug', zValidator('json', offboardingInputSchema, validationHook), async (c) => {
      const tenant = staffTenantOf(c);
      const removed = await offboardTenant(deps, tenant.id, c.req.valid('json').confirmSlug, signedInOf(c).staffId);
      if (!removed) throw problems.notFound();
      deps.tenants.invalidate(tenant.slug);
      void deps.receivers.refresh().catch(() => {});
      return c.body(null, 204);
    });
}
