/**
 * `GET /api/v1/console/tenants`: the tenants a signed-in person may open in the console — their
 * memberships, or every tenant for the platform operator — each with its state at a glance.
 */
import { z } from 'zod';
import { tenantRoleSchema } from './staff.ts';
import { tenantSlugSchema } from './tenant-config.ts';
import { text } from './text.ts';

export const consoleTenantSchema = z.strictObject({
  slug: tenantSlugSchema,
  /** Its display name (the published config's name, else its slug). */
  name: text().max(200),
  /** A demo tenant (seeded by `pnpm start`), marked as such wherever it is listed. */
  demo: z.boolean(),
  /** The published config's version; `null` before the first publish. */
  publishedVersion: z.number().int().positive().nullable(),
  /** When its last report came in; `null` for none. */
  lastReportAt: text(z.iso.datetime({ offset: true })).nullable(),
  /** Deliveries (mail, webhook) that are failing now. */
  failingDeliveries: z.number().int().min(0),
  /** The signed-in person's roles here (empty for a platform operator without a membership). */
  roles: z.array(tenantRoleSchema),
});
export type ConsoleTenant = z.infer<typeof consoleTenantSchema>;

export const consoleTenantListSchema = z.array(consoleTenantSchema);
