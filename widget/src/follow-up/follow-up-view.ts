import { html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FeedbackInput, FollowUpView } from '@meldpunt/contracts';
import { followUpReplyMaxLength } from '@meldpunt/contracts/follow-up-limits';
import { normaliseReceiptCode, receiptCodeInputMaxLength } from '@meldpunt/contracts/receipt-code';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { FollowUpElement } from './follow-up-element.ts';
import type { FollowUpLink } from './follow-up-link.ts';
import {
  eraseContact,
  followUpFailure,
  lookUpReport,
  sendClosedFeedback,
  sendReply,
  withdrawReport,
  type FollowUpFailure,
  type FollowUpTarget,
} from './follow-up-api.ts';
import './feedback-question.ts';

/** What the reporter is doing now: waiting for an answer, or asked to confirm erasing or withdrawing. */
type Busy = 'looking' | 'replying' | 'erasing' | 'withdrawing';

/**
 * "Follow up on my report": the reporter enters the receipt code and sees the report's status in plain words,
 * the municipality that has it, the messages both ways (oldest first), a box to answer (until it is closed),
 * erasing the contact details and withdrawing the report (each after a confirmation that says what follows),
 * and once closed the feedback question. Everything lives in this element's state only — the code as typed,
 * the view and its token — never in storage, a cookie or a URL; taking the element out of the page (closing,
 * quick exit) forgets it.
 *
 * @tagname meldpunt-follow-up
 * @summary The reporter's view of a report, opened with its receipt code.
 */
export class MeldpuntFollowUp extends FollowUpElement {
  static override properties = {
    link: { attribute: false },
    code: { state: true, attribute: false },
    codeError: { state: true, attribute: false },
    view: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    reply: { state: true, attribute: false },
    replyError: { state: true, attribute: false },
    done: { state: true, attribute: false },
    withdrawn: { state: true, attribute: false },
  };

  /** The widget's texts, the API and closing: set by `<meldpunt-widget>`. */
  link?: FollowUpLink;

  private code = '';
  private codeError?: string;
  private view?: FollowUpView;
  private busy?: Busy;
  private failure?: FollowUpFailure;
  private confirming?: 'erase' | 'withdraw';
  private reply = '';
  private replyError?: string;
  /** The text key of what just succeeded (reply sent, contact details erased), read out. */
  private done?: string;
  private withdrawn = false;
  /** The element to focus after the next render. */
  private focusNext?: string = '#follow-up-heading';

  private get target(): FollowUpTarget {
    const { base = '', tenant = '', timeoutMs } = this.link ?? {};
    return { base, tenant, timeoutMs };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('link') && this.link) {
      this.texts = this.link.texts;
      this.locale = this.link.locale;
    }
    super.willUpdate(changed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.forget();
  }

  protected override updated(): void {
    if (!this.focusNext || !this.textsReady) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    this.focusNext = undefined;
    target?.focus();
  }

  override render() {
    return html`
      <section part="form" aria-labelledby="follow-up-heading">
        <h2 id="follow-up-heading" tabindex="-1" part="heading">${this.textsReady ? this.t('followUp.title') : ''}</h2>
        ${
          !this.textsReady
            ? html`<p class="hint" role="status">${this.texts?.t('app.loading', { lng: this.locale })}</p>`
            : this.withdrawn
              ? html`<p class="notice" role="status" id="withdrawn" tabindex="-1">
                  ${this.t('followUp.withdraw.done')}
                </p>`
              : this.view
                ? this.renderReport(this.view)
                : this.renderCodeForm()
        }
        ${
          this.textsReady
            ? html`<div class="nav">
                <button
                  type="button"
                  class="secondary"
                  part="button"
                  id="follow-up-close"
                  @click=${() => this.link?.close()}
                >
                  ${this.t('followUp.close')}
                </button>
              </div>`
            : nothing
        }
      </section>
    `;
  }

  private renderFailure() {
    const failure = this.failure;
    if (!failure) return nothing;
    const key = failure.kind === 'tooMany' ? 'followUp.errors.tooMany' : `followUp.errors.${failure.kind}`;
    return html`<div class="alert" role="alert" id="follow-up-error" tabindex="-1">
      <p>${this.t(key, failure.minutes === undefined ? undefined : { count: failure.minutes })}</p>
    </div>`;
  }

