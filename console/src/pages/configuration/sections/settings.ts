import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { MailLocale, SettingsInput, SettingsView, TestDelivery } from '@meldpunt/contracts';
import { defaultMinimumCount, minimumCountCeiling, minimumCountFloor } from '@meldpunt/contracts/backoffice-values';
import { supportedLocales } from '@meldpunt/contracts/limits';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../../components/task-states.ts';
import { textsContext, type TextsContext } from '../../../context.ts';
import { ApiError, NotFoundError } from '../../../data/http.ts';
import {
  checkOrigin,
  getSettings,
  isFinalStatus,
  listTestDeliveries,
  saveSettings,
  sendTestDelivery,
} from '../../../data/settings.ts';
import type { Translate } from '../../../i18n.ts';
import { formStyles, pageStyles, webAwesomeTheme } from '../../../styles/theme.ts';

/** The languages the forwarded e-mail can be written in (`mailLocales` of the contracts: every supported one). */
const mailLocales: readonly MailLocale[] = supportedLocales;
/** At most this many e-mail recipients (the contracts' limit). */
const maxRecipients = 20;
/** At most this many characters in the mail's opening line. */
const maxIntro = 2000;

/** One recipient as typed; `id` keeps its fields apart while others are added or removed. */
interface RecipientDraft {
  id: number;
  address: string;
  /** A new armoured public key; empty: keep the stored one (or none). */
  newKey: string;
  /** Remove the stored key. */
  removeKey: boolean;
}

/** The form as typed (kept through every error: nothing typed is lost). */
interface FormDraft {
  origins: string;
  recipients: RecipientDraft[];
  mailLocale: MailLocale | '';
  mailIntro: string;
  webhookUrl: string;
  reports: string;
  minutes: string;
  keepReportsElsewhere: boolean;
  /** The figures' smallest count shown (issue 14). */
  minimumCount: string;
}

type Outcome =
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'stale'; newer: SettingsView | undefined }
  | { kind: 'failed'; error: unknown };

