// Preview mode (issue 13): the configuration console shows the real widget with an unpublished draft. The
// element only knows the `WidgetPreview` type; this module is a chunk of its own, loaded only when
// `preview` is set, so citizens never download it.
import type { AreaOutline, Locale, ReportCreated, ReportInputBody, TenantConfig } from '@meldpunt/contracts';
import type { FollowUp } from './draft.ts';
import { createTexts, ensureTexts, pickLocale, type TextPart } from './i18n.ts';
import type { LoadedWidget } from './shell/config-loader.ts';

/** What the console gives `<meldpunt-widget>.preview`: a config to show instead of the published one. */
export interface WidgetPreview {
  /** The config to render (a draft: it need not be published, or even publishable). */
  config: TenantConfig;
  /** The tenant's municipality, for the map. */
  area?: AreaOutline;
  /** Called instead of the public reports route: nothing is stored. */
  send(body: ReportInputBody): Promise<ReportCreated>;
}

/**
 * What the element shows the preview with: the draft's config and texts, in the `locale` attribute's
 * language when the draft offers it (else its default), with the parts of the default texts the form has
 * come to already (`parts`), so a new draft re-renders in place without a step that waits for its texts.
 */
export async function loadPreview(preview: WidgetPreview, locale: string, parts: TextPart[]): Promise<LoadedWidget> {
  const { config, area } = preview;
  const shown = pickLocale(config, locale || undefined, undefined);
  const texts = await createTexts(config, shown);
  await Promise.all(parts.map((part) => ensureTexts(texts, shown, part)));
  return { config, area, texts, locale: shown };
}

/**
 * The confirmation after sending, as the service would answer it for this draft: its response in `locale`
 * (else the default language) and a sample reference (a report's is never shown: none was stored).
 */
export function sampleResult(config: TenantConfig, locale: Locale, followUp: FollowUp): ReportCreated {
  const { title, body } = config.followUp.response;
  return {
    id: '00000000-0000-4000-8000-000000000000',
    reference: 'ABCD-2345',
    tenant: config.slug,
    routedTo: { slug: config.slug, name: config.name, municipality: null, participating: true },
    followUp,
    response: {
      title: title[locale] ?? title[config.defaultLocale] ?? '',
      body: body[locale] ?? body[config.defaultLocale] ?? '',
    },
  };
}
