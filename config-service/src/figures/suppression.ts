/**
 * Statistical disclosure control for one period's figures: which counts may be published.
 *
 * 1. **Primary**: every count below the minimum — 0 included — is `below-minimum` (shown as "< 5").
 * 2. **Complementary**: the published figures of a period are tied together by sums (the total is the
 *    sum of the roles, of the parts of day, …). Every sum is a linear equation over the cells; quantities
 *    that are never published (`hidden`, e.g. the reports without an exact time per part of day) are free
 *    unknowns in it. A suppressed cell can be worked out exactly when its unit vector lies in the row
 *    space of the equations restricted to the unknowns (suppressed and hidden). We check that exactly,
 *    with rational Gaussian elimination, and while a suppressed cell is derivable we hide the smallest
 *    published cell of the equations that pin it (`complementary`), then check again.
 *
 * Pure: no database, no HTTP. Only linear (exact) derivation is prevented; bounds from the counts being
 * non-negative are not (a suppressed value stays a range, never one number).
 */
import type { PublishedCount } from '@meldpunt/contracts';

/** `total` is the sum of `parts` (keys of cells or of hidden quantities; a key twice counts twice). */
export interface SumRule {
  total: string;
  parts: readonly string[];
}

export interface SuppressionInput {
  /** Every published count of the period, by key. */
  cells: ReadonlyMap<string, number>;
  /** Quantities that appear in rules but are never published (free unknowns). */
  hidden?: readonly string[];
  rules: readonly SumRule[];
  minimumCount: number;
  /**
   * Cells hidden for another's sake only when nothing else can be (the grand total: other answers —
   * the trend, the previous period — show it too, with primary suppression only).
   */
  keep?: readonly string[];
}

/** The published form of every cell of `input.cells`. */
export function suppress(input: SuppressionInput): Map<string, PublishedCount> {
  const state = new Map<string, PublishedCount['suppressed']>();
  for (const [key, count] of input.cells) state.set(key, count < input.minimumCount ? 'below-minimum' : null);

  const hidden = new Set(input.hidden ?? []);
  const keep = new Set(input.keep ?? []);
  for (const rule of input.rules) {
    for (const key of [rule.total, ...rule.parts]) {
      if (!input.cells.has(key) && !hidden.has(key)) throw new Error(`rule names an unknown key ${key}`);
    }
  }

  // Cells the rules fix without any published number (a sum of nothing: no hotspot square listed means
  // none has a report): such a cell is 0, known from the shape of the answer itself — nothing to hide.
  const structural = new Set(
    derivableKeys(input.rules, () => true)
      .map((d) => d.key)
      .filter((key) => !hidden.has(key)),
  );
  for (;;) {
    const pinned = derivableKeys(input.rules, (key) => hidden.has(key) || state.get(key) !== null)
      .filter((d) => !hidden.has(d.key) && !structural.has(d.key))
      .sort((a, b) => (a.key < b.key ? -1 : 1))[0];
    if (!pinned) break;
    // The smallest published cell of the rules that pin it (by key among equals), the kept ones last.
    let choice: string | undefined;
    let choiceRank: [boolean, number, string] | undefined;
    for (const rule of pinned.rules) {
      for (const key of [rule.total, ...rule.parts]) {
        if (hidden.has(key) || state.get(key) !== null) continue;
        const rank: [boolean, number, string] = [keep.has(key), input.cells.get(key) ?? 0, key];
        if (!choiceRank || compareRanks(rank, choiceRank) < 0) [choice, choiceRank] = [key, rank];
      }
    }
    // A derivable cell is pinned by published cells (a structural one was left out above).
    if (choice === undefined) throw new Error(`${pinned.key} is derivable but no published cell pins it`);
    state.set(choice, 'complementary');
  }

  const result = new Map<string, PublishedCount>();
  for (const [key, count] of input.cells) {
    const suppressed = state.get(key) ?? null;
    result.set(key, { count: suppressed ? null : count, suppressed });
  }
  return result;
}

