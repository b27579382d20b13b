import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { ConfigDraft, Referral, TenantConfigInput } from '@meldpunt/contracts';
import type { Locale } from '@meldpunt/contracts/limits';
import { loadLaterTexts, loadTexts, textDirection } from '@meldpunt/texts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { textsContext, type TextsContext } from '../../../context.ts';
import { pageStyles } from '../../../styles/theme.ts';
import { emitEdit, errorAt, getIn, pathOf, pointer, type ConfigPath } from '../config-edit.ts';
import { languageName, overrideKeys, pathLabel } from '../diff.ts';
import { formStyles } from '../form-styles.ts';
import { fieldHref } from '../sections.ts';

type OverrideId = keyof typeof overrideKeys;

/** The overrides of the widget's standard texts this section offers, by group. */
const introKeys: OverrideId[] = ['introTitle', 'introBody'];
const hintKeys: OverrideId[] = ['whoOtherHint', 'whenHint', 'whenApproximateHint', 'whereHint'];
/** Long texts: a textarea (the others are one line). */
const longKeys: ReadonlySet<OverrideId> = new Set(['introBody', 'doneNextActive', 'doneNoFollowUp']);

const locales = new Set<string>(['nl', 'en', 'ar', 'tr', 'pl', 'uk']);

/** The text at a dotted key of a text tree (`steps.when.hint`), if it is one. */
function textAt(tree: unknown, key: string): string | undefined {
  const value = getIn(tree, key.split('.'));
  return typeof value === 'string' ? value : undefined;
}

