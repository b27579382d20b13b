import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { findLogoImage } from '../../logos/logo-service.ts';

/**
 * `GET /api/v1/logos/:id.webp`: a stored logo (always the service's own re-encoding, never an upload
 * as sent). Named by its content hash, so it never changes: cached for a year as immutable, with the
 * hash as a strong ETag; loadable by pages on any origin (the widget shows it on municipal sites).
 */
export function logoRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/:file{[0-9a-f]{64}\\.webp}', async (c) => {
    const id = c.req.param('file').slice(0, 64);
    const etag = `"${id}"`;
    const headers = {
      ETag: etag,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    const inm = c.req.header('if-none-match');
    if (inm && inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return c.body(null, 304, headers);
    }
    const image = await findLogoImage(deps.db, id);
    if (!image) return c.notFound();
    return c.body(new Uint8Array(image), 200, {
      ...headers,
      'Content-Type': 'image/webp',
      'Content-Length': String(image.length),
    });
  });
}
