import type { Plugin } from 'vite';
import type { TestRunnerPlugin } from '@web/test-runner';

/** Path of Leaflet's `src/core/Browser.js`, the module with the load-time probe. */
export const leafletBrowserPath: string;
/** Whether a module path (a file path, or a test server's URL path) is that module. */
export function isLeafletBrowser(path: string): boolean;
/** Leaflet's source with its load-time `innerHTML` probe replaced by DOM calls. */
export function patchLeaflet(code: string): string;
/** Path of Leaflet's stylesheet. */
export const leafletCssPath: string;
/** Leaflet's stylesheet without the rules of the parts the map does not load. */
export function trimLeafletCss(css: string): string;
/** Path of Leaflet's `src/dom/DomEvent.js`. */
export const leafletDomEventPath: string;
/** Whether a module path is that module. */
export function isLeafletDomEvent(path: string): boolean;
/** Leaflet's DOM event module keeping its listener registry in a WeakMap, not on the targets. */
export function patchLeafletDomEvent(code: string): string;
/** The Vite plugin that applies the patches above (modules and stylesheet). */
export function leafletPlugin(): Plugin;
/** The web-test-runner plugins that apply them in browser tests, and serve `?inline` CSS. */
export function leafletTestPlugins(): TestRunnerPlugin[];
