/**
 * Every imported area set, by the date it takes effect. Municipalities merge on 1 January, so a report is
 * routed by the areas in force on the day it happened — that day as it was in the Netherlands.
 */
import { AreaIndex, type AreaIndexOptions } from './area-index.ts';
import type { AreaHit, AreaSet } from './types.ts';

export interface AreaCatalogOptions extends AreaIndexOptions {
  /** The clock for `current()` and for `area()` without a date. */
  now?: () => Date;
}

const TIME_ZONE = 'Europe/Amsterdam';
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of an instant in Europe/Amsterdam. */
const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The area sets of all validity dates, each turned into an `AreaIndex` the first time it is needed.
 * Immutable: when sets are imported, build a new catalog (see `areaSetsFingerprint`).
 */
export class AreaCatalog {
  /** Validity dates (`YYYY-MM-DD`), oldest first. */
  readonly validFroms: readonly string[];

  private readonly sets: readonly AreaSet[];
  private readonly indexes: (AreaIndex | undefined)[];
  private readonly options: AreaIndexOptions;
  private readonly now: () => Date;

  /**
   * @param sets area sets in any order; each `validFrom` a real `YYYY-MM-DD` date, no date twice.
   * @throws {RangeError} for a malformed or repeated `validFrom`.
   */
  constructor(sets: readonly AreaSet[], options: AreaCatalogOptions = {}) {
    const { now = () => new Date(), ...indexOptions } = options;
    this.sets = [...sets].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
    this.sets.forEach((set, i) => {
      if (!isPlainDate(set.validFrom)) throw new RangeError(`AreaCatalog: validFrom ${set.validFrom} is not a date`);
      if (set.validFrom === this.sets[i - 1]?.validFrom) {
        throw new RangeError(`AreaCatalog: two area sets are valid from ${set.validFrom}`);
      }
    });
    this.validFroms = this.sets.map((s) => s.validFrom);
    this.indexes = this.sets.map(() => undefined);
    this.options = indexOptions;
    this.now = now;
  }

  /**
   * The areas in force on the day of `at` in Europe/Amsterdam: the set with the latest `validFrom` on or
   * before that day. Before the earliest set: the earliest set. No sets: undefined.
   * @param at an instant (`Date` or ISO 8601 string) or a plain day (`YYYY-MM-DD`, taken as is).
   * @throws {RangeError} when `at` is not a valid date.
   */
  forDate(at: Date | string): AreaIndex | undefined {
    if (this.sets.length === 0) return undefined;
    const day = dayInAmsterdam(at);
    // The last set in force on that day; the first one if none is yet.
    const next = this.sets.findIndex((set) => set.validFrom > day);
    return this.indexAt(next === -1 ? this.sets.length - 1 : Math.max(next - 1, 0));
  }

  /** The areas in force today. */
  current(): AreaIndex | undefined {
    return this.forDate(this.now());
  }

  /** Code and name of an area in the set in force at `at` (default: now); undefined if that set lacks it. */
  area(code: string, at?: Date | string): AreaHit | undefined {
    const feature = this.forDate(at ?? this.now())?.get(code);
    return feature && { code: feature.code, name: feature.name };
  }

  private indexAt(i: number): AreaIndex | undefined {
    const set = this.sets[i];
    if (!set) return undefined;
    let index = this.indexes[i];
    if (!index) {
      index = AreaIndex.build(set.features, this.options);
      this.indexes[i] = index;
    }
    return index;
  }
}

/** The calendar day (`YYYY-MM-DD`) of an instant in Europe/Amsterdam; a plain date is returned as is. */
export function dayInAmsterdam(at: Date | string): string {
  if (typeof at === 'string' && PLAIN_DATE.test(at)) {
    if (!isPlainDate(at)) throw new RangeError(`Not a valid date: ${at}`);
    return at;
  }
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid date: ${String(at)}`);
  const parts = amsterdamDate.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whether `value` is `YYYY-MM-DD` and that day exists (no 2025-02-30). */
export function isPlainDate(value: string): boolean {
  if (!PLAIN_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
