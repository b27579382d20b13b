import { consume } from '@lit/context';
import type { Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement } from 'lit';
import { query, state } from 'lit/decorators.js';
import type WaDropdown from '@awesome.me/webawesome/dist/components/dropdown/dropdown.js';
import type WaDropdownItem from '@awesome.me/webawesome/dist/components/dropdown-item/dropdown-item.js';
import { meContext, textsContext, type TextsContext } from '../context.ts';
import { signOut, signOutEverywhere } from '../data/auth.ts';
import { emit } from '../events.ts';
import { href, navigate } from '../router.ts';
import { pageStyles } from '../styles/theme.ts';

/**
 * Web Awesome's dropdown, loaded when the person first points at, focuses or opens the menu — not with
 * every signed-in page (it brings Web Awesome's base and its popup positioning: `pnpm bench:console`).
 */
let dropdownCode: Promise<unknown> | undefined;
function loadDropdown(): Promise<unknown> {
  dropdownCode ??= Promise.all([
    import('@awesome.me/webawesome/dist/components/dropdown/dropdown.js'),
    import('@awesome.me/webawesome/dist/components/dropdown-item/dropdown-item.js'),
  ]).catch((error: unknown) => {
    dropdownCode = undefined;
    throw error;
  });
  return dropdownCode;
}

/**
 * The signed-in person's menu in the header (Web Awesome's dropdown: a menu button with arrow-key
 * navigation): who is signed in, their passkeys, sign out, and sign out everywhere (every session of this person, on every
 * device — for a lost laptop). The trigger is a native button; the dropdown's code loads when it is first
 * needed, and until then its items stay hidden.
 *
 * @summary The account menu.
 * @fires meldpunt-signed-out - The session ended; `detail.reason` says how.
 */
export class MeldpuntAccountMenu extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    css`
      wa-dropdown:not(:defined) > :not([slot='trigger']) {
        display: none;
      }
    `,
  ];

  @query('wa-dropdown') private dropdown?: WaDropdown;

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
        <button
          slot="trigger"
          class="button secondary"
          type="button"
          aria-haspopup="menu"
          @pointerenter=${() => void loadDropdown().catch(() => undefined)}
          @focus=${() => void loadDropdown().catch(() => undefined)}
          @click=${this.openFirstTime}
        >
          ${t('header.signedInAs', { name: this.me.name })} <span aria-hidden="true">▾</span>
        </button>
        <wa-dropdown-item value="account">${t('account.menu')}</wa-dropdown-item>
        <wa-dropdown-item value="sign-out">${t('header.signOut')}</wa-dropdown-item>
        <wa-dropdown-item value="sign-out-everywhere">
          ${t('header.signOutEverywhere')}
          <span slot="details">${t('header.signOutEverywhereHint')}</span>
        </wa-dropdown-item>
      </wa-dropdown>
    `;
  }

  /** A click before the dropdown's code was in (it handles every later one itself): load it, then open. */
  private readonly openFirstTime = async () => {
    if (customElements.get('wa-dropdown')) return;
    await loadDropdown();
    await this.updateComplete;
    const dropdown = this.dropdown;
    if (dropdown) {
      await dropdown.updateComplete;
      dropdown.open = true;
    }
  };

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
