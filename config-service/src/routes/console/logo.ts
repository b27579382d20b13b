import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { logoLimits } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { ProblemError } from '../../http/problem.ts';
import { signedInOf, staffTenantOf } from '../../http/staff-access.ts';
import { uploadLogo } from '../../logos/logo-service.ts';

/** 415 before the body is read unless it is declared as one of the image types taken (never SVG). */
const requireImageType = createMiddleware(async (c, next) => {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(logoLimits.uploadTypes as readonly string[]).includes(mediaType)) {
    throw new ProblemError(415, 'unsupported-media-type', 'The logo must be a PNG, JPEG or WebP image', {
      detail: `Send the file itself as the body, with Content-Type ${logoLimits.uploadTypes.join(', ')}. SVG is not accepted.`,
      errors: [{ path: '', message: 'Not a PNG, JPEG or WebP image' }],
    });
  }
  await next();
});

/** 413 on `Content-Length` before anything is read, or as soon as a body without one passes the limit. */
const limitUpload = bodyLimit({
  maxSize: logoLimits.maxUploadBytes,
  onError: () => {
    throw new ProblemError(413, 'payload-too-large', 'The logo file is too large', {
      detail: `Nothing was stored. A logo file may be at most ${logoLimits.maxUploadBytes / 1024 / 1024} MB.`,
      errors: [{ path: '', message: 'File too large' }],
    });
  },
});

/**
 * `POST /api/v1/console/tenants/:slug/logo` (editors and publishers: the logo is part of the draft's
 * branding): the image file as the raw body, with its type (`Content-Type: image/png|jpeg|webp`) — what
 * a console sends with `fetch(url, { body: file })`. The content decides whether it is taken; the
 * stored logo is always the service's re-encoding (`logos/logo-image.ts`). Answers 201 with
 * `{ id, url, width, height }`; the draft refers to it by `branding.logoUrl = url`.
 */
export function logoUploadRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post('/:slug/logo', requireImageType, limitUpload, async (c) => {
    const upload = new Uint8Array(await c.req.arrayBuffer());
    const logo = await uploadLogo(deps, staffTenantOf(c).id, upload, { kind: 'staff', id: signedInOf(c).staffId });
    c.get('log').info({ tenant: staffTenantOf(c).slug, bytes: upload.length }, 'logo uploaded');
    return c.json(logo, 201, { 'Cache-Control': 'no-store', Location: logo.url });
  });
}
