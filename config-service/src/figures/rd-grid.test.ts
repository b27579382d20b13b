import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hotspotCell, rdToWgs84 } from './rd-grid.ts';

describe('the RD grid', () => {
  it('turns RD into WGS84 (the Westertoren)', () => {
    const [lat, lng] = rdToWgs84(120700.723, 487525.501);
    assert.ok(Math.abs(lat - 52.37453253) < 1e-6, String(lat));
    assert.ok(Math.abs(lng - 4.88352559) < 1e-6, String(lng));
    const [centreLat, centreLng] = rdToWgs84(155000, 463000);
    assert.equal(centreLat, 52.1551744);
    assert.equal(centreLng, 5.38720621);
  });

  it('gives a square its CBS id and corners', () => {
    const cell = hotspotCell(120500, 487500);
    assert.equal(cell.id, 'E1205N4875');
    const [[south, west], [north, east]] = cell.bounds;
    assert.ok(south < 52.37453253 && 52.37453253 < north);
    assert.ok(west < 4.88352559 && 4.88352559 < east);
    // About 500 m by 500 m.
    assert.ok(Math.abs((north - south) * 111_200 - 500) < 10);
    assert.ok(Math.abs((east - west) * 111_200 * Math.cos((south * Math.PI) / 180) - 500) < 10);
  });

  it('is the inverse of the square the migration computes for a point, across the country', () => {
    for (const [lat, lng] of [
      [52.37453253, 4.88352559],
      [51.81, 4.67],
      [53.2, 6.56],
      [50.85, 5.69],
      [52.09, 5.12],
      [51.44, 3.57],
    ] as const) {
      const [[south, west], [north, east]] = hotspotCell(
        Math.floor(rdX(lat, lng) / 500) * 500,
        Math.floor(rdY(lat, lng) / 500) * 500,
      ).bounds;
      // The square is a little rotated against the meridians: allow a few metres at its edges.
      const slack = 0.0001;
      assert.ok(
        south - slack <= lat && lat < north + slack && west - slack <= lng && lng < east + slack,
        `${lat}, ${lng}`,
      );
    }
  });
});

/** The forward formulas (as in the migration), for the round trip. */
function rdX(lat: number, lng: number) {
  const p = 0.36 * (lat - 52.1551744);
  const l = 0.36 * (lng - 5.38720621);
  return (
    155000 +
    190094.945 * l -
    11832.228 * p * l -
    114.221 * p ** 2 * l -
    32.391 * l ** 3 -
    0.705 * p -
    2.34 * p ** 3 * l -
    0.608 * p * l ** 3 -
    0.008 * l ** 2 +
    0.148 * p ** 2 * l ** 3
  );
}
function rdY(lat: number, lng: number) {
  const p = 0.36 * (lat - 52.1551744);
  const l = 0.36 * (lng - 5.38720621);
  return (
    463000 +
    309056.544 * p +
    3638.893 * l ** 2 +
    73.077 * p ** 2 -
    157.984 * p * l ** 2 +
    59.788 * p ** 3 +
    0.433 * l -
    6.439 * p ** 2 * l ** 2 -
    0.032 * p * l +
    0.092 * l ** 4 -
    0.054 * p * l ** 4
  );
}
