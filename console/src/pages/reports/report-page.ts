import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type {
  ContactRevealReason,
  Me,
  ReferralTarget,
  ReportDelivery,
  ReportDetail,
  ReportEvent,
  ReportMessage,
  ReportStatus,
  ReportUpdate,
  RevealedContact,
  StaffRef,
} from '@meldpunt/contracts';
import {
  closingReasons,
  contactRevealReasons,
  referralTargets,
  statusTransitions,
  type ClosingReason,
} from '@meldpunt/contracts/backoffice-values';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { NotFoundError } from '../../data/http.ts';
import {
  addNote,
  getReport,
  listOfficers,
  NoFollowUpChannelError,
  ReportChangedError,
  ReportWithdrawnError,
  retryDelivery,
  revealContact,
  sendMessage,
  updateReport,
} from '../../data/reports.ts';
import { loadBackofficeTexts } from '../../i18n.ts';
import { may } from '../../permissions.ts';
import { href } from '../../router.ts';
import { formStyles, pageStyles } from '../../styles/theme.ts';
import { detailOf, formatDate, formatDateTime, formatOccurred, renderNotFound } from './report-format.ts';
import { reportStyles } from './report-styles.ts';
import './report-place.ts';

/** The longest note (the contracts' `noteMaxLength`, here without zod). */
const noteMaxLength = 5000;
/** The longest message to the reporter (the contracts' `messageMaxLength`, here without zod). */
const messageMaxLength = 4000;
/** From how many characters left the counter is announced (not at every key before that). */
const messageAnnounceFrom = 200;
/** The timeline's events a reporter did (with the receipt code): no staff member, and not the system. */
const reporterEvents: ReadonlySet<ReportEvent['kind']> = new Set(['reporter-replied', 'contact-erased-by-reporter']);

/**
 * One report, for the tenant's officers: everything the reporter gave (time with its precision, the place
 * on a map with the place in words and its grid square as the text alternative, categories, description,
 * extra answers, whether someone intervened, language), where it came in and which tenant received it,
 * the delivery of each channel (with "send again" when retrying or failed), the handling (the status with
 * only the moves the workflow allows; a referral asks where to, closing asks why; the assignee), internal
 * notes, the timeline, and the contact details: hidden until the officer gives a reason in a dialog (the
 * answer lives in this element only, never stored), "erased on …" once retention erased them, and when
 * they and the report will be erased. A change someone else made meanwhile (412) reloads the report and
 * says so, keeping what the officer chose and typed.
 *
 * Issue 15: the messages to the reporter, apart from the internal notes — the thread oldest first and a
 * box to write in (with a counter, the reporter's language named, and "wait for the reporter's answer",
 * which sets the status to waiting); a reporter without a receipt code cannot be reached, and the page
 * says so instead of offering the box. The reporter's feedback, and a report the reporter withdrew (410)
 * as a page of its own: when, and that its content is gone.
 *
 * @summary One report in the back office
 */
