import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FeedbackInput, FeedbackMoment } from '@meldpunt/contracts';
import { feedbackCommentMaxLength } from '@meldpunt/contracts/follow-up-limits';
import { define } from '@meldpunt/ui/define';
import { describedBy, field, fieldError } from '@meldpunt/ui/field';
import { FollowUpElement } from './follow-up-element.ts';
import { followUpFailure } from './follow-up-api.ts';

const ratings = [1, 2, 3, 4, 5] as const;

/**
 * "How was reporting for you?": one optional question, 1 (bad) to 5 (good) with the words at both ends, and an
 * optional comment. Skipping is one button away, and so is not answering at all. Asked after sending and
 * again once the report is closed; the parent sends the answer (`send`), this element says how it went.
 *
 * @tagname meldpunt-feedback
 * @summary The optional feedback question of the widget.
 */
export class MeldpuntFeedback extends FollowUpElement {
  static override properties = {
    moment: {},
    send: { attribute: false },
    rating: { state: true, attribute: false },
    comment: { state: true, attribute: false },
    phase: { state: true, attribute: false },
    error: { state: true, attribute: false },
  };

  /** When the question is asked: just after sending, or once the report is closed. */
  moment: FeedbackMoment = 'sent';

  /** Sends the answer; rejects with an `ApiError`. */
  send?: (input: FeedbackInput) => Promise<void>;

  private rating?: number;
  private comment = '';
  private phase: 'asking' | 'sending' | 'sent' | 'skipped' | 'expired' = 'asking';
  /** The text key of what went wrong: no number chosen, or not sent. */
  private error?: string;

  override render() {
    if (!this.textsReady) return nothing;
    if (this.phase === 'sent' || this.phase === 'skipped' || this.phase === 'expired') {
      const key = { sent: 'thanks', skipped: 'skipped', expired: 'expired' }[this.phase];
      return html`<section class="feedback">
        <p role="status" id="feedback-done" tabindex="-1">${this.t(`feedback.${key}`)}</p>
      </section>`;
    }
    const chooseError = this.error === 'feedback.ratingRequired' ? this.t(this.error) : undefined;
    return html`
      <section class="feedback" part="feedback">
        <form novalidate @submit=${this.submit}>
          ${
            this.error && !chooseError
              ? html`<div class="alert" role="alert" id="feedback-error"><p>${this.t(this.error)}</p></div>`
              : nothing
          }
          <fieldset aria-describedby=${describedBy('feedback-hint', chooseError && 'rating-error')}>
            <legend><h3>${this.t('feedback.legend')}</h3></legend>
            <p class="hint" id="feedback-hint">${this.t('feedback.hint')}</p>
            <div class="scale">
              ${ratings.map(
                (rating) => html`
                  <label class="choice" for="rating-${rating}">
                    <input
                      type="radio"
                      id="rating-${rating}"
                      name="rating"
                      value=${rating}
                      .checked=${live(this.rating === rating)}
                      @change=${() => {
                        this.rating = rating;
                        this.error = undefined;
                      }}
                    />
                    <span>${rating}</span>
                    ${
                      rating === 1 || rating === 5
                        ? html`<span class="scale-word"
                            >${this.t(rating === 1 ? 'feedback.low' : 'feedback.high')}</span
                          >`
                        : nothing
                    }
                  </label>
                `,
              )}
            </div>
            ${fieldError('rating', chooseError)}
          </fieldset>
          ${field(
            { id: 'feedback-comment', label: this.t('feedback.comment'), hint: this.t('feedback.commentHint') },
            (aria) => html`
              <textarea
                id="feedback-comment"
                rows="3"
                maxlength=${feedbackCommentMaxLength}
                .value=${live(this.comment)}
                aria-describedby=${aria.describedBy}
                @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}
              ></textarea>
            `,
          )}
          <div class="nav">
            <button type="button" class="secondary" part="button" id="feedback-skip" @click=${this.skip}>
              ${this.t('feedback.skip')}
            </button>
            <button
              type="submit"
              class="primary"
              part="button"
              id="feedback-send"
              ?disabled=${this.phase === 'sending'}
            >
              ${this.t('feedback.send')}
            </button>
          </div>
          <div role="status" class="visually-hidden">${this.phase === 'sending' ? this.t('feedback.sending') : ''}</div>
        </form>
      </section>
    `;
  }

  private skip = async () => {
    this.phase = 'skipped';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#feedback-done')?.focus();
  };

  private submit = async (event: Event) => {
    event.preventDefault();
    if (this.phase === 'sending' || !this.send) return;
    if (!this.rating) {
      this.error = 'feedback.ratingRequired';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#rating-1')?.focus();
      return;
    }
    this.phase = 'sending';
    this.error = undefined;
    const comment = this.comment.trim();
    try {
      await this.send({ moment: this.moment, rating: this.rating, ...(comment ? { comment } : {}) });
      this.phase = 'sent';
    } catch (error) {
      // A token that is no longer valid (after an hour, or the report was withdrawn): nothing to try again.
      if (followUpFailure(error).kind === 'expired') this.phase = 'expired';
      else {
        this.phase = 'asking';
        this.error = 'feedback.failed';
      }
    }
  };
}

define('meldpunt-feedback', MeldpuntFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-feedback': MeldpuntFeedback;
  }
}
