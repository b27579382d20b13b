import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { createTestContext, type TestContext } from '../../test/helpers.ts';
import { defaultStaticDirs } from './static-paths.ts';
import { demoCsp, demoSiteRoutes, inside, isHashedChunk, pathSegments, strictCsp, widgetRoutes } from './static.ts';

/** A fake widget build in a temp dir, next to the real demo site and its installed token packages. */
function fixture() {
  const widgetDir = mkdtempSync(join(tmpdir(), 'meldpunt-static-'));
  mkdirSync(join(widgetDir, 'chunks'));
  writeFileSync(join(widgetDir, 'meldpunt-widget.js'), 'export {};');
  writeFileSync(join(widgetDir, 'meldpunt-widget.classic.js'), ';');
  writeFileSync(join(widgetDir, 'chunks/map-view-abc_12-3.js'), 'export {};');
  writeFileSync(join(widgetDir, 'chunks/helper.js'), 'export {};'); // not hashed: must not be cached forever
  writeFileSync(join(widgetDir, '.secret'), 'no');
  writeFileSync(join(widgetDir, 'package.json'), '{}'); // must still be unreachable from /demo
  const { demoSite } = defaultStaticDirs();
  const app = new Hono().route('/', widgetRoutes(widgetDir)).route('/', demoSiteRoutes(demoSite));
  return { widgetDir, demoSite, app, cleanup: () => rmSync(widgetDir, { recursive: true, force: true }) };
}

const { demoDir } = defaultStaticDirs().demoSite;
const pages = readdirSync(demoDir).filter((f) => f.endsWith('.html'));
const read = (page: string) => readFileSync(join(demoDir, page), 'utf8');

