import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { listTenants } from '../../data/tenants.ts';
import { may } from '../../permissions.ts';
import { href } from '../../router.ts';
import { pageStyles } from '../../styles/theme.ts';
import { adminSections } from '../admin/admin-nav.ts';

/**
 * One tenant's start page: the sections the person's roles there allow (the permissions helper decides
 * what to show; the server decides what to answer). A tenant the person may not open is "not found",
 * as the API says too: nobody learns which other tenants exist.
 *
 * @summary A tenant's start page.
 */
export class MeldpuntTenantPage extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  private tenant = new Task(this, {
    task: async ([slug], { signal }) => (await listTenants(signal)).find((tenant) => tenant.slug === slug),
    args: () => [this.slug] as const,
  });

  override render() {
    const { t } = this.texts;
    return this.tenant.render({
      pending: () => renderLoading(t),
      error: (error) => renderError(t, error, () => void this.tenant.run()),
      complete: (tenant) => {
        if (!tenant || !may(this.me, 'tenant.open', tenant.slug)) {
          return html`<h1>${t('notFound.title')}</h1>
            <p>${t('tenant.notFound')}</p>
            <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
        }
        const sections = [
          ...(may(this.me, 'configuration.view', tenant.slug)
            ? [
                {
                  route: 'configuration',
                  title: t('sections.configuration'),
                  hint: t('sections.configurationHint'),
                } as const,
              ]
            : []),
          ...(may(this.me, 'reports.view', tenant.slug)
            ? [{ route: 'reports', title: t('sections.reports'), hint: t('sections.reportsHint') } as const]
            : []),
          ...(may(this.me, 'figures.view', tenant.slug)
            ? [{ route: 'figures', title: t('sections.figures'), hint: t('sections.figuresHint') } as const]
            : []),
          // Members, invitations and the audit log, as the person's roles allow.
          ...adminSections(t, this.me, tenant.slug),
          ...(may(this.me, 'sso.manage', tenant.slug)
            ? [{ route: 'sso', title: t('sso.sectionTitle'), hint: t('sso.sectionHint') } as const]
            : []),
        ];
        const roles = tenant.roles.map((role) => t(`roles.${role}`)).join(', ');
        return html`
          <h1>${tenant.name}</h1>
          <p>
            ${roles ? t('tenant.intro', { roles }) : this.me?.platformAdmin ? t('signIn.platformAdmin') : t('tenant.noRoles')}
          </p>
          <nav aria-labelledby="sections-title">
            <h2 id="sections-title">${t('tenant.sections')}</h2>
            <ul class="cards">
              ${sections.map(
                (section) =>
                  html`<li class="card">
                    <a href=${href(section.route, { slug: tenant.slug })}>${section.title}</a>
                    <p>${section.hint}</p>
                  </li>`,
              )}
            </ul>
          </nav>
          <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>
        `;
      },
    });
  }
}

define('meldpunt-tenant-page', MeldpuntTenantPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-tenant-page': MeldpuntTenantPage;
  }
}
