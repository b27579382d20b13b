import {
  localize,
  type Locale,
  type MailLocale,
  type ReportContact,
  type TenantConfig,
  type TenantSettings,
} from '@meldpunt/contracts';
import type { Report } from '../db/database.ts';
import { html } from '../html.ts';

/** The forwarded report as one e-mail: a subject with the reference, a text part and an HTML part. */
export interface ReportMail {
  subject: string;
  text: string;
  html: string;
}

/** What the template needs: the report row, the tenant's name, settings and the config the report was sent under. */
export interface ReportMailInput {
  report: Report;
  tenantName: string;
  /** The tenant whose widget the report was entered in, when it was routed here from another one. */
  sourceTenantName?: string;
  config: TenantConfig;
  settings: Pick<TenantSettings, 'delivery'>;
  /** The opened contact block; only when the reporter gave one. */
  contact: ReportContact | undefined;
}

interface MailTexts {
  dateLocale: string;
  subject: (reference: string, tenant: string) => string;
  heading: string;
  intro: (tenant: string) => string;
  labels: {
    reference: string;
    received: string;
    categories: string;
    role: string;
    when: string;
    where: string;
    coordinates: string;
    place: string;
    map: string;
    description: string;
    intervened: string;
    extra: string;
    contact: string;
    name: string;
    email: string;
    phone: string;
    wantsFollowUp: string;
    language: string;
    reportedVia: string;
  };
  openMap: string;
  notGiven: string;
  anonymous: string;
  yesNo: { yes: string; no: string };
  roles: Record<Report['role'], string>;
  intervened: Record<'yes' | 'no' | 'unknown', string>;
  partsOfDay: Record<string, string>;
  approximately: (date: string) => string;
  sources: Record<string, string>;
  accuracy: (metres: number) => string;
  categories: Record<string, string>;
  footer: string;
}

/** Per-locale mail texts; Dutch is the default (the OOV teams read Dutch). */
const mailTexts: Record<MailLocale, MailTexts> = {
  nl: {
    dateLocale: 'nl-NL',
    subject: (reference, tenant) => `Nieuwe melding ${reference} – ${tenant}`,
    heading: 'Nieuwe melding straatintimidatie',
    intro: (tenant) => `Via het meldpunt van ${tenant} is een melding binnengekomen.`,
    labels: {
      reference: 'Meldnummer',
      received: 'Ontvangen',
      categories: 'Wat er gebeurde',
      role: 'Wie meldt',
      when: 'Wanneer',
      where: 'Waar',
      coordinates: 'Coördinaten',
      place: 'Plaats in woorden',
      map: 'Kaart',
      description: 'Toelichting',
      intervened: 'Ingegrepen of geholpen',
      extra: 'Extra vragen',
      contact: 'Contactgegevens',
      name: 'Naam',
      email: 'E-mailadres',
      phone: 'Telefoonnummer',
      wantsFollowUp: 'Wil dat er contact wordt opgenomen',
      language: 'Taal van de melding',
      reportedVia: 'Gemeld via',
    },
    openMap: 'Bekijk op de kaart',
    notGiven: 'Niet ingevuld',
    anonymous: 'Geen contactgegevens: de melder meldt anoniem.',
    yesNo: { yes: 'Ja', no: 'Nee' },
    roles: { victim: 'Het overkwam de melder zelf', bystander: 'Getuige: zag het gebeuren', other: 'Anders' },
    intervened: { yes: 'Ja', no: 'Nee', unknown: 'Weet de melder niet' },
    partsOfDay: {
      night: 'nacht (0 tot 6 uur)',
      morning: 'ochtend (6 tot 12 uur)',
      afternoon: 'middag (12 tot 18 uur)',
      evening: 'avond (18 tot 24 uur)',
    },
    approximately: (date) => `ongeveer ${date} (de melder weet het niet precies)`,
    sources: {
      map: 'gekozen op de kaart',
      search: 'gevonden via adres zoeken',
      device: 'locatie van het apparaat',
      text: 'beschreven in woorden',
    },
    accuracy: (metres) => `nauwkeurig tot ongeveer ${metres} m`,
    categories: {
      verbal: 'Opmerkingen of naroepen',
      sounds: 'Geluiden of nafluiten',
      gestures: 'Gebaren',
      following: 'Achtervolgen',
      touching: 'Ongewenst aanraken',
      exposure: 'Schaamstreek of geslachtsdeel laten zien',
      filming: 'Filmen of fotograferen',
      threat: 'Bedreiging of geweld',
      discrimination: 'Discriminatie',
      other: 'Iets anders',
    },
    footer:
      'Dit bericht is automatisch verstuurd door Meldpunt. De melder ziet geen antwoord op deze e-mail. Behandel de gegevens vertrouwelijk.',
  },
  en: {
    dateLocale: 'en-GB',
    subject: (reference, tenant) => `New report ${reference} – ${tenant}`,
    heading: 'New street harassment report',
    intro: (tenant) => `A report came in through the reporting point of ${tenant}.`,
    labels: {
      reference: 'Reference',
      received: 'Received',
      categories: 'What happened',
      role: 'Reported by',
      when: 'When',
      where: 'Where',
      coordinates: 'Coordinates',
      place: 'Place in words',
      map: 'Map',
      description: 'Description',
      intervened: 'Someone intervened or helped',
      extra: 'Extra questions',
      contact: 'Contact details',
      name: 'Name',
      email: 'E-mail address',
      phone: 'Phone number',
      wantsFollowUp: 'Wants to be contacted',
      language: 'Language of the report',
      reportedVia: 'Reported via',
    },
    openMap: 'Open on the map',
    notGiven: 'Not given',
    anonymous: 'No contact details: the reporter is anonymous.',
    yesNo: { yes: 'Yes', no: 'No' },
    roles: { victim: 'It happened to the reporter', bystander: 'Witness: saw it happen', other: 'Other' },
    intervened: { yes: 'Yes', no: 'No', unknown: 'The reporter does not know' },
    partsOfDay: {
      night: 'night (0 to 6 h)',
      morning: 'morning (6 to 12 h)',
      afternoon: 'afternoon (12 to 18 h)',
      evening: 'evening (18 to 24 h)',
    },
    approximately: (date) => `around ${date} (the reporter does not know exactly)`,
    sources: {
      map: 'chosen on the map',
      search: 'found by address search',
      device: 'location of the device',
      text: 'described in words',
    },
    accuracy: (metres) => `accurate to about ${metres} m`,
    categories: {
      verbal: 'Remarks or calling after',
      sounds: 'Sounds or whistling',
      gestures: 'Gestures',
      following: 'Following',
      touching: 'Unwanted touching',
      exposure: 'Indecent exposure',
      filming: 'Filming or photographing',
      threat: 'Threats or violence',
      discrimination: 'Discrimination',
      other: 'Something else',
    },
    footer:
      'This message was sent automatically by Meldpunt. The reporter does not see replies to this e-mail. Treat the details as confidential.',
  },
};

