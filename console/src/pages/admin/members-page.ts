import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { Me, Member, TenantRole } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { NotFoundError } from '../../data/http.ts';
import { changeRoles, isLastAdmin, listMembers, removeMember } from '../../data/members.ts';
import { emit } from '../../events.ts';
import { may } from '../../permissions.ts';
import { pageStyles } from '../../styles/theme.ts';
import { adminStyles, renderAdminNav, renderNotFound, tenantNameOf } from './admin-nav.ts';
import { orderedRoles, renderRoleChoices } from './admin-roles.ts';

type SortKey = 'name' | 'email';

/** What the page is doing with one member: editing their roles or confirming their removal. */
type Pending = { kind: 'edit'; member: Member; roles: TenantRole[] } | { kind: 'remove'; member: Member };

/**
 * A tenant's members and their roles (its admins and the platform operator): a table (sortable by name or
 * e-mail; the signed-in person's own row marked), changing a member's roles (a dialog with a checkbox per
 * role and what it allows) and removing a member (a dialog naming the person, saying their sessions end at
 * once). A refusal — the tenant's last admin (409 `last-admin`), a member meanwhile gone, the network — is
 * said in the dialog, which stays open with the choice as it was. Changing one's own roles ends one's own
 * sessions too (the server's rule): the console then goes to sign-in.
 *
 * @summary The members page.
 * @fires meldpunt-signed-out - After changing one's own roles or removing oneself: the session has ended.
 */
