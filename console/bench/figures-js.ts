/// <reference types="node" />
/**
 * The back office's JavaScript for the figures page (issue 14), on the wire like `console.ts` measures the
 * first screen: what opening `/console/tenants/:slug/figures` after sign-in adds to the first screen — the
 * signed-in components, the figures page's route chunk, the back office's Dutch texts, and the page's own
 * lazy parts (the hotspot map with Leaflet, the charts: every `import()` made by a module of
 * `src/pages/figures/` or by what those load), each with its static imports, less what the first screen
 * loaded. Budget 120 KB gzip (KB = 1024 bytes); brotli printed beside it.
 *
 * `pnpm bench:backoffice` (config-service) runs this with `--json` and prints the figure in its table;
 * run alone (`node bench/figures-js.ts`) it prints the files and exits 1 over budget.
 * Flags: `--no-build` skips `pnpm build` (of this package); `--json` ends with one JSON line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConfigService, stopChild } from '@meldpunt/test-support/config-service';
import { freePort } from '../../config-service/test/net.ts';
import {
  chunkPaths,
  consoleDir,
  fetchClosure,
  initLexer,
  isJs,
  kb,
  KB,
  printFiles,
  readManifest,
  sum,
  type ManifestChunk,
} from './wire.ts';

/** Issue 14: the figures page's JavaScript (map and charts included), gzip, on the wire. */
export const figuresBudget = 120 * KB;

const pageSource = 'src/pages/figures/figures-page.ts';
const required = ['src/components/signed-in.ts', pageSource];
const optional = ['../packages/texts/src/nl/console-backoffice/index.ts'];
/** Other routes' pages in the same folder: not part of the figures page. */
const otherRoutes = new Set(['src/pages/figures/council-report-page.ts', 'src/pages/figures/national-figures-page.ts']);

/**
 * The figures page's lazy parts: the `import()`s of modules under `src/pages/figures/` (not other routes)
 * and, transitively, of everything those lazy chunks load.
 */
export function lazyParts(manifest: Record<string, ManifestChunk>): string[] {
  const owned = new Set<string>([pageSource]);
  const lazy = new Set<string>();
  const seen = new Set<string>();
  const queue = [pageSource];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = manifest[key];
    if (!entry) continue;
    const isOwned = owned.has(key) || (key.startsWith('src/pages/figures/') && !otherRoutes.has(key));
    for (const next of entry.imports ?? []) {
      if (lazy.has(key)) owned.add(next);
      queue.push(next);
    }
    if (!isOwned) continue;
    for (const next of entry.dynamicImports ?? []) {
      if (otherRoutes.has(next)) continue;
      lazy.add(next);
      owned.add(next);
      queue.push(next);
    }
  }
  return [...lazy];
}

export interface FiguresJs {
  /** Set when the build has no figures page (or no signed-in components): nothing measured. */
  missing: string[];
  gzip: number;
  brotli: number;
  firstScreenGzip: number;
  lazy: string[];
}

/** Measures against a running service at `origin` (the console built). */
export async function measureFiguresJs(origin: string, print = true): Promise<FiguresJs> {
  await initLexer;
  const manifest = readManifest();
  const missing = required.filter((source) => !manifest[source]);
  const lazy = missing.length ? [] : lazyParts(manifest);
  const result: FiguresJs = { missing, gzip: 0, brotli: 0, firstScreenGzip: 0, lazy };
  if (missing.length) return result;
  const sources = [...required, ...optional.filter((s) => manifest[s]), ...lazy];
  for (const acceptEncoding of ['gzip', 'br, gzip']) {
    const first = await fetchClosure(origin, ['/console/'], acceptEncoding);
    const page = await fetchClosure(origin, chunkPaths(sources), acceptEncoding, new Set(first.map((f) => f.path)));
    const js = page.filter(isJs);
    const bytes = sum(js, (f) => f.bodyBytes);
    if (acceptEncoding === 'gzip') {
      result.gzip = bytes;
      result.firstScreenGzip = sum(first.filter(isJs), (f) => f.bodyBytes);
    } else result.brotli = bytes;
    if (print) {
      printFiles(`Figures page after sign-in, less the first screen (Accept-Encoding: ${acceptEncoding}):`, page);
      console.log(`  JavaScript: ${js.length} files, ${kb(bytes)} + ${kb(sum(js, (f) => f.headerBytes))} headers`);
    }
  }
  if (print) {
    console.log(`  Lazy parts followed: ${lazy.join(', ') || 'none in this build'}`);
    console.log(
      `  Budget: ${kb(result.gzip)} gzip ≤ ${kb(figuresBudget)}: ${result.gzip <= figuresBudget ? 'OK' : 'MISSED'} ` +
        `(brotli ${kb(result.brotli)}; the first screen before it: ${kb(result.firstScreenGzip)} gzip)`,
    );
  }
  return result;
}

if (import.meta.main) {
  const json = process.argv.includes('--json');
  if (!process.argv.includes('--no-build')) {
    execFileSync('pnpm', ['build'], { cwd: consoleDir, stdio: json ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'meldpunt-bench-figures-'));
  const service = await startConfigService(port, dataDir);
  try {
    const result = await measureFiguresJs(`http://127.0.0.1:${port}`, !json);
    if (json) console.log(JSON.stringify(result));
    else if (result.missing.length)
      console.log(`NOT MEASURED: the build has no chunk for ${result.missing.join(', ')}`);
    process.exitCode = result.missing.length || result.gzip > figuresBudget ? 1 : 0;
  } finally {
    await stopChild(service);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
