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
 * The reference it is measured against is `naive-find.ts`; the outlines it serves for maps are drawn by
 * `outline.ts`.
 */
import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';
import { METERS_PER_DEGREE, RADIANS_PER_DEGREE } from './earth.ts';
import { DEFAULT_OUTLINE_TOLERANCE_METERS, simplifyOutline } from './outline.ts';
import type { AreaFeature, AreaHit, MultiPolygonCoordinates } from './types.ts';

/** Default distance within which a point outside every area still goes to the nearest one. */
export const DEFAULT_TOLERANCE_METERS = 250;

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
   * The area's boundary simplified for drawing on a map (see `simplifyOutline`). Computed once per code
   * and tolerance; the result is shared, so do not change it.
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
    const outline = simplifyOutline(feature.geometry, toleranceMeters);
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
