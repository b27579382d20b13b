// Moving through the steps: which step shows, "Step 2 of 6", Back and Next, the error summary that stops
// Next, and the steps after the Where step, whose code loads apart (`later.ts`).
import { html, nothing } from 'lit';
import type { DraftError, StepId } from '../draft.ts';
import type { Translate } from '../i18n.ts';

/** The steps whose code is in the later chunk (`later.ts`), with the confirmation after sending. */
const laterSteps: readonly StepId[] = ['details', 'contact', 'review'];

/** True when the step's code is here: the first four steps always, the later ones once their chunk is in. */
export function stepReady(step: StepId, laterLoaded: boolean): boolean {
  return laterLoaded || !laterSteps.includes(step);
}

/** The step shown: when the contact step drops out (the receiver does not follow up), the review. */
export function currentStep(steps: readonly StepId[], step: StepId): StepId {
  return steps.includes(step) ? step : 'review';
}

/** "Step 2 of 6", with a bar for those who see it. */
export function progress(t: Translate, index: number, total: number) {
  return html`
    <div class="progress" part="progress">
      <span>${t('progress', { current: index + 1, total })}</span>
      <progress max=${total} value=${index + 1} aria-hidden="true"></progress>
    </div>
  `;
}

export interface NavButtons {
  t: Translate;
  /** The previous step (none on the first). */
  back?: () => void;
  /** The review: Next sends. */
  last: boolean;
  sending: boolean;
  /** The step's code is here: Next is off until then. */
  ready: boolean;
}

/** Back (not on the first step) and Next, which submits the step's form and, on the review, sends. */
export function navButtons({ t, back, last, sending, ready }: NavButtons) {
  return html`
    <div class="nav">
      ${
        back
          ? html`<button id="back" type="button" class="secondary" part="button" @click=${back}>
              ${t('nav.back')}
            </button>`
          : nothing
      }
      <button id="next" type="submit" class="primary next" part="button" ?disabled=${sending || !ready}>
        ${last ? (sending ? t('nav.sending') : t('nav.send')) : t('nav.next')}
      </button>
    </div>
  `;
}

/** What stops Next: each error links to its field. */
export function errorSummary(
  t: Translate,
  errors: readonly DraftError[],
  focusField: (e: Event, field: string) => void,
) {
  if (errors.length === 0) return nothing;
  return html`
    <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">${t('errors.summaryTitle')}</h3>
      <ul>
        ${errors.map(
          (e) =>
            html`<li><a href="#${e.field}" @click=${(ev: Event) => focusField(ev, e.field)}>${t(e.message)}</a></li>`,
        )}
      </ul>
    </div>
  `;
}

/** A step after the Where step whose code has not arrived yet: "loading", or, if it failed, a retry. */
export function laterLoading(t: Translate, failed: boolean, retry: () => void) {
  if (!failed) return html`<p class="hint" role="status">${t('app.loading')}</p>`;
  return html`
    <div class="send-error" role="alert">
      <p>${t('app.loadError')}</p>
      <button type="button" class="primary" part="button" @click=${retry}>${t('app.retry')}</button>
    </div>
  `;
}
