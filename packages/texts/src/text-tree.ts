import type { Locale } from '@meldpunt/contracts/limits';

/** The CLDR plural categories: i18next shows `key_<category>` for `{ count }`, chosen by `Intl.PluralRules`. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * The plural categories of each language, as `Intl.PluralRules` reports them (the test checks this
 * table): a text with a count has exactly one form per category of its language.
 */
export interface PluralCategories extends Record<Locale, PluralCategory> {
  nl: 'one' | 'other';
  en: 'one' | 'other';
  ar: 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
  tr: 'one' | 'other';
  pl: 'one' | 'few' | 'many' | 'other';
  uk: 'one' | 'few' | 'many' | 'other';
}

type PluralKey = `${string}_${PluralCategory}`;
type PluralBase<K> = K extends `${infer Base}_${PluralCategory}` ? Base : never;

/**
 * The shape of a text tree with any strings at its leaves: every locale must have every key of Dutch.
 * A text with a count has one form per plural category of the locale (`C`): where Dutch has
 * `remaining_one` and `remaining_other`, Polish has `remaining_one`, `_few`, `_many` and `_other`.
 * With `C = never` the type leaves the plural forms out (for code that loads any locale).
 */
export type TextTree<T, C extends PluralCategory = never> = {
  readonly [K in keyof T as K extends PluralKey ? never : K]: T[K] extends string ? string : TextTree<T[K], C>;
} & { readonly [K in `${PluralBase<keyof T>}_${C}`]: string };
