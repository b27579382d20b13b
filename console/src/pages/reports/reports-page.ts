import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { InboxItem, InboxPage, Me, SavedView, StaffRef } from '@meldpunt/contracts';
import { reportStatuses } from '@meldpunt/contracts/backoffice-values';
import type { Locale } from '@meldpunt/contracts/limits';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { ApiError, NotFoundError } from '../../data/http.ts';
import {
  deleteView,
  filterQuery,
  getPublishedCategories,
  listOfficers,
  listReports,
  listViews,
  listWithdrawals,
  reportsCsvUrl,
  saveView,
} from '../../data/reports.ts';
import { loadBackofficeTexts } from '../../i18n.ts';
import { may } from '../../permissions.ts';
import { href, navigate } from '../../router.ts';
import { formStyles, pageStyles } from '../../styles/theme.ts';
import {
  categoryLabels,
  detailOf,
  formatDate,
  formatDateTime,
  formatOccurred,
  renderNotFound,
} from './report-format.ts';
import { reportStyles } from './report-styles.ts';

const roles = ['victim', 'bystander', 'other'] as const;

/** The names of the filter's choices: category labels by id, the tenant's officers. */
interface FilterChoices {
  categories: Record<string, string>;
  officers: StaffRef[];
}

/**
 * A tenant's inbox, for its officers: the reports newest first in a table (the reference is the link to
 * the report), a page at a time ("load more" follows the API's cursor). The filter form's state IS the
 * URL's query (`.query`, given by the console): showing a filter goes to a new URL, so it can be shared
 * and Back returns to the previous filter. The team's saved views are links to their filter; the current
 * filter can be saved under a name, a view deleted after confirmation. "Export CSV" is a plain link to the
 * export of the current filter (audited by the service, never with contact details). Above them (issue 15),
 * when there are any: the reports their reporters withdrew with the receipt code — a reference and two
 * dates, the content being gone (nothing to open).
 *
 * @summary A tenant's inbox of reports
 */