const timeZone = 'Europe/Amsterdam';
const formatters = new Map<MailLocale, { dateTime: Intl.DateTimeFormat; dateOnly: Intl.DateTimeFormat }>();

/** Date formats per mail language, made once (building an Intl formatter is slow). */
function formats(locale: MailLocale) {
  let f = formatters.get(locale);
  if (!f) {
    const dateLocale = mailTexts[locale].dateLocale;
    f = {
      dateTime: new Intl.DateTimeFormat(dateLocale, { timeZone, dateStyle: 'full', timeStyle: 'short' }),
      dateOnly: new Intl.DateTimeFormat(dateLocale, { timeZone, dateStyle: 'full' }),
    };
    formatters.set(locale, f);
  }
  return f;
}

/** A row of the mail: a label and its value (already text; the HTML renderer escapes it). */
interface Row {
  label: string;
  value: string;
  /** A link to show beside the value (the map). */
  href?: string;
  /** Keep line breaks (free text). */
  multiline?: boolean;
}

/**
 * Renders the e-mail a municipality receives for a report: in the tenant's mail language (Dutch
 * unless its settings say otherwise), with the tenant's own labels for categories and extra fields
 * as they were when the report was sent. Every value that came from the reporter is escaped in HTML.
 */
export function renderReportMail(input: ReportMailInput): ReportMail {
  const { report, config } = input;
  const locale: MailLocale = input.settings.delivery.mail?.locale ?? 'nl';
  const t = mailTexts[locale];
  const label = (text: Parameters<typeof localize>[0]) => localize(text, locale as Locale, config.defaultLocale);

  const { dateTime, dateOnly } = formats(locale);
  const occurred = new Date(report.occurred_at);
  const when =
    report.time_precision === 'exact'
      ? dateTime.format(occurred)
      : report.time_precision === 'part-of-day'
        ? `${dateOnly.format(occurred)}, ${t.partsOfDay[report.part_of_day ?? ''] ?? report.part_of_day ?? ''}`
        : t.approximately(dateOnly.format(occurred));

  const categories = categoryLabels(config, report.categories, locale);

  const where: Row[] = [];
  if (report.location_lat !== null && report.location_lng !== null) {
    const lat = report.location_lat.toFixed(5);
    const lng = report.location_lng.toFixed(5);
    const details = [
      report.location_source ? t.sources[report.location_source] : undefined,
      report.location_accuracy !== null ? t.accuracy(Math.round(report.location_accuracy)) : undefined,
    ].filter(Boolean);
    where.push({
      label: t.labels.coordinates,
      value: `${lat}, ${lng}${details.length ? ` (${details.join(', ')})` : ''}`,
    });
    where.push({
      label: t.labels.map,
      value: t.openMap,
      href: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`,
    });
  }
  where.push({ label: t.labels.place, value: report.location_text ?? t.notGiven, multiline: true });

  const extra: Row[] = [];
  for (const field of config.fields.extra) {
    const value = report.extra[field.id];
    if (value === undefined || value === '') continue;
    const option = field.type === 'select' ? field.options?.find((o) => o.id === value) : undefined;
    extra.push({
      label: label(field.label) ?? field.id,
      value: option ? (label(option.label) ?? value) : value,
      multiline: true,
    });
  }

  const contact: Row[] = [];
  if (input.contact) {
    const c = input.contact;
    if (c.name) contact.push({ label: t.labels.name, value: c.name });
    if (c.email) contact.push({ label: t.labels.email, value: c.email });
    if (c.phone) contact.push({ label: t.labels.phone, value: c.phone });
    contact.push({ label: t.labels.wantsFollowUp, value: c.wantsFollowUp ? t.yesNo.yes : t.yesNo.no });
  }

  const main: Row[] = [
    { label: t.labels.reference, value: report.reference },
    { label: t.labels.received, value: dateTime.format(new Date(report.received_at)) },
    { label: t.labels.categories, value: categories.join(', ') },
    { label: t.labels.role, value: t.roles[report.role] },
    { label: t.labels.when, value: when },
  ];
  // Routed here by its location from another tenant's widget (e.g. the national reporting point).
  if (input.sourceTenantName) main.push({ label: t.labels.reportedVia, value: input.sourceTenantName });
  const details: Row[] = [{ label: t.labels.description, value: report.description ?? t.notGiven, multiline: true }];
  if (report.intervened) {
    details.push({
      label: t.labels.intervened,
      value: t.intervened[report.intervened as keyof MailTexts['intervened']] ?? report.intervened,
    });
  }
  details.push({ label: t.labels.language, value: report.locale });

  const intro = input.settings.delivery.mail?.intro ?? t.intro(input.tenantName);
  const sections: { title?: string; rows: Row[]; note?: string }[] = [
    { rows: main },
    { title: t.labels.where, rows: where },
    { rows: details },
    ...(extra.length ? [{ title: t.labels.extra, rows: extra }] : []),
    input.contact
      ? { title: t.labels.contact, rows: contact }
      : { title: t.labels.contact, rows: [], note: t.anonymous },
  ];

  return {
    subject: t.subject(report.reference, input.tenantName),
    text: renderText(t, intro, sections),
    html: renderHtml(t, locale, intro, sections),
  };
}

/** The tenant's label of each category (as configured when the report was sent), else the default one. */
export function categoryLabels(config: TenantConfig, ids: readonly string[], locale: MailLocale): string[] {
  return ids.map((id) => {
    const category = config.categories.find((c) => c.id === id);
    return localize(category?.label, locale, config.defaultLocale) ?? mailTexts[locale].categories[id] ?? id;
  });
}

function renderText(t: MailTexts, intro: string, sections: { title?: string; rows: Row[]; note?: string }[]): string {
  const lines = [t.heading, '', intro, ''];
  for (const section of sections) {
    if (section.title) lines.push(`${section.title}`, '-'.repeat(section.title.length));
    for (const row of section.rows) {
      const value = row.multiline ? row.value.replace(/\r?\n/g, '\n    ') : row.value;
      lines.push(`${row.label}: ${value}${row.href ? `\n    ${row.href}` : ''}`);
    }
    if (section.note) lines.push(section.note);
    lines.push('');
  }
  lines.push('--', t.footer, '');
  return lines.join('\n');
}

function renderHtml(
  t: MailTexts,
  locale: MailLocale,
  intro: string,
  sections: { title?: string; rows: Row[]; note?: string }[],
): string {
  const cell = 'padding:4px 12px 4px 0;vertical-align:top;text-align:start';
  const body = sections.map(
    (section) => html`
      ${section.title ? html`<h2 style="font-size:16px;margin:20px 0 6px">${section.title}</h2>` : ''}
      ${
        section.rows.length
          ? html`<table role="presentation" style="border-collapse:collapse">
              ${section.rows.map((row) => {
                // No whitespace around the value: multi-line cells keep their line breaks (pre-wrap).
                const value = row.href ? html`<a href="${row.href}">${row.value}</a>` : row.value;
                const style = `${cell}${row.multiline ? ';white-space:pre-wrap' : ''}`;
                return html`<tr>
                  <th scope="row" style="${cell};font-weight:600">${row.label}</th>
                  <td style="${style}">${value}</td>
                </tr>`;
              })}
            </table>`
          : ''
      }
      ${section.note ? html`<p>${section.note}</p>` : ''}
    `,
  );
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <title>${t.heading}</title>
      </head>
      <body style="font-family:Arial,sans-serif;font-size:14px;line-height:1.4;color:#1b1b1b">
        <h1 style="font-size:20px;margin:0 0 8px">${t.heading}</h1>
        <p>${intro}</p>
        ${body}
        <p style="color:#555;font-size:12px;margin-top:24px">${t.footer}</p>
      </body>
    </html>`.value;
}
