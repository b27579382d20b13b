/// <reference types="node" />
/**
 * `pnpm bench:console`: what a browser gets on the wire for the console's first screen (the sign-in page),
 * from the REAL config-service (started in demo mode on a free port, a temporary data directory; the same
 * helper `pnpm bench:widget` uses), against the budget of issue 12: ≤ 50 KB gzip of JavaScript (KB = 1024
 * bytes). It exits 1 when the budget is missed.
 *
 * As a browser would: `GET /console/` (the HTML), then every script and style sheet the HTML names, then
 * every module those scripts import statically (found with es-module-lexer, which tells static imports from
 * dynamic `import()`), each once. Twice: with `Accept-Encoding: br, gzip` (what Chromium sends; the service
 * answers brotli) and with `gzip` only. The bytes are the response bodies exactly as sent (read with
 * `node:http`, which does not decompress), with the response headers printed beside them (they come on top,
 * the same for any build). Printed too: the JavaScript the signed-in tenant page adds (its page chunk and the
 * account menu and session guard, with their static imports, less what the first screen loaded), found
 * through Vite's build manifest and fetched on the wire the same way — without a budget.
 *
 * Flags: `--no-build` skips `pnpm build` (of this package).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { startConfigService, stopChild } from '@meldpunt/test-support/config-service';
import { freePort } from '../../config-service/test/net.ts';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;
/** Issue 12: the first screen's JavaScript, gzip, on the wire. */
const budget = 50 * KB;

/** One response as it came over the wire. */
interface Fetched {
  path: string;
  status: number;
  encoding: string;
  contentType: string;
  /** The body's bytes as sent (compressed when the service compressed it). */
  bodyBytes: number;
  /** The status line and headers, as sent. */
  headerBytes: number;
  /** The body decompressed, for following its imports. */
  text: string;
  cacheControl: string;
}

/** GETs `path` with `acceptEncoding`, reading the raw bytes (no decompression on the way). */
function get(origin: string, path: string, acceptEncoding: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] ?? 'identity');
        const plain = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
        const statusLine = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`;
        let headerBytes = Buffer.byteLength(statusLine) + 2;
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          headerBytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
        }
        resolve({
          path,
          status: res.statusCode ?? 0,
          encoding,
          contentType: String(res.headers['content-type'] ?? ''),
          bodyBytes: body.length,
          headerBytes,
          text: plain.toString('utf8'),
          cacheControl: String(res.headers['cache-control'] ?? ''),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The scripts and style sheets an HTML page names (`<script src>`, `<link rel=stylesheet|modulepreload href>`). */
function assetsOf(html: string, base: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const src = /\b(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    const isScript = tag.toLowerCase().startsWith('<script');
    const rel = /\brel="([^"]+)"/i.exec(tag)?.[1] ?? '';
    if (src && (isScript || /stylesheet|modulepreload/i.test(rel))) found.push(new URL(src, base).pathname);
  }
  return found;
}

/** The modules a script imports statically (not `import()`), as paths. */
function staticImportsOf(source: string, base: string): string[] {
  const [imports] = parse(source);
  return imports.flatMap((i) => (i.d === -1 && i.n ? [new URL(i.n, base).pathname] : []));
}

/**
 * Fetches `start` and everything it loads statically, each once (skipping `loaded`), as a browser would:
 * HTML → its scripts and styles → their static imports.
 */
async function fetchClosure(
  origin: string,
  start: string[],
  acceptEncoding: string,
  loaded: ReadonlySet<string> = new Set(),
): Promise<Fetched[]> {
  const seen = new Set<string>(loaded);
  const queue = start.filter((p) => !seen.has(p));
  const fetched: Fetched[] = [];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await get(origin, path, acceptEncoding);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    fetched.push(res);
    const url = `${origin}${path}`;
    const next = res.contentType.includes('html')
      ? assetsOf(res.text, url)
      : res.contentType.includes('javascript')
        ? staticImportsOf(res.text, url)
        : [];
    queue.push(...next.filter((p) => !seen.has(p)));
  }
  return fetched;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const isJs = (f: Fetched) => f.contentType.includes('javascript');
const sum = (files: Fetched[], pick: (f: Fetched) => number) => files.reduce((n, f) => n + pick(f), 0);

function printFiles(title: string, files: Fetched[]) {
  console.log(title);
  for (const f of files) {
    console.log(
      `  ${f.path.padEnd(46)} ${(f.contentType.split(';')[0] ?? '').padEnd(24)} ${f.encoding.padEnd(8)} ` +
        `body ${kb(f.bodyBytes).padStart(9)} + headers ${kb(f.headerBytes).padStart(7)}  (${f.cacheControl})`,
    );
  }
}

/** Vite's build manifest: which chunk holds which source file (for the signed-in tenant page's chunks). */
function chunkPaths(sources: string[]): string[] {
  const manifest = JSON.parse(readFileSync(join(consoleDir, 'dist/.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
  return sources.map((source) => {
    const chunk = manifest[source];
    if (!chunk) throw new Error(`No chunk for ${source} in the build manifest`);
    return `/console/${chunk.file}`;
  });
}

if (!process.argv.includes('--no-build')) execFileSync('pnpm', ['build'], { cwd: consoleDir, stdio: 'inherit' });
await init;
const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'meldpunt-bench-console-'));
const service = await startConfigService(port, dataDir);
const origin = `http://127.0.0.1:${port}`;
let missed = false;
try {
  const laterSources = ['src/pages/tenants/tenant-page.ts', 'src/components/signed-in.ts'];
  for (const acceptEncoding of ['br, gzip', 'gzip']) {
    const first = await fetchClosure(origin, ['/console/'], acceptEncoding);
    const js = first.filter(isJs);
    const jsBody = sum(js, (f) => f.bodyBytes);
    const label = acceptEncoding === 'gzip' ? 'gzip' : 'brotli';
    console.log(`\n=== Accept-Encoding: ${acceptEncoding} ===`);
    printFiles('First screen (sign-in), every response a browser needs:', first);
    console.log(
      `  JavaScript: ${js.length} files, ${kb(jsBody)} on the wire (${label}) + ${kb(sum(js, (f) => f.headerBytes))} headers; ` +
        `all responses: ${kb(sum(first, (f) => f.bodyBytes))} + ${kb(sum(first, (f) => f.headerBytes))} headers`,
    );
    console.log(
      `  Budget: JavaScript ≤ ${kb(budget)} (gzip; brotli held to it too): ${jsBody <= budget ? 'OK' : 'MISSED'}`,
    );
    if (jsBody > budget) missed = true;

    const later = await fetchClosure(
      origin,
      chunkPaths(laterSources),
      acceptEncoding,
      new Set(first.map((f) => f.path)),
    );
    const laterJs = later.filter(isJs);
    printFiles('Signed in, the tenant page adds (its page, account menu and session guard; no budget):', later);
    console.log(
      `  JavaScript: ${laterJs.length} files, ${kb(sum(laterJs, (f) => f.bodyBytes))} on the wire (${label}) + ` +
        `${kb(sum(laterJs, (f) => f.headerBytes))} headers`,
    );
  }
} finally {
  await stopChild(service);
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(missed ? '\nFAIL: the first screen is over its budget' : '\nOK: the first screen is within its budget');
process.exitCode = missed ? 1 : 0;
