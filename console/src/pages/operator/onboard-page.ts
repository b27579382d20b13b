import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { Me, Municipality, Onboarded } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { renderError } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { isProblem, onboardMunicipality, problemTypes, searchMunicipalities } from '../../data/operator.ts';
import { may } from '../../permissions.ts';
import { href } from '../../router.ts';
import { pageStyles } from '../../styles/theme.ts';
import { operatorStyles } from './operator-styles.ts';

/** A plausible e-mail address (the server checks it again). */
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The platform operator onboards a municipality: picks it from the 342 by name (a combobox over the
 * municipalities API; code and slug follow), types the first admin's address, marks a demo tenant,
 * then sees exactly what will happen in one confirmation step, and finally that the invitation went.
 *
 * Web Awesome 3 (free) has no combobox or autocomplete, and its `<wa-input>` keeps the `<input>` in its
 * own shadow root, where `aria-activedescendant` and `aria-controls` cannot reach a listbox outside it.
 * So the search is the WAI-ARIA combobox pattern with a native input and a listbox in this element's
 * shadow root, styled with our tokens like every other control of the console.
 *
 * @summary Onboard a municipality (platform operator).
 */
export class MeldpuntOnboardPage extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles, operatorStyles];

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  /** `form` → `confirm` → `done`. */
  @state() private phase: 'form' | 'confirm' | 'done' = 'form';
  @state() private query = '';
  @state() private open = false;
  /** The option the arrow keys are on (`aria-activedescendant`), by index. */
  @state() private active = -1;
  @state() private chosen: Municipality | undefined;
  @state() private email = '';
  @state() private demo = false;
  @state() private errors: { municipality?: string; email?: string } = {};
  @state() private sending = false;
  @state() private failure: unknown;
  @state() private onboarded: Onboarded | undefined;

  private search = new Task(this, {
    task: async ([query], { signal }) => {
      const q = query.trim();
      if (!q) return [] as Municipality[];
      // Wait for a pause in typing; a newer keystroke aborts this run.
      await new Promise((resolve) => setTimeout(resolve, 150));
      signal.throwIfAborted();
      return searchMunicipalities(q, signal);
    },
    args: () => [this.query] as const,
  });

  override render() {
    const { t } = this.texts;
    if (!may(this.me, 'tenants.listAll')) {
      return html`<h1>${t('notFound.title')}</h1>
        <p>${t('notFound.text')}</p>`;
    }
    const body =
      this.phase === 'confirm' && this.chosen
        ? this.renderConfirm(this.chosen)
        : this.phase === 'done' && this.onboarded
          ? this.renderDone(this.onboarded)
          : this.renderForm();
    return html`<h1>${t('operator.onboard.title')}</h1>
      ${body}`;
  }

  private renderForm() {
    const { t } = this.texts;
    return html`<p>${t('operator.onboard.intro')}</p>
      <form novalidate @submit=${this.next}>
        ${field(
          {
            id: 'municipality',
            label: t('operator.onboard.municipality'),
            hint: t('operator.onboard.municipalityHint'),
            describedBy: ['municipality-status', this.chosen ? 'municipality-chosen' : undefined],
            ...(this.errors.municipality ? { error: this.errors.municipality } : {}),
            after: html`${this.renderListbox()}
              <p id="municipality-status" class="hint" role="status">${this.statusText()}</p>
              ${
                this.chosen
                  ? html`<p id="municipality-chosen">
                      <strong>${t('operator.onboard.chosen', { ...this.chosen })}</strong>
                    </p>`
                  : nothing
              }`,
          },
          (aria) =>
            html`<input
              id="municipality"
              type="text"
              role="combobox"
              autocomplete="off"
              spellcheck="false"
              aria-autocomplete="list"
              aria-controls="municipality-list"
              aria-expanded=${this.open && this.options().length > 0 ? 'true' : 'false'}
              aria-activedescendant=${this.active >= 0 ? `option-${this.options()[this.active]?.code}` : nothing}
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${this.query}
              @input=${this.typed}
              @keydown=${this.keydown}
              @blur=${() => (this.open = false)}
            />`,
        )}
        ${field(
          {
            id: 'admin-email',
            label: t('operator.onboard.adminEmail'),
            hint: t('operator.onboard.adminEmailHint'),
            ...(this.errors.email ? { error: this.errors.email } : {}),
          },
          (aria) =>
            html`<input
              id="admin-email"
              type="email"
              autocomplete="off"
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${this.email}
              @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
            />`,
        )}
        <p class="check">
          <input
            id="demo"
            type="checkbox"
            .checked=${this.demo}
            @change=${(e: Event) => (this.demo = (e.target as HTMLInputElement).checked)}
          />
          <label for="demo">${t('operator.onboard.demo')}</label>
        </p>
        <div class="actions">
          <button class="button" type="submit">${t('operator.onboard.next')}</button>
          <a class="button secondary" href=${href('tenants')}>${t('operator.onboard.toTenants')}</a>
        </div>
      </form>`;
  }

  /** The municipalities found, while the list is open. */
  private options(): Municipality[] {
    return this.search.value ?? [];
  }

  private statusText(): string {
    const { t } = this.texts;
    if (!this.open || !this.query.trim()) return '';
    if (this.search.status === TaskStatus.PENDING) return t('operator.onboard.searching');
    if (this.search.status === TaskStatus.COMPLETE) {
      const count = this.options().length;
      return count === 0 ? t('operator.onboard.noResults') : t('operator.onboard.results', { count });
    }
    return '';
  }

  private renderListbox() {
    const { t } = this.texts;
    const options = this.options();
    if (this.search.status === TaskStatus.ERROR) return renderError(t, this.search.error);
    return html`<ul
      id="municipality-list"
      role="listbox"
      aria-label=${t('operator.onboard.municipality')}
      ?hidden=${!this.open || options.length === 0}
    >
      ${options.map(
        (m, i) =>
          html`<li
            id=${`option-${m.code}`}
            role="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            aria-disabled=${m.tenant ? 'true' : nothing}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.choose(m)}
          >
            <span>${m.name}</span>
            <small>${m.code} · ${m.slug}${m.tenant ? ` · ${t('operator.onboard.alreadyTenant')}` : ''}</small>
          </li>`,
      )}
    </ul>`;
  }

  private typed(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.open = true;
    this.active = -1;
    if (this.chosen && this.chosen.name !== this.query) this.chosen = undefined;
  }

  private keydown(event: KeyboardEvent) {
    const options = this.options();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.open = true;
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + options.length) % options.length;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector('[role="option"][aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }),
      );
    } else if (event.key === 'Enter' && this.open && this.active >= 0) {
      event.preventDefault();
      const option = options[this.active];
      if (option) this.choose(option);
    } else if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      this.open = false;
      this.active = -1;
    }
  }

  private choose(municipality: Municipality) {
    if (municipality.tenant) return;
    this.chosen = municipality;
    this.query = municipality.name;
    this.open = false;
    this.active = -1;
    this.errors = this.errors.email ? { email: this.errors.email } : {};
  }

  private next(event: Event) {
    event.preventDefault();
    const { t } = this.texts;
    const errors: { municipality?: string; email?: string } = {};
    if (!this.chosen) errors.municipality = t('operator.onboard.errorMunicipality');
    if (!emailPattern.test(this.email.trim())) errors.email = t('operator.onboard.errorEmail');
    this.errors = errors;
    if (errors.municipality || errors.email) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(errors.municipality ? '#municipality' : '#admin-email')?.focus(),
      );
      return;
    }
    this.failure = undefined;
    this.phase = 'confirm';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#confirm-title')?.focus());
  }

  private renderConfirm(m: Municipality) {
    const { t } = this.texts;
    const email = this.email.trim();
    return html`<section aria-labelledby="confirm-title">
      <h2 id="confirm-title" tabindex="-1">${t('operator.onboard.confirmTitle')}</h2>
      <ul class="summary">
        <li>${t('operator.onboard.confirmTenant', { ...m })}</li>
        <li>${t('operator.onboard.confirmConfig')}</li>
        <li>${t('operator.onboard.confirmInvite', { email })}</li>
        ${this.demo ? html`<li>${t('operator.onboard.confirmDemo')}</li>` : nothing}
      </ul>
      ${this.failure ? this.renderFailure() : nothing}
      <div class="actions">
        <button class="button" type="button" ?disabled=${this.sending} @click=${this.confirm}>
          ${this.sending ? t('operator.onboard.sending') : t('operator.onboard.confirm')}
        </button>
        <button class="button secondary" type="button" ?disabled=${this.sending} @click=${this.back}>
          ${t('operator.onboard.back')}
        </button>
      </div>
    </section>`;
  }

  private renderFailure() {
    const { t } = this.texts;
    if (isProblem(this.failure, problemTypes.tenantExists)) {
      return html`<div class="message error" role="alert"><p>${t('operator.onboard.errorExists')}</p></div>`;
    }
    if (isProblem(this.failure, problemTypes.validation)) {
      return html`<div class="message error" role="alert"><p>${t('operator.onboard.errorInvalid')}</p></div>`;
    }
    return renderError(t, this.failure);
  }

  private back() {
    this.phase = 'form';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#municipality')?.focus());
  }

  private async confirm() {
    if (!this.chosen) return;
    this.sending = true;
    this.failure = undefined;
    try {
      this.onboarded = await onboardMunicipality({
        municipalityCode: this.chosen.code,
        adminEmail: this.email.trim(),
        demo: this.demo,
      });
      this.phase = 'done';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#done')?.focus());
    } catch (error) {
      this.failure = error;
    } finally {
      this.sending = false;
    }
  }

  private renderDone(done: Onboarded) {
    const { t } = this.texts;
    return html`<div id="done" class="message" role="status" tabindex="-1">
        <p>${t('operator.onboard.success', { name: done.name, email: this.email.trim() })}</p>
      </div>
      <div class="actions">
        <a class="button" href=${href('tenants')}>${t('operator.onboard.toTenants')}</a>
        <button class="button secondary" type="button" @click=${this.reset}>${t('operator.onboard.another')}</button>
      </div>`;
  }

  private reset() {
    this.phase = 'form';
    this.query = '';
    this.chosen = undefined;
    this.email = '';
    this.demo = false;
    this.errors = {};
    this.onboarded = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#municipality')?.focus());
  }
}

define('meldpunt-onboard-page', MeldpuntOnboardPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-onboard-page': MeldpuntOnboardPage;
  }
}
