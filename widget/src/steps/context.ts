import { html, nothing, type TemplateResult } from 'lit';
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

/** The inline error of a field, referenced by the control's `aria-describedby`. */
export function fieldError(ctx: StepContext, field: string): TemplateResult | typeof nothing {
  const error = errorFor(ctx, field);
  return error
    ? html`<p class="field-error" id="${field}-error" part="field-error">${ctx.t(error.message)}</p>`
    : nothing;
}

/** `aria-describedby` for a control: its hint (if any) and its error (if any). */
export function describedBy(ctx: StepContext, field: string, hintId?: string): string | typeof nothing {
  const ids = [hintId, errorFor(ctx, field) ? `${field}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
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
