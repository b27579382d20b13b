import type { ReportLocation } from '@meldpunt/contracts';
import { emitEvent, type Emit } from '@meldpunt/ui/emit';

/** Every event the widget fires: prefixed kebab-case, `bubbles` and `composed`, typed here. */
export interface MeldpuntEventMap {
  /** A report was stored. */
  'meldpunt-submit': CustomEvent<{ id: string; reference: string; tenant: string }>;
  /** A new step is shown. */
  'meldpunt-step-change': CustomEvent<{ step: string; index: number; total: number }>;
  /** Something failed: loading the config, sending, or the location services. */
  'meldpunt-error': CustomEvent<{
    kind: 'config' | 'network' | 'server' | 'validation' | 'rate-limit';
    status?: number;
  }>;
  /** The reporter chose a place (from `<meldpunt-location-picker>`). */
  'meldpunt-location-change': CustomEvent<ReportLocation | undefined>;
  /** Quick exit was asked for; cancel it (`preventDefault`) to handle navigation yourself. */
  'meldpunt-quick-exit': CustomEvent<{ url: string }>;
}

/** Fires one of the widget's events (see `@meldpunt/ui/emit`): only these names, each with its detail. */
export const emit: Emit<MeldpuntEventMap> = emitEvent;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends MeldpuntEventMap {}
}
