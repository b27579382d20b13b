// The Leaflet 1.9 source modules `leaflet.ts` imports, typed as @types/leaflet types the same
// things in Leaflet's one-file build.
declare module 'leaflet/src/map/Map' {
  export { Map, map as createMap } from 'leaflet';
}
declare module 'leaflet/src/map/handler/Map.Drag';
declare module 'leaflet/src/map/handler/Map.ScrollWheelZoom';
declare module 'leaflet/src/map/handler/Map.DoubleClickZoom';
declare module 'leaflet/src/map/handler/Map.TouchZoom';
declare module 'leaflet/src/geo/LatLng' {
  export { latLng as toLatLng } from 'leaflet';
}
declare module 'leaflet/src/geo/LatLngBounds' {
  export { latLngBounds as toLatLngBounds } from 'leaflet';
}
declare module 'leaflet/src/layer/tile/TileLayer' {
  export { tileLayer } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/SVG' {
  export { svg } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Polygon' {
  export { polygon } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/CircleMarker' {
  export { circleMarker } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Circle' {
  export { circle } from 'leaflet';
}
