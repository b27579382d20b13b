import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { Invitation, Me, TenantRole } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { ApiError, NotFoundError } from '../../data/http.ts';
import { emailProblem, invite, listInvitations, normalisedEmail, withdrawInvitation } from '../../data/invitations.ts';
import { may } from '../../permissions.ts';
import { pageStyles } from '../../styles/theme.ts';
import {
  adminStyles,
  formatDateTime,
  formatRelative,
  renderAdminNav,
  renderNotFound,
  tenantNameOf,
} from './admin-nav.ts';
import { orderedRoles, renderRoleChoices } from './admin-roles.ts';

/**
 * Inviting people to a tenant and the invitations still open (its admins and the platform operator).
 *
 * - **Invite:** an e-mail address and roles (each with what it allows). The form checks what the contracts
 *   check before sending (a missing or malformed address, no role), and puts a refusal of the server
 *   (422 with per-field errors) beside the field it concerns; nothing typed is lost. The answer says the
 *   mail with the link is on its way (the service sends it through its outbox).
 * - **Open invitations** with their expiry, relative and absolute. The API lists every invitation not yet
 *   used: used ones are gone (the person is a member now, on the members page), and withdrawn ones too.
 *   Expired ones stay listed, marked as such, because the link no longer works and the admin should know:
 *   withdraw it and invite again.
 * - **Withdraw** after a confirmation naming the address.
 *
 * @summary The invitations page.
 */
