import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { demoAreasFile } from './demo-areas.ts';
import { AreaFileError, parseAreaCollection } from './geojson.ts';

const cbs = { codeProperty: 'statcode', nameProperty: 'statnaam' };
const square = [
  [5.0, 52.0],
  [5.1, 52.0],
  [5.1, 52.1],
  [5.0, 52.1],
  [5.0, 52.0],
];

function feature(code: unknown, geometry: unknown, name: unknown = `Gemeente ${String(code)}`): unknown {
  return { type: 'Feature', properties: { statcode: code, statnaam: name }, geometry };
}
function collection(...features: unknown[]): unknown {
  return { type: 'FeatureCollection', features };
}
const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });

/** Asserts that parsing throws an AreaFileError whose message matches every pattern. */
function assertProblem(json: unknown, ...patterns: RegExp[]): void {
  assert.throws(
    () => parseAreaCollection(json, cbs),
    (error: unknown) => {
      assert.ok(error instanceof AreaFileError, String(error));
      for (const pattern of patterns) assert.match(error.message, pattern);
      return true;
    },
  );
}

describe('parseAreaCollection', () => {
  it('reads the 342 municipalities of 2025, every geometry as a MultiPolygon', () => {
    const areas = parseAreaCollection(JSON.parse(readFileSync(demoAreasFile, 'utf8')), cbs);
    assert.equal(areas.length, 342);
    assert.equal(new Set(areas.map((a) => a.code)).size, 342);
    const dordrecht = areas.find((a) => a.code === 'GM0505');
    assert.equal(dordrecht?.name, 'Dordrecht');
    assert.equal(dordrecht?.geometry.length, 1);
    assert.deepEqual(dordrecht?.geometry[0]?.[0]?.[0], [4.73, 51.822]);
    assert.equal(areas.find((a) => a.code === 'GM0096')?.geometry.length, 2, 'Vlieland has two parts');
  });

  it('turns a Polygon into a one-part MultiPolygon, drops altitudes and trims code and name', () => {
    const withAltitude = square.map(([lng, lat]) => [lng, lat, 3]);
    const areas = parseAreaCollection(
      collection(
        feature(' GM0001 ', polygon(withAltitude), ' Eerste '),
        feature('GM0002', { type: 'MultiPolygon', coordinates: [[square], [square, square]] }),
      ),
      cbs,
    );
    assert.deepEqual(areas, [
      { code: 'GM0001', name: 'Eerste', geometry: [[square]] },
      { code: 'GM0002', name: 'Gemeente GM0002', geometry: [[square], [square, square]] },
    ]);
  });

  it('takes code and name from the properties it is told', () => {
    const areas = parseAreaCollection(
      collection({ type: 'Feature', properties: { code: 'X1', naam: 'Ergens' }, geometry: polygon(square) }),
      { codeProperty: 'code', nameProperty: 'naam' },
    );
    assert.deepEqual(
      areas.map((a) => [a.code, a.name]),
      [['X1', 'Ergens']],
    );
  });

  it('refuses what is not a FeatureCollection, or an empty one', () => {
    assertProblem({ type: 'Feature', geometry: polygon(square) }, /^not a GeoJSON FeatureCollection/);
    assertProblem([1, 2, 3], /not a GeoJSON FeatureCollection/);
    assertProblem('{"type":"FeatureCollection"}', /not a GeoJSON FeatureCollection/);
    assertProblem(collection(), /has no features/);
  });

  it('refuses geometries other than Polygon and MultiPolygon, naming the feature', () => {
    assertProblem(
      collection(feature('GM0001', polygon(square)), feature('GM0002', { type: 'Point', coordinates: [5, 52] })),
      /^feature 1 \(GM0002\): geometry type Point is not supported \(only Polygon and MultiPolygon\)$/,
    );
    assertProblem(collection(feature('GM0003', null)), /^feature 0 \(GM0003\): has no geometry$/);
  });

  it('refuses a ring that is not closed, naming feature, polygon and ring', () => {
    const open = square.slice(0, 4).concat([[5.0, 52.05]]);
    assertProblem(collection(feature('GM0505', polygon(open))), /^feature 0 \(GM0505\): ring 0 is not closed/);
    assertProblem(
      collection(
        feature('GM0001', polygon(square)),
        feature('GM0505', { type: 'MultiPolygon', coordinates: [[square], [square, open]] }),
      ),
      /^feature 1 \(GM0505\): polygon 1 ring 1 is not closed/,
    );
  });

  it('refuses short rings, coordinates out of WGS84 range and non-numbers', () => {
    assertProblem(
      collection(feature('GM0001', polygon(square.slice(0, 3)))),
      /^feature 0 \(GM0001\): ring 0 has fewer than 4 positions$/,
    );
    const rd = square.map(([lng, lat]) => [lng! * 30_000, lat! * 8000]); // Dutch RD metres, not degrees
    assertProblem(
      collection(feature('GM0001', polygon(rd))),
      /feature 0 \(GM0001\): ring 0 position 0 longitude 150000 is outside -180…180 \(is the file in WGS84\?\)/,
      /latitude 416000 is outside -90…90/,
    );
    const text = square.map((p, i) => (i === 2 ? ['5.1', 52.1] : p));
    assertProblem(
      collection(feature('GM0001', polygon(text))),
      /^feature 0 \(GM0001\): ring 0 position 2 coordinate 0 is not a finite number$/,
    );
    const infinite = square.map((p, i) => (i === 1 ? [Number.POSITIVE_INFINITY, 52] : p));
    assertProblem(collection(feature('GM0001', polygon(infinite))), /ring 0 position 1 coordinate 0 is not a finite/);
  });

  it('refuses a missing or empty code or name property', () => {
    assertProblem(
      collection({ type: 'Feature', properties: { statnaam: 'Ergens' }, geometry: polygon(square) }),
      /^feature 0: property "statcode" is missing$/,
    );
    assertProblem(
      collection(feature('  ', polygon(square))),
      /^feature 0: property "statcode" must be a non-empty string/,
    );
    assertProblem(
      collection(feature('GM0001', polygon(square), 7)),
      /^feature 0 \(GM0001\): property "statnaam" must be a non-empty string, not 7$/,
    );
    assertProblem(
      collection({ type: 'Feature', properties: null, geometry: polygon(square) }),
      /^feature 0: property "statcode" is missing\nfeature 0: property "statnaam" is missing$/,
    );
  });

  it('refuses duplicate codes, naming both features', () => {
    assertProblem(
      collection(
        feature('GM0001', polygon(square)),
        feature('GM0002', polygon(square)),
        feature('GM0001', polygon(square)),
      ),
      /^feature 2 \(GM0001\): code GM0001 is also used by feature 0; codes must be unique$/,
    );
  });

  it('lists every problem of the file, the first twenty in the message', () => {
    const features = Array.from({ length: 25 }, (_, i) => feature(`GM${i}`, { type: 'Point', coordinates: [5, 52] }));
    assert.throws(
      () => parseAreaCollection(collection(...features), cbs),
      (error: unknown) => {
        assert.ok(error instanceof AreaFileError);
        assert.equal(error.problems.length, 25);
        assert.equal(error.message.split('\n').length, 21);
        assert.match(error.message, /… and 5 more problems$/);
        assert.equal(error.name, 'AreaFileError');
        return true;
      },
    );
  });
});
