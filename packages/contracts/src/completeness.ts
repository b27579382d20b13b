/**
 * The completeness of a tenant's texts per offered language: for every text the tenant gives, whether
 * a language has its own, falls back to the default language's, or has none at all. A text the widget
 * cannot do without (it has no standard text for it) is `required`; one missing in the default
 * language blocks publishing — the same texts `tenantConfigSchema` requires in the default language.
 *
 * Without zod, with its own export (`@meldpunt/contracts/completeness`), so the console shows the same
 * view live while editing.
 */
import type { Locale } from './limits.ts';
import type { LocalizedText, TenantConfig } from './tenant-config.ts';

/** The standard categories: their labels come from the product's texts, so a tenant need not give one. */
const standardCategoryIds: readonly string[] = [
  'verbal',
  'sounds',
  'gestures',
  'following',
  'touching',
  'exposure',
  'filming',
  'threat',
  'discrimination',
  'other',
];

/**
 * `own`: the tenant's text in this language; `fallback`: shown in the default language instead;
 * `standard`: the product's own text in this language (an override of `texts` not given here);
 * `missing`: no text at all.
 */
export type TextStatus = 'own' | 'fallback' | 'standard' | 'missing';

export interface TextCompletenessEntry {
  /** JSON Pointer of this language's text in the config (`/followUp/response/title/en`, `/texts/en/intro.title`). */
  path: string;
  status: TextStatus;
  required: boolean;
}

export interface LanguageCompleteness {
  locale: Locale;
  isDefault: boolean;
  counts: Record<TextStatus, number>;
  entries: TextCompletenessEntry[];
}

export interface TextCompleteness {
  defaultLocale: Locale;
  languages: LanguageCompleteness[];
  /** Required texts without a text in the default language (the pointer of the missing one): each blocks publishing. */
  missingRequired: { path: string; locale: Locale }[];
}

/** The parts of a config this reads (a draft's config, or a published one). */
export type CompletenessInput = Pick<
  TenantConfig,
  'defaultLocale' | 'locales' | 'texts' | 'categories' | 'fields' | 'followUp' | 'referrals' | 'privacy' | 'branding'
>;

interface TextSlot {
  path: string;
  text: LocalizedText | undefined;
  required: boolean;
}

/** Every localised text of the config, with whether the widget needs it. */
function textSlots(config: CompletenessInput): TextSlot[] {
  const slots: TextSlot[] = [];
  const add = (path: string, text: LocalizedText | undefined, required = false) => {
    if (text !== undefined || required) slots.push({ path, text, required });
  };
  add('/branding/logoAlt', config.branding.logoAlt, config.branding.logoUrl !== undefined);
  config.categories.forEach((category, i) => {
    add(`/categories/${i}/label`, category.label, !standardCategoryIds.includes(category.id));
    add(`/categories/${i}/description`, category.description);
  });
  config.fields.extra.forEach((field, i) => {
    add(`/fields/extra/${i}/label`, field.label, true);
    add(`/fields/extra/${i}/description`, field.description);
    field.options?.forEach((option, j) => add(`/fields/extra/${i}/options/${j}/label`, option.label, true));
    add(`/fields/extra/${i}/explanation`, field.explanation, field.specialCategory);
  });
  add('/followUp/response/title', config.followUp.response.title, true);
  add('/followUp/response/body', config.followUp.response.body, true);
  config.referrals.forEach((referral, i) => {
    add(`/referrals/${i}/name`, referral.name, true);
    add(`/referrals/${i}/description`, referral.description);
  });
  add('/privacy/statement', config.privacy.statement, config.privacy.url === undefined);
  return slots;
}

/** The completeness view of a config, per offered language (the default language first). */
export function textCompleteness(config: CompletenessInput): TextCompleteness {
  const fallback = config.defaultLocale;
  const locales = [fallback, ...config.locales.filter((l) => l !== fallback)];
  const slots = textSlots(config);
  const overrideKeys = [...new Set(Object.values(config.texts).flatMap((texts) => Object.keys(texts ?? {})))].sort();
  const missingRequired: TextCompleteness['missingRequired'] = [];
  const languages = locales.map((locale): LanguageCompleteness => {
    const entries: TextCompletenessEntry[] = slots.map((slot) => {
      const status: TextStatus = slot.text?.[locale] ? 'own' : slot.text?.[fallback] ? 'fallback' : 'missing';
      const path = `${slot.path}/${locale}`;
      if (status === 'missing' && slot.required && locale === fallback) missingRequired.push({ path, locale });
      return { path, status, required: slot.required };
    });
    for (const key of overrideKeys) {
      const own = config.texts[locale]?.[key] !== undefined;
      const path = `/texts/${locale}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      entries.push({ path, status: own ? 'own' : 'standard', required: false });
    }
    const counts: Record<TextStatus, number> = { own: 0, fallback: 0, standard: 0, missing: 0 };
    for (const entry of entries) counts[entry.status] += 1;
    return { locale, isDefault: locale === fallback, counts, entries };
  });
  return { defaultLocale: fallback, languages, missingRequired };
}
