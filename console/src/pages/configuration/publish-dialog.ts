import { consume } from '@lit/context';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { textsContext, type TextsContext } from '../../context.ts';
import { DraftConflictError, publishDraft } from '../../data/config.ts';
import { ApiError } from '../../data/http.ts';
import { pageStyles } from '../../styles/theme.ts';
import { pathLabel } from './diff.ts';
import type { DraftStore } from './draft-store.ts';
import { formStyles } from './form-styles.ts';
import { fieldHref } from './sections.ts';

/** A version was published (or restored): the editor reloads its draft. */
export type ConfigPublishedEvent = CustomEvent<{ version: number }>;

declare global {
  interface HTMLElementEventMap {
    'meldpunt-config-published': ConfigPublishedEvent;
  }
}

type Outcome =
  | { kind: 'done'; version: number }
  | { kind: 'refused'; blockers: { path: string; message: string }[] }
  | { kind: 'savedFirst' | 'stale' | 'failed' };

/**
 * Publishing the draft (role `publisher`): a native modal `<dialog>` (the browser keeps the focus inside
 * and gives it back to the button that opened it) with the required note, what blocks publishing if
 * anything does (each with a link to its field), and the outcome. Saves what is not saved yet first.
 *
 * @summary The publish dialog of the configuration editor.
 * @fires meldpunt-config-published - A new version is published.
 */
export class MeldpuntConfigPublishDialog extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles, formStyles];

  /** The tenant's slug. */
  @property({ attribute: false }) slug = '';
  /** The editor's draft (saved before publishing). */
  @property({ attribute: false }) store?: DraftStore;

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @state() private note = '';
  @state() private noteError?: string;
  @state() private busy = false;
  @state() private outcome?: Outcome;

  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the dialog (the note field takes the focus). */
  async open() {
    this.note = '';
    this.noteError = undefined;
    this.outcome = undefined;
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('#publish-note, #publish-close')?.focus();
  }

  close() {
    this.dialog.close();
  }

  override render() {
    const { t } = this.texts;
    return html`<dialog aria-labelledby="publish-title" @close=${() => (this.busy = false)}>
      <h2 id="publish-title">${t('publish.title')}</h2>
      ${this.outcome?.kind === 'done' ? this.renderDone(this.outcome.version) : this.renderForm()}
    </dialog>`;
  }

  private renderDone(version: number) {
    const { t } = this.texts;
    return html`<p class="message" role="status" id="publish-outcome" tabindex="-1">
        ${t('publish.done', { version })}
      </p>
      <div class="actions">
        <button class="button" type="button" id="publish-close" @click=${this.close}>${t('publish.close')}</button>
      </div>`;
  }

  private renderBlockers(blockers: readonly { path: string; message: string }[]) {
    const { t, locale } = this.texts;
    return html`<ul class="blockers">
      ${blockers.map(
        (b) =>
          html`<li>
            <a href=${fieldHref(this.slug, b.path)} @click=${this.close}>${pathLabel(b.path, t, locale)}</a>:
            ${b.message}
          </li>`,
      )}
    </ul>`;
  }

  private renderForm() {
    const { t } = this.texts;
    const blockers = this.store?.draft?.publishBlockers ?? [];
    const outcome = this.outcome;
    return html`
      ${
        outcome
          ? html`<div class="message error" role="alert" id="publish-outcome" tabindex="-1">
              <p>${t(outcome.kind === 'refused' ? 'publish.refused' : `publish.${outcome.kind}`)}</p>
              ${outcome.kind === 'refused' ? this.renderBlockers(outcome.blockers) : nothing}
            </div>`
          : nothing
      }
      ${
        blockers.length > 0 && outcome?.kind !== 'refused'
          ? html`<div class="message error" id="publish-blocked">
                <p><strong>${t('publish.blockedTitle')}</strong></p>
                <p>${t('publish.blockedIntro')}</p>
                ${this.renderBlockers(blockers)}
              </div>
              <div class="actions">
                <button class="button secondary" type="button" id="publish-close" @click=${this.close}>
                  ${t('publish.close')}
                </button>
              </div>`
          : html`<p>${t('publish.intro')}</p>
              <form @submit=${this.publish} novalidate>
                ${field(
                  {
                    id: 'publish-note',
                    label: t('publish.note'),
                    hint: t('publish.noteHint'),
                    ...(this.noteError ? { error: this.noteError } : {}),
                  },
                  (aria) =>
                    html`<textarea
                      id="publish-note"
                      rows="3"
                      maxlength="500"
                      required
                      aria-invalid=${aria.invalid}
                      aria-describedby=${aria.describedBy}
                      .value=${this.note}
                      @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
                    ></textarea>`,
                )}
                <div class="actions">
                  <button class="button" type="submit" ?disabled=${this.busy}>
                    ${this.busy ? t('publish.publishing') : t('publish.submit')}
                  </button>
                  <button class="button secondary" type="button" @click=${this.close}>${t('publish.cancel')}</button>
                </div>
              </form>`
      }
    `;
  }

  private async publish(event: Event) {
    event.preventDefault();
    const store = this.store;
    if (!store || this.busy) return;
    const { t } = this.texts;
    const note = this.note.trim();
    if (!note) {
      this.noteError = t('publish.noteRequired');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#publish-note')?.focus();
      return;
    }
    this.noteError = undefined;
    this.busy = true;
    try {
      await store.flush();
      if (store.dirty || !store.draft) return await this.show({ kind: 'savedFirst' });
      const version = await publishDraft(this.slug, note, store.draft.etag);
      this.dispatchEvent(
        new CustomEvent('meldpunt-config-published', {
          detail: { version: version.version },
          bubbles: true,
          composed: true,
        }),
      );
      await this.show({ kind: 'done', version: version.version });
    } catch (error) {
      if (error instanceof DraftConflictError) {
        await store.absorb(error);
        await this.show({ kind: 'stale' });
      } else if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) {
        await this.show({ kind: 'refused', blockers: error.problem.errors });
      } else {
        await this.show({ kind: 'failed' });
      }
    } finally {
      this.busy = false;
    }
  }

  /** Shows the outcome and moves the focus to it (a screen reader reads it at once). */
  private async show(outcome: Outcome) {
    this.outcome = outcome;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#publish-outcome')?.focus();
  }
}

define('meldpunt-config-publish-dialog', MeldpuntConfigPublishDialog);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-publish-dialog': MeldpuntConfigPublishDialog;
  }
}
