/**
 * The lookup without an index, kept as the reference `AreaIndex` is measured against: the tests check
 * they agree, and `pnpm bench:routing` how much faster the index is.
 */
import pointInPolygon from 'point-in-polygon-hao';
import { compareCodes } from './area-index.ts';
import type { AreaFeature, AreaHit } from './types.ts';

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
