import type { AreaOutline, Locale, LocalizedText, TenantConfig } from '@meldpunt/contracts';
import type { Draft, DraftError } from '../draft.ts';
import type { Translate } from '../i18n.ts';

/** What every step template gets from the element. */
export interface StepContext {
  config: TenantConfig;
  draft: Draft;
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t: Translate;
  errors: DraftError[];
  /** The tenant's own municipality, for the map. */
  area?: AreaOutline;
  /** The Where step's texts (`location.*`) are loaded. */
  locationTexts: boolean;
  /** Where the chosen place sends the report, when that is worth saying (else empty). */
  routeNotice: string;
  /** Who receives the report: this tenant, or the one the chosen place routes it to. */
  receiverName: string;
  /** Changes the draft (and re-renders). */
  update(patch: Partial<Draft>): void;
  /** Jumps to a step (from the review). */
  goTo(step: string): void;
}

/** The tenant's text for the current locale, falling back to its default locale. */
export function tenantText(
  ctx: Pick<StepContext, 'config' | 'locale'>,
  text: LocalizedText | undefined,
): string | undefined {
  return text?.[ctx.locale] ?? text?.[ctx.config.defaultLocale];
}

export function errorFor(ctx: StepContext, field: string): DraftError | undefined {
  return ctx.errors.find((e) => e.field === field);
}

/**
 * The message of a field's error, in the reporter's language, or undefined while the field is fine:
 * what the field helpers of `@meldpunt/ui/field` show and link (`field`, `fieldError`, `errorId`).
 */
export function errorText(ctx: StepContext, field: string): string | undefined {
  const error = errorFor(ctx, field);
  return error ? ctx.t(error.message) : undefined;
}

/** The label of a category in the current locale: the tenant's own, else the default text. */
export function categoryLabel(ctx: Pick<StepContext, 'config' | 'locale' | 't'>, id: string): string {
  const category = ctx.config.categories.find((c) => c.id === id);
  return tenantText(ctx, category?.label) ?? ctx.t(`categories.${id}.label`);
}

export function categoryDescription(ctx: Pick<StepContext, 'config' | 'locale' | 't'>, id: string): string | undefined {
  const category = ctx.config.categories.find((c) => c.id === id);
  const own = tenantText(ctx, category?.description);
  if (own) return own;
  const key = `categories.${id}.description`;
  const text = ctx.t(key);
  return text === key ? undefined : text;
}
