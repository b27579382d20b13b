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

/**
 * The parts of the `console` namespace that load with their pages, each language as its own chunk: the
 * configuration pages' (`@meldpunt/texts/console-config/<locale>`) and the back office's
 * (`@meldpunt/texts/console-backoffice/<locale>`).
 */
const textParts = {
  config: {
    nl: () => import('@meldpunt/texts/console-config/nl').then((m) => m.configTexts),
    en: () => import('@meldpunt/texts/console-config/en').then((m) => m.configTexts),
  },
  backoffice: {
    nl: () => import('@meldpunt/texts/console-backoffice/nl').then((m) => m.backofficeTexts),
    en: () => import('@meldpunt/texts/console-backoffice/en').then((m) => m.backofficeTexts),
  },
} satisfies Record<string, Record<ConsoleLocale, () => Promise<object>>>;
type TextPart = keyof typeof textParts;
const loadedParts = new Map<`${TextPart}:${ConsoleLocale}`, Promise<void>>();

function loadPart(part: TextPart, locale: ConsoleLocale): Promise<void> {
  const key = `${part}:${locale}` as const;
  let loading = loadedParts.get(key);
  if (!loading) {
    loading = textParts[part][locale]().then(
      (tree) => void i18n.addResourceBundle(locale, 'console', tree, true),
      (error: unknown) => {
        loadedParts.delete(key);
        throw error;
      },
    );
    loadedParts.set(key, loading);
  }
  return loading;
}

/**
 * Adds the configuration pages' texts in `locale` (loaded with the first of those pages, not with the
 * first screen; without `locale`: both languages) to the `console` namespace; after it resolves,
 * `t('editor.…')` works. Each language is loaded once; after a failure (offline) the next call tries
 * again. {@link configTextsFor} loads another language once these are in use.
 */
export async function loadConfigTexts(locale?: ConsoleLocale): Promise<void> {
  await Promise.all((locale ? [locale] : consoleLocales).map((l) => loadPart('config', l)));
}

/** The back office's texts (issue 14), as {@link loadConfigTexts}: `t('inbox.…')`, `t('reportDetail.…')`, `t('figures.…')`. */
export async function loadBackofficeTexts(locale?: ConsoleLocale): Promise<void> {
  await Promise.all((locale ? [locale] : consoleLocales).map((l) => loadPart('backoffice', l)));
}

/**
 * Before the console switches to `locale`: the parts (configuration, back office) that pages have loaded
 * in another language, in this one too (else nothing: the pages load their own when they open).
 */
export async function configTextsFor(locale: ConsoleLocale): Promise<void> {
  const inUse = new Set([...loadedParts.keys()].map((key) => key.split(':')[0] as TextPart));
  await Promise.all([...inUse].map((part) => loadPart(part, locale)));
}

/** The console's texts in one language: `translator('en')('tenants.failing', { count: 2 })`. */
export function translator(locale: ConsoleLocale): Translate {
  const t = i18n.getFixedT(locale, 'console');
  return (key, options) => t(key, options ?? {});
}
