// The language switch: a select of the languages the tenant offers, each named in its own language.
import { html, nothing } from 'lit';
import type { Locale } from '@meldpunt/contracts';
import { localeNames } from '@meldpunt/texts';
import type { Translate } from '../i18n.ts';

/** Nothing when the tenant offers one language. */
export function languageSwitch(offered: readonly Locale[], shown: Locale, t: Translate, pick: (l: Locale) => void) {
  if (offered.length < 2) return nothing;
  return html`
    <label class="visually-hidden" for="language">${t('language.label')}</label>
    <select id="language" @change=${(e: Event) => pick((e.target as HTMLSelectElement).value as Locale)}>
      ${offered.map((l) => html`<option value=${l} lang=${l} ?selected=${l === shown}>${localeNames[l]}</option>`)}
    </select>
  `;
}