/** Upper-case hex in groups of four, as mail programs show a fingerprint. */
export function groupFingerprint(fingerprint: string): string {
  return (
    fingerprint
      .replace(/\s+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join(' ') ?? fingerprint
  );
}

/** A test delivery's classified failure (`smtp-550`, `http-500`, `ECONNREFUSED`, …) in words. */
export function failureInWords(t: Translate, error: string): string {
  const smtp = /^smtp-(\d{3})$/.exec(error);
  if (smtp) {
    const code = Number(smtp[1]);
    const permanent = code >= 500 && code !== 503;
    return t(`privateSettings.test.reasons.${permanent ? 'smtp-permanent' : 'smtp-temporary'}`, { code });
  }
  const http = /^http-(\d{3})$/.exec(error);
  if (http) return t('privateSettings.test.reasons.http', { code: http[1] });
  const named = [
    'webhook-forbidden-address',
    'pgp-key-invalid',
    'pgp-key-unusable',
    'recipient-removed',
    'webhook-removed',
    'timeout',
  ];
  if (named.includes(error)) return t(`privateSettings.test.reasons.${error}`);
  if (/^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(error)) return t('privateSettings.test.reasons.network', { code: error });
  return t('privateSettings.test.reasons.other', { code: error });
}

/**
 * The tenant's private settings (role `admin`; never in the public config): the websites allowed to embed
 * the form, with a check "may my page send reports?"; the e-mail recipients with their optional PGP keys
 * (fingerprint, user ids and expiry shown; a key left empty is kept); the e-mail's language and opening
 * line; the webhook, whose secret the service makes and this page shows once; the rate limit within the
 * operator's bounds; and whether reports about other municipalities stay here. Saved whole with
 * `If-Match`: when someone else saved meanwhile, it says who and keeps what was typed. A test delivery
 * goes to the saved targets and its outcome per target is followed until final.
 *
 * @summary The tenant's private settings and the test delivery.
 */
export class MeldpuntConfigSettings extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    webAwesomeTheme,
    pageStyles,
    formStyles,
    css`
      form,
      .group {
        display: grid;
        gap: 1rem;
        max-inline-size: 44rem;
      }
      fieldset {
        border: 1px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
        padding: var(--_meldpunt-space);
        margin: 0;
        display: grid;
        gap: 1rem;
        min-inline-size: 0;
      }
      legend {
        font-weight: 700;
        font-size: 1.125rem;
        padding-inline: 0.25rem;
      }
      .note {
        margin: 0;
        color: var(--_meldpunt-muted);
      }
      textarea.key {
        font-family: ui-monospace, monospace;
        font-size: 0.875rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      .row > .field {
        flex: 1 1 12rem;
      }
      dl.key {
        margin: 0;
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
      }
      dl.key dt {
        font-weight: 600;
      }
      dl.key dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      code {
        overflow-wrap: anywhere;
        background: var(--_meldpunt-surface);
        padding: 0.25rem 0.5rem;
      }
      .secret {
        border: 3px solid var(--_meldpunt-primary);
        border-radius: var(--_meldpunt-radius);
        padding: var(--_meldpunt-space);
        margin-block: 1rem;
        display: grid;
        gap: 0.5rem;
      }
      .secret h3 {
        margin: 0;
      }
      .secret .value {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .summary ul {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
      .linklike {
        font: inherit;
        color: var(--_meldpunt-link);
        background: none;
        border: none;
        padding: 0.25rem 0;
        text-decoration: underline;
        cursor: pointer;
        text-align: start;
        min-block-size: var(--_meldpunt-target);
      }
      .targets {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      .targets li {
        border-inline-start: 4px solid var(--_meldpunt-border);
        padding-inline-start: 0.75rem;
      }
      .targets li.failed {
        border-inline-start-color: var(--_meldpunt-error);
      }
      .targets p {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .dialog-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin-block-start: 1rem;
      }
    `,
  ];

  /** The tenant's slug. */
  @property({ attribute: 'slug' }) slug = '';

  /** How often, in milliseconds, a test delivery's outcome is asked again until it is final. */
  @property({ attribute: false }) pollInterval = 2000;

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  /** The settings as last read or saved. */
  @state() private view?: SettingsView;
  @state() private draft?: FormDraft;
  /** Errors to show beside the fields, by control id. */
  @state() private errors: ReadonlyMap<string, string> = new Map();
  @state() private outcome?: Outcome;
  @state() private busy = false;
  /** The webhook secret of the last save, shown this once (gone with the next reload). */
  @state() private newSecret?: string;
  @state() private confirmRotate = false;
  @state() private originInput = '';
  @state() private originAnswer?: { message: string; allowed: boolean } | undefined;
  @state() private originBusy = false;
  @state() private testDelivery?: TestDelivery;
  @state() private testProblem?: string | undefined;
  @state() private testBusy = false;

  private nextRecipientId = 1;
  private pollTimer?: ReturnType<typeof setTimeout>;

  private settings = new Task(this, {
    task: async ([slug], { signal }) => {
      const [view] = await Promise.all([
        getSettings(slug, signal),
        import('@awesome.me/webawesome/dist/components/copy-button/copy-button.js'),
        import('@awesome.me/webawesome/dist/components/dialog/dialog.js'),
      ]);
      this.adopt(view);
      this.newSecret = undefined;
      this.outcome = undefined;
      this.errors = new Map();
      return view;
    },
    args: () => [this.slug] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  /** Takes the settings the service answered into the form (keys are never sent back: their fields start empty). */
  private adopt(view: SettingsView) {
    this.view = view;
    const s = view.settings;
    this.draft = {
      origins: s.allowedOrigins.join('\n'),
      recipients: s.delivery.email.map((r) => ({
        id: this.nextRecipientId++,
        address: r.address,
        newKey: '',
        removeKey: false,
      })),
      mailLocale: s.delivery.mail?.locale ?? '',
      mailIntro: s.delivery.mail?.intro ?? '',
      webhookUrl: s.delivery.webhook?.url ?? '',
      reports: String(s.rateLimit.reports),
      minutes: String(s.rateLimit.windowSeconds / 60),
      keepReportsElsewhere: s.routing.keepReportsElsewhere,
      minimumCount: String(s.figures?.minimumCount ?? defaultMinimumCount),
    };
  }

  override render() {
    const { t } = this.texts;
    return html`
      <h2>${t('privateSettings.title')}</h2>
      ${this.settings.render({
        pending: () => renderLoading(t),
        error: (error) =>
          error instanceof NotFoundError || (error instanceof ApiError && error.status === 403)
            ? html`<p class="message" id="not-available">${t('privateSettings.notAvailable')}</p>`
            : renderError(t, error, () => void this.settings.run()),
        complete: () => this.renderForm(),
      })}
    `;
  }

  private formatDate(iso: string): string {
    return new Date(iso).toLocaleString(this.texts.locale === 'nl' ? 'nl-NL' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
    });
  }

  private renderSaved() {
    const { t } = this.texts;
    const view = this.view;
    if (!view?.updatedAt) return html`<p class="note">${t('privateSettings.neverSaved')}</p>`;
    const date = this.formatDate(view.updatedAt);
    return html`<p class="note">
      ${
        view.updatedBy
          ? t('privateSettings.lastSaved', { name: view.updatedBy.name, date })
          : t('privateSettings.lastSavedUnknown', { date })
      }
    </p>`;
  }

  private renderForm() {
    const { t } = this.texts;
    const draft = this.draft;
    const view = this.view;
    if (!draft || !view) return nothing;
    return html`
      <p>${t('privateSettings.intro')}</p>
      ${this.renderSaved()} ${this.renderOutcome()}
      <form @submit=${this.onSubmit} novalidate>
        ${this.renderOrigins(draft)} ${this.renderRecipients(draft)} ${this.renderMail(draft)}
        ${this.renderWebhook(draft, view)} ${this.renderRateLimit(draft, view)} ${this.renderRouting(draft)}
        ${this.renderFigures(draft)}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>
            ${this.busy ? t('privateSettings.saving') : t('privateSettings.save')}
          </button>
        </div>
      </form>
      ${this.renderTestDelivery()} ${this.renderRotateDialog()}
    `;
  }

  private set<K extends keyof FormDraft>(key: K, value: FormDraft[K]) {
    if (this.draft) this.draft = { ...this.draft, [key]: value };
  }

  private setRecipient(index: number, change: Partial<RecipientDraft>) {
    if (!this.draft) return;
    const recipients = this.draft.recipients.map((r, i) => (i === index ? { ...r, ...change } : r));
    this.draft = { ...this.draft, recipients };
  }

  // ——— The outcome of a save ———

  private renderOutcome() {
    const { t } = this.texts;
    const outcome = this.outcome;
    if (!outcome) return nothing;
    if (outcome.kind === 'saved') {
      if (this.newSecret) return this.renderNewSecret();
      return html`<p class="message" role="status" id="outcome" tabindex="-1">${t('privateSettings.saved')}</p>`;
    }
    if (outcome.kind === 'failed') {
      return html`<div id="outcome" tabindex="-1">${renderError(t, outcome.error)}</div>`;
    }
    if (outcome.kind === 'stale') {
      const newer = outcome.newer;
      const by = newer?.updatedBy?.name;
      return html`<div class="message error" role="alert" id="outcome" tabindex="-1">
        <p>${by ? t('privateSettings.staleBy', { name: by }) : t('privateSettings.stale')}</p>
        ${newer?.updatedAt ? html`<p>${t('privateSettings.staleAt', { date: this.formatDate(newer.updatedAt) })}</p>` : nothing}
        <p>${t('privateSettings.staleHelp')}</p>
        <div class="actions">
          <button class="button secondary" type="button" id="stale-reload" @click=${this.reloadNewer}>
            ${t('privateSettings.staleReload')}
          </button>
          ${
            newer
              ? html`<button class="button" type="button" id="stale-keep" @click=${this.saveOverNewer}>
                  ${t('privateSettings.staleKeep')}
                </button>`
              : nothing
          }
        </div>
      </div>`;
    }
    const entries = [...this.errors];
    return html`<div class="message error summary" role="alert" id="outcome" tabindex="-1">
      <p>${t('privateSettings.invalid', { count: entries.length })}</p>
      <ul>
        ${entries.map(
          ([id, message]) =>
            html`<li>
              <button class="linklike" type="button" @click=${() => this.focusControl(id)}>${message}</button>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderNewSecret() {
    const { t } = this.texts;
    return html`<section class="secret" role="alert" id="outcome" tabindex="-1" aria-labelledby="new-secret-title">
      <p class="note">${t('privateSettings.saved')}</p>
      <h3 id="new-secret-title">${t('privateSettings.webhook.newSecretTitle')}</h3>
      <p>${t('privateSettings.webhook.newSecretText')}</p>
      <div class="value">
        <code id="new-secret">${this.newSecret}</code>
        <wa-copy-button
          value=${this.newSecret ?? ''}
          copy-label=${t('privateSettings.webhook.copy')}
          success-label=${t('embed.copied')}
          error-label=${t('embed.copyFailed')}
        ></wa-copy-button>
      </div>
    </section>`;
  }

  private focusControl(id: string) {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  // ——— Allowed origins and the origin check ———

  private renderOrigins(draft: FormDraft) {
    const { t } = this.texts;
    return html`<fieldset>
      <legend>${t('privateSettings.origins.title')}</legend>
      ${field(
        {
          id: 'allowedOrigins',
          label: t('privateSettings.origins.label'),
          hint: t('privateSettings.origins.hint'),
          error: this.errors.get('allowedOrigins'),
        },
        (aria) =>
          html`<textarea
            id="allowedOrigins"
            rows="4"
            spellcheck="false"
            autocomplete="off"
            aria-invalid=${aria.invalid}
            aria-describedby=${aria.describedBy}
            .value=${draft.origins}
            @input=${(e: Event) => this.set('origins', (e.target as HTMLTextAreaElement).value)}
          ></textarea>`,
      )}
      <div class="row">
        ${field(
          {
            id: 'originCheck',
            label: t('privateSettings.origins.checkLabel'),
            hint: t('privateSettings.origins.checkHint'),
          },
          (aria) =>
            html`<input
              id="originCheck"
              type="url"
              spellcheck="false"
              autocomplete="off"
              aria-describedby=${aria.describedBy}
              .value=${this.originInput}
              @input=${(e: Event) => {
                this.originInput = (e.target as HTMLInputElement).value;
              }}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void this.runOriginCheck();
                }
              }}
            />`,
        )}
        <button
          class="button secondary"
          type="button"
          id="originCheckButton"
          ?disabled=${this.originBusy}
          @click=${this.runOriginCheck}
        >
          ${this.originBusy ? t('privateSettings.origins.checking') : t('privateSettings.origins.check')}
        </button>
      </div>
      <p role="status" id="originAnswer" class=${this.originAnswer && !this.originAnswer.allowed ? 'field-error' : ''}>
        ${this.originAnswer?.message ?? ''}
      </p>
    </fieldset>`;
  }

  private async runOriginCheck() {
    const { t } = this.texts;
    const origin = this.originInput.trim();
    if (!origin) {
      this.originAnswer = { message: t('privateSettings.origins.checkEmpty'), allowed: false };
      return;
    }
    this.originBusy = true;
    try {
      const answer = await checkOrigin(this.slug, origin);
      this.originAnswer = {
        message: t(`privateSettings.origins.reasons.${answer.reason}`, { origin: answer.origin ?? origin }),
        allowed: answer.allowed,
      };
    } catch (error) {
      this.originAnswer = {
        message: error instanceof ApiError ? t('errors.server') : t('errors.network'),
        allowed: false,
      };
    } finally {
      this.originBusy = false;
    }
  }

  // ——— E-mail recipients ———

  private renderRecipients(draft: FormDraft) {
    const { t } = this.texts;
    const recipientsError = this.errors.get('recipients');
    return html`<fieldset aria-describedby=${recipientsError ? 'recipients-error' : nothing}>
      <legend>${t('privateSettings.recipients.title')}</legend>
      <p class="hint">${t('privateSettings.recipients.intro')}</p>
      ${draft.recipients.length === 0 ? html`<p>${t('privateSettings.recipients.none')}</p>` : nothing}
      ${draft.recipients.map((r, i) => this.renderRecipient(r, i))}
      ${recipientsError ? html`<p class="field-error" id="recipients-error">${recipientsError}</p>` : nothing}
      <div class="actions">
        ${
          draft.recipients.length < maxRecipients
            ? html`<button class="button secondary" type="button" id="recipients" @click=${this.addRecipient}>
                ${t('privateSettings.recipients.add')}
              </button>`
            : html`<p class="note" id="recipients" tabindex="-1">
                ${t('privateSettings.recipients.max', { count: maxRecipients })}
              </p>`
        }
      </div>
    </fieldset>`;
  }

  private renderRecipient(r: RecipientDraft, index: number) {
    const { t } = this.texts;
    const number = index + 1;
    const stored = this.view?.settings.delivery.email.find(
      (s) => s.address.toLowerCase() === r.address.trim().toLowerCase(),
    )?.pgpKey;
    const id = `recipient-${index}`;
    return html`<fieldset class="recipient">
      <legend>${t('privateSettings.recipients.recipient', { number })}</legend>
      ${field(
        {
          id: `${id}-address`,
          label: t('privateSettings.recipients.address'),
          error: this.errors.get(`${id}-address`),
        },
        (aria) =>
          html`<input
            id="${id}-address"
            type="email"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${aria.invalid}
            aria-describedby=${aria.describedBy}
            .value=${r.address}
            @input=${(e: Event) => this.setRecipient(index, { address: (e.target as HTMLInputElement).value })}
          />`,
      )}
      ${stored ? this.renderStoredKey(id, stored, r, index) : nothing}
      ${
        r.removeKey
          ? nothing
          : field(
              {
                id: `${id}-key`,
                label: t('privateSettings.recipients.key'),
                hint: t(stored ? 'privateSettings.recipients.keyHintReplace' : 'privateSettings.recipients.keyHintNew'),
                error: this.errors.get(`${id}-key`),
              },
              (aria) =>
                html`<textarea
                  id="${id}-key"
                  class="key"
                  rows="3"
                  spellcheck="false"
                  autocomplete="off"
                  aria-invalid=${aria.invalid}
                  aria-describedby=${aria.describedBy}
                  .value=${r.newKey}
                  @input=${(e: Event) => this.setRecipient(index, { newKey: (e.target as HTMLTextAreaElement).value })}
                ></textarea>`,
            )
      }
      <div class="actions">
        <button class="button secondary" type="button" @click=${() => this.removeRecipient(index)}>
          ${t('privateSettings.recipients.remove', { number })}
        </button>
      </div>
    </fieldset>`;
  }

  private renderStoredKey(
    id: string,
    key: NonNullable<SettingsView['settings']['delivery']['email'][number]['pgpKey']>,
    r: RecipientDraft,
    index: number,
  ) {
    const { t } = this.texts;
    const expires = key.expiresAt;
    const expired = expires !== null && Date.parse(expires) < Date.now();
    return html`<div>
      <p><strong>${t('privateSettings.recipients.stored')}</strong></p>
      <dl class="key" id="${id}-stored">
        <dt>${t('privateSettings.recipients.fingerprint')}</dt>
        <dd><code class="fingerprint">${groupFingerprint(key.fingerprint)}</code></dd>
        <dt>${t('privateSettings.recipients.userIds')}</dt>
        <dd>${key.userIds.join(', ')}</dd>
        <dt>${t('privateSettings.recipients.expires')}</dt>
        <dd class=${expired ? 'field-error' : ''}>
          ${
            expires === null
              ? t('privateSettings.recipients.expiresNever')
              : expired
                ? t('privateSettings.recipients.expired', { date: this.formatDate(expires) })
                : this.formatDate(expires)
          }
        </dd>
      </dl>
      <div class="check">
        <input
          id="${id}-remove-key"
          type="checkbox"
          .checked=${r.removeKey}
          @change=${(e: Event) => this.setRecipient(index, { removeKey: (e.target as HTMLInputElement).checked })}
        />
        <label for="${id}-remove-key">${t('privateSettings.recipients.removeKey')}</label>
      </div>
    </div>`;
  }

  private async addRecipient() {
    if (!this.draft) return;
    const recipients = [
      ...this.draft.recipients,
      { id: this.nextRecipientId++, address: '', newKey: '', removeKey: false },
    ];
    this.draft = { ...this.draft, recipients };
    await this.updateComplete;
    this.focusControl(`recipient-${recipients.length - 1}-address`);
  }

  private async removeRecipient(index: number) {
    if (!this.draft) return;
    this.draft = { ...this.draft, recipients: this.draft.recipients.filter((_, i) => i !== index) };
    // Errors are by position: they no longer fit the fields; the next save checks again.
    this.errors = new Map([...this.errors].filter(([id]) => !id.startsWith('recipient-')));
    await this.updateComplete;
    const next =
      this.draft.recipients.length > 0
        ? `recipient-${Math.min(index, this.draft.recipients.length - 1)}-address`
        : 'recipients';
    this.focusControl(next);
  }

  // ——— The e-mail, the webhook, the rate limit, routing ———

  private renderMail(draft: FormDraft) {
    const { t } = this.texts;
    return html`<fieldset>
      <legend>${t('privateSettings.mail.title')}</legend>
      ${field(
        { id: 'mailLocale', label: t('privateSettings.mail.locale'), error: this.errors.get('mailLocale') },
        (aria) =>
          html`<select
            id="mailLocale"
            aria-invalid=${aria.invalid}
            aria-describedby=${aria.describedBy}
            @change=${(e: Event) => this.set('mailLocale', (e.target as HTMLSelectElement).value as MailLocale | '')}
          >
            <option value="" ?selected=${draft.mailLocale === ''}>${t('privateSettings.mail.localeDefault')}</option>
            ${mailLocales.map(
              (l) =>
                html`<option value=${l} ?selected=${draft.mailLocale === l}>
                  ${t(`privateSettings.locales.${l}`)}
                </option>`,
            )}
          </select>`,
      )}
      ${field(
        {
          id: 'mailIntro',
          label: t('privateSettings.mail.intro'),
          hint: t('privateSettings.mail.introHint'),
          error: this.errors.get('mailIntro'),
        },
        (aria) =>
          html`<textarea
            id="mailIntro"
            rows="3"
            aria-invalid=${aria.invalid}
            aria-describedby=${aria.describedBy}
            .value=${draft.mailIntro}
            @input=${(e: Event) => this.set('mailIntro', (e.target as HTMLTextAreaElement).value)}
          ></textarea>`,
      )}
    </fieldset>`;
  }

  private renderWebhook(draft: FormDraft, view: SettingsView) {
    const { t } = this.texts;
    const saved = view.settings.delivery.webhook;
    return html`<fieldset>
      <legend>${t('privateSettings.webhook.title')}</legend>
      <p class="hint">${t('privateSettings.webhook.intro')}</p>
      ${field(
        {
          id: 'webhookUrl',
          label: t('privateSettings.webhook.url'),
          hint: t('privateSettings.webhook.urlHint'),
          error: this.errors.get('webhookUrl'),
        },
        (aria) =>
          html`<input
            id="webhookUrl"
            type="url"
            spellcheck="false"
            autocomplete="off"
            aria-invalid=${aria.invalid}
            aria-describedby=${aria.describedBy}
            .value=${draft.webhookUrl}
            @input=${(e: Event) => this.set('webhookUrl', (e.target as HTMLInputElement).value)}
          />`,
      )}
      <p class="note" id="webhook-secret">
        ${
          saved
            ? saved.secretCreatedAt
              ? t('privateSettings.webhook.secretSet', { date: this.formatDate(saved.secretCreatedAt) })
              : t('privateSettings.webhook.secretSetImported')
            : t('privateSettings.webhook.secretNew')
        }
      </p>
      ${
        saved
          ? html`<div class="actions">
              <button
                class="button secondary"
                type="button"
                id="rotate"
                ?disabled=${this.busy}
                @click=${() => {
                  this.confirmRotate = true;
                }}
              >
                ${t('privateSettings.webhook.rotate')}
              </button>
            </div>`
          : nothing
      }
    </fieldset>`;
  }

  private renderRotateDialog() {
    const { t } = this.texts;
    return html`<wa-dialog
      id="rotate-dialog"
      label=${t('privateSettings.webhook.rotateTitle')}
      ?open=${this.confirmRotate}
      @wa-after-hide=${(e: Event) => {
        if (e.target === e.currentTarget) this.confirmRotate = false;
      }}
    >
      <p>${t('privateSettings.webhook.rotateText')}</p>
      <div class="dialog-actions">
        <button
          class="button secondary"
          type="button"
          @click=${() => {
            this.confirmRotate = false;
          }}
        >
          ${t('privateSettings.webhook.cancel')}
        </button>
        <button class="button" type="button" id="rotate-confirm" ?disabled=${this.busy} @click=${this.rotate}>
          ${t('privateSettings.webhook.rotateConfirm')}
        </button>
      </div>
    </wa-dialog>`;
  }

  private renderRateLimit(draft: FormDraft, view: SettingsView) {
    const { t } = this.texts;
    const b = view.rateLimitBounds;
    const reports = Number(draft.reports);
    const minutes = Number(draft.minutes);
    const explainable = Number.isFinite(reports) && reports > 0 && Number.isFinite(minutes) && minutes > 0;
    return html`<fieldset>
      <legend>${t('privateSettings.rateLimit.title')}</legend>
      <p class="hint">${t('privateSettings.rateLimit.intro')}</p>
      <div class="row">
        ${field(
          {
            id: 'reports',
            label: t('privateSettings.rateLimit.reports'),
            hint: t('privateSettings.rateLimit.reportsHint', { max: b.maxReports }),
            error: this.errors.get('reports'),
          },
          (aria) =>
            html`<input
              id="reports"
              type="number"
              inputmode="numeric"
              min="1"
              max=${b.maxReports}
              step="1"
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${draft.reports}
              @input=${(e: Event) => this.set('reports', (e.target as HTMLInputElement).value)}
            />`,
        )}
        ${field(
          {
            id: 'minutes',
            label: t('privateSettings.rateLimit.minutes'),
            hint: t('privateSettings.rateLimit.minutesHint', {
              min: b.minWindowSeconds / 60,
              max: b.maxWindowSeconds / 60,
              perHour: b.maxReportsPerHour,
            }),
            error: this.errors.get('minutes'),
          },
          (aria) =>
            html`<input
              id="minutes"
              type="number"
              inputmode="decimal"
              min=${b.minWindowSeconds / 60}
              max=${b.maxWindowSeconds / 60}
              step="any"
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${draft.minutes}
              @input=${(e: Event) => this.set('minutes', (e.target as HTMLInputElement).value)}
            />`,
        )}
      </div>
      <p id="rate-explained">
        ${explainable ? t('privateSettings.rateLimit.explain', { reports, count: minutes }) : nothing}
      </p>
    </fieldset>`;
  }

  private renderRouting(draft: FormDraft) {
    const { t } = this.texts;
    const error = this.errors.get('routing');
    return html`<fieldset>
      <legend>${t('privateSettings.routing.title')}</legend>
      <div class="check">
        <input
          id="routing"
          type="checkbox"
          aria-describedby=${error ? 'routing-hint routing-error' : 'routing-hint'}
          .checked=${draft.keepReportsElsewhere}
          @change=${(e: Event) => this.set('keepReportsElsewhere', (e.target as HTMLInputElement).checked)}
        />
        <label for="routing">${t('privateSettings.routing.keep')}</label>
      </div>
      <p class="hint" id="routing-hint">${t('privateSettings.routing.hint')}</p>
      ${error ? html`<p class="field-error" id="routing-error">${error}</p>` : nothing}
    </fieldset>`;
  }

  /** The figures' smallest count shown (issue 14): counts below it read "< n" everywhere. */
  private renderFigures(draft: FormDraft) {
    const { t } = this.texts;
    const value = Number(draft.minimumCount);
    const shownValue = Number.isInteger(value) && value >= minimumCountFloor ? value : defaultMinimumCount;
    return html`<fieldset>
      <legend>${t('privateSettings.figures.title')}</legend>
      ${field(
        {
          id: 'minimumCount',
          label: t('privateSettings.figures.label'),
          hint: t('privateSettings.figures.hint', {
            value: shownValue,
            min: minimumCountFloor,
            max: minimumCountCeiling,
            default: defaultMinimumCount,
          }),
          error: this.errors.get('minimumCount'),
        },
        (aria) =>
          html`<input
            id="minimumCount"
            type="number"
            inputmode="numeric"
            min=${minimumCountFloor}
            max=${minimumCountCeiling}
            step="1"
            aria-invalid=${aria.invalid}
            aria-describedby=${aria.describedBy}
            .value=${draft.minimumCount}
            @input=${(e: Event) => this.set('minimumCount', (e.target as HTMLInputElement).value)}
          />`,
      )}
    </fieldset>`;
  }

  // ——— Saving ———

  /** The origins typed, one per line, as a browser sends them (`https://www.gemeente.nl`). */
  private origins(): string[] {
    return (this.draft?.origins ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        try {
          const url = new URL(line);
          return line.replace(/\/$/, '').toLowerCase() === url.origin.toLowerCase() ? url.origin : line;
        } catch {
          return line;
        }
      });
  }

  /** What the form can tell before asking the service (the service checks everything again), by control id. */
  private check(draft: FormDraft, view: SettingsView): Map<string, string> {
    const { t } = this.texts;
    const errors = new Map<string, string>();
    const originLines = this.origins()
      .map((origin, i) => ({ origin, line: i + 1 }))
      .filter(({ origin }) => !/^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i.test(origin))
      .map(({ origin, line }) =>
        t('privateSettings.origins.lineError', { line, origin, message: t('privateSettings.errors.origin') }),
      );
    if (originLines.length > 0) errors.set('allowedOrigins', originLines.join(' '));
    const seen = new Set<string>();
    draft.recipients.forEach((r, i) => {
      const address = r.address.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) || address.length > 254) {
        errors.set(`recipient-${i}-address`, t('privateSettings.errors.address'));
      } else if (seen.has(address)) {
        errors.set(`recipient-${i}-address`, t('privateSettings.errors.duplicate'));
      }
      seen.add(address);
    });
    if (draft.mailIntro.trim().length > maxIntro) errors.set('mailIntro', t('privateSettings.errors.intro'));
    const url = draft.webhookUrl.trim();
    if (url && !/^https?:\/\/[^\s]+$/i.test(url)) errors.set('webhookUrl', t('privateSettings.errors.webhook'));
    const b = view.rateLimitBounds;
    const reports = Number(draft.reports);
    const seconds = Math.round(Number(draft.minutes) * 60);
    const reportsOk = Number.isInteger(reports) && reports >= 1 && reports <= b.maxReports;
    const secondsOk =
      draft.minutes.trim() !== '' &&
      Number.isFinite(seconds) &&
      seconds >= b.minWindowSeconds &&
      seconds <= b.maxWindowSeconds;
    if (!reportsOk) errors.set('reports', t('privateSettings.rateLimit.errors.reports', { max: b.maxReports }));
    if (!secondsOk) {
      errors.set(
        'minutes',
        t('privateSettings.rateLimit.errors.minutes', { min: b.minWindowSeconds / 60, max: b.maxWindowSeconds / 60 }),
      );
    }
    if (reportsOk && secondsOk && (reports * 3600) / seconds > b.maxReportsPerHour) {
      errors.set('reports', t('privateSettings.rateLimit.errors.perHour', { perHour: b.maxReportsPerHour }));
    }
    const minimum = Number(draft.minimumCount);
    if (
      draft.minimumCount.trim() === '' ||
      !Number.isInteger(minimum) ||
      minimum < minimumCountFloor ||
      minimum > minimumCountCeiling
    ) {
      errors.set(
        'minimumCount',
        t('privateSettings.figures.error', { min: minimumCountFloor, max: minimumCountCeiling }),
      );
    }
    return errors;
  }

  /** The `PUT` body of the form: the whole settings (a key left empty keeps the stored one). */
  private input(draft: FormDraft, rotate: boolean): SettingsInput {
    const url = draft.webhookUrl.trim();
    const intro = draft.mailIntro.trim();
    const mail = {
      ...(draft.mailLocale ? { locale: draft.mailLocale } : {}),
      ...(intro ? { intro } : {}),
    };
    return {
      allowedOrigins: this.origins(),
      rateLimit: { reports: Number(draft.reports), windowSeconds: Math.round(Number(draft.minutes) * 60) },
      routing: { keepReportsElsewhere: draft.keepReportsElsewhere },
      figures: { minimumCount: Number(draft.minimumCount) },
      delivery: {
        email: draft.recipients.map((r) => ({
          address: r.address.trim(),
          ...(r.newKey.trim() ? { pgpPublicKey: r.newKey.trim() } : r.removeKey ? { pgpPublicKey: null } : {}),
        })),
        webhook: url ? { url } : null,
        ...(Object.keys(mail).length > 0 ? { mail } : {}),
      },
      ...(rotate ? { rotateWebhookSecret: true } : {}),
    };
  }

  /** The control that shows the service's error at a JSON Pointer of the `PUT` body. */
  private controlOf(path: string): string {
    const parts = path.split('/').slice(1);
    const [first, second, third, fourth] = parts;
    if (first === 'allowedOrigins') return 'allowedOrigins';
    if (first === 'rateLimit') return second === 'windowSeconds' ? 'minutes' : 'reports';
    if (first === 'routing') return 'routing';
    if (first === 'figures') return 'minimumCount';
    if (first === 'rotateWebhookSecret') return 'webhookUrl';
    if (first === 'delivery') {
      if (second === 'email' && third !== undefined && /^\d+$/.test(third)) {
        return `recipient-${third}-${fourth === 'pgpPublicKey' ? 'key' : 'address'}`;
      }
      if (second === 'webhook') return 'webhookUrl';
      if (second === 'mail') return fourth === undefined && third === 'locale' ? 'mailLocale' : 'mailIntro';
      return 'recipients';
    }
    return 'recipients';
  }

  private onSubmit(event: Event) {
    event.preventDefault();
    void this.save(false);
  }

  private rotate() {
    this.confirmRotate = false;
    void this.save(true);
  }

  private async save(rotate: boolean, revision = this.view?.revision) {
    const draft = this.draft;
    const view = this.view;
    if (!draft || !view || revision === undefined || this.busy) return;
    this.errors = this.check(draft, view);
    if (this.errors.size > 0) return this.show({ kind: 'invalid' });
    this.busy = true;
    try {
      const saved = await saveSettings(this.slug, this.input(draft, rotate), revision);
      const keepOrigin = this.originInput;
      this.adopt(saved);
      this.originInput = keepOrigin;
      // A secret shown stays until the page is left or reloaded, unless the webhook is gone or a newer one came.
      this.newSecret = saved.newWebhookSecret ?? (saved.settings.delivery.webhook ? this.newSecret : undefined);
      this.errors = new Map();
      await this.show({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && (error.problem.errors?.length ?? 0) > 0) {
        const errors = new Map<string, string>();
        for (const e of error.problem.errors ?? []) {
          const id = this.controlOf(e.path);
          // Several origins can be refused at once: one line each, beside the one list.
          const line = /^\/allowedOrigins\/(\d+)$/.exec(e.path);
          const message = line
            ? this.texts.t('privateSettings.origins.lineError', {
                line: Number(line[1]) + 1,
                origin: this.origins()[Number(line[1])] ?? '',
                message: e.message,
              })
            : e.message;
          errors.set(id, errors.has(id) ? `${errors.get(id)} ${message}` : message);
        }
        this.errors = errors;
        await this.show({ kind: 'invalid' });
      } else if (error instanceof ApiError && error.status === 412) {
        // Someone else saved: say who (from their version), keep every typed value.
        const newer = await getSettings(this.slug).catch(() => undefined);
        await this.show({ kind: 'stale', newer });
      } else {
        await this.show({ kind: 'failed', error });
      }
    } finally {
      this.busy = false;
    }
  }

  private reloadNewer() {
    const outcome = this.outcome;
    if (outcome?.kind === 'stale' && outcome.newer) {
      this.adopt(outcome.newer);
      this.outcome = undefined;
      this.errors = new Map();
      this.newSecret = undefined;
      this.renderRoot.querySelector<HTMLElement>('#allowedOrigins')?.focus();
    } else {
      void this.settings.run();
    }
  }

  private saveOverNewer() {
    const outcome = this.outcome;
    if (outcome?.kind !== 'stale' || !outcome.newer) return;
    // Their version's revision, and the webhook as they left it (a rotation only with a webhook).
    this.view = { ...outcome.newer };
    void this.save(false, outcome.newer.revision);
  }

  /** Shows the outcome and moves the focus to it, so a keyboard or screen-reader user hears it at once. */
  private async show(outcome: Outcome) {
    this.outcome = outcome;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
  }

  // ——— The test delivery ———

  private unsaved(): boolean {
    const draft = this.draft;
    const view = this.view;
    if (!draft || !view) return false;
    return JSON.stringify(this.input(draft, false)) !== JSON.stringify(this.savedInput(view));
  }

  /** The `PUT` body that would save `view` unchanged (to tell whether the form has unsaved changes). */
  private savedInput(view: SettingsView): SettingsInput {
    const s = view.settings;
    const mail = s.delivery.mail;
    return {
      allowedOrigins: s.allowedOrigins,
      rateLimit: s.rateLimit,
      routing: s.routing,
      figures: { minimumCount: s.figures?.minimumCount ?? defaultMinimumCount },
      delivery: {
        email: s.delivery.email.map((r) => ({ address: r.address })),
        webhook: s.delivery.webhook ? { url: s.delivery.webhook.url } : null,
        ...(mail && (mail.locale || mail.intro)
          ? { mail: { ...(mail.locale ? { locale: mail.locale } : {}), ...(mail.intro ? { intro: mail.intro } : {}) } }
          : {}),
      },
    };
  }

  private renderTestDelivery() {
    const { t } = this.texts;
    const delivery = this.testDelivery;
    const final = delivery ? isFinalStatus(delivery.status) : false;
    return html`<section aria-labelledby="test-title" class="group">
      <h3 id="test-title">${t('privateSettings.test.title')}</h3>
      <p>${t('privateSettings.test.intro')}</p>
      ${this.unsaved() ? html`<p class="note" id="test-unsaved">${t('privateSettings.test.unsaved')}</p>` : nothing}
      <div class="actions">
        <button
          class="button secondary"
          type="button"
          id="test-send"
          ?disabled=${this.testBusy || (delivery !== undefined && !final)}
          @click=${this.sendTest}
        >
          ${this.testBusy ? t('privateSettings.test.sending') : t('privateSettings.test.send')}
        </button>
      </div>
      <div role="status" id="test-status">
        ${this.testProblem ? html`<p class="field-error">${this.testProblem}</p>` : nothing}
        ${
          delivery
            ? html`<p>${t('privateSettings.test.progress', { time: this.formatDate(delivery.createdAt) })}</p>
                <ul class="targets">
                  ${delivery.targets.map(
                    (target) =>
                      html`<li class=${target.status}>
                        <p>
                          ${t(
                            target.channel === 'email' ? 'privateSettings.test.email' : 'privateSettings.test.webhook',
                            {
                              target: target.target,
                            },
                          )}:
                          <strong
                            >${t(`privateSettings.test.status.${target.status}`, { attempts: target.attempts })}</strong
                          >
                        </p>
                        ${
                          target.error && target.status !== 'sent'
                            ? html`<p>
                                ${t('privateSettings.test.reason', { reason: failureInWords(t, target.error) })}
                              </p>`
                            : nothing
                        }
                      </li>`,
                  )}
                </ul>
                ${
                  final
                    ? html`<p>
                        ${t(delivery.status === 'sent' ? 'privateSettings.test.done' : 'privateSettings.test.doneFailed')}
                      </p>`
                    : nothing
                }`
            : nothing
        }
      </div>
    </section>`;
  }

  private async sendTest() {
    const { t } = this.texts;
    this.testBusy = true;
    this.testProblem = undefined;
    try {
      this.testDelivery = await sendTestDelivery(this.slug);
      this.schedulePoll();
    } catch (error) {
      if (error instanceof ApiError && error.problem.type.endsWith('/no-delivery-targets')) {
        this.testProblem = t('privateSettings.test.noTargets');
      } else if (error instanceof ApiError && error.status === 429) {
        this.testProblem = t('privateSettings.test.tooMany', { detail: error.problem.detail ?? '' });
      } else {
        this.testProblem = error instanceof ApiError ? t('errors.server') : t('errors.network');
      }
    } finally {
      this.testBusy = false;
    }
  }

  /** Asks again after `pollInterval` while the delivery is on its way and this page is shown. */
  private schedulePoll() {
    clearTimeout(this.pollTimer);
    if (!this.isConnected || !this.testDelivery || isFinalStatus(this.testDelivery.status)) return;
    this.pollTimer = setTimeout(() => void this.poll(), this.pollInterval);
  }

  private async poll() {
    const current = this.testDelivery;
    if (!current || !this.isConnected) return;
    try {
      const list = await listTestDeliveries(this.slug);
      const latest = list.find((d) => d.id === current.id);
      if (latest && this.testDelivery?.id === latest.id) this.testDelivery = latest;
    } catch {
      // A missed answer (offline a moment): the next round asks again.
    }
    this.schedulePoll();
  }
}

define('meldpunt-config-settings', MeldpuntConfigSettings);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-settings': MeldpuntConfigSettings;
  }
}
