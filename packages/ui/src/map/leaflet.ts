// Apps that compile this file through an import (the widget) do not see this package's ambient types otherwise.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./leaflet-modules.d.ts" />
/**
 * The parts of Leaflet 1.9 the map uses, and nothing else: the map with its pointer, wheel,
 * double-click and pinch handlers, tiles, and the SVG paths for the pin, the accuracy circle and
 * the boundary. Leaflet publishes its source as ES modules for such builds; its one-file ES build
 * carries every control, popup, overlay, GeoJSON and the canvas renderer, about 18 KB gzip more,
 * which the bundler cannot drop (each part registers itself on `Map` when it loads).
 *
 * `build/leaflet.js` patches one module of it to load under Trusted Types, in the build and in the
 * browser tests alike. The keyboard handler is left out on purpose: the map view has its own.
 */
import type * as Leaflet from 'leaflet';
import { Map } from 'leaflet/src/map/Map';
import 'leaflet/src/map/handler/Map.Drag';
import 'leaflet/src/map/handler/Map.ScrollWheelZoom';
import 'leaflet/src/map/handler/Map.DoubleClickZoom';
import 'leaflet/src/map/handler/Map.TouchZoom';

export { createMap as map } from 'leaflet/src/map/Map';
export { toLatLng as latLng } from 'leaflet/src/geo/LatLng';
export { toLatLngBounds as latLngBounds } from 'leaflet/src/geo/LatLngBounds';
export { tileLayer } from 'leaflet/src/layer/tile/TileLayer';
export { svg } from 'leaflet/src/layer/vector/SVG';
export { polygon } from 'leaflet/src/layer/vector/Polygon';
export { circleMarker } from 'leaflet/src/layer/vector/CircleMarker';
export { circle } from 'leaflet/src/layer/vector/Circle';
export type { LatLng, LatLngBounds, LeafletMouseEvent, Map, CircleMarker, Circle, Polygon } from 'leaflet';

/**
 * Paths ask the map for their renderer. Leaflet's own `getRenderer` (Renderer.getRenderer.js)
 * would also bring in the canvas renderer; this map always draws with the SVG renderer it is
 * created with (`renderer` option), so that one is enough.
 */
Map.include({
  getRenderer(this: Leaflet.Map): Leaflet.Renderer {
    const renderer = this.options.renderer;
    if (!renderer) throw new Error('The map needs its `renderer` option (an SVG renderer)');
    if (!this.hasLayer(renderer)) this.addLayer(renderer);
    return renderer;
  },
});
