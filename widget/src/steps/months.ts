import type { StepContext } from './context.ts';

/**
 * A number of months in words, with the language's own plural ("1 maand", "24 miesiące", "12 شهرًا"):
 * `{{duration}}` in the privacy texts. Latin digits in Arabic too, like the rest of the texts.
 */
export function months(ctx: Pick<StepContext, 'locale'>, count: number): string {
  const locale = ctx.locale === 'ar' ? 'ar-u-nu-latn' : ctx.locale;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'month', unitDisplay: 'long' }).format(count);
}