  private renderCodeForm() {
    const looking = this.busy === 'looking';
    return html`
      <p>${this.t('followUp.intro')}</p>
      <form novalidate @submit=${this.lookUp}>
        ${this.renderFailure()}
        ${field(
          {
            id: 'receipt-code',
            label: this.t('followUp.codeLabel'),
            hint: this.t('followUp.codeHint'),
            error: this.codeError && this.t(this.codeError),
          },
          (aria) => html`
            <input
              id="receipt-code"
              class="code-input"
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck="false"
              maxlength=${receiptCodeInputMaxLength}
              .value=${live(this.code)}
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              @input=${(e: Event) => {
                this.code = (e.target as HTMLInputElement).value;
                this.codeError = undefined;
              }}
            />
          `,
        )}
        <p class="hint">${this.t('followUp.forget')}</p>
        <div class="nav">
          <button type="submit" class="primary next" part="button" id="look-up" ?disabled=${looking}>
            ${this.t('followUp.show')}
          </button>
        </div>
        <div role="status" class="visually-hidden">${looking ? this.t('followUp.searching') : ''}</div>
      </form>
    `;
  }

  private renderReport(view: FollowUpView) {
    const remaining = followUpReplyMaxLength - this.reply.length;
    const askFeedback = view.status === 'closed' && !view.feedbackGiven.includes('closed');
    return html`
      <h3 id="report-heading" tabindex="-1">${this.t('followUp.reference', { reference: view.reference })}</h3>
      <p>${this.t('followUp.receiver', { name: view.receiver.name })}</p>
      <p class="hint">${this.t('followUp.receivedAt', { date: this.when(view.receivedAt) })}</p>
      <div class="status" part="status" id="status">
        <p><strong>${this.t('followUp.statusLabel')}</strong></p>
        <p>${this.t(`followUp.status.${view.status}`)}</p>
      </div>
      ${this.renderFailure()}
      <p class="notice" role="status" id="follow-up-done">${this.done ? this.t(this.done) : ''}</p>
      <h3>${this.t('followUp.thread')}</h3>
      ${
        view.messages.length
          ? html`<ol class="thread" id="thread">
              ${view.messages.map(
                (message) => html`
                  <li class="message from-${message.from}">
                    <p class="message-meta">
                      <span class="message-from">
                        ${message.from === 'reporter' ? this.t('followUp.fromYou') : view.receiver.name}
                      </span>
                      <time datetime=${message.at}>${this.when(message.at)}</time>
                    </p>
                    <p class="message-body">${message.body}</p>
                  </li>
                `,
              )}
            </ol>`
          : html`<p>${this.t('followUp.noMessages')}</p>`
      }
      ${
        view.canReply
          ? html`<form novalidate @submit=${this.sendReply}>
              ${field(
                {
                  id: 'reply',
                  label: this.t('followUp.replyLabel'),
                  hint: this.t('followUp.replyHint'),
                  describedBy: ['reply-count'],
                  after: html`<p class="hint" id="reply-count">
                    ${this.t('followUp.remaining', { count: remaining })}
                  </p>`,
                  error: this.replyError && this.t(this.replyError),
                },
                (aria) => html`
                  <textarea
                    id="reply"
                    rows="5"
                    maxlength=${followUpReplyMaxLength}
                    .value=${live(this.reply)}
                    aria-invalid=${aria.invalid}
                    aria-describedby=${aria.describedBy}
                    @input=${(e: Event) => {
                      this.reply = (e.target as HTMLTextAreaElement).value;
                      this.replyError = undefined;
                    }}
                  ></textarea>
                `,
              )}
              <div class="actions">
                <button type="submit" class="primary" part="button" id="send-reply" ?disabled=${!!this.busy}>
                  ${this.t('followUp.send')}
                </button>
              </div>
              <div role="status" class="visually-hidden">
                ${this.busy === 'replying' ? this.t('followUp.sending') : ''}
              </div>
            </form>`
          : html`<p class="notice" id="closed-notice">${this.t('followUp.closedNotice')}</p>`
      }
      ${
        askFeedback
          ? html`<meldpunt-feedback
              moment="closed"
              .texts=${this.texts}
              .locale=${this.locale}
              .send=${(input: FeedbackInput) => sendClosedFeedback(this.target, view.token, input)}
            ></meldpunt-feedback>`
          : nothing
      }
      <h3>${this.t('followUp.yourData')}</h3>
      ${view.hasContact ? this.renderConfirmable('erase') : nothing} ${this.renderConfirmable('withdraw')}
    `;
  }

