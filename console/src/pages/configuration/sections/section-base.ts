import { consume } from '@lit/context';
import type { ConfigDraft, LocalizedText, TenantConfigInput } from '@meldpunt/contracts';
import { idMaxLength } from '@meldpunt/contracts/config-defaults';
import type { Locale } from '@meldpunt/contracts/limits';
import { localeNames, textDirection } from '@meldpunt/texts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { describedBy, errorId, field, fieldError } from '@meldpunt/ui/field';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { textsContext, type TextsContext } from '../../../context.ts';
import { formStyles, pageStyles } from '../../../styles/theme.ts';
import { emitEdit, errorAt, getIn, type ConfigPath, type ConfigSectionProps } from '../config-edit.ts';
import { sectionStyles } from './section-styles.ts';

/** How `localizedFields` renders a text per language. */
export interface LocalizedFieldsOptions {
  /** A hint under the group's legend. */
  hint?: string;
  /** A textarea instead of a one-line input. */
  multiline?: boolean;
  /** A hint under one language's field (the standard text it replaces, say). */
  localeHint?: (locale: Locale) => string | undefined;
}

/** The id of a control for a config path: `['categories', 2, 'label', 'nl']` → `categories-2-label-nl`. */
export const idOf = (path: ConfigPath): string => path.map(String).join('-');

/** An id made from a label: `Fietsers & scooters` → `fietsers-scooters`. */
export function idFromLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, idMaxLength)
    .replace(/-+$/, '');
}

/**
 * What every editing section of the configuration editor shares: the props the page gives it
 * (`ConfigSectionProps`), the console's texts, one polite live region for what a button did ("moved to
 * position 2 of 5"), and the texts-per-language group every section needs (a field per offered language,
 * the default language first and marked; read-only: the same texts as a list).
 *
 * Sections report every change with `edit(path, value)`, which fires `meldpunt-config-edit`; they never
 * change the config they were given.
 */
export abstract class ConfigSectionElement extends LitElement implements ConfigSectionProps {
  static override styles = [tokens, baseStyles, pageStyles, formStyles, sectionStyles];

  /** The tenant's slug. */
  @property({ attribute: false }) slug = '';
  /** The config as edited now. */
  @property({ attribute: false }) config!: TenantConfigInput;
  /** The service's last answer for the draft (completeness, contrast, publish blockers). */
  @property({ attribute: false }) draft!: ConfigDraft;
  /** Errors to show beside fields, by JSON Pointer. */
  @property({ attribute: false }) errors: ReadonlyMap<string, string> = new Map();
  /** Whether this person may edit; false: the same information, read only. */
  @property({ attribute: false }) editable = false;

  @consume({ context: textsContext, subscribe: true })
  @state()
  protected texts!: TextsContext;

  /** What the live region says now (the outcome of a button that moved, added or removed something). */
  @state() protected announcement = '';

  /** The key of the item whose removal waits for confirmation (`removeButton`). */
  @state() protected confirming?: string;

  /** Reports a change to the page. */
  protected edit(path: ConfigPath, value: unknown): void {
    emitEdit(this, path, value);
  }

  /** Says `message` in the section's live region. */
  protected announce(message: string): void {
    this.announcement = message;
  }

  /** The tenant's default language. */
  protected get defaultLocale(): Locale {
    return this.config.defaultLocale ?? 'nl';
  }

  /** The offered languages, the default first. */
  protected get locales(): Locale[] {
    const rest = this.config.locales.filter((locale) => locale !== this.defaultLocale);
    return this.config.locales.includes(this.defaultLocale) ? [this.defaultLocale, ...rest] : rest;
  }

  /** A language's own name, marked when it is the default. */
  protected localeLabel(locale: Locale): TemplateResult {
    const { t } = this.texts;
    const name = html`<span lang=${locale}>${localeNames[locale]}</span>`;
    const text = t(locale === this.defaultLocale ? 'sectionForm.defaultLanguage' : 'sectionForm.language', {
      language: '\u0000',
    });
    const [before = '', after = ''] = text.split('\u0000');
    return html`${before}${name}${after}`;
  }

  /** The live region; render it once per section. */
  protected renderAnnouncement(): TemplateResult {
    return html`<p class="visually-hidden" role="status">${this.announcement}</p>`;
  }

  /** Says that this person only reads (render at the top of a read-only section). */
  protected renderReadOnlyNote(): TemplateResult | typeof nothing {
    return this.editable ? nothing : html`<p class="message">${this.texts.t('sectionForm.readOnly')}</p>`;
  }

