/**
 * The logo upload: PNG, JPEG and WebP taken by their content and re-encoded (bounded, without
 * metadata); SVG, text, oversized files and pixel bombs refused with problem+json and nothing stored;
 * the stored logo served immutable; audited; unreferenced logos removed by the retention job.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { logoLimits, logoSchema, problemSchema } from '@meldpunt/contracts';
import { enforceRetention, unreferencedLogoDays } from '../../retention/retention.ts';
import { databaseKind, readJson, useTestContext } from '../../../test/helpers.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';

const day = 86_400_000;

/** An image of `width` × `height` in `format`, with EXIF data (which the stored logo must not carry). */
async function image(format: 'png' | 'jpeg' | 'webp', width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 26, g: 77, b: 143, alpha: 1 } } })
    .withExif({ IFD0: { Copyright: 'secret-exif-marker' } })
    .toFormat(format)
    .toBuffer();
}

/** A 1 × 1 PNG whose header claims `side` × `side` pixels (CRC fixed): a decompression bomb's header. */
async function pixelBomb(side: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(side, 16);
  png.writeUInt32BE(side, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe(`POST /api/v1/console/tenants/:slug/logo (${databaseKind})`, { timeout: 120_000 }, () => {
  const ctx = useTestContext();

  async function editorOfNewTenant() {
    const tenant = await ctx.createTenant();
    const editor = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    return { tenant, editor, cookie: await signIn(ctx, editor.id) };
  }

  const upload = (
    slug: string,
    cookie: string,
    body: RequestInit['body'],
    type: string,
    headers: Record<string, string> = {},
  ) =>
    ctx.app.request(`/api/v1/console/tenants/${slug}/logo`, {
      ...asConsole(cookie, { method: 'POST', headers: { 'Content-Type': type, ...headers } }),
      body,
    });

  const storedLogos = async (tenantId: string) =>
    ctx.db.selectFrom('logo').select(['hash', 'width', 'height']).where('tenant_id', '=', tenantId).execute();
  const auditedUploads = async (tenantId: string) =>
    ctx.db
      .selectFrom('audit_entry')
      .select(['details', 'actor_id'])
      .where('tenant_id', '=', tenantId)
      .where('action', '=', 'logo.uploaded')
      .execute();

  async function assertRefused(res: Response, status: number, tenantId: string) {
    assert.equal(res.status, status, await res.clone().text());
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = problemSchema.parse(await readJson(res));
    assert.equal(problem.status, status);
    assert.deepEqual(await storedLogos(tenantId), [], 'nothing stored');
    assert.deepEqual(await auditedUploads(tenantId), [], 'nothing audited');
  }

  for (const [format, width, height, expected] of [
    ['png', 1200, 600, { width: 512, height: 256 }],
    ['jpeg', 700, 700, { width: 512, height: 512 }],
    ['webp', 300, 200, { width: 300, height: 200 }],
  ] as const) {
    it(`takes a ${format}, re-encodes it (WebP, at most 512 × 512, no metadata), stores and audits it`, async () => {
      const { tenant, editor, cookie } = await editorOfNewTenant();
      const sent = await image(format, width, height);
      assert.ok(sent.includes('secret-exif-marker'), 'the upload carries EXIF');
      const res = await upload(tenant.slug, cookie, sent, `image/${format}`);
      assert.equal(res.status, 201, await res.clone().text());
      const logo = logoSchema.parse(await readJson(res));
      assert.deepEqual({ width: logo.width, height: logo.height }, expected);
      assert.equal(logo.url, `/api/v1/logos/${logo.id}.webp`);

      const stored = await ctx.db
        .selectFrom('logo')
        .select(['hash', 'image'])
        .where('tenant_id', '=', tenant.id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.hash, logo.id);
      assert.notDeepEqual(Buffer.from(stored.image), sent, 'the stored logo is not the upload as sent');
      const meta = await sharp(stored.image).metadata();
      assert.equal(meta.format, 'webp');
      assert.deepEqual([meta.width, meta.height], [expected.width, expected.height]);
      assert.equal(meta.exif, undefined, 'no EXIF');
      assert.ok(!Buffer.from(stored.image).includes('secret-exif-marker'));

      const audited = await auditedUploads(tenant.id);
      assert.equal(audited.length, 1);
      assert.equal(audited[0]?.actor_id, editor.id);
      assert.deepEqual(audited[0]?.details, {
        bytes: stored.image.length,
        width: expected.width,
        height: expected.height,
      });
    });
  }

  it('the same image twice is one stored logo with the same id', async () => {
    const { tenant, cookie } = await editorOfNewTenant();
    const sent = await image('png', 64, 64);
    const first = logoSchema.parse(await readJson(await upload(tenant.slug, cookie, sent, 'image/png')));
    const second = logoSchema.parse(await readJson(await upload(tenant.slug, cookie, sent, 'image/png')));
    assert.equal(second.id, first.id);
    assert.equal((await storedLogos(tenant.id)).length, 1);
  });

  it('decides by content, not the declared type: a WebP declared as PNG is taken', async () => {
    const { tenant, cookie } = await editorOfNewTenant();
    const res = await upload(tenant.slug, cookie, await image('webp', 40, 20), 'image/png');
    assert.equal(res.status, 201);
  });

  it('refuses an SVG with a script (415), declared as SVG or as PNG, and stores nothing', async () => {
    const { tenant, cookie } = await editorOfNewTenant();
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>';
    await assertRefused(await upload(tenant.slug, cookie, svg, 'image/svg+xml'), 415, tenant.id);
    await assertRefused(await upload(tenant.slug, cookie, svg, 'image/png'), 415, tenant.id);
  });

  it('refuses a text file named .png (415), and a PNG whose data is broken', async () => {
    const { tenant, cookie } = await editorOfNewTenant();
    const text = 'This is not an image.\n';
    await assertRefused(
      await upload(tenant.slug, cookie, text, 'image/png', {
        'Content-Disposition': 'attachment; filename="logo.png"',
      }),
      415,
      tenant.id,
    );
    const png = await image('png', 64, 64);
    await assertRefused(await upload(tenant.slug, cookie, png.subarray(0, 60), 'image/png'), 415, tenant.id);
  });

  it('refuses a 20 MB upload with 413, by Content-Length or while reading, and stores nothing', async () => {
    const { tenant, cookie } = await editorOfNewTenant();
    const big = new Uint8Array(20 * 1024 * 1024);
    big.set(await image('png', 16, 16));
    await assertRefused(
      await upload(tenant.slug, cookie, big, 'image/png', { 'Content-Length': String(big.length) }),
      413,
      tenant.id,
    );
    // Without a length: streamed, and refused once past the limit.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(big.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
        controller.close();
      },
    });
    const res = await ctx.app.request(`/api/v1/console/tenants/${tenant.slug}/logo`, {
      ...asConsole(cookie, { method: 'POST', headers: { 'Content-Type': 'image/png' } }),
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await assertRefused(res, 413, tenant.id);
    assert.equal(logoLimits.maxUploadBytes, 2 * 1024 * 1024);
  });

  it('refuses a pixel bomb (a small file claiming 20000 × 20000) without decoding it', async () => {
    const { tenant, cookie } = await editorOfNewTenant();
    const bomb = await pixelBomb(20_000);
    assert.ok(bomb.length < 100);
    const res = await upload(tenant.slug, cookie, bomb, 'image/png');
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.match((await readJson(res.clone())).type, /logo-too-many-pixels$/);
    await assertRefused(res, 422, tenant.id);
  });

  it('an analyst may not upload (403); nothing stored', async () => {
    const tenant = await ctx.createTenant();
    const analyst = await createStaff(ctx, { tenantId: tenant.id, roles: ['analyst'] });
    const res = await upload(tenant.slug, await signIn(ctx, analyst.id), await image('png', 8, 8), 'image/png');
    await assertRefused(res, 403, tenant.id);
  });

  it('serves the stored logo immutable, as WebP, nosniff, loadable from any origin; 304 and 404', async () => {
    const { tenant, cookie } = await editorOfNewTenant();
    const logo = logoSchema.parse(
      await readJson(await upload(tenant.slug, cookie, await image('png', 80, 40), 'image/png')),
    );
    const res = await ctx.app.request(logo.url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/webp');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(res.headers.get('etag'), `"${logo.id}"`);
    const body = Buffer.from(await res.arrayBuffer());
    const stored = await ctx.db
      .selectFrom('logo')
      .select('image')
      .where('hash', '=', logo.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(body, Buffer.from(stored.image));
    assert.deepEqual(
      await sharp(body)
        .metadata()
        .then((m) => [m.format, m.width, m.height]),
      ['webp', 80, 40],
    );

    const again = await ctx.app.request(logo.url, { headers: { 'If-None-Match': `"${logo.id}"` } });
    assert.equal(again.status, 304);
    assert.equal((await ctx.app.request(`/api/v1/logos/${'0'.repeat(64)}.webp`)).status, 404);
    assert.equal((await ctx.app.request(`/api/v1/logos/${logo.id}.png`)).status, 404);
  });

  it('retention deletes logos no config version refers to, after the grace period only', async () => {
    const { tenant, cookie } = await editorOfNewTenant();
    const used = logoSchema.parse(
      await readJson(await upload(tenant.slug, cookie, await image('png', 30, 30), 'image/png')),
    );
    const unused = logoSchema.parse(
      await readJson(await upload(tenant.slug, cookie, await image('png', 31, 31), 'image/png')),
    );
    // The published version refers to one of them.
    const version = await ctx.db
      .selectFrom('tenant_config_version')
      .select(['version', 'config'])
      .where('tenant_id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    const config = { ...version.config, branding: { ...version.config.branding, logoUrl: used.url } };
    await ctx.db
      .updateTable('tenant_config_version')
      .set({ config: JSON.stringify(config) })
      .where('tenant_id', '=', tenant.id)
      .where('version', '=', version.version)
      .execute();
    const hashes = async () => (await storedLogos(tenant.id)).map((l) => l.hash).sort();

    await enforceRetention(ctx.db, new Date(Date.now() + (unreferencedLogoDays - 1) * day));
    assert.deepEqual(await hashes(), [used.id, unused.id].sort(), 'within the grace period both stay');

    const result = await enforceRetention(ctx.db, new Date(Date.now() + (unreferencedLogoDays + 1) * day));
    assert.ok(result.logosDeleted >= 1);
    assert.deepEqual(await hashes(), [used.id], 'the referenced logo stays');
    assert.equal((await ctx.app.request(unused.url)).status, 404);
    assert.equal((await ctx.app.request(used.url)).status, 200);
  });
});
