import leafletCss from 'leaflet/dist/leaflet.css?inline';

/**
 * Leaflet's own CSS as a constructed stylesheet (no `<style>` element, so strict CSP holds), for an
 * element of an app that draws its own Leaflet map (the back office's hotspot map) with `./leaflet`.
 */
export const leafletSheet = new CSSStyleSheet();
leafletSheet.replaceSync(leafletCss);