export class MeldpuntReportsPage extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    formStyles,
    reportStyles,
    css`
      .filters {
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
        align-items: end;
      }
      fieldset {
        border: 1px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
        margin: 0;
        padding: 0.5rem 0.75rem;
      }
      .views {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.25rem;
      }
      .views li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      .views a {
        display: inline-flex;
        align-items: center;
        min-block-size: var(--_meldpunt-target);
        font-weight: 600;
      }
      .excerpt {
        min-inline-size: 16rem;
      }
    `,
  ];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';
  /** The query string of the URL: the filter. */
  @property({ attribute: false }) query = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  /** The pages after the first, as "load more" brought them. */
  @state() private more: InboxPage[] = [];
  @state() private loadingMore = false;
  @state() private moreFailed?: unknown;
  /** A message after saving or deleting a view (announced). */
  @state() private notice = '';
  @state() private viewError = '';
  @state() private viewName = '';
  @state() private deleting?: SavedView;
  @state() private busy = false;

  private get allowed() {
    return may(this.me, 'reports.view', this.slug);
  }

  /** The filter as the URL has it (only its known keys, in their order). */
  private get filter(): URLSearchParams {
    return filterQuery(this.query);
  }

  /** The texts of the back office, then the first page of the filter. */
  private firstPage = new Task(this, {
    task: async ([slug, filter, locale, allowed], { signal }): Promise<InboxPage> => {
      this.more = [];
      this.moreFailed = undefined;
      if (!allowed) return { reports: [], nextCursor: null };
      const [page] = await Promise.all([listReports(slug, filter, { signal }), loadBackofficeTexts(locale)]);
      return page;
    },
    args: () => [this.slug, this.filter.toString(), this.texts.locale, this.allowed] as const,
  });

  /** What the filter's choices are named: the published categories, the officers (both optional). */
  private choices = new Task(this, {
    task: async ([slug, locale, allowed], { signal }): Promise<FilterChoices> => {
      if (!allowed) return { categories: {}, officers: [] };
      const [categories, officers] = await Promise.all([
        getPublishedCategories(slug, signal)
          .then((list) => categoryLabels(list, locale as Locale))
          .catch(() => ({}) as Record<string, string>),
        listOfficers(slug, signal).catch(() => []),
        loadBackofficeTexts(locale),
      ]);
      return { categories, officers };
    },
    args: () => [this.slug, this.texts.locale, this.allowed] as const,
  });

  /** The reports withdrawn by their reporters (the service keeps only the recent ones). */
  private withdrawals = new Task(this, {
    task: ([slug, allowed], { signal }) => (allowed ? listWithdrawals(slug, signal) : Promise.resolve([])),
    args: () => [this.slug, this.allowed] as const,
  });

  private views = new Task(this, {
    task: ([slug, allowed], { signal }) => (allowed ? listViews(slug, signal) : Promise.resolve([])),
    args: () => [this.slug, this.allowed] as const,
  });

  /** Shows the form's filter: a new URL (Back returns to this one). */
  private applyFilter(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const query: Record<string, string> = {};
    for (const key of ['status', 'role'] as const) {
      const values = data.getAll(key).map(String);
      if (values.length > 0) query[key] = values.join(',');
    }
    for (const key of ['category', 'from', 'to', 'contact', 'via', 'assignee', 'q'] as const) {
      const value = String(data.get(key) ?? '').trim();
      if (value) query[key] = value;
    }
    this.notice = '';
    navigate(href('reports', { slug: this.slug }, query));
  }

  private async loadMore(cursor: string) {
    this.loadingMore = true;
    this.moreFailed = undefined;
    try {
      const page = await listReports(this.slug, this.filter, { cursor });
      this.more = [...this.more, page];
    } catch (error) {
      this.moreFailed = error;
    } finally {
      this.loadingMore = false;
    }
  }

  private async saveCurrentView(event: SubmitEvent) {
    event.preventDefault();
    const { t } = this.texts;
    const name = this.viewName.trim();
    this.notice = '';
    if (!name) {
      this.viewError = t('inbox.views.nameRequired');
      this.renderRoot.querySelector<HTMLInputElement>('#view-name')?.focus();
      return;
    }
    this.busy = true;
    try {
      await saveView(this.slug, { name, query: this.filter.toString() });
      this.viewError = '';
      this.viewName = '';
      this.notice = t('inbox.views.saved', { name });
      void this.views.run();
    } catch (error) {
      this.viewError = t('inbox.views.failed', { detail: detailOf(error, t('errors.server')) });
    } finally {
      this.busy = false;
    }
  }

  private async confirmDelete() {
    const view = this.deleting;
    if (!view) return;
    const { t } = this.texts;
    this.busy = true;
    try {
      await deleteView(this.slug, view.id);
      this.deleting = undefined;
      this.notice = t('inbox.views.deleted', { name: view.name });
      void this.views.run();
    } catch (error) {
      this.viewError = t('inbox.views.failed', { detail: detailOf(error, t('errors.server')) });
      this.deleting = undefined;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const { t } = this.texts;
    if (!this.allowed) return renderNotFound(t);
    const tenant = this.me?.memberships.find((m) => m.tenant === this.slug)?.tenantName ?? this.slug;
    return html`
      <p><a class="back" href=${href('tenant', { slug: this.slug })}>${tenant}</a></p>
      <h1>${t('reports.title')}</h1>
      ${this.firstPage.render({
        pending: () => renderLoading(t),
        error: (error) => this.renderLoadError(error),
        complete: (first) => html`
          <p>${t('inbox.intro', { tenant })}</p>
          <div role="status">${this.notice ? html`<p class="message success">${this.notice}</p>` : nothing}</div>
          ${this.renderWithdrawals()} ${this.renderViews(tenant)} ${keyed(this.filter.toString(), this.renderFilter())}
          ${this.renderExport()} ${this.renderList([first, ...this.more], tenant)}
        `,
      })}
      ${this.renderDeleteDialog()}
    `;
  }

  /** A filter the API refuses (422) says why, beside a way back to all reports. */
  private renderLoadError(error: unknown) {
    const { t } = this.texts;
    if (error instanceof NotFoundError) return renderNotFound(t);
    if (error instanceof ApiError && (error.status === 422 || error.status === 400)) {
      return html`<div class="message error" role="alert">
          <p>${t('inbox.filterError', { detail: detailOf(error, error.problem.title) })}</p>
          <p><a href=${href('reports', { slug: this.slug })}>${t('inbox.clear')}</a></p>
        </div>
        ${keyed(this.filter.toString(), this.renderFilter())}`;
    }
    return renderError(t, error, () => void this.firstPage.run());
  }

  private renderFilter() {
    const { t } = this.texts;
    const filter = this.filter;
    const listed = (key: string) => (filter.get(key) ?? '').split(',').filter(Boolean);
    const statuses = listed('status');
    const chosenRoles = listed('role');
    const categories = this.choices.value?.categories ?? {};
    const officers = this.choices.value?.officers ?? [];
    const category = filter.get('category') ?? '';
    const via = filter.get('via') ?? '';
    const assignee = filter.get('assignee') ?? '';
    const contact = filter.get('contact') ?? '';
    // The reporting points: this tenant's, those of the reports shown, and the one filtered on.
    const points = new Map<string, string>([[this.slug, this.tenantName]]);
    for (const item of this.items()) points.set(item.via.slug, item.via.name);
    if (via && !points.has(via)) points.set(via, via);
    const option = (value: string, label: string, current: string) =>
      html`<option value=${value} ?selected=${value === current}>${label}</option>`;
    return html`<section aria-labelledby="filter-title">
      <h2 id="filter-title">${t('inbox.filterTitle')}</h2>
      <form @submit=${this.applyFilter}>
        <div class="filters">
          <fieldset>
            <legend>${t('inbox.status')}</legend>
            ${reportStatuses.map(
              (status) =>
                html`<label class="check"
                  ><input type="checkbox" name="status" value=${status} ?checked=${statuses.includes(status)} />
                  ${t(`reportDetail.statuses.${status}`)}</label
                >`,
            )}
          </fieldset>
          <fieldset>
            <legend>${t('inbox.role')}</legend>
            ${roles.map(
              (role) =>
                html`<label class="check"
                  ><input type="checkbox" name="role" value=${role} ?checked=${chosenRoles.includes(role)} />
                  ${t(`reportDetail.roles.${role}`)}</label
                >`,
            )}
          </fieldset>
          <div class="field">
            <label for="category">${t('inbox.category')}</label>
            <select id="category" name="category">
              ${option('', t('inbox.any'), category)}
              ${Object.entries(categories).map(([id, label]) => option(id, label, category))}
              ${category && !(category in categories) ? option(category, category, category) : nothing}
            </select>
          </div>
          <div class="field">
            <label for="from">${t('inbox.from')}</label>
            <input id="from" name="from" type="date" .value=${filter.get('from') ?? ''} />
          </div>
          <div class="field">
            <label for="to">${t('inbox.to')}</label>
            <input id="to" name="to" type="date" .value=${filter.get('to') ?? ''} />
          </div>
          <div class="field">
            <label for="contact">${t('inbox.contact')}</label>
            <select id="contact" name="contact">
              ${option('', t('inbox.contactAny'), contact)} ${option('with', t('inbox.contactWith'), contact)}
              ${option('without', t('inbox.contactWithout'), contact)}
            </select>
          </div>
          <div class="field">
            <label for="via">${t('inbox.via')}</label>
            <select id="via" name="via">
              ${option('', t('inbox.viaAny'), via)} ${[...points].map(([slug, name]) => option(slug, name, via))}
            </select>
          </div>
          <div class="field">
            <label for="assignee">${t('inbox.assignee')}</label>
            <select id="assignee" name="assignee">
              ${option('', t('inbox.assigneeAny'), assignee)} ${option('me', t('inbox.assigneeMe'), assignee)}
              ${option('none', t('inbox.assigneeNone'), assignee)}
              ${officers.filter((o) => o.id !== this.me?.id).map((o) => option(o.id, o.name, assignee))}
            </select>
          </div>
          <div class="field">
            <label for="q">${t('inbox.search')}</label>
            <input id="q" name="q" type="text" aria-describedby="q-hint" .value=${filter.get('q') ?? ''} />
            <p class="hint" id="q-hint">${t('inbox.searchHint')}</p>
          </div>
        </div>
        <div class="actions">
          <button class="button" type="submit">${t('inbox.apply')}</button>
          ${
            filter.size > 0
              ? html`<a class="button secondary" href=${href('reports', { slug: this.slug })}>${t('inbox.clear')}</a>`
              : nothing
          }
        </div>
      </form>
    </section>`;
  }

  private get tenantName() {
    return this.me?.memberships.find((m) => m.tenant === this.slug)?.tenantName ?? this.slug;
  }

  private items(): InboxItem[] {
    const first = this.firstPage.value;
    return first ? [first, ...this.more].flatMap((page) => page.reports) : [];
  }

  /** The withdrawals, as a short notice with a list; nothing while loading or when there are none. */
  private renderWithdrawals() {
    const { t, locale } = this.texts;
    return this.withdrawals.render({
      error: (error) => renderError(t, error, () => void this.withdrawals.run()),
      complete: (withdrawals) =>
        withdrawals.length === 0
          ? nothing
          : html`<section aria-labelledby="withdrawals-title" class="message" data-withdrawals>
              <h2 id="withdrawals-title">${t('inbox.withdrawals.title')}</h2>
              <p>${t('inbox.withdrawals.intro')}</p>
              <ul>
                ${withdrawals.map(
                  (w) =>
                    html`<li data-withdrawal=${w.reportId}>
                      ${t('inbox.withdrawals.item', {
                        reference: w.reference,
                        received: formatDate(locale, w.receivedAt),
                        withdrawn: formatDate(locale, w.withdrawnAt),
                      })}
                    </li>`,
                )}
              </ul>
            </section>`,
    });
  }

  private renderViews(tenant: string) {
    const { t } = this.texts;
    return html`<section aria-labelledby="views-title">
      <h2 id="views-title">${t('inbox.views.title')}</h2>
      <p>${t('inbox.views.intro', { tenant })}</p>
      ${this.views.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.views.run()),
        complete: (views) =>
          views.length === 0
            ? html`<p>${t('inbox.views.none')}</p>`
            : html`<ul class="views">
                ${views.map(
                  (view) =>
                    html`<li>
                      <a
                        href=${href('reports', { slug: this.slug }, Object.fromEntries(filterQuery(view.query)))}
                        aria-label=${t('inbox.views.apply', { name: view.name })}
                        aria-current=${filterQuery(view.query).toString() === this.filter.toString() ? 'true' : 'false'}
                        >${view.name}</a
                      >
                      ${
                        view.createdBy
                          ? html`<span class="muted"
                              >${t('inbox.views.createdBy', { name: view.createdBy.name })}</span
                            >`
                          : nothing
                      }
                      <button
                        class="button secondary"
                        type="button"
                        data-view=${view.id}
                        aria-label=${t('inbox.views.deleteLabel', { name: view.name })}
                        @click=${() => {
                          this.notice = '';
                          this.deleting = view;
                        }}
                      >
                        ${t('inbox.views.delete')}
                      </button>
                    </li>`,
                )}
              </ul>`,
      })}
      <form class="save-view" @submit=${this.saveCurrentView} novalidate>
        <div class="field">
          <label for="view-name">${t('inbox.views.name')}</label>
          <p class="hint" id="view-name-hint">${t('inbox.views.nameHint')}</p>
          <input
            id="view-name"
            type="text"
            maxlength="100"
            .value=${this.viewName}
            @input=${(event: Event) => (this.viewName = (event.target as HTMLInputElement).value)}
            aria-describedby=${this.viewError ? 'view-name-hint view-error' : 'view-name-hint'}
            aria-invalid=${this.viewError ? 'true' : 'false'}
          />
          ${this.viewError ? html`<p class="field-error" id="view-error" role="alert">${this.viewError}</p>` : nothing}
        </div>
        <div class="actions">
          <button class="button secondary" type="submit" ?disabled=${this.busy}>${t('inbox.views.save')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderDeleteDialog() {
    const { t } = this.texts;
    const view = this.deleting;
    return html`<wa-dialog
      id="delete-view"
      label=${view ? t('inbox.views.deleteTitle', { name: view.name }) : ''}
      ?open=${view !== undefined}
      @wa-after-hide=${(event: Event) => {
        if (event.target === event.currentTarget) this.deleting = undefined;
      }}
    >
      ${
        view
          ? html`<p>${t('inbox.views.deleteText')}</p>
              <div class="actions">
                <button class="button secondary" type="button" @click=${() => (this.deleting = undefined)}>
                  ${t('inbox.views.cancel')}
                </button>
                <button
                  class="button"
                  type="button"
                  id="confirm-delete"
                  ?disabled=${this.busy}
                  @click=${this.confirmDelete}
                >
                  ${t('inbox.views.deleteConfirm')}
                </button>
              </div>`
          : nothing
      }
    </wa-dialog>`;
  }

  private renderExport() {
    const { t } = this.texts;
    return html`<section aria-labelledby="export-title">
      <h2 id="export-title">${t('inbox.export.title')}</h2>
      <p id="export-text">${t('inbox.export.text')}</p>
      <p>
        <a
          class="button secondary"
          href=${reportsCsvUrl(this.slug, this.filter)}
          download
          aria-describedby="export-text"
          >${t('inbox.export.link')}</a
        >
      </p>
    </section>`;
  }

  private renderList(pages: readonly InboxPage[], tenant: string) {
    const { t, locale } = this.texts;
    const items = pages.flatMap((page) => page.reports);
    const next = pages.at(-1)?.nextCursor ?? null;
    const filtered = this.filter.size > 0;
    const labels = this.choices.value?.categories ?? {};
    if (items.length === 0) {
      return html`<p class="message">${filtered ? t('inbox.emptyFiltered') : t('inbox.empty')}</p>`;
    }
    return html`<div class="table-box" tabindex="0" role="region" aria-labelledby="inbox-caption">
        <table>
          <caption id="inbox-caption">
            ${filtered ? t('inbox.captionFiltered', { tenant }) : t('inbox.caption', { tenant })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('inbox.reference')}</th>
              <th scope="col">${t('inbox.received')}</th>
              <th scope="col">${t('inbox.occurred')}</th>
              <th scope="col">${t('inbox.categories')}</th>
              <th scope="col">${t('inbox.roleColumn')}</th>
              <th scope="col">${t('inbox.place')}</th>
              <th scope="col">${t('inbox.excerpt')}</th>
              <th scope="col">${t('inbox.statusColumn')}</th>
              <th scope="col">${t('inbox.assigneeColumn')}</th>
              <th scope="col">${t('inbox.hasContact')}</th>
              <th scope="col">${t('inbox.viaColumn')}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map(
              (item) =>
                html`<tr data-report=${item.id}>
                  <th scope="row">
                    <a class="reference" href=${href('report', { slug: this.slug, id: item.id })}>${item.reference}</a>
                    ${
                      item.demo
                        ? html`<span class="tag" title=${t('inbox.demoLong')}
                            >${t('inbox.demo')}<span class="visually-hidden">: ${t('inbox.demoLong')}</span></span
                          >`
                        : nothing
                    }
                    ${
                      item.deliveryProblem
                        ? html`<span class="tag warning"
                            >${t('inbox.deliveryProblem')}<span class="visually-hidden"
                              >: ${t('inbox.deliveryProblemLong')}</span
                            ></span
                          >`
                        : nothing
                    }
                  </th>
                  <td><time datetime=${item.receivedAt}>${formatDateTime(locale, item.receivedAt)}</time></td>
                  <td>${formatOccurred(t, locale, item)}</td>
                  <td>${item.categories.map((id) => labels[id] ?? id).join(', ')}</td>
                  <td>${t(`reportDetail.roles.${item.role}`)}</td>
                  <td>${item.locationText ?? t('inbox.noPlace')}</td>
                  <td class="excerpt">${item.excerpt ?? ''}</td>
                  <td>
                    ${
                      item.status === 'waiting'
                        ? html`<span class="tag" data-status="waiting">${t('reportDetail.statuses.waiting')}</span>`
                        : t(`reportDetail.statuses.${item.status}`)
                    }
                  </td>
                  <td>${item.assignee?.name ?? t('inbox.nobody')}</td>
                  <td>${item.hasContact ? t('inbox.yes') : t('inbox.no')}</td>
                  <td>${item.via.name}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p role="status">${this.loadingMore ? t('inbox.loadingMore') : t('inbox.shown', { count: items.length })}</p>
      ${this.moreFailed ? renderError(t, this.moreFailed) : nothing}
      ${
        next === null
          ? html`<p>${t('inbox.end')}</p>`
          : html`<p>
              <button
                class="button secondary"
                id="more"
                type="button"
                ?disabled=${this.loadingMore}
                @click=${() => void this.loadMore(next)}
              >
                ${t('inbox.more')}
              </button>
            </p>`
      }`;
  }
}

define('meldpunt-reports-page', MeldpuntReportsPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-reports-page': MeldpuntReportsPage;
  }
}
