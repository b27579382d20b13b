import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { ConfigDraft, Me } from '@meldpunt/contracts';
import { textCompleteness } from '@meldpunt/contracts/completeness';
import { brandingContrastChecks } from '@meldpunt/contracts/contrast';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { getDraft, getVersion, listVersions } from '../../data/config.ts';
import { ApiError, NotFoundError } from '../../data/http.ts';
import { loadConfigTexts } from '../../i18n.ts';
import { may } from '../../permissions.ts';
import { href } from '../../router.ts';
import { pageStyles } from '../../styles/theme.ts';
import type { ConfigEditEvent } from './config-edit.ts';
import { pathLabel, valueText } from './diff.ts';
import { DraftStore, type EditConflict } from './draft-store.ts';
import { formStyles } from './form-styles.ts';
import type { MeldpuntConfigPublishDialog } from './publish-dialog.ts';
import {
  draftSections,
  editingSections,
  fieldHref,
  isSectionName,
  sectionLoaders,
  sectionNames,
  type SectionName,
} from './sections.ts';

/** The element of each section (`<meldpunt-config-x>`), as static tag names for Lit. */
const sectionTags: Record<SectionName, StaticValue> = {
  texts: literal`meldpunt-config-texts`,
  branding: literal`meldpunt-config-branding`,
  categories: literal`meldpunt-config-categories`,
  fields: literal`meldpunt-config-fields`,
  'follow-up': literal`meldpunt-config-follow-up`,
  map: literal`meldpunt-config-map`,
  languages: literal`meldpunt-config-languages`,
  preview: literal`meldpunt-config-preview`,
  history: literal`meldpunt-config-history`,
  embed: literal`meldpunt-config-embed`,
  settings: literal`meldpunt-config-settings`,
};

/** From this width the editing sections have the compact preview beside them. */
const wideScreen = '(min-width: 80rem)';

/**
 * A tenant's configuration editor (issue 13): the status bar (save state, versions, what blocks
 * publishing, the publish button), the sections as a navigation of links (each its own URL:
 * `/console/tenants/:slug/configuration/:section`), the section shown, and on wide screens a compact
 * preview beside it. Editors and publishers edit the draft (saved as they type, `DraftStore`); an admin
 * without those roles reads the published version; only publishers publish.
 *
 * @summary The configuration editor of a tenant.
 */
