/**
 * Municipal boundaries made small enough to send with a tenant's config and draw on the widget's map.
 */
import { METERS_PER_DEGREE, RADIANS_PER_DEGREE } from './earth.ts';
import type { MultiPolygonCoordinates } from './types.ts';

/** Default Douglas–Peucker tolerance: enough for a map at street level. */
export const DEFAULT_OUTLINE_TOLERANCE_METERS = 30;

/**
 * A boundary simplified for drawing on a map: Douglas–Peucker on every ring with `toleranceMeters`
 * (equirectangular at the area's middle latitude), every ring still closed with at least 4 positions
 * (a hole that collapses is dropped; an outer ring never is), coordinates rounded to 5 decimals (~1 m).
 * Simplification may let a ring touch itself; it is meant for display, not for finding areas.
 */
export function simplifyOutline(
  geometry: MultiPolygonCoordinates,
  toleranceMeters = DEFAULT_OUTLINE_TOLERANCE_METERS,
): MultiPolygonCoordinates {
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
