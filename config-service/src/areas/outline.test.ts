import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { AreaIndex } from './area-index.ts';
import { demoAreasFile } from './demo-areas.ts';
import { parseAreaCollection } from './geojson.ts';
import { simplifyOutline } from './outline.ts';
import { box } from '../../test/geometry.ts';

const nl = parseAreaCollection(JSON.parse(readFileSync(demoAreasFile, 'utf8')), {
  codeProperty: 'statcode',
  nameProperty: 'statnaam',
});
const countPositions = (geometry: number[][][][]) => geometry.flat(2).length;

describe('simplifyOutline (Douglas–Peucker for the map)', () => {
  it("simplifies Rotterdam's boundary yet keeps every ring closed and the centre inside", () => {
    const original = nl.find((f) => f.code === 'GM0599')!.geometry;
    const outline = simplifyOutline(original);
    const coarse = simplifyOutline(original, 300);
    assert.ok(countPositions(outline) < countPositions(original), 'fewer points at 30 m');
    assert.ok(countPositions(coarse) < countPositions(outline), 'fewer still at 300 m');
    for (const geometry of [outline, coarse]) {
      assert.equal(geometry.length, original.length);
      for (const ring of geometry.flat()) {
        assert.ok(ring.length >= 4);
        assert.deepEqual(ring[0], ring.at(-1));
        for (const value of ring.flat()) assert.equal(Math.round(value * 1e5) / 1e5, value, 'rounded to 5 decimals');
      }
      const index = AreaIndex.build([{ code: 'GM0599', name: 'Rotterdam', geometry }], { toleranceMeters: 0 });
      assert.equal(index.find(4.4792, 51.9225)?.code, 'GM0599');
    }
  });

  it('keeps every municipality drawable: each outline ring closed with at least 4 positions', () => {
    for (const feature of nl) {
      const outline = simplifyOutline(feature.geometry, 1000);
      assert.equal(outline.length, feature.geometry.length, feature.code);
      for (const rings of outline) {
        assert.ok(rings.length >= 1, `${feature.code} keeps its outer rings`);
        for (const ring of rings) {
          assert.ok(ring.length >= 4, feature.code);
          assert.deepEqual(ring[0], ring.at(-1), feature.code);
        }
      }
    }
  });

  it('drops a hole that collapses but never an outer ring', () => {
    const withHole = [box(5.0, 52.1, 5.1, 52.2), box(5.04, 52.14, 5.06, 52.16)];
    assert.deepEqual(simplifyOutline([withHole], 0), [withHole]);
    const coarse = simplifyOutline([withHole], 50_000);
    assert.equal(coarse.length, 1);
    assert.equal(coarse[0]!.length, 1, 'the hole is gone');
    assert.equal(coarse[0]![0]!.length, 4, 'the outer ring stays a closed triangle');
    assert.deepEqual(coarse[0]![0]![0], coarse[0]![0]![3]);
  });
});
