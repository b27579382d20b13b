/**
 * The console's texts: one i18next instance (`@meldpunt/texts/i18n`) with the `console` namespace in
 * Dutch and English. The language is the person's choice (kept in this browser), else the first of
 * their browser's languages the console speaks, else Dutch.
 */
import { consoleLocales, consoleTexts, type ConsoleLocale } from '@meldpunt/texts/console';
import { createI18n, type Translate } from '@meldpunt/texts/i18n';

export type { ConsoleLocale } from '@meldpunt/texts/console';
export type { Translate } from '@meldpunt/texts/i18n';

const storageKey = 'meldpunt-console-language';

function isConsoleLocale(value: unknown): value is ConsoleLocale {
  return (consoleLocales as readonly unknown[]).includes(value);
}

/** The language to start in: the stored choice, else the browser's first supported language, else Dutch. */
export function initialLocale(): ConsoleLocale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // Storage blocked (privacy settings): the browser's languages decide.
  }
  if (isConsoleLocale(stored)) return stored;
  const preferred = navigator.languages.map((tag) => tag.split('-')[0]).find(isConsoleLocale);
  return preferred ?? 'nl';
}

/** Keeps the person's language choice in this browser. */
export function storeLocale(locale: ConsoleLocale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not kept: the console still switches for this visit.
  }
}

const i18n = createI18n({
  lng: 'nl',
  fallbackLng: false,
  resources: { nl: { console: consoleTexts.nl }, en: { console: consoleTexts.en } },
  ns: ['console'],
  defaultNS: 'console',
});

/** Each language's configuration texts, as its own chunk. */
const configTextLoaders: Record<ConsoleLocale, () => Promise<{ configTexts: object }>> = {
  nl: () => import('@meldpunt/texts/console-config/nl'),
  en: () => import('@meldpunt/texts/console-config/en'),
};
const configTexts = new Map<ConsoleLocale, Promise<void>>();

/**
 * Adds the configuration pages' texts in `locale` (`@meldpunt/texts/console-config/<locale>`, loaded with
 * the first of those pages, not with the first screen; without `locale`: both languages) to the `console`
 * namespace; after it resolves, `t('editor.…')` works. Each language is loaded once; after a failure
 * (offline) the next call tries again. {@link configTextsFor} loads another language once these are in use.
 */
export async function loadConfigTexts(locale?: ConsoleLocale): Promise<void> {
  await Promise.all((locale ? [locale] : consoleLocales).map(loadConfigTextsIn));
}

function loadConfigTextsIn(locale: ConsoleLocale): Promise<void> {
  let loading = configTexts.get(locale);
  if (!loading) {
    loading = configTextLoaders[locale]().then(
      ({ configTexts: tree }) => void i18n.addResourceBundle(locale, 'console', tree, true),
      (error: unknown) => {
        configTexts.delete(locale);
        throw error;
      },
    );
    configTexts.set(locale, loading);
  }
  return loading;
}

/**
 * Before the console switches to `locale`: its configuration texts, if a configuration page has loaded
 * them in another language (else nothing: the pages load their own when they open).
 */
export async function configTextsFor(locale: ConsoleLocale): Promise<void> {
  if (configTexts.size > 0) await loadConfigTextsIn(locale);
}

/** The console's texts in one language: `translator('en')('tenants.failing', { count: 2 })`. */
export function translator(locale: ConsoleLocale): Translate {
  const t = i18n.getFixedT(locale, 'console');
  return (key, options) => t(key, options ?? {});
}
