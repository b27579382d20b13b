/**
 * The console's own events, in the house's one style: prefixed kebab-case, `bubbles` and `composed` (from
 * `emit()` of `@meldpunt/ui`), typed here and in `GlobalEventHandlersEventMap`.
 */
import type { Me } from '@meldpunt/contracts';
import { emitEvent, type Emit } from '@meldpunt/ui/emit';
import type { ConsoleLocale } from './i18n.ts';

/** Someone signed in (or renewed the session): the root element takes the new person. */
export type SignedInEvent = CustomEvent<{ me: Me }>;
/**
 * The session ended here (signed out, it expired, or the person removed the passkey it was signed in
 * with): `reason` says which, for the message shown.
 */
export type SignedOutEvent = CustomEvent<{
  reason: 'signed-out' | 'signed-out-everywhere' | 'expired' | 'passkey-removed';
}>;
/** The person chose another language. */
export type LocaleChangeEvent = CustomEvent<{ locale: ConsoleLocale }>;

export interface ConsoleEventMap {
  'meldpunt-signed-in': SignedInEvent;
  'meldpunt-signed-out': SignedOutEvent;
  'meldpunt-locale-change': LocaleChangeEvent;
}

/** Fires one of the console's events (see `@meldpunt/ui/emit`): only these names, each with its detail. */
export const emit: Emit<ConsoleEventMap> = emitEvent;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends ConsoleEventMap {}
}
