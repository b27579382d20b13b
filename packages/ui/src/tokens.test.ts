import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { baseStyles } from './base-styles.ts';
import { define } from './define.ts';
import { tokens } from './tokens.ts';

/** An element styled the way every Meldpunt element is: the token chain, base styles, then its own. */
class TokenProbe extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    css`
      :host {
        display: block;
        color: var(--_meldpunt-text);
        background-color: var(--_meldpunt-primary);
        outline-color: var(--_meldpunt-focus);
      }
    `,
  ];
  protected override render() {
    return html`<span class="visually-hidden">Only for screen readers</span>`;
  }
}
define('ui-token-probe', TokenProbe);

/**
 * The probe inside a container that sets `declarations`, as a host page (public and NL Design
 * System tokens) or the widget (the tenant's branding, `--_meldpunt-tenant-*`) would.
 */
async function probe(declarations: string): Promise<CSSStyleDeclaration> {
  const el = await fixture<TokenProbe>(html`<ui-token-probe></ui-token-probe>`);
  el.parentElement!.setAttribute('style', declarations);
  return getComputedStyle(el);
}

// Four different colours, one per layer of the chain.
const publicColour = 'rgb(1, 1, 1)';
const nlDesignSystem = 'rgb(2, 2, 2)';
const branding = 'rgb(3, 3, 3)';

describe('the token chain', () => {
  const chains = [
    {
      property: 'color' as const,
      publicToken: '--meldpunt-text-color',
      nlTokens: ['--basis-color-default-color-document', '--utrecht-document-color'],
      tenantToken: '--_meldpunt-tenant-text',
      fallback: 'rgb(27, 27, 27)',
    },
    {
      property: 'backgroundColor' as const,
      publicToken: '--meldpunt-primary-color',
      nlTokens: ['--utrecht-button-primary-action-background-color', '--basis-color-action-1-inverse-bg-default'],
      tenantToken: '--_meldpunt-tenant-primary',
      fallback: 'rgb(26, 77, 143)',
    },
  ];

  for (const { property, publicToken, nlTokens, tenantToken, fallback } of chains) {
    describe(`for ${publicToken}`, () => {
      it('falls back to the default', async () => {
        expect((await probe(''))[property]).to.equal(fallback);
      });

      it('takes the tenant’s branding over the default', async () => {
        expect((await probe(`${tenantToken}: ${branding}`))[property]).to.equal(branding);
      });

      for (const nlToken of nlTokens) {
        it(`takes the NL Design System token ${nlToken} over the branding`, async () => {
          const style = await probe(`${tenantToken}: ${branding}; ${nlToken}: ${nlDesignSystem}`);
          expect(style[property]).to.equal(nlDesignSystem);
        });
      }

      it('takes the public token over everything', async () => {
        const nl = nlTokens.map((token) => `${token}: ${nlDesignSystem};`).join(' ');
        const style = await probe(`${tenantToken}: ${branding}; ${nl} ${publicToken}: ${publicColour}`);
        expect(style[property]).to.equal(publicColour);
      });
    });
  }

  it('has one focus colour: black unless the host page says otherwise', async () => {
    expect((await probe('')).outlineColor).to.equal('rgb(0, 0, 0)');
    expect((await probe(`--basis-focus-outline-color: ${nlDesignSystem}`)).outlineColor).to.equal(nlDesignSystem);
    expect((await probe(`--meldpunt-focus-color: ${publicColour}`)).outlineColor).to.equal(publicColour);
  });
});

describe('base styles', () => {
  it('hide .visually-hidden from sight, not from the accessibility tree', async () => {
    const el = await fixture<TokenProbe>(html`<ui-token-probe></ui-token-probe>`);
    await expect(el).to.be.accessible();
    const hidden = el.shadowRoot!.querySelector('.visually-hidden')!;
    const box = hidden.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([1, 1]);
    expect(getComputedStyle(hidden).clipPath).to.equal('inset(50%)');
  });

  it('hide the element with the hidden attribute', async () => {
    const el = await fixture<TokenProbe>(html`<ui-token-probe hidden></ui-token-probe>`);
    expect(getComputedStyle(el).display).to.equal('none');
  });
});
