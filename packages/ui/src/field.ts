import { html, nothing, type TemplateResult } from 'lit';

/**
 * Form fields the accessible way, wired by ids so no element has to get it right again: a label for
 * the control, a hint and an error that the control names in `aria-describedby`, and `aria-invalid`
 * while the error shows. The markup uses the classes `field`, `hint` and `field-error` (and the part
 * `field-error`); the element that renders it styles them.
 */

/** `aria-describedby` from the ids given (empty ones skipped), or no attribute at all when none is left. */
export function describedBy(...ids: (string | false | undefined)[]): string | typeof nothing {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : nothing;
}

/**
 * The error line of a control, `{id}-error`, or nothing when `message` is empty: put it after the
 * control (or after the fieldset) and name it in `aria-describedby` with `describedBy(…, errorId(id, message))`.
 */
export function fieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<p class="field-error" id="${id}-error" part="field-error">${message}</p>` : nothing;
}

/** The id of a control's error line while it shows (`{id}-error`), else undefined. */
export function errorId(id: string, message: string | undefined): string | undefined {
  return message ? `${id}-error` : undefined;
}

/** What a control rendered by `field()` puts on itself. */
export interface ControlAria {
  /** For `aria-describedby`: the hint, the extra ids and the error, in that order; `nothing` when none. */
  describedBy: string | typeof nothing;
  /** For `aria-invalid`. */
  invalid: 'true' | 'false';
}

/** One field for `field()`. */
export interface Field {
  /** The control's id: the label's `for`; the hint is `{id}-hint`, the error `{id}-error`. */
  id: string;
  /** The label's content (text, or text with an "optional" marker). */
  label: unknown;
  /** A hint under the label, `{id}-hint`, named in `aria-describedby`. */
  hint?: unknown;
  /** Shown between the hint and the control (a "why do we ask" disclosure); name its id in `describedBy`. */
  before?: unknown;
  /** Shown after the control, before the error (a character counter, a list of suggestions). */
  after?: unknown;
  /** More ids that describe the control, after the hint: a counter, a hint shared by several fields. */
  describedBy?: readonly (string | false | undefined)[];
  /** The error message, shown under the control (`{id}-error`); none while the value is fine. */
  error?: string;
  /** Invalid without an error line of its own: the message is elsewhere (name its id in `describedBy`). */
  invalid?: boolean;
}

/**
 * A field: label, hint, the control that `control` renders with the ARIA it is given, and the error.
 *
 * ```ts
 * field({ id: 'email', label: t('email'), error }, (aria) =>
 *   html`<input id="email" type="email" aria-invalid=${aria.invalid} aria-describedby=${aria.describedBy} />`);
 * ```
 */
export function field(options: Field, control: (aria: ControlAria) => unknown): TemplateResult {
  const { id, hint, error } = options;
  const hintId = hint ? `${id}-hint` : undefined;
  const aria: ControlAria = {
    describedBy: describedBy(hintId, ...(options.describedBy ?? []), errorId(id, error)),
    invalid: error || options.invalid ? 'true' : 'false',
  };
  // Lit renders nothing for an undefined `before` or `after`.
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    ${hint ? html`<p class="hint" id=${hintId}>${hint}</p>` : nothing} ${options.before} ${control(aria)}
    ${options.after} ${fieldError(id, error)}
  </div>`;
}
