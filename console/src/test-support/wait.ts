/**
 * Test support: waiting in the console's browser tests, as in the widget's (`widget/src/test-support/wait.ts`):
 * a condition that holds ends the wait at once; `patience` only bounds a hang, below Mocha's timeout.
 */
import { waitUntil } from '@open-wc/testing';

export const patience = 30_000;

/** Waits until `condition` holds (is truthy); fails with `message` after `patience`. */
export function waitFor(condition: () => unknown, message: string): Promise<void> {
  return waitUntil(condition, `${message} (waited ${patience / 1000} s)`, { timeout: patience, interval: 20 });
}

/** The text of an element's shadow root, spaces collapsed. */
export function shadowText(element: Element | null | undefined): string {
  return (element?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