export class MeldpuntConfigurationPage extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    formStyles,
    css`
      .status-bar {
        position: sticky;
        inset-block-start: 0;
        z-index: 1;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        padding: 0.5rem var(--_meldpunt-space);
        margin-block-end: 1rem;
        background: var(--_meldpunt-surface);
        border: 1px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
      }
      .status-bar p {
        margin: 0;
      }
      .save-state {
        font-weight: 600;
      }
      .versions {
        flex: 1 1 16rem;
      }
      .blockers-toggle[aria-expanded] {
        min-block-size: var(--_meldpunt-target);
      }
      .blockers {
        margin-block: 0.5rem 0;
        padding-inline-start: 1.25rem;
      }
      .blockers li {
        margin-block-end: 0.25rem;
      }
      nav ul {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-block-size: var(--_meldpunt-target);
        padding-inline: 0.75rem;
        border: 1px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        background: var(--_meldpunt-primary);
        border-color: var(--_meldpunt-primary);
        color: var(--_meldpunt-on-primary);
        font-weight: 700;
      }
      .layout {
        display: grid;
        gap: var(--_meldpunt-space);
      }
      @media (min-width: 80rem) {
        .layout.with-preview {
          grid-template-columns: minmax(0, 1fr) minmax(0, 24rem);
        }
      }
      .conflicts {
        list-style: none;
        padding: 0;
      }
      .conflicts > li {
        border-block-start: 1px solid var(--_meldpunt-border);
        padding-block: 0.5rem;
      }
      .versions-both {
        display: grid;
        gap: 0.5rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      }
      .versions-both p {
        margin: 0;
      }
    `,
  ];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';
  /** The section shown (from the URL; empty: the first). */
  @property({ attribute: 'section' }) section = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  @state() private showBlockers = false;
  @state() private wide = window.matchMedia(wideScreen).matches;

  @query('meldpunt-config-publish-dialog') private publishDialog?: MeldpuntConfigPublishDialog;

  private readonly store = new DraftStore(this);
  private readonly media = window.matchMedia(wideScreen);
  private readonly onMedia = () => {
    this.wide = this.media.matches;
  };
  /** A link to a field of the section shown changes only the query: look for the field again. */
  private readonly onPopState = () => this.requestUpdate();

  /** The texts, and the draft (or, to read only, the published version), then the section's code. */
  private load = new Task(this, {
    task: async ([slug, editable], { signal }) => {
      const [draft] = await Promise.all([
        editable ? getDraft(slug, signal) : this.publishedAsDraft(slug, signal),
        loadConfigTexts(this.texts.locale),
      ]);
      this.store.start(slug, draft);
      return draft;
    },
    args: () => [this.slug, this.editable] as const,
  });

  /** The section's code (loaded as the section is first shown), and the publish dialog's for publishers. */
  private sectionCode = new Task(this, {
    task: async ([section, publisher]) => {
      await Promise.all([
        section ? sectionLoaders[section]?.() : undefined,
        publisher ? import('./publish-dialog.ts') : undefined,
      ]);
    },
    args: () => [this.currentSection(), this.mayPublish] as const,
  });

  /** The compact preview's code, on wide screens only (apart, so a resize never reloads the section). */
  private previewCode = new Task(this, {
    task: async ([wanted]) => {
      if (wanted) await sectionLoaders.preview?.();
      return wanted;
    },
    args: () => [this.showsCompactPreview()] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    this.media.addEventListener('change', this.onMedia);
    window.addEventListener('popstate', this.onPopState);
    this.addEventListener('meldpunt-config-edit', this.onEdit);
    this.addEventListener('meldpunt-config-published', this.onPublished);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.media.removeEventListener('change', this.onMedia);
    window.removeEventListener('popstate', this.onPopState);
    this.removeEventListener('meldpunt-config-edit', this.onEdit);
    this.removeEventListener('meldpunt-config-published', this.onPublished);
  }

  private get editable(): boolean {
    return may(this.me, 'configuration.edit', this.slug);
  }

  private get mayPublish(): boolean {
    return may(this.me, 'configuration.publish', this.slug);
  }

  /** The sections this person sees (those whose code is there). */
  private visibleSections(): SectionName[] {
    return sectionNames.filter(
      (name) => sectionLoaders[name] && (name !== 'settings' || may(this.me, 'settings.manage', this.slug)),
    );
  }

  /** The section of the URL; undefined for one that does not exist (or this person does not see). */
  private currentSection(): SectionName | undefined {
    const visible = this.visibleSections();
    if (!this.section) return visible[0];
    return isSectionName(this.section) && visible.includes(this.section) ? this.section : undefined;
  }

  private showsCompactPreview(): boolean {
    const section = this.currentSection();
    return this.wide && section !== undefined && editingSections.has(section) && sectionLoaders.preview !== undefined;
  }

  /** The published version, as a draft to read (an admin may not read the draft; it is the editors'). */
  private async publishedAsDraft(slug: string, signal: AbortSignal): Promise<ConfigDraft> {
    const list = await listVersions(slug, signal);
    if (list.publishedVersion === null)
      throw new NotFoundError({ type: 'about:blank', title: 'No version', status: 404 });
    const version = await getVersion(slug, list.publishedVersion, signal);
    const config = version.config;
    return {
      etag: '',
      revision: 0,
      basedOnVersion: version.version,
      publishedVersion: version.version,
      config,
      updatedAt: null,
      updatedBy: null,
      completeness: textCompleteness(config),
      contrast: brandingContrastChecks(config.branding),
      publishBlockers: [],
    };
  }

  private readonly onEdit = (event: ConfigEditEvent) => {
    event.stopPropagation();
    if (!this.editable) return;
    this.store.edit(event.detail.path, event.detail.value);
  };

  /** After a publish or a restore: the draft starts again from the new version. */
  private readonly onPublished = () => {
    void this.reloadDraft();
  };

  private async reloadDraft() {
    try {
      await this.store.flush();
      if (this.editable) this.store.start(this.slug, await getDraft(this.slug));
    } catch {
      // The status bar keeps the last state; the next section change or reload reads it again.
    }
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Leaving a section (or the tenant) saves what is not saved yet.
    if ((changed.has('section') || changed.has('slug')) && changed.get('section') !== undefined) {
      void this.store.flush();
    }
  }

  protected override async updated() {
    // A link to a field (`?field=/followUp/response/title/en`, from a blocker or a conflict) focuses it.
    const wanted = new URLSearchParams(location.search).get('field');
    if (!wanted || this.focusedField === location.href) return;
    const section = this.renderRoot.querySelector('.section > *');
    if (!section) return;
    await (section as Partial<LitElement>).updateComplete;
    const control = section.shadowRoot?.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(wanted)}"]`);
    if (!control) return;
    this.focusedField = location.href;
    control.focus();
    control.scrollIntoView({ block: 'center' });
  }
  private focusedField = '';

  override render() {
    const { t } = this.texts;
    if (!may(this.me, 'configuration.view', this.slug)) return this.renderNotFound(t('tenant.notFound'));
    return this.load.render({
      pending: () => renderLoading(t),
      error: (error) =>
        error instanceof NotFoundError || (error instanceof ApiError && error.status === 403)
          ? this.renderNotFound(t('tenant.notFound'))
          : renderError(t, error, () => void this.load.run()),
      complete: () => this.renderEditor(),
    });
  }

  private renderNotFound(message: string) {
    const { t } = this.texts;
    return html`<h1>${t('notFound.title')}</h1>
      <p>${message}</p>
      <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
  }

  private renderEditor() {
    const { t } = this.texts;
    const section = this.currentSection();
    const tenant = this.me?.memberships.find((m) => m.tenant === this.slug)?.tenantName ?? this.slug;
    return html`
      <p><a href=${href('tenant', { slug: this.slug })}>${t('editor.back', { tenant })}</a></p>
      <h1>${t('editor.title')} · ${tenant}</h1>
      ${this.renderStatusBar()} ${this.renderMerge()}
      <nav aria-label=${t('editor.sectionsLabel')}>
        <ul>
          ${this.visibleSections().map(
            (name) =>
              html`<li>
                <a
                  href=${href('configuration-section', { slug: this.slug, section: name })}
                  aria-current=${name === section ? 'page' : nothing}
                  >${t(`editor.sections.${name}`)}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      ${this.editable ? nothing : html`<p class="message">${t('editor.readOnly')}</p>`}
      ${
        section
          ? this.sectionCode.render({
              pending: () => renderLoading(t),
              error: (error) => renderError(t, error, () => void this.sectionCode.run()),
              complete: () => this.renderSection(section),
            })
          : html`<h2>${t('notFound.title')}</h2>
              <p>${t('editor.unknownSection')}</p>
              <p><a href=${href('configuration', { slug: this.slug })}>${t('editor.firstSection')}</a></p>`
      }
      ${
        this.mayPublish
          ? html`<meldpunt-config-publish-dialog
              .slug=${this.slug}
              .store=${this.store}
            ></meldpunt-config-publish-dialog>`
          : nothing
      }
    `;
  }

  private renderSection(section: SectionName) {
    const store = this.store;
    const tag = sectionTags[section];
    const element = draftSections.has(section)
      ? staticHtml`<${tag}
          .slug=${this.slug}
          .config=${store.config}
          .draft=${store.draft}
          .errors=${store.errors}
          .editable=${this.editable}
        ></${tag}>`
      : staticHtml`<${tag} .slug=${this.slug}></${tag}>`;
    const preview = this.showsCompactPreview() && this.previewCode.value === true;
    return html`<div class="layout ${preview ? 'with-preview' : ''}">
      <div class="section">${element}</div>
      ${
        preview
          ? html`<aside aria-label=${this.texts.t('editor.compactPreview')}>
              <meldpunt-config-preview
                layout="compact"
                .slug=${this.slug}
                .config=${store.config}
                .draft=${store.draft}
              ></meldpunt-config-preview>
            </aside>`
          : nothing
      }
    </div>`;
  }

  private renderStatusBar() {
    const { t, locale } = this.texts;
    const draft = this.store.draft;
    if (!draft) return nothing;
    const blockers = draft.publishBlockers;
    const time = (date: Date) =>
      date.toLocaleTimeString(locale === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
    const state = this.store.state;
    const saveText =
      state.kind === 'saved' ? t('editor.status.saved', { time: time(state.at) }) : t(`editor.status.${state.kind}`);
    const unpublished = draft.revision > 0 || draft.basedOnVersion !== draft.publishedVersion;
    return html`<section class="status-bar" aria-label=${t('editor.status.label')}>
      ${
        this.editable
          ? html`<p class="save-state" role="status" aria-live="polite">${saveText}</p>
              ${
                state.kind === 'failed'
                  ? html`<button class="button secondary" type="button" @click=${() => void this.store.flush()}>
                      ${t('editor.status.retry')}
                    </button>`
                  : nothing
              }`
          : nothing
      }
      <p class="versions">
        ${draft.basedOnVersion !== null ? t('editor.status.basedOn', { version: draft.basedOnVersion }) : nothing}
        ${
          draft.publishedVersion === null
            ? t('editor.status.neverPublished')
            : t('editor.status.published', { version: draft.publishedVersion })
        }
        ${this.editable ? (unpublished ? t('editor.status.unpublished') : t('editor.status.upToDate')) : nothing}
      </p>
      ${
        this.editable
          ? blockers.length > 0
            ? html`<button
                class="button secondary blockers-toggle"
                type="button"
                aria-expanded=${this.showBlockers ? 'true' : 'false'}
                aria-controls="blocker-list"
                @click=${() => (this.showBlockers = !this.showBlockers)}
              >
                ${t('editor.status.blockers', { count: blockers.length })}
              </button>`
            : html`<p>${t('editor.status.noBlockers')}</p>`
          : nothing
      }
      ${
        this.mayPublish
          ? html`<button class="button" type="button" id="publish-open" @click=${() => void this.publishDialog?.open()}>
              ${t('publish.open')}
            </button>`
          : nothing
      }
      ${
        this.showBlockers && blockers.length > 0
          ? html`<div id="blocker-list">
              <h2 class="visually-hidden">${t('editor.status.blockersTitle')}</h2>
              <ul class="blockers">
                ${blockers.map(
                  (b) =>
                    html`<li>
                      <a href=${fieldHref(this.slug, b.path)}>${pathLabel(b.path, t, locale)}</a>: ${b.message}
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
    </section>`;
  }

  /** After someone else's save: who, when, what they changed, and each field both changed. */
  private renderMerge() {
    const merge = this.store.merge;
    if (!merge) return nothing;
    const { t, locale } = this.texts;
    const { by, at, kind } = merge.lastChange;
    const name = by?.name || t('editor.conflict.someone');
    const when = at
      ? new Date(at).toLocaleTimeString(locale === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' })
      : t('editor.conflict.unknownTime');
    const shown = (value: unknown) => valueText(value) ?? t('editor.conflict.empty');
    return html`<section class="message" aria-labelledby="conflict-title" id="conflict">
      <h2 id="conflict-title">${t('editor.conflict.title')}</h2>
      <div role="alert">
        <p>
          ${t(kind === 'published' ? 'editor.conflict.publishedBy' : 'editor.conflict.savedBy', { name, time: when })}
        </p>
        <p>${t('editor.conflict.merged')}</p>
      </div>
      ${
        merge.theirChanges.length > 0
          ? html`<p>${t('editor.conflict.theirChanges')}</p>
              <ul>
                ${merge.theirChanges.map((p) => html`<li>${pathLabel(p, t, locale)}</li>`)}
              </ul>`
          : nothing
      }
      ${
        merge.conflicts.length > 0
          ? html`<ul class="conflicts">
              ${merge.conflicts.map((c) => this.renderConflict(c, shown))}
            </ul>`
          : nothing
      }
      <button class="button secondary" type="button" @click=${() => this.store.dismissMerge()}>
        ${t('editor.conflict.close')}
      </button>
    </section>`;
  }

  private renderConflict(conflict: EditConflict, shown: (value: unknown) => string) {
    const { t, locale } = this.texts;
    const label = pathLabel(conflict.path, t, locale);
    return html`<li class="conflict">
      <p>
        <a href=${fieldHref(this.slug, conflict.pointer)}><strong>${label}</strong></a>
      </p>
      <p>${t('editor.conflict.both')}</p>
      <div class="versions-both">
        <div>
          <p><strong>${t('editor.conflict.mine')}</strong></p>
          <p class="new">${shown(conflict.mine)}</p>
        </div>
        <div>
          <p><strong>${t('editor.conflict.theirs')}</strong></p>
          <p class="old">${shown(conflict.theirs)}</p>
        </div>
      </div>
      <div class="actions">
        <button class="button secondary" type="button" @click=${() => this.store.keepMine(conflict)}>
          ${t('editor.conflict.keepMine')}<span class="visually-hidden">: ${label}</span>
        </button>
        <button class="button secondary" type="button" @click=${() => this.store.takeTheirs(conflict)}>
          ${t('editor.conflict.takeTheirs')}<span class="visually-hidden">: ${label}</span>
        </button>
      </div>
    </li>`;
  }
}

define('meldpunt-configuration-page', MeldpuntConfigurationPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-configuration-page': MeldpuntConfigurationPage;
  }
}
