import type { Point } from './location-value.ts';

/** Why "use my location" gave no point (or that it is still asking: `busy`). */
export type DeviceStatus = 'busy' | 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/**
 * Asks the device where it is, once, and calls `done` with a point rounded to six decimals (about
 * 10 cm) and its accuracy in metres (1 m to 100 km, as the report schema takes it), or with the
 * `DeviceStatus` that says why there is none. A callback, not a promise: an answer the browser has at
 * hand (a refusal remembered for the site) is shown in the same update as the click.
 */
export function locateDevice(done: (found: Point | Exclude<DeviceStatus, 'busy'>) => void): void {
  const geolocation = 'geolocation' in navigator ? navigator.geolocation : undefined;
  if (!geolocation) return done('unsupported');
  try {
    geolocation.getCurrentPosition(
      ({ coords }) =>
        done({
          lat: Math.round(coords.latitude * 1e6) / 1e6,
          lng: Math.round(coords.longitude * 1e6) / 1e6,
          source: 'device',
          accuracy: Math.min(Math.max(Math.round(coords.accuracy), 1), 100_000),
        }),
      (error) => done(error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  } catch {
    done('unavailable');
  }
}
