import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { InvitationGrant } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { textsContext, type TextsContext } from '../../context.ts';
import { getInvitation, isInvitationInvalid } from '../../data/invitation.ts';
import { ceremonyProblem, createPasskey, type CeremonyProblem } from '../../data/passkeys.ts';
import { emit } from '../../events.ts';
import { href, navigate } from '../../router.ts';
import { pageStyles } from '../../styles/theme.ts';

/**
 * Takes the invitation token from the address (`/console/invitation#<token>`) and removes it from the
 * address bar at once (`history.replaceState`), so it is not left in the history, a bookmark or a shared
 * screen; from then on it lives only in this page's memory. The fragment never reached a server.
 */
function takeTokenFromAddress(): string {
  const token = location.hash.slice(1);
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

/**
 * The invitation page: what the invitation grants (tenant and roles, or the platform; the invited
 * address; until when), and "Create a passkey", which registers one and accepts the invitation in one
 * step — the person is signed in afterwards and goes into the console. A link that no longer works says
 * so (one message for used, expired and withdrawn) and leads to sign-in. What the person typed stays
 * when creating the passkey fails or is cancelled.
 *
 * @summary The page an invitation link opens.
 * @fires meldpunt-signed-in - The passkey was created and the person is signed in.
 */
export class MeldpuntInvitationPage extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    css`
      form {
        display: grid;
        gap: 1rem;
        max-inline-size: 32rem;
      }
      label {
        display: block;
        font-weight: 600;
      }
      .hint {
        margin: 0.25rem 0 0.5rem;
        color: var(--_meldpunt-muted);
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

  /** The link's token: in memory only. */
  private readonly token = takeTokenFromAddress();

  @state() private name = '';
  @state() private label = '';
  @state() private busy = false;
  @state() private problem?: CeremonyProblem | 'invalid';

  private invitation = new Task(this, {
    task: ([token], { signal }) => (token ? getInvitation(token, signal) : Promise.resolve(null)),
    args: () => [this.token] as const,
  });

  override render() {
    const { t } = this.texts;
    return html`
      <h1>${t('invitation.title')}</h1>
      ${this.invitation.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.invitation.run()),
        complete: (grant) => (grant && this.problem !== 'invalid' ? this.renderGrant(grant) : this.renderInvalid()),
      })}
    `;
  }

  private renderInvalid() {
    const { t } = this.texts;
    return html`
      <div class="message error" role="alert">
        <h2>${t('invitation.invalidTitle')}</h2>
        <p>${t(this.token ? 'invitation.invalid' : 'invitation.noToken')}</p>
      </div>
      <p><a href=${href('sign-in')}>${t('invitation.toSignIn')}</a></p>
    `;
  }

  private renderGrant(grant: InvitationGrant) {
    const { t, locale } = this.texts;
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
      new Date(grant.expiresAt),
    );
    const problems: Record<CeremonyProblem, string> = {
      cancelled: t('passkeys.createCancelled'),
      exists: t('passkeys.exists'),
      unsupported: t('passkeys.unsupported'),
      'too-many': t('passkeys.createFailed'),
      failed: t('passkeys.createFailed'),
    };
    return html`
      <p>${t('invitation.intro', { email: grant.email })}</p>
      <h2>${t('invitation.grants')}</h2>
      <ul>
        ${grant.platformAdmin ? html`<li>${t('invitation.platformAdmin')}</li>` : ''}
        ${
          grant.tenant
            ? html`<li>
                ${t('invitation.rolesAt', {
                  roles: grant.roles.map((role) => t(`roles.${role}`)).join(', '),
                  tenant: grant.tenant.name,
                })}
              </li>`
            : ''
        }
      </ul>
      <p>${t('invitation.expires', { date })}</p>
      <h2 id="create-title">${t('invitation.howTitle')}</h2>
      <p>${t('invitation.how')}</p>
      <form aria-labelledby="create-title" @submit=${this.create}>
        <div>
          <label for="name">${t('invitation.name')}</label>
          <p class="hint" id="name-hint">${t('invitation.nameHint')}</p>
          <input
            id="name"
            name="name"
            autocomplete="name"
            maxlength="200"
            aria-describedby="name-hint"
            .value=${this.name}
            @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div>
          <label for="label">${t('invitation.label')}</label>
          <p class="hint" id="label-hint">${t('invitation.labelHint')}</p>
          <input
            id="label"
            name="label"
            autocomplete="off"
            maxlength="60"
            aria-describedby="label-hint"
            .value=${this.label}
            @input=${(e: Event) => (this.label = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div role="alert">
          ${
            this.problem && this.problem !== 'invalid'
              ? html`<p class="message error">${problems[this.problem]}</p>`
              : ''
          }
        </div>
        <div>
          <button id="create" class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? t('invitation.creating') : t('invitation.create')}
          </button>
        </div>
      </form>
    `;
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.problem = undefined;
    try {
      const me = await createPasskey({ token: this.token, name: this.name.trim(), label: this.label.trim() });
      emit(this, 'meldpunt-signed-in', { me });
      navigate(href('tenants'), { replace: true });
    } catch (error) {
      this.problem = isInvitationInvalid(error) ? 'invalid' : ceremonyProblem(error);
    } finally {
      this.busy = false;
    }
  }
}

define('meldpunt-invitation-page', MeldpuntInvitationPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-invitation-page': MeldpuntInvitationPage;
  }
}
