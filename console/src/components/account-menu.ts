import { consume } from '@lit/context';
import type { Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import '@awesome.me/webawesome/dist/components/dropdown/dropdown.js';
import '@awesome.me/webawesome/dist/components/dropdown-item/dropdown-item.js';
import type WaDropdownItem from '@awesome.me/webawesome/dist/components/dropdown-item/dropdown-item.js';
import { meContext, textsContext, type TextsContext } from '../context.ts';
import { signOut, signOutEverywhere } from '../data/auth.ts';
import { emit } from '../events.ts';
import { href, navigate } from '../router.ts';

/**
 * The signed-in person's menu in the header (Web Awesome's dropdown: a menu button with arrow-key
 * navigation): who is signed in, their passkeys, sign out, and sign out everywhere (every session of this person, on every
 * device — for a lost laptop).
 *
 * @summary The account menu.
 * @fires meldpunt-signed-out - The session ended; `detail.reason` says how.
 */
export class MeldpuntAccountMenu extends LitElement {
  static override styles = [tokens, baseStyles];

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  override render() {
    const { t } = this.texts;
    if (!this.me) return '';
    return html`
      <wa-dropdown @wa-select=${this.onSelect}>
        <wa-button slot="trigger" appearance="outlined" with-caret>
          ${t('header.signedInAs', { name: this.me.name })}
        </wa-button>
        <wa-dropdown-item value="account">${t('account.menu')}</wa-dropdown-item>
        <wa-dropdown-item value="sign-out">${t('header.signOut')}</wa-dropdown-item>
        <wa-dropdown-item value="sign-out-everywhere">
          ${t('header.signOutEverywhere')}
          <span slot="details">${t('header.signOutEverywhereHint')}</span>
        </wa-dropdown-item>
      </wa-dropdown>
    `;
  }

  private async onSelect(event: CustomEvent<{ item: WaDropdownItem }>) {
    if (event.detail.item.value === 'account') {
      navigate(href('account'));
      return;
    }
    const everywhere = event.detail.item.value === 'sign-out-everywhere';
    await (everywhere ? signOutEverywhere() : signOut());
    emit(this, 'meldpunt-signed-out', { reason: everywhere ? 'signed-out-everywhere' : 'signed-out' });
  }
}

define('meldpunt-account-menu', MeldpuntAccountMenu);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-account-menu': MeldpuntAccountMenu;
  }
}
