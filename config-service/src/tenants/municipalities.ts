/**
 * The Netherlands' municipalities, as the operator picks one to onboard: code and name from the
 * municipal areas in force (`area`, loaded on every start from the shipped CBS file or `pnpm
 * areas:import`), never their geometry, with the slug a tenant for it gets and its tenant if there is
 * one. Searching ignores case and accents, and ranks names that start with the words typed first.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, MultiPolygonCoordinates } from '../db/database.ts';

export interface MunicipalityListing {
  code: string;
  name: string;
  slug: string;
  /** The slug of the tenant serving it; null when not onboarded. */
  tenant: string | null;
}

/** Lower-case, without accents or apostrophes, every run of other non-alphanumerics one space. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The slug of a municipality's tenant: `'s-Hertogenbosch` → `s-hertogenbosch`, `Súdwest-Fryslân` → `sudwest-fryslan`. */
export function municipalitySlug(name: string): string {
  return foldName(name).replaceAll(' ', '-');
}

/** The id of the area set in force today (the latest valid from on or before today, else the earliest). */
async function currentAreaSet(db: Kysely<Database>): Promise<string | undefined> {
  const today = new Date().toISOString().slice(0, 10);
  const row = await db
    .selectFrom('area_set')
    .select('id')
    .orderBy(sql`case when valid_from <= ${today} then 0 else 1 end`)
    .orderBy(sql`case when valid_from <= ${today} then valid_from end`, 'desc')
    .orderBy('valid_from')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** Every municipality in force, by name, with its tenant. */
export async function listMunicipalities(db: Kysely<Database>): Promise<MunicipalityListing[]> {
  const setId = await currentAreaSet(db);
  if (!setId) return [];
  const rows = await db
    .selectFrom('area')
    .leftJoin('tenant', 'tenant.municipality_code', 'area.code')
    .select(['area.code', 'area.name', 'tenant.slug as tenant'])
    .where('area.set_id', '=', setId)
    .execute();
  return rows
    .map((r) => ({ code: r.code, name: r.name, slug: municipalitySlug(r.name), tenant: r.tenant }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * The municipalities whose name matches `query`, best first: names that start with it, then names
 * with a word that starts with it (`bosch` finds 's-Hertogenbosch), then names that contain it;
 * alphabetical within each. A CBS code (`GM0505`) finds its municipality too.
 */
export async function searchMunicipalities(
  db: Kysely<Database>,
  query: string,
  limit = 20,
): Promise<MunicipalityListing[]> {
  const q = foldName(query);
  if (!q) return [];
  const rank = (m: MunicipalityListing): number => {
    const name = foldName(m.name);
    if (m.code.toLowerCase() === q.replaceAll(' ', '')) return 0;
    if (name.startsWith(q)) return 1;
    if (` ${name}`.includes(` ${q}`)) return 2;
    if (name.includes(q) || name.replaceAll(' ', '').includes(q.replaceAll(' ', ''))) return 3;
    return Infinity;
  };
  return (await listMunicipalities(db))
    .map((m) => ({ m, rank: rank(m) }))
    .filter((r) => r.rank < Infinity)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => r.m);
}

/** One municipality in force with its outline's bounding box (for a new tenant's map). */
export async function findMunicipality(
  db: Kysely<Database>,
  code: string,
): Promise<
  { code: string; name: string; bounds: { south: number; west: number; north: number; east: number } } | undefined
> {
  const setId = await currentAreaSet(db);
  if (!setId) return undefined;
  const row = await db
    .selectFrom('area')
    .select(['code', 'name', 'geometry'])
    .where('set_id', '=', setId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  return { code: row.code, name: row.name, bounds: boundsOf(row.geometry) };
}

function boundsOf(geometry: MultiPolygonCoordinates) {
  const b = { south: 90, west: 180, north: -90, east: -180 };
  for (const polygon of geometry)
    for (const ring of polygon)
      for (const [lng = 0, lat = 0] of ring) {
        b.south = Math.min(b.south, lat);
        b.north = Math.max(b.north, lat);
        b.west = Math.min(b.west, lng);
        b.east = Math.max(b.east, lng);
      }
  return b;
}
