import type { Locale } from '@meldpunt/contracts/limits';
import type { texts as nl } from './nl/index.ts';
import type { TextTree } from './text-tree.ts';

export type { TextTree } from './text-tree.ts';

/** The widget's default texts (i18next resources) for one locale; tenants override single keys on top. */
export type Texts = TextTree<typeof nl>;

/**
 * Loads one locale's default texts. Each locale is its own chunk, so a page loads only the
 * language it shows (and the next one only when the reporter switches).
 */
export const loadTexts: Record<Locale, () => Promise<Texts>> = {
  nl: () => import('./nl/index.ts').then((m) => m.texts),
  en: () => import('./en/index.ts').then((m) => m.texts),
  ar: () => import('./ar/index.ts').then((m) => m.texts),
  tr: () => import('./tr/index.ts').then((m) => m.texts),
  pl: () => import('./pl/index.ts').then((m) => m.texts),
  uk: () => import('./uk/index.ts').then((m) => m.texts),
};

/** Each language's name in that language, for the language switcher. */
export const localeNames: Record<Locale, string> = {
  nl: 'Nederlands',
  en: 'English',
  ar: 'العربية',
  tr: 'Türkçe',
  pl: 'Polski',
  uk: 'Українська',
};

/** Every key of a text tree as a dotted path (`steps.who.title`). */
export function textKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : textKeys(value as object, `${prefix}${key}.`),
  );
}
