/**
 * A small client for the PDOK Locatieserver (v3_1), the Dutch government's free geocoder:
 * `suggest` while typing, `lookup` for the point of a chosen suggestion, `reverse` to say a point in words.
 * Docs: https://api.pdok.nl/bzk/locatieserver/search/v3_1/ui/
 *
 * Every failure becomes a `PdokError` (or the `AbortError` of a cancelled request, which callers ignore),
 * so the caller can show one plain message and let the reporter carry on another way.
 */

/** One search suggestion. */
export interface Suggestion {
  id: string;
  /** The name to show, e.g. `Stationsplein 1, 3311AB Dordrecht`. */
  weergavenaam: string;
  type?: string;
}

/** A found place with its point (WGS84). */
export interface Place {
  id: string;
  weergavenaam: string;
  lat: number;
  lng: number;
}

export class PdokError extends Error {
  override name = 'PdokError';
  constructor(
    message: string,
    /** HTTP status, when the service answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** True for a request that was cancelled on purpose (a newer search, or the element went away). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The kinds of places we offer: addresses, streets and towns (not parcels or postcodes). */
const suggestTypes = 'type:(adres OR weg OR woonplaats)';

/** Characters with a meaning in PDOK's (Solr) query syntax; typed by a person they are just noise. */
const querySyntax = /[:"()[\]{}^~*?\\]/g;

interface PdokDoc {
  id?: unknown;
  weergavenaam?: unknown;
  type?: unknown;
  centroide_ll?: unknown;
}

function endpoint(baseUrl: string, path: string, params: [string, string][]): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/${path}`, document.baseURI);
  for (const [key, value] of params) url.searchParams.append(key, value);
  return url;
}

async function docs(url: URL, signal?: AbortSignal): Promise<PdokDoc[]> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new PdokError('The address service cannot be reached');
  }
  if (!response.ok) throw new PdokError(`The address service answered ${response.status}`, response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new PdokError('The address service answered something that is not JSON', response.status);
  }
  const list = (body as { response?: { docs?: unknown } } | null)?.response?.docs;
  if (!Array.isArray(list)) throw new PdokError('The address service answered in an unknown shape', response.status);
  return list.filter((doc): doc is PdokDoc => typeof doc === 'object' && doc !== null);
}

/** Parses a WKT point as PDOK gives it, `POINT(4.6901 51.8133)` (longitude first). */
export function parsePoint(wkt: string): { lat: number; lng: number } | undefined {
  const match = /^\s*POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)\s*$/i.exec(wkt);
  if (!match) return undefined;
  const lng = Number(match[1]);
  const lat = Number(match[2]);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return { lat, lng };
}

/**
 * Up to 7 suggestions for what the reporter typed. `filter` (a PDOK filter query such as
 * `gemeentenaam:Dordrecht`) keeps the suggestions within the tenant's area.
 */
export async function suggest(
  baseUrl: string,
  query: string,
  options: { filter?: string; signal?: AbortSignal } = {},
): Promise<Suggestion[]> {
  const q = query.replace(querySyntax, ' ').replace(/\s+/g, ' ').trim();
  if (!q) return [];
  const params: [string, string][] = [['q', q]];
  if (options.filter) params.push(['fq', options.filter]);
  params.push(['rows', '7'], ['fq', suggestTypes]);
  const found = await docs(endpoint(baseUrl, 'suggest', params), options.signal);
  return found.flatMap((doc) =>
    typeof doc.id === 'string' && typeof doc.weergavenaam === 'string'
      ? [{ id: doc.id, weergavenaam: doc.weergavenaam, ...(typeof doc.type === 'string' ? { type: doc.type } : {}) }]
      : [],
  );
}

/** The point and full name of a suggestion; `undefined` when PDOK no longer knows the id. */
export async function lookup(
  baseUrl: string,
  id: string,
  options: { signal?: AbortSignal } = {},
): Promise<Place | undefined> {
  const params: [string, string][] = [
    ['id', id],
    ['fl', 'id,weergavenaam,centroide_ll'],
  ];
  const [doc] = await docs(endpoint(baseUrl, 'lookup', params), options.signal);
  if (!doc) return undefined;
  const point = typeof doc.centroide_ll === 'string' ? parsePoint(doc.centroide_ll) : undefined;
  if (!point || typeof doc.weergavenaam !== 'string')
    throw new PdokError('The address service gave no point for this place');
  return { id, weergavenaam: doc.weergavenaam, ...point };
}

/** The nearest address of a point in words; `undefined` when there is none nearby. */
export async function reverse(
  baseUrl: string,
  lat: number,
  lng: number,
  options: { signal?: AbortSignal } = {},
): Promise<string | undefined> {
  const params: [string, string][] = [
    ['lat', lat.toFixed(6)],
    ['lon', lng.toFixed(6)],
    ['rows', '1'],
    ['type', 'adres'],
    ['fl', 'weergavenaam'],
  ];
  const [doc] = await docs(endpoint(baseUrl, 'reverse', params), options.signal);
  return typeof doc?.weergavenaam === 'string' && doc.weergavenaam ? doc.weergavenaam : undefined;
}
