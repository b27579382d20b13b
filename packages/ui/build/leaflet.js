// Leaflet, made fit for strict pages: one patch for every Vite build and every browser test run that
// loads the map element (`src/map/`). Node code, run by the bundler and the test runner, never shipped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import postcss from 'postcss';

const require = createRequire(import.meta.url);

/** The module of Leaflet's source that probes the browser (src/map/leaflet.ts imports its parts). */
export const leafletBrowserPath = require.resolve('leaflet/src/core/Browser.js');

/** Leaflet's DOM event module, which keeps each target's listeners in a property of the target. */
export const leafletDomEventPath = require.resolve('leaflet/src/dom/DomEvent.js');

/** Whether a module path (a file path, or a test server's URL path) is that module. */
export function isLeafletBrowser(path) {
  return path === leafletBrowserPath || path.endsWith('/node_modules/leaflet/src/core/Browser.js');
}

/** Whether a module path is Leaflet's DOM event module. */
export function isLeafletDomEvent(path) {
  return path === leafletDomEventPath || path.endsWith('/node_modules/leaflet/src/dom/DomEvent.js');
}

/**
 * Leaflet 1.9 keeps the listeners it adds to any target in a `_leaflet_events` property of that
 * target — also on the host page's `window` and `document` (resize, drag, text selection). That is a
 * global of ours on the host's objects, and a host page with its own Leaflet shares it: the two
 * copies number their handlers independently, so one could remove the other's. Here the listeners
 * live in a WeakMap of this copy instead; nothing is written onto the target.
 */
export function patchLeafletDomEvent(code) {
  const declaration = "var eventsKey = '_leaflet_events';";
  const create = 'obj[eventsKey] = obj[eventsKey] || {};';
  const remove = 'delete obj[eventsKey];';
  if (!code.includes(declaration) || !code.includes(create) || !code.includes(remove)) {
    throw new Error('Leaflet changed: revisit patchLeafletDomEvent in packages/ui/build/leaflet.js');
  }
  const patched = code
    .replace(
      declaration,
      'var listenersByTarget = new WeakMap();\n' +
        'function listenersOf(obj, create) {\n' +
        '\tvar listeners = listenersByTarget.get(obj);\n' +
        '\tif (!listeners && create) { listeners = {}; listenersByTarget.set(obj, listeners); }\n' +
        '\treturn listeners;\n' +
        '}',
    )
    .replace(remove, 'listenersByTarget.delete(obj);')
    .replace(create, 'listenersOf(obj, true);')
    .replaceAll('obj[eventsKey]', 'listenersOf(obj)');
  if (patched.includes('eventsKey')) throw new Error('Leaflet changed: revisit patchLeafletDomEvent');
  return patched;
}

/**
 * Leaflet 1.9 probes for inline-SVG support at load time with `div.innerHTML = '<svg/>'`; under
 * `require-trusted-types-for 'script'` that string assignment throws and the whole map fails to
 * load. The same probe with DOM calls needs no Trusted Types policy. (The other `innerHTML` uses
 * are in controls, popups and div icons, which the map element does not load.)
 */
export function patchLeaflet(code) {
  const probe = "div.innerHTML = '<svg/>';";
  if (!code.includes(probe)) throw new Error('Leaflet changed: revisit packages/ui/build/leaflet.js');
  return code.replace(probe, "div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));");
}

/** Leaflet's stylesheet, which the map view adopts in its shadow root. */
export const leafletCssPath = require.resolve('leaflet/dist/leaflet.css');

/**
 * Classes of the Leaflet parts the map element does not load (controls, popups, tooltips, markers
 * with images, box zoom, image overlays, VML and old-IE fallbacks): a class is one of them when it
 * is a name here or starts with one and a hyphen — but never a pane (`leaflet-popup-pane`): the
 * map creates every pane.
 */
const unusedClasses = [
  'leaflet-control',
  'leaflet-bar',
  'leaflet-top',
  'leaflet-bottom',
  'leaflet-left',
  'leaflet-right',
  'leaflet-popup',
  'leaflet-tooltip',
  'leaflet-marker-icon',
  'leaflet-marker-shadow',
  'leaflet-marker-draggable',
  'leaflet-div-icon',
  'leaflet-default-icon-path',
  'leaflet-attribution',
  'leaflet-zoom-box',
  'leaflet-crosshair',
  'leaflet-image-layer',
  'leaflet-vml-shape',
  'lvml',
  'leaflet-oldie',
  'leaflet-retina',
];

function isUnusedClass(name) {
  if (name.endsWith('-pane')) return false;
  return unusedClasses.some((unused) => name === unused || name.startsWith(`${unused}-`));
}

/**
 * Leaflet's stylesheet without the rules of parts the map element does not load (about half of it):
 * a selector naming one of those classes is dropped, a rule left without selectors too, and
 * comments. What the map, its panes, tiles and SVG paths need stays exactly as Leaflet wrote it.
 */
export function trimLeafletCss(css) {
  const root = postcss.parse(css);
  root.walkComments((comment) => comment.remove());
  root.walkRules((rule) => {
    const kept = rule.selectors.filter(
      (selector) => ![...selector.matchAll(/\.([\w-]+)/g)].some(([, name]) => isUnusedClass(name)),
    );
    if (kept.length === 0) rule.remove();
    else rule.selectors = kept;
  });
  root.walkAtRules((atRule) => {
    if (atRule.nodes && atRule.nodes.length === 0) atRule.remove();
  });
  return root.toString();
}

/**
 * The Vite plugin: Leaflet's source modules patched to load under Trusted Types and to write nothing
 * onto the host's `window` and `document`, and its stylesheet without the rules of parts the map does
 * not load.
 */
export function leafletPlugin() {
  return {
    name: 'meldpunt-leaflet',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      if (isLeafletBrowser(path)) return patchLeaflet(code);
      if (isLeafletDomEvent(path)) return patchLeafletDomEvent(code);
      if (path === leafletCssPath) return trimLeafletCss(code);
      return undefined;
    },
  };
}

/** web-test-runner: Leaflet's source modules, patched as in the Vite build (its CSS: inlineCssPlugin). */
const leafletTestPatch = {
  name: 'leaflet-patch',
  transform(context) {
    if (isLeafletBrowser(context.path)) return { body: patchLeaflet(context.body) };
    if (isLeafletDomEvent(context.path)) return { body: patchLeafletDomEvent(context.body) };
  },
};

/** web-test-runner: serves `?inline` CSS imports (as Vite does) as a JS module exporting the CSS text. */
const inlineCssPlugin = {
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

/** The web-test-runner plugins a test run that loads the map element needs, in this order. */
export function leafletTestPlugins() {
  return [leafletTestPatch, inlineCssPlugin];
}
