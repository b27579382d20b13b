import { localize, type MailLocale, type TenantConfig, type TenantSettings } from '@meldpunt/contracts';
import { hasServerText, serverT, textDirection, type Translate } from '@meldpunt/texts/server';

/**
 * The language a municipality's mail is written in, and what depends on it: the texts (namespace
 * `mail` of `@meldpunt/texts`), the direction, the date formats and the category labels. The webhook
 * labels its categories in the same language.
 */

/** The tenant's mail language: its setting, else Dutch (the teams that handle reports read Dutch). */
export function mailLocaleOf(settings: { delivery: Pick<TenantSettings['delivery'], 'mail'> }): MailLocale {
  return settings.delivery.mail?.locale ?? 'nl';
}

export interface MailLanguage {
  locale: MailLocale;
  dir: 'ltr' | 'rtl';
  /** A mail text by key (`labels.reference`), with its variables; `{ count }` picks the plural form. */
  t: Translate;
  /** The text for a value stored with the report (`partsOfDay.evening`), if there is one. */
  textOf(group: string, value: string): string | undefined;
  /** Date and time of day, and the date alone, in the Netherlands' time zone. */
  dateTime: Intl.DateTimeFormat;
  dateOnly: Intl.DateTimeFormat;
}

/** How dates are written per mail language: with the region's conventions, Latin digits in Arabic (as in the widget). */
const dateLocales: Record<MailLocale, string> = {
  nl: 'nl-NL',
  en: 'en-GB',
  ar: 'ar-u-nu-latn',
  tr: 'tr-TR',
  pl: 'pl-PL',
  uk: 'uk-UA',
};
const timeZone = 'Europe/Amsterdam';
const languages = new Map<MailLocale, MailLanguage>();

/** Everything a mail in `locale` needs, made once per language (building an Intl formatter is slow). */
export function mailLanguage(locale: MailLocale): MailLanguage {
  let language = languages.get(locale);
  if (!language) {
    const t = serverT(locale, 'mail');
    language = {
      locale,
      dir: textDirection(locale),
      t,
      textOf: (group, value) => {
        const key = `${group}.${value}`;
        // Stored values are ids; anything else (a dot, a colon) would read as a path in the texts.
        return /^[\w-]+$/.test(value) && hasServerText(locale, 'mail', key) ? t(key) : undefined;
      },
      dateTime: new Intl.DateTimeFormat(dateLocales[locale], { timeZone, dateStyle: 'full', timeStyle: 'short' }),
      dateOnly: new Intl.DateTimeFormat(dateLocales[locale], { timeZone, dateStyle: 'full' }),
    };
    languages.set(locale, language);
  }
  return language;
}

/**
 * The tenant's label of each category (as configured when the report was sent), else the default one
 * (the label the widget shows), else the id.
 */
export function categoryLabels(config: TenantConfig, ids: readonly string[], locale: MailLocale): string[] {
  const defaults = serverT(locale, 'categories');
  return ids.map((id) => {
    const category = config.categories.find((c) => c.id === id);
    const own = localize(category?.label, locale, config.defaultLocale);
    if (own !== undefined) return own;
    return /^[\w-]+$/.test(id) && hasServerText(locale, 'categories', `${id}.label`) ? defaults(`${id}.label`) : id;
  });
}
