import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { ConfigVersionSummary, Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../../context.ts';
import { getVersion, listVersions, restoreVersion } from '../../../data/config.ts';
import { ApiError } from '../../../data/http.ts';
import { may } from '../../../permissions.ts';
import { href, navigate } from '../../../router.ts';
import { pageStyles } from '../../../styles/theme.ts';
import { diffConfigs, pathLabel, valueText, type DiffEntry } from '../diff.ts';
import { formStyles } from '../form-styles.ts';

/** The versions compared, from the URL (`?from=3&to=5`): a comparison can be shared. */
function comparedInUrl(): { from: number; to: number } | undefined {
  const query = new URLSearchParams(location.search);
  const from = Number(query.get('from'));
  const to = Number(query.get('to'));
  return Number.isInteger(from) && Number.isInteger(to) && from > 0 && to > 0 && from !== to ? { from, to } : undefined;
}

type RestoreOutcome = { kind: 'restored'; from: number; version: number } | { kind: 'refused' | 'failed' };

/**
 * The history of a tenant's published versions: who published each, when, with which note, which was
 * restored from which, and which is current; a field-by-field comparison of any two (chosen in a form,
 * kept in the URL); and, for publishers, restoring an old version, which publishes it as a new one
 * (after a confirmation with an optional note).
 *
 * @summary The configuration editor's history section.
 * @fires meldpunt-config-published - A version was restored (published anew).
 */
export class MeldpuntConfigHistory extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    formStyles,
    css`
      .table-wrap {
        overflow-x: auto;
        max-inline-size: 100%;
      }
      table {
        border-collapse: collapse;
        inline-size: 100%;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.5rem;
        border-block-end: 1px solid var(--_meldpunt-border);
        overflow-wrap: anywhere;
      }
      .compare {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
        align-items: end;
      }
      .compare .field {
        flex: 1 1 12rem;
      }
      .compare button {
        margin-block-end: 1rem;
      }
    `,
  ];

  /** The tenant's slug. */
  @property({ attribute: false }) slug = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  /** The comparison being shown (from the URL). */
  @state() private compared = comparedInUrl();
  /** The version being restored (its dialog open). */
  @state() private restoring?: number;
  @state() private restoreNote = '';
  @state() private busy = false;
  @state() private outcome?: RestoreOutcome;

  @query('#restore-dialog') private restoreDialog?: HTMLDialogElement;

  private versions = new Task(this, {
    task: ([slug], { signal }) => listVersions(slug, signal),
    args: () => [this.slug] as const,
  });

  private diff = new Task(this, {
    task: async ([slug, from, to], { signal }): Promise<DiffEntry[] | undefined> => {
      if (!from || !to) return undefined;
      const [a, b] = await Promise.all([getVersion(slug, from, signal), getVersion(slug, to, signal)]);
      return diffConfigs(a.config, b.config);
    },
    args: () => [this.slug, this.compared?.from, this.compared?.to] as const,
  });

  private readonly onPopState = () => {
    this.compared = comparedInUrl();
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  override render() {
    const { t } = this.texts;
    return html`<h2>${t('history.title')}</h2>
      <p>${t('history.intro')}</p>
      ${this.renderOutcome()}
      ${this.versions.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.versions.run()),
        complete: (list) =>
          list.versions.length === 0
            ? html`<p>${t('history.empty')}</p>`
            : html`${this.renderList(list.versions)} ${this.renderCompare(list.versions)} ${this.renderDiff()}`,
      })}
      ${this.renderRestoreDialog()}`;
  }

  private renderOutcome() {
    const { t } = this.texts;
    const outcome = this.outcome;
    if (!outcome) return nothing;
    return outcome.kind === 'restored'
      ? html`<p class="message" role="status" id="history-outcome" tabindex="-1">
          ${t('history.restored', { from: outcome.from, version: outcome.version })}
        </p>`
      : html`<p class="message error" role="alert" id="history-outcome" tabindex="-1">
          ${t(outcome.kind === 'refused' ? 'history.restoreRefused' : 'history.restoreFailed')}
        </p>`;
  }

  private when(at: string | null): string {
    return at
      ? new Date(at).toLocaleString(this.texts.locale === 'nl' ? 'nl-NL' : 'en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })
      : '—';
  }

  private renderList(versions: readonly ConfigVersionSummary[]) {
    const { t } = this.texts;
    const mayRestore = may(this.me, 'configuration.publish', this.slug);
    return html`<div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${t('history.versionColumn')}</th>
            <th scope="col">${t('history.publishedAt')}</th>
            <th scope="col">${t('history.publishedBy')}</th>
            <th scope="col">${t('history.note')}</th>
            ${mayRestore ? html`<th scope="col">${t('history.actions')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${versions.map(
            (v) =>
              html`<tr>
                <th scope="row">
                  ${t('history.version', { version: v.version })}
                  ${v.current ? html`<span class="tag">${t('history.current')}</span>` : nothing}
                  ${
                    v.restoredFrom !== null
                      ? html`<br />${t('history.restoredFrom', { version: v.restoredFrom })}`
                      : nothing
                  }
                </th>
                <td>${this.when(v.publishedAt)}</td>
                <td>${v.publishedBy?.name || t('history.unknownPerson')}</td>
                <td class="old">${v.note ?? t('history.noNote')}</td>
                ${
                  mayRestore
                    ? html`<td>
                        ${
                          v.current
                            ? nothing
                            : html`<button
                                class="button secondary"
                                type="button"
                                @click=${() => void this.openRestore(v.version)}
                              >
                                ${t('history.restore', { version: v.version })}
                              </button>`
                        }
                      </td>`
                    : nothing
                }
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderCompare(versions: readonly ConfigVersionSummary[]) {
    const { t } = this.texts;
    if (versions.length < 2) return nothing;
    const [newest, previous] = versions;
    const to = this.compared?.to ?? newest?.version ?? 0;
    const from = this.compared?.from ?? previous?.version ?? 0;
    const select = (id: string, label: string, value: number) =>
      field(
        { id, label },
        () =>
          html`<select id=${id}>
            ${versions.map(
              (v) =>
                html`<option value=${v.version} ?selected=${v.version === value}>
                  ${t('history.version', { version: v.version })}
                </option>`,
            )}
          </select>`,
      );
    return html`<h3>${t('history.compare')}</h3>
      <form class="compare" @submit=${this.compare}>
        ${select('compare-from', t('history.older'), from)} ${select('compare-to', t('history.newer'), to)}
        <button class="button" type="submit">${t('history.show')}</button>
      </form>`;
  }

  private compare(event: Event) {
    event.preventDefault();
    const from = this.renderRoot.querySelector<HTMLSelectElement>('#compare-from')?.value ?? '';
    const to = this.renderRoot.querySelector<HTMLSelectElement>('#compare-to')?.value ?? '';
    navigate(href('configuration-section', { slug: this.slug, section: 'history' }, { from, to }));
  }

  private renderDiff() {
    const { t, locale } = this.texts;
    const compared = this.compared;
    if (!compared) return nothing;
    const shown = (value: unknown) => valueText(value) ?? t('history.absent');
    return html`<section aria-labelledby="diff-title">
      <h3 id="diff-title">${t('history.comparing', compared)}</h3>
      ${this.diff.render({
        pending: () => html`<p role="status">${t('history.loadingDiff')}</p>`,
        error: (error) => renderError(t, error, () => void this.diff.run()),
        complete: (entries) =>
          !entries || entries.length === 0
            ? html`<p role="status">${t('history.noDifferences')}</p>`
            : html`<div class="table-wrap">
                <table class="diff">
                  <thead>
                    <tr>
                      <th scope="col">${t('history.field')}</th>
                      <th scope="col">${t('history.before', { version: compared.from })}</th>
                      <th scope="col">${t('history.after', { version: compared.to })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${entries.map((entry) =>
                      entry.kind === 'order'
                        ? html`<tr>
                            <th scope="row">${pathLabel(entry.path, t, locale)}</th>
                            <td colspan="2">
                              ${t('history.order', { before: shown(entry.before), after: shown(entry.after) })}
                            </td>
                          </tr>`
                        : html`<tr>
                            <th scope="row">${pathLabel(entry.path, t, locale)}</th>
                            <td class="old">${shown(entry.before)}</td>
                            <td class="new">${shown(entry.after)}</td>
                          </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`,
      })}
    </section>`;
  }

  private renderRestoreDialog() {
    const { t } = this.texts;
    const version = this.restoring;
    return html`<dialog
      id="restore-dialog"
      aria-labelledby="restore-title"
      @close=${() => (this.restoring = undefined)}
    >
      ${
        version === undefined
          ? nothing
          : html`<h2 id="restore-title">${t('history.restoreTitle', { version })}</h2>
              <p>${t('history.restoreIntro', { version })}</p>
              <form @submit=${this.restore}>
                ${field(
                  {
                    id: 'restore-note',
                    label: t('history.restoreNote'),
                    hint: t('history.restoreNoteHint', { version }),
                  },
                  (aria) =>
                    html`<textarea
                      id="restore-note"
                      rows="2"
                      maxlength="500"
                      aria-describedby=${aria.describedBy}
                      .value=${this.restoreNote}
                      @input=${(e: Event) => (this.restoreNote = (e.target as HTMLTextAreaElement).value)}
                    ></textarea>`,
                )}
                <div class="actions">
                  <button class="button" type="submit" ?disabled=${this.busy}>
                    ${this.busy ? t('history.restoring') : t('history.restoreConfirm')}
                  </button>
                  <button class="button secondary" type="button" @click=${() => this.restoreDialog?.close()}>
                    ${t('history.cancel')}
                  </button>
                </div>
              </form>`
      }
    </dialog>`;
  }

  private async openRestore(version: number) {
    this.restoring = version;
    this.restoreNote = '';
    await this.updateComplete;
    this.restoreDialog?.showModal();
    this.renderRoot.querySelector<HTMLElement>('#restore-note')?.focus();
  }

  private async restore(event: Event) {
    event.preventDefault();
    const from = this.restoring;
    if (from === undefined || this.busy) return;
    this.busy = true;
    let outcome: RestoreOutcome;
    try {
      const restored = await restoreVersion(this.slug, from, this.restoreNote.trim() || undefined);
      outcome = { kind: 'restored', from, version: restored.version };
      this.dispatchEvent(
        new CustomEvent('meldpunt-config-published', {
          detail: { version: restored.version },
          bubbles: true,
          composed: true,
        }),
      );
      void this.versions.run();
    } catch (error) {
      outcome = { kind: error instanceof ApiError && error.status === 422 ? 'refused' : 'failed' };
    } finally {
      this.busy = false;
    }
    this.restoreDialog?.close();
    this.outcome = outcome;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#history-outcome')?.focus();
  }
}

define('meldpunt-config-history', MeldpuntConfigHistory);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-history': MeldpuntConfigHistory;
  }
}
