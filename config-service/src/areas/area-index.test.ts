import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import pointInPolygon from 'point-in-polygon-hao';
import { AreaIndex } from './area-index.ts';
import { demoAreasFile } from './demo-areas.ts';
import { parseAreaCollection } from './geojson.ts';
import { naiveFind } from './naive-find.ts';
import { simplifyOutline } from './outline.ts';
import type { AreaFeature } from './types.ts';
import { box } from '../../test/geometry.ts';

const nl = parseAreaCollection(JSON.parse(readFileSync(demoAreasFile, 'utf8')), {
  codeProperty: 'statcode',
  nameProperty: 'statnaam',
});
const nlIndex = AreaIndex.build(nl);

/** Town centres (town hall, market or station square) and the municipality each lies in. */
const centres: [name: string, code: string, lng: number, lat: number][] = [
  ['Dordrecht', 'GM0505', 4.6901, 51.8133],
  ['Eindhoven', 'GM0772', 5.4786, 51.4393],
  ['Almere', 'GM0034', 5.2196, 52.3676],
  ['Rotterdam', 'GM0599', 4.4792, 51.9225],
  ['Utrecht', 'GM0344', 5.1214, 52.0907],
  ['Amsterdam', 'GM0363', 4.8926, 52.3731],
  // Oost-Vlieland, just north of the village: the generalised island is narrow there.
  ['Vlieland', 'GM0096', 5.075, 53.301],
  ['Texel', 'GM0448', 4.7972, 53.0547],
  ['Maastricht', 'GM0935', 5.691, 50.8514],
  ['Groningen', 'GM0014', 6.5665, 53.2194],
  ["'s-Gravenhage", 'GM0518', 4.3133, 52.0796],
  ['Leeuwarden', 'GM0080', 5.7999, 53.2012],
  ['Zwolle', 'GM0193', 6.083, 52.5168],
  ['Arnhem', 'GM0202', 5.8987, 51.9851],
  ['Nijmegen', 'GM0268', 5.859, 51.8426],
  ['Middelburg (Z.)', 'GM0687', 3.6109, 51.4988],
  ['Enschede', 'GM0153', 6.8937, 52.2215],
  ["'s-Hertogenbosch", 'GM0796', 5.304, 51.688],
  ['Haarlem', 'GM0392', 4.6368, 52.3812],
  ['Assen', 'GM0106', 6.5642, 52.9929],
  ['Lelystad', 'GM0995', 5.4714, 52.5185],
  ['Breda', 'GM0758', 4.776, 51.5889],
  ['Schiermonnikoog', 'GM0088', 6.1622, 53.48],
  ['Venlo', 'GM0983', 6.1724, 51.3704],
  ['Den Helder', 'GM0400', 4.7601, 52.9563],
];

/** Distance in metres from a point to the nearest edge of a feature (equirectangular). */
function metresToBoundary(feature: AreaFeature, lng: number, lat: number): number {
  const ky = (6_371_008.8 * Math.PI) / 180;
  const kx = ky * Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  for (const ring of feature.geometry.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay, bx, by] = [
        (ring[i - 1]![0]! - lng) * kx,
        (ring[i - 1]![1]! - lat) * ky,
        (ring[i]![0]! - lng) * kx,
        (ring[i]![1]! - lat) * ky,
      ];
      const t = Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      best = Math.min(best, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
    }
  }
  return best;
}

function area(code: string, ...polygons: number[][][][]): AreaFeature {
  return { code, name: `Gemeente ${code}`, geometry: polygons };
}

