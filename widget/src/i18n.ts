import i18next, { type i18n } from 'i18next';
import type { Locale, TenantConfig } from '@meldpunt/contracts';
import { supportedLocales } from '@meldpunt/contracts/limits';
import { loadLocationTexts, loadTexts } from '@meldpunt/texts';

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

/**
 * One i18next instance per widget (never the global one: two widgets on a page may speak different
 * languages). Default texts from `@meldpunt/texts`, the tenant's overrides on top. Lit escapes
 * everything it renders, so i18next does not escape again.
 */
export async function createTexts(config: TenantConfig, locale: Locale): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: locale,
    fallbackLng: config.defaultLocale,
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ensureLocale(instance, config, locale);
  if (locale !== config.defaultLocale) await ensureLocale(instance, config, config.defaultLocale);
  return instance;
}

/** Loads a locale's default texts and the tenant's overrides into the instance, once. */
export async function ensureLocale(instance: i18n, config: TenantConfig, locale: Locale): Promise<void> {
  if (instance.hasResourceBundle(locale, 'translation')) return;
  const texts = await loadTexts[locale]();
  instance.addResourceBundle(locale, 'translation', structuredClone(texts), true, true);
  const overrides = config.texts[locale];
  if (overrides) instance.addResources(locale, 'translation', overrides);
}

/** Per instance, the locales whose Where-step texts are in. */
const withLocationTexts = new WeakMap<i18n, Set<Locale>>();

/**
 * Loads the Where step's default texts (`location.*`) of a locale and of the tenant's default locale,
 * once. They load when that step is near, not before the form shows. Added beneath what is there, so the
 * tenant's own texts for these keys win. Call after `ensureLocale` for the same locale.
 */
export async function ensureLocationTexts(instance: i18n, config: TenantConfig, locale: Locale): Promise<void> {
  const loaded = withLocationTexts.get(instance) ?? new Set<Locale>();
  withLocationTexts.set(instance, loaded);
  const missing = [...new Set([locale, config.defaultLocale])].filter((l) => !loaded.has(l));
  await Promise.all(
    missing.map(async (l) => {
      const texts = await loadLocationTexts[l]();
      instance.addResourceBundle(l, 'translation', structuredClone(texts), true, false);
      loaded.add(l);
    }),
  );
}

/** Whether a locale is written right to left: one definition, from the contracts' `rtlLocales`. */
export { isRtl } from '@meldpunt/texts';
