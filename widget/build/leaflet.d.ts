/** Path of Leaflet's ES build. */
export const leafletEsmPath: string;
/** Leaflet's source with its load-time `innerHTML` probe replaced by DOM calls. */
export function patchLeaflet(code: string): string;
