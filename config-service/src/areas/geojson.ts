/**
 * Reading a boundary file: a GeoJSON FeatureCollection of municipalities (Polygons and MultiPolygons in
 * WGS84), checked with zod, into `AreaFeature`s. Every problem is reported with where it is, so a wrong
 * file can be fixed without guessing.
 */
import { z } from 'zod';
import type { AreaFeature, MultiPolygonCoordinates } from './types.ts';

/** A boundary file that cannot be imported; `problems` lists each thing that is wrong and where. */
export class AreaFileError extends Error {
  override name = 'AreaFileError';
  /** One line per problem, e.g. `feature 12 (GM0505): ring 0 is not closed`. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const shown = problems.slice(0, MAX_PROBLEMS_IN_MESSAGE);
    const more = problems.length - shown.length;
    super(more > 0 ? `${shown.join('\n')}\n… and ${more} more problems` : shown.join('\n'));
    this.problems = problems;
  }
}

/** Which feature properties hold the area's code and name (`statcode` and `statnaam` in CBS files). */
export interface AreaPropertyNames {
  codeProperty: string;
  nameProperty: string;
}

const MAX_PROBLEMS_IN_MESSAGE = 20;

/** [lng, lat] or [lng, lat, altitude]; the altitude is dropped. */
const positionSchema = z
  .array(z.number({ error: 'is not a finite number' }), { error: 'is not an array of numbers' })
  .min(2, 'has fewer than 2 coordinates')
  .max(3, 'has more than 3 coordinates')
  .superRefine((position, ctx) => {
    const [lng, lat] = position;
    if (lng !== undefined && (lng < -180 || lng > 180)) {
      ctx.addIssue({ code: 'custom', message: `longitude ${lng} is outside -180…180 (is the file in WGS84?)` });
    }
    if (lat !== undefined && (lat < -90 || lat > 90)) {
      ctx.addIssue({ code: 'custom', message: `latitude ${lat} is outside -90…90 (is the file in WGS84?)` });
    }
  });

const ringSchema = z
  .array(positionSchema, { error: 'is not an array of positions' })
  .min(4, 'has fewer than 4 positions')
  .superRefine((ring, ctx) => {
    const first = ring[0];
    const last = ring.at(-1);
    if (ring.length >= 4 && first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      ctx.addIssue({ code: 'custom', message: 'is not closed (its last position differs from its first)' });
    }
  });

/** Outer ring first, then holes. */
const polygonSchema = z.array(ringSchema, { error: 'is not an array of rings' }).min(1, 'has no rings');

const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonSchema }),
  z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(polygonSchema, { error: 'is not an array of polygons' }).min(1, 'has no polygons'),
  }),
]);

const featureSchema = z.object({
  type: z.literal('Feature', { error: 'is not a GeoJSON Feature (type must be "Feature")' }),
  properties: z.record(z.string(), z.unknown(), { error: 'has no properties object' }).nullable(),
  geometry: z.unknown(),
});

const collectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

const labelSchema = z.string().trim().min(1);

/**
 * Checks a parsed GeoJSON document and returns its areas, each geometry as a MultiPolygon (a Polygon
 * becomes a one-part MultiPolygon; altitudes are dropped).
 *
 * Accepted: a FeatureCollection with at least one Feature, each with a Polygon or MultiPolygon of closed
 * rings of at least 4 finite [lng, lat] positions in WGS84 range, and non-empty string properties for the
 * code and the name; codes must be unique.
 *
 * @throws {AreaFileError} listing every problem with the feature index and code, e.g.
 *   `feature 12 (GM0505): ring 0 is not closed (its last position differs from its first)`.
 */
export function parseAreaCollection(json: unknown, options: AreaPropertyNames): AreaFeature[] {
  const collection = collectionSchema.safeParse(json);
  if (!collection.success) {
    throw new AreaFileError([
      'not a GeoJSON FeatureCollection (expected an object with "type": "FeatureCollection" and a "features" array)',
    ]);
  }
  if (collection.data.features.length === 0) throw new AreaFileError(['the FeatureCollection has no features']);

  const problems: string[] = [];
  const areas: AreaFeature[] = [];
  const firstIndexOfCode = new Map<string, number>();
  collection.data.features.forEach((raw, index) => {
    const before = problems.length;
    const feature = featureSchema.safeParse(raw);
    if (!feature.success) {
      for (const issue of feature.error.issues) {
        problems.push(`feature ${index}: ${issue.path.length > 0 ? `${issue.path.join('.')} ` : ''}${issue.message}`);
      }
      return;
    }
    const properties = feature.data.properties ?? {};
    const code = labelSchema.safeParse(properties[options.codeProperty]);
    const label = code.success ? `feature ${index} (${code.data})` : `feature ${index}`;
    if (!code.success) problems.push(`${label}: ${describeLabelProblem(properties, options.codeProperty)}`);
    const name = labelSchema.safeParse(properties[options.nameProperty]);
    if (!name.success) problems.push(`${label}: ${describeLabelProblem(properties, options.nameProperty)}`);
    if (code.success) {
      const earlier = firstIndexOfCode.get(code.data);
      if (earlier === undefined) firstIndexOfCode.set(code.data, index);
      else problems.push(`${label}: code ${code.data} is also used by feature ${earlier}; codes must be unique`);
    }

    const geometry = feature.data.geometry;
    const type = typeof geometry === 'object' && geometry !== null ? (geometry as { type?: unknown }).type : undefined;
    if (geometry === null || geometry === undefined) {
      problems.push(`${label}: has no geometry`);
      return;
    }
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      problems.push(
        `${label}: geometry type ${typeof type === 'string' ? type : JSON.stringify(type)} is not supported (only Polygon and MultiPolygon)`,
      );
      return;
    }
    const parsed = geometrySchema.safeParse(geometry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${label}: ${describeGeometryPath(type, issue.path)}${issue.message}`);
      return;
    }
    if (problems.length > before || !code.success || !name.success) return;
    const polygons = parsed.data.type === 'Polygon' ? [parsed.data.coordinates] : parsed.data.coordinates;
    const coordinates: MultiPolygonCoordinates = polygons.map((rings) =>
      rings.map((ring) => ring.map(([lng = Number.NaN, lat = Number.NaN]) => [lng, lat])),
    );
    areas.push({ code: code.data, name: name.data, geometry: coordinates });
  });
  if (problems.length > 0) throw new AreaFileError(problems);
  return areas;
}

function describeLabelProblem(properties: Record<string, unknown>, property: string): string {
  const value = properties[property];
  if (value === undefined || value === null) return `property "${property}" is missing`;
  return `property "${property}" must be a non-empty string, not ${JSON.stringify(value)}`;
}

/** `['coordinates', 1, 0, 5]` of a MultiPolygon → `polygon 1 ring 0 position 5 `. */
function describeGeometryPath(type: 'Polygon' | 'MultiPolygon', path: readonly PropertyKey[]): string {
  const at = path.indexOf('coordinates');
  if (at < 0) return path.length > 0 ? `${path.map(String).join('.')} ` : '';
  const names =
    type === 'MultiPolygon' ? ['polygon', 'ring', 'position', 'coordinate'] : ['ring', 'position', 'coordinate'];
  const steps = path.slice(at + 1).map((step, i) => `${names[i] ?? 'item'} ${String(step)}`);
  return steps.length > 0 ? `${steps.join(' ')} ` : 'coordinates ';
}
