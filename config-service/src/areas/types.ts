import type { MultiPolygonCoordinates } from '../db/database.ts';

export type { MultiPolygonCoordinates };

/** A municipality as imported: its CBS code, name and boundary (a Polygon is stored as a one-part MultiPolygon). */
export interface AreaFeature {
  code: string;
  name: string;
  geometry: MultiPolygonCoordinates;
}

/** The municipality a point lies in. */
export interface AreaHit {
  code: string;
  name: string;
}

/** One imported boundary set, in force from `validFrom` (`YYYY-MM-DD`) until the next set's date. */
export interface AreaSet {
  validFrom: string;
  features: AreaFeature[];
}
