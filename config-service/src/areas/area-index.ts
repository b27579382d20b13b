/**
 * Which municipality a point lies in, fast and deterministic.
 *
 * `AreaIndex` keeps a static R-tree (flatbush) of the bounding box of every polygon part — so an island
 * such as Vlieland is its own entry — and tests the few candidates exactly with point-in-polygon-hao,
 * which honours holes and reports points on a boundary. Borders are decided the same way every time:
 * a point on a boundary, or inside more than one area (generalised data overlaps a little), belongs to the
 * candidate with the lowest code. A point in a sliver between neighbours or just off the coast (the
 * generalised file is ~100 m coarse) belongs to the nearest area within a tolerance; farther away it is
 * outside the Netherlands.
 *
 * `naiveFind` is the reference without an index, for tests and the benchmark.
 */
import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';
import type { AreaFeature, AreaHit, MultiPolygonCoordinates } from './types.ts';

/** Metres per degree of latitude (and of longitude at the equator) on a sphere of the Earth's mean radius. */
const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const RADIANS_PER_DEGREE = Math.PI / 180;

/** Default distance within which a point outside every area still goes to the nearest one. */
export const DEFAULT_TOLERANCE_METERS = 250;
/** Default Douglas–Peucker tolerance of `outline()`. */
export const DEFAULT_OUTLINE_TOLERANCE_METERS = 30;

export interface AreaIndexOptions {
  /**
   * A point in no area but at most this far (in metres) from an area's boundary goes to the nearest such
   * area; 0 turns this off. Default 250: covers the gaps of a file generalised to ~100 m.
   */
  toleranceMeters?: number;
}

/** Orders codes by UTF-16 code units, the same everywhere (never locale-dependent). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A point-in-area index over one set of areas. Build once with `AreaIndex.build`, query many times. */
export class AreaIndex {
  /** Number of areas. */
  readonly size: number;
  readonly toleranceMeters: number;

  /** Areas ordered by code: an area's position is its rank, so "lowest code" is "lowest rank". */
  private readonly features: readonly AreaFeature[];
  private readonly hits: readonly AreaHit[];
  private readonly rankByCode: ReadonlyMap<string, number>;
  /** R-tree of part bounding boxes; undefined when there are no areas. */
  private readonly tree: Flatbush | undefined;
  /** Per R-tree item (polygon part): the rank of its area and its rings. */
  private readonly partRank: Uint32Array;
  private readonly partRings: readonly number[][][][];
  /** Per part: each ring as flat [lng, lat, lng, lat, …], for the distance scan. */
  private readonly partFlatRings: readonly Float64Array[][];
  private readonly outlines = new Map<string, MultiPolygonCoordinates>();

  // Scratch state of the query in progress, so the hot path allocates nothing.
  private readonly point: number[] = [0, 0];
  private queryLng = 0;
  private queryLat = 0;
  private bestRank = -1;
  private bestDistanceSq = 0;
  private metersPerDegreeLng = 0;

  private constructor(features: readonly AreaFeature[], toleranceMeters: number) {
    this.features = features;
    this.size = features.length;
    this.toleranceMeters = toleranceMeters;
    this.hits = features.map((f) => Object.freeze({ code: f.code, name: f.name }));
    const rankByCode = new Map<string, number>();
    features.forEach((f, rank) => {
      if (rankByCode.has(f.code)) throw new Error(`AreaIndex: code ${f.code} occurs more than once`);
      rankByCode.set(f.code, rank);
    });
    this.rankByCode = rankByCode;

    const partCount = features.reduce((n, f) => n + f.geometry.length, 0);
    this.partRank = new Uint32Array(partCount);
    const partRings: number[][][][] = [];
    const partFlatRings: Float64Array[][] = [];
    const tree = partCount > 0 ? new Flatbush(partCount, 8) : undefined;
    features.forEach((feature, rank) => {
      for (const rings of feature.geometry) {
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        for (const ring of rings) {
          for (const [x = Number.NaN, y = Number.NaN] of ring) {
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
          }
        }
        if (!tree) continue;
        const item = tree.add(minX, minY, maxX, maxY);
        this.partRank[item] = rank;
        partRings[item] = rings;
        partFlatRings[item] = rings.map((ring) =>
          Float64Array.from(ring.flatMap(([x = Number.NaN, y = Number.NaN]) => [x, y])),
        );
      }
    });
    tree?.finish();
    this.tree = tree;
    this.partRings = partRings;
    this.partFlatRings = partFlatRings;
  }

  /**
   * Builds the index. Areas need unique codes and closed rings (as `parseAreaCollection` guarantees).
   * @throws {RangeError} for a negative or non-finite tolerance; {Error} for a duplicate code.
   */
  static build(features: readonly AreaFeature[], options: AreaIndexOptions = {}): AreaIndex {
    const toleranceMeters = options.toleranceMeters ?? DEFAULT_TOLERANCE_METERS;
    if (!Number.isFinite(toleranceMeters) || toleranceMeters < 0) {
      throw new RangeError(`AreaIndex: toleranceMeters must be a finite number ≥ 0, not ${toleranceMeters}`);
    }
    return new AreaIndex(
      [...features].sort((a, b) => compareCodes(a.code, b.code)),
      toleranceMeters,
    );
  }

