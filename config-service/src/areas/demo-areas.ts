import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { importAreaSet, type ImportAreaSetResult } from './area-repository.ts';
import { parseAreaCollection } from './geojson.ts';

/** The 342 municipalities of 2025 shipped with the project (CBS/Kadaster, CC BY 4.0; see `data/README.md`). */
export const demoAreasFile = fileURLToPath(new URL('../../data/nl-gemeenten-2025.geojson', import.meta.url));

/** The day the demo areas take effect. */
export const DEMO_AREAS_VALID_FROM = '2025-01-01';

/**
 * Imports the shipped 2025 municipalities, valid from 2025-01-01; idempotent (an unchanged file is
 * `unchanged`). Despite the name not only for the demo: see {@link importShippedAreasIfNone}.
 */
export async function importDemoAreas(db: Kysely<Database>, file = demoAreasFile): Promise<ImportAreaSetResult> {
  const features = parseAreaCollection(JSON.parse(readFileSync(file, 'utf8')), {
    codeProperty: 'statcode',
    nameProperty: 'statnaam',
  });
  return importAreaSet(db, { validFrom: DEMO_AREAS_VALID_FROM, source: basename(file), features });
}

/**
 * On start, in every mode: a database without any municipal areas gets the shipped 2025 ones, so reports
 * are routed by location from the first day (public reference data, not demo data). A database that
 * has areas — imported with `pnpm areas:import` or on an earlier start — is left alone; `undefined` then.
 */
export async function importShippedAreasIfNone(db: Kysely<Database>): Promise<ImportAreaSetResult | undefined> {
  const existing = await db.selectFrom('area_set').select('id').limit(1).executeTakeFirst();
  return existing ? undefined : importDemoAreas(db);
}