describe('AreaIndex on the 342 municipalities of 2025', () => {
  it('holds every municipality', () => {
    assert.equal(nl.length, 342);
    assert.equal(nlIndex.size, 342);
    assert.equal(nlIndex.get('GM0505')?.name, 'Dordrecht');
    assert.equal(nlIndex.get('GM9999'), undefined);
  });

  it(`routes the centres of ${centres.length} municipalities to them, indexed and naive alike`, () => {
    assert.ok(centres.length >= 20);
    for (const [name, code, lng, lat] of centres) {
      const feature = nlIndex.get(code);
      assert.equal(feature?.name, name, `${code} is ${name}`);
      // Clearly inside in this generalised file, so the test does not hinge on the tolerance.
      assert.ok(metresToBoundary(feature!, lng, lat) > 500, `${name}'s point lies more than 500 m inside`);
      assert.deepEqual(nlIndex.find(lng, lat), { code, name }, name);
      assert.deepEqual(naiveFind(nl, lng, lat), { code, name }, `${name} (naive)`);
    }
  });

  it("routes a point on either polygon of a multipolygon municipality (Vlieland's two parts) to it", () => {
    const vlieland = nlIndex.get('GM0096')!;
    assert.equal(vlieland.geometry.length, 2);
    assert.equal(nlIndex.find(4.95, 53.25)?.code, 'GM0096'); // the Vliehors, main part
    assert.equal(nlIndex.find(5.14, 53.2933)?.code, 'GM0096'); // inside the small second part
    assert.equal(pointInPolygon([5.14, 53.2933], vlieland.geometry[1]!), true);
  });

  it('finds nothing outside the Netherlands', () => {
    const abroad: [string, number, number][] = [
      ['Brussels', 4.3517, 50.8503],
      ['Aachen', 6.0839, 50.7747],
      ['Antwerp', 4.4025, 51.2194],
      ['Münster', 7.6261, 51.9607],
      ['the North Sea off Zeeland', 3.35, 52.0],
      ['the middle of the North Sea', 3.0, 55.0],
      ['Paris', 2.3522, 48.8566],
    ];
    for (const [place, lng, lat] of abroad) {
      assert.equal(nlIndex.find(lng, lat), undefined, place);
      assert.equal(naiveFind(nl, lng, lat), undefined, `${place} (naive)`);
    }
  });

  it('answers nothing for coordinates that are not finite numbers', () => {
    assert.equal(nlIndex.find(Number.NaN, 52), undefined);
    assert.equal(nlIndex.find(5, Number.POSITIVE_INFINITY), undefined);
    assert.equal(naiveFind(nl, Number.NaN, 52), undefined);
  });

  it('agrees with the naive scan on 5,000 random points wherever the naive scan finds an area', () => {
    // mulberry32, seeded: the same points every run.
    let state = 5;
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const strict = AreaIndex.build(nl, { toleranceMeters: 0 });
    let inside = 0;
    let nearOnly = 0;
    for (let i = 0; i < 5000; i++) {
      const lng = 3.31 + random() * (7.23 - 3.31);
      const lat = 50.75 + random() * (53.56 - 50.75);
      const expected = naiveFind(nl, lng, lat);
      const found = nlIndex.find(lng, lat);
      assert.deepEqual(strict.find(lng, lat), expected, `(${lng}, ${lat}) without tolerance`);
      if (expected) {
        inside++;
        assert.deepEqual(found, expected, `(${lng}, ${lat})`);
      } else if (found) {
        nearOnly++;
        assert.ok(
          metresToBoundary(nlIndex.get(found.code)!, lng, lat) <= 250,
          `(${lng}, ${lat}) is near ${found.code}`,
        );
      }
    }
    // About 42 % of the bounding box is municipal area; the tolerance adds a thin band.
    assert.ok(inside > 1500 && inside < 2800, `${inside} points inside`);
    assert.ok(nearOnly > 0 && nearOnly < inside / 10, `${nearOnly} points only near`);
  });
});

