/** The `detail` of an event type: `CustomEvent<D>` gives `D`. */
export type EventDetail<E> = E extends CustomEvent<infer D> ? D : never;

/** What a caller may choose about an event; bubbling and crossing shadow roots are not a choice. */
export interface EmitOptions {
  /** The event can be cancelled with `preventDefault()`; `emit` then returns false. */
  cancelable?: boolean;
}

/**
 * `emit` typed by an event map (names to event types, as `GlobalEventHandlersEventMap`): only its
 * names, each with its own detail. An app declares its map once and its typed `emit` beside it:
 *
 * ```ts
 * export interface MeldpuntEventMap { 'meldpunt-submit': CustomEvent<{ id: string }> }
 * export const emit: Emit<MeldpuntEventMap> = emitEvent;
 * ```
 */
export type Emit<M> = <K extends keyof M & string>(
  target: EventTarget,
  name: K,
  detail: EventDetail<M[K]>,
  options?: EmitOptions,
) => boolean;

/**
 * Fires an event the one way every Meldpunt element does: a `CustomEvent` with `detail` that bubbles
 * and is composed (it leaves shadow roots, so the host page hears it on the element). Returns false
 * when a listener cancelled it. Untyped on its own: use it through an app's `Emit<Map>`.
 */
export function emitEvent(target: EventTarget, name: string, detail: unknown, options: EmitOptions = {}): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, ...options }));
}
