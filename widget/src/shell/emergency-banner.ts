// The always-visible "is there danger now? Call 112" banner.
import { html } from 'lit';
import type { Translate } from '../i18n.ts';

/** The emergency banner: shown above the form, and alone when the form cannot load. */
export function emergencyBanner(t: Translate) {
  return html`
    <div class="emergency" part="emergency">
      <p>${t('emergency.text')}</p>
      <a class="button call" part="button" href="tel:112">${t('emergency.call')}</a>
    </div>
  `;
}
