/**
 * Area sets in the database: `area_set` (one imported boundary file per validity date) and `area` (its
 * municipalities, geometry as GeoJSON MultiPolygon coordinates in jsonb).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { isPlainDate } from './area-catalog.ts';
import { compareCodes } from './area-index.ts';
import type { AreaFeature, AreaSet } from './types.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ImportAreaSetInput {
  /** First day the areas are in force, `YYYY-MM-DD` (municipal mergers take effect on 1 January). */
  validFrom: string;
  /** Where the areas came from, e.g. the file name. */
  source: string;
  features: readonly AreaFeature[];
}

export interface ImportAreaSetResult {
  /** `created`: a new validity date; `replaced`: that date's areas changed; `unchanged`: identical re-import. */
  outcome: 'created' | 'replaced' | 'unchanged';
  /** Number of areas in the set. */
  count: number;
}

/** Rows per insert statement: three parameters each, far below PostgreSQL's limit of 65,535. */
const INSERT_CHUNK = 500;

/**
 * Stores the areas valid from `validFrom`, in one transaction. Importing the same areas again changes
 * nothing (`unchanged`, compared by a content hash); different areas for an existing date replace that
 * date's areas (`replaced`).
 * @throws {RangeError} when `validFrom` is not a real `YYYY-MM-DD` date, there are no areas or a code repeats.
 */
export async function importAreaSet(db: Kysely<Database>, input: ImportAreaSetInput): Promise<ImportAreaSetResult> {
  if (!isPlainDate(input.validFrom)) {
    throw new RangeError(`validFrom must be a date as YYYY-MM-DD, not ${JSON.stringify(input.validFrom)}`);
  }
  if (input.features.length === 0) throw new RangeError('an area set needs at least one area');
  const features = [...input.features].sort((a, b) => compareCodes(a.code, b.code));
  features.forEach((f, i) => {
    if (f.code === features[i - 1]?.code) throw new RangeError(`area code ${f.code} occurs more than once`);
  });
  const contentHash = areaContentHash(features);
  const count = features.length;

  return db.transaction().execute(async (trx) => {
    // Insert-or-nothing first, so two concurrent imports of one date wait for each other instead of failing.
    const created = await trx
      .insertInto('area_set')
      .values({ valid_from: input.validFrom, source: input.source, content_hash: contentHash })
      .onConflict((oc) => oc.column('valid_from').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (created) {
      await insertAreas(trx, created.id, features);
      return { outcome: 'created', count };
    }
    const existing = await trx
      .selectFrom('area_set')
      .select(['id', 'content_hash'])
      .where('valid_from', '=', input.validFrom)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (existing.content_hash === contentHash) return { outcome: 'unchanged', count };
    await trx.deleteFrom('area').where('set_id', '=', existing.id).execute();
    await trx
      .updateTable('area_set')
      .set({ source: input.source, content_hash: contentHash, imported_at: sql<Date>`now()` })
      .where('id', '=', existing.id)
      .execute();
    await insertAreas(trx, existing.id, features);
    return { outcome: 'replaced', count };
  });
}

/** Every area set with its areas, oldest `validFrom` first, areas by code. */
export async function loadAreaSets(db: Db): Promise<AreaSet[]> {
  // `date` as text: node-postgres would turn it into a Date at local midnight.
  const rows = await db
    .selectFrom('area_set as s')
    .innerJoin('area as a', 'a.set_id', 's.id')
    .select([sql<string>`to_char(s.valid_from, 'YYYY-MM-DD')`.as('valid_from'), 'a.code', 'a.name', 'a.geometry'])
    .orderBy('s.valid_from')
    .orderBy('a.code')
    .execute();
  const sets: AreaSet[] = [];
  for (const row of rows) {
    let set = sets.at(-1);
    if (!set || set.validFrom !== row.valid_from) {
      set = { validFrom: row.valid_from, features: [] };
      sets.push(set);
    }
    set.features.push({ code: row.code, name: row.name, geometry: row.geometry });
  }
  // Sorted in SQL by collation; the catalog and index rely on code-unit order.
  for (const set of sets) set.features.sort((a, b) => compareCodes(a.code, b.code));
  return sets;
}

/**
 * A short value that changes whenever an area set is created or replaced (and stays the same on an
 * unchanged re-import), from one cheap query: a running server compares it to rebuild its catalog.
 */
export async function areaSetsFingerprint(db: Db): Promise<string> {
  const row = await db
    .selectFrom('area_set')
    .select(
      sql<string>`md5(count(*)::text || ':' || coalesce(string_agg(id::text || '/' || content_hash, ',' order by valid_from), ''))`.as(
        'fingerprint',
      ),
    )
    .executeTakeFirstOrThrow();
  return row.fingerprint;
}

/** SHA-256 of a canonical JSON of the areas sorted by code: equal for equal content, whatever the input order. */
export function areaContentHash(features: readonly AreaFeature[]): string {
  const canonical = [...features].sort((a, b) => compareCodes(a.code, b.code)).map((f) => [f.code, f.name, f.geometry]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

async function insertAreas(trx: Transaction<Database>, setId: string, features: readonly AreaFeature[]): Promise<void> {
  for (let i = 0; i < features.length; i += INSERT_CHUNK) {
    await trx
      .insertInto('area')
      .values(
        features.slice(i, i + INSERT_CHUNK).map((f) => ({
          set_id: setId,
          code: f.code,
          name: f.name,
          geometry: JSON.stringify(f.geometry),
        })),
      )
      .execute();
  }
}
