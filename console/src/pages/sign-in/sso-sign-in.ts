import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { SsoTenantList } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { textsContext, type TextsContext } from '../../context.ts';
import { listSsoTenants, ssoStartUrl } from '../../data/sso.ts';
import { pageStyles } from '../../styles/theme.ts';

/**
 * Where the browser goes to sign in (a full navigation: the provider's pages are not ours). One object,
 * so a test can watch the navigation instead of leaving its page.
 */
export const ssoNavigation = { go: (url: string) => location.assign(url) };

/**
 * Signing in with one's municipality's own sign-in system (OpenID Connect), on the sign-in page: choose
 * the municipality from those offering it (a Web Awesome select, loaded only when there is a choice, so
 * the first screen stays small) and go; the service sends the browser to the provider and back. When a
 * sign-in came back refused (`?error=sso-failed`), it says so in one message — the service never tells
 * why, so nobody learns which addresses or accounts exist. Renders nothing when no municipality offers it.
 *
 * @summary Single sign-on on the sign-in page.
 */
export class MeldpuntSsoSignIn extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    css`
      form {
        display: grid;
        gap: 0.75rem;
        max-inline-size: 30rem;
      }
      /* The error goes where Web Awesome wires the hint (aria-describedby inside its shadow root). */
      wa-select.invalid::part(hint) {
        color: var(--_meldpunt-error);
        font-weight: 600;
      }
      wa-select {
        inline-size: 100%;
      }
      button {
        justify-self: start;
      }
    `,
  ];

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  /** The municipality chosen (its slug). */
  @state() private chosen = '';
  /** "Choose first" shows after an attempt without a choice. */
  @state() private missingChoice = false;

  /** The page came back from a refused sign-in. */
  private readonly failed = new URLSearchParams(location.search).get('error') === 'sso-failed';

  private tenants = new Task(this, {
    task: async (_args, { signal }) => {
      const list = await listSsoTenants(signal);
      if (list.length > 0) await import('@awesome.me/webawesome/dist/components/select/select.js');
      if (list.length > 0) await import('@awesome.me/webawesome/dist/components/option/option.js');
      return list;
    },
    args: () => [],
  });

  override render() {
    const { t } = this.texts;
    return html`
      ${this.failed ? html`<p class="message error" role="alert">${t('sso.failed')}</p>` : ''}
      ${this.tenants.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.tenants.run()),
        complete: (list) => (list.length > 0 ? this.renderChoice(list) : ''),
      })}
    `;
  }

  private renderChoice(list: SsoTenantList) {
    const { t } = this.texts;
    const error = this.missingChoice ? t('sso.chooseFirst') : undefined;
    return html`
      <section aria-labelledby="sso-title">
        <h2 id="sso-title">${t('sso.signInTitle')}</h2>
        <p>${t('sso.signInIntro')}</p>
        <form @submit=${this.go} novalidate>
          <div>
            <wa-select
              id="sso-tenant"
              label=${t('sso.municipality')}
              placeholder=${t('sso.choose')}
              .value=${this.chosen}
              hint=${error ?? ''}
              class=${error ? 'invalid' : ''}
              @change=${(event: Event) => {
                this.chosen = String((event.target as HTMLElement & { value: unknown }).value ?? '');
                if (this.chosen) this.missingChoice = false;
              }}
            >
              ${list.map((tenant) => html`<wa-option value=${tenant.slug}>${tenant.name}</wa-option>`)}
            </wa-select>
          </div>
          <button class="button" type="submit">${t('sso.go')}</button>
        </form>
      </section>
    `;
  }

  private go(event: Event) {
    event.preventDefault();
    if (!this.chosen) {
      this.missingChoice = true;
      this.renderRoot.querySelector<HTMLElement>('#sso-tenant')?.focus();
      return;
    }
    ssoNavigation.go(ssoStartUrl(this.chosen));
  }
}

define('meldpunt-sso-sign-in', MeldpuntSsoSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-sso-sign-in': MeldpuntSsoSignIn;
  }
}
