import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { originCheckInputSchema, settingsInputSchema } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { listTestDeliveries, sendTestDelivery } from '../../delivery/test-delivery.ts';
import { ProblemError } from '../../http/problem.ts';
import { signedInOf, staffTenantOf } from '../../http/staff-access.ts';
import { validationHook } from '../../http/validation.ts';
import { checkOrigin, readPrivateSettings, savePrivateSettings, settingsEtag } from '../../tenants/private-settings.ts';
import { findTenantBySlug } from '../../tenants/tenant-repository.ts';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * `/api/v1/console/tenants/:slug/settings` (tenant admins and the platform operator): the tenant's
 * private settings, never in the public config. `GET` answers them without secrets, with `ETag`;
 * `PUT` replaces them with `If-Match` (428 without, 412 when stale); the webhook secret is generated
 * by the service and shown once, in the answer of the save that made it. The origin check and the
 * test delivery (through the real outbox; its outcome by `GET …/test-delivery`) live here too.
 */
export function privateSettingsRoutes(deps: AppDeps) {
  const options = { allowPrivateAddresses: deps.allowPrivateAddresses ?? false };
  return new Hono<AppEnv>()
    .get('/:slug/settings', async (c) => {
      const view = await readPrivateSettings(deps.db, staffTenantOf(c).id);
      return c.json(view, 200, { ...noStore, ETag: settingsEtag(view.revision) });
    })
    .put('/:slug/settings', zValidator('json', settingsInputSchema, validationHook), async (c) => {
      const ifMatch = c.req.header('if-match');
      if (!ifMatch) {
        throw new ProblemError(428, 'if-match-required', 'Send the settings’ ETag in If-Match', {
          detail: 'Read the settings first (GET), then send their ETag with the change, so nobody’s save is lost.',
        });
      }
      const tenant = staffTenantOf(c);
      const view = await savePrivateSettings(
        deps,
        tenant.id,
        c.req.valid('json'),
        ifMatch,
        { kind: 'staff', id: signedInOf(c).staffId },
        options,
      );
      // Embed origins and the rate limit are read from the tenant cache: serve the new ones at once here.
      deps.tenants.invalidate(tenant.slug);
      return c.json(view, 200, { ...noStore, ETag: settingsEtag(view.revision) });
    })
    .post('/:slug/settings/origin-check', zValidator('json', originCheckInputSchema, validationHook), async (c) => {
      const tenant = await findTenantBySlug(deps.db, staffTenantOf(c).slug);
      const settings = tenant?.settings ?? { allowedOrigins: [] };
      return c.json(checkOrigin(settings, c.req.valid('json').origin, options), 200, noStore);
    })
    .post('/:slug/settings/test-delivery', async (c) => {
      const created = await sendTestDelivery(deps, staffTenantOf(c).id, { kind: 'staff', id: signedInOf(c).staffId });
      return c.json(created, 202, noStore);
    })
    .get('/:slug/settings/test-delivery', async (c) => {
      const testDeliveries = await listTestDeliveries(deps.db, staffTenantOf(c).id);
      return c.json({ testDeliveries }, 200, noStore);
    });
}
