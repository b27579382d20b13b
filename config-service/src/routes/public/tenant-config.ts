import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { localeSchema } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { problems } from '../../http/problem.ts';
import { tenantOrigin } from '../../http/tenant-origin.ts';
import { validationHook } from '../../http/validation.ts';

const querySchema = z.object({ locale: localeSchema.optional() });

/**
 * How long browsers and caches keep a config: 45 s, then they revalidate (a 304 by ETag when nothing
 * changed). No stale-while-revalidate: it would show an old config after a publish for longer. With
 * the service's own refresh (at most 2 × `CONFIG_REFRESH_MS`, ≤ 15 s) a publish shows on every page
 * load within 45 + 15 = 60 s.
 */
export const publicConfigCacheControl = 'public, max-age=45';

/** `GET /api/v1/tenants/:slug/config`: the published public config, from memory, with ETag. */
export function tenantConfigRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('/:slug/config', tenantOrigin(deps))
    .get('/:slug/config', zValidator('query', querySchema, validationHook), async (c) => {
      const { locale } = c.req.valid('query');
      const served = await deps.tenants.config(c.req.param('slug'), locale);
      if (!served) throw problems.notFound('No reporting point with this name');
      const headers = {
        ETag: served.etag,
        'Cache-Control': publicConfigCacheControl,
      };
      const inm = c.req.header('if-none-match');
      if (inm && inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === served.etag)) {
        return c.body(null, 304, headers);
      }
      return c.body(served.body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    });
}
