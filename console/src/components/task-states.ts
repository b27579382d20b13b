/**
 * How every page shows the states of its `@lit/task` other than "ready": loading (a polite status), and an
 * error (an alert saying what happened in words a person understands, the reference an administrator can
 * look up, and a way to try again). One look and one wording for every page; the host adopts `pageStyles`.
 */
import { html, type TemplateResult } from 'lit';
import { ApiError, NetworkError } from '../data/http.ts';
import type { Translate } from '../i18n.ts';

/** The loading state: announced politely, shown as text (nothing moves for those who asked for no motion). */
export function renderLoading(t: Translate): TemplateResult {
  return html`<p role="status">${t('app.loading')}</p>`;
}

/** The error state of a task, with a retry button when `retry` is given. */
export function renderError(t: Translate, error: unknown, retry?: () => void): TemplateResult {
  const message = error instanceof NetworkError ? t('errors.network') : t('errors.server');
  const reference = error instanceof ApiError ? error.problem.correlationId : undefined;
  return html`
    <div class="message error" role="alert">
      <p>${message}</p>
      ${reference ? html`<p>${t('errors.reference', { id: reference })}</p>` : ''}
      ${retry ? html`<button class="button secondary" type="button" @click=${retry}>${t('app.retry')}</button>` : ''}
    </div>
  `;
}
