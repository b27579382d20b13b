import { localize, type ReportContact, type TenantConfig, type TenantSettings } from '@meldpunt/contracts';
import type { Report } from '../../db/database.ts';
import type { MailRow, MailSection } from './mail-content.ts';
import { categoryLabels, mailLanguage, mailLocaleOf, type MailLanguage } from './mail-language.ts';
import { renderHtml } from './render-html.ts';
import { renderText } from './render-text.ts';

/** The forwarded report as one e-mail: a subject with the reference, a text part and an HTML part. */
export interface ReportMail {
  subject: string;
  text: string;
  html: string;
}

/** What the mail needs: the report row, the tenant's name, settings and the config the report was sent under. */
export interface ReportMailInput {
  report: Report;
  tenantName: string;
  /** The tenant whose widget the report was entered in, when it was routed here from another one. */
  sourceTenantName?: string;
  config: TenantConfig;
  /** Only the mail settings (language, opening line) are read. */
  settings: { delivery: Pick<TenantSettings['delivery'], 'mail'> };
  /** The opened contact block; only when the reporter gave one. */
  contact: ReportContact | undefined;
}

/**
 * Renders the e-mail a municipality receives for a report: in the tenant's mail language (any
 * supported one; Dutch unless its settings say otherwise), with the tenant's own labels for
 * categories and extra fields as they were when the report was sent. Every value that came from the
 * reporter is escaped in HTML.
 */
export function renderReportMail(input: ReportMailInput): ReportMail {
  const language = mailLanguage(mailLocaleOf(input.settings));
  const { t } = language;
  const content = {
    locale: language.locale,
    dir: language.dir,
    heading: t('heading'),
    intro: input.settings.delivery.mail?.intro ?? t('intro', { tenant: input.tenantName }),
    sections: sections(input, language),
    footer: t('footer'),
  };
  return {
    subject: t('subject', { reference: input.report.reference, tenant: input.tenantName }),
    text: renderText(content),
    html: renderHtml(content),
  };
}

/** The report as sections of rows: what and when, where, the reporter's own words, extra questions, contact. */
function sections(input: ReportMailInput, language: MailLanguage): MailSection[] {
  const { report } = input;
  const { t } = language;
  const main: MailRow[] = [
    { label: t('labels.reference'), value: report.reference },
    { label: t('labels.received'), value: language.dateTime.format(new Date(report.received_at)) },
    {
      label: t('labels.categories'),
      value: categoryLabels(input.config, report.categories, language.locale).join(', '),
    },
    { label: t('labels.role'), value: t(`roles.${report.role}`) },
    { label: t('labels.when'), value: when(report, language) },
  ];
  // Routed here by its location from another tenant's widget (e.g. the national reporting point).
  if (input.sourceTenantName) main.push({ label: t('labels.reportedVia'), value: input.sourceTenantName });

  const details: MailRow[] = [
    { label: t('labels.description'), value: report.description ?? t('notGiven'), multiline: true },
  ];
  if (report.intervened) {
    details.push({
      label: t('labels.intervened'),
      value: language.textOf('answers', report.intervened) ?? report.intervened,
    });
  }
  details.push({ label: t('labels.language'), value: report.locale });

  const extra = extraRows(input, language);
  return [
    { rows: main },
    { title: t('labels.where'), rows: whereRows(report, language) },
    { rows: details },
    ...(extra.length ? [{ title: t('labels.extra'), rows: extra }] : []),
    input.contact
      ? { title: t('labels.contact'), rows: contactRows(input.contact, language) }
      : { title: t('labels.contact'), rows: [], note: t('anonymous') },
  ];
}

/** When it happened, as precisely as the reporter knew it. */
function when(report: Report, { t, textOf, dateTime, dateOnly }: MailLanguage): string {
  const occurred = new Date(report.occurred_at);
  if (report.time_precision === 'exact') return dateTime.format(occurred);
  if (report.time_precision === 'part-of-day') {
    const part = report.part_of_day ?? '';
    return `${dateOnly.format(occurred)}, ${textOf('partsOfDay', part) ?? part}`;
  }
  return t('approximately', { date: dateOnly.format(occurred) });
}

/** The point (how it was chosen, how precise) with a map link, and the place in the reporter's words. */
function whereRows(report: Report, { t, textOf }: MailLanguage): MailRow[] {
  const rows: MailRow[] = [];
  if (report.location_lat !== null && report.location_lng !== null) {
    const lat = report.location_lat.toFixed(5);
    const lng = report.location_lng.toFixed(5);
    const details = [
      report.location_source ? textOf('sources', report.location_source) : undefined,
      report.location_accuracy !== null ? t('accuracy', { count: Math.round(report.location_accuracy) }) : undefined,
    ].filter(Boolean);
    rows.push({
      label: t('labels.coordinates'),
      value: `${lat}, ${lng}${details.length ? ` (${details.join(', ')})` : ''}`,
    });
    rows.push({
      label: t('labels.map'),
      value: t('openMap'),
      href: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`,
    });
  }
  rows.push({ label: t('labels.place'), value: report.location_text ?? t('notGiven'), multiline: true });
  return rows;
}

/** The answers to the tenant's extra questions, labelled as the tenant's config said when the report was sent. */
function extraRows({ report, config }: ReportMailInput, { locale }: MailLanguage): MailRow[] {
  const label = (text: Parameters<typeof localize>[0]) => localize(text, locale, config.defaultLocale);
  const rows: MailRow[] = [];
  for (const field of config.fields.extra) {
    const value = report.extra[field.id];
    if (value === undefined || value === '') continue;
    const option = field.type === 'select' ? field.options?.find((o) => o.id === value) : undefined;
    rows.push({
      label: label(field.label) ?? field.id,
      value: option ? (label(option.label) ?? value) : value,
      multiline: true,
    });
  }
  return rows;
}

/** The reporter's contact details (opened for this mail), only those given. */
function contactRows(contact: ReportContact, { t }: MailLanguage): MailRow[] {
  const rows: MailRow[] = [];
  if (contact.name) rows.push({ label: t('labels.name'), value: contact.name });
  if (contact.email) rows.push({ label: t('labels.email'), value: contact.email });
  if (contact.phone) rows.push({ label: t('labels.phone'), value: contact.phone });
  rows.push({ label: t('labels.wantsFollowUp'), value: contact.wantsFollowUp ? t('answers.yes') : t('answers.no') });
  return rows;
}