export class MeldpuntMembersPage extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles, adminStyles];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  @state() private sort: SortKey = new URLSearchParams(location.search).get('sort') === 'email' ? 'email' : 'name';
  @state() private pending?: Pending;
  /** The refusal shown in the open dialog. */
  @state() private dialogError?: string;
  @state() private busy = false;
  /** The outcome of the last change, announced politely above the table. */
  @state() private notice?: string;

  /** The members (none asked for when the person may not manage them: the page says "not found"). */
  private members = new Task(this, {
    task: ([slug, allowed], { signal }) => (allowed ? listMembers(slug, signal) : Promise.resolve([])),
    args: () => [this.slug, may(this.me, 'members.manage', this.slug)] as const,
  });

  private setSort(sort: SortKey) {
    this.sort = sort;
    const url = new URL(location.href);
    url.searchParams.set('sort', sort);
    history.replaceState(null, '', url.pathname + url.search);
  }

  private sorted(members: readonly Member[]): Member[] {
    const collator = new Intl.Collator(this.texts.locale, { sensitivity: 'base' });
    return [...members].sort((a, b) => collator.compare(a[this.sort], b[this.sort]));
  }

  private open(pending: Pending) {
    this.pending = pending;
    this.dialogError = undefined;
    this.notice = undefined;
  }

  private close() {
    this.pending = undefined;
    this.dialogError = undefined;
  }

  private toggleRole(role: TenantRole, checked: boolean) {
    if (this.pending?.kind !== 'edit') return;
    const roles = checked ? [...this.pending.roles, role] : this.pending.roles.filter((r) => r !== role);
    this.pending = { ...this.pending, roles: orderedRoles(roles) };
    if (roles.length > 0 && this.dialogError === this.texts.t('admin.noRoles')) this.dialogError = undefined;
  }

  /** The words for a refused change, with the member's name (the choice in the dialog stays as it is). */
  private refusal(error: unknown, member: Member): string {
    const { t } = this.texts;
    const tenant = tenantNameOf(this.me, this.slug);
    if (isLastAdmin(error)) return t('admin.members.lastAdmin', { name: member.name, tenant });
    if (error instanceof NotFoundError) return t('admin.members.gone');
    return t('admin.members.failed');
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const pending = this.pending;
    if (pending?.kind !== 'edit' || this.busy) return;
    const { t } = this.texts;
    if (pending.roles.length === 0) {
      this.dialogError = t('admin.noRoles');
      this.renderRoot.querySelector<HTMLInputElement>('#role-admin')?.focus();
      return;
    }
    await this.change(pending.member, () => changeRoles(this.slug, pending.member.id, pending.roles), 'saved');
  }

  private async confirmRemove() {
    const pending = this.pending;
    if (pending?.kind !== 'remove' || this.busy) return;
    await this.change(pending.member, () => removeMember(this.slug, pending.member.id), 'removed');
  }

  /** Runs a change; closes the dialog and says so when it worked, says why in the dialog when not. */
  private async change(member: Member, work: () => Promise<unknown>, done: 'saved' | 'removed') {
    const { t } = this.texts;
    this.busy = true;
    this.dialogError = undefined;
    try {
      await work();
    } catch (error) {
      this.dialogError = this.refusal(error, member);
      if (error instanceof NotFoundError) void this.members.run();
      return;
    } finally {
      this.busy = false;
    }
    this.close();
    if (member.id === this.me?.id) {
      // The server ended this person's own sessions with the change.
      emit(this, 'meldpunt-signed-out', { reason: 'signed-out' });
      return;
    }
    this.notice = t(`admin.members.${done}`, { name: member.name, tenant: tenantNameOf(this.me, this.slug) });
    await this.members.run();
  }

  override render() {
    const { t } = this.texts;
    if (!may(this.me, 'members.manage', this.slug)) return renderNotFound(t);
    const tenant = tenantNameOf(this.me, this.slug);
    return html`
      ${renderAdminNav(t, this.me, this.slug, 'members')}
      <h1>${t('admin.members.title')}</h1>
      <p>${t('admin.members.intro', { tenant })}</p>
      <div role="status">${this.notice ? html`<p class="message success">${this.notice}</p>` : nothing}</div>
      ${this.members.render({
        pending: () => renderLoading(t),
        error: (error) =>
          error instanceof NotFoundError ? renderNotFound(t) : renderError(t, error, () => void this.members.run()),
        complete: (members) => this.renderTable(members, tenant),
      })}
      ${this.renderDialogs(tenant)}
    `;
  }

  private renderTable(members: readonly Member[], tenant: string) {
    const { t } = this.texts;
    if (members.length === 0) return html`<p>${t('admin.members.empty')}</p>`;
    const sortable = (key: SortKey, label: string) =>
      html`<th scope="col" aria-sort=${this.sort === key ? 'ascending' : 'none'}>
        <button type="button" @click=${() => this.setSort(key)}>${label}</button>
      </th>`;
    return html`<div class="table-box">
      <table>
        <caption>
          ${t('admin.members.caption', { tenant })}
        </caption>
        <thead>
          <tr>
            ${sortable('name', t('admin.members.name'))} ${sortable('email', t('admin.members.email'))}
            <th scope="col">${t('admin.members.roles')}</th>
            <th scope="col">${t('admin.members.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.sorted(members).map(
            (member) =>
              html`<tr>
                <th scope="row">
                  ${member.name}
                  ${member.id === this.me?.id ? html`<span class="tag">${t('admin.members.you')}</span>` : nothing}
                </th>
                <td>${member.email}</td>
                <td>${member.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
                <td>
                  <div class="row-actions">
                    <button
                      class="button secondary"
                      type="button"
                      data-action="edit"
                      data-member=${member.id}
                      @click=${() => this.open({ kind: 'edit', member, roles: [...member.roles] })}
                    >
                      ${t('admin.members.edit')}<span class="visually-hidden">: ${member.name}</span>
                    </button>
                    <button
                      class="button secondary"
                      type="button"
                      data-action="remove"
                      data-member=${member.id}
                      @click=${() => this.open({ kind: 'remove', member })}
                    >
                      ${t('admin.members.remove')}<span class="visually-hidden">: ${member.name}</span>
                    </button>
                  </div>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** Web Awesome's dialog (the native `<dialog>`: focus kept inside, Escape closes, focus returns after). */
  private renderDialogs(tenant: string) {
    const { t } = this.texts;
    const pending = this.pending;
    const onHide = (event: Event) => {
      if (event.target === event.currentTarget) this.close();
    };
    const error = this.dialogError
      ? html`<p class="message error" role="alert" id="dialog-error">${this.dialogError}</p>`
      : nothing;
    return html`
      <wa-dialog
        id="edit-dialog"
        label=${pending?.kind === 'edit' ? t('admin.members.editTitle', { name: pending.member.name }) : ''}
        ?open=${pending?.kind === 'edit'}
        @wa-after-hide=${onHide}
      >
        ${
          pending?.kind === 'edit'
            ? html`<form @submit=${this.save} novalidate>
                ${pending.member.id === this.me?.id ? html`<p>${t('admin.members.selfWarning')}</p>` : nothing}
                ${renderRoleChoices(t, {
                  legend: t('admin.members.editTitle', { name: pending.member.name }),
                  chosen: pending.roles,
                  invalid: this.dialogError === t('admin.noRoles'),
                  errorId: 'dialog-error',
                  onToggle: (role, checked) => this.toggleRole(role, checked),
                })}
                ${error}
                <div class="dialog-actions">
                  <button class="button secondary" type="button" @click=${this.close}>${t('admin.cancel')}</button>
                  <button class="button" type="submit" ?disabled=${this.busy}>${t('admin.members.save')}</button>
                </div>
              </form>`
            : nothing
        }
      </wa-dialog>
      <wa-dialog
        id="remove-dialog"
        label=${pending?.kind === 'remove' ? t('admin.members.removeTitle', { name: pending.member.name }) : ''}
        ?open=${pending?.kind === 'remove'}
        @wa-after-hide=${onHide}
      >
        ${
          pending?.kind === 'remove'
            ? html`<p>
                  ${t('admin.members.removeText', { name: pending.member.name, email: pending.member.email, tenant })}
                </p>
                ${error}
                <div class="dialog-actions">
                  <button class="button secondary" type="button" @click=${this.close}>${t('admin.cancel')}</button>
                  <button class="button" type="button" ?disabled=${this.busy} @click=${this.confirmRemove}>
                    ${t('admin.members.removeConfirm')}
                  </button>
                </div>`
            : nothing
        }
      </wa-dialog>
    `;
  }
}

define('meldpunt-members-page', MeldpuntMembersPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-members-page': MeldpuntMembersPage;
  }
}
