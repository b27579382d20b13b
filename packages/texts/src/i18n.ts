import i18next, { type i18n, type Resource } from 'i18next';
import type { Locale } from '@meldpunt/contracts/limits';

export type { i18n } from 'i18next';

/** A text by key, with its `{{variables}}`; `{ count }` picks the plural form (`key_one`, `key_few`, …). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface I18nOptions {
  /** The language to show. */
  lng: Locale;
  /** Where a text missing in `lng` comes from (a tenant's default locale); `false` for none. */
  fallbackLng: Locale | false;
  /** Texts to start with, by locale and namespace; more can be added later (`addResourceBundle`). */
  resources?: Resource;
  /** Namespaces (`translation` for the widget, `mail`, `routing`, …). */
  ns?: string[];
  defaultNS?: string;
}

/**
 * A new i18next instance with our options, ready at once (never the global instance: two widgets on
 * one page, or two mails in one process, may speak different languages). Values are inserted as they
 * are: whoever renders escapes (Lit in the widget, the `html` template in the service's mail), so
 * i18next must not escape a second time. Plurals use i18next's `key_<category>` keys with
 * `Intl.PluralRules`.
 */
export function createI18n(options: I18nOptions): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: options.lng,
    fallbackLng: options.fallbackLng,
    resources: options.resources ?? {},
    ...(options.ns ? { ns: options.ns } : {}),
    ...(options.defaultNS ? { defaultNS: options.defaultNS } : {}),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
