import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { figurePartsOfDay, reportDelays } from '@meldpunt/contracts';
import { key, minimumCountOf, suppressPeriod, type PeriodCounts } from './period-figures.ts';
import { derivableKeys } from './suppression.ts';

/** One report as the figures see it. */
const reportArbitrary = fc.record({
  role: fc.constantFrom('victim', 'bystander', 'other'),
  /** An exact time's weekday and hour, or a part of day given without one. */
  time: fc.oneof(
    fc.record({ weekday: fc.integer({ min: 1, max: 7 }), hour: fc.integer({ min: 0, max: 23 }) }),
    fc.constantFrom(...figurePartsOfDay),
  ),
  delay: fc.constantFrom(...reportDelays),
  square: fc.option(fc.constantFrom('E1205N4875', 'E1210N4875', 'E1215N4880', 'E1200N4870'), { nil: undefined }),
  categories: fc.subarray(['verbal', 'following', 'touching'], { minLength: 1 }),
});

type TestReport = typeof reportArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The counts the queries would give for these reports. */
function countsOf(reports: TestReport[]): PeriodCounts {
  const tally = <T>(items: T[], id: (item: T) => string) => {
    const counts = new Map<string, { item: T; n: number }>();
    for (const item of items) {
      const k = id(item);
      counts.set(k, { item, n: (counts.get(k)?.n ?? 0) + 1 });
    }
    return [...counts.values()];
  };
  const partOf = (t: TestReport['time']) =>
    typeof t === 'string' ? t : (['night', 'morning', 'afternoon', 'evening'][Math.floor(t.hour / 6)] ?? 'night');
  return {
    groups: tally(reports, (r) => JSON.stringify([r.role, partOf(r.time), typeof r.time, r.delay, !!r.square])).map(
      ({ item: r, n }) => ({
        role: r.role,
        part_of_day: partOf(r.time),
        exact: typeof r.time !== 'string',
        delay: r.delay,
        located: r.square !== undefined,
        n,
      }),
    ),
    hotTimes: tally(
      reports.flatMap((r) => (typeof r.time === 'string' ? [] : [r.time])),
      (t) => `${t.weekday}:${t.hour}`,
    ).map(({ item, n }) => ({ ...item, n })),
    squares: tally(
      reports.flatMap((r) => (r.square ? [r.square] : [])),
      (id) => id,
    )
      .map(({ item, n }) => ({ id: item, n }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    categories: tally(
      reports.flatMap((r) => r.categories),
      (c) => c,
    ).map(({ item, n }) => ({ category: item, n })),
    categoryIds: ['verbal', 'following', 'touching', 'threat'],
  };
}

describe('a period’s figures together', () => {
  it('never show a count below the minimum, never let one be worked out, and never hide the total for another', () => {
    fc.assert(
      fc.property(
        fc.array(reportArbitrary, { minLength: 0, maxLength: 80 }),
        fc.integer({ min: 3, max: 8 }),
        (reports, minimumCount) => {
          const { published, cells, hidden, rules } = suppressPeriod(countsOf(reports), minimumCount);
          assert.equal(cells.get('total'), reports.length);
          const unknown = new Set([
            ...hidden,
            ...[...published].filter(([, p]) => p.suppressed !== null).map(([k]) => k),
          ]);
          // Every derivable hidden cell is one the shape of the answer fixes at 0 anyway.
          const structural = new Set(derivableKeys(rules, () => true).map((d) => d.key));
          for (const d of derivableKeys(rules, (k) => unknown.has(k))) {
            if (hidden.includes(d.key)) continue;
            assert.ok(structural.has(d.key), `${d.key} (${cells.get(d.key)}) can be worked out`);
            assert.equal(cells.get(d.key), 0);
          }
          for (const [k, p] of published) {
            const count = cells.get(k) ?? 0;
            if (count < minimumCount) assert.equal(p.suppressed, 'below-minimum', k);
            if (p.suppressed === null) assert.equal(p.count, count, k);
            else assert.equal(p.count, null, k);
          }
          assert.notEqual(published.get('total')?.suppressed, 'complementary');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a cell of 4 is never shown and cannot be derived', () => {
    const reports = [
      ...Array.from({ length: 4 }, () => ({ role: 'bystander' as const, hour: 23 })),
      ...Array.from({ length: 12 }, () => ({ role: 'victim' as const, hour: 10 })),
    ].map((r): TestReport => ({
      role: r.role,
      time: { weekday: 7, hour: r.hour },
      delay: 'under-1-hour' as const,
      square: 'E1205N4875' as const,
      categories: ['verbal'],
    }));
    const { published, hidden, rules } = suppressPeriod(countsOf(reports), 5);
    assert.deepEqual(published.get(key.hour(7, 23)), { count: null, suppressed: 'below-minimum' });
    assert.deepEqual(published.get(key.role('bystander')), { count: null, suppressed: 'below-minimum' });
    // total 16 − victims 12 leaves bystanders + others (0, hidden too): not one number.
    assert.equal(published.get(key.role('victim'))?.count, 12);
    assert.equal(published.get(key.role('other'))?.suppressed, 'below-minimum');
    assert.equal(published.get('total')?.count, 16);
    for (const p of published.values()) assert.notEqual(p.count, 4);
    const unknown = new Set([...hidden, ...[...published].filter(([, p]) => p.suppressed).map(([k]) => k)]);
    const derivable = derivableKeys(rules, (k) => unknown.has(k)).map((d) => d.key);
    assert.ok(!derivable.includes(key.role('bystander')));
    assert.ok(!derivable.includes(key.hour(7, 23)));
    // The grid: exact 16 − the 12 at 10h = the 4 at 23h unless another hour is hidden with them.
    assert.equal(published.get(key.hour(7, 10))?.count, 12);
    assert.equal(published.get('exact')?.suppressed, 'complementary');
  });

  it('takes the tenant’s minimum count, never below 3, 5 when unset', () => {
    assert.equal(minimumCountOf(undefined), 5);
    assert.equal(minimumCountOf({}), 5);
    assert.equal(minimumCountOf({ figures: { minimumCount: 3 } }), 3);
    assert.equal(minimumCountOf({ figures: { minimumCount: 1 } }), 3);
    assert.equal(minimumCountOf({ figures: { minimumCount: 10 } }), 10);
  });
});
