import { rtlLocales, type Locale } from '@meldpunt/contracts/limits';

/** Whether a locale is written right to left: the contracts' `rtlLocales`, the one list of them. */
export function isRtl(locale: Locale): boolean {
  return rtlLocales.includes(locale);
}

/** The `dir` attribute for text in `locale`. */
export function textDirection(locale: Locale): 'rtl' | 'ltr' {
  return isRtl(locale) ? 'rtl' : 'ltr';
}
