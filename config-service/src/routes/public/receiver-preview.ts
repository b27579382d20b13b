import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { offsetDateTimeSchema, type RoutePreview } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { tenantOrigin } from '../../http/tenant-origin.ts';
import { validationHook } from '../../http/validation.ts';
import { followUpOf, routedTo } from '../../receivers/receiver-lookup.ts';

const querySchema = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  /** The report's `occurredAt`: areas valid on that date apply. Defaults to now. */
  at: offsetDateTimeSchema.optional(),
});

/**
 * `GET /api/v1/tenants/:slug/route?lat=&lng=[&at=]`: which tenant would receive a report placed there,
 * so the widget can tell the reporter before sending. The same decision as `POST …/reports` makes; nothing is stored
 * or logged (the point stays out of the logs: they carry the route pattern only).
 */
export function receiverPreviewRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('/:slug/route', tenantOrigin(deps))
    .get('/:slug/route', zValidator('query', querySchema, validationHook), async (c) => {
      const { lat, lng, at } = c.req.valid('query');
      const receiver = await deps.receivers.find(c.get('tenant'), { lat, lng }, at ?? new Date().toISOString());
      const body: RoutePreview = { routedTo: routedTo(receiver), followUp: followUpOf(receiver) };
      // A place someone was harassed at: not for shared caches.
      return c.json(body, 200, { 'Cache-Control': 'private, no-store' });
    });
}
