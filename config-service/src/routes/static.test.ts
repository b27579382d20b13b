import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { useTestContext } from '../../test/helpers.ts';
import { defaultStaticDirs } from './static-paths.ts';
import {
  demoCsp,
  demoSiteRoutes,
  inside,
  isHashedChunk,
  pathSegments,
  strictCsp,
  warmStaticFiles,
  widgetRoutes,
} from './static.ts';

/** Text that compresses well, big enough for brotli and gzip to pay off (the fixture's main chunk). */
const chunkSource = Array.from(
  { length: 400 },
  (_, i) => `export const text${i} = 'Meldpunt openbare ruimte ${i}';`,
).join('\n');

/** A fake widget build in a temp dir, next to the real demo site and its installed token packages. */
function fixture() {
  const widgetDir = mkdtempSync(join(tmpdir(), 'meldpunt-static-'));
  mkdirSync(join(widgetDir, 'chunks'));
  writeFileSync(join(widgetDir, 'meldpunt-widget.js'), 'export {};');
  writeFileSync(join(widgetDir, 'meldpunt-widget.classic.js'), ';');
  writeFileSync(join(widgetDir, 'chunks/map-view-abc_12-3.js'), 'export {};');
  writeFileSync(join(widgetDir, 'chunks/widget-Dx7VerdS.js'), chunkSource);
  writeFileSync(join(widgetDir, 'chunks/helper.js'), 'export {};'); // not hashed: must not be cached forever
  // Precompressed files must never go out by their own URL, as if they were ordinary files:
  writeFileSync(join(widgetDir, 'chunks/widget-Dx7VerdS.js.br'), 'not brotli');
  writeFileSync(join(widgetDir, 'meldpunt-widget.js.gz'), 'not gzip');
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
    for (const hashed of ['/widget/chunks/map-view-abc_12-3.js', '/widget/chunks/widget-Dx7VerdS.js']) {
      const chunk = await app.request(hashed);
      assert.equal(chunk.status, 200, hashed);
      assert.equal(chunk.headers.get('content-type'), 'text/javascript; charset=utf-8', hashed);
      assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable', hashed);
    }
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
      '/widget/chunks/widget-Dx7VerdS.js.br',
      '/widget/meldpunt-widget.js.gz',
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

  describe('compression and revalidation', () => {
    const chunkUrl = '/widget/chunks/widget-Dx7VerdS.js';
    const original = Buffer.from(chunkSource);
    const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
      app.request(url, { method, headers });
    const decode = (encoding: string | null, body: Buffer) =>
      encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;

    it('sends brotli when the client accepts both, gzip when only gzip, identity otherwise; each decodes to the file', async () => {
      for (const [accept, expected] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['br, gzip', 'br'],
        ['gzip;q=1, br;q=1', 'br'],
        ['br;q=0.5, gzip', 'gzip'],
        ['gzip', 'gzip'],
        ['gzip, deflate', 'gzip'],
        ['*', 'br'],
        ['*, br;q=0', 'gzip'],
        [undefined, null],
        ['', null],
        ['identity', null],
        ['deflate', null],
        ['br;q=0, gzip;q=0', null],
        ['BR;Q=0, GZIP;q=0', null],
      ] as const) {
        const res = await get(chunkUrl, accept === undefined ? {} : { 'Accept-Encoding': accept });
        const body = Buffer.from(await res.arrayBuffer());
        assert.equal(res.status, 200, String(accept));
        assert.equal(res.headers.get('content-encoding'), expected, String(accept));
        assert.equal(res.headers.get('vary'), 'Accept-Encoding', String(accept));
        assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8', String(accept));
        assert.equal(res.headers.get('content-length'), String(body.length), String(accept));
        assert.equal(res.headers.get('access-control-allow-origin'), '*', String(accept));
        assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin', String(accept));
        if (expected) assert.ok(body.length < original.length / 3, `${accept}: ${body.length} bytes`);
        assert.deepEqual(decode(expected, body), original, String(accept));
      }
    });

    it('gives each encoding its own strong ETag: 304 without a body when it matches, 200 when it is stale', async () => {
      const etags = new Map<string, string>();
      for (const accept of ['br', 'gzip', 'identity']) {
        const res = await get(chunkUrl, { 'Accept-Encoding': accept });
        const etag = res.headers.get('etag') ?? '';
        assert.match(etag, /^"[\w-]+"$/, `${accept}: strong and quoted`);
        etags.set(accept, etag);
      }
      assert.equal(new Set(etags.values()).size, 3, [...etags.values()].join(' '));
      for (const [accept, etag] of etags) {
        const cached = await get(chunkUrl, { 'Accept-Encoding': accept, 'If-None-Match': etag });
        assert.equal(cached.status, 304, accept);
        assert.equal(await cached.text(), '', accept);
        assert.equal(cached.headers.get('etag'), etag, accept);
        assert.equal(cached.headers.get('cache-control'), 'public, max-age=31536000, immutable', accept);
        assert.equal(cached.headers.get('vary'), 'Accept-Encoding', accept);
        const listed = await get(chunkUrl, { 'Accept-Encoding': accept, 'If-None-Match': `"stale", W/${etag}` });
        assert.equal(listed.status, 304, `${accept}: in a list, weakly compared`);
        const stale = await get(chunkUrl, { 'Accept-Encoding': accept, 'If-None-Match': '"stale"' });
        assert.equal(stale.status, 200, accept);
        assert.equal(stale.headers.get('etag'), etag, accept);
      }
      // The identity ETag does not stand for the brotli variant the client would now get.
      const other = await get(chunkUrl, { 'Accept-Encoding': 'br', 'If-None-Match': etags.get('identity')! });
      assert.equal(other.status, 200);
      assert.equal(other.headers.get('content-encoding'), 'br');
    });

    it('revalidates every static file (widget entries, manifest, demo pages and assets, token CSS), also for HEAD', async () => {
      writeFileSync(join(widgetDir, 'custom-elements.json'), JSON.stringify({ schemaVersion: '1.0.0', modules: [] }));
      for (const [url, cacheControl] of [
        ['/widget/meldpunt-widget.js', 'public, max-age=300'],
        ['/widget/meldpunt-widget.classic.js', 'public, max-age=300'],
        ['/widget/custom-elements.json', 'public, max-age=300'],
        ['/demo/', 'no-cache'],
        ['/demo/strict-csp.html', 'no-cache'],
        ['/demo/assets/site.css', 'no-cache'],
        ['/demo/assets/dordrecht-logo.svg', 'no-cache'],
        ['/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css', 'public, max-age=3600'],
      ] as const) {
        const first = await get(url, { 'Accept-Encoding': 'br, gzip' });
        assert.equal(first.status, 200, url);
        assert.equal(first.headers.get('cache-control'), cacheControl, url);
        assert.equal(first.headers.get('vary'), 'Accept-Encoding', url);
        const etag = first.headers.get('etag');
        assert.ok(etag, url);
        const again = await get(url, { 'Accept-Encoding': 'br, gzip', 'If-None-Match': etag });
        assert.equal(again.status, 304, url);
        assert.equal(again.headers.get('cache-control'), cacheControl, url);
        assert.equal(again.headers.get('etag'), etag, url);

        const head = await get(url, { 'Accept-Encoding': 'br, gzip' }, 'HEAD');
        assert.equal(head.status, 200, `HEAD ${url}`);
        assert.equal(head.headers.get('etag'), etag, `HEAD ${url}`);
        assert.equal(head.headers.get('content-length'), first.headers.get('content-length'), `HEAD ${url}`);
        assert.equal(await head.text(), '', `HEAD ${url}`);
        const headAgain = await get(url, { 'Accept-Encoding': 'br, gzip', 'If-None-Match': etag }, 'HEAD');
        assert.equal(headAgain.status, 304, `HEAD ${url}`);
      }
      const big = await get('/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css', {
        'Accept-Encoding': 'br, gzip',
      });
      assert.equal(big.headers.get('content-encoding'), 'br', 'the token CSS is compressed too');
    });

    it('a rebuilt file is read again: new content, new ETag', async () => {
      const path = join(widgetDir, 'rebuilt.js');
      writeFileSync(path, '/* first build */;');
      utimesSync(path, new Date('2029-01-01T00:00:00Z'), new Date('2029-01-01T00:00:00Z'));
      const before = await get('/widget/rebuilt.js');
      assert.equal(await before.text(), '/* first build */;');
      writeFileSync(path, '/* second */;');
      utimesSync(path, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
      const after = await get('/widget/rebuilt.js');
      assert.equal(await after.text(), '/* second */;');
      assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
      assert.equal((await get('/widget/rebuilt.js', { 'If-None-Match': before.headers.get('etag')! })).status, 200);
    });

    it('does not vary images by Accept-Encoding: they are compressed already', async () => {
      writeFileSync(join(widgetDir, 'marker.png'), chunkSource); // compressible bytes, but a PNG by its name
      const res = await get('/widget/marker.png', { 'Accept-Encoding': 'br, gzip' });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/png');
      assert.equal(res.headers.get('content-encoding'), null);
      assert.equal(res.headers.get('vary'), null);
      assert.ok(res.headers.get('etag'));
    });
  });

  describe('mounted in the app', () => {
    const ctx = useTestContext();

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

describe('static files: compressed before the first request', () => {
  it('every compressible file of the build, none of the dot files; then served compressed', async () => {
    const { widgetDir, app, cleanup } = fixture();
    try {
      assert.deepEqual(await warmStaticFiles(widgetDir), [
        'chunks/helper.js',
        'chunks/map-view-abc_12-3.js',
        'chunks/widget-Dx7VerdS.js',
        'meldpunt-widget.classic.js',
        'meldpunt-widget.js',
        'package.json',
      ]);
      const res = await app.request('/widget/chunks/widget-Dx7VerdS.js', { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(res.headers.get('content-encoding'), 'br');
      assert.equal(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString(), chunkSource);
    } finally {
      cleanup();
    }
  });

  it('a folder that does not exist (the widget not built) warms nothing', async () => {
    assert.deepEqual(await warmStaticFiles(join(tmpdir(), 'meldpunt-no-such-build')), []);
  });
});

describe('static files: the real widget build', () => {
  const { widgetDir } = defaultStaticDirs();
  const built = existsSync(join(widgetDir, 'chunks'));
  const skip = built ? false : 'widget/dist is not built (pnpm --filter @meldpunt/widget build)';

  it(
    'sends the main widget chunk in at most 40 KB with brotli, and it decodes to the built file',
    { skip },
    async () => {
      const app = new Hono().route('/', widgetRoutes(widgetDir));
      const chunk = readdirSync(join(widgetDir, 'chunks')).find((f) => /^widget-[\w-]{8}\.js$/.test(f));
      assert.ok(chunk, 'the build has a chunks/widget-<hash>.js');
      const res = await app.request(`/widget/chunks/${chunk}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      const body = Buffer.from(await res.arrayBuffer());
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-encoding'), 'br');
      assert.equal(res.headers.get('content-length'), String(body.length));
      assert.ok(body.length <= 40_000, `${chunk}: ${body.length} bytes with brotli`);
      assert.deepEqual(brotliDecompressSync(body), readFileSync(join(widgetDir, 'chunks', chunk)));
    },
  );
});