  /**
   * A text per offered language at `path` (a `LocalizedText`), the default language first: a fieldset with
   * `legend`, a field per language (its error beside it), and the error of the whole text (a text
   * required in the default language) under the legend. Emptying a field removes that language's text.
   * Read only: the texts as a list.
   */
  protected localizedFields(path: ConfigPath, legend: string, options: LocalizedFieldsOptions = {}): TemplateResult {
    const { t } = this.texts;
    const value = (getIn(this.config, path) ?? {}) as LocalizedText;
    const groupError = errorAt(this.errors, path);
    const groupId = idOf(path);
    if (!this.editable) {
      return html`<div class="field" role="group" aria-labelledby="${groupId}-title">
        <p class="group-title" id="${groupId}-title">${legend}</p>
        <dl class="values">
          ${this.locales.map(
            (locale) =>
              html`<dt>${this.localeLabel(locale)}</dt>
                <dd lang=${locale} dir=${textDirection(locale)}>${value[locale] ?? t('sectionForm.notSet')}</dd>`,
          )}
        </dl>
      </div>`;
    }
    return html`<fieldset
      aria-describedby=${describedBy(options.hint && `${groupId}-hint`, errorId(groupId, groupError))}
    >
      <legend>${legend}</legend>
      ${options.hint ? html`<p class="hint" id="${groupId}-hint">${options.hint}</p>` : nothing}
      ${fieldError(groupId, groupError)}
      ${this.locales.map((locale) => {
        const id = idOf([...path, locale]);
        const error = errorAt(this.errors, [...path, locale]);
        const hint = options.localeHint?.(locale);
        const onInput = (event: Event) => {
          const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
          this.edit([...path, locale], text === '' ? undefined : text);
        };
        return field(
          { id, label: this.localeLabel(locale), ...(hint ? { hint } : {}), ...(error ? { error } : {}) },
          (aria) =>
            options.multiline
              ? html`<textarea
                  id=${id}
                  rows="3"
                  lang=${locale}
                  dir=${textDirection(locale)}
                  aria-invalid=${groupError && locale === this.defaultLocale ? 'true' : aria.invalid}
                  aria-describedby=${aria.describedBy}
                  .value=${value[locale] ?? ''}
                  @input=${onInput}
                ></textarea>`
              : html`<input
                  id=${id}
                  type="text"
                  lang=${locale}
                  dir=${textDirection(locale)}
                  aria-invalid=${groupError && locale === this.defaultLocale ? 'true' : aria.invalid}
                  aria-describedby=${aria.describedBy}
                  .value=${value[locale] ?? ''}
                  @input=${onInput}
                />`,
        );
      })}
    </fieldset>`;
  }

  /**
   * Up and down buttons of item `index` of the list at `path` (`items` as now), with the item's `name` and
   * stable `key` (its id):
   * moving reports the reordered list and says the new position; the focus stays on the button pressed
   * (or on the other one when this one cannot move further).
   */
  protected moveButtons(
    path: ConfigPath,
    items: readonly unknown[],
    index: number,
    name: string,
    key: string,
  ): TemplateResult {
    const { t } = this.texts;
    const move = async (delta: -1 | 1, event: Event) => {
      const to = index + delta;
      if (to < 0 || to >= items.length) return;
      const next = [...items];
      const [moved] = next.splice(index, 1);
      next.splice(to, 0, moved);
      this.edit(path, next);
      this.announce(t('sectionForm.moved', { name, position: to + 1, count: items.length }));
      const pressed = (event.currentTarget as HTMLElement).dataset['move'];
      await this.updateComplete;
      // The item moved (its buttons too, once the page gives the new config); keep the focus with it.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const atEdge = (delta === -1 && to === 0) || (delta === 1 && to === items.length - 1);
      const target = this.renderRoot.querySelector<HTMLButtonElement>(
        `button[data-key="${CSS.escape(key)}"][data-move="${atEdge ? (pressed === 'up' ? 'down' : 'up') : pressed}"]`,
      );
      target?.focus();
    };
    return html`<span class="actions">
      <button
        type="button"
        class="button secondary small"
        data-move="up"
        data-key=${key}
        aria-disabled=${index === 0 ? 'true' : 'false'}
        @click=${(e: Event) => void move(-1, e)}
      >
        <span aria-hidden="true">↑</span> ${t('sectionForm.moveUp', { name })}
      </button>
      <button
        type="button"
        class="button secondary small"
        data-move="down"
        data-key=${key}
        aria-disabled=${index === items.length - 1 ? 'true' : 'false'}
        @click=${(e: Event) => void move(1, e)}
      >
        <span aria-hidden="true">↓</span> ${t('sectionForm.moveDown', { name })}
      </button>
    </span>`;
  }

  /**
   * A remove button for the item `key` called `name`, which asks first: "Really remove …?" with yes and no
   * (the focus on no). Yes calls `remove` (which reports the change and moves the focus); no puts the
   * focus back on the remove button.
   */
  protected removeButton(key: string, name: string, remove: () => unknown): TemplateResult {
    const { t } = this.texts;
    const focus = async (selector: string) => {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    };
    if (this.confirming !== key) {
      return html`<div>
        <button
          type="button"
          class="button secondary small"
          data-remove=${key}
          @click=${() => {
            this.confirming = key;
            void focus('[data-confirm-no]');
          }}
        >
          ${t('sectionForm.remove', { name })}
        </button>
      </div>`;
    }
    return html`<div class="confirm" role="group" aria-labelledby="confirm-${key}">
      <p id="confirm-${key}">${t('sectionForm.confirmRemove', { name })}</p>
      <div class="actions">
        <button
          type="button"
          class="button"
          data-confirm-yes
          @click=${() => {
            this.confirming = undefined;
            remove();
          }}
        >
          ${t('sectionForm.confirmYes')}
        </button>
        <button
          type="button"
          class="button secondary"
          data-confirm-no
          @click=${() => {
            this.confirming = undefined;
            void focus(`[data-remove="${CSS.escape(key)}"]`);
          }}
        >
          ${t('sectionForm.confirmNo')}
        </button>
      </div>
    </div>`;
  }
}
