/**
 * The hotspot grid's squares: 500 m squares of the Dutch national grid (RD New, EPSG:28992), as CBS
 * publishes statistics on. The database computes a report's square from its point (migration
 * `2026-12-07T00-00-backoffice`); here the way back, RD → WGS84, by the inverse approximation formulas
 * of Schreutelaar (accurate to about a metre inside the Netherlands), for the map's squares.
 */
import { hotspotCellId, hotspotCellMetres } from '@meldpunt/contracts';

/** [p, q, K] of φ: Σ K·dX^p·dY^q (arc seconds). */
const K: readonly (readonly [number, number, number])[] = [
  [0, 1, 3235.65389],
  [2, 0, -32.58297],
  [0, 2, -0.2475],
  [2, 1, -0.84978],
  [0, 3, -0.0655],
  [2, 2, -0.01709],
  [1, 0, -0.00738],
  [4, 0, 0.0053],
  [2, 3, -0.00039],
  [4, 1, 0.00033],
  [1, 1, -0.00012],
];
/** [p, q, L] of λ. */
const L: readonly (readonly [number, number, number])[] = [
  [1, 0, 5260.52916],
  [1, 1, 105.94684],
  [1, 2, 2.45656],
  [3, 0, -0.81885],
  [1, 3, 0.05594],
  [3, 1, -0.05607],
  [0, 1, 0.01199],
  [3, 2, -0.00256],
  [1, 4, 0.00128],
  [0, 2, 0.00022],
  [2, 0, -0.00022],
  [5, 0, 0.00026],
];

/** The WGS84 point [latitude, longitude] of an RD New point (metres). */
export function rdToWgs84(x: number, y: number): [number, number] {
  const dX = (x - 155000) * 1e-5;
  const dY = (y - 463000) * 1e-5;
  const sum = (terms: typeof K) => terms.reduce((acc, [p, q, c]) => acc + c * dX ** p * dY ** q, 0);
  return [52.1551744 + sum(K) / 3600, 5.38720621 + sum(L) / 3600];
}

/** A square by its south-west corner: its id (`E1205N4875`) and its corners [[south, west], [north, east]]. */
export function hotspotCell(easting: number, northing: number) {
  const [south, west] = rdToWgs84(easting, northing);
  const [north, east] = rdToWgs84(easting + hotspotCellMetres, northing + hotspotCellMetres);
  return {
    id: hotspotCellId(easting, northing),
    bounds: [
      [south, west],
      [north, east],
    ] as [[number, number], [number, number]],
  };
}
