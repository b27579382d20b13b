/**
 * The draft as the widget renders it. The console edits a `TenantConfigInput` (the contracts' input type:
 * what the service fills in by default may be left out); the widget renders a `TenantConfig`, with those
 * defaults in. Filled in by hand, with the contracts' defaults (`tenant-config.ts`): zod stays out of the
 * console bundle. A draft being typed may be incomplete; what the widget cannot do without (a language, a
 * response text) gets a harmless stand-in, so the preview never breaks while someone is still writing.
 */
import type { TenantConfig, TenantConfigInput } from '@meldpunt/contracts';

/** The defaults of `tenantConfigObjectSchema` the widget reads. */
const defaults = {
  geocoding: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1',
  quickExitUrl: 'https://www.google.com/',
  tileUrl: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
  attribution: 'Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a>',
};

/** The widget's config for a draft: the contracts' defaults filled in. */
export function widgetConfig(input: TenantConfigInput): TenantConfig {
  const defaultLocale = input.defaultLocale ?? 'nl';
  const locales = input.locales.length > 0 ? input.locales : [defaultLocale];
  return {
    ...input,
    kind: input.kind ?? 'municipality',
    defaultLocale,
    locales,
    texts: input.texts ?? {},
    categories: input.categories,
    fields: {
      intervention: input.fields?.intervention ?? true,
      extra: (input.fields?.extra ?? []).map((field) => ({
        ...field,
        specialCategory: field.specialCategory ?? false,
      })),
    },
    referrals: input.referrals ?? [],
    map: {
      ...input.map,
      tileUrl: input.map.tileUrl ?? defaults.tileUrl,
      attribution: input.map.attribution ?? defaults.attribution,
      minZoom: input.map.minZoom ?? 7,
      maxZoom: input.map.maxZoom ?? 19,
    },
    geocoding: {
      baseUrl: input.geocoding?.baseUrl ?? defaults.geocoding,
      ...(input.geocoding?.filter ? { filter: input.geocoding.filter } : {}),
    },
    quickExitUrl: input.quickExitUrl ?? defaults.quickExitUrl,
  };
}
