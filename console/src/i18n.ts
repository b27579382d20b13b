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

let configTexts: Promise<void> | undefined;

/**
 * Adds the configuration pages' texts (`@meldpunt/texts/console-config`, loaded with the first of those
 * pages, not with the first screen) to the `console` namespace; after it resolves, `t('editor.…')` works
 * in both languages. Loaded once; after a failure (offline) the next call tries again.
 */
export function loadConfigTexts(): Promise<void> {
  configTexts ??= import('@meldpunt/texts/console-config').then(
    ({ consoleConfigTexts }) => {
      for (const locale of consoleLocales) i18n.addResourceBundle(locale, 'console', consoleConfigTexts[locale], true);
    },
    (error: unknown) => {
      configTexts = undefined;
      throw error;
    },
  );
  return configTexts;
}

/** The console's texts in one language: `translator('en')('tenants.failing', { count: 2 })`. */
export function translator(locale: ConsoleLocale): Translate {
  const t = i18n.getFixedT(locale, 'console');
  return (key, options) => t(key, options ?? {});
}
