import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { Passkey } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { textsContext, type TextsContext } from '../../context.ts';
import { getMe } from '../../data/auth.ts';
import { ApiError } from '../../data/http.ts';
import {
  ceremonyProblem,
  createPasskey,
  listPasskeys,
  removePasskey,
  type CeremonyProblem,
} from '../../data/passkeys.ts';
import { emit } from '../../events.ts';
import { pageStyles } from '../../styles/theme.ts';

/**
 * "My passkeys": the signed-in person's passkeys (label, when made, when last used), adding another
 * (on this device or a security key) and removing one after a confirmation (Web Awesome's dialog). The
 * last one cannot be removed — the service refuses (409) and the page says why: without a passkey the
 * person could not sign in again. What happened is announced in a status line. Removing the passkey this
 * very session was signed in with ends the session (the service ends every session a removed passkey
 * started): the console then goes to sign-in and says so.
 *
 * @summary The account page with the person's passkeys.
 */
export class MeldpuntAccountPage extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    css`
      .passkeys {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      .passkeys li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
      }
      .passkeys h2 {
        margin: 0;
        font-size: 1.125rem;
        overflow-wrap: anywhere;
      }
      .passkeys p {
        margin: 0.25rem 0 0;
        color: var(--_meldpunt-muted);
      }
      form {
        display: grid;
        gap: 0.5rem;
        max-inline-size: 32rem;
      }
      label {
        font-weight: 600;
      }
      input {
        box-sizing: border-box;
        inline-size: 100%;
        min-block-size: var(--_meldpunt-target);
        padding: 0.5rem;
        font: inherit;
        border: 1px solid var(--_meldpunt-text);
        border-radius: var(--_meldpunt-radius);
      }
      input:focus-visible {
        outline: 3px solid var(--_meldpunt-link);
        outline-offset: 2px;
      }
    `,
  ];

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  /** The label typed for a new passkey (kept when adding fails). */
  @state() private label = '';
  @state() private adding = false;
  @state() private addProblem?: CeremonyProblem;
  /** The passkey whose removal waits for confirmation. */
  @state() private confirming?: Passkey;
  @state() private removeProblem?: 'last' | 'failed';
  /** What just happened, for the status line. */
  @state() private done = '';

  private passkeys = new Task(this, {
    task: (_args, { signal }) => listPasskeys(signal),
    args: () => [],
  });

  override render() {
    const { t } = this.texts;
    return html`
      <h1>${t('account.title')}</h1>
      <p>${t('account.intro')}</p>
      <p role="status">${this.done}</p>
      <div role="alert">
        ${
          this.removeProblem
            ? html`<p class="message error">
                ${t(this.removeProblem === 'last' ? 'account.lastPasskey' : 'account.removeFailed')}
              </p>`
            : ''
        }
      </div>
      ${this.passkeys.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.passkeys.run()),
        complete: (passkeys) => this.renderList(passkeys),
      })}
      ${this.renderAdd()} ${this.renderConfirm()}
    `;
  }

  private renderList(passkeys: Passkey[]) {
    const { t, locale } = this.texts;
    if (passkeys.length === 0) return html`<p>${t('account.empty')}</p>`;
    const date = (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    return html`
      <ul class="passkeys">
        ${passkeys.map(
          (passkey) => html`
            <li class="card">
              <div>
                <h2>${passkey.label}</h2>
                <p>${t('account.created', { date: date(passkey.createdAt) })}</p>
                <p>
                  ${passkey.lastUsedAt ? t('account.lastUsed', { date: date(passkey.lastUsedAt) }) : t('account.neverUsed')}
                </p>
              </div>
              <button class="button secondary" type="button" @click=${() => this.askToRemove(passkey)}>
                ${t('account.remove', { label: passkey.label })}
              </button>
            </li>
          `,
        )}
      </ul>
    `;
  }

  private renderAdd() {
    const { t } = this.texts;
    const problems: Record<CeremonyProblem, string> = {
      cancelled: t('passkeys.createCancelled'),
      exists: t('passkeys.exists'),
      unsupported: t('passkeys.unsupported'),
      'too-many': t('passkeys.createFailed'),
      failed: t('passkeys.createFailed'),
    };
    return html`
      <h2 id="add-title">${t('account.addTitle')}</h2>
      <form aria-labelledby="add-title" @submit=${this.add}>
        <label for="label">${t('account.label')}</label>
        <input
          id="label"
          name="label"
          autocomplete="off"
          maxlength="60"
          .value=${this.label}
          @input=${(e: Event) => (this.label = (e.target as HTMLInputElement).value)}
        />
        <div role="alert">
          ${this.addProblem ? html`<p class="message error">${problems[this.addProblem]}</p>` : ''}
        </div>
        <div>
          <button id="add" class="button" type="submit" aria-disabled=${this.adding ? 'true' : 'false'}>
            ${this.adding ? t('account.adding') : t('account.add')}
          </button>
        </div>
      </form>
    `;
  }

  private renderConfirm() {
    const { t } = this.texts;
    const label = this.confirming?.label ?? '';
    return html`
      <wa-dialog
        id="confirm-remove"
        label=${t('account.confirmTitle')}
        ?open=${this.confirming !== undefined}
        @wa-after-hide=${(event: Event) => {
          if (event.target === event.currentTarget) this.confirming = undefined;
        }}
      >
        <p>${t('account.confirmText', { label })}</p>
        <wa-button slot="footer" appearance="outlined" autofocus @click=${() => (this.confirming = undefined)}>
          ${t('account.cancel')}
        </wa-button>
        <wa-button slot="footer" variant="danger" @click=${this.confirmRemove}>${t('account.confirm')}</wa-button>
      </wa-dialog>
    `;
  }

  private askToRemove(passkey: Passkey) {
    this.removeProblem = undefined;
    this.done = '';
    this.confirming = passkey;
  }

  private async confirmRemove() {
    const passkey = this.confirming;
    if (!passkey) return;
    this.confirming = undefined;
    try {
      await removePasskey(passkey.id);
      // Removing the passkey this session was signed in with ends the session too (the service clears
      // its cookie): off to sign-in, saying why, instead of a page that can no longer load.
      if (!(await getMe({ passive: true }))) {
        emit(this, 'meldpunt-signed-out', { reason: 'passkey-removed' });
        return;
      }
      this.done = this.texts.t('account.removed', { label: passkey.label });
      await this.passkeys.run();
    } catch (error) {
      this.removeProblem = error instanceof ApiError && error.status === 409 ? 'last' : 'failed';
    }
  }

  private async add(event: SubmitEvent) {
    event.preventDefault();
    if (this.adding) return;
    this.adding = true;
    this.addProblem = undefined;
    this.done = '';
    try {
      await createPasskey({ label: this.label.trim() });
      this.done = this.texts.t('account.added');
      this.label = '';
      await this.passkeys.run();
    } catch (error) {
      this.addProblem = ceremonyProblem(error);
    } finally {
      this.adding = false;
    }
  }
}

define('meldpunt-account-page', MeldpuntAccountPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-account-page': MeldpuntAccountPage;
  }
}
