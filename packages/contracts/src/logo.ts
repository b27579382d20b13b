/**
 * A tenant's logo as the service stores and serves it (`POST /api/v1/console/tenants/:slug/logo`): the
 * upload is re-encoded on the server, and the result is named by its content hash. The draft's
 * `branding.logoUrl` refers to it by `url` (a path on the service, which the widget resolves against
 * the service's origin) and `branding.logoAlt` gives its alt text per language.
 */
import { z } from 'zod';
import { logoLimits } from './config-defaults.ts';
import { text } from './text.ts';

/** What a logo upload may be (zod-free, for the console too). */
export { logoLimits } from './config-defaults.ts';

/** A stored logo's id: the SHA-256 of the re-encoded image, lower-case hex. */
export const logoIdSchema = text().regex(/^[0-9a-f]{64}$/, 'A logo id is 64 hex digits');

/** The answer to an upload: the stored logo's id, where it is served, and its size in pixels. */
export const logoSchema = z.strictObject({
  id: logoIdSchema,
  /** `/api/v1/logos/<id>.webp`: immutable, loadable from any origin. */
  url: text().regex(/^\/api\/v1\/logos\/[0-9a-f]{64}\.webp$/),
  width: z.number().int().min(1).max(logoLimits.maxSide),
  height: z.number().int().min(1).max(logoLimits.maxSide),
});
export type Logo = z.infer<typeof logoSchema>;

/** The path a logo is served at. */
export function logoPath(id: string): string {
  return `/api/v1/logos/${id}.webp`;
}
