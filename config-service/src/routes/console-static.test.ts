import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { useTestContext } from '../../test/helpers.ts';
import { consoleCsp } from './static.ts';

/** Text that compresses well, big enough for brotli to pay off. */
const chunkSource = Array.from({ length: 400 }, (_, i) => `export const text${i} = 'Meldpunt console ${i}';`).join(
  '\n',
);
const indexHtml = '<!doctype html><html lang="nl"><title>Meldpunt-console</title><meldpunt-console></meldpunt-console>';

/** A fake console build in a temp dir: the page, a hashed entry, CSS and sprite, and things never to serve. */
function fixture() {
  const consoleDir = mkdtempSync(join(tmpdir(), 'meldpunt-console-'));
  mkdirSync(join(consoleDir, 'chunks'));
  mkdirSync(join(consoleDir, '.vite'));
  writeFileSync(join(consoleDir, 'index.html'), indexHtml);
  writeFileSync(join(consoleDir, 'chunks/index-D9xIlM5-.js'), chunkSource);
  writeFileSync(join(consoleDir, 'chunks/index-Bfh0OEh2.css'), ':root{}');
  writeFileSync(join(consoleDir, 'chunks/icons-Ab12Cd34.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(consoleDir, 'chunks/helper.js'), 'export {};'); // not hashed: revalidated
  writeFileSync(join(consoleDir, '.vite/manifest.json'), '{}');
  return { consoleDir, cleanup: () => rmSync(consoleDir, { recursive: true, force: true }) };
}

describe('the console at /console/', () => {
  const ctx = useTestContext();
  const { consoleDir, cleanup } = fixture();
  after(cleanup);

  it('answers index.html for every console path that is not a file (the console routes in the browser), with the strict CSP', async () => {
    const app = ctx.appWith({ consoleDir });
    for (const path of [
      '/console/',
      '/console/sign-in',
      '/console/tenants/dordrecht/configuration?x=1',
      '/console/index.html',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8', path);
      assert.equal(await res.text(), indexHtml, path);
      assert.equal(res.headers.get('content-security-policy'), consoleCsp, path);
      assert.equal(res.headers.get('cache-control'), 'no-cache', path);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'same-origin', path);
    }
    const redirect = await app.request('/console');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/console/');
  });

  it('has a CSP without inline script or style, with Trusted Types, never framed', () => {
    const directives = new Map(consoleCsp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    assert.deepEqual(directives.get('script-src'), ["'self'"]);
    assert.deepEqual(directives.get('style-src'), ["'self'"]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(directives.get('require-trusted-types-for'), ["'script'"]);
    assert.doesNotMatch(consoleCsp, /unsafe-inline|unsafe-eval/);
  });

  it('serves hashed build files immutable and compressed, others revalidated, each with an ETag', async () => {
    const app = ctx.appWith({ consoleDir });
    for (const [path, type] of [
      ['/console/chunks/index-D9xIlM5-.js', 'text/javascript; charset=utf-8'],
      ['/console/chunks/index-Bfh0OEh2.css', 'text/css; charset=utf-8'],
      ['/console/chunks/icons-Ab12Cd34.svg', 'image/svg+xml'],
    ] as const) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), type, path);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', path);
      assert.ok(res.headers.get('etag'), path);
    }
    const br = await app.request('/console/chunks/index-D9xIlM5-.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), chunkSource);
    const again = await app.request('/console/chunks/index-D9xIlM5-.js', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.get('etag')! },
    });
    assert.equal(again.status, 304);
    const helper = await app.request('/console/chunks/helper.js');
    assert.equal(helper.headers.get('cache-control'), 'no-cache');
  });

  it('answers 404 (problem+json) for a missing file, hidden files and paths out of the folder, never the page', async () => {
    const app = ctx.appWith({ consoleDir });
    for (const path of [
      '/console/chunks/missing-AAAAAAAA.js',
      '/console/favicon.ico',
      '/console/.vite/manifest.json',
      '/console/%2e%2e/package.json',
      '/console/..%2fpackage.json',
      '/console/chunks/index-D9xIlM5-.js.br',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, path);
    }
  });

  it('is served in every mode, also without the demo site (production), and absent without a build folder', async () => {
    const production = ctx.appWith({ consoleDir, demoSite: undefined, devMailbox: undefined });
    assert.equal((await production.request('/console/')).status, 200);
    const unbuilt = ctx.appWith({ consoleDir: join(consoleDir, 'no-such-build') });
    assert.equal((await unbuilt.request('/console/')).status, 404);
    assert.equal((await unbuilt.request('/api/v1/health')).status, 200);
  });
});