describe('AreaIndex on synthetic areas', () => {
  // Two adjacent squares sharing the edge lng 5.01; the lower code is on the right, so order does not help.
  const left = area('GM0002', [box(5.0, 52.0, 5.01, 52.01)]);
  const right = area('GM0001', [box(5.01, 52.0, 5.02, 52.01)]);

  it('gives a point on a shared edge or vertex to the lowest code, always, indexed and naive alike', () => {
    for (const features of [
      [left, right],
      [right, left],
    ]) {
      const index = AreaIndex.build(features);
      // Without tolerance too: a boundary point counts as inside, it is not left to the gap rule.
      const strict = AreaIndex.build(features, { toleranceMeters: 0 });
      for (const [lng, lat] of [
        [5.01, 52.005], // on the shared edge
        [5.01, 52.0], // shared vertex
        [5.01, 52.01], // shared vertex
      ] as const) {
        assert.equal(index.find(lng, lat)?.code, 'GM0001', `(${lng}, ${lat})`);
        assert.equal(strict.find(lng, lat)?.code, 'GM0001', `(${lng}, ${lat}) without tolerance`);
        assert.equal(naiveFind(features, lng, lat)?.code, 'GM0001', `(${lng}, ${lat}) naive`);
      }
      // On a boundary only one of them has: that one.
      assert.equal(index.find(5.0, 52.005)?.code, 'GM0002');
      assert.equal(strict.find(5.0, 52.005)?.code, 'GM0002');
      assert.equal(naiveFind(features, 5.0, 52.005)?.code, 'GM0002');
      // Strictly inside: the area itself, whatever its code.
      assert.equal(index.find(5.005, 52.005)?.code, 'GM0002');
      assert.equal(index.find(5.015, 52.005)?.code, 'GM0001');
    }
  });

  it('gives a point inside two overlapping areas to the lowest code', () => {
    const a = area('GM0010', [box(5.0, 52.0, 5.02, 52.02)]);
    const b = area('GM0009', [box(5.01, 52.01, 5.03, 52.03)]);
    const index = AreaIndex.build([a, b]);
    assert.equal(index.find(5.015, 52.015)?.code, 'GM0009');
    assert.equal(naiveFind([a, b], 5.015, 52.015)?.code, 'GM0009');
    assert.equal(index.find(5.005, 52.005)?.code, 'GM0010');
  });

  it('does not route a point in a hole to the area with the hole, but to the area filling it', () => {
    // The area with the hole has the lower code: only a correct hole test keeps the point from it.
    const ring = area('GM0100', [box(5.0, 52.1, 5.1, 52.2), box(5.04, 52.14, 5.06, 52.16)]);
    const filling = area('GM0200', [box(5.04, 52.14, 5.06, 52.16)]);
    const both = AreaIndex.build([ring, filling]);
    assert.equal(both.find(5.05, 52.15)?.code, 'GM0200');
    assert.equal(naiveFind([ring, filling], 5.05, 52.15)?.code, 'GM0200');
    assert.equal(both.find(5.02, 52.12)?.code, 'GM0100');
    // Without the filling area the hole is nobody's: its middle is over 1 km from any edge.
    const alone = AreaIndex.build([ring]);
    assert.equal(alone.find(5.05, 52.15), undefined);
    assert.equal(naiveFind([ring], 5.05, 52.15), undefined);
  });

  it('routes a point on an island part of a multipolygon to its area, and not the water in between', () => {
    const islands = area('GM0300', [box(5.3, 52.3, 5.4, 52.4)], [box(5.5, 52.5, 5.52, 52.52)]);
    const index = AreaIndex.build([islands, left, right]);
    assert.deepEqual(index.find(5.51, 52.51), { code: 'GM0300', name: 'Gemeente GM0300' });
    assert.equal(naiveFind([islands], 5.51, 52.51)?.code, 'GM0300');
    assert.equal(index.find(5.35, 52.35)?.code, 'GM0300');
    assert.equal(index.find(5.45, 52.45), undefined);
  });

  it('gives a point in a gap to the nearest area within the tolerance, and nothing beyond it', () => {
    // A gap of 0.002° (~137 m at 52°N) between two areas.
    const west = area('GM0020', [box(5.0, 52.02, 5.01, 52.03)]);
    const east = area('GM0010', [box(5.012, 52.02, 5.02, 52.03)]);
    const index = AreaIndex.build([west, east]);
    assert.equal(index.find(5.0105, 52.025)?.code, 'GM0020'); // ~34 m from west, ~103 m from east
    assert.equal(index.find(5.0115, 52.025)?.code, 'GM0010');
    assert.equal(index.find(5.023, 52.025)?.code, 'GM0010'); // ~206 m east of east
    assert.equal(index.find(5.025, 52.025), undefined); // ~343 m
    assert.equal(index.find(5.005, 52.0335), undefined); // ~390 m north of west
    assert.equal(naiveFind([west, east], 5.0105, 52.025), undefined); // the reference has no tolerance
    assert.equal(AreaIndex.build([west, east], { toleranceMeters: 0 }).find(5.0105, 52.025), undefined);
    assert.equal(AreaIndex.build([west, east], { toleranceMeters: 500 }).find(5.025, 52.025)?.code, 'GM0010');
  });

  it('breaks an exact tie in a gap by the lowest code', () => {
    // Binary fractions, so both distances are exactly equal: edges at 5 and 5 + 1/256, point at 5 + 1/512.
    const west = area('GM0001', [box(4.9921875, 52.0, 5.0, 52.0078125)]);
    const east = area('GM0002', [box(5.00390625, 52.0, 5.01171875, 52.0078125)]);
    for (const features of [
      [west, east],
      [east, west],
    ]) {
      assert.equal(AreaIndex.build(features).find(5.001953125, 52.00390625)?.code, 'GM0001');
    }
    const westHigh = { ...west, code: 'GM0003' };
    assert.equal(AreaIndex.build([westHigh, east]).find(5.001953125, 52.00390625)?.code, 'GM0002');
  });

  it('refuses duplicate codes and a bad tolerance; an empty index finds nothing', () => {
    assert.throws(() => AreaIndex.build([left, { ...right, code: 'GM0002' }]), /GM0002 occurs more than once/);
    assert.throws(() => AreaIndex.build([left], { toleranceMeters: -1 }), RangeError);
    const empty = AreaIndex.build([]);
    assert.equal(empty.size, 0);
    assert.equal(empty.find(5, 52), undefined);
  });
});

describe('AreaIndex.outline', () => {
  it('is computed once per code and tolerance; unknown codes have none', () => {
    assert.equal(nlIndex.outline('GM0505'), nlIndex.outline('GM0505'));
    assert.notEqual(nlIndex.outline('GM0505'), nlIndex.outline('GM0505', 100));
    assert.equal(nlIndex.outline('GM9999'), undefined);
    assert.throws(() => nlIndex.outline('GM0505', -5), RangeError);
  });

  it('is the simplified boundary of the area', () => {
    assert.deepEqual(nlIndex.outline('GM0505', 100), simplifyOutline(nlIndex.get('GM0505')!.geometry, 100));
  });
});
