import type { Locale, TenantConfig } from '@meldpunt/contracts';
import { supportedLocales } from '@meldpunt/contracts/limits';
import { loadLaterTexts, loadLocationTexts, loadTexts } from '@meldpunt/texts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The language to show: the `locale` attribute, else the host page's `<html lang>`, else the
 * tenant's default — each only if the tenant offers it.
 */
export function pickLocale(config: TenantConfig, attribute: string | undefined, pageLang: string | undefined): Locale {
  const offered = (candidate: string | undefined): Locale | undefined => {
    const base = candidate?.trim().toLowerCase().split('-')[0];
    return supportedLocales.find((l) => l === base && config.locales.includes(l));
  };
  return offered(attribute) ?? offered(pageLang) ?? config.defaultLocale;
}

/** A locale's default texts come in three parts, each a chunk of its own, loaded when the form needs it. */
export type TextPart =
  /** The first steps (who, what, when), the help panel, the step titles: before the form shows. */
  | 'first'
  /** The Where step's (`location.*`): when that step opens. */
  | 'location'
  /** The steps after the Where step, sending, the confirmation: with those steps' code. */
  | 'later';

const defaults: Record<TextPart, Record<Locale, () => Promise<object>>> = {
  first: loadTexts,
  location: loadLocationTexts,
  later: loadLaterTexts,
};

/** A tree of texts as in `@meldpunt/texts`: text keys are the dotted paths to its strings. */
interface TextTree {
  [key: string]: string | TextTree;
}

/**
 * The widget's texts in every locale it has loaded, and `t` to read them: the format and the rules of
 * i18next (nested resources, `{{name}}` interpolation, plural keys `_zero`/`_one`/`_two`/`_few`/`_many`/
 * `_other` by `Intl.PluralRules`, the fallback locale, the key itself when no locale has it) — in a
 * fiftieth of its size, because this is all the widget uses and i18next alone weighed 15 KB gzip in the
 * chunk every phone downloads before the first step. `i18n.test.ts` checks it answers as i18next does.
 * One per widget: two widgets on a page may speak different languages. Lit escapes everything it renders,
 * so nothing is escaped here.
 */
export class Translations {
  private readonly trees = new Map<string, TextTree>();
  /** Per locale, the parts of the default texts in (`first`…). */
  readonly parts = new Map<string, Set<TextPart>>();
  private readonly fallback: Locale;

  constructor(fallback: Locale) {
    this.fallback = fallback;
  }

  /** Adds texts to a locale's: `over` what is there (the tenant's own), else beneath it (the defaults). */
  add(locale: string, texts: object, over: boolean): void {
    const merge = (into: TextTree, from: TextTree) => {
      for (const [key, value] of Object.entries(from)) {
        const here = into[key];
        if (typeof value === 'object' && typeof here === 'object') merge(here, value);
        else if (over || here === undefined) into[key] = typeof value === 'object' ? merge({}, value) : value;
      }
      return into;
    };
    this.trees.set(locale, merge(this.trees.get(locale) ?? {}, texts as TextTree));
  }

  /**
   * The text of `key` in `lng`, else in the fallback locale, else the key itself; with `count`, its plural
   * form (`key_zero` for 0 if there is one, then `key_<category>`, `key`, `key_other`). `{{name}}` is
   * replaced by `options.name`; a placeholder without a value stays as it is.
   */
  t(key: string, options: { lng: Locale; count?: unknown; [name: string]: unknown }): string {
    const count = typeof options.count === 'number' ? options.count : undefined;
    for (const lng of new Set([options.lng, this.fallback])) {
      const candidates = [key];
      if (count !== undefined) {
        const category = new Intl.PluralRules(lng).select(count);
        candidates.unshift(`${key}_${category}`);
        if (count === 0) candidates.unshift(`${key}_zero`);
        if (category !== 'other') candidates.push(`${key}_other`);
      }
      for (const candidate of candidates) {
        const text = candidate
          .split('.')
          .reduce<string | TextTree | undefined>(
            (node, part) => (typeof node === 'object' ? node[part] : undefined),
            this.trees.get(lng),
          );
        if (typeof text === 'string') return interpolate(text, options);
      }
    }
    return key;
  }
}

/** `{{ name }}` (also `{{- name}}`, `{{a.b}}`) replaced by its value in `values`; unknown names stay. */
function interpolate(text: string, values: Record<string, unknown>): string {
  return text.replace(/\{\{(.+?)\}\}/g, (match, inner: string) => {
    const name = inner.trim().replace(/^-\s*/, '');
    const value = name.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], values);
    if (value === undefined) return name in values ? '' : match;
    return value === null ? '' : String(value);
  });
}

/**
 * The texts of one widget: the tenant's own texts of every locale and the first part of `locale`'s default
 * texts. Nothing of another locale is downloaded: every locale's default texts are complete (the
 * completeness test of `@meldpunt/texts`), so the fallback to the tenant's default locale only matters for
 * a key the tenant wrote there and nowhere else (say `categories.own.description`), and those are in the
 * config.
 */
export async function createTexts(config: TenantConfig, locale: Locale): Promise<Translations> {
  const texts = new Translations(config.defaultLocale);
  for (const [l, overrides] of Object.entries(config.texts)) {
    for (const [key, text] of Object.entries(overrides ?? {})) {
      const tree = key.split('.').reduceRight<string | TextTree>((inner, part) => ({ [part]: inner }), text);
      texts.add(l, tree as TextTree, true);
    }
  }
  await ensureTexts(texts, locale, 'first');
  return texts;
}

/**
 * Loads a part of a locale's default texts, once. Added beneath what is there, so the tenant's own texts
 * for these keys win.
 */
export async function ensureTexts(texts: Translations, locale: Locale, part: TextPart): Promise<void> {
  const parts = texts.parts.get(locale) ?? new Set<TextPart>();
  texts.parts.set(locale, parts);
  if (parts.has(part)) return;
  texts.add(locale, await defaults[part][locale](), false);
  parts.add(part);
}

export function isRtl(locale: Locale): boolean {
  return locale === 'ar';
}
