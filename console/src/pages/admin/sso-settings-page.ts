import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { SsoSettingsView } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { textsContext, type TextsContext } from '../../context.ts';
import { ApiError, NotFoundError } from '../../data/http.ts';
import { getSsoSettings, removeSsoSettings, saveSsoSettings } from '../../data/sso.ts';
import { href } from '../../router.ts';
import { formStyles, pageStyles } from '../../styles/theme.ts';

/** The form's fields, as typed (kept through every error: nothing typed is lost). */
interface Draft {
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string;
  enabled: boolean;
}

type FieldName = 'issuer' | 'clientId' | 'clientSecret' | 'allowedEmailDomains';

const emptyDraft: Draft = { issuer: '', clientId: '', clientSecret: '', domains: '', enabled: true };

/**
 * A tenant admin's single sign-on settings: the redirect URI to register at the municipality's provider
 * (with a copy button), and the provider's issuer, client id, client secret (write-only: once set, the
 * field stays empty and keeps it), the allowed e-mail domains and whether the sign-in page offers it.
 * The service checks the issuer by discovery before saving; every refusal shows beside its field and in
 * one summary that takes the focus, and the form keeps what was typed.
 *
 * @summary The tenant's single sign-on settings.
 */
export class MeldpuntSsoSettingsPage extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    formStyles,
    css`
      form {
        display: grid;
        gap: 1rem;
        max-inline-size: 40rem;
      }
      .redirect {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      code {
        overflow-wrap: anywhere;
        background: var(--_meldpunt-surface);
        padding: 0.25rem 0.5rem;
      }
    `,
  ];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @state() private draft: Draft = { ...emptyDraft };
  @state() private errors: Partial<Record<FieldName, string>> = {};
  /** The summary above the form: saved, removed, or why it was not saved. */
  @state() private outcome?: { kind: 'saved' | 'removed' | 'invalid' | 'discovery' | 'failed'; error?: unknown };
  @state() private busy = false;
  /** The settings as last read or saved. */
  @state() private view?: SsoSettingsView;

  private settings = new Task(this, {
    task: async ([slug], { signal }) => {
      const [view] = await Promise.all([
        getSsoSettings(slug, signal),
        import('@awesome.me/webawesome/dist/components/copy-button/copy-button.js'),
      ]);
      this.adopt(view);
      return view;
    },
    args: () => [this.slug] as const,
  });

  /** Takes the settings the service answered into the form (the secret field stays empty). */
  private adopt(view: SsoSettingsView) {
    this.view = view;
    const s = view.settings;
    this.draft = s
      ? {
          issuer: s.issuer,
          clientId: s.clientId,
          clientSecret: '',
          domains: s.allowedEmailDomains.join('\n'),
          enabled: s.enabled,
        }
      : { ...emptyDraft };
  }

  override render() {
    const { t } = this.texts;
    return html`
      <h1>${t('sso.title')}</h1>
      ${this.settings.render({
        pending: () => renderLoading(t),
        error: (error) =>
          error instanceof NotFoundError || (error instanceof ApiError && error.status === 403)
            ? html`<p>${t('tenant.notFound')}</p>
                <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`
            : renderError(t, error, () => void this.settings.run()),
        complete: () => this.renderForm(),
      })}
    `;
  }

  private renderOutcome() {
    const { t } = this.texts;
    const outcome = this.outcome;
    if (!outcome) return '';
    if (outcome.kind === 'saved' || outcome.kind === 'removed') {
      return html`<p class="message" role="status" id="outcome" tabindex="-1">
        ${t(outcome.kind === 'saved' ? 'sso.saved' : 'sso.removed')}
      </p>`;
    }
    if (outcome.kind === 'failed') return renderError(t, outcome.error);
    return html`<div class="message error" role="alert" id="outcome" tabindex="-1">
      <p>${t(outcome.kind === 'discovery' ? 'sso.discoveryFailed' : 'sso.invalid')}</p>
    </div>`;
  }

  private renderForm() {
    const { t, locale } = this.texts;
    const view = this.view;
    const secretSet = view?.settings?.clientSecretSet === true;
    const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
      this.draft = { ...this.draft, [key]: value };
    };
    const text = (id: FieldName, key: keyof Draft, type: string, label: string, hint?: string, extra = {}) =>
      field({ id, label, ...(hint ? { hint } : {}), ...(this.errors[id] ? { error: this.errors[id] } : {}) }, (aria) =>
        type === 'textarea'
          ? html`<textarea
              id=${id}
              rows="3"
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${String(this.draft[key])}
              @input=${(e: Event) => set(key, (e.target as HTMLTextAreaElement).value)}
            ></textarea>`
          : html`<input
              id=${id}
              type=${type}
              autocomplete=${'autocomplete' in extra ? String(extra.autocomplete) : 'off'}
              spellcheck="false"
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${String(this.draft[key])}
              @input=${(e: Event) => set(key, (e.target as HTMLInputElement).value)}
            />`,
      );
    return html`
      <p>${t('sso.intro')}</p>
      <section aria-labelledby="redirect-title">
        <h2 id="redirect-title">${t('sso.redirectUri')}</h2>
        <p id="redirect-hint">${t('sso.redirectUriHint')}</p>
        <div class="redirect">
          <code id="redirect-uri">${view?.redirectUri}</code>
          <wa-copy-button
            value=${view?.redirectUri ?? ''}
            copy-label=${t('sso.copy')}
            success-label=${t('sso.copied')}
            error-label=${t('sso.copyFailed')}
          ></wa-copy-button>
        </div>
      </section>
      <p>
        ${
          view?.settings
            ? t('sso.updatedAt', {
                date: new Date(view.settings.updatedAt).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB'),
              })
            : t('sso.notConfigured')
        }
      </p>
      ${this.renderOutcome()}
      <form @submit=${this.save} novalidate>
        ${text('issuer', 'issuer', 'url', t('sso.issuer'), t('sso.issuerHint'))}
        ${text('clientId', 'clientId', 'text', t('sso.clientId'))}
        ${text(
          'clientSecret',
          'clientSecret',
          'password',
          t('sso.clientSecret'),
          t(secretSet ? 'sso.clientSecretHintSet' : 'sso.clientSecretHintNew'),
          { autocomplete: 'new-password' },
        )}
        ${text('allowedEmailDomains', 'domains', 'textarea', t('sso.domains'), t('sso.domainsHint'))}
        <div class="check">
          <input
            id="enabled"
            type="checkbox"
            .checked=${this.draft.enabled}
            @change=${(e: Event) => set('enabled', (e.target as HTMLInputElement).checked)}
          />
          <label for="enabled">${t('sso.enabled')}</label>
        </div>
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>
            ${this.busy ? t('sso.saving') : t('sso.save')}
          </button>
          ${
            view?.settings
              ? html`<button
                  class="button secondary"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${this.removeSettings}
                >
                  ${t('sso.remove')}
                </button>`
              : ''
          }
        </div>
      </form>
    `;
  }

  /** The domains typed, one per line (commas and spaces also separate). */
  private domains(): string[] {
    return this.draft.domains
      .split(/[\s,;]+/)
      .map((d) => d.trim())
      .filter(Boolean);
  }

  /** What the form can tell before asking the service (the service checks everything again). */
  private check(): Partial<Record<FieldName, string>> {
    const { t } = this.texts;
    const errors: Partial<Record<FieldName, string>> = {};
    if (!/^https?:\/\/[^\s?#]+$/.test(this.draft.issuer.trim())) errors.issuer = t('sso.errors.issuer');
    if (!this.draft.clientId.trim()) errors.clientId = t('sso.errors.clientId');
    if (!this.draft.clientSecret && this.view?.settings?.clientSecretSet !== true) {
      errors.clientSecret = t('sso.errors.clientSecret');
    }
    if (this.domains().length === 0) errors.allowedEmailDomains = t('sso.errors.allowedEmailDomains');
    return errors;
  }

  private async save(event: Event) {
    event.preventDefault();
    const { t } = this.texts;
    this.errors = this.check();
    if (Object.keys(this.errors).length > 0) return this.show({ kind: 'invalid' });
    this.busy = true;
    try {
      const view = await saveSsoSettings(this.slug, {
        issuer: this.draft.issuer.trim(),
        clientId: this.draft.clientId.trim(),
        ...(this.draft.clientSecret ? { clientSecret: this.draft.clientSecret } : {}),
        allowedEmailDomains: this.domains(),
        enabled: this.draft.enabled,
      });
      this.adopt(view);
      this.errors = {};
      await this.show({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const known = new Set<string>(['issuer', 'clientId', 'clientSecret', 'allowedEmailDomains']);
        const errors: Partial<Record<FieldName, string>> = {};
        for (const e of error.problem.errors ?? []) {
          // The service names a field by JSON Pointer (RFC 6901): `/issuer`, `/allowedEmailDomains/0`.
          const name = e.path.split('/')[1] ?? '';
          if (known.has(name)) errors[name as FieldName] = t(`sso.errors.${name as FieldName}`);
        }
        this.errors = errors;
        const discovery = error.problem.type.endsWith('/sso-discovery-failed');
        await this.show({ kind: discovery ? 'discovery' : 'invalid' });
      } else {
        await this.show({ kind: 'failed', error });
      }
    } finally {
      this.busy = false;
    }
  }

  private async removeSettings() {
    this.busy = true;
    try {
      await removeSsoSettings(this.slug);
      this.adopt({ redirectUri: this.view?.redirectUri ?? '', settings: null });
      this.errors = {};
      await this.show({ kind: 'removed' });
    } catch (error) {
      await this.show({ kind: 'failed', error });
    } finally {
      this.busy = false;
    }
  }

  /** Shows the outcome and moves the focus to it, so a keyboard or screen-reader user hears it at once. */
  private async show(outcome: NonNullable<MeldpuntSsoSettingsPage['outcome']>) {
    this.outcome = outcome;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
  }
}

define('meldpunt-sso-settings-page', MeldpuntSsoSettingsPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-sso-settings-page': MeldpuntSsoSettingsPage;
  }
}
