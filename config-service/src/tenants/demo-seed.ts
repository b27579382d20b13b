import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { importTenant, type ImportResult } from './tenant-service.ts';

/** The demo tenants shipped in `config-service/seeds/`. */
export const demoSeedDir = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** Imports every demo tenant; idempotent (an unchanged seed changes nothing). */
export async function seedDemoTenants(db: Kysely<Database>, dir = demoSeedDir): Promise<ImportResult[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const results: ImportResult[] = [];
  for (const file of files) {
    results.push(await importTenant(db, JSON.parse(readFileSync(join(dir, file), 'utf8'))));
  }
  return results;
}
