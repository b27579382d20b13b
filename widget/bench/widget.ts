/// <reference types="node" />
/**
 * `pnpm bench:widget`: what `<meldpunt-widget>` costs a host page and a citizen's phone, beside two
 * embeddable-form peers measured in the same run from their npm packages. Every figure, budget and
 * reference is printed by one run; it exits 1 when a byte budget is missed.
 *
 * 1. File sizes per language (raw, gzip level 9, brotli quality 11; each file compressed on its own, as
 *    the service sends it), read from the ES build's `dist/.vite/manifest.json`:
 *    - initial: `dist/meldpunt-widget.js`, every chunk it imports statically, and that language's texts
 *      of the first steps with their static imports: what loads before the first step.
 *    - map: what the Where step loads when it opens, beyond initial: `location/location-picker.ts` (with
 *      the route preview), `@meldpunt/ui`'s `map/map-view.ts` (Leaflet), that step's texts, and `later.ts` with the
 *      later steps' texts (they start loading then too), each with its static imports.
 *    - the classic build (a loader of the module build), and the peers `@typeform/embed` and
 *      `@formbricks/surveys`.
 * 2. Bytes on the wire, per language, from the running config-service (demo tenants, temp data dir):
 *    `/demo/dordrecht.html` (Dordrecht offers all six languages) with the widget's `locale` set, loaded in
 *    a fresh incognito context per measurement, summing Chromium's `Network.loadingFinished.encodedDataLength`
 *    of every `/widget/` response, less its headers (`Network.responseReceived`'s `encodedDataLength`):
 *    the bodies as sent, once with the browser's own `Accept-Encoding` (brotli), once with gzip only.
 *    The headers are printed beside them. Initial: until the first step is interactive; with the map:
 *    after driving the form to the Where step, until the map shows and the network is idle.
 *    Budgets, for the bodies on the wire and the files, gzip and brotli, in every language: initial
 *    ≤ 35 KB, with the map ≤ 80 KB (KB = 1024 bytes).
 * 3. Time to interactive of `/demo/dordrecht.html` (median of fresh incognito loads) against a blank page.
 * 4. Lighthouse's performance score (mobile, its default simulated throttling) of every demo page in
 *    `embed-demo/`, in Debian's Chromium: the median of `--lighthouse-runs` runs (default 3; a shared
 *    machine is noisy). Goal ≥ 0.90, except `twice.html`, which loads both builds on purpose. A goal, not a
 *    budget: printed against the score, it does not change the exit code.
 *
 * Flags: `--no-build` skips `pnpm build`; `--no-lighthouse` skips 4; `--lighthouse-runs=N`.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { supportedLocales, type Locale } from '@meldpunt/contracts';
import { chromiumLaunchOptions } from '@meldpunt/test-support/chromium';
import { startConfigService, stopChild } from '@meldpunt/test-support/config-service';
import { freePort } from '../../config-service/test/net.ts';

const widgetDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(widgetDir, 'dist');
const demoDir = join(widgetDir, '../embed-demo');
const KB = 1024;
/** Before the Where step, and with it (the map and the later steps): brotli and gzip, files and wire alike. */
const budgets = { initial: 35 * KB, withMap: 80 * KB };
/** Lighthouse's performance score every demo page should reach, except the one that loads both builds on purpose. */
const lighthouseGoal = 0.9;
const lighthouseExempt = new Set(['twice.html']);
const lighthouseRuns = Number(process.argv.find((a) => a.startsWith('--lighthouse-runs='))?.split('=')[1] ?? 3);
const pageLoads = 10;

/** One entry of Vite's build manifest (keys are source paths relative to the widget folder). */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Byte counts of one file or a group of files (compressed sizes summed per file). */
interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

/** A row of the size table. */
interface SizeRow extends Size {
  name: string;
  files: string[];
}

// ---------------------------------------------------------------------------------------------
// Bytes
// ---------------------------------------------------------------------------------------------

