/**
 * The back office's closed lists (issue 14): a report's statuses and the moves between them, where a
 * report can be referred to, why it is closed, why an officer may see contact details, the delay
 * buckets and parts of the figures. A module of its own without zod (`@meldpunt/contracts/backoffice-values`,
 * like `./audit-actions`): the console needs these values, not the schemas.
 */

/**
 * Where a report is in the OOV team's work. `waiting` (issue 15): the municipality asked the reporter
 * something through the follow-up channel and waits for the answer.
 */
export const reportStatuses = ['new', 'in-progress', 'waiting', 'referred', 'closed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/**
 * The moves the workflow allows, from each status: new → in progress → referred → closed, each of them
 * directly where the work is already done, and back (reopen: closed → in progress); waiting for the
 * reporter from any open status, back to in progress (also by itself when the reporter replies).
 */
export const statusTransitions: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  new: ['in-progress', 'waiting', 'referred', 'closed'],
  'in-progress': ['new', 'waiting', 'referred', 'closed'],
  waiting: ['in-progress', 'referred', 'closed'],
  referred: ['in-progress', 'waiting', 'closed'],
  closed: ['in-progress'],
};

/** Whether `from` → `to` is a move the workflow allows. */
export function canMove(from: ReportStatus, to: ReportStatus): boolean {
  return statusTransitions[from].includes(to);
}

/** Where a report can be referred to (required with status `referred`). */
export const referralTargets = [
  'police',
  'centrum-seksueel-geweld',
  'slachtofferhulp',
  'discrimination-service',
  'veilig-thuis',
  'gp-mental-health',
  'neighbourhood-team',
  'other',
] as const;
export type ReferralTarget = (typeof referralTargets)[number];

/** Why a report was closed (required with status `closed`). */
export const closingReasons = ['handled', 'referred-on', 'no-follow-up-possible', 'duplicate', 'out-of-scope'] as const;
export type ClosingReason = (typeof closingReasons)[number];

/** Why an officer opens a report's contact details: a fixed list, audited with the reveal. */
export const contactRevealReasons = [
  'reporter-asked-follow-up',
  'clarify-report',
  'referral-with-consent',
  'safety-concern',
  'legal-obligation',
] as const;
export type ContactRevealReason = (typeof contactRevealReasons)[number];

/** How long after the incident it was reported (received − occurred). */
export const reportDelays = ['under-1-hour', '1-to-24-hours', '1-to-7-days', 'over-7-days'] as const;
export type ReportDelay = (typeof reportDelays)[number];

/**
 * The parts of day of the figures: the four a reporter chooses (an exact time by its hour: night 0–6,
 * morning 6–12, afternoon 12–18, evening 18–24), and `unknown` (an approximate time without one), so
 * the parts add up to the total.
 */
export const figurePartsOfDay = ['night', 'morning', 'afternoon', 'evening', 'unknown'] as const;
export type FigurePartOfDay = (typeof figurePartsOfDay)[number];

/** The fixed periods of the figures: ISO weeks (Monday to Sunday) and calendar months, in Europe/Amsterdam. */
export const figurePeriods = ['week', 'month'] as const;
export type FigurePeriod = (typeof figurePeriods)[number];

/** The time zone of periods, weekdays and hours. */
export const figuresTimeZone = 'Europe/Amsterdam';

/** The smallest count shown as a number unless a tenant sets another (never below `minimumCountFloor`). */
export const defaultMinimumCount = 5;
export const minimumCountFloor = 3;
export const minimumCountCeiling = 50;

/**
 * Why a figure is not shown: `below-minimum` — fewer than the tenant's minimum (shown as "< 5");
 * `complementary` — hidden as well so that a count below the minimum cannot be worked out from the
 * other figures of the period (totals, rows and columns together).
 */
export const suppressionKinds = ['below-minimum', 'complementary'] as const;
export type SuppressionKind = (typeof suppressionKinds)[number];

/**
 * The hotspot grid: 500 m squares of the Dutch national grid (RD New, EPSG:28992), the squares CBS
 * publishes its statistics on. Cell ids as CBS writes them: `E` + easting / 100 and `N` + northing / 100
 * of the south-west corner, four digits each (`E1205N4875`).
 */
export const hotspotGrid = 'rd-500m' as const;
export const hotspotCellMetres = 500;

/** The id of the hotspot square whose south-west corner is at `easting`, `northing` (RD metres): `E1205N4875`. */
export function hotspotCellId(easting: number, northing: number): string {
  const part = (metres: number) => String(Math.floor(metres / 100)).padStart(4, '0');
  return `E${part(easting)}N${part(northing)}`;
}