  /**
   * The area a WGS84 point lies in. On a boundary or inside several areas: the one with the lowest code.
   * In no area but within `toleranceMeters` of one: the nearest (equal distance: lowest code). Otherwise,
   * or for a non-finite coordinate, undefined. The returned object is shared and frozen.
   */
  find(lng: number, lat: number): AreaHit | undefined {
    const tree = this.tree;
    if (tree === undefined || !Number.isFinite(lng) || !Number.isFinite(lat)) return undefined;
    this.point[0] = this.queryLng = lng;
    this.point[1] = this.queryLat = lat;
    this.bestRank = -1;
    tree.search(lng, lat, lng, lat, this.testContains);
    if (this.bestRank < 0 && this.toleranceMeters > 0) {
      const cosLat = Math.cos(lat * RADIANS_PER_DEGREE);
      if (cosLat > 1e-9) {
        this.metersPerDegreeLng = METERS_PER_DEGREE * cosLat;
        this.bestDistanceSq = this.toleranceMeters * this.toleranceMeters;
        // Box distance in degrees understates metres by at most cos(lat), so this radius misses nothing.
        tree.neighbors(lng, lat, Infinity, this.toleranceMeters / this.metersPerDegreeLng, this.testNear);
      }
    }
    return this.bestRank < 0 ? undefined : this.hits[this.bestRank];
  }

  /** The area with this code, as given to `build`. */
  get(code: string): AreaFeature | undefined {
    const rank = this.rankByCode.get(code);
    return rank === undefined ? undefined : this.features[rank];
  }

  /** Every area, ordered by code. */
  all(): readonly AreaFeature[] {
    return this.features;
  }

  /**
   * The area's boundary simplified for drawing on a map: Douglas–Peucker with `toleranceMeters`, every
   * ring still closed with at least 4 positions (a hole that collapses is dropped; an outer ring never is),
   * coordinates rounded to 5 decimals (~1 m). Computed once per code and tolerance; the result is shared,
   * so do not change it. Simplification may let a ring touch itself; it is meant for display, not routing.
   */
  outline(code: string, toleranceMeters = DEFAULT_OUTLINE_TOLERANCE_METERS): MultiPolygonCoordinates | undefined {
    if (!Number.isFinite(toleranceMeters) || toleranceMeters < 0) {
      throw new RangeError(`AreaIndex.outline: toleranceMeters must be a finite number ≥ 0, not ${toleranceMeters}`);
    }
    const key = `${code}\u0000${toleranceMeters}`;
    const cached = this.outlines.get(key);
    if (cached) return cached;
    const feature = this.get(code);
    if (!feature) return undefined;
    const outline = simplifyMultiPolygon(feature.geometry, toleranceMeters);
    this.outlines.set(key, outline);
    return outline;
  }

  /** flatbush `search` filter: exact test of one part; keeps the lowest-ranked hit; never collects results. */
  private readonly testContains = (item: number): boolean => {
    const rank = this.partRank[item] ?? 0;
    const rings = this.partRings[item];
    // A later candidate only matters if its code is lower than the best so far.
    if (rings === undefined || (this.bestRank >= 0 && rank >= this.bestRank)) return false;
    if (pointInPolygon(this.point, rings) !== false) this.bestRank = rank;
    return false;
  };

  /** flatbush `neighbors` filter: exact distance to one part's boundary; keeps the nearest; never collects. */
  private readonly testNear = (item: number): boolean => {
    const rank = this.partRank[item] ?? 0;
    const rings = this.partFlatRings[item];
    if (rings === undefined) return false;
    const distanceSq = this.distanceSqToRings(rings);
    if (
      distanceSq < this.bestDistanceSq ||
      (distanceSq === this.bestDistanceSq && (this.bestRank < 0 || rank < this.bestRank))
    ) {
      this.bestDistanceSq = distanceSq;
      this.bestRank = rank;
    }
    return false;
  };

  /** Squared distance in metres (equirectangular at the query's latitude) from the query point to any ring edge. */
  private distanceSqToRings(rings: readonly Float64Array[]): number {
    const x0 = this.queryLng;
    const y0 = this.queryLat;
    const kx = this.metersPerDegreeLng;
    let best = Infinity;
    for (const ring of rings) {
      let ax = ((ring[0] ?? 0) - x0) * kx;
      let ay = ((ring[1] ?? 0) - y0) * METERS_PER_DEGREE;
      for (let i = 2; i < ring.length; i += 2) {
        const bx = ((ring[i] ?? 0) - x0) * kx;
        const by = ((ring[i + 1] ?? 0) - y0) * METERS_PER_DEGREE;
        const dx = bx - ax;
        const dy = by - ay;
        const lengthSq = dx * dx + dy * dy;
        let t = lengthSq > 0 ? -(ax * dx + ay * dy) / lengthSq : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const px = ax + t * dx;
        const py = ay + t * dy;
        const d = px * px + py * py;
        if (d < best) best = d;
        ax = bx;
        ay = by;
      }
    }
    return best;
  }
}