export class MeldpuntReportPage extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    formStyles,
    reportStyles,
    css`
      .columns {
        display: grid;
        gap: 0 2rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
      }
      .notes,
      .thread,
      .timeline {
        padding-inline-start: 1.25rem;
      }
      .notes li,
      .timeline li {
        margin-block-end: 0.75rem;
      }
      .thread {
        list-style: none;
        padding-inline-start: 0;
      }
      .thread li {
        margin-block-end: 0.75rem;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
      }
      /* The reporter's words set apart from the municipality's (by the border's side, not by colour alone: the label says who). */
      .thread li.from-reporter {
        margin-inline-start: 2rem;
        border-inline-start-width: 4px;
      }
      .thread li.from-municipality {
        margin-inline-end: 2rem;
      }
      .thread p,
      .feedback p {
        margin: 0;
      }
      .note-body {
        white-space: pre-wrap;
        margin: 0;
      }
      textarea {
        min-block-size: 6rem;
      }
    `,
  ];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';

  /** The report's id (from the URL). */
  @property({ attribute: 'report-id' }) reportId = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  /** The officer's choices in the handling form (kept over a reload). */
  @state() private nextStatus: ReportStatus | '' = '';
  @state() private referTo: ReferralTarget | '' = '';
  @state() private closeReason: ClosingReason | '' = '';
  @state() private assigneeChoice = '';
  @state() private noteDraft = '';
  @state() private messageDraft = '';
  @state() private waitForReply = false;
  /** Field errors by field id, and the message of the last change (success or why not). */
  @state() private errors: Record<string, string> = {};
  @state() private notice = '';
  @state() private failure = '';
  @state() private busy = false;
  /** The contact dialog: open, the reason and remark chosen, its error; the details once shown. */
  @state() private revealing = false;
  @state() private revealReason: ContactRevealReason | '' = '';
  @state() private revealRemark = '';
  @state() private revealError = '';
  @state() private revealed?: RevealedContact;

  private get allowed() {
    return may(this.me, 'reports.view', this.slug);
  }

  /** The report (labels in the console's language) and the back office's texts. */
  private report = new Task(this, {
    task: async ([slug, id, locale, allowed], { signal }): Promise<ReportDetail | undefined> => {
      if (!allowed) return undefined;
      const [report] = await Promise.all([getReport(slug, id, locale, signal), loadBackofficeTexts(locale)]);
      return report;
    },
    args: () => [this.slug, this.reportId, this.texts.locale, this.allowed] as const,
  });

  private officers = new Task(this, {
    task: ([slug, allowed], { signal }) =>
      allowed ? listOfficers(slug, signal).catch((): StaffRef[] => []) : Promise.resolve([]),
    args: () => [this.slug, this.allowed] as const,
  });

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    // Another report: nothing of the previous one stays (the contact details least of all).
    if (changed.has('reportId') || changed.has('slug')) {
      this.revealed = undefined;
      this.nextStatus = '';
      this.referTo = '';
      this.closeReason = '';
      this.noteDraft = '';
      this.messageDraft = '';
      this.waitForReply = false;
      this.assigneeChoice = '';
      this.errors = {};
      this.notice = '';
      this.failure = '';
    }
  }

  /** Sends a change; a 412 reloads the report and keeps the choices. */
  private async change(report: ReportDetail, update: ReportUpdate, done: string): Promise<boolean> {
    const { t } = this.texts;
    this.busy = true;
    this.notice = '';
    this.failure = '';
    try {
      await updateReport(this.slug, report.id, report.revision, update);
      this.notice = done;
      await this.report.run();
      return true;
    } catch (error) {
      if (error instanceof ReportChangedError) {
        await this.report.run();
        this.failure = t('reportDetail.handling.stale');
      } else {
        this.failure = t('reportDetail.handling.failed', { detail: detailOf(error, t('errors.server')) });
      }
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async saveStatus(event: SubmitEvent, report: ReportDetail) {
    event.preventDefault();
    const { t } = this.texts;
    const errors: Record<string, string> = {};
    if (!this.nextStatus) errors['next-status'] = t('reportDetail.handling.chooseStatus');
    else if (this.nextStatus === 'referred' && !this.referTo)
      errors['refer-to'] = t('reportDetail.handling.chooseTarget');
    else if (this.nextStatus === 'closed' && !this.closeReason)
      errors['close-reason'] = t('reportDetail.handling.chooseReason');
    this.errors = errors;
    const first = Object.keys(errors)[0];
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    const status = this.nextStatus as ReportStatus;
    const update: ReportUpdate = {
      status,
      ...(status === 'referred' && this.referTo ? { referredTo: this.referTo } : {}),
      ...(status === 'closed' && this.closeReason ? { closingReason: this.closeReason } : {}),
    };
    if (await this.change(report, update, t('reportDetail.handling.saved'))) {
      this.nextStatus = '';
      this.referTo = '';
      this.closeReason = '';
    }
  }

  private async assign(report: ReportDetail, assigneeId: string | null) {
    const { t } = this.texts;
    if (await this.change(report, { assigneeId }, t('reportDetail.handling.assigned'))) this.assigneeChoice = '';
  }

  private async submitNote(event: SubmitEvent, report: ReportDetail) {
    event.preventDefault();
    const { t } = this.texts;
    const body = this.noteDraft.trim();
    const error = !body
      ? t('reportDetail.notes.required')
      : body.length > noteMaxLength
        ? t('reportDetail.notes.tooLong', { max: noteMaxLength })
        : '';
    this.errors = error ? { note: error } : {};
    if (error) {
      this.renderRoot.querySelector<HTMLElement>('#note')?.focus();
      return;
    }
    this.busy = true;
    this.notice = '';
    this.failure = '';
    try {
      await addNote(this.slug, report.id, body);
      this.noteDraft = '';
      this.notice = t('reportDetail.notes.added');
      await this.report.run();
    } catch (error) {
      this.failure = t('reportDetail.handling.failed', { detail: detailOf(error, t('errors.server')) });
    } finally {
      this.busy = false;
    }
  }

  private async submitMessage(event: SubmitEvent, report: ReportDetail) {
    event.preventDefault();
    const { t } = this.texts;
    const body = this.messageDraft.trim();
    const error = !body
      ? t('reportDetail.messages.required')
      : body.length > messageMaxLength
        ? t('reportDetail.messages.tooLong', { max: messageMaxLength })
        : '';
    this.errors = error ? { message: error } : {};
    if (error) {
      this.renderRoot.querySelector<HTMLElement>('#message')?.focus();
      return;
    }
    const waiting = this.waitForReply && this.mayWait(report);
    this.busy = true;
    this.notice = '';
    this.failure = '';
    try {
      await sendMessage(this.slug, report.id, { body, ...(waiting ? { waitForReply: true } : {}) });
      this.messageDraft = '';
      this.waitForReply = false;
      this.notice = waiting ? t('reportDetail.messages.sentWaiting') : t('reportDetail.messages.sent');
      await this.report.run();
    } catch (error) {
      this.failure =
        error instanceof NoFollowUpChannelError
          ? t('reportDetail.messages.noChannelNow')
          : t('reportDetail.handling.failed', { detail: detailOf(error, t('errors.server')) });
      if (error instanceof NoFollowUpChannelError) await this.report.run();
    } finally {
      this.busy = false;
    }
  }

  /** Whether "wait for the reporter's answer" can be chosen: a move to waiting the workflow allows now. */
  private mayWait(report: ReportDetail): boolean {
    return report.receiptCode && statusTransitions[report.status].includes('waiting');
  }

  private async reveal(event: SubmitEvent, report: ReportDetail) {
    event.preventDefault();
    const { t } = this.texts;
    if (!this.revealReason) {
      this.revealError = t('reportDetail.contact.reasonRequired');
      this.renderRoot.querySelector<HTMLInputElement>('input[name="reveal-reason"]')?.focus();
      return;
    }
    this.busy = true;
    this.revealError = '';
    try {
      const remark = this.revealRemark.trim();
      this.revealed = await revealContact(this.slug, report.id, {
        reason: this.revealReason,
        ...(remark ? { remark } : {}),
      });
      this.revealing = false;
      this.revealReason = '';
      this.revealRemark = '';
      await this.report.run();
    } catch (error) {
      this.revealError = t('reportDetail.contact.failed', { detail: detailOf(error, t('errors.server')) });
    } finally {
      this.busy = false;
    }
  }

  private async retry(report: ReportDetail, delivery: ReportDelivery) {
    const { t } = this.texts;
    this.busy = true;
    this.notice = '';
    this.failure = '';
    try {
      await retryDelivery(this.slug, report.id, delivery.id);
      this.notice = t('reportDetail.deliveries.retried');
      await this.report.run();
    } catch (error) {
      this.failure = t('reportDetail.handling.failed', { detail: detailOf(error, t('errors.server')) });
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const { t } = this.texts;
    if (!this.allowed) return renderNotFound(t);
    return html`
      <p><a class="back" href=${href('reports', { slug: this.slug })}>${t('reports.title')}</a></p>
      ${this.report.render({
        // A reload after a change keeps the report on screen (the task's last value).
        pending: () => (this.report.value ? this.renderReport(this.report.value) : renderLoading(t)),
        error: (error) =>
          error instanceof NotFoundError
            ? html`<h1>${t('notFound.title')}</h1>
                <p>${t('reportDetail.notFound')}</p>
                <p><a href=${href('reports', { slug: this.slug })}>${t('reportDetail.backToInbox')}</a></p>`
            : error instanceof ReportWithdrawnError
              ? this.renderWithdrawn(error)
              : renderError(t, error, () => void this.report.run()),
        complete: (report) => (report ? this.renderReport(report) : nothing),
      })}
    `;
  }

  /** A report its reporter withdrew: only that, and when; nothing else of it is left. */
  private renderWithdrawn(error: ReportWithdrawnError) {
    const { t, locale } = this.texts;
    const at = error.withdrawnAt;
    return html`<h1>${t('reportDetail.withdrawn.title')}</h1>
      <p data-withdrawn>
        ${at ? t('reportDetail.withdrawn.text', { date: formatDateTime(locale, at) }) : t('reportDetail.withdrawn.textNoDate')}
      </p>
      <p><a href=${href('reports', { slug: this.slug })}>${t('reportDetail.backToInbox')}</a></p>`;
  }

  private renderReport(report: ReportDetail) {
    const { t } = this.texts;
    return html`
      <h1>${t('reportDetail.title', { reference: report.reference })}</h1>
      ${report.demo ? html`<p class="message">${t('reportDetail.demo')}</p>` : nothing}
      <div role="status">${this.notice ? html`<p class="message success">${this.notice}</p>` : nothing}</div>
      <div role="alert">${this.failure ? html`<p class="message error">${this.failure}</p>` : nothing}</div>
      <div class="columns">
        <div>${this.renderGiven(report)} ${this.renderPlace(report)}</div>
        <div>${this.renderHandling(report)} ${this.renderContact(report)}</div>
      </div>
      ${this.renderMessages(report)} ${this.renderFeedback(report)} ${this.renderDeliveries(report)}
      ${this.renderNotes(report)} ${this.renderTimeline(report)} ${this.renderRevealDialog(report)}
    `;
  }

  private renderGiven(report: ReportDetail) {
    const { t, locale } = this.texts;
    return html`<section aria-labelledby="given-title">
      <h2 id="given-title">${t('reportDetail.given.title')}</h2>
      <dl>
        <dt>${t('reportDetail.given.received')}</dt>
        <dd><time datetime=${report.receivedAt}>${formatDateTime(locale, report.receivedAt)}</time></dd>
        <dt>${t('reportDetail.given.occurred')}</dt>
        <dd>${formatOccurred(t, locale, report)}</dd>
        <dt>${t('reportDetail.given.role')}</dt>
        <dd>${t(`reportDetail.roles.${report.role}`)}</dd>
        <dt>${t('reportDetail.given.categories')}</dt>
        <dd>${report.categories.map((c) => c.label).join(', ')}</dd>
        <dt>${t('reportDetail.given.description')}</dt>
        <dd class="note-body">${report.description ?? t('reportDetail.given.noDescription')}</dd>
        ${
          report.intervened
            ? html`<dt>${t('reportDetail.given.intervened')}</dt>
                <dd>${t(`reportDetail.intervened.${report.intervened}`, { defaultValue: report.intervened })}</dd>`
            : nothing
        }
        ${report.extra.map(
          (answer) =>
            html`<dt>${answer.label}</dt>
              <dd>${answer.value}</dd>`,
        )}
        <dt>${t('reportDetail.given.language')}</dt>
        <dd>${t(`reportDetail.languages.${report.locale}`, { defaultValue: report.locale })}</dd>
        <dt>${t('reportDetail.given.via')}</dt>
        <dd>${report.via.name}</dd>
        <dt>${t('reportDetail.given.receivedBy')}</dt>
        <dd>${report.receivingTenant.name}</dd>
      </dl>
    </section>`;
  }

  private renderPlace(report: ReportDetail) {
    const { t } = this.texts;
    return html`<section aria-labelledby="place-title">
      <h2 id="place-title">${t('reportDetail.place.title')}</h2>
      <meldpunt-report-place .slug=${this.slug} .location=${report.location} .t=${t}></meldpunt-report-place>
    </section>`;
  }

  private renderHandling(report: ReportDetail) {
    const { t } = this.texts;
    // Waiting for the reporter only where a message can reach them.
    const moves = statusTransitions[report.status].filter((status) => status !== 'waiting' || report.receiptCode);
    const officers = this.officers.value ?? [];
    const meOfficer = this.me ? { id: this.me.id, name: this.me.name } : undefined;
    const error = (id: string) =>
      this.errors[id] ? html`<p class="field-error" id=${`${id}-error`}>${this.errors[id]}</p>` : nothing;
    const invalid = (id: string) => (this.errors[id] ? 'true' : 'false');
    const described = (id: string, hint?: string) =>
      [hint, this.errors[id] ? `${id}-error` : undefined].filter(Boolean).join(' ') || nothing;
    const moveLabel = (status: ReportStatus) =>
      report.status === 'closed' && status === 'in-progress'
        ? `${t('reportDetail.handling.reopen')} (${t('reportDetail.statuses.in-progress')})`
        : t(`reportDetail.statuses.${status}`);
    return html`<section aria-labelledby="handling-title">
      <h2 id="handling-title">${t('reportDetail.handling.title')}</h2>
      <p id="current-status">
        ${t('reportDetail.handling.status', { status: t(`reportDetail.statuses.${report.status}`) })}
      </p>
      ${
        report.referredTo
          ? html`<p>
              ${t('reportDetail.handling.referredTo', {
                target: t(`reportDetail.referralTargets.${report.referredTo}`),
              })}
            </p>`
          : nothing
      }
      ${
        report.closingReason
          ? html`<p>
              ${t('reportDetail.handling.closingReason', {
                reason: t(`reportDetail.closingReasons.${report.closingReason}`),
              })}
            </p>`
          : nothing
      }
      <form id="status-form" @submit=${(event: SubmitEvent) => void this.saveStatus(event, report)} novalidate>
        <div class="field">
          <label for="next-status">${t('reportDetail.handling.move')}</label>
          <p class="hint" id="next-status-hint">${t('reportDetail.handling.moveHint')}</p>
          <select
            id="next-status"
            aria-invalid=${invalid('next-status')}
            aria-describedby=${described('next-status', 'next-status-hint')}
            @change=${(event: Event) => {
              this.nextStatus = (event.target as HTMLSelectElement).value as ReportStatus | '';
              this.errors = {};
            }}
          >
            <option value="" ?selected=${this.nextStatus === ''}>${t('reportDetail.handling.choose')}</option>
            ${moves.map(
              (status) =>
                html`<option value=${status} ?selected=${this.nextStatus === status}>${moveLabel(status)}</option>`,
            )}
          </select>
          ${error('next-status')}
        </div>
        ${
          this.nextStatus === 'referred'
            ? html`<div class="field">
                <label for="refer-to">${t('reportDetail.handling.referTo')}</label>
                <select
                  id="refer-to"
                  aria-invalid=${invalid('refer-to')}
                  aria-describedby=${described('refer-to')}
                  @change=${(event: Event) =>
                    (this.referTo = (event.target as HTMLSelectElement).value as ReferralTarget | '')}
                >
                  <option value="" ?selected=${this.referTo === ''}>${t('reportDetail.handling.choose')}</option>
                  ${referralTargets.map(
                    (target) =>
                      html`<option value=${target} ?selected=${this.referTo === target}>
                        ${t(`reportDetail.referralTargets.${target}`)}
                      </option>`,
                  )}
                </select>
                ${error('refer-to')}
              </div>`
            : nothing
        }
        ${
          this.nextStatus === 'closed'
            ? html`<div class="field">
                <label for="close-reason">${t('reportDetail.handling.reason')}</label>
                <select
                  id="close-reason"
                  aria-invalid=${invalid('close-reason')}
                  aria-describedby=${described('close-reason')}
                  @change=${(event: Event) =>
                    (this.closeReason = (event.target as HTMLSelectElement).value as ClosingReason | '')}
                >
                  <option value="" ?selected=${this.closeReason === ''}>${t('reportDetail.handling.choose')}</option>
                  ${closingReasons.map(
                    (reason) =>
                      html`<option value=${reason} ?selected=${this.closeReason === reason}>
                        ${t(`reportDetail.closingReasons.${reason}`)}
                      </option>`,
                  )}
                </select>
                ${error('close-reason')}
              </div>`
            : nothing
        }
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${t('reportDetail.handling.save')}</button>
        </div>
      </form>
      <form
        id="assign-form"
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          const choice = this.assigneeChoice || (report.assignee?.id ?? '');
          void this.assign(report, choice === '' ? null : choice);
        }}
      >
        <div class="field">
          <label for="assignee">${t('reportDetail.handling.assignee')}</label>
          <select
            id="assignee"
            @change=${(event: Event) => (this.assigneeChoice = (event.target as HTMLSelectElement).value || 'none')}
          >
            <option value="" ?selected=${this.selectedAssignee(report) === ''}>
              ${t('reportDetail.handling.nobody')}
            </option>
            ${officers.map(
              (officer) =>
                html`<option value=${officer.id} ?selected=${this.selectedAssignee(report) === officer.id}>
                  ${officer.name}
                </option>`,
            )}
          </select>
        </div>
        <div class="actions">
          <button class="button secondary" type="submit" ?disabled=${this.busy}>
            ${t('reportDetail.handling.assign')}
          </button>
          ${
            meOfficer && report.assignee?.id !== meOfficer.id
              ? html`<button
                  class="button secondary"
                  type="button"
                  id="assign-me"
                  ?disabled=${this.busy}
                  @click=${() => void this.assign(report, meOfficer.id)}
                >
                  ${t('reportDetail.handling.assignMe')}
                </button>`
              : nothing
          }
        </div>
      </form>
    </section>`;
  }

  /** The officer chosen in the assignee list (`none`: nobody chosen on purpose), else the report's. */
  private selectedAssignee(report: ReportDetail): string {
    if (this.assigneeChoice === 'none') return '';
    return this.assigneeChoice || report.assignee?.id || '';
  }

  private renderContact(report: ReportDetail) {
    const { t, locale } = this.texts;
    const contact = report.contact;
    const revealed = this.revealed;
    const value = (text: string | null) => text ?? t('reportDetail.contact.notGiven');
    return html`<section aria-labelledby="contact-title">
      <h2 id="contact-title">${t('reportDetail.contact.title')}</h2>
      ${
        contact.erasedAt
          ? html`<p>${t('reportDetail.contact.erased', { date: formatDate(locale, contact.erasedAt) })}</p>`
          : !contact.present
            ? html`<p>${t('reportDetail.contact.none')}</p>`
            : revealed
              ? html`<dl id="revealed">
                    <dt>${t('reportDetail.contact.name')}</dt>
                    <dd>${value(revealed.name)}</dd>
                    <dt>${t('reportDetail.contact.email')}</dt>
                    <dd>
                      ${revealed.email ? html`<a href=${`mailto:${revealed.email}`}>${revealed.email}</a>` : value(null)}
                    </dd>
                    <dt>${t('reportDetail.contact.phone')}</dt>
                    <dd>${value(revealed.phone)}</dd>
                  </dl>
                  <div class="actions">
                    <button class="button secondary" type="button" @click=${() => (this.revealed = undefined)}>
                      ${t('reportDetail.contact.hide')}
                    </button>
                  </div>`
              : html`<p>${t('reportDetail.contact.hidden')}</p>
                  <div class="actions">
                    <button
                      class="button"
                      type="button"
                      id="show-contact"
                      @click=${() => {
                        this.revealError = '';
                        this.revealing = true;
                      }}
                    >
                      ${t('reportDetail.contact.show')}
                    </button>
                  </div>`
      }
      ${
        contact.present || contact.erasedAt
          ? html`<p>
              ${contact.wantsFollowUp ? t('reportDetail.contact.wantsFollowUp') : t('reportDetail.contact.noFollowUp')}
            </p>`
          : nothing
      }
      ${
        contact.erasesAt && !contact.erasedAt
          ? html`<p>${t('reportDetail.contact.erasesAt', { date: formatDate(locale, contact.erasesAt) })}</p>`
          : nothing
      }
      <p>${t('reportDetail.contact.deletesAt', { date: formatDate(locale, report.deletesAt) })}</p>
    </section>`;
  }

  /** Web Awesome's dialog (the native `<dialog>`: focus kept inside, Escape closes, focus returns after). */
  private renderRevealDialog(report: ReportDetail) {
    const { t } = this.texts;
    return html`<wa-dialog
      id="reveal-dialog"
      label=${t('reportDetail.contact.dialogTitle')}
      ?open=${this.revealing}
      @wa-after-hide=${(event: Event) => {
        if (event.target === event.currentTarget) this.revealing = false;
      }}
    >
      ${
        this.revealing
          ? html`<form @submit=${(event: SubmitEvent) => void this.reveal(event, report)} novalidate>
              <p>${t('reportDetail.contact.dialogText')}</p>
              <fieldset aria-describedby=${this.revealError ? 'reveal-error' : nothing}>
                <legend>${t('reportDetail.contact.reason')}</legend>
                ${contactRevealReasons.map(
                  (reason) =>
                    html`<label class="check"
                      ><input
                        type="radio"
                        name="reveal-reason"
                        value=${reason}
                        ?checked=${this.revealReason === reason}
                        @change=${() => {
                          this.revealReason = reason;
                          this.revealError = '';
                        }}
                      />
                      ${t(`reportDetail.revealReasons.${reason}`)}</label
                    >`,
                )}
              </fieldset>
              <div class="field">
                <label for="reveal-remark">${t('reportDetail.contact.remark')}</label>
                <p class="hint" id="reveal-remark-hint">${t('reportDetail.contact.remarkHint')}</p>
                <textarea
                  id="reveal-remark"
                  maxlength="300"
                  aria-describedby="reveal-remark-hint"
                  .value=${this.revealRemark}
                  @input=${(event: Event) => (this.revealRemark = (event.target as HTMLTextAreaElement).value)}
                ></textarea>
              </div>
              ${
                this.revealError
                  ? html`<p class="field-error" id="reveal-error" role="alert">${this.revealError}</p>`
                  : nothing
              }
              <div class="actions">
                <button class="button secondary" type="button" @click=${() => (this.revealing = false)}>
                  ${t('reportDetail.contact.cancel')}
                </button>
                <button class="button" type="submit" id="confirm-reveal" ?disabled=${this.busy}>
                  ${t('reportDetail.contact.confirm')}
                </button>
              </div>
            </form>`
          : nothing
      }
    </wa-dialog>`;
  }

  private renderDeliveries(report: ReportDetail) {
    const { t, locale } = this.texts;
    const state = (d: ReportDelivery) => {
      switch (d.status) {
        case 'sent':
          return d.sentAt ? t('reportDetail.deliveries.sent', { date: formatDateTime(locale, d.sentAt) }) : '';
        case 'retrying':
          return d.nextAttemptAt
            ? t('reportDetail.deliveries.retrying', {
                attempts: d.attempts,
                next: formatDateTime(locale, d.nextAttemptAt),
              })
            : t('reportDetail.deliveries.retryingNoTime', { attempts: d.attempts });
        case 'failed':
          return t('reportDetail.deliveries.failed', { attempts: d.attempts });
        default:
          return t(`reportDetail.deliveries.${d.status}`);
      }
    };
    return html`<section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">${t('reportDetail.deliveries.title')}</h2>
      ${
        report.deliveries.length === 0
          ? html`<p>${t('reportDetail.deliveries.none')}</p>`
          : html`<div class="table-box">
              <table>
                <caption>
                  ${t('reportDetail.deliveries.intro')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('reportDetail.deliveries.channel')}</th>
                    <th scope="col">${t('reportDetail.deliveries.target')}</th>
                    <th scope="col">${t('reportDetail.deliveries.state')}</th>
                    <th scope="col">${t('reportDetail.deliveries.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${report.deliveries.map((d) => {
                    const channel = t(`reportDetail.deliveries.channels.${d.channel}`);
                    return html`<tr data-delivery=${d.id}>
                      <th scope="row">${channel}</th>
                      <td>${d.target}</td>
                      <td>
                        ${state(d)}
                        ${
                          d.lastError && d.status !== 'sent'
                            ? html`<br /><span class="muted"
                                  >${t('reportDetail.deliveries.lastError', { error: d.lastError })}</span
                                >`
                            : nothing
                        }
                      </td>
                      <td>
                        ${
                          d.status === 'retrying' || d.status === 'failed'
                            ? html`<button
                                class="button secondary"
                                type="button"
                                data-retry=${d.id}
                                ?disabled=${this.busy}
                                aria-label=${t('reportDetail.deliveries.retryLabel', { channel, target: d.target })}
                                @click=${() => void this.retry(report, d)}
                              >
                                ${t('reportDetail.deliveries.retry')}
                              </button>`
                            : nothing
                        }
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }

  private renderNotes(report: ReportDetail) {
    const { t, locale } = this.texts;
    const error = this.errors['note'];
    return html`<section aria-labelledby="notes-title">
      <h2 id="notes-title">${t('reportDetail.notes.title')}</h2>
      <p id="notes-hint">${t('reportDetail.notes.hint')}</p>
      ${
        report.notes.length === 0
          ? html`<p>${t('reportDetail.notes.none')}</p>`
          : html`<ul class="notes">
              ${report.notes.map(
                (note) =>
                  html`<li>
                    <p class="muted">
                      ${t('reportDetail.notes.by', {
                        name: note.author?.name ?? t('reportDetail.notes.formerStaff'),
                        date: formatDateTime(locale, note.createdAt),
                      })}
                    </p>
                    <p class="note-body">${note.body}</p>
                  </li>`,
              )}
            </ul>`
      }
      <form id="note-form" @submit=${(event: SubmitEvent) => void this.submitNote(event, report)} novalidate>
        <div class="field">
          <label for="note">${t('reportDetail.notes.label')}</label>
          <textarea
            id="note"
            maxlength=${noteMaxLength}
            aria-describedby=${error ? 'notes-hint note-error' : 'notes-hint'}
            aria-invalid=${error ? 'true' : 'false'}
            .value=${this.noteDraft}
            @input=${(event: Event) => (this.noteDraft = (event.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${error ? html`<p class="field-error" id="note-error" role="alert">${error}</p>` : nothing}
        </div>
        <div class="actions">
          <button class="button secondary" type="submit" ?disabled=${this.busy}>${t('reportDetail.notes.add')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderMessages(report: ReportDetail) {
    const { t, locale } = this.texts;
    const error = this.errors['message'];
    const language = t(`reportDetail.languages.${report.locale}`, { defaultValue: report.locale });
    const from = (message: ReportMessage) =>
      message.from === 'reporter'
        ? t('reportDetail.messages.fromReporter')
        : message.author
          ? t('reportDetail.messages.fromMunicipality', { name: message.author.name })
          : t('reportDetail.messages.fromMunicipalityFormer');
    const left = messageMaxLength - this.messageDraft.length;
    const described = ['message-hint', 'message-count', error ? 'message-error' : ''].filter(Boolean).join(' ');
    return html`<section aria-labelledby="messages-title" class="messages">
      <h2 id="messages-title">${t('reportDetail.messages.title')}</h2>
      <p>${t('reportDetail.messages.intro')}</p>
      ${
        report.messages.length === 0
          ? html`<p>${t('reportDetail.messages.none')}</p>`
          : html`<ol class="thread" aria-label=${t('reportDetail.messages.threadCaption')}>
              ${report.messages.map(
                (message) =>
                  html`<li class=${`from-${message.from}`} data-message=${message.id}>
                    <p class="muted">
                      ${t('reportDetail.messages.at', {
                        from: from(message),
                        date: formatDateTime(locale, message.at),
                      })}
                    </p>
                    <p class="note-body" dir="auto">${message.body}</p>
                  </li>`,
              )}
            </ol>`
      }
      ${
        !report.receiptCode
          ? html`<p class="message" id="no-channel">
              ${t('reportDetail.messages.noChannel')}
              ${report.contact.present ? t('reportDetail.messages.noChannelContact') : nothing}
            </p>`
          : html`<form
              id="message-form"
              @submit=${(event: SubmitEvent) => void this.submitMessage(event, report)}
              novalidate
            >
              <p id="message-language">${t('reportDetail.messages.language', { language })}</p>
              <div class="field">
                <label for="message">${t('reportDetail.messages.label')}</label>
                <p class="hint" id="message-hint">${t('reportDetail.messages.hint')}</p>
                <textarea
                  id="message"
                  lang=${report.locale}
                  dir="auto"
                  maxlength=${messageMaxLength}
                  aria-describedby=${described}
                  aria-invalid=${error ? 'true' : 'false'}
                  .value=${this.messageDraft}
                  @input=${(event: Event) => (this.messageDraft = (event.target as HTMLTextAreaElement).value)}
                ></textarea>
                <p class="hint" id="message-count">
                  ${t('reportDetail.messages.counter', {
                    used: new Intl.NumberFormat(locale).format(this.messageDraft.length),
                    max: new Intl.NumberFormat(locale).format(messageMaxLength),
                  })}
                </p>
                <p class="visually-hidden" role="status" id="message-left">
                  ${left <= messageAnnounceFrom ? t('reportDetail.messages.remaining', { count: left }) : nothing}
                </p>
                ${error ? html`<p class="field-error" id="message-error" role="alert">${error}</p>` : nothing}
              </div>
              ${
                this.mayWait(report)
                  ? html`<label class="check"
                      ><input
                        type="checkbox"
                        id="wait-for-reply"
                        .checked=${this.waitForReply}
                        @change=${(event: Event) => (this.waitForReply = (event.target as HTMLInputElement).checked)}
                      />
                      ${t('reportDetail.messages.waitForReply')}</label
                    >`
                  : nothing
              }
              ${report.status === 'closed' ? html`<p class="hint">${t('reportDetail.messages.closedHint')}</p>` : nothing}
              <div class="actions">
                <button class="button" type="submit" ?disabled=${this.busy}>${t('reportDetail.messages.send')}</button>
              </div>
            </form>`
      }
    </section>`;
  }

  private renderFeedback(report: ReportDetail) {
    const { t, locale } = this.texts;
    return html`<section aria-labelledby="feedback-title">
      <h2 id="feedback-title">${t('reportDetail.feedback.title')}</h2>
      ${
        report.feedback.length === 0
          ? html`<p>${t('reportDetail.feedback.none')}</p>`
          : html`<dl class="feedback">
              ${report.feedback.map(
                (answer) =>
                  html`<dt>${t(`reportDetail.feedback.moments.${answer.moment}`)}</dt>
                    <dd data-feedback=${answer.moment}>
                      <p>
                        <strong>${t('reportDetail.feedback.rating', { rating: answer.rating })}</strong>
                        <span class="muted"
                          >— ${t('reportDetail.feedback.at', { date: formatDateTime(locale, answer.at) })}</span
                        >
                      </p>
                      <p class="note-body" dir="auto">${answer.comment ?? t('reportDetail.feedback.noComment')}</p>
                    </dd>`,
              )}
            </dl>`
      }
    </section>`;
  }

  private renderTimeline(report: ReportDetail) {
    const { t, locale } = this.texts;
    const what = (event: ReportEvent) => {
      switch (event.kind) {
        case 'status-changed':
          return t('reportDetail.timeline.status-changed', {
            status: event.status ? t(`reportDetail.statuses.${event.status}`) : '',
          });
        case 'assigned':
          return event.assignee
            ? t('reportDetail.timeline.assigned', { name: event.assignee.name })
            : t('reportDetail.timeline.unassigned');
        case 'contact-revealed':
          return t('reportDetail.timeline.contact-revealed', {
            reason: event.revealReason ? t(`reportDetail.revealReasons.${event.revealReason}`) : '',
          });
        default:
          return t(`reportDetail.timeline.${event.kind}`);
      }
    };
    return html`<section aria-labelledby="timeline-title">
      <h2 id="timeline-title">${t('reportDetail.timeline.title')}</h2>
      ${
        report.events.length === 0
          ? html`<p>${t('reportDetail.timeline.none')}</p>`
          : html`<ol class="timeline">
              ${report.events.map(
                (event) =>
                  html`<li>
                    <time datetime=${event.at}>${formatDateTime(locale, event.at)}</time>: ${what(event)}
                    ${
                      reporterEvents.has(event.kind)
                        ? nothing
                        : event.by
                          ? t('reportDetail.timeline.by', { name: event.by.name })
                          : t('reportDetail.timeline.system')
                    }
                    ${event.remark ? html`<br />${t('reportDetail.timeline.remark', { remark: event.remark })}` : nothing}
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }
}

define('meldpunt-report-page', MeldpuntReportPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-report-page': MeldpuntReportPage;
  }
}
