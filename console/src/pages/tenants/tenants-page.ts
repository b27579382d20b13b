import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { ConsoleTenant, Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { listTenants } from '../../data/tenants.ts';
import { may } from '../../permissions.ts';
import { href, navigate } from '../../router.ts';
import { pageStyles } from '../../styles/theme.ts';

/**
 * The tenants a person may open, after sign-in: a picker when there are several (a person working for a
 * regional cooperation), straight on to the one when there is one. The platform operator sees every tenant
 * with its state: published version, last report, failing deliveries; demo tenants are marked.
 *
 * @summary The tenant picker.
 */
export class MeldpuntTenantsPage extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles];

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  private tenants = new Task(this, {
    task: async (_args, { signal }) => {
      const tenants = await listTenants(signal);
      // One tenant and nothing else to see: open it (replacing this page in the history, so Back works).
      const only = tenants.length === 1 ? tenants[0] : undefined;
      if (only && !may(this.me, 'tenants.listAll')) navigate(href('tenant', { slug: only.slug }), { replace: true });
      return tenants;
    },
    args: () => [],
  });

  override render() {
    const { t } = this.texts;
    const all = may(this.me, 'tenants.listAll');
    return html`
      <h1>${t('tenants.title')}</h1>
      ${this.tenants.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.tenants.run()),
        complete: (tenants) =>
          tenants.length === 0
            ? html`<p>${t('tenants.empty')}</p>
                ${all ? html`<p><a class="button" href=${href('onboard')}>${t('operator.onboardLink')}</a></p>` : ''}`
            : html`<p>${t(all ? 'tenants.allIntro' : 'tenants.intro')}</p>
                ${
                  all
                    ? html`<p><a class="button" href=${href('onboard')}>${t('operator.onboardLink')}</a></p>
                        <p><a href=${href('national-figures')}>${t('reports.nationalTitle')}</a></p>`
                    : ''
                }
                <ul class="cards">
                  ${tenants.map((tenant) => this.renderTenant(tenant, all))}
                </ul>`,
      })}
    `;
  }

  private renderTenant(tenant: ConsoleTenant, withState: boolean) {
    const { t, locale } = this.texts;
    const date = (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    return html`<li class="card">
      <a href=${href('tenant', { slug: tenant.slug })}>${tenant.name}</a>
      ${tenant.isDemo ? html`<span class="tag">${t('tenants.demo')}</span>` : ''}
      ${
        tenant.roles.length > 0
          ? html`<p>${t('tenants.yourRoles', { roles: tenant.roles.map((role) => t(`roles.${role}`)).join(', ') })}</p>`
          : ''
      }
      ${
        withState
          ? html`<p>
                ${
                  tenant.publishedVersion === null
                    ? t('tenants.notPublished')
                    : t('tenants.published', { count: tenant.publishedVersion })
                }
              </p>
              <p>
                ${tenant.lastReportAt ? t('tenants.lastReport', { date: date(tenant.lastReportAt) }) : t('tenants.noReports')}
              </p>
              ${
                tenant.failingDeliveries > 0
                  ? html`<p><strong>${t('tenants.failing', { count: tenant.failingDeliveries })}</strong></p>`
                  : ''
              }
              ${tenant.deliveryTargets === 0 ? html`<p><strong>${t('operator.noDelivery')}</strong></p>` : ''}
              <p>
                <a href=${href('tenant-admin', { slug: tenant.slug })}
                  >${t('operator.manageLink', { tenant: tenant.name })}</a
                >
              </p>`
          : ''
      }
    </li>`;
  }
}

define('meldpunt-tenants-page', MeldpuntTenantsPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-tenants-page': MeldpuntTenantsPage;
  }
}
