import type { ReportLocation, ReportRole, TenantConfig } from '@meldpunt/contracts';
import { limits } from '@meldpunt/contracts/limits';

export type StepId = 'who' | 'what' | 'when' | 'where' | 'details' | 'contact' | 'review';
export type TimeMode = 'exact' | 'part-of-day' | 'approximate';
export type PartOfDay = 'night' | 'morning' | 'afternoon' | 'evening';

/** What the reporter has filled in so far. Lives in memory only — never in any browser storage. */
export interface Draft {
  role?: ReportRole;
  categories: string[];
  timeMode: TimeMode;
  date: string;
  time: string;
  partOfDay?: PartOfDay;
  location?: ReportLocation;
  description: string;
  intervened?: 'yes' | 'no' | 'unknown';
  extra: Record<string, string>;
  wantsContact: boolean;
  name: string;
  email: string;
  phone: string;
}

export function emptyDraft(): Draft {
  return {
    categories: [],
    timeMode: 'exact',
    date: '',
    time: '',
    description: '',
    extra: {},
    wantsContact: false,
    name: '',
    email: '',
    phone: '',
  };
}

export type FollowUp = TenantConfig['followUp']['mode'];

/**
 * The steps to ask, in order: contact only when the tenant that receives the report follows up — this
 * tenant, unless the chosen place sends the report elsewhere (`followUp` from the route preview).
 */
export function stepsFor(config: TenantConfig, followUp: FollowUp = config.followUp.mode): StepId[] {
  return ['who', 'what', 'when', 'where', 'details', ...(followUp === 'active' ? ['contact' as const] : []), 'review'];
}

/** True when the draft holds contact details (or the wish to be contacted). */
export function hasContact(draft: Draft): boolean {
  return draft.wantsContact || Boolean(draft.name.trim() || draft.email.trim() || draft.phone.trim());
}

/** A client-side problem with one field; `message` is a text key. */
export interface DraftError {
  /** The control's id inside the widget, also the error summary's link target. */
  field: string;
  message: string;
}

/** Representative hour for a part of the day, so `occurredAt` stays a moment. */
const partOfDayHour: Record<PartOfDay, string> = {
  night: '03:00',
  morning: '09:00',
  afternoon: '15:00',
  evening: '21:00',
};

/** `YYYY-MM-DD` + `HH:MM` in the reporter's own time zone, as ISO 8601 with offset. */
export function toOccurredAt(date: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const local = new Date(year, month - 1, day, hours, minutes);
  // Rejects dates that roll over, like 31 February.
  if (Number.isNaN(local.getTime()) || local.getDate() !== day) return undefined;
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  return `${date}T${time}:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** When it happened as ISO 8601, once the When step is filled in. */
export function occurredAtOf(draft: Draft): string | undefined {
  const time =
    draft.timeMode === 'exact'
      ? draft.time
      : draft.timeMode === 'part-of-day'
        ? draft.partOfDay
          ? partOfDayHour[draft.partOfDay]
          : ''
        : '12:00';
  return toOccurredAt(draft.date, time);
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9 ()-]{6,}$/;

/** Checks one step; an empty list means the reporter may go on. */
export function validateStep(step: StepId, draft: Draft, now = Date.now()): DraftError[] {
  const errors: DraftError[] = [];
  switch (step) {
    case 'who':
      if (!draft.role) errors.push({ field: 'role-victim', message: 'errors.roleRequired' });
      break;
    case 'what':
      if (draft.categories.length === 0) errors.push({ field: 'categories', message: 'errors.categoriesRequired' });
      break;
    case 'when': {
      if (!draft.date) {
        errors.push({ field: 'date', message: 'errors.dateRequired' });
        break;
      }
      if (draft.timeMode === 'exact' && !draft.time) errors.push({ field: 'time', message: 'errors.timeRequired' });
      if (draft.timeMode === 'part-of-day' && !draft.partOfDay)
        errors.push({ field: 'part-of-day', message: 'errors.partOfDayRequired' });
      if (errors.length) break;
      const at = occurredAtOf(draft);
      if (!at) errors.push({ field: 'date', message: 'errors.dateInvalid' });
      else if (Date.parse(at) > now + limits.clockSkewMs) errors.push({ field: 'date', message: 'errors.dateFuture' });
      else if (Date.parse(at) < Date.parse(limits.earliestOccurredAt))
        errors.push({ field: 'date', message: 'errors.dateInvalid' });
      break;
    }
    case 'where': {
      const loc = draft.location;
      if (!loc || (loc.lat === undefined && !loc.text?.trim()))
        errors.push({ field: 'location', message: 'errors.locationRequired' });
      break;
    }
    case 'details':
      if (draft.description.length > limits.descriptionMaxLength)
        errors.push({ field: 'description', message: 'errors.tooLong' });
      break;
    case 'contact':
      if (!draft.wantsContact) break;
      if (draft.email && !emailPattern.test(draft.email.trim()))
        errors.push({ field: 'email', message: 'errors.emailInvalid' });
      if (draft.phone && !phonePattern.test(draft.phone.trim()))
        errors.push({ field: 'phone', message: 'errors.phoneInvalid' });
      if (!draft.email.trim() && !draft.phone.trim()) errors.push({ field: 'email', message: 'errors.contactNeeded' });
      break;
    case 'review':
      break;
  }
  return errors;
}
