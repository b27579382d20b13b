import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { DemoStaff } from '@meldpunt/contracts';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { textsContext, type TextsContext } from '../../context.ts';
import { demoSignIn, getMe, listDemoStaff } from '../../data/auth.ts';
import { emit } from '../../events.ts';
import { pageStyles } from '../../styles/theme.ts';
import { renderError, renderLoading } from '../../components/task-states.ts';

/** Why the person is on the sign-in page, when it is not their first visit. */
export type SignInNotice = 'signed-out' | 'signed-out-everywhere' | 'expired';

/**
 * The sign-in page: the way in, and the console's first screen (kept small: `pnpm bench:console`). It
 * offers only what works — in demo mode the demo staff, one click each and clearly marked as demo; the
 * passkey and single sign-on buttons come when the service offers them, never before.
 *
 * @summary The console's sign-in page.
 * @fires meldpunt-signed-in - Someone signed in; `detail.me` is the person.
 */
export class MeldpuntSignInPage extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    css`
      .staff {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      .staff p {
        margin-block: 0.25rem 0;
        color: var(--_meldpunt-muted);
      }
    `,
  ];

  /** Why the person is here (signed out, or the session expired); shown above everything else. */
  @property({ attribute: 'notice' }) notice?: SignInNotice;

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  /** The email of the demo person being signed in, while the request runs. */
  @state() private signingIn?: string;
  @state() private failed = false;

  private demoStaff = new Task(this, {
    task: (_args, { signal }) => listDemoStaff(signal),
    args: () => [],
  });

  override render() {
    const { t } = this.texts;
    return html`
      <h1>${t('signIn.title')}</h1>
      ${
        this.notice
          ? html`<p class="message" role="status">
              ${t(this.notice === 'expired' ? 'signIn.expired' : this.notice === 'signed-out' ? 'header.signedOut' : 'header.signedOutEverywhere')}
            </p>`
          : ''
      }
      <p>${t('signIn.intro')}</p>
      <p>${t('signIn.noMethods')}</p>
      <meldpunt-sso-sign-in></meldpunt-sso-sign-in>
      ${this.demoStaff.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.demoStaff.run()),
        complete: (staff) => (staff && staff.length > 0 ? this.renderDemo(staff) : ''),
      })}
    `;
  }

  private renderDemo(staff: DemoStaff) {
    const { t } = this.texts;
    const describe = (person: DemoStaff[number]) =>
      [
        ...(person.platformAdmin ? [t('signIn.platformAdmin')] : []),
        ...person.memberships.map((m) =>
          t('signIn.rolesAt', { roles: m.roles.map((role) => t(`roles.${role}`)).join(', '), tenant: m.tenant }),
        ),
      ].join('; ');
    return html`
      <section aria-labelledby="demo-title">
        <h2 id="demo-title">${t('signIn.demoTitle')} <span class="tag">${t('signIn.demoBadge')}</span></h2>
        <p>${t('signIn.demoIntro')}</p>
        ${this.failed ? html`<p class="message error" role="alert">${t('signIn.failed')}</p>` : ''}
        <ul class="staff">
          ${staff.map(
            (person) =>
              html`<li>
                <button
                  class="button"
                  type="button"
                  ?disabled=${this.signingIn !== undefined}
                  @click=${() => this.signIn(person.email)}
                >
                  ${t('signIn.demoSignInAs', { name: person.name })}
                </button>
                <p>${describe(person)}</p>
              </li>`,
          )}
        </ul>
      </section>
    `;
  }

  private async signIn(email: string) {
    this.signingIn = email;
    this.failed = false;
    try {
      await demoSignIn(email);
      const me = await getMe();
      if (!me) throw new Error('No session after signing in');
      emit(this, 'meldpunt-signed-in', { me });
    } catch {
      this.failed = true;
    } finally {
      this.signingIn = undefined;
    }
  }
}

define('meldpunt-sign-in-page', MeldpuntSignInPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-sign-in-page': MeldpuntSignInPage;
  }
}
