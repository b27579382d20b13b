/**
 * The periods of the figures: ISO weeks (Monday to Sunday) and calendar months, in Europe/Amsterdam.
 * Only complete periods are served — a period that has not ended yet would change as reports arrive,
 * and two answers a few minutes apart could be differenced to single out one report.
 */
import { figuresTimeZone, type FigurePeriod, type Period } from '@meldpunt/contracts';

/** A calendar date `YYYY-MM-DD` as a UTC midnight (for day arithmetic only). */
function parseDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = parseDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return formatDate(d);
}

function addMonths(date: string, months: number): string {
  const d = parseDate(date);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  return formatDate(d);
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: figuresTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Europe/Amsterdam at `instant`. */
export function amsterdamDate(instant: Date): string {
  return dayFormat.format(instant);
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: figuresTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Europe/Amsterdam is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number): number {
  const parts = partsFormat.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((x) => x.type === type)?.value ?? 0);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return local - Math.floor(instant / 1000) * 1000;
}

/** The instant midnight starts `date` in Europe/Amsterdam (never in a daylight-saving gap: those are at 2:00). */
export function amsterdamMidnight(date: string): Date {
  const utc = parseDate(date).getTime();
  return new Date(utc - offsetAt(utc - offsetAt(utc)));
}

/** The period of `kind` containing `date`. */
export function periodContaining(kind: FigurePeriod, date: string): Period {
  if (kind === 'month') {
    const start = `${date.slice(0, 7)}-01`;
    return { kind, start, end: addMonths(start, 1) };
  }
  const isoWeekday = ((parseDate(date).getUTCDay() + 6) % 7) + 1;
  const start = addDays(date, 1 - isoWeekday);
  return { kind, start, end: addDays(start, 7) };
}

/** The period `steps` periods before `period` (after, when negative). */
export function periodBefore(period: Period, steps = 1): Period {
  const start = period.kind === 'month' ? addMonths(period.start, -steps) : addDays(period.start, -7 * steps);
  return periodContaining(period.kind, start);
}

/** The last period of `kind` that has ended at `now`. */
export function lastCompletePeriod(kind: FigurePeriod, now: Date): Period {
  return periodBefore(periodContaining(kind, amsterdamDate(now)));
}

/** Whether `period` has ended at `now` (in Europe/Amsterdam). */
export function isComplete(period: Period, now: Date): boolean {
  return period.end <= amsterdamDate(now);
}

/** The instants a period covers: `from` inclusive, `to` exclusive (reports by `received_at`). */
export function periodRange(period: Period): { from: Date; to: Date } {
  return { from: amsterdamMidnight(period.start), to: amsterdamMidnight(period.end) };
}

/**
 * The period asked for: the one of `kind` containing `at`, or the last complete one. A period that has
 * not ended yet is refused with the last complete one (for the answer's problem).
 */
export function resolvePeriod(
  kind: FigurePeriod,
  at: string | undefined,
  now: Date,
): { ok: true; period: Period } | { ok: false; lastComplete: Period } {
  const lastComplete = lastCompletePeriod(kind, now);
  if (at === undefined) return { ok: true, period: lastComplete };
  const period = periodContaining(kind, at);
  return isComplete(period, now) ? { ok: true, period } : { ok: false, lastComplete };
}
