// Browser tests in Debian's Chromium (never a downloaded browser), launched as every suite launches it
// (@meldpunt/test-support/chromium): `CHROME_PATH` overrides the path.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumLaunchOptions } from '@meldpunt/test-support/chromium';
import {
  isLeafletBrowser,
  isLeafletDomEvent,
  leafletCssPath,
  patchLeaflet,
  patchLeafletDomEvent,
  trimLeafletCss,
} from './build/leaflet.js';

const require = createRequire(import.meta.url);

/** Serves `?inline` CSS imports (as Vite does) as a JS module exporting the CSS text. */
const inlineCss = {
  name: 'inline-css',
  // A bare `pkg/file.css?inline` is resolved by nodeResolve, which drops the query: keep it ourselves.
  resolveImport({ source }) {
    if (source.endsWith('.css?inline') && !/^[./]/.test(source)) {
      return `/__inline-css__/${source.slice(0, -'?inline'.length)}`;
    }
  },
  serve(context) {
    if (context.path.startsWith('/__inline-css__/')) {
      const path = require.resolve(context.path.slice('/__inline-css__/'.length));
      const css = path === leafletCssPath ? trimLeafletCss(readFileSync(path, 'utf8')) : readFileSync(path, 'utf8');
      return { body: `export default ${JSON.stringify(css)};`, type: 'js' };
    }
  },
  resolveMimeType(context) {
    if (context.path.endsWith('.css') && context.URL.searchParams.has('inline')) return 'js';
  },
  transform(context) {
    if (context.path.endsWith('.css') && context.URL.searchParams.has('inline')) {
      return { body: `export default ${JSON.stringify(context.body)};` };
    }
  },
};

/** Leaflet's source modules, patched as in the Vite build (see build/leaflet.js; its CSS: inlineCss). */
const leafletPatch = {
  name: 'leaflet-patch',
  transform(context) {
    if (isLeafletBrowser(context.path)) return { body: patchLeaflet(context.body) };
    if (isLeafletDomEvent(context.path)) return { body: patchLeafletDomEvent(context.body) };
  },
};

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  // Every limit below only bounds a hang, generously, for a loaded machine (CI shares its cores). Mocha's
  // per-test timeout is above `patience` (src/test-support/wait.ts), so a wait that never ends fails
  // with its own message first.
  testFramework: { config: { timeout: 60_000 } },
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 600_000,
  plugins: [leafletPatch, inlineCss, esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: chromiumLaunchOptions() })],
};