describe('static files: widget and demo site', () => {
  const { app, widgetDir, demoSite, cleanup } = fixture();
  after(cleanup);

  it('serves the widget as JavaScript, loadable cross-origin (CORS and CORP), entries briefly cached and chunks immutable', async () => {
    for (const entry of [
      '/widget/meldpunt-widget.js',
      '/widget/meldpunt-widget.classic.js',
      '/widget/meldpunt-widget.js?a',
    ]) {
      const res = await app.request(entry);
      assert.equal(res.status, 200, entry);
      assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    }
    const chunk = await app.request('/widget/chunks/map-view-abc_12-3.js');
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('caches only chunks with a content hash in their name forever', async () => {
    const unhashed = await app.request('/widget/chunks/helper.js');
    assert.equal(unhashed.status, 200);
    assert.equal(unhashed.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(isHashedChunk(['chunks', 'location-CTL5FB-b.js']), true);
    assert.equal(isHashedChunk(['chunks', 'nl-_501Viyf.js']), true);
    for (const name of [['chunks', 'map-view.js'], ['chunks', 'widget-abc.js'], ['widget-Dx7VerdS.js']]) {
      assert.equal(isHashedChunk(name), false, name.join('/'));
    }
  });

  it('refuses paths that leave a folder, dotfiles, directories and unknown files', async () => {
    for (const path of [
      '/widget/../package.json',
      '/widget/..%2fpackage.json',
      '/widget/%2e%2e/%2e%2e/package.json',
      '/widget/chunks%2f..%2f..%2fpackage.json',
      '/widget/chunks/..%5c..%5cpackage.json',
      '/widget/.secret',
      '/widget/%2esecret',
      '/widget/nothing.js',
      '/widget/',
      '/widget/chunks',
      '/widget/chunks/',
      '/widget/%E0%A4%A',
      '/demo/..%2f..%2fpackage.json',
      '/demo/%2e%2e/package.json',
      '/demo/package.json',
      '/demo/README.md',
      '/demo/tsconfig.json',
      '/demo/e2e/journey.test.ts',
      '/demo/assets',
      '/demo/assets/',
      '/demo/node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
      // Encoded slashes must not turn a demo path into a path into node_modules (it once did):
      '/demo/node_modules%2f@nl-design-system-unstable%2fvoorbeeld-design-tokens%2fdist%2ftheme.css',
      '/demo/assets%2f..%2fnode_modules%2f@gemeente-denhaag%2fdesign-tokens-components%2fdist%2findex.css',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.get('access-control-allow-origin'), null, path);
    }
  });

  it('serves only the dist/ folders of the allow-listed token packages from node_modules', async () => {
    for (const path of [
      '/demo/vendor/../../package.json',
      '/demo/vendor/..%2f..%2fpackage.json',
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/package.json',
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist',
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/',
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/../package.json',
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/..%2fpackage.json',
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/..%2f..%2f..%2fpuppeteer-core/package.json',
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist%2f..%2fpackage.json',
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens-evil/dist/theme.css',
      '/demo/vendor/@gemeente-denhaag/design-tokens-components/LICENSE.md',
      '/demo/vendor/puppeteer-core/package.json',
      '/demo/vendor/@gemeente-denhaag/../puppeteer-core/package.json',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
    }
    for (const path of [
      '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
      '/demo/vendor/@gemeente-denhaag/design-tokens-components/dist/theme/index.css',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), 'text/css; charset=utf-8');
      assert.equal(res.headers.get('access-control-allow-origin'), null, 'CORS only on the widget scripts');
    }
  });

  it('pathSegments and inside keep every path inside its folder', () => {
    assert.deepEqual(pathSegments('chunks/a.js'), ['chunks', 'a.js']);
    assert.deepEqual(pathSegments('chunks%2fa.js'), ['chunks', 'a.js']);
    assert.deepEqual(pathSegments(''), []);
    for (const bad of [
      '..',
      '../x',
      'a/../../x',
      '%2e%2e/x',
      'a//b',
      '/etc/passwd',
      'a\\..\\b',
      'a%00.js',
      '.env',
      '%',
    ]) {
      assert.equal(pathSegments(bad), undefined, bad);
    }
    assert.equal(inside('/srv/demo', ['index.html']), join('/srv/demo', 'index.html'));
    assert.equal(inside('/srv/demo', []), undefined, 'the folder itself is not a file');
    assert.equal(inside('/srv/demo', ['..', 'x']), undefined);
    assert.equal(inside('/srv/demo', ['..', 'demo-evil', 'x']), undefined, 'a sibling with the same prefix');
  });

  it('redirects /demo to /demo/ and serves the index there', async () => {
    const redirect = await app.request('/demo');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/demo/');
    const index = await app.request('/demo/');
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(await index.text(), read('index.html'));
  });

  it('every demo page is HTML with a CSP that forbids framing: the strict one with Trusted Types, the others without', async () => {
    for (const page of pages) {
      const res = await app.request(`/demo/${page}`);
      assert.equal(res.status, 200, page);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8', page);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.equal(csp, page === 'strict-csp.html' ? strictCsp : demoCsp, page);
      assert.match(csp, /(^|; )frame-ancestors 'none'(;|$)/, page);
    }
    assert.equal(
      strictCsp,
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://service.pdok.nl; " +
        "connect-src 'self' https://api.pdok.nl; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "require-trusted-types-for 'script'; trusted-types lit-html",
    );
    assert.doesNotMatch(demoCsp, /trusted-types/);
  });

  it('serves the assets with their types; the demo tenants’ logos loadable by pages on other origins', async () => {
    const css = await app.request('/demo/assets/site.css');
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(css.headers.get('content-security-policy'), null);
    for (const slug of ['dordrecht', 'eindhoven', 'almere', 'nederland']) {
      const logo = await app.request(`/demo/assets/${slug}-logo.svg`);
      assert.equal(logo.status, 200, slug);
      assert.equal(logo.headers.get('content-type'), 'image/svg+xml');
      assert.equal(logo.headers.get('cross-origin-resource-policy'), 'cross-origin', slug);
    }
  });

  it('every page is linked from the index, and every local link, stylesheet, image and script resolves', async () => {
    const index = read('index.html');
    for (const page of pages.filter((p) => p !== 'index.html')) {
      assert.ok(index.includes(`href="/demo/${page}"`), `index links ${page}`);
    }
    for (const page of pages) {
      const urls = [...read(page).matchAll(/\s(?:href|src)="(\/(?:demo|widget)[^"#]*)"/g)].map((m) => m[1]!);
      assert.ok(urls.length > 0, page);
      for (const url of urls) {
        const res = await app.request(url);
        assert.equal(res.status, 200, `${page}: ${url}`);
      }
    }
  });

  it('every demo page declares UTF-8, language and viewport and has no inline script or style', () => {
    assert.ok(pages.length >= 10, `demo pages: ${pages.join(', ')}`);
    for (const page of pages) {
      const html = read(page);
      assert.match(html, /<meta charset="utf-8"\s*\/?>/i, page);
      assert.match(html, /<meta name="viewport" content="[^"]+"/i, page);
      assert.match(html, /<html lang="[a-z-]+"/i, page);
      assert.match(html, /<title>[^<]+<\/title>/i, page);
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, `${page}: inline script`);
      assert.doesNotMatch(html, /\sstyle=/i, `${page}: style attribute`);
      assert.doesNotMatch(html, /<style/i, `${page}: style element`);
      assert.doesNotMatch(html, /\son[a-z]+=/i, `${page}: inline event handler`);
    }
  });

  describe('mounted in the app', () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext();
    });
    after(() => ctx.close());

    it('a missing file is the app’s problem+json 404 and the API still answers', async () => {
      const full = ctx.appWith({ widgetDir, demoSite });
      for (const path of ['/widget/nothing.js', '/demo/vendor/puppeteer-core/package.json', '/demo/nothing.html']) {
        const res = await full.request(path);
        assert.equal(res.status, 404, path);
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, path);
      }
      assert.equal((await full.request('/demo/dordrecht.html')).status, 200);
      assert.equal((await full.request('/api/v1/health')).status, 200);
    });

    it('without the demo site (production) the widget is served and /demo/ is the app’s 404', async () => {
      const production = ctx.appWith({ widgetDir });
      assert.equal((await production.request('/widget/meldpunt-widget.js')).status, 200);
      for (const path of [
        '/demo',
        '/demo/',
        '/demo/dordrecht.html',
        '/demo/assets/site.css',
        '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
      ]) {
        const res = await production.request(path);
        assert.equal(res.status, 404, path);
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, path);
      }
    });
  });
});
