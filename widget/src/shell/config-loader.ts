// Loading what the form needs before it shows: the tenant's published config, its municipality outline,
// the language to show and that language's texts of the first steps.
import type { AreaOutline, Locale, TenantConfig } from '@meldpunt/contracts';
import { supportedLocales } from '@meldpunt/contracts/limits';
import { loadTexts } from '@meldpunt/texts';
import { ApiError, fetchConfig } from '../api.ts';
import { createTexts, pickLocale, type Translations } from '../i18n.ts';

/** What the element shows its form with. */
export interface LoadedWidget {
  config: TenantConfig;
  /** The tenant's own municipality (from its published config), if the service knows it. */
  area?: AreaOutline;
  texts: Translations;
  locale: Locale;
}

export interface LoadRequest {
  base: string;
  tenant: string;
  /** The element's `locale` attribute (empty: none). */
  locale: string;
  signal: AbortSignal;
  timeoutMs: number;
}

/**
 * The config, then the texts of the language to show (the `locale` attribute, the page's `<html lang>`,
 * the tenant's default). Rejects with an `ApiError` (`not-found` without a tenant).
 */
export async function loadWidget({ base, tenant, locale, signal, timeoutMs }: LoadRequest): Promise<LoadedWidget> {
  if (!tenant) throw new ApiError('not-found');
  // The texts of the likely language download while the config does (one round trip less before the first
  // step); the config decides, and if it picks another language these are simply not used.
  const likely = supportedLocales.find((l) => l === baseLanguage(locale || document.documentElement.lang));
  if (likely) loadTexts[likely]().catch(() => undefined);
  const { config, area } = await fetchConfig(base, tenant, signal, timeoutMs);
  const shown = pickLocale(config, locale || undefined, document.documentElement.lang || undefined);
  return { config, area, texts: await createTexts(config, shown), locale: shown };
}

/**
 * Without the tenant there are no texts: the default texts of the page's language (else Dutch), to say
 * that the form cannot load and to call 112.
 */
export async function loadErrorTexts(): Promise<{ texts: Translations; locale: Locale }> {
  const lang = baseLanguage(document.documentElement.lang);
  const locale = supportedLocales.find((l) => l === lang) ?? 'nl';
  const config = { texts: {}, defaultLocale: locale } as unknown as TenantConfig;
  return { texts: await createTexts(config, locale), locale };
}

/** `nl` of `nl-NL`. */
function baseLanguage(tag: string | undefined): string {
  return tag?.trim().toLowerCase().split('-')[0] ?? '';
}
