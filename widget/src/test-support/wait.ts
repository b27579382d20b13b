/**
 * Test support: waiting in browser tests. Every wait in the widget's tests goes through here, so none
 * keeps @open-wc/testing's default of one second, which a loaded machine overruns (the first dynamic
 * import of Leaflet alone can take longer while the other core is busy).
 */
import { oneEvent, waitUntil } from '@open-wc/testing';
import type { MeldpuntEventMap } from '../events.ts';

/**
 * How long a test waits for something before it fails. It only bounds a hang: a condition that holds
 * ends the wait at once. Below Mocha's per-test timeout (web-test-runner.config.js), so a wait that
 * never ends fails with its own message, not Mocha's.
 */
export const patience = 30_000;

/** Waits until `condition` holds (is truthy); fails with `message` after `patience`. */
export function waitFor(condition: () => unknown, message: string): Promise<void> {
  return waitUntil(condition, `${message} (waited ${patience / 1000} s)`, { timeout: patience, interval: 20 });
}

/**
 * The next `name` event on `target`: like `oneEvent`, listening from the call on, but failing with the
 * event's name after `patience` instead of hanging until Mocha's timeout.
 */
export function nextEvent<K extends keyof MeldpuntEventMap>(
  target: EventTarget,
  name: K,
): Promise<MeldpuntEventMap[K]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No ${name} event (waited ${patience / 1000} s)`)), patience);
  });
  const event = Promise.race([oneEvent<MeldpuntEventMap[K]>(target, name), timedOut]).finally(() =>
    clearTimeout(timer),
  );
  // A test that failed before awaiting it must not fail a later test with this rejection.
  event.catch(() => {});
  return event;
}
