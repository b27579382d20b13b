// The help panel: the national help organisations every reporter is shown, then the tenant's own.
import { html, nothing } from 'lit';
import type { Locale, TenantConfig } from '@meldpunt/contracts';
import type { Translate } from '../i18n.ts';
import { defaultReferrals } from '../referrals.ts';
import { tenantText } from '../steps/context.ts';
import { plainText } from './plain-text.ts';

/** The button that opens and closes the panel. */
export function helpToggle(open: boolean, t: Translate, toggle: () => void) {
  return html`
    <button
      type="button"
      class="secondary"
      part="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="help"
      @click=${toggle}
    >
      ${t('help.toggle')}
    </button>
  `;
}

export function helpPanel(config: TenantConfig, locale: Locale, t: Translate) {
  const ctx = { config, locale };
  const own = config.referrals.map((r) => ({
    name: tenantText(ctx, r.name) ?? '',
    description: tenantText(ctx, r.description),
    phone: r.phone,
    url: r.url,
  }));
  const national = defaultReferrals.map((r) => ({
    name: t(`help.referrals.${r.key}.name`),
    description: t(`help.referrals.${r.key}.description`),
    phone: r.phone,
    url: r.url,
  }));
  return html`
    <section class="help" id="help" part="help" aria-labelledby="help-title">
      <h3 id="help-title">${t('help.title')}</h3>
      <p>${t('help.intro')}</p>
      <ul>
        ${[...national, ...own].map(
          (r) =>
            html`<li>
              <p class="referral-name">${r.name}</p>
              ${r.description ? plainText(r.description) : nothing}
              <p>
                ${r.phone ? html`<a href="tel:${r.phone.replace(/[^0-9+]/g, '')}">${callText(t, r.phone)}</a>` : nothing}
                ${
                  r.url
                    ? html` ·
                        <a href=${r.url} target="_blank" rel="noopener noreferrer"
                          >${t('help.website', { name: r.name })}</a
                        >`
                    : nothing
                }
              </p>
            </li>`,
        )}
      </ul>
    </section>
  `;
}

/** "Bel 0900-0101", with the number isolated left-to-right inside right-to-left text. */
function callText(t: Translate, phone: string) {
  const [before = '', after = ''] = t('help.call', { phone: '\u0000' }).split('\u0000');
  return html`${before}<span class="tel">${phone}</span>${after}`;
}
