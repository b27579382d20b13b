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
 * And the configuration editor (issue 13): what opening `/console/tenants/:slug/configuration` after
 * sign-in adds to the first screen — the signed-in components, the configuration page's chunk, the texts
 * of the configuration pages and the section it opens with (when the build has them), the preview element
 * and, inside it, the widget's first-step chunks (the element, its Dutch texts, its preview-mode chunk) —
 * each with its static imports, less what is loaded already, found through the same manifest and fetched
 * on the wire. Budget: first screen + editor ≤ 120 KB gzip of JavaScript (exit 1 when missed; brotli held
 * to it too). Printed apart, without a budget: what the preview's map adds (the Where step: the location
 * picker, Leaflet, the widget's later steps and their Dutch texts), beside the widget's own budgets.
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
/** Issue 13: the first screen and the configuration editor with the preview's widget, gzip, on the wire. */
const editorBudget = 120 * KB;
/** The widget's own budgets (`pnpm bench:widget` measures them), printed beside the editor's. */
const widgetBudgets = { initial: 35 * KB, withMap: 80 * KB };

/**
 * The sources (build manifest keys) whose chunks opening the configuration editor loads. `required`: the
 * figure is wrong without them, so a build that lacks one fails the bench (the preview not wired into the
 * configuration page). `optional`: loaded when the build has them (the configuration pages' texts and the
 * section the editor opens with, once their pages use them).
 */
const editorSources = {
  required: [
    'src/components/signed-in.ts',
    'src/pages/configuration/configuration-page.ts',
    'src/pages/configuration/preview/config-preview.ts',
    '../widget/src/meldpunt-widget.ts',
    '../packages/texts/src/nl/index.ts',
    '../widget/src/preview.ts',
    '../packages/texts/src/nl/console-config/index.ts',
    'src/pages/configuration/sections/texts.ts',
  ],
  optional: [],
};
/** What the preview's Where step adds: the map and the widget's later steps (as `pnpm bench:widget` counts them). */
const mapSources = [
  '../widget/src/location/location-picker.ts',
  '../packages/ui/src/map/map-view.ts',
  '../packages/texts/src/nl/location.ts',
  '../widget/src/later.ts',
  '../packages/texts/src/nl/later.ts',
];

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

/** Vite's build manifest: which chunk holds which source file. */
function readManifest(): Record<string, { file: string }> {
  return JSON.parse(readFileSync(join(consoleDir, 'dist/.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
}

/** The chunks of `sources` (their static imports are followed on the wire); a source not in the build throws. */
function chunkPaths(sources: string[]): string[] {
  const manifest = readManifest();
  return sources.map((source) => {
    const chunk = manifest[source];
    if (!chunk) throw new Error(`No chunk for ${source} in the build manifest`);
    return `/console/${chunk.file}`;
  });
}

/** The sources of `optional` the build has. */
function inBuild(optional: string[]): string[] {
  const manifest = readManifest();
  return optional.filter((source) => manifest[source]);
}

if (!process.argv.includes('--no-build')) execFileSync('pnpm', ['build'], { cwd: consoleDir, stdio: 'inherit' });
await init;
const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'meldpunt-bench-console-'));
const service = await startConfigService(port, dataDir);
const origin = `http://127.0.0.1:${port}`;
let missed = false;
const missingEditor = editorSources.required.filter((source) => !readManifest()[source]);
const optionalEditor = inBuild(editorSources.optional);
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

    if (missingEditor.length > 0) {
      console.log(`Configuration editor: NOT MEASURED, the build has no chunk for ${missingEditor.join(', ')}`);
      missed = true;
      continue;
    }
    const firstPaths = new Set(first.map((f) => f.path));
    const editor = await fetchClosure(
      origin,
      chunkPaths([...editorSources.required, ...optionalEditor]),
      acceptEncoding,
      firstPaths,
    );
    const editorJs = editor.filter(isJs);
    const editorTotal = jsBody + sum(editorJs, (f) => f.bodyBytes);
    printFiles(
      "Signed in, /console/tenants/:slug/configuration adds (page, preview, the widget's first step; " +
        `also: ${optionalEditor.join(', ') || 'no optional sources in this build'}):`,
      editor,
    );
    console.log(
      `  JavaScript: ${editorJs.length} files, ${kb(sum(editorJs, (f) => f.bodyBytes))} on the wire (${label}) + ` +
        `${kb(sum(editorJs, (f) => f.headerBytes))} headers`,
    );
    console.log(
      `  Budget: first screen + editor ${kb(editorTotal)} ≤ ${kb(editorBudget)} (gzip; brotli held to it too): ` +
        `${editorTotal <= editorBudget ? 'OK' : 'MISSED'}`,
    );
    if (editorTotal > editorBudget) missed = true;

    const map = await fetchClosure(
      origin,
      chunkPaths(mapSources),
      acceptEncoding,
      new Set([...firstPaths, ...editor.map((f) => f.path)]),
    );
    const mapJs = map.filter(isJs);
    console.log(
      `  The preview's map and later steps add ${mapJs.length} files, ${kb(sum(mapJs, (f) => f.bodyBytes))} (${label}; ` +
        `no budget): ${kb(editorTotal + sum(mapJs, (f) => f.bodyBytes))} in all`,
    );
    console.log(
      `  Beside the widget's own budgets (pnpm bench:widget): initial ≤ ${kb(widgetBudgets.initial)}, ` +
        `with the map ≤ ${kb(widgetBudgets.withMap)}; the first screen's: ≤ ${kb(budget)}`,
    );
  }
} finally {
  await stopChild(service);
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  missed
    ? '\nFAIL: the first screen or the configuration editor is over its budget (or was not measured)'
    : '\nOK: the first screen and the configuration editor are within their budgets',
);
process.exitCode = missed ? 1 : 0;
