import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * How hard a tenant's challenges are: altcha's counter is drawn from `0…maxNumber`, so a client tries
 * `maxNumber / 2` hashes on average and `maxNumber` at most. The default is one a reporter never
 * notices (the widget solves it while they fill in the steps; `pnpm bench:proof` measures it under 4×
 * CPU throttling); a flood at a tenant raises it, so each flood report costs more while genuine
 * reporters still get through — instead of a hard stop that an attacker could use to lock them out.
 */
export interface DifficultySettings {
  /** The everyday `maxNumber`. */
  baseMaxNumber: number;
  /** `maxNumber` is multiplied by this while a tenant's intake is a flood. */
  floodMultiplier: number;
  /** A flood: the last hour's reports above this many times the median hourly count of the past four weeks… */
  floodFactor: number;
  /** …where the median counts as at least this (a new or quiet tenant's median is 0). */
  medianFloorPerHour: number;
  /** How long a tenant's difficulty is reused before its counts are read again. */
  refreshMs: number;
}

/**
 * Measured in Chromium with 4× CPU throttling (`pnpm bench:proof`, README "Proof of work"): at most
 * this many SHA-256 hashes stay well under a second there. A flood multiplies it by 10.
 */
export const defaultDifficulty: DifficultySettings = {
  baseMaxNumber: 5_000,
  floodMultiplier: 10,
  floodFactor: 5,
  medianFloorPerHour: 2,
  refreshMs: 60_000,
};

/** Hours in the four weeks whose median is the tenant's normal intake. */
export const historyHours = 28 * 24;

/**
 * A tenant's intake by hour: `lastHour` the reports of the hour before `now`, `pastHours` the counts of
 * the `historyHours` hours before that (hours without reports may be left out: they count as 0).
 */
export interface Intake {
  lastHour: number;
  pastHours: readonly number[];
}

/** The `maxNumber` for a tenant's intake: raised while the last hour is a flood, the base otherwise. */
export function maxNumberFor(intake: Intake, settings: DifficultySettings): number {
  const median = Math.max(medianOfHours(intake.pastHours), settings.medianFloorPerHour);
  const flood = intake.lastHour > settings.floodFactor * median;
  return flood ? settings.baseMaxNumber * settings.floodMultiplier : settings.baseMaxNumber;
}

/** The median over all `historyHours` hours, the missing ones counted as 0. */
function medianOfHours(counts: readonly number[]): number {
  const all = [...counts, ...new Array<number>(Math.max(0, historyHours - counts.length)).fill(0)].sort(
    (a, b) => a - b,
  );
  const mid = all.length / 2;
  return ((all[Math.floor(mid - 0.5)] ?? 0) + (all[Math.ceil(mid - 0.5)] ?? 0)) / 2;
}

/** Reads a tenant's intake at `now`; the database's is `intakeFromReports`. */
export type IntakeSource = (tenantId: string, now: Date) => Promise<Intake>;

/**
 * The reports entered through a tenant's widget (`source_tenant_id`) by hour, from `report` itself:
 * one grouped count over four weeks (index `report_source_received`), only the non-empty hours.
 */
export function intakeFromReports(db: Kysely<Database>): IntakeSource {
  return async (tenantId, now) => {
    const at = now.toISOString();
    const { rows } = await sql<{ hours_ago: number; n: number }>`
      select floor(extract(epoch from (${at}::timestamptz - received_at)) / 3600)::int as hours_ago,
        count(*)::int as n
      from report
      where source_tenant_id = ${tenantId}
        and received_at > ${at}::timestamptz - make_interval(hours => ${historyHours + 1})
        and received_at <= ${at}::timestamptz
      group by 1`.execute(db);
    const byHour = new Map(rows.map((r) => [Number(r.hours_ago), Number(r.n)]));
    const pastHours = Array.from({ length: historyHours }, (_, i) => byHour.get(i + 1) ?? 0);
    return { lastHour: byHour.get(0) ?? 0, pastHours };
  };
}

/**
 * Each tenant's current `maxNumber`, read from its counts at most once per `refreshMs` (requests in
 * between share the answer, and requests arriving while it is read share that one query).
 */
export class ProofDifficulty {
  readonly #source: IntakeSource;
  readonly #settings: DifficultySettings;
  readonly #now: () => number;
  readonly #entries = new Map<string, { at: number; maxNumber: Promise<number> }>();

  constructor(source: IntakeSource, settings: Partial<DifficultySettings> = {}, now: () => number = Date.now) {
    this.#source = source;
    this.#settings = { ...defaultDifficulty, ...settings };
    this.#now = now;
  }

  get settings(): DifficultySettings {
    return this.#settings;
  }

  maxNumber(tenantId: string): Promise<number> {
    const now = this.#now();
    const entry = this.#entries.get(tenantId);
    if (entry && now - entry.at < this.#settings.refreshMs) return entry.maxNumber;
    const maxNumber = this.#source(tenantId, new Date(now)).then((intake) => maxNumberFor(intake, this.#settings));
    // A failed read is not kept: the next request reads again.
    maxNumber.catch(() => {
      if (this.#entries.get(tenantId)?.maxNumber === maxNumber) this.#entries.delete(tenantId);
    });
    if (this.#entries.size > 10_000) this.#entries.clear();
    this.#entries.set(tenantId, { at: now, maxNumber });
    return maxNumber;
  }
}