  /** "Erase my contact details" / "Withdraw my report": first a question that says what follows, then yes or no. */
  private renderConfirmable(action: 'erase' | 'withdraw') {
    if (this.confirming !== action) {
      return html`<div class="actions">
        <button
          type="button"
          class="secondary"
          part="button"
          id="${action}"
          ?disabled=${!!this.busy}
          @click=${() => this.ask(action)}
        >
          ${this.t(`followUp.${action}.button`)}
        </button>
      </div>`;
    }
    return html`
      <div class="confirm" role="group" aria-labelledby="${action}-question">
        <p id="${action}-question" tabindex="-1">${this.t(`followUp.${action}.question`)}</p>
        <div class="actions">
          <button
            type="button"
            class=${action === 'withdraw' ? 'danger' : 'primary'}
            part="button"
            id="${action}-confirm"
            ?disabled=${!!this.busy}
            @click=${action === 'erase' ? this.erase : this.withdraw}
          >
            ${this.t(`followUp.${action}.confirm`)}
          </button>
          <button
            type="button"
            class="secondary"
            part="button"
            id="${action}-cancel"
            @click=${() => this.ask(undefined, action)}
          >
            ${this.t('followUp.cancel')}
          </button>
        </div>
      </div>
    `;
  }

  private ask(action: 'erase' | 'withdraw' | undefined, from?: 'erase' | 'withdraw') {
    this.confirming = action;
    this.done = undefined;
    this.focusNext = action ? `#${action}-question` : `#${from}`;
  }

  /** Forgets everything shown and typed (the widget also drops the element itself). */
  private forget(): void {
    this.view = undefined;
    this.code = '';
    this.reply = '';
    this.confirming = undefined;
    this.done = undefined;
  }

  private lookUp = async (event: Event) => {
    event.preventDefault();
    if (this.busy) return;
    const code = normaliseReceiptCode(this.code);
    if (!code) {
      this.codeError = this.code.trim() ? 'followUp.errors.codeFormat' : 'followUp.errors.codeRequired';
      this.failure = undefined;
      this.focusNext = '#receipt-code';
      return;
    }
    await this.call('looking', () => lookUpReport(this.target, code), '#report-heading');
    // The code is not kept once it did its work: a new look-up needs it typed again.
    if (this.view) this.code = '';
  };

  private sendReply = async (event: Event) => {
    event.preventDefault();
    const view = this.view;
    if (!view || this.busy) return;
    if (!this.reply.trim()) {
      this.replyError = 'followUp.errors.replyRequired';
      this.focusNext = '#reply';
      return;
    }
    if (await this.call('replying', () => sendReply(this.target, view.token, this.reply.trim()), '#thread')) {
      this.reply = '';
      this.done = 'followUp.sent';
    }
  };

  private erase = async () => {
    const view = this.view;
    if (!view || this.busy) return;
    if (await this.call('erasing', () => eraseContact(this.target, view.token), '#withdraw')) {
      this.done = 'followUp.erase.done';
    }
  };

  private withdraw = async () => {
    const view = this.view;
    if (!view || this.busy) return;
    this.busy = 'withdrawing';
    this.failure = undefined;
    try {
      await withdrawReport(this.target, view.token);
      this.forget();
      this.withdrawn = true;
      this.focusNext = '#withdrawn';
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = undefined;
    }
  };

  /**
   * One call that answers the view: shows it (focusing `focus` then) and is true, or shows what went wrong
   * and is false. An expired token returns to the code, a closed report takes the reply box away.
   */
  private async call(busy: Busy, request: () => Promise<FollowUpView>, focus: string): Promise<boolean> {
    this.busy = busy;
    this.failure = undefined;
    this.done = undefined;
    try {
      this.view = await request();
      this.confirming = undefined;
      this.focusNext = focus;
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    } finally {
      this.busy = undefined;
    }
  }

  private failed(error: unknown): void {
    const failure = followUpFailure(error);
    this.failure = failure;
    this.confirming = undefined;
    if (failure.kind === 'expired') this.forget();
    if (failure.kind === 'closed' && this.view) this.view = { ...this.view, canReply: false };
    this.focusNext = '#follow-up-error';
  }
}

define('meldpunt-follow-up', MeldpuntFollowUp);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-follow-up': MeldpuntFollowUp;
  }
}
