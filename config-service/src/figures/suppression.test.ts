import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { derivableKeys, suppress, type SumRule, type SuppressionInput } from './suppression.ts';

/** The rank of a matrix (floating point is exact enough for these small ±1 systems). */
function rank(matrix: number[][]): number {
  const rows = matrix.map((r) => [...r]);
  let r = 0;
  const width = rows[0]?.length ?? 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    let best = r;
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    if (Math.abs(rows[best]![c]!) < 1e-9) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![c]! / rows[r]![c]!;
      for (let j = c; j < width; j++) rows[i]![j]! -= f * rows[r]![j]!;
    }
    r++;
  }
  return r;
}

/**
 * An independent check: `key` is determined by the rules given the published cells iff removing its
 * column lowers the rank of the system over the unknowns by one (its unit vector is in the row space).
 */
function isDerivable(rules: readonly SumRule[], unknowns: readonly string[], key: string): boolean {
  const matrix = (columns: readonly string[]) =>
    rules.map((rule) => columns.map((c) => (rule.total === c ? 1 : 0) - rule.parts.filter((p) => p === c).length));
  const all = rank(matrix(unknowns));
  const without = rank(matrix(unknowns.filter((k) => k !== key)));
  return without === all - 1;
}

/** Checks every promise of `suppress` on one input. */
function checkPublished(input: SuppressionInput) {
  const published = suppress(input);
  const hidden = input.hidden ?? [];
  const unknowns = [...hidden, ...[...published].filter(([, p]) => p.suppressed).map(([k]) => k)];
  for (const [key, count] of input.cells) {
    const p = published.get(key)!;
    if (count < input.minimumCount) assert.equal(p.suppressed, 'below-minimum', `${key}=${count} is below the minimum`);
    if (p.suppressed) {
      assert.equal(p.count, null, `${key} is hidden but shows a number`);
      assert.equal(isDerivable(input.rules, unknowns, key), false, `${key} (${count}) can be derived`);
    } else {
      assert.equal(p.count, count, `${key} shows its true count`);
      assert.ok(count >= input.minimumCount);
    }
  }
  return published;
}

/** A table of rows × columns with row totals, column totals and a grand total, as the figures are. */
function table(values: number[][]) {
  const cells = new Map<string, number>();
  const rules: SumRule[] = [];
  values.forEach((row, r) => row.forEach((v, c) => cells.set(`c${r}.${c}`, v)));
  const rowKeys = values.map((row, r) => {
    cells.set(
      `row${r}`,
      row.reduce((a, b) => a + b, 0),
    );
    rules.push({ total: `row${r}`, parts: row.map((_, c) => `c${r}.${c}`) });
    return `row${r}`;
  });
  const colKeys = values[0]!.map((_, c) => {
    cells.set(
      `col${c}`,
      values.reduce((a, row) => a + row[c]!, 0),
    );
    rules.push({ total: `col${c}`, parts: values.map((_, r) => `c${r}.${c}`) });
    return `col${c}`;
  });
  cells.set(
    'total',
    values.flat().reduce((a, b) => a + b, 0),
  );
  rules.push({ total: 'total', parts: rowKeys }, { total: 'total', parts: colKeys });
  return { cells, rules };
}

describe('suppress', () => {
  it('hides counts below the minimum, 0 included, and shows the others', () => {
    const published = suppress({
      cells: new Map([
        ['a', 0],
        ['b', 4],
        ['c', 5],
        ['d', 40],
      ]),
      rules: [],
      minimumCount: 5,
    });
    assert.deepEqual(Object.fromEntries(published), {
      a: { count: null, suppressed: 'below-minimum' },
      b: { count: null, suppressed: 'below-minimum' },
      c: { count: 5, suppressed: null },
      d: { count: 40, suppressed: null },
    });
  });

  it('never shows a cell of 4 and hides another so the total does not give it away', () => {
    const input: SuppressionInput = {
      cells: new Map([
        ['total', 30],
        ['victim', 4],
        ['bystander', 17],
        ['other', 9],
      ]),
      rules: [{ total: 'total', parts: ['victim', 'bystander', 'other'] }],
      minimumCount: 5,
      keep: ['total'],
    };
    const published = checkPublished(input);
    assert.deepEqual(published.get('victim'), { count: null, suppressed: 'below-minimum' });
    // The smallest published part goes with it; the total stays.
    assert.deepEqual(published.get('other'), { count: null, suppressed: 'complementary' });
    assert.deepEqual(published.get('bystander'), { count: 17, suppressed: null });
    assert.deepEqual(published.get('total'), { count: 30, suppressed: null });
  });

  it('follows a derivation through several sums and hidden quantities', () => {
    // exact = Σ hours; total = exact + without; night = hours of the night + (not exact, at night).
    const input: SuppressionInput = {
      cells: new Map([
        ['total', 20],
        ['exact', 16],
        ['without', 4],
        ['h1', 10],
        ['h2', 6],
        ['night', 12],
        ['day', 8],
      ]),
      hidden: ['u-night', 'u-day'],
      rules: [
        { total: 'exact', parts: ['h1', 'h2'] },
        { total: 'total', parts: ['exact', 'without'] },
        { total: 'night', parts: ['h1', 'u-night'] },
        { total: 'day', parts: ['h2', 'u-day'] },
        { total: 'without', parts: ['u-night', 'u-day'] },
        { total: 'total', parts: ['night', 'day'] },
      ],
      minimumCount: 5,
      keep: ['total'],
    };
    const published = checkPublished(input);
    assert.equal(published.get('without')!.suppressed, 'below-minimum');
    assert.equal(published.get('total')!.count, 20);
  });

  it('names the rules that pin a derivable cell', () => {
    const rules = [
      { total: 't', parts: ['a', 'b'] },
      { total: 'u', parts: ['c'] },
    ];
    const found = derivableKeys(rules, (k) => k === 'a' || k === 'c');
    assert.deepEqual(
      found.map((f) => [f.key, f.rules]),
      [
        ['a', [rules[0]]],
        ['c', [rules[1]]],
      ],
    );
  });

  it('leaves nothing derivable in random tables with row, column and grand totals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((rows) =>
          fc.integer({ min: 1, max: 6 }).chain((cols) =>
            fc.tuple(
              fc.array(
                fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), {
                  minLength: cols,
                  maxLength: cols,
                }),
                { minLength: rows, maxLength: rows },
              ),
              fc.integer({ min: 3, max: 10 }),
              fc.boolean(),
            ),
          ),
        ),
        ([values, minimumCount, keepTotal]) => {
          const { cells, rules } = table(values);
          checkPublished({ cells, rules, minimumCount, ...(keepTotal ? { keep: ['total'] } : {}) });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves nothing derivable in random systems of sums with hidden quantities', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 }),
        (leaves, groups, hiddenCount) => {
          // Leaves (some of them hidden), and sums of groups of them published as cells.
          const cells = new Map<string, number>();
          const hidden: string[] = [];
          leaves.forEach((v, i) => (i < hiddenCount ? hidden.push(`l${i}`) : cells.set(`l${i}`, v)));
          const rules: SumRule[] = groups.map((group, g) => {
            const parts = [...new Set(group.map((n) => `l${n % leaves.length}`))];
            cells.set(
              `s${g}`,
              parts.reduce((a, k) => a + leaves[Number(k.slice(1))]!, 0),
            );
            return { total: `s${g}`, parts };
          });
          checkPublished({ cells, rules, hidden, minimumCount: 5 });
        },
      ),
      { numRuns: 300 },
    );
  });
});
