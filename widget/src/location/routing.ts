/**
 * Where will the report go? Before sending, the widget tells the reporter when a chosen point sends the
 * report to another municipality (or keeps it without follow-up, or is not in the Netherlands at all).
 *
 * Part of the lazily loaded location chunk: `location-picker.ts` re-exports this module, and the widget
 * reaches it only after a point was chosen.
 */
import type { AreaOutline, RoutePreview } from '@meldpunt/contracts';
import { ApiError, apiRequest } from '../api.ts';
import type { Translate } from '../i18n.ts';

/** What the route endpoint said about one point (kept with the point, so an old answer is recognisable). */
export type RouteCheck =
  | { lat: number; lng: number; outcome: 'routed'; preview: RoutePreview }
  | { lat: number; lng: number; outcome: 'outside' };

/**
 * Whether a point lies inside a MultiPolygon outline (GeoJSON coordinates, `[lng, lat]`): even-odd rule
 * over every ring, so holes and islands count right.
 */
export function insideOutline(outline: AreaOutline['outline'], lat: number, lng: number): boolean {
  let inside = false;
  for (const polygon of outline) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] ?? [0, 0];
        const [xj, yj] = ring[j] ?? [0, 0];
        if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

export interface RouteQuestion {
  /** The Meldpunt API's origin. */
  base: string;
  /** The embedding tenant's slug. */
  tenant: string;
  /** A national tenant routes every point; a municipal one only points outside its own outline. */
  national: boolean;
  /** The embedding municipality's outline, if the service published one. */
  area: AreaOutline | undefined;
  lat: number;
  lng: number;
  /** When it happened (ISO 8601), if the reporter said so already: boundaries change over the years. */
  occurredAt: string | undefined;
  signal: AbortSignal;
  /** How long the answer may take (the API client's default otherwise). */
  timeoutMs?: number;
}

/**
 * Asks `GET …/route` where a report placed at the point would go. `undefined` when there is nothing to
 * tell: the point lies within the tenant's own outline (no request then), or the answer was not
 * understood. Rejects on network or server errors: the caller shows nothing then, and the service routes
 * the report anyway when it is sent.
 */
export async function checkRoute(question: RouteQuestion): Promise<RouteCheck | undefined> {
  const { base, tenant, national, area, lat, lng, occurredAt, signal, timeoutMs } = question;
  // A municipal tenant without a known outline keeps every report: nothing to ask.
  if (!national && (!area || insideOutline(area.outline, lat, lng))) return undefined;
  const query = { lat: String(lat), lng: String(lng), at: occurredAt };
  let preview: Partial<RoutePreview> | null;
  try {
    preview = await apiRequest<Partial<RoutePreview> | null>({
      base,
      tenant,
      resource: 'route',
      query,
      signal,
      timeoutMs,
    });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 422) throw error;
    return error.type?.endsWith('/outside-netherlands') ? { lat, lng, outcome: 'outside' } : undefined;
  }
  const routedTo = preview?.routedTo;
  if (!preview || !routedTo || typeof routedTo.name !== 'string' || !preview.followUp) return undefined;
  return { lat, lng, outcome: 'routed', preview: preview as RoutePreview };
}

/**
 * The notice next to the place and on the review, in plain words: which municipality the point is in and
 * where the report goes — or that that municipality does not take part, and to contact it directly.
 * Empty when there is nothing to tell (or the point is not in the Netherlands: that is an error instead).
 */
export function routeNotice(t: Translate, check: RouteCheck, contactCleared: boolean): string {
  if (check.outcome !== 'routed') return '';
  const { routedTo, followUp } = check.preview;
  const municipality = routedTo.municipality?.name;
  if (!municipality) return '';
  const sentences = routedTo.participating
    ? [
        t('location.route.elsewhere', { municipality, name: routedTo.name }),
        followUp === 'none' ? t('location.route.noFollowUp', { name: routedTo.name }) : '',
      ]
    : [t('location.route.notParticipating', { municipality })];
  if (contactCleared) sentences.push(t('location.route.contactCleared'));
  return sentences.filter(Boolean).join(' ');
}
