import type { Locale } from '@meldpunt/contracts/limits';
import type { texts as nl } from './nl/index.ts';
import type { later as nlLater } from './nl/later.ts';
import type { location as nlLocation } from './nl/location.ts';
import type { TextTree } from './text-tree.ts';

export type { PluralCategories, PluralCategory, TextTree } from './text-tree.ts';
export { isRtl, textDirection } from './direction.ts';

/**
 * The widget's default texts (i18next resources) for one locale that the form shows before the Where step;
 * tenants override single keys on top. The Where step's texts and those of the steps after it load apart.
 * Texts with a count have a form per plural category of the locale (`remaining_one`, …), left out here.
 */
export type Texts = TextTree<typeof nl>;

/** The Where step's default texts (`location.*`): the location picker and where the report goes. */
export interface LocationTexts {
  location: TextTree<typeof nlLocation>;
}

/** The texts shown only after the Where step: the details, contact and review steps, sending, the confirmation. */
export type LaterTexts = TextTree<typeof nlLater>;

/**
 * Loads one locale's default texts of the first steps (not the Where step's, nor the later steps'). Each locale is its own chunk, so a page
 * loads only the language it shows (and the next one only when the reporter switches).
 */
export const loadTexts: Record<Locale, () => Promise<Texts>> = {
  nl: () => import('./nl/index.ts').then((m) => m.texts),
  en: () => import('./en/index.ts').then((m) => m.texts),
  ar: () => import('./ar/index.ts').then((m) => m.texts),
  tr: () => import('./tr/index.ts').then((m) => m.texts),
  pl: () => import('./pl/index.ts').then((m) => m.texts),
  uk: () => import('./uk/index.ts').then((m) => m.texts),
};

/**
 * Loads one locale's texts of the Where step (`location.*`): their own chunk per locale, loaded when the
 * reporter reaches that step — not before the form shows.
 */
export const loadLocationTexts: Record<Locale, () => Promise<LocationTexts>> = {
  nl: () => import('./nl/location.ts').then((m) => ({ location: m.location })),
  en: () => import('./en/location.ts').then((m) => ({ location: m.location })),
  ar: () => import('./ar/location.ts').then((m) => ({ location: m.location })),
  tr: () => import('./tr/location.ts').then((m) => ({ location: m.location })),
  pl: () => import('./pl/location.ts').then((m) => ({ location: m.location })),
  uk: () => import('./uk/location.ts').then((m) => ({ location: m.location })),
};
/**
 * Loads one locale's texts of the steps after the Where step (`later.ts`): their own chunk per locale,
 * loaded with those steps' code when the Where step opens. Same keys as ever (`steps.review.*`, `errors.network`…):
 * the widget adds them beside the first steps' texts.
 */
export const loadLaterTexts: Record<Locale, () => Promise<LaterTexts>> = {
  nl: () => import('./nl/later.ts').then((m) => m.later),
  en: () => import('./en/later.ts').then((m) => m.later),
  ar: () => import('./ar/later.ts').then((m) => m.later),
  tr: () => import('./tr/later.ts').then((m) => m.later),
  pl: () => import('./pl/later.ts').then((m) => m.later),
  uk: () => import('./uk/later.ts').then((m) => m.later),
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
