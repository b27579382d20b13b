/**
 * What the embed page needs of a tenant's **published** config (`GET /tenants/:slug/config`, public, the
 * same answer every embedding site gets): where the widget will load images and data from (logo, map
 * tiles, address search), so the page can write the CSP lines for exactly this tenant. A tenant not
 * published yet answers 404 (`NotFoundError`).
 */
import type { TenantConfig } from '@meldpunt/contracts';
import { isRecord, isText, request } from './http.ts';

/** The parts of the public config the embed page reads. */
export type EmbedSources = Pick<TenantConfig, 'slug' | 'name'> & {
  branding: Pick<TenantConfig['branding'], 'logoUrl'>;
  map: Pick<TenantConfig['map'], 'tileUrl'>;
  geocoding: Pick<TenantConfig['geocoding'], 'baseUrl'>;
};

function isEmbedSources(value: unknown): value is EmbedSources {
  if (!isRecord(value) || !isText(value['slug']) || !isText(value['name'])) return false;
  const { branding, map, geocoding } = value;
  return (
    isRecord(branding) &&
    (branding['logoUrl'] === undefined || isText(branding['logoUrl'])) &&
    isRecord(map) &&
    isText(map['tileUrl']) &&
    isRecord(geocoding) &&
    isText(geocoding['baseUrl'])
  );
}

/** The published config's sources of images and data. */
export function getEmbedSources(slug: string, signal?: AbortSignal): Promise<EmbedSources> {
  return request(`/tenants/${encodeURIComponent(slug)}/config`, isEmbedSources, signal ? { signal } : {});
}
