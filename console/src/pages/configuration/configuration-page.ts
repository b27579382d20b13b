import { consume } from '@lit/context';
import type { Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { may } from '../../permissions.ts';
import { href } from '../../router.ts';
import { pageStyles } from '../../styles/theme.ts';

/**
 * The configuration room of a tenant, still empty: it says honestly what comes here (the next issues fill
 * it), for the people whose roles will use it; to anyone else it is not found.
 *
 * @summary A tenant's configuration (to come).
 */
export class MeldpuntConfigurationPage extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  override render() {
    const { t } = this.texts;
    const back = html`<p><a href=${href('tenant', { slug: this.slug })}>${this.tenantName()}</a></p>`;
    if (!may(this.me, 'configuration.view', this.slug)) {
      return html`<h1>${t('notFound.title')}</h1>
        <p>${t('tenant.notFound')}</p>
        <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
    }
    return html`<h1>${t('configuration.title')}</h1>
      <p>${t('configuration.comingSoon')}</p>
      ${back}`;
  }

  private tenantName(): string {
    return this.me?.memberships.find((m) => m.tenant === this.slug)?.tenantName ?? this.slug;
  }
}

define('meldpunt-configuration-page', MeldpuntConfigurationPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-configuration-page': MeldpuntConfigurationPage;
  }
}
