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
import { ceremonyProblem, signInWithPasskey, type CeremonyProblem } from '../../data/passkeys.ts';
import { emit } from '../../events.ts';
import { pageStyles } from '../../styles/theme.ts';
import { renderError, renderLoading } from '../../components/task-states.ts';

/** Why the person is on the sign-in page, when it is not their first visit. */
export type SignInNotice = 'signed-out' | 'signed-out-everywhere' | 'expired' | 'passkey-removed';

/** The message of each notice. */
const noticeTexts = {
  'signed-out': 'header.signedOut',
  'signed-out-everywhere': 'header.signedOutEverywhere',
  expired: 'signIn.expired',
  'passkey-removed': 'account.signedOutByRemoval',
} as const satisfies Record<SignInNotice, string>;

/**
 * The sign-in page: the way in, and the console's first screen (kept small: `pnpm bench:console`; the
 * WebAuthn code loads only on a click). "Sign in with a passkey" asks for no address: the browser offers
 * the passkeys it has for this site. A cancelled or failed attempt says so in an alert beside the button.
 * In demo mode the demo staff follow, one click each and clearly marked as demo.
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
  /** While a passkey sign-in runs. */
  @state() private passkeyBusy = false;
  /** Why the last passkey sign-in did not work. */
  @state() private passkeyProblem?: CeremonyProblem;

  private demoStaff = new Task(this, {
    task: (_args, { signal }) => listDemoStaff(signal),
    args: () => [],
  });

  override render() {
    const { t } = this.texts;
    return html`
      <h1>${t('signIn.title')}</h1>
      ${this.notice ? html`<p class="message" role="status">${t(noticeTexts[this.notice])}</p>` : ''}
      <p>${t('signIn.intro')}</p>
      ${this.renderPasskey()}
      <meldpunt-sso-sign-in></meldpunt-sso-sign-in>
      ${this.demoStaff.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.demoStaff.run()),
        complete: (staff) => (staff && staff.length > 0 ? this.renderDemo(staff) : ''),
      })}
    `;
  }

  private renderPasskey() {
    const { t } = this.texts;
    const problems: Record<CeremonyProblem, string> = {
      cancelled: t('passkeys.cancelled'),
      exists: t('passkeys.failed'),
      unsupported: t('passkeys.unsupported'),
      'too-many': t('passkeys.tooMany'),
      failed: t('passkeys.failed'),
    };
    return html`
      <section aria-labelledby="passkey-title">
        <h2 id="passkey-title">${t('passkeys.signInTitle')}</h2>
        <p>${t('passkeys.signInIntro')}</p>
        <div role="alert">
          ${this.passkeyProblem ? html`<p class="message error">${problems[this.passkeyProblem]}</p>` : ''}
        </div>
        <button
          id="passkey-sign-in"
          class="button"
          type="button"
          aria-disabled=${this.passkeyBusy ? 'true' : 'false'}
          @click=${this.signInWithPasskey}
        >
          ${this.passkeyBusy ? t('passkeys.signingIn') : t('passkeys.signIn')}
        </button>
      </section>
    `;
  }

  private async signInWithPasskey() {
    if (this.passkeyBusy) return;
    this.passkeyBusy = true;
    this.passkeyProblem = undefined;
    try {
      const me = await signInWithPasskey();
      emit(this, 'meldpunt-signed-in', { me });
    } catch (error) {
      this.passkeyProblem = ceremonyProblem(error);
    } finally {
      this.passkeyBusy = false;
    }
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
