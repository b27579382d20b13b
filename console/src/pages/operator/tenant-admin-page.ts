import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { ConsoleTenant, Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { NotFoundError } from '../../data/http.ts';
import { downloadTenantExport, isProblem, offboardTenant, problemTypes, setTenantDemo } from '../../data/operator.ts';
import { listTenants } from '../../data/tenants.ts';
import { may } from '../../permissions.ts';
import { href } from '../../router.ts';
import { pageStyles } from '../../styles/theme.ts';
import { operatorStyles } from './operator-styles.ts';

/**
 * The platform operator's page for one tenant: mark it as a demo tenant, and offboard it — first the
 * export (downloaded here, so the page knows it arrived whole; the service records it), then a
 * confirmation dialog (Web Awesome's `<wa-dialog>`) in which the operator types the tenant's slug.
 * Every refusal shows in words where the operator is working, and what was typed stays.
 *
 * @summary Manage one tenant: demo mark, export, offboard (platform operator).
 */
export class MeldpuntTenantAdminPage extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles, operatorStyles];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  @state() private demo: boolean | undefined;
  @state() private demoState: 'idle' | 'saving' | 'saved' = 'idle';
  @state() private demoFailure: unknown;
  @state() private exporting = false;
  @state() private exportedFile = '';
  @state() private exportFailure: unknown;
  @state() private dialogOpen = false;
  @state() private confirmSlug = '';
  @state() private confirmError = '';
  @state() private removing = false;
  @state() private removeFailure: unknown;
  @state() private removed = false;

  private tenant = new Task(this, {
    task: async ([slug], { signal }) => (await listTenants(signal)).find((tenant) => tenant.slug === slug),
    args: () => [this.slug] as const,
  });

  override render() {
    const { t } = this.texts;
    if (!may(this.me, 'tenants.listAll')) {
      return html`<h1>${t('notFound.title')}</h1>
        <p>${t('notFound.text')}</p>`;
    }
    return this.tenant.render({
      pending: () => renderLoading(t),
      error: (error) => renderError(t, error, () => void this.tenant.run()),
      complete: (tenant) => {
        if (this.removed) {
          return html`<h1>${t('operator.manage.title', { tenant: this.slug })}</h1>
            <div id="removed" class="message" role="status" tabindex="-1">
              <p>${t('operator.manage.removed', { tenant: tenant?.name ?? this.slug })}</p>
            </div>
            <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
        }
        if (!tenant) {
          return html`<h1>${t('notFound.title')}</h1>
            <p>${t('operator.manage.notFound')}</p>
            <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
        }
        return this.renderTenant(tenant);
      },
    });
  }

  private renderTenant(tenant: ConsoleTenant) {
    const { t } = this.texts;
    const demo = this.demo ?? tenant.isDemo;
    return html`<h1>${t('operator.manage.title', { tenant: tenant.name })}</h1>
      <section aria-labelledby="demo-title">
        <h2 id="demo-title">${t('operator.manage.demoTitle')}</h2>
        <p class="check">
          <input
            id="demo"
            type="checkbox"
            .checked=${demo}
            @change=${(e: Event) => {
              this.demo = (e.target as HTMLInputElement).checked;
              this.demoState = 'idle';
            }}
          />
          <label for="demo">${t('operator.manage.demo')}</label>
        </p>
        <div class="actions">
          <button
            class="button secondary"
            type="button"
            ?disabled=${this.demoState === 'saving'}
            @click=${() => this.saveDemo(demo)}
          >
            ${t('operator.manage.demoSave')}
          </button>
        </div>
        <p role="status">${this.demoState === 'saved' ? t('operator.manage.demoSaved') : ''}</p>
        ${this.demoFailure ? renderError(t, this.demoFailure) : nothing}
      </section>
      <section aria-labelledby="export-title">
        <h2 id="export-title">${t('operator.manage.exportTitle')}</h2>
        <p>${t('operator.manage.exportIntro')}</p>
        <div class="actions">
          <button class="button" type="button" ?disabled=${this.exporting} @click=${this.downloadExport}>
            ${this.exporting ? t('operator.manage.exporting') : t('operator.manage.export')}
          </button>
        </div>
        <p role="status">${this.exportedFile ? t('operator.manage.exported', { file: this.exportedFile }) : ''}</p>
        ${this.exportFailure ? renderError(t, this.exportFailure) : nothing}
      </section>
      <section aria-labelledby="offboard-title">
        <h2 id="offboard-title">${t('operator.manage.offboardTitle')}</h2>
        <p>${t('operator.manage.offboardIntro')}</p>
        <div class="actions">
          <button class="button secondary" type="button" @click=${this.openDialog}>
            ${t('operator.manage.offboard')}
          </button>
        </div>
      </section>
      <wa-dialog
        label=${t('operator.manage.dialogTitle', { tenant: tenant.name })}
        ?open=${this.dialogOpen}
        @wa-after-hide=${(e: Event) => {
          if (e.target === e.currentTarget) this.dialogOpen = false;
        }}
      >
        <form id="offboard-form" novalidate @submit=${(e: Event) => this.offboard(e, tenant)}>
          <p>${t('operator.manage.dialogText', { slug: tenant.slug })}</p>
          ${field(
            {
              id: 'confirm-slug',
              label: t('operator.manage.confirmSlug'),
              ...(this.confirmError ? { error: this.confirmError } : {}),
            },
            (aria) =>
              html`<input
                id="confirm-slug"
                type="text"
                autocomplete="off"
                spellcheck="false"
                autofocus
                aria-invalid=${aria.invalid}
                aria-describedby=${aria.describedBy}
                .value=${this.confirmSlug}
                @input=${(e: Event) => (this.confirmSlug = (e.target as HTMLInputElement).value)}
              />`,
          )}
          ${this.removeFailure ? this.renderRemoveFailure() : nothing}
        </form>
        <button slot="footer" class="button secondary" type="button" @click=${() => (this.dialogOpen = false)}>
          ${t('operator.manage.cancel')}
        </button>
        <button slot="footer" class="button" type="submit" form="offboard-form" ?disabled=${this.removing}>
          ${this.removing ? t('operator.manage.removing') : t('operator.manage.confirm')}
        </button>
      </wa-dialog>`;
  }

  private renderRemoveFailure() {
    const { t } = this.texts;
    if (isProblem(this.removeFailure, problemTypes.exportRequired)) {
      return html`<div class="message error" role="alert"><p>${t('operator.manage.errorExport')}</p></div>`;
    }
    return renderError(t, this.removeFailure);
  }

  private async saveDemo(demo: boolean) {
    this.demoState = 'saving';
    this.demoFailure = undefined;
    try {
      await setTenantDemo(this.slug, demo);
      this.demoState = 'saved';
    } catch (error) {
      this.demoState = 'idle';
      this.demoFailure = error;
    }
  }

  private async downloadExport() {
    this.exporting = true;
    this.exportFailure = undefined;
    try {
      this.exportedFile = await downloadTenantExport(this.slug);
    } catch (error) {
      this.exportFailure = error;
    } finally {
      this.exporting = false;
    }
  }

  private openDialog() {
    this.removeFailure = undefined;
    this.confirmError = '';
    this.dialogOpen = true;
  }

  private async offboard(event: Event, tenant: ConsoleTenant) {
    event.preventDefault();
    const { t } = this.texts;
    this.removeFailure = undefined;
    if (this.confirmSlug.trim() !== tenant.slug) {
      this.confirmError = t('operator.manage.errorSlug', { slug: tenant.slug });
      this.renderRoot.querySelector<HTMLElement>('#confirm-slug')?.focus();
      return;
    }
    this.confirmError = '';
    this.removing = true;
    try {
      await offboardTenant(tenant.slug, this.confirmSlug.trim());
      this.dialogOpen = false;
      this.removed = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#removed')?.focus());
    } catch (error) {
      if (error instanceof NotFoundError) {
        this.dialogOpen = false;
        this.tenant.run();
      }
      this.removeFailure = error;
    } finally {
      this.removing = false;
    }
  }
}

define('meldpunt-tenant-admin-page', MeldpuntTenantAdminPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-tenant-admin-page': MeldpuntTenantAdminPage;
  }
}
