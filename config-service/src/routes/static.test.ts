import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultStaticDirs } from './static-paths.ts';
import { staticRoutes, strictCsp } from './static.ts';

function fixture() {
  const widgetDir = mkdtempSync(join(tmpdir(), 'meldpunt-static-'));
  mkdirSync(join(widgetDir, 'chunks'));
  writeFileSync(join(widgetDir, 'meldpunt-widget.js'), 'export {};');
  writeFileSync(join(widgetDir, 'chunks/map-view-abc123.js'), 'export {};');
  writeFileSync(join(widgetDir, '.secret'), 'no');
  const { demoDir, demoVendorDir } = defaultStaticDirs();
  return staticRoutes({ widgetDir, demoDir, demoVendorDir });
}

describe('static files: widget and demo site', () => {
  const app = fixture();

  it('serves the widget as JavaScript, loadable cross-origin, entry briefly cached and chunks immutable', async () => {
    const entry = await app.request('/widget/meldpunt-widget.js');
    assert.equal(entry.status, 200);
    assert.equal(entry.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(entry.headers.get('access-control-allow-origin'), '*');
    assert.equal(entry.headers.get('cache-control'), 'public, max-age=300');
    const chunk = await app.request('/widget/chunks/map-view-abc123.js');
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('refuses paths that leave the folder, dotfiles and unknown files', async () => {
    for (const path of [
      '/widget/..%2fpackage.json',
      '/widget/%2e%2e/%2e%2e/package.json',
      '/widget/.secret',
      '/widget/nothing.js',
      '/demo/..%2f..%2fpackage.json',
      '/demo/e2e/journey.test.ts',
      '/demo/package.json',
      '/demo/vendor/../../package.json',
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/package.json',
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/..%2f..%2f..%2fpuppeteer-core/package.json',
      '/demo/vendor/puppeteer-core/package.json',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
    }
  });

  it('redirects /demo to /demo/ and serves the index', async () => {
    const redirect = await app.request('/demo');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/demo/');
    const index = await app.request('/demo/');
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
  });

  it('sends the strict CSP with Trusted Types on the strict page', async () => {
    const res = await app.request('/demo/strict-csp.html');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-security-policy'), strictCsp);
    assert.match(strictCsp, /require-trusted-types-for 'script'; trusted-types lit-html/);
  });

  it('serves the allowed design-token CSS', async () => {
    const res = await app.request('/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/css; charset=utf-8');
  });

  it('every demo page declares UTF-8 and has no inline script or style', () => {
    const { demoDir } = defaultStaticDirs();
    const pages = readdirSync(demoDir).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length >= 9, `demo pages: ${pages.join(', ')}`);
    for (const page of pages) {
      const html = readFileSync(join(demoDir, page), 'utf8');
      assert.match(html, /<meta charset="utf-8"\s*\/?>/i, page);
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, `${page}: inline script`);
      assert.doesNotMatch(html, /\sstyle=/i, `${page}: style attribute`);
      assert.doesNotMatch(html, /<style/i, `${page}: style element`);
    }
  });
});