export class MeldpuntInvitationsPage extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles, adminStyles];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  @state() private email = '';
  @state() private roles: TenantRole[] = [];
  /** Errors by field (`email`, `roles`), as keys of the texts or the server's own words. */
  @state() private errors: { email?: string; roles?: string } = {};
  @state() private formError?: string;
  @state() private sending = false;
  /** The outcome of the last invitation or withdrawal, announced politely. */
  @state() private notice?: string;
  @state() private withdrawing?: Invitation;
  @state() private dialogError?: string;

  /** The open invitations (none asked for when the person may not manage members: "not found"). */
  private invitations = new Task(this, {
    task: ([slug, allowed], { signal }) => (allowed ? listInvitations(slug, signal) : Promise.resolve([])),
    args: () => [this.slug, may(this.me, 'members.manage', this.slug)] as const,
  });

  private emailError(value: string): string | undefined {
    const { t } = this.texts;
    const problem = emailProblem(value);
    if (problem === 'missing') return t('admin.invitations.emailMissing');
    if (problem === 'tooLong') return t('admin.invitations.emailTooLong');
    if (problem === 'invalid') return t('admin.invitations.emailInvalid');
    return undefined;
  }

  private async send(event: SubmitEvent) {
    event.preventDefault();
    if (this.sending) return;
    const { t } = this.texts;
    const errors = {
      ...(this.emailError(this.email) ? { email: this.emailError(this.email) } : {}),
      ...(this.roles.length === 0 ? { roles: t('admin.noRoles') } : {}),
    };
    this.errors = errors;
    this.formError = undefined;
    this.notice = undefined;
    if (errors.email || errors.roles) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(errors.email ? '#invite-email' : '#role-admin')?.focus();
      return;
    }
    const email = normalisedEmail(this.email);
    this.sending = true;
    try {
      await invite(this.slug, email, this.roles);
    } catch (error) {
      this.refused(error);
      return;
    } finally {
      this.sending = false;
    }
    this.notice = t('admin.invitations.sent', { email });
    this.email = '';
    this.roles = [];
    void this.invitations.run();
  }

  /** A refusal: per-field errors beside their fields (in our words), anything else above the button. */
  private refused(error: unknown) {
    const { t } = this.texts;
    const fields = error instanceof ApiError && error.status === 422 ? (error.problem.errors ?? []) : [];
    const errors: { email?: string; roles?: string } = {};
    for (const e of fields) {
      if (e.path.startsWith('/email')) errors.email = t('admin.invitations.emailInvalid');
      else if (e.path.startsWith('/roles')) errors.roles = t('admin.noRoles');
    }
    this.errors = errors;
    if (errors.email || errors.roles) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(errors.email ? '#invite-email' : '#role-admin')?.focus(),
      );
    } else {
      this.formError = t('admin.invitations.failed');
    }
  }

  private async withdraw() {
    const invitation = this.withdrawing;
    if (!invitation || this.sending) return;
    const { t } = this.texts;
    this.sending = true;
    this.dialogError = undefined;
    try {
      await withdrawInvitation(this.slug, invitation.id);
    } catch (error) {
      this.dialogError = error instanceof NotFoundError ? t('admin.invitations.gone') : t('errors.server');
      if (error instanceof NotFoundError) void this.invitations.run();
      return;
    } finally {
      this.sending = false;
    }
    this.withdrawing = undefined;
    this.notice = t('admin.invitations.withdrawn', { email: invitation.email });
    void this.invitations.run();
  }

  override render() {
    const { t } = this.texts;
    if (!may(this.me, 'members.manage', this.slug)) return renderNotFound(t);
    const tenant = tenantNameOf(this.me, this.slug);
    return html`
      ${renderAdminNav(t, this.me, this.slug, 'invitations')}
      <h1>${t('admin.invitations.title')}</h1>
      <p>${t('admin.invitations.intro')}</p>
      <div role="status">${this.notice ? html`<p class="message success">${this.notice}</p>` : nothing}</div>
      ${this.renderForm()}
      <h2>${t('admin.invitations.openTitle')}</h2>
      ${this.invitations.render({
        pending: () => renderLoading(t),
        error: (error) =>
          error instanceof NotFoundError ? renderNotFound(t) : renderError(t, error, () => void this.invitations.run()),
        complete: (invitations) => this.renderTable(invitations, tenant),
      })}
      ${this.renderDialog()}
    `;
  }

  private renderForm() {
    const { t } = this.texts;
    return html`<section aria-labelledby="new-title">
      <h2 id="new-title">${t('admin.invitations.newTitle')}</h2>
      <form @submit=${this.send} novalidate>
        ${field(
          {
            id: 'invite-email',
            label: t('admin.invitations.email'),
            hint: t('admin.invitations.emailHint'),
            ...(this.errors.email ? { error: this.errors.email } : {}),
          },
          (aria) =>
            html`<input
              id="invite-email"
              type="email"
              name="email"
              autocomplete="off"
              spellcheck="false"
              maxlength="300"
              .value=${this.email}
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              @input=${(event: Event) => {
                this.email = (event.target as HTMLInputElement).value;
              }}
              @blur=${() => {
                // Said when leaving a field typed in, not while typing; cleared as soon as it is right.
                if (this.email !== '' || this.errors.email) {
                  const { email: _old, ...rest } = this.errors;
                  const error = this.emailError(this.email);
                  this.errors = error ? { ...rest, email: error } : rest;
                }
              }}
            />`,
        )}
        ${renderRoleChoices(t, {
          legend: t('admin.rolesLegend'),
          chosen: this.roles,
          invalid: this.errors.roles !== undefined,
          errorId: 'roles-error',
          onToggle: (role, checked) => {
            this.roles = orderedRoles(checked ? [...this.roles, role] : this.roles.filter((r) => r !== role));
            if (this.roles.length > 0) {
              const { roles: _old, ...rest } = this.errors;
              this.errors = rest;
            }
          },
        })}
        ${this.errors.roles ? html`<p class="field-error" id="roles-error">${this.errors.roles}</p>` : nothing}
        ${this.formError ? html`<p class="message error" role="alert">${this.formError}</p>` : nothing}
        <p><button class="button" type="submit" ?disabled=${this.sending}>${t('admin.invitations.send')}</button></p>
      </form>
    </section>`;
  }

  private renderTable(invitations: readonly Invitation[], tenant: string) {
    const { t, locale } = this.texts;
    if (invitations.length === 0) return html`<p>${t('admin.invitations.empty')}</p>`;
    const anyExpired = invitations.some((i) => i.expired);
    return html`${anyExpired ? html`<p>${t('admin.invitations.expiredHint')}</p>` : nothing}
      <div class="table-box">
        <table>
          <caption>
            ${t('admin.invitations.caption', { tenant })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('admin.invitations.email')}</th>
              <th scope="col">${t('admin.rolesLegend')}</th>
              <th scope="col">${t('admin.invitations.expires')}</th>
              <th scope="col">${t('admin.members.actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${invitations.map((invitation) => {
              const date = formatDateTime(locale, invitation.expiresAt);
              return html`<tr>
                <th scope="row">${invitation.email}</th>
                <td>${invitation.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
                <td>
                  <time datetime=${invitation.expiresAt}>
                    ${
                      invitation.expired
                        ? html`<strong>${t('admin.invitations.expired', { date })}</strong>`
                        : t('admin.invitations.expiresIn', {
                            relative: formatRelative(locale, invitation.expiresAt),
                            date,
                          })
                    }
                  </time>
                </td>
                <td>
                  <button
                    class="button secondary"
                    type="button"
                    data-invitation=${invitation.id}
                    @click=${() => {
                      this.withdrawing = invitation;
                      this.dialogError = undefined;
                      this.notice = undefined;
                    }}
                  >
                    ${t('admin.invitations.withdraw')}<span class="visually-hidden">: ${invitation.email}</span>
                  </button>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  private renderDialog() {
    const { t } = this.texts;
    const invitation = this.withdrawing;
    return html`<wa-dialog
      id="withdraw-dialog"
      label=${t('admin.invitations.withdrawTitle')}
      ?open=${invitation !== undefined}
      @wa-after-hide=${(event: Event) => {
        if (event.target === event.currentTarget) this.withdrawing = undefined;
      }}
    >
      ${
        invitation
          ? html`<p>${t('admin.invitations.withdrawText', { email: invitation.email })}</p>
              ${this.dialogError ? html`<p class="message error" role="alert">${this.dialogError}</p>` : nothing}
              <div class="dialog-actions">
                <button class="button secondary" type="button" @click=${() => (this.withdrawing = undefined)}>
                  ${t('admin.cancel')}
                </button>
                <button class="button" type="button" ?disabled=${this.sending} @click=${this.withdraw}>
                  ${t('admin.invitations.withdrawConfirm')}
                </button>
              </div>`
          : nothing
      }
    </wa-dialog>`;
  }
}

define('meldpunt-invitations-page', MeldpuntInvitationsPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-invitations-page': MeldpuntInvitationsPage;
  }
}
