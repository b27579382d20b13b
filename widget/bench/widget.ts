/// <reference types="node" />
/**
 * `pnpm bench:widget`: what `<meldpunt-widget>` costs a host page, beside two embeddable-form
 * peers measured in the same run from their npm packages.
 *
 * 1. Bytes (raw, gzip level 9, brotli quality 11; each file compressed on its own, as a server
 *    sends it), read from the ES build's `dist/.vite/manifest.json`:
 *    - initial: `dist/meldpunt-widget.js`, every chunk it imports statically, and ONE locale's texts
 *      chunk (nl) with its static imports: the widget loads exactly one locale before the first step.
 *    - map: what the Where step loads with `import()` when it opens, beyond initial: the chunks of
 *      `location/location-picker.ts` (with the route preview) and `@meldpunt/ui`'s `map/map-view.ts`
 *      (Leaflet with it), that step's texts for the same locale (nl), and `later.ts` (the steps after the
 *      Where step and sending, which start loading then too), each with its static imports.
 *    - everything including the map: initial + map.
 *    - the classic (IIFE) build, and the peers `@typeform/embed` and `@formbricks/surveys`.
 *    Budgets: initial ≤ 35 KB gzip, everything including the map ≤ 80 KB gzip (KB = 1024 bytes).
 * 2. Time to interactive: the config-service (demo tenants seeded, temp data dir) serves the built
 *    widget and `/demo/dordrecht.html`; headless Chromium loads it 10 times, each in a fresh
 *    incognito context, and the page itself records `performance.now()` (ms since navigation start)
 *    at the first animation frame in which the first step's `#role-victim` radio exists and is
 *    enabled. The reference is a blank HTML page from a tiny local server: `performance.now()` at
 *    its `load` event. Medians and the ratio widget/blank are printed; the ratio has no budget.
 *
 * Flags: `--no-build` skips `pnpm build`. Exits 1 when a size budget is missed.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { freePort } from '../../config-service/test/net.ts';

const widgetDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(widgetDir, 'dist');
const configServiceDir = join(widgetDir, '../config-service');
const KB = 1024;
const budgets = { initialGzip: 35 * KB, everythingGzip: 80 * KB };
const pageLoads = 10;
const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

/** The widget's own rows: initial, map, everything including the map, and the classic build. */
function widgetRows(): { initial: SizeRow; map: SizeRow; everything: SizeRow; classic: SizeRow } {
  const manifest = readManifest();
  const entry = findChunk(manifest, 'src/meldpunt-widget.ts');
  const initialKeys = staticClosure(manifest, entry);
  for (const k of staticClosure(manifest, findChunk(manifest, 'packages/texts/src/nl/index.ts'), initialKeys)) {
    initialKeys.add(k);
  }
  const mapKeys = new Set<string>();
  const whereStep = [
    'location/location-picker.ts',
    'ui/src/map/map-view.ts',
    'packages/texts/src/nl/location.ts',
    'src/later.ts',
  ];
  for (const suffix of whereStep) {
    for (const k of staticClosure(manifest, findChunk(manifest, suffix), initialKeys)) mapKeys.add(k);
  }
  const initialFiles = filesOf(manifest, initialKeys);
  const mapFiles = filesOf(manifest, mapKeys);
  return {
    initial: sizeRow('initial (entry + static imports + nl texts)', initialFiles),
    map: sizeRow('map + later steps (Where step, dynamic)', mapFiles),
    everything: sizeRow('everything including the map', [...initialFiles, ...mapFiles]),
    classic: sizeRow('classic build (one IIFE file)', [join(distDir, 'meldpunt-widget.classic.js')]),
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

/** Prints the size table and, per row, the files it counts (relative to the widget or node_modules). */
function printSizes(rows: SizeRow[]): void {
  console.log(`${'name'.padEnd(46)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}${'brotli KB'.padStart(11)}`);
  for (const row of rows) {
    console.log(`${row.name.padEnd(46)}${kb(row.raw)}${kb(row.gzip)}  ${kb(row.brotli)}`);
  }
  console.log('\nFiles measured:');
  for (const row of rows) {
    if (row.name.startsWith('everything')) continue;
    const names = row.files.map((f) =>
      f.includes('node_modules') ? f.slice(f.lastIndexOf('node_modules')) : relative(widgetDir, f),
    );
    console.log(`  ${row.name}: ${names.join(', ')}`);
  }
}

/** Prints "ok"/"MISSED" per budget; returns the reasons of the missed ones. */
function checkBudgets(initial: SizeRow, everything: SizeRow): string[] {
  const checks = [
    { label: 'initial', actual: initial.gzip, limit: budgets.initialGzip },
    { label: 'everything including the map', actual: everything.gzip, limit: budgets.everythingGzip },
  ];
  const missed: string[] = [];
  console.log('\nBudgets (gzip):');
  for (const { label, actual, limit } of checks) {
    const ok = actual <= limit;
    console.log(`  ${label.padEnd(32)} ${kb(actual)} KB ≤ ${(limit / KB).toFixed(0)} KB  ${ok ? 'ok' : 'MISSED'}`);
    if (!ok) missed.push(`${label} is ${((actual - limit) / KB).toFixed(1)} KB gzip over its ${limit / KB} KB budget`);
  }
  return missed;
}

// ---------------------------------------------------------------------------------------------
// Time to interactive
// ---------------------------------------------------------------------------------------------

/** Polls `url` until it answers 200, or fails when `child` exits or 60 s pass. */
async function waitForHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`config-service exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 within 60 s`);
}

