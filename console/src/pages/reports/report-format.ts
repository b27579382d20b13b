/**
 * What the inbox and the report page write alike: dates in the console's language, when it happened with
 * the precision the reporter gave ("3 Dec 2026, 22:15", "3 Dec 2026, in the evening", "around 3 Dec 2026
 * (approximately)"), and the labels of category ids (the tenant's own labels, else the reporting form's
 * standard ones, else the id). Plain functions, not an element.
 */
import type { InboxItem } from '@meldpunt/contracts';
import { html } from 'lit';
import { figuresTimeZone } from '@meldpunt/contracts/backoffice-values';
import type { Locale } from '@meldpunt/contracts/limits';
import { loadTexts } from '@meldpunt/texts';
import { ApiError } from '../../data/http.ts';
import type { PublishedCategory } from '../../data/reports.ts';
import type { Translate } from '../../i18n.ts';
import { href } from '../../router.ts';

/** A date and time, in the municipality's time zone: "3 dec 2026, 22:15". */
export function formatDateTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: figuresTimeZone }).format(
    new Date(iso),
  );
}

/** A day: "3 dec 2026". */
export function formatDate(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: figuresTimeZone }).format(new Date(iso));
}

/** When it happened, as precisely as the reporter said. */
export function formatOccurred(
  t: Translate,
  locale: string,
  item: Pick<InboxItem, 'occurredAt' | 'timePrecision' | 'partOfDay'>,
): string {
  const day = formatDate(locale, item.occurredAt);
  switch (item.timePrecision) {
    case 'exact':
      return t('reportDetail.precision.exact', { date: formatDateTime(locale, item.occurredAt) });
    case 'part-of-day':
      return item.partOfDay
        ? t('reportDetail.precision.part-of-day', { day, part: t(`reportDetail.partsOfDay.${item.partOfDay}`) })
        : day;
    case 'approximate':
      return t('reportDetail.precision.approximate', { day });
  }
}

/** The label of each category id in `locale`: the tenant's own, else the standard one. */
export async function categoryLabels(
  categories: readonly PublishedCategory[],
  locale: Locale,
): Promise<Record<string, string>> {
  const standard = (await loadTexts[locale]()).categories as Record<string, { label: string } | undefined>;
  return Object.fromEntries(
    categories.map((category) => [
      category.id,
      category.label?.[locale] ?? standard[category.id]?.label ?? category.id,
    ]),
  );
}

/** The page of a tenant (or report) one may not see: the API says 404 alike. */
export function renderNotFound(t: Translate) {
  return html`<h1>${t('notFound.title')}</h1>
    <p>${t('tenant.notFound')}</p>
    <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
}

/** What went wrong in the API's words (its detail, else its title), or `fallback`. */
export function detailOf(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  const field = error.problem.errors?.[0]?.message;
  return field ?? error.problem.detail ?? error.problem.title;
}
