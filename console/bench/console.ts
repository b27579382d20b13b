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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConfigService, stopChild } from '@meldpunt/test-support/config-service';
import { freePort } from '../../config-service/test/net.ts';
import {
  chunkPaths,
  consoleDir,
  fetchClosure,
  inBuild,
  initLexer,
  isJs,
  kb,
  KB,
  printFiles,
  readManifest,
  sum,
} from './wire.ts';
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

if (!process.argv.includes('--no-build')) execFileSync('pnpm', ['build'], { cwd: consoleDir, stdio: 'inherit' });
await initLexer;
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
