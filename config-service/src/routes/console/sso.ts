import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { ssoSettingsInputSchema, type SsoSettingsView } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { signedInOf, staffTenantOf } from '../../http/staff-access.ts';
import { validationHook } from '../../http/validation.ts';
import { removeSsoSettings, saveSsoSettings, ssoSettingsView } from '../../staff/sso/sso-settings.ts';
import { ssoRedirectUri } from '../../staff/sso/sso-sign-in.ts';

/**
 * `/api/v1/console/tenants/:slug/sso` (tenant admins and the platform operator): the tenant's single
 * sign-on. The client secret is write-only — the answer says only that one is set — and saving runs
 * discovery at the issuer first (422 `sso-discovery-failed` when it does not answer). Saving and
 * removing are audited without the secret.
 */
export function ssoSettingsRoutes(deps: AppDeps) {
  const view = async (tenantId: string): Promise<SsoSettingsView> => {
    const row = await ssoSettingsView(deps.db, tenantId);
    return {
      redirectUri: ssoRedirectUri(deps.publicOrigin),
      settings: row
        ? {
            issuer: row.issuer,
            clientId: row.client_id,
            clientSecretSet: true,
            allowedEmailDomains: row.allowed_email_domains,
            enabled: row.enabled,
            updatedAt: row.updated_at.toISOString(),
          }
        : null,
    };
  };
  return new Hono<AppEnv>()
    .get('/:slug/sso', async (c) => c.json(await view(staffTenantOf(c).id), 200, { 'Cache-Control': 'no-store' }))
    .put('/:slug/sso', zValidator('json', ssoSettingsInputSchema, validationHook), async (c) => {
      const tenant = staffTenantOf(c);
      await saveSsoSettings(
        deps,
        tenant.id,
        c.req.valid('json'),
        { kind: 'staff', id: signedInOf(c).staffId },
        { allowLoopbackHttp: deps.ssoAllowLoopbackHttp ?? false },
      );
      return c.json(await view(tenant.id), 200, { 'Cache-Control': 'no-store' });
    })
    .delete('/:slug/sso', async (c) => {
      await removeSsoSettings(deps, staffTenantOf(c).id, { kind: 'staff', id: signedInOf(c).staffId });
      return c.body(null, 204);
    });
}
