/** Degrees and metres on a sphere of the Earth's mean radius: enough for municipal borders. */

/** Metres per degree of latitude (and of longitude at the equator). */
export const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
export const RADIANS_PER_DEGREE = Math.PI / 180;