/**
 * The reference lookup: tests every polygon of every area exactly, without an index or bounding boxes.
 * Same border rule as `AreaIndex.find` (on a boundary or in several areas: lowest code), no tolerance.
 */
export function naiveFind(features: readonly AreaFeature[], lng: number, lat: number): AreaHit | undefined {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return undefined;
  const point = [lng, lat];
  let best: AreaFeature | undefined;
  for (const feature of features) {
    for (const rings of feature.geometry) {
      if (pointInPolygon(point, rings) !== false) {
        if (!best || compareCodes(feature.code, best.code) < 0) best = feature;
        break;
      }
    }
  }
  return best && { code: best.code, name: best.name };
}

/** Douglas–Peucker on every ring, in metres (equirectangular at the area's middle latitude). */
function simplifyMultiPolygon(geometry: MultiPolygonCoordinates, toleranceMeters: number): MultiPolygonCoordinates {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const rings of geometry) {
    for (const [, y = Number.NaN] of rings[0] ?? []) {
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  const kx = METERS_PER_DEGREE * Math.cos(((minY + maxY) / 2) * RADIANS_PER_DEGREE);
  return geometry.map((rings) => {
    const simplified: number[][][] = [];
    rings.forEach((ring, i) => {
      const result = simplifyRing(ring, kx, METERS_PER_DEGREE, toleranceMeters, i === 0);
      if (result) simplified.push(result);
    });
    return simplified;
  });
}

/**
 * One closed ring through Douglas–Peucker (iterative, so long rings cannot overflow the stack).
 * Returns undefined when the ring collapses below 4 positions, except for an outer ring (`keep`), which
 * is kept as at least a triangle.
 */
function simplifyRing(
  ring: number[][],
  kx: number,
  ky: number,
  toleranceMeters: number,
  keep: boolean,
): number[][] | undefined {
  const n = ring.length - 1; // vertex n repeats vertex 0
  if (n < 3) return keep ? roundRing(ring) : undefined;
  // Projected to metres; xs[n], ys[n] repeat vertex 0.
  const xs = Float64Array.from(ring, ([x = 0]) => x * kx);
  const ys = Float64Array.from(ring, ([, y = 0]) => y * ky);
  const x = (i: number) => xs[i] ?? 0;
  const y = (i: number) => ys[i] ?? 0;
  const distanceSq = (i: number, a: number, b: number) => segmentDistanceSq(x(i), y(i), x(a), y(a), x(b), y(b));
  const kept = new Uint8Array(n + 1);
  kept[0] = 1;
  kept[n] = 1;
  // A closed ring has no chord to start from: split it at the vertex farthest from vertex 0.
  let far = 0;
  let farSq = 0;
  for (let i = 1; i < n; i++) {
    const d = distanceSq(i, 0, 0);
    if (d > farSq) {
      farSq = d;
      far = i;
    }
  }
  if (far === 0) return keep ? roundRing(ring) : undefined;
  kept[far] = 1;
  const toleranceSq = toleranceMeters * toleranceMeters;
  const stack: [first: number, last: number][] = [
    [0, far],
    [far, n],
  ];
  for (let span = stack.pop(); span; span = stack.pop()) {
    const [first, last] = span;
    let index = -1;
    let maxSq = toleranceSq;
    for (let i = first + 1; i < last; i++) {
      const d = distanceSq(i, first, last);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (index >= 0) {
      kept[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }

  let distinct = 0;
  for (let i = 0; i < n; i++) distinct += kept[i] ?? 0;
  if (distinct < 3) {
    if (!keep) return undefined;
    // An outer ring stays at least a triangle: add the vertex farthest from the chord 0–far.
    let index = -1;
    let maxSq = 0;
    for (let i = 1; i < n; i++) {
      const d = kept[i] ? 0 : distanceSq(i, 0, far);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (index < 0) return roundRing(ring);
    kept[index] = 1;
  }

  const result: number[][] = [];
  ring.forEach((position, i) => {
    if (!kept[i]) return;
    const rounded = roundPosition(position);
    const previous = result.at(-1);
    if (previous && previous[0] === rounded[0] && previous[1] === rounded[1]) return;
    result.push(rounded);
  });
  if (result.length >= 4) return result;
  return keep ? roundRing(ring) : undefined;
}

function roundRing(ring: number[][]): number[][] {
  return ring.map(roundPosition);
}

/** [lng, lat] rounded to 5 decimals (~1 m). */
function roundPosition([x = 0, y = 0]: number[]): number[] {
  return [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5];
}

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  let t = lengthSq > 0 ? ((px - ax) * dx + (py - ay) * dy) / lengthSq : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}
