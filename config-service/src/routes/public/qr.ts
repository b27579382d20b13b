import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import QRCode from 'qrcode';
import { tenantSlugSchema } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { problems } from '../../http/problem.ts';

/**
 * Error correction `Q`: about a quarter of the code may be dirty, torn or covered and it still reads —
 * for posters in nightlife areas; the hosted page's URL is short, so the code stays coarse.
 */
export const qrErrorCorrection = 'Q';
/** The PNG's width and height in pixels: sharp on an A3 poster at arm's length. */
export const qrPngSize = 1024;

/** The URL a tenant's QR code encodes: its hosted reporting page. */
export function hostedPageUrl(publicOrigin: string, slug: string): string {
  return `${publicOrigin}/m/${slug}`;
}

interface QrImage {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

async function render(url: string, format: 'svg' | 'png'): Promise<QrImage> {
  const options = { errorCorrectionLevel: qrErrorCorrection, margin: 4 } as const;
  const bytes =
    format === 'svg'
      ? new TextEncoder().encode(await QRCode.toString(url, { ...options, type: 'svg' }))
      : new Uint8Array(await QRCode.toBuffer(url, { ...options, type: 'png', width: qrPngSize }));
  return { body: bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"` };
}

/**
 * `GET /api/v1/tenants/:slug/qr.svg` and `qr.png` (public: they encode only a public URL): a QR code
 * of the tenant's hosted reporting page (`${PUBLIC_ORIGIN}/m/:slug`) for posters, made with `qrcode`.
 * Made once per published tenant and format and kept in memory (the URL changes only with
 * `PUBLIC_ORIGIN`, i.e. never while the process runs); cached a day by clients, revalidated by ETag,
 * loadable by pages on any origin. 404 for a tenant that is not published.
 */
export function qrRoutes(deps: AppDeps) {
  const made = new Map<string, Promise<QrImage>>();
  const types = { svg: 'image/svg+xml', png: 'image/png' } as const;
  return new Hono<AppEnv>().get('/:slug/:file{qr\\.(?:svg|png)}', async (c) => {
    const slug = c.req.param('slug');
    const format = c.req.param('file') === 'qr.svg' ? 'svg' : 'png';
    const tenant = tenantSlugSchema.safeParse(slug).success ? await deps.tenants.get(slug) : undefined;
    if (!tenant) throw problems.notFound('No reporting point with this name');
    const key = `${slug} ${format}`;
    let image = made.get(key);
    if (!image) {
      image = render(hostedPageUrl(deps.publicOrigin, slug), format);
      made.set(key, image);
      image.catch(() => made.delete(key));
    }
    const { body, etag } = await image;
    const headers = {
      ETag: etag,
      'Cache-Control': 'public, max-age=86400',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Disposition': `inline; filename="meldpunt-${slug}-qr.${format}"`,
    };
    const inm = c.req.header('if-none-match');
    if (inm && inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return c.body(null, 304, headers);
    }
    return c.body(body, 200, { ...headers, 'Content-Type': types[format], 'Content-Length': String(body.length) });
  });
}
