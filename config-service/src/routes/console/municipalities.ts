import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { municipalitySearchQuerySchema, type Municipality } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { validationHook } from '../../http/validation.ts';
import { searchMunicipalities } from '../../tenants/municipalities.ts';

/**
 * `GET /api/v1/console/municipalities?q=dord` (the platform operator): the municipalities whose name
 * matches, best first, each with its code, the slug its tenant gets and its tenant if onboarded — for
 * the onboarding page's search. Names and codes only: no geometry goes to the console.
 */
export function municipalityRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', zValidator('query', municipalitySearchQuerySchema, validationHook), async (c) => {
    const found = await searchMunicipalities(deps.db, c.req.valid('query').q);
    const body: Municipality[] = found.map((m) => ({ code: m.code, name: m.name, slug: m.slug, tenant: m.tenant }));
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });
}
