import type { ReportLocation } from '@meldpunt/contracts';
import { limits } from '@meldpunt/contracts/limits';

/** A chosen point and how it was chosen. */
export interface Point {
  lat: number;
  lng: number;
  source: 'map' | 'search' | 'device';
  accuracy?: number;
}

/** What the location picker holds: a point with its name in words, and the reporter's own words. */
export interface Choice {
  point?: Point;
  /** The point's name: the address from search or reverse lookup. */
  placeName?: string;
  /** The reporter's own words about the place. */
  description: string;
}

/** A point in words when no address is known: `51.8133, 4.6901`. */
export const coordinates = (point: { lat: number; lng: number }) => `${point.lat.toFixed(4)}, ${point.lng.toFixed(4)}`;

/**
 * The choice as the report's location. `text` is the place in words: for a point its name (the
 * address, or rounded coordinates when no address is known), followed on a new line by the reporter's
 * own description if they gave one; without a point it is the description alone (`source: 'text'`).
 * Nothing chosen is `undefined`.
 */
export function toLocation({ point, placeName, description }: Choice): ReportLocation | undefined {
  const words = description.trim();
  if (!point) return words ? { text: words.slice(0, limits.locationTextMaxLength), source: 'text' } : undefined;
  const text = [placeName ?? coordinates(point), words].filter(Boolean).join('\n');
  return {
    lat: point.lat,
    lng: point.lng,
    text: text.slice(0, limits.locationTextMaxLength),
    source: point.source,
    ...(point.accuracy !== undefined ? { accuracy: point.accuracy } : {}),
  };
}

/** A location the parent gives back (e.g. when the reporter returns to the step) as a choice again. */
export function fromLocation(value: ReportLocation | undefined): Choice {
  if (value?.lat === undefined || value.lng === undefined) return { description: value?.text ?? '' };
  const source = value.source && value.source !== 'text' ? value.source : 'map';
  const [name = '', ...rest] = (value.text ?? '').split('\n');
  return {
    point: {
      lat: value.lat,
      lng: value.lng,
      source,
      ...(value.accuracy !== undefined ? { accuracy: value.accuracy } : {}),
    },
    placeName: name.trim() || undefined,
    description: rest.join('\n'),
  };
}
