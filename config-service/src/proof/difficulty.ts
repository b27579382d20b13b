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
  /** How long a tenant's last-hour count is reused before it is read again: how fast a flood is noticed. */
  recountMs: number;
  /** How long a tenant's median of four weeks is reused (it barely moves within the hour). */
  historyRefreshMs: number;
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
  recountMs: 5_000,
  historyRefreshMs: 15 * 60_000,
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
  return maxNumberOf(intake.lastHour, medianOfHours(intake.pastHours), settings);
}

function maxNumberOf(lastHour: number, median: number, settings: DifficultySettings): number {
  const flood = lastHour > settings.floodFactor * Math.max(median, settings.medianFloorPerHour);
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

/** Reads a tenant's intake at `now`, in two parts read at their own pace; the database's is `intakeFromReports`. */
export interface IntakeSource {
  /** The reports of the hour before `now`: read every few seconds, so a flood is noticed at once. */
  lastHour(tenantId: string, now: Date): Promise<number>;
  /** The counts of the `historyHours` hours before that hour (`Intake.pastHours`): read now and then. */
  pastHours(tenantId: string, now: Date): Promise<readonly number[]>;
}

/**
 * The reports entered through a tenant's widget (`source_tenant_id`), from `report` itself (index
 * `report_source_received`): the last hour as one count, the four weeks before as one grouped count
 * that gives only the non-empty hours.
 */
export function intakeFromReports(db: Kysely<Database>): IntakeSource {
  return {
    async lastHour(tenantId, now) {
      const at = now.toISOString();
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from report
        where source_tenant_id = ${tenantId}
          and received_at > ${at}::timestamptz - interval '1 hour' and received_at <= ${at}::timestamptz`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
    async pastHours(tenantId, now) {
      const at = now.toISOString();
      const { rows } = await sql<{ hours_ago: number; n: number }>`
        select floor(extract(epoch from (${at}::timestamptz - received_at)) / 3600)::int as hours_ago,
          count(*)::int as n
        from report
        where source_tenant_id = ${tenantId}
          and received_at > ${at}::timestamptz - make_interval(hours => ${historyHours + 1})
          and received_at <= ${at}::timestamptz - interval '1 hour'
        group by 1`.execute(db);
      const byHour = new Map(rows.map((r) => [Number(r.hours_ago), Number(r.n)]));
      return Array.from({ length: historyHours }, (_, i) => byHour.get(i + 1) ?? 0);
    },
  };
}

/** A value read at `at`, shared by every request until it is read again. */
interface Reading {
  at: number;
  value: Promise<number>;
}

/**
 * Each tenant's current `maxNumber`: its last hour counted at most once per `recountMs`, its median of
 * four weeks at most once per `historyRefreshMs` — requests in between share the answers, and requests
 * arriving while one is read share that one query. A read that fails is not kept: the next request reads again.
 * Between two counts the reports this instance took in (`noteIntake`) are added to the last one, so a
 * flood raises the difficulty after a handful of reports, not at the next count.
 */
export class ProofDifficulty {
  readonly #source: IntakeSource;
  readonly #settings: DifficultySettings;
  readonly #now: () => number;
  readonly #lastHour = new Map<string, Reading & { since: number }>();
  readonly #median = new Map<string, Reading>();

  constructor(source: IntakeSource, settings: Partial<DifficultySettings> = {}, now: () => number = Date.now) {
    this.#source = source;
    this.#settings = { ...defaultDifficulty, ...settings };
    this.#now = now;
  }

  get settings(): DifficultySettings {
    return this.#settings;
  }

  async maxNumber(tenantId: string): Promise<number> {
    const now = this.#now();
    let counted = this.#lastHour.get(tenantId);
    if (!counted || now - counted.at >= this.#settings.recountMs) {
      counted = {
        ...this.#read(this.#lastHour, tenantId, now, () => this.#source.lastHour(tenantId, new Date(now))),
        since: 0,
      };
      this.#lastHour.set(tenantId, counted);
    }
    let median = this.#median.get(tenantId);
    if (!median || now - median.at >= this.#settings.historyRefreshMs) {
      median = this.#read(this.#median, tenantId, now, async () =>
        medianOfHours(await this.#source.pastHours(tenantId, new Date(now))),
      );
      this.#median.set(tenantId, median);
    }
    const [lastHour, medianHour] = await Promise.all([counted.value, median.value]);
    return maxNumberOf(lastHour + counted.since, medianHour, this.#settings);
  }

  /** A report entered through the tenant's widget on this instance: counted until the next count includes it. */
  noteIntake(tenantId: string): void {
    const counted = this.#lastHour.get(tenantId);
    if (counted) counted.since++;
  }

  /** A new reading; dropped from `readings` again if it fails. */
  #read(readings: Map<string, Reading>, tenantId: string, now: number, read: () => Promise<number>): Reading {
    const value = read();
    value.catch(() => {
      if (readings.get(tenantId)?.value === value) readings.delete(tenantId);
    });
    if (readings.size > 10_000) readings.clear();
    return { at: now, value };
  }
}
