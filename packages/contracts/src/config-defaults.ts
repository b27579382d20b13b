/**
 * The defaults of a tenant's config that the console shows as well as the schemas use: the default
 * categories, the default map tiles, and what a logo upload may be. A module of its own, without zod,
 * with its own export (`@meldpunt/contracts/config-defaults`): the console's configuration sections read
 * them without bringing the schemas into its bundle. `tenant-config.ts` and `logo.ts` re-export them.
 */

/** The categories every new tenant starts with; their labels and explanations come from the default texts. */
export const defaultCategoryIds = [
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
] as const;
export type DefaultCategoryId = (typeof defaultCategoryIds)[number];

/** PDOK BRT-Achtergrondkaart, the Dutch government's open base map. */
export const defaultTiles = {
  tileUrl: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
  attribution: 'Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a>',
} as const;

/** The map's zoom range where a tenant sets none (`mapSettingsSchema`'s defaults). */
export const defaultZoomRange = { minZoom: 7, maxZoom: 19 } as const;

/** What a logo upload may be, before and after the service re-encodes it. */
export const logoLimits = {
  /** Bytes of the upload as sent: more is refused (413) before the rest is read. */
  maxUploadBytes: 2 * 1024 * 1024,
  /** Decoded pixels of the upload (width × height): more is refused before decoding (a decompression bomb). */
  maxInputPixels: 25_000_000,
  /** The stored logo fits inside this square (never enlarged). */
  maxSide: 512,
  /** The media types an upload may declare; its content decides (an SVG is never taken). */
  uploadTypes: ['image/png', 'image/jpeg', 'image/webp'],
} as const;

/** The pattern of a stable id (category, option, extra field): `idSchema` checks it, the console too as one types. */
export const idPattern = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
/** The longest id. */
export const idMaxLength = 40;

/** The pattern of `branding.fontFamily`: a CSS font-family list (letters, digits, spaces, commas, quotes, dashes). */
export const fontFamilyPattern = /^[\w\s,'"-]+$/;
