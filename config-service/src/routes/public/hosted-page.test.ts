/**
 * The hosted reporting page `/m/:slug` and its QR code: the page embeds the tenant's widget under a
 * strict CSP with Trusted Types, titled and in the language of the tenant, 404 as a page for an unknown
 * tenant; the QR codes (SVG, PNG) encode `${PUBLIC_ORIGIN}/m/<slug>`, read back with a decoder.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { databaseKind, testPublicOrigin, useTestContext } from '../../../test/helpers.ts';
import { qrPngSize } from './qr.ts';

describe(`the hosted reporting page and its QR code (${databaseKind})`, { timeout: 120_000 }, () => {
  const ctx = useTestContext();

  it('embeds the tenant’s widget under a strict CSP with Trusted Types, with its name, language and website', async () => {
    const tenant = await ctx.createTenant({
      config: { name: 'Gemeente <Proef> & Co', website: 'https://www.proef.example/', defaultLocale: 'nl' },
    });
    const res = await ctx.app.request(`/m/${tenant.slug}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
      "form-action 'none'",
    ]) {
      assert.ok(csp.split('; ').includes(directive), `CSP has ${directive}: ${csp}`);
    }
    assert.ok(!csp.includes('unsafe'), 'nothing unsafe');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('cache-control') ?? '', /max-age=60/);
    const page = await res.text();
    assert.match(page, /^<!doctype html>\s*<html lang="nl" dir="ltr">/);
    assert.match(page, /<title>Gemeente &lt;Proef&gt; &amp; Co<\/title>/, 'the name, escaped');
    assert.match(page, /<script type="module" src="\/widget\/meldpunt-widget.js"><\/script>/);
    assert.match(page, new RegExp(`<meldpunt-widget tenant="${tenant.slug}"></meldpunt-widget>`));
    assert.match(page, /<a href="https:\/\/www.proef.example\/">Gemeente &lt;Proef&gt; &amp; Co<\/a>/);
    assert.ok(!/<script>|\sstyle=|\son\w+=/.test(page), 'no inline script, style or handler');

    const css = await ctx.app.request('/m/assets/page.css');
    assert.equal(css.status, 200);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  });

  it('without a known website there is no link; the page’s language is the tenant’s default', async () => {
    const tenant = await ctx.createTenant();
    const page = await (await ctx.app.request(`/m/${tenant.slug}`)).text();
    assert.match(page, /<html lang="nl" dir="ltr">/);
    assert.match(page, /<title>Gemeente Test<\/title>/);
    assert.ok(!page.includes('<footer>'));
  });

  it('answers an unknown tenant with a 404 page (HTML, the same CSP), in Dutch and English', async () => {
    for (const slug of ['bestaat-niet', 'Not_A_Slug']) {
      const res = await ctx.app.request(`/m/${slug}`);
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(res.headers.get('content-security-policy') ?? '', /trusted-types lit-html/);
      const page = await res.text();
      assert.match(page, /Dit meldpunt bestaat niet/);
      assert.match(page, /This reporting point does not exist/);
      assert.ok(!page.includes('meldpunt-widget'));
    }
  });

  it('QR SVG: an SVG without script, encoding the hosted page’s URL with error correction Q', async () => {
    const tenant = await ctx.createTenant();
    const res = await ctx.app.request(`/api/v1/tenants/${tenant.slug}/qr.svg`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/svg+xml');
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.match(res.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    const svg = await res.text();
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<\/svg>\n?$/s);
    assert.ok(!/<script|on\w+=|href=|<foreignObject/i.test(svg), 'nothing active in the SVG');
    // The same modules as the encoder's own matrix for that URL at level Q.
    const url = `${testPublicOrigin}/m/${tenant.slug}`;
    const expected = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'Q', margin: 4 });
    assert.equal(svg, expected);
    assert.equal(QRCode.create(url, { errorCorrectionLevel: 'Q' }).errorCorrectionLevel.bit, 3);
    // And read back as a phone would.
    const png = await sharp(Buffer.from(svg), { density: 300 })
      .flatten({ background: '#fff' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.info.width, png.info.height);
    assert.equal(decoded?.data, url);
  });

  it('QR PNG: a PNG of 1024 × 1024 that decodes to the hosted page’s URL; ETag and 304; 404 for an unknown tenant', async () => {
    const tenant = await ctx.createTenant();
    const res = await ctx.app.request(`/api/v1/tenants/${tenant.slug}/qr.png`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height], [qrPngSize, qrPngSize]);
    assert.equal(
      jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data,
      `${testPublicOrigin}/m/${tenant.slug}`,
    );

    const etag = res.headers.get('etag') ?? '';
    assert.match(etag, /^"[\w-]+"$/);
    assert.equal(
      (await ctx.app.request(`/api/v1/tenants/${tenant.slug}/qr.png`, { headers: { 'If-None-Match': etag } })).status,
      304,
    );
    for (const path of ['/api/v1/tenants/bestaat-niet/qr.png', '/api/v1/tenants/bestaat-niet/qr.svg']) {
      const missing = await ctx.app.request(path);
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('content-type'), 'application/problem+json');
    }
    assert.equal((await ctx.app.request(`/api/v1/tenants/${tenant.slug}/qr.gif`)).status, 404);
  });
});