/** Raw, gzip (level 9) and brotli (quality 11) size of one file. */
function sizeOfFile(path: string): Size {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** A size table row for a group of files: each file compressed on its own, as a server sends it. */
function sizeRow(name: string, paths: string[]): SizeRow {
  const total: Size = { raw: 0, gzip: 0, brotli: 0 };
  for (const path of paths) {
    const size = sizeOfFile(path);
    total.raw += size.raw;
    total.gzip += size.gzip;
    total.brotli += size.brotli;
  }
  return { name, files: paths, ...total };
}

/** Reads `dist/.vite/manifest.json`, written by the ES build (`build.manifest: true`). */
function readManifest(): Manifest {
  const path = join(distDir, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run the build (drop --no-build)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The manifest key of the chunk whose source path ends with `suffix`. */
function findChunk(manifest: Manifest, suffix: string): string {
  const key = Object.keys(manifest).find((k) => (manifest[k]?.src ?? k).endsWith(suffix));
  if (!key) throw new Error(`No chunk for …${suffix} in the build manifest`);
  return key;
}

/**
 * The manifest keys `key` needs before it runs: itself and its static `imports`, recursively,
 * skipping what is in `loaded` already.
 */
function staticClosure(manifest: Manifest, key: string, loaded: ReadonlySet<string> = new Set()): Set<string> {
  const found = new Set<string>();
  const visit = (k: string): void => {
    if (found.has(k) || loaded.has(k)) return;
    const chunk = manifest[k];
    if (!chunk) throw new Error(`Build manifest has no entry ${k}`);
    found.add(k);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(key);
  return found;
}

/** The files (JS and any CSS) of a set of manifest keys, as absolute paths. */
function filesOf(manifest: Manifest, keys: Iterable<string>): string[] {
  const files = [...keys].flatMap((k) => {
    const chunk = manifest[k];
    return chunk ? [chunk.file, ...(chunk.css ?? [])] : [];
  });
  return [...new Set(files)].map((file) => join(distDir, file));
}

/** The files of one language: before the first step, and what the Where step adds. */
interface LanguageFiles {
  locale: Locale;
  initial: SizeRow;
  map: SizeRow;
  withMap: SizeRow;
}

/** The widget's files per language, read from the build manifest. */
function languageFiles(manifest: Manifest, locale: Locale): LanguageFiles {
  const entry = findChunk(manifest, 'src/meldpunt-widget.ts');
  const initialKeys = staticClosure(manifest, entry);
  for (const k of staticClosure(manifest, findChunk(manifest, `packages/texts/src/${locale}/index.ts`), initialKeys)) {
    initialKeys.add(k);
  }
  const mapKeys = new Set<string>();
  const whereStep = [
    'location/location-picker.ts',
    'ui/src/map/map-view.ts',
    `packages/texts/src/${locale}/location.ts`,
    'src/later.ts',
    `packages/texts/src/${locale}/later.ts`,
  ];
  for (const suffix of whereStep) {
    for (const k of staticClosure(manifest, findChunk(manifest, suffix), initialKeys)) mapKeys.add(k);
  }
  const initialFiles = filesOf(manifest, initialKeys);
  const mapFiles = filesOf(manifest, mapKeys);
  return {
    locale,
    initial: sizeRow(`initial (${locale})`, initialFiles),
    map: sizeRow(`map + later steps (${locale})`, mapFiles),
    withMap: sizeRow(`with the map (${locale})`, [...initialFiles, ...mapFiles]),
  };
}

/** The directory of an installed package, found through its resolvable main file. */
function packageDir(name: string): string {
  const require = createRequire(join(widgetDir, 'package.json'));
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || !readFileSync(join(dir, 'package.json'), 'utf8').includes(name)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the folder of ${name}`);
    dir = parent;
  }
  return dir;
}

/** The largest `.js` file in `dir` whose name matches `pattern`, or undefined. */
function largestJs(dir: string, pattern: RegExp): string | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') && pattern.test(f))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

/** Typeform's script-tag bundle: `build/embed.js` (else the largest embed-like file in `build/`). */
function typeformRow(): SizeRow {
  const build = join(packageDir('@typeform/embed'), 'build');
  const file = [join(build, 'embed.js')].find(existsSync) ?? largestJs(build, /embed/) ?? largestJs(build, /./);
  if (!file) throw new Error(`No browser bundle in ${build}`);
  return sizeRow('@typeform/embed', [file]);
}

/** Formbricks' browser (UMD) bundle from `dist/` (else its `require` entry). */
function formbricksRow(): SizeRow {
  const require = createRequire(join(widgetDir, 'package.json'));
  const main = require.resolve('@formbricks/surveys');
  const dist = dirname(main);
  const file =
    [join(dist, 'index.umd.js')].find(existsSync) ??
    largestJs(dist, /umd|browser|iife/) ??
    (existsSync(main) ? main : undefined);
  if (!file) throw new Error(`No browser bundle in ${dist}`);
  return sizeRow('@formbricks/surveys', [file]);
}

/** Bytes as KB with one decimal, right-aligned. */
function kb(bytes: number): string {
  return (bytes / KB).toFixed(1).padStart(9);
}

/** The files counted, relative to the widget (or from node_modules). */
function fileNames(row: SizeRow): string {
  return row.files
    .map((f) => (f.includes('node_modules') ? f.slice(f.lastIndexOf('node_modules')) : relative(widgetDir, f)))
    .join(', ');
}

/** The comparison table: the classic loader and the peers. */
function printReferences(rows: SizeRow[]): void {
  console.log(`${'name'.padEnd(32)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}${'brotli KB'.padStart(11)}`);
  for (const row of rows) console.log(`${row.name.padEnd(32)}${kb(row.raw)}${kb(row.gzip)}  ${kb(row.brotli)}`);
  for (const row of rows) console.log(`  ${row.name}: ${fileNames(row)}`);
}

/**
 * Bytes on the wire of one language: `/widget/` responses, per encoding the browser asked for. The
 * budgets hold for the bodies as sent (compressed as served); the response headers come on top and are
 * printed beside them (`headers`), the same for any widget of this size.
 */
interface Wire {
  initial: number;
  withMap: number;
  headers: { initial: number; withMap: number };
}

/** One check against a budget: printed, and its reason returned when missed. */
function check(label: string, actual: number, limit: number, missed: string[]): string {
  const ok = actual <= limit;
  if (!ok)
    missed.push(
      `${label}: ${(actual / KB).toFixed(1)} KB, ${((actual - limit) / KB).toFixed(1)} KB over ${limit / KB}`,
    );
  return `${kb(actual)}${ok ? ' ' : '!'}`;
}

/**
 * Per language, files and wire side by side, brotli and gzip, before the Where step and with it; a `!`
 * marks a figure over its budget. Returns the missed budgets.
 */
function printBytes(files: LanguageFiles[], wire: Map<string, { br: Wire; gzip: Wire }>): string[] {
  const missed: string[] = [];
  const cols = ['files br', 'wire br', 'files gz', 'wire gz', '+headers'];
  console.log(
    `\nKB per language (budget: initial ≤ ${budgets.initial / KB}, with the map ≤ ${budgets.withMap / KB}; ` +
      `wire = the bodies of every /widget/ response as sent; +headers = their response headers, on top, no budget)`,
  );
  console.log(
    `${'lang'.padEnd(6)}${'initial:'.padEnd(9)}${cols.map((c) => c.padStart(10)).join('')}   ${'with map:'.padEnd(10)}${cols.map((c) => c.padStart(10)).join('')}`,
  );
  for (const f of files) {
    const w = wire.get(f.locale);
    const row = (stage: 'initial' | 'withMap', size: SizeRow) => {
      const limit = budgets[stage];
      const name = `${f.locale} ${stage === 'initial' ? 'initial' : 'with the map'}`;
      return [
        check(`${name}, files brotli`, size.brotli, limit, missed),
        w ? check(`${name}, wire brotli`, w.br[stage], limit, missed) : '        -',
        check(`${name}, files gzip`, size.gzip, limit, missed),
        w ? check(`${name}, wire gzip`, w.gzip[stage], limit, missed) : '        -',
        w ? `${kb(w.gzip.headers[stage])} ` : '        -',
      ].join('');
    };
    console.log(
      `${f.locale.padEnd(6)}${''.padEnd(9)}${row('initial', f.initial)}   ${''.padEnd(10)}${row('withMap', f.withMap)}`,
    );
  }
  const nl = files.find((f) => f.locale === 'nl');
  if (nl) {
    console.log(`  files (nl) initial: ${fileNames(nl.initial)}`);
    console.log(`  files (nl) the Where step adds: ${fileNames(nl.map)}`);
  }
  return missed;
}

// ---------------------------------------------------------------------------------------------
// Time to interactive
// ---------------------------------------------------------------------------------------------

/** A tiny HTTP server that answers every request with `bench/blank.html`. */
async function startBlankServer(port: number): Promise<Server> {
  const body = readFileSync(join(widgetDir, 'bench/blank.html'));
  const server = createHttpServer((req, res) => {
    if (req.url === '/' || req.url === '/blank.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      res.end(body);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/*
 * In-page code is passed to Chromium as strings, so it does not depend on how this file was compiled
 * (a transpiler may wrap named functions in helpers the page does not have). Both scripts run before any of the page's own
 * scripts (`evaluateOnNewDocument`), so the recorded times do not depend on when Puppeteer attaches.
 */

/** Records `performance.now()` at the first animation frame in which `#role-victim` exists and is enabled. */
const recordInteractive = `(() => {
  const ready = () => {
    const input = document.querySelector('meldpunt-widget')?.shadowRoot?.querySelector('#role-victim');
    return !!input && !input.disabled;
  };
  const tick = () => {
    if (ready()) window.__benchInteractiveAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Records `performance.now()` at the `load` event. */
const recordLoad = `addEventListener('load', () => { window.__benchLoadAt = performance.now(); });`;

/**
 * Loads `url` in a fresh incognito context and returns the time (ms since navigation start) the
 * page recorded under `window[variable]` via `recorder`, read with a requestAnimationFrame poll.
 */
async function timeOnePageLoad(browser: Browser, url: string, recorder: string, variable: string): Promise<number> {
  const context = await browser.createBrowserContext();
  try {
    const page: Page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.evaluateOnNewDocument(recorder);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    try {
      const handle = await page.waitForFunction(`window.${variable}`, { polling: 'raf', timeout: 30_000 });
      return (await handle.jsonValue()) as number;
    } catch (error) {
      throw new Error(`${url}: ${String(error)}${problems.length ? `\n  page errors: ${problems.join('\n  ')}` : ''}`);
    }
  } finally {
    await context.close();
  }
}

/** The median of a list of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/**
 * Median time to interactive of the widget demo page and median load time of the blank page, loads
 * alternating so drift affects both alike; one unmeasured load of each first warms the service.
 */
async function measureTiming(
  browser: Browser,
  widgetUrl: string,
  blankUrl: string,
): Promise<{ widget: number[]; blank: number[] }> {
  {
    const widget = () => timeOnePageLoad(browser, widgetUrl, recordInteractive, '__benchInteractiveAt');
    const blank = () => timeOnePageLoad(browser, blankUrl, recordLoad, '__benchLoadAt');
    await widget();
    await blank();
    const times = { widget: [] as number[], blank: [] as number[] };
    for (let i = 0; i < pageLoads; i++) {
      times.widget.push(await widget());
      times.blank.push(await blank());
    }
    return times;
  }
}

/** Prints the median time to interactive of the widget page against the blank page's load. */
async function timeToInteractive(browser: Browser, widgetUrl: string, blankUrl: string): Promise<void> {
  const { widget, blank } = await measureTiming(browser, widgetUrl, blankUrl);
  const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(' ');
  console.log(`\nTime to interactive (median of ${pageLoads} fresh incognito loads, headless Chromium):`);
  console.log(
    `  widget  ${basename(widgetUrl).padEnd(16)} ${median(widget).toFixed(1).padStart(7)} ms  [${fmt(widget)}]`,
  );
  console.log(`  blank   ${basename(blankUrl).padEnd(16)} ${median(blank).toFixed(1).padStart(7)} ms  [${fmt(blank)}]`);
  console.log(`  ratio widget/blank: ${(median(widget) / median(blank)).toFixed(1)}× (no budget)`);
}

// ---------------------------------------------------------------------------------------------
// Bytes on the wire
// ---------------------------------------------------------------------------------------------

/** Sets the widget's `locale` attribute as the page inserts it, before the element upgrades. */
const setLocale = (locale: Locale) => `(() => {
  new MutationObserver((records, observer) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.localName === 'meldpunt-widget') { node.setAttribute('locale', ${JSON.stringify(locale)}); observer.disconnect(); }
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

/**
 * Drives the form to the Where step as a reporter would (who, what, when) and resolves when the map shows.
 * A string: in-page code must not depend on how this file was compiled.
 */
const toWhereStep = `(async () => {
  const root = document.querySelector('meldpunt-widget').shadowRoot;
  const until = async (find) => { for (;;) { const found = find(); if (found) return found; await new Promise((r) => setTimeout(r, 20)); } };
  const next = () => root.querySelector('#next').click();
  (await until(() => root.querySelector('[data-step=who] #role-bystander'))).click();
  next();
  (await until(() => root.querySelector('[data-step=what] input[type=checkbox]'))).click();
  next();
  const date = await until(() => root.querySelector('[data-step=when] #date'));
  date.value = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
  date.dispatchEvent(new Event('input'));
  const time = root.querySelector('#time');
  if (time) { time.value = '21:30'; time.dispatchEvent(new Event('input')); }
  next();
  await until(() => root.querySelector('meldpunt-location-picker')?.shadowRoot?.querySelector('meldpunt-map-view')?.shadowRoot?.querySelector('.leaflet-container'));
})()`;

/**
 * The `/widget/` bytes one fresh incognito context receives for `locale`: before the first step is
 * interactive, and once the Where step's map shows and the network is idle. `gzipOnly` sends
 * `Accept-Encoding: gzip` instead of the browser's own (which includes brotli).
 */
async function wireBytes(browser: Browser, origin: string, locale: Locale, gzipOnly: boolean): Promise<Wire> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    if (gzipOnly) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip' } });
    const urls = new Map<string, string>();
    const headerBytes = new Map<string, number>();
    const encodings = new Set<string>();
    let bytes = 0;
    let headers = 0;
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.responseReceived', (e) => {
      if (!e.response.url.startsWith(`${origin}/widget/`)) return;
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      encodings.add(String(headers['content-encoding'] ?? 'identity'));
      // What has arrived when the response starts: its status line and headers.
      headerBytes.set(e.requestId, e.response.encodedDataLength);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (!urls.get(e.requestId)?.startsWith(`${origin}/widget/`)) return;
      const head = headerBytes.get(e.requestId) ?? 0;
      bytes += e.encodedDataLength - head;
      headers += head;
    });
    await page.evaluateOnNewDocument(setLocale(locale));
    await page.evaluateOnNewDocument(recordInteractive);
    await page.goto(`${origin}/demo/dordrecht.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction('window.__benchInteractiveAt', { polling: 'raf' });
    // Responses of the first step that finished in the same frame are counted: wait for the network to settle.
    await page.waitForNetworkIdle({ idleTime: 300 });
    const initial = bytes;
    const initialHeaders = headers;
    const shown = await page.evaluate(() =>
      document.querySelector('meldpunt-widget')?.shadowRoot?.querySelector('.widget')?.getAttribute('lang'),
    );
    if (shown !== locale) throw new Error(`The widget shows ${shown}, not ${locale}`);
    await page.evaluate(toWhereStep);
    await page.waitForNetworkIdle({ idleTime: 500 });
    const expected = gzipOnly ? 'gzip' : 'br';
    // `identity` for a file the service does not compress because it would not get smaller (the entry).
    if ([...encodings].some((e) => e !== expected && e !== 'identity')) {
      throw new Error(`Expected /widget/ responses in ${expected}, got ${[...encodings].join(', ')}`);
    }
    return { initial, withMap: bytes, headers: { initial: initialHeaders, withMap: headers } };
  } finally {
    await context.close();
  }
}

/** Every language, brotli and gzip, each in a fresh context. */
async function measureWire(browser: Browser, origin: string): Promise<Map<string, { br: Wire; gzip: Wire }>> {
  const result = new Map<string, { br: Wire; gzip: Wire }>();
  for (const locale of supportedLocales) {
    result.set(locale, {
      br: await wireBytes(browser, origin, locale, false),
      gzip: await wireBytes(browser, origin, locale, true),
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Lighthouse
// ---------------------------------------------------------------------------------------------

/** The demo pages: every `.html` at the top of `embed-demo/`. */
function demoPages(): string[] {
  return readdirSync(demoDir)
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/**
 * Lighthouse's performance score of every demo page (mobile, default simulated throttling), the median of
 * `lighthouseRuns` runs each, in one Chromium that Lighthouse drives through its debugging port. Prints
 * score against goal, and the page's median metrics.
 */
async function measureLighthouse(origin: string): Promise<void> {
  const browser = await puppeteer.launch(chromiumLaunchOptions());
  try {
    const port = Number(new URL(browser.wsEndpoint()).port);
    console.log(
      `\nLighthouse performance (mobile, simulated throttling; median of ${lighthouseRuns} runs; goal ≥ ${lighthouseGoal.toFixed(2)}):`,
    );
    console.log(
      `  ${'page'.padEnd(18)}${'score'.padStart(6)}  ${'goal'.padEnd(22)}  FCP ms  LCP ms  TBT ms    CLS  [runs]`,
    );
    for (const name of demoPages()) {
      const runs: { score: number; fcp: number; lcp: number; tbt: number; cls: number }[] = [];
      for (let i = 0; i < lighthouseRuns; i++) {
        const result = await lighthouse(`${origin}/demo/${name}`, {
          port,
          output: 'json',
          onlyCategories: ['performance'],
          logLevel: 'error',
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse gave no result for ${name}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${name}: ${lhr.runtimeError.message}`);
        const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        runs.push({
          score: lhr.categories.performance?.score ?? 0,
          fcp: value('first-contentful-paint'),
          lcp: value('largest-contentful-paint'),
          tbt: value('total-blocking-time'),
          cls: value('cumulative-layout-shift'),
        });
      }
      const score = median(runs.map((r) => r.score));
      const m = (key: 'fcp' | 'lcp' | 'tbt') =>
        median(runs.map((r) => r[key]))
          .toFixed(0)
          .padStart(6);
      const goal = lighthouseExempt.has(name)
        ? 'none (loads both builds)'
        : score >= lighthouseGoal
          ? 'met'
          : `BELOW ${lighthouseGoal.toFixed(2)}`;
      console.log(
        `  ${name.padEnd(18)}${score.toFixed(2).padStart(6)}  ${goal.padEnd(22)}  ${m('fcp')}  ${m('lcp')}  ${m('tbt')}  ${median(
          runs.map((r) => r.cls),
        )
          .toFixed(3)
          .padStart(5)}  [${runs.map((r) => r.score.toFixed(2)).join(' ')}]`,
      );
    }
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

if (!process.argv.includes('--no-build')) {
  execFileSync('pnpm', ['build'], { cwd: widgetDir, stdio: 'inherit' });
}

console.log('\nMeldpunt widget benchmark (KB = 1024 bytes; files: gzip -9 and brotli q11, each file on its own)\n');
const manifest = readManifest();
const files = supportedLocales.map((locale) => languageFiles(manifest, locale));
printReferences([
  sizeRow('classic build (loader)', [join(distDir, 'meldpunt-widget.classic.js')]),
  typeformRow(),
  formbricksRow(),
]);

const dataDir = mkdtempSync(join(tmpdir(), 'meldpunt-bench-widget-'));
let service: ChildProcess | undefined;
let blankServer: Server | undefined;
let missed: string[] = [];
try {
  const servicePort = await freePort();
  service = await startConfigService(servicePort, dataDir);
  const origin = `http://127.0.0.1:${servicePort}`;
  const browser = await puppeteer.launch(chromiumLaunchOptions());
  try {
    missed = printBytes(files, await measureWire(browser, origin));
    const blankPort = await freePort();
    blankServer = await startBlankServer(blankPort);
    await timeToInteractive(browser, `${origin}/demo/dordrecht.html`, `http://127.0.0.1:${blankPort}/blank.html`);
  } finally {
    await browser.close();
  }
  if (!process.argv.includes('--no-lighthouse')) await measureLighthouse(origin);
} finally {
  if (blankServer) await new Promise<void>((resolve) => blankServer?.close(() => resolve()));
  if (service) await stopChild(service);
  rmSync(dataDir, { recursive: true, force: true });
}

if (missed.length > 0) {
  console.error(`\nByte budget missed:\n  ${missed.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('\nEvery byte budget holds, in every language, brotli and gzip, in files and on the wire.');
}
