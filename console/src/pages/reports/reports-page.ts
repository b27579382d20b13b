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
 * A tenant's inbox of reports (issue 14; filled in by its own change).
 *
 * @summary A tenant's inbox of reports
 */
export class MeldpuntReportsPage extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';
  /** The query string of the URL (the filter or period). */
  @property({ attribute: false }) query = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  override render() {
    const { t } = this.texts;
    if (!may(this.me, 'reports.view', this.slug)) {
      return html`<h1>${t('notFound.title')}</h1>
        <p>${t('tenant.notFound')}</p>
        <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
    }
    return html`<h1>${t('reports.title')}</h1>`;
  }
}

define('meldpunt-reports-page', MeldpuntReportsPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-reports-page': MeldpuntReportsPage;
  }
}
