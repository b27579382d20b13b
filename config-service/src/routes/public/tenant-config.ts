import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { localeSchema } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { problems } from '../../http/problem.ts';
import { tenantOrigin } from '../../http/tenant-origin.ts';
import { validationHook } from '../../http/validation.ts';

const querySchema = z.object({ locale: localeSchema.optional() });

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
        'Cache-Control': 'public, max-age=60, stale-while-revalidate=600',
      };
      const inm = c.req.header('if-none-match');
      if (inm && inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === served.etag)) {
        return c.body(null, 304, headers);
      }
      return c.body(served.body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    });
}
