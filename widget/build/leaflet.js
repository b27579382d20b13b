// Leaflet, made fit for strict pages: shared by the Vite build and the browser tests.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Leaflet's ES build (its `main` is UMD). */
export const leafletEsmPath = require.resolve('leaflet/dist/leaflet-src.esm.js');

/**
 * Leaflet 1.9 probes for inline-SVG support at load time with `div.innerHTML = '<svg/>'`; under
 * `require-trusted-types-for 'script'` that string assignment throws and the whole map fails to
 * load. The same probe with DOM calls needs no Trusted Types policy. (The other `innerHTML` uses
 * are in controls, popups and div icons, which the widget does not use.)
 */
export function patchLeaflet(code) {
  const probe = "div.innerHTML = '<svg/>';";
  if (!code.includes(probe)) throw new Error('Leaflet changed: revisit build/leaflet.js');
  return code.replace(probe, "div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));");
}
