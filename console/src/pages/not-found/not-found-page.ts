import { consume } from '@lit/context';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { textsContext, type TextsContext } from '../../context.ts';
import { href } from '../../router.ts';
import { pageStyles } from '../../styles/theme.ts';

/**
 * Any console URL that is no route: says so, with the way back to the start.
 *
 * @summary The console's "page not found".
 */
export class MeldpuntNotFoundPage extends LitElement {
  static override styles = [tokens, baseStyles, pageStyles];

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  override render() {
    const { t } = this.texts;
    return html`<h1>${t('notFound.title')}</h1>
      <p>${t('notFound.text')}</p>
      <p><a href=${href('home')}>${t('notFound.home')}</a></p>`;
  }
}

define('meldpunt-not-found-page', MeldpuntNotFoundPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-not-found-page': MeldpuntNotFoundPage;
  }
}
