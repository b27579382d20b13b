import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { AuditEntryView, AuditPerson, Me, TenantAuditPage } from '@meldpunt/contracts';
import { auditActions, isAuditActionName } from '@meldpunt/contracts/audit-actions';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { auditExportUrl, readAudit, verifyAudit } from '../../data/audit.ts';
import { NotFoundError } from '../../data/http.ts';
import { may } from '../../permissions.ts';
import { href, navigate } from '../../router.ts';
import { pageStyles } from '../../styles/theme.ts';
import { adminStyles, formatDateTime, renderAdminNav, renderNotFound, tenantNameOf } from './admin-nav.ts';

/**
 * A tenant's audit log, for its admins (not the platform operator: the server's rule): newest first, a
 * page at a time ("older events" adds the next page below, by the API's cursor), filtered by one kind of
 * event (in the URL, `?action=`, so a filtered view can be shared), each entry as a sentence — when, who
 * (the name the API resolves for display; the entries hold staff ids only), what, details — never raw JSON.
 * Downloads of the whole log (JSON Lines, CSV) are plain links to the export route, which records the
 * download in the log; the chain's verification (every hash recomputed on the server) is shown on top.
 *
 * @summary The audit log page.
 */
export class MeldpuntAuditPage extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles, adminStyles];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';

  /** The kind of event shown (from the URL's `?action=`); empty: every kind. */
  @property({ attribute: 'action' }) action = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  /** The pages after the first, as "older events" loaded them. */
  @state() private older: TenantAuditPage[] = [];
  @state() private loadingOlder = false;
  @state() private olderFailed?: unknown;

  /** The newest page (none asked for when the person may not read the log: the page says "not found"). */
  private firstPage = new Task(this, {
    task: async ([slug, action, allowed], { signal }): Promise<TenantAuditPage> => {
      this.older = [];
      this.olderFailed = undefined;
      if (!allowed) return { entries: [], nextBefore: null, people: {} };
      return readAudit(slug, { action: action || undefined, signal });
    },
    args: () => [this.slug, this.action, may(this.me, 'audit.read', this.slug)] as const,
  });

  private verification = new Task(this, {
    task: ([slug, allowed], { signal }) => (allowed ? verifyAudit(slug, signal) : Promise.resolve(undefined)),
    args: () => [this.slug, may(this.me, 'audit.read', this.slug)] as const,
  });

  private async loadOlder(before: number) {
    this.loadingOlder = true;
    this.olderFailed = undefined;
    try {
      const page = await readAudit(this.slug, { before, action: this.action || undefined });
      this.older = [...this.older, page];
    } catch (error) {
      this.olderFailed = error;
    } finally {
      this.loadingOlder = false;
    }
  }

  private applyFilter(event: SubmitEvent) {
    event.preventDefault();
    const action = new FormData(event.target as HTMLFormElement).get('action');
    navigate(href('audit', { slug: this.slug }, typeof action === 'string' && action ? { action } : {}));
  }

  override render() {
    const { t } = this.texts;
    if (!may(this.me, 'audit.read', this.slug)) return renderNotFound(t);
    const tenant = tenantNameOf(this.me, this.slug);
    return html`
      ${renderAdminNav(t, this.me, this.slug, 'audit')}
      <h1>${t('admin.audit.title')}</h1>
      <p>${t('admin.audit.intro', { tenant })}</p>
      ${this.renderVerification()} ${this.renderExport()}
      <form class="toolbar" @submit=${this.applyFilter}>
        <div class="field">
          <label for="action">${t('admin.audit.filter')}</label>
          <select id="action" name="action">
            <option value="" ?selected=${this.action === ''}>${t('admin.audit.filterAll')}</option>
            ${auditActions.map(
              (action) =>
                html`<option value=${action} ?selected=${this.action === action}>
                  ${t(`admin.audit.actions.${action}`)}
                </option>`,
            )}
          </select>
        </div>
        <div class="field"><button class="button secondary" type="submit">${t('admin.audit.apply')}</button></div>
      </form>
      ${this.firstPage.render({
        pending: () => renderLoading(t),
        error: (error) =>
          error instanceof NotFoundError ? renderNotFound(t) : renderError(t, error, () => void this.firstPage.run()),
        complete: (first) => this.renderLog([first, ...this.older], tenant),
      })}
    `;
  }

  private renderVerification() {
    const { t } = this.texts;
    return html`<section aria-labelledby="verify-title">
      <h2 id="verify-title">${t('admin.audit.verifyTitle')}</h2>
      ${this.verification.render({
        pending: () => html`<p role="status">${t('admin.audit.verifying')}</p>`,
        error: () => html`<p class="message error" role="alert">${t('admin.audit.verifyFailed')}</p>`,
        complete: (result) =>
          !result
            ? nothing
            : result.intact
              ? html`<p class="message success" role="status">${t('admin.audit.intact', { count: result.entries })}</p>`
              : html`<p class="message error" role="alert">
                  ${t('admin.audit.broken', { sequence: result.problems[0]?.sequence ?? 1 })}
                </p>`,
      })}
    </section>`;
  }

  private renderExport() {
    const { t } = this.texts;
    return html`<section aria-labelledby="export-title">
      <h2 id="export-title">${t('admin.audit.exportTitle')}</h2>
      <p>${t('admin.audit.exportHint')}</p>
      <p class="toolbar">
        <a class="button secondary" href=${auditExportUrl(this.slug, 'csv')} download>${t('admin.audit.exportCsv')}</a>
        <a class="button secondary" href=${auditExportUrl(this.slug, 'jsonl')} download
          >${t('admin.audit.exportJsonl')}</a
        >
      </p>
    </section>`;
  }

  private renderLog(pages: readonly TenantAuditPage[], tenant: string) {
    const { t, locale } = this.texts;
    const entries = pages.flatMap((page) => page.entries);
    const people: Record<string, AuditPerson> = Object.assign({}, ...pages.map((page) => page.people));
    const next = pages.at(-1)?.nextBefore ?? null;
    if (entries.length === 0) {
      return html`<p>${this.action ? t('admin.audit.emptyFiltered') : t('admin.audit.empty')}</p>`;
    }
    return html`<div class="table-box">
        <table>
          <caption>
            ${t('admin.audit.caption', { tenant })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('admin.audit.when')}</th>
              <th scope="col">${t('admin.audit.who')}</th>
              <th scope="col">${t('admin.audit.what')}</th>
              <th scope="col">${t('admin.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map(
              (entry) =>
                html`<tr>
                  <td><time datetime=${entry.occurredAt}>${formatDateTime(locale, entry.occurredAt)}</time></td>
                  <td>${this.who(entry, people)}</td>
                  <th scope="row">${this.what(entry)}</th>
                  <td>${this.details(entry, people)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p role="status">${t('admin.audit.shown', { count: entries.length })}</p>
      ${this.olderFailed ? renderError(t, this.olderFailed) : nothing}
      ${
        next === null
          ? html`<p>${t('admin.audit.end')}</p>`
          : html`<p>
              <button
                class="button secondary"
                type="button"
                ?disabled=${this.loadingOlder}
                @click=${() => void this.loadOlder(next)}
              >
                ${t('admin.audit.older')}
              </button>
            </p>`
      }`;
  }

  /** Who did it: a person by name and address, the system, a command, or nobody known. */
  private who(entry: AuditEntryView, people: Record<string, AuditPerson>) {
    const { t } = this.texts;
    const actor = entry.actor;
    if (!actor) return t('admin.audit.nobody');
    if (actor.kind === 'system') return t('admin.audit.system');
    if (actor.kind === 'cli') return t('admin.audit.cli');
    const person = people[actor.id];
    return person ? html`${person.name}<br /><small>${person.email}</small>` : t('admin.audit.formerStaff');
  }

  /**
   * What happened, in words: every action of the shared closed list has its text (the texts' tests hold
   * them to it); an action this console does not know yet (a newer service) shows its code.
   */
  private what(entry: AuditEntryView): string {
    const { t } = this.texts;
    return isAuditActionName(entry.action)
      ? t(`admin.audit.actions.${entry.action}`)
      : t('admin.audit.other', { action: entry.action });
  }

  /**
   * The details in words: roles by their names, a member by name, the sign-in method and reason, what was
   * exported, counts and choices. A value a newer service adds shows as it is, never as a text key.
   */
  private details(entry: AuditEntryView, people: Record<string, AuditPerson>): string {
    const { t } = this.texts;
    const d = entry.details;
    const word = (group: string, value: unknown) =>
      t(`admin.audit.detail.${group}.${String(value)}`, { defaultValue: String(value) });
    const roleNames = (value: unknown) =>
      Array.isArray(value)
        ? value.map((r) => (r === 'platform-admin' ? t('signIn.platformAdmin') : t(`roles.${String(r)}`))).join(', ')
        : '';
    const parts: string[] = [];
    if (entry.target?.kind === 'staff') {
      const name = people[entry.target.id]?.name ?? t('admin.audit.formerStaff');
      parts.push(t('admin.audit.detail.member', { name }));
    }
    switch (entry.action) {
      case 'auth.sign-in':
      case 'auth.sign-in-failed':
        if (typeof d['method'] === 'string') {
          parts.push(t('admin.audit.detail.method', { method: t(`admin.audit.detail.methods.${d['method']}`) }));
        }
        if (typeof d['reason'] === 'string') {
          parts.push(t('admin.audit.detail.reason', { reason: word('reasons', d['reason']) }));
        }
        break;
      case 'auth.signed-out':
        if (d['everywhere'] === true) parts.push(t('admin.audit.detail.everywhere'));
        break;
      case 'membership.roles-changed':
        parts.push(t('admin.audit.detail.change', { before: roleNames(d['before']), after: roleNames(d['after']) }));
        break;
      case 'config.published':
        parts.push(t('admin.audit.detail.version', { version: d['version'] }));
        if (typeof d['noteLength'] === 'number' && d['noteLength'] > 0) parts.push(t('admin.audit.detail.withNote'));
        break;
      // Issue 13: the configuration console, the logo, the private settings and the test delivery.
      case 'config.draft-saved':
        parts.push(t('admin.audit.detail.revision', { revision: d['revision'] }));
        if (Array.isArray(d['fields']) && d['fields'].length > 0) {
          const fields = d['fields'].map((f) => word('configField', f)).join(', ');
          parts.push(t('admin.audit.detail.configFields', { fields }));
        }
        break;
      case 'config.restored':
        parts.push(t('admin.audit.detail.restored', { version: d['version'], fromVersion: d['fromVersion'] }));
        if (typeof d['noteLength'] === 'number' && d['noteLength'] > 0) parts.push(t('admin.audit.detail.withNote'));
        break;
      case 'logo.uploaded':
        parts.push(
          t('admin.audit.detail.logo', {
            width: d['width'],
            height: d['height'],
            kilobytes: Math.ceil(Number(d['bytes']) / 1024),
          }),
        );
        break;
      case 'settings.changed':
        if (Array.isArray(d['groups']) && d['groups'].length > 0) {
          const groups = d['groups'].map((g) => word('settingsGroup', g)).join(', ');
          parts.push(t('admin.audit.detail.settingsGroups', { groups }));
        }
        parts.push(
          t('admin.audit.detail.origins', { count: d['origins'] }),
          t('admin.audit.detail.recipients', { count: d['recipients'] }),
          t('admin.audit.detail.pgpKeysNow', { count: d['pgpKeys'] }),
          t(d['webhook'] === true ? 'admin.audit.detail.webhookOn' : 'admin.audit.detail.webhookOff'),
        );
        break;
      case 'webhook-secret.rotated':
        parts.push(t(d['first'] === true ? 'admin.audit.detail.secretFirst' : 'admin.audit.detail.secretRotated'));
        break;
      case 'delivery.tested':
        parts.push(t('admin.audit.detail.testTargets', { emails: d['emails'], webhooks: d['webhooks'] }));
        break;
      case 'export.created': {
        const what = { of: word('exportOf', d['of']), format: d['format'] };
        parts.push(
          typeof d['rows'] === 'number'
            ? t('admin.audit.detail.export', { ...what, rows: d['rows'] })
            : t('admin.audit.detail.exportWhole', what),
        );
        break;
      }
      case 'tenant.demo-changed':
        parts.push(t(d['demo'] === true ? 'admin.audit.detail.demoOn' : 'admin.audit.detail.demoOff'));
        break;
      case 'contacts.exported':
        parts.push(t('admin.audit.detail.contacts', { count: d['reports'] }));
        break;
      case 'tenant.offboarded':
        parts.push(t('admin.audit.detail.erased', { count: d['erasedEntries'] }));
        break;
      case 'sso.configured':
        parts.push(
          t(d['enabled'] === true ? 'admin.audit.detail.ssoOn' : 'admin.audit.detail.ssoOff'),
          t('admin.audit.detail.ssoDomains', { count: d['allowedDomains'] }),
          t(d['secretChanged'] === true ? 'admin.audit.detail.ssoNewSecret' : 'admin.audit.detail.ssoSameSecret'),
        );
        break;
      // Issue 14: the back office. Never a report's content: codes of the closed lists, counts, ids.
      case 'report.updated':
        if (typeof d['status'] === 'string')
          parts.push(t('admin.audit.detail.status', { status: word('statuses', d['status']) }));
        if (typeof d['referredTo'] === 'string') {
          parts.push(t('admin.audit.detail.referredTo', { target: word('referralTargets', d['referredTo']) }));
        }
        if (typeof d['closingReason'] === 'string') {
          parts.push(t('admin.audit.detail.closingReason', { reason: word('closingReasons', d['closingReason']) }));
        }
        if (d['assigneeId'] === null) parts.push(t('admin.audit.detail.unassigned'));
        else if (typeof d['assigneeId'] === 'string') {
          const name = people[d['assigneeId']]?.name;
          parts.push(name ? t('admin.audit.detail.assigned', { name }) : t('admin.audit.detail.assignedSomeone'));
        }
        break;
      case 'report.note-added':
        parts.push(t('admin.audit.detail.noteLength', { count: d['length'] }));
        break;
      case 'delivery.retried':
        parts.push(t('admin.audit.detail.retried', { channel: word('channels', d['channel']) }));
        break;
      case 'contact.revealed':
        if (typeof d['reason'] === 'string') {
          parts.push(t('admin.audit.detail.revealReason', { reason: word('revealReasons', d['reason']) }));
        }
        break;
      case 'view.saved':
      case 'view.deleted':
        parts.push(t('admin.audit.detail.teamView'));
        break;
      case 'sso.identity-bound':
        if (typeof d['by'] === 'string') parts.push(word('boundBy', d['by']));
        break;
      default:
        if (Array.isArray(d['roles'])) parts.push(t('admin.audit.detail.roles', { roles: roleNames(d['roles']) }));
    }
    return parts.length > 0 ? parts.join('; ') : t('admin.audit.detail.none');
  }
}

define('meldpunt-audit-page', MeldpuntAuditPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-audit-page': MeldpuntAuditPage;
  }
}