/** The config-service as a child process on `port`, its database in `dataDir` (demo tenants seeded). */
async function startConfigService(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: configServiceDir,
    env: {
      ...process.env,
      MELDPUNT_MODE: 'demo',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealthy(`http://127.0.0.1:${port}/api/v1/health`, child);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return child;
}

/** Stops a child process: SIGTERM, SIGKILL after 5 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

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
async function measureTiming(widgetUrl: string, blankUrl: string): Promise<{ widget: number[]; blank: number[] }> {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromeArgs,
  });
  try {
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
  } finally {
    await browser.close();
  }
}

/** Starts the config-service and the blank server, measures, and always stops both again. */
async function timeToInteractive(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'meldpunt-bench-widget-'));
  let service: ChildProcess | undefined;
  let blankServer: Server | undefined;
  try {
    const servicePort = await freePort();
    service = await startConfigService(servicePort, dataDir);
    const blankPort = await freePort();
    blankServer = await startBlankServer(blankPort);
    const widgetUrl = `http://127.0.0.1:${servicePort}/demo/dordrecht.html`;
    const blankUrl = `http://127.0.0.1:${blankPort}/blank.html`;
    const { widget, blank } = await measureTiming(widgetUrl, blankUrl);
    const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(' ');
    console.log(`\nTime to interactive (median of ${pageLoads} fresh incognito loads, headless Chromium):`);
    console.log(
      `  widget  ${basename(widgetUrl).padEnd(16)} ${median(widget).toFixed(1).padStart(7)} ms  [${fmt(widget)}]`,
    );
    console.log(
      `  blank   ${basename(blankUrl).padEnd(16)} ${median(blank).toFixed(1).padStart(7)} ms  [${fmt(blank)}]`,
    );
    console.log(`  ratio widget/blank: ${(median(widget) / median(blank)).toFixed(1)}× (no budget)`);
  } finally {
    if (blankServer) await new Promise<void>((resolve) => blankServer?.close(() => resolve()));
    if (service) await stopChild(service);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

if (!process.argv.includes('--no-build')) {
  execFileSync('pnpm', ['build'], { cwd: widgetDir, stdio: 'inherit' });
}

console.log('\nMeldpunt widget benchmark: bytes (KB = 1024 bytes; gzip -9, brotli q11, per file)\n');
const own = widgetRows();
printSizes([own.initial, own.map, own.everything, own.classic, typeformRow(), formbricksRow()]);
const missed = checkBudgets(own.initial, own.everything);

await timeToInteractive();

if (missed.length > 0) {
  console.error(`\nSize budget missed:\n  ${missed.join('\n  ')}`);
  process.exitCode = 1;
}
