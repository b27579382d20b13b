import i18next, { type i18n } from 'i18next';
import type { Locale, TenantConfig } from '@meldpunt/contracts';
import { supportedLocales } from '@meldpunt/contracts/limits';
import { loadTexts } from '@meldpunt/texts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The language to show: the `locale` attribute, else the host page's `<html lang>`, else the
 * tenant's default — each only if the tenant offers it.
 */
export function pickLocale(config: TenantConfig, attribute: string | undefined, pageLang: string | undefined): Locale {
  const offered = (candidate: string | undefined): Locale | undefined => {
    const base = candidate?.trim().toLowerCase().split('-')[0];
    return supportedLocales.find((l) => l === base && config.locales.includes(l));
  };
  return offered(attribute) ?? offered(pageLang) ?? config.defaultLocale;
}

/** A locale's default texts come in three parts, each a chunk of its own, loaded when the form needs it. */
export type TextPart =
  /** The first steps (who, what, when), the help panel, the step titles: before the form shows. */
  | 'first'
  /** The Where step's (`location.*`): when that step opens. */
  | 'location'
  /** The steps after the Where step, sending, the confirmation: with those steps' code. */
  | 'later';

/**
 * How each part of a locale's texts loads. The Where step's and the later steps' loaders are in the chunks of
 * those steps (the location picker's, `later.ts`), so the first chunk does not carry them: those texts follow
 * their step's code (the later steps' while the reporter is on the Where step, long before they are needed).
 */
const defaults: Record<TextPart, (locale: Locale) => Promise<object>> = {
  first: (locale) => loadTexts[locale](),
  location: (locale) => import('./location/location-picker.ts').then((m) => m.loadLocationTexts[locale]()),
  later: (locale) => import('./later.ts').then((m) => m.loadLaterTexts[locale]()),
};
/** The widget's texts: one i18next instance per widget (two widgets on a page may speak different languages). */
export type Translations = i18n;

/** Per instance, the parts of each locale's default texts that are in. */
const partsIn = new WeakMap<i18n, Map<Locale, Set<TextPart>>>();

/** Plural suffixes i18next looks for when a text is given a `count`. */
const pluralSuffixes = ['', '_zero', '_one', '_two', '_few', '_many', '_other'];

/**
 * The texts of one widget: the tenant's own texts of every locale and the first part of `locale`'s default
 * texts. Nothing of another locale is downloaded: every locale's default texts are complete (the
 * completeness test of `@meldpunt/texts`), so the fallback to the tenant's default locale only matters for
 * a key the tenant wrote there and nowhere else (say `categories.own.description`), and those are in the
 * config. A tenant's text for a key whose default has plural forms (`steps.details.remaining`) is used
 * for every count. Lit escapes everything it renders, so i18next does not escape again.
 */
export async function createTexts(config: TenantConfig, locale: Locale): Promise<Translations> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: locale,
    fallbackLng: config.defaultLocale,
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  for (const [l, overrides] of Object.entries(config.texts)) {
    for (const [key, text] of Object.entries(overrides ?? {})) {
      const plural = /_(zero|one|two|few|many|other)$/.test(key);
      for (const suffix of plural ? [''] : pluralSuffixes) instance.addResource(l, 'translation', key + suffix, text);
    }
  }
  await ensureTexts(instance, locale, 'first');
  return instance;
}

/**
 * Loads a part of a locale's default texts, once. Added beneath what is there, so the tenant's own texts
 * for these keys win.
 */
export async function ensureTexts(texts: Translations, locale: Locale, part: TextPart): Promise<void> {
  const byLocale = partsIn.get(texts) ?? new Map<Locale, Set<TextPart>>();
  partsIn.set(texts, byLocale);
  const parts = byLocale.get(locale) ?? new Set<TextPart>();
  byLocale.set(locale, parts);
  if (parts.has(part)) return;
  texts.addResourceBundle(locale, 'translation', structuredClone(await defaults[part](locale)), true, false);
  parts.add(part);
}

/** Whether a locale is written right to left: one definition, from the contracts' `rtlLocales`. */
export { isRtl } from '@meldpunt/texts';
