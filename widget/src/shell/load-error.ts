// What the element shows when the tenant's config cannot be loaded: it cannot load, call 112, try again.
import { html, nothing } from 'lit';
import { ApiError } from '../api.ts';
import type { Translate } from '../i18n.ts';
import { emergencyBanner } from './emergency-banner.ts';

/** "The form cannot be loaded", with 112, and "try again" unless the tenant does not exist. */
export function loadErrorView(t: Translate, error: unknown, retry: () => void) {
  const kind = error instanceof ApiError ? error.kind : 'network';
  return html`
    <div class="widget" part="container" role="alert">
      ${emergencyBanner(t)}
      <p>${t('app.loadError')}</p>
      ${
        kind === 'not-found'
          ? nothing
          : html`<button type="button" class="primary" part="button" @click=${retry}>${t('app.retry')}</button>`
      }
    </div>
  `;
}
