import type { Locale } from '@meldpunt/contracts/limits';
import type { LaterTexts, LocationTexts } from './index.ts';

/*
 * The loaders of the Where step's and the later steps' texts once more, in a module of their own
 * (`@meldpunt/texts/step-loaders`): the widget imports them from the chunks of those steps (the location
 * picker's, `later.ts`), so its first chunk does not carry these twelve loaders. The package's main entry
 * keeps its own (the console and the tests use those); `texts.test.ts` checks that both load the same.
 */

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