/** A control's id from its config path (`/followUp/response/title/en` → `f-followUp-response-title-en`). */
const idOf = (path: ConfigPath) => `f${pointer(path).replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * The texts of a tenant's reporting form, per language the tenant offers (the default language first):
 * the start of the form and the hints with the questions (overrides of the widget's standard texts, the
 * standard text shown beside each), the response after sending and what the reporter reads next (with
 * and without active follow-up), the privacy statement and its address, and the tenant's own help
 * organisations (added, removed and reordered with buttons). Plain text only: paragraphs and https links,
 * never HTML. Below them, the completeness of every language, from the draft the service checked.
 *
 * Every change is a `meldpunt-config-edit`; an emptied text is removed (the form falls back).
 *
 * @summary The configuration editor's texts section.
 * @fires meldpunt-config-edit - A text changed.
 */
export class MeldpuntConfigTexts extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    formStyles,
    css`
      .referral-actions {
        margin-block-start: 0.5rem;
      }
      .completeness ul {
        padding-inline-start: 1.25rem;
      }
      .missing-required {
        color: var(--_meldpunt-error);
        font-weight: 600;
      }
      details summary {
        min-block-size: var(--_meldpunt-target);
        display: flex;
        align-items: center;
        cursor: pointer;
        color: var(--_meldpunt-link);
      }
    `,
  ];

  /** The tenant's slug. */
  @property({ attribute: false }) slug = '';
  /** The config as edited now. */
  @property({ attribute: false }) config?: TenantConfigInput;
  /** The service's last answer (completeness). */
  @property({ attribute: false }) draft?: ConfigDraft;
  /** Errors beside fields, by JSON Pointer. */
  @property({ attribute: false }) errors: ReadonlyMap<string, string> = new Map();
  /** False: read only. */
  @property({ attribute: false }) editable = true;

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  /** The language being edited (empty: the default language). */
  @state() private chosen = '';

  /** The widget's standard texts in the language being edited (shown beside each override). */
  private standard = new Task(this, {
    task: async ([locale]) => {
      // Two trees that both hold `steps` (the first steps', and the later steps'): looked up in turn.
      return Promise.all([loadTexts[locale](), loadLaterTexts[locale]()]);
    },
    args: () => [this.locale()] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this.followLink);
    this.followLink();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.followLink);
  }

  /** A link to a field in another language (`?field=/texts/en/intro.title`) opens that language. */
  private readonly followLink = () => {
    const wanted = new URLSearchParams(location.search).get('field');
    if (!wanted) return;
    const parts = pathOf(wanted);
    const locale = parts[0] === 'texts' ? parts[1] : parts.at(-1);
    if (locale && locales.has(locale)) this.chosen = locale;
  };

  private defaultLocale(): Locale {
    return this.config?.defaultLocale ?? 'nl';
  }

  /** The languages offered, the default first. */
  private offered(): Locale[] {
    const first = this.defaultLocale();
    return [first, ...(this.config?.locales ?? []).filter((l) => l !== first)];
  }

  private locale(): Locale {
    const offered = this.offered();
    return offered.find((l) => l === this.chosen) ?? this.defaultLocale();
  }

  override render() {
    const { t } = this.texts;
    if (!this.config) return nothing;
    const locale = this.locale();
    return html`
      <h2>${t('textsSection.title')}</h2>
      <p>${t('textsSection.intro')}</p>
      ${this.renderLanguageChoice(locale)}
      <div>
        <fieldset>
          <legend>${t('textsSection.groups.intro')}</legend>
          ${introKeys.map((id) => this.renderOverride(locale, id))}
        </fieldset>
        <fieldset>
          <legend>${t('textsSection.groups.hints')}</legend>
          ${hintKeys.map((id) => this.renderOverride(locale, id))}
        </fieldset>
        <fieldset>
          <legend>${t('textsSection.groups.response')}</legend>
          ${this.renderLocalized(['followUp', 'response', 'title'], locale, t('textsSection.responseTitle'), {
            required: true,
          })}
          ${this.renderLocalized(['followUp', 'response', 'body'], locale, t('textsSection.responseBody'), {
            required: true,
            long: true,
          })}
          ${this.renderOverride(locale, 'doneNextActive', t('textsSection.activeHint', { name: '{{name}}' }))}
          ${this.renderOverride(locale, 'doneNoFollowUp', t('textsSection.noFollowUpHint', { name: '{{name}}' }))}
        </fieldset>
        <fieldset>
          <legend>${t('textsSection.groups.privacy')}</legend>
          ${this.renderLocalized(['privacy', 'statement'], locale, t('textsSection.privacyStatement'), {
            long: true,
            required: !this.config.privacy.url,
          })}
          ${this.renderLine(['privacy', 'url'], t('textsSection.privacyUrl'), 'url', t('textsSection.privacyUrlHint'))}
        </fieldset>
        ${this.renderReferrals(locale)}
      </div>
      ${this.renderCompleteness()}
    `;
  }

  private renderLanguageChoice(current: Locale) {
    const { t, locale: ui } = this.texts;
    const offered = this.offered();
    if (offered.length < 2) return nothing;
    return field(
      { id: 'texts-language', label: t('textsSection.language') },
      () =>
        html`<select id="texts-language" @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
          ${offered.map(
            (l) =>
              html`<option value=${l} ?selected=${l === current}>
                ${
                  l === this.defaultLocale()
                    ? t('textsSection.defaultLanguage', { language: languageName(l, ui) })
                    : languageName(l, ui)
                }
              </option>`,
          )}
        </select>`,
    );
  }

  /** A text field or area for the value at `path` (a string; emptied, the key is removed). */
  private control(
    path: ConfigPath,
    label: unknown,
    hints: string[],
    options: { long?: boolean; type?: string; lang?: Locale } = {},
  ) {
    const lang = options.lang ?? nothing;
    const dir = options.lang ? textDirection(options.lang) : nothing;
    const id = idOf(path);
    const value = getIn(this.config, path);
    const error = errorAt(this.errors, path);
    const onInput = (e: Event) => {
      const text = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
      emitEdit(this, path, text === '' ? undefined : text);
    };
    const hint = hints.filter(Boolean);
    return field(
      {
        id,
        label,
        ...(hint.length > 0 ? { hint: hint.map((h, i) => html`${i > 0 ? html`<br />` : nothing}${h}`) } : {}),
        ...(error ? { error } : {}),
      },
      (aria) =>
        options.long
          ? html`<textarea
              id=${id}
              rows="5"
              lang=${lang}
              dir=${dir}
              data-pointer=${pointer(path)}
              ?readonly=${!this.editable}
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${typeof value === 'string' ? value : ''}
              @input=${onInput}
            ></textarea>`
          : html`<input
              id=${id}
              type=${options.type ?? 'text'}
              lang=${lang}
              dir=${dir}
              data-pointer=${pointer(path)}
              ?readonly=${!this.editable}
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${typeof value === 'string' ? value : ''}
              @input=${onInput}
            />`,
    );
  }

  /** An override of one of the widget's standard texts (`config.texts[locale][key]`). */
  private renderOverride(locale: Locale, id: OverrideId, extraHint?: string) {
    const { t } = this.texts;
    const key = overrideKeys[id];
    const path = ['texts', locale, key];
    const own = getIn(this.config, path);
    const standard = this.standard.value?.map((tree) => textAt(tree, key)).find((text) => text !== undefined);
    return this.control(
      path,
      t(`textsSection.keys.${id}`),
      [
        extraHint ?? '',
        longKeys.has(id) ? t('textsSection.plainTextHint') : '',
        standard ? t('textsSection.standardText', { text: standard }) : '',
        own === undefined ? t('textsSection.fallsBack') : '',
      ],
      { long: longKeys.has(id), lang: locale },
    );
  }

  /** A text of the tenant's own in one language (`…/<locale>`); required ones must be there in the default language. */
  private renderLocalized(
    at: ConfigPath,
    locale: Locale,
    label: string,
    options: { required?: boolean; long?: boolean } = {},
  ) {
    const { t, locale: ui } = this.texts;
    const path = [...at, locale];
    const isDefault = locale === this.defaultLocale();
    const own = getIn(this.config, path);
    const fallback = !isDefault && own === undefined && getIn(this.config, [...at, this.defaultLocale()]) !== undefined;
    return this.control(
      path,
      label,
      [
        options.required && isDefault ? t('textsSection.required') : '',
        options.long ? t('textsSection.plainTextHint') : '',
        fallback ? t('textsSection.fallsBackToDefault', { language: languageName(this.defaultLocale(), ui) }) : '',
      ],
      { long: options.long ?? false, lang: locale },
    );
  }

  /** A value that is the same in every language (an address, a phone number). */
  private renderLine(path: ConfigPath, label: string, type: string, hint?: string) {
    return this.control(path, label, [hint ?? ''], { type });
  }

  private renderReferrals(locale: Locale) {
    const { t } = this.texts;
    const referrals = (this.config?.referrals ?? []) as Referral[];
    const nameOf = (r: Referral, i: number) =>
      r.name[locale] ?? r.name[this.defaultLocale()] ?? t('textsSection.referralFallbackName', { number: i + 1 });
    return html`<fieldset>
      <legend>${t('textsSection.groups.referrals')}</legend>
      <p class="hint">${t('textsSection.referralsHint')}</p>
      ${referrals.length === 0 ? html`<p>${t('textsSection.noReferrals')}</p>` : nothing}
      ${referrals.map(
        (referral, i) =>
          html`<fieldset class="referral">
            <legend>${t('textsSection.referral', { number: i + 1 })}</legend>
            ${this.renderLocalized(['referrals', i, 'name'], locale, t('textsSection.referralName'), { required: true })}
            ${this.renderLocalized(['referrals', i, 'description'], locale, t('textsSection.referralDescription'), {
              long: true,
            })}
            ${this.renderLine(['referrals', i, 'phone'], t('textsSection.referralPhone'), 'tel')}
            ${this.renderLine(['referrals', i, 'url'], t('textsSection.referralUrl'), 'url')}
            ${
              this.editable
                ? html`<div class="actions referral-actions">
                    <button
                      class="button secondary"
                      type="button"
                      ?disabled=${i === 0}
                      @click=${() => this.moveReferral(i, -1)}
                    >
                      ${t('textsSection.moveUp', { name: nameOf(referral, i) })}
                    </button>
                    <button
                      class="button secondary"
                      type="button"
                      ?disabled=${i === referrals.length - 1}
                      @click=${() => this.moveReferral(i, 1)}
                    >
                      ${t('textsSection.moveDown', { name: nameOf(referral, i) })}
                    </button>
                    <button class="button secondary" type="button" @click=${() => this.removeReferral(i)}>
                      ${t('textsSection.removeReferral', { name: nameOf(referral, i) })}
                    </button>
                  </div>`
                : nothing
            }
          </fieldset>`,
      )}
      ${
        this.editable && referrals.length < 20
          ? html`<button class="button secondary" type="button" id="add-referral" @click=${this.addReferral}>
              ${t('textsSection.addReferral')}
            </button>`
          : nothing
      }
    </fieldset>`;
  }

  /**
   * Where the focus goes once the page has applied an edit and this section shows it (the new config comes
   * back from the page as a property, one update later): the moved item's button, the new item's name.
   */
  private focusAfterEdit?: () => HTMLElement | null | undefined;

  protected override updated() {
    const target = this.focusAfterEdit?.();
    if (!target) return;
    this.focusAfterEdit = undefined;
    target.focus();
  }

  private moveReferral(index: number, by: -1 | 1) {
    const list = [...(this.config?.referrals ?? [])];
    const [moved] = list.splice(index, 1);
    if (!moved) return;
    list.splice(index + by, 0, moved);
    // The focus stays with the moved item's button in its new place (its other button at either end).
    this.focusAfterEdit = () => {
      const item = this.renderRoot.querySelectorAll('.referral')[index + by];
      if (getIn(this.config, ['referrals', index + by, 'id']) !== moved.id) return undefined;
      const buttons = item?.querySelectorAll('button');
      const same = buttons?.[by < 0 ? 0 : 1];
      return same && !same.disabled ? same : buttons?.[by < 0 ? 1 : 0];
    };
    emitEdit(this, ['referrals'], list);
  }

  private removeReferral(index: number) {
    const count = this.config?.referrals?.length ?? 0;
    this.focusAfterEdit = () =>
      (this.config?.referrals?.length ?? 0) < count
        ? this.renderRoot.querySelector<HTMLElement>('#add-referral')
        : undefined;
    emitEdit(this, ['referrals', index], undefined);
  }

  private addReferral() {
    const list = this.config?.referrals ?? [];
    const taken = new Set(list.map((r) => r.id));
    let n = list.length + 1;
    while (taken.has(`hulp-${n}`)) n += 1;
    const id = idOf(['referrals', list.length, 'name', this.locale()]);
    this.focusAfterEdit = () => this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    emitEdit(this, ['referrals', list.length], { id: `hulp-${n}`, name: {} });
  }

  /** Per language: how many texts are the tenant's own, fall back, are standard or missing; and which. */
  private renderCompleteness() {
    const { t, locale: ui } = this.texts;
    const completeness = this.draft?.completeness;
    if (!completeness) return nothing;
    return html`<section class="completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">${t('textsSection.completeness.title')}</h2>
      <p>${t('textsSection.completeness.intro')}</p>
      ${completeness.languages.map((language) => {
        const name = language.isDefault
          ? t('textsSection.defaultLanguage', { language: languageName(language.locale, ui) })
          : languageName(language.locale, ui);
        return html`<h3>${t('textsSection.completeness.language', { language: name })}</h3>
          <p>${t('textsSection.completeness.counts', { ...language.counts })}</p>
          <details>
            <summary>
              ${t('textsSection.completeness.showEntries', { language: languageName(language.locale, ui) })}
            </summary>
            <ul>
              ${language.entries.map((entry) => {
                const blocking = entry.required && entry.status === 'missing' && language.isDefault;
                return html`<li class=${blocking ? 'missing-required' : ''}>
                  <a href=${fieldHref(this.slug, entry.path)}>${pathLabel(entry.path, t, ui)}</a>:
                  ${
                    blocking
                      ? t('textsSection.completeness.requiredMissing')
                      : t(`textsSection.completeness.status.${entry.status}`)
                  }
                </li>`;
              })}
            </ul>
          </details>`;
      })}
    </section>`;
  }
}

define('meldpunt-config-texts', MeldpuntConfigTexts);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-texts': MeldpuntConfigTexts;
  }
}