function compareRanks(a: [boolean, number, string], b: [boolean, number, string]): number {
  if (a[0] !== b[0]) return a[0] ? 1 : -1;
  if (a[1] !== b[1]) return a[1] - b[1];
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

/**
 * The keys among the unknowns (`isUnknown`) that the rules determine exactly, each with the rules that
 * combine to it. Hidden quantities count as unknowns; callers ignore them as results.
 */
export function derivableKeys(
  rules: readonly SumRule[],
  isUnknown: (key: string) => boolean,
): { key: string; rules: SumRule[] }[] {
  // Unknowns with the same coefficients in every rule (the hours of one part of day, the squares) are one
  // column: their sum may be determined, never one of them alone (no row tells two equal columns apart).
  // This keeps the system a few dozen columns wide however many squares a period has.
  const signatures = new Map<string, number[]>();
  const count = (key: string, r: number, coefficient: number) => {
    if (!isUnknown(key)) return;
    let signature = signatures.get(key);
    if (!signature) signatures.set(key, (signature = new Array<number>(rules.length).fill(0)));
    signature[r] = (signature[r] ?? 0) + coefficient;
  };
  rules.forEach((rule, r) => {
    count(rule.total, r, 1);
    for (const part of rule.parts) count(part, r, -1);
  });
  const groups = new Map<string, { keys: string[]; coefficients: number[] }>();
  for (const [key, coefficients] of signatures) {
    const id = coefficients.join(',');
    const group = groups.get(id) ?? { keys: [], coefficients };
    group.keys.push(key);
    groups.set(id, group);
  }
  const columns = [...groups.values()];
  const width = columns.length;
  const at = (row: readonly Fraction[], j: number) => row[j] ?? zero;
  // Each row: the rule over the unknowns, then which rules it combines (to name the ones that pin a cell).
  const rows = rules.map((_, r) => {
    const row: Fraction[] = Array.from({ length: width + rules.length }, () => zero);
    columns.forEach((column, i) => {
      const coefficient = column.coefficients[r] ?? 0;
      if (coefficient !== 0) row[i] = new Fraction(BigInt(coefficient));
    });
    row[width + r] = one;
    return row;
  });

  // Reduced row echelon form over the unknowns' columns: `pivots[r]` is the pivot column of row r.
  const pivots: number[] = [];
  for (let col = 0; col < width && pivots.length < rows.length; col++) {
    const top = pivots.length;
    const found = rows.findIndex((row, i) => i >= top && !at(row, col).isZero());
    if (found < 0) continue;
    const [pivotRow] = rows.splice(found, 1);
    if (!pivotRow) continue;
    rows.splice(top, 0, pivotRow);
    const inverse = at(pivotRow, col).inverse();
    const nonZero: number[] = [];
    pivotRow.forEach((value, j) => {
      if (value.isZero()) return;
      pivotRow[j] = value.mul(inverse);
      nonZero.push(j);
    });
    rows.forEach((row, i) => {
      const factor = at(row, col);
      if (i === top || factor.isZero()) return;
      for (const j of nonZero) row[j] = at(row, j).sub(factor.mul(at(pivotRow, j)));
    });
    pivots.push(col);
  }

  // A unit vector lies in the row space iff it is a reduced row: its column a pivot, nothing else in the row.
  const found: { key: string; rules: SumRule[] }[] = [];
  pivots.forEach((col, r) => {
    const row = rows[r] ?? [];
    const alone = row.every((value, j) => j >= width || j === col || value.isZero());
    const keys = columns[col]?.keys ?? [];
    const key = keys.length === 1 ? keys[0] : undefined;
    if (!alone || key === undefined) return;
    found.push({ key, rules: rules.filter((_, k) => !at(row, width + k).isZero()) });
  });
  return found;
}

/** An exact rational number (the elimination must not round). */
class Fraction {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den = 1n) {
    if (den < 0n) [num, den] = [-num, -den];
    const g = gcd(num < 0n ? -num : num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  isZero() {
    return this.num === 0n;
  }
  add(o: Fraction) {
    return new Fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Fraction) {
    return new Fraction(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Fraction) {
    return new Fraction(this.num * o.num, this.den * o.den);
  }
  inverse() {
    return new Fraction(this.den, this.num);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const zero = new Fraction(0n);
const one = new Fraction(1n);
