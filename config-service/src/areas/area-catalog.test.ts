import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AreaCatalog, dayInAmsterdam, isPlainDate } from './area-catalog.ts';
import type { AreaFeature, AreaSet } from './types.ts';
import { box } from '../../test/geometry.ts';

// 2024: A and B side by side; on 1 January 2025 they merged into C.
const a: AreaFeature = { code: 'GM0001', name: 'Aadorp', geometry: [[box(5.0, 52.0, 5.1, 52.1)]] };
const b: AreaFeature = { code: 'GM0002', name: 'Beedorp', geometry: [[box(5.1, 52.0, 5.2, 52.1)]] };
const c: AreaFeature = { code: 'GM0003', name: 'Ceestad', geometry: [[box(5.0, 52.0, 5.2, 52.1)]] };
const sets: AreaSet[] = [
  { validFrom: '2025-01-01', features: [c] },
  { validFrom: '2024-01-01', features: [a, b] },
];
const inA: [number, number] = [5.05, 52.05];
const inB: [number, number] = [5.15, 52.05];

describe('AreaCatalog', () => {
  it('routes by the areas in force on the date: separate in 2024, merged from 2025', () => {
    const catalog = new AreaCatalog(sets);
    assert.deepEqual(catalog.validFroms, ['2024-01-01', '2025-01-01']);
    assert.equal(catalog.forDate('2024-06-15T12:00:00+02:00')?.find(...inA)?.code, 'GM0001');
    assert.equal(catalog.forDate(new Date('2024-06-15T12:00:00Z'))?.find(...inB)?.code, 'GM0002');
    assert.equal(catalog.forDate('2024-12-31')?.find(...inB)?.code, 'GM0002');
    assert.equal(catalog.forDate('2025-01-01')?.find(...inA)?.code, 'GM0003');
    assert.equal(catalog.forDate('2026-11-20T22:30:00+01:00')?.find(...inB)?.code, 'GM0003');
  });

  it('uses the earliest set for a date before every set', () => {
    const catalog = new AreaCatalog(sets);
    assert.equal(catalog.forDate('2019-03-01T10:00:00Z')?.find(...inA)?.code, 'GM0001');
  });

  it('takes the day in Europe/Amsterdam, not in UTC', () => {
    const catalog = new AreaCatalog(sets);
    // 23:30 UTC on New Year's Eve is 00:30 on 1 January in Amsterdam (CET, UTC+1): the merged set.
    assert.equal(catalog.forDate('2024-12-31T23:30:00Z')?.find(...inA)?.code, 'GM0003');
    assert.equal(catalog.forDate(new Date('2024-12-31T23:30:00Z'))?.find(...inA)?.code, 'GM0003');
    // 22:59 UTC is still 31 December, 23:59 in Amsterdam.
    assert.equal(catalog.forDate('2024-12-31T22:59:00Z')?.find(...inA)?.code, 'GM0001');
    // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July (CEST, UTC+2).
    assert.equal(dayInAmsterdam('2025-06-30T22:30:00Z'), '2025-07-01');
    assert.equal(dayInAmsterdam('2025-06-30T21:30:00Z'), '2025-06-30');
  });

  it('has no areas without sets', () => {
    const catalog = new AreaCatalog([]);
    assert.equal(catalog.forDate('2025-05-05'), undefined);
    assert.equal(catalog.current(), undefined);
    assert.equal(catalog.area('GM0001'), undefined);
  });

  it('current() and area() follow the clock; area() names a code in the set of that date', () => {
    let now = new Date('2024-03-01T12:00:00Z');
    const catalog = new AreaCatalog(sets, { now: () => now });
    assert.equal(catalog.current()?.find(...inA)?.code, 'GM0001');
    assert.deepEqual(catalog.area('GM0002'), { code: 'GM0002', name: 'Beedorp' });
    assert.equal(catalog.area('GM0003'), undefined);
    now = new Date('2025-03-01T12:00:00Z');
    assert.equal(catalog.current()?.find(...inA)?.code, 'GM0003');
    assert.deepEqual(catalog.area('GM0003'), { code: 'GM0003', name: 'Ceestad' });
    assert.deepEqual(catalog.area('GM0001', '2024-07-01'), { code: 'GM0001', name: 'Aadorp' });
  });

  it('builds each index once, on first use', () => {
    const catalog = new AreaCatalog(sets);
    const first = catalog.forDate('2025-02-01');
    assert.ok(first);
    assert.equal(catalog.forDate('2030-01-01'), first);
    assert.notEqual(catalog.forDate('2024-02-01'), first);
  });

  it('passes the tolerance on to its indexes', () => {
    const point: [number, number] = [5.2015, 52.05]; // ~100 m east of C
    assert.equal(new AreaCatalog(sets).forDate('2025-06-01')?.find(...point)?.code, 'GM0003');
    assert.equal(new AreaCatalog(sets, { toleranceMeters: 0 }).forDate('2025-06-01')?.find(...point), undefined);
  });

  it('refuses bad validity dates and bad dates to look up', () => {
    assert.throws(() => new AreaCatalog([{ validFrom: '2025-02-30', features: [c] }]), /2025-02-30 is not a date/);
    assert.throws(
      () => new AreaCatalog([...sets, { validFrom: '2025-01-01', features: [a] }]),
      /two area sets are valid from 2025-01-01/,
    );
    assert.throws(() => new AreaCatalog(sets).forDate('yesterday'), RangeError);
    assert.throws(() => new AreaCatalog(sets).forDate(new Date(Number.NaN)), RangeError);
  });
});

describe('isPlainDate', () => {
  it('accepts real YYYY-MM-DD days only', () => {
    for (const day of ['2025-01-01', '2024-02-29', '1999-12-31']) assert.ok(isPlainDate(day), day);
    for (const day of ['2025-02-29', '2025-13-01', '2025-1-1', '2025-01-01T00:00:00Z', '', '01-01-2025']) {
      assert.ok(!isPlainDate(day), day);
    }
  });
});
