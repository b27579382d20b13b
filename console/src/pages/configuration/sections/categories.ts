import { Task } from '@lit/task';
import type { LocalizedText } from '@meldpunt/contracts';
import { defaultCategoryIds, idMaxLength, idPattern } from '@meldpunt/contracts/config-defaults';
import type { Locale } from '@meldpunt/contracts/limits';
import { loadTexts, localeNames } from '@meldpunt/texts';
import { define } from '@meldpunt/ui/define';
import { describedBy, errorId, field, fieldError } from '@meldpunt/ui/field';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { errorAt } from '../config-edit.ts';
import { ConfigSectionElement, idFromLabel } from './section-base.ts';

interface Category {
  id: string;
  label?: LocalizedText | undefined;
  description?: LocalizedText | undefined;
}

/** The standard label of each default category, by language (from the widget's default texts). */
type DefaultLabels = Partial<Record<Locale, Record<string, string>>>;

const maxCategories = 30;

const isDefault = (id: string) => (defaultCategoryIds as readonly string[]).includes(id);

/**
 * The categories section of the configuration editor: the default categories switched on and off, the
 * order of the categories in the form (move up and down with buttons; the new position is announced),
 * the default categories' labels optionally overridden per language (the standard text shown beside
 * each field), and the tenant's own categories: added with a label and an id made from it (editable,
 * checked as typed), labels and descriptions per language, removed after confirmation.
 *
 * @summary Kinds of harassment the reporter chooses from.
 * @fires meldpunt-config-edit - A change: `categories`, or a text of one category.
 */
export class MeldpuntConfigCategories extends ConfigSectionElement {
  /** The overrides of a default category that was switched off here: back when it is switched on again. */
  private switchedOff = new Map<string, Category>();
  /** Why the last change of the defaults was refused. */
  @state() private refusal?: string;
  /** The new category as typed. */
  @state() private newLabel = '';
  @state() private newId = '';
  /** Whether the id was typed (then the label no longer makes it). */
  @state() private idTyped = false;
  @state() private newErrors: { label?: string; id?: string; form?: string } = {};

  private defaultLabels = new Task(this, {
    task: async ([key]) => {
      const locales = key ? (key.split(',') as Locale[]) : [];
      const loaded = await Promise.all(
        locales.map(async (locale) => {
          const texts = await loadTexts[locale]();
          const labels: Record<string, string> = Object.fromEntries(
            Object.entries(texts.categories).map(([id, text]) => [id, text.label]),
          );
          return [locale, labels] as const;
        }),
      );
      return Object.fromEntries(loaded) as DefaultLabels;
    },
    // One text as the argument: a new array on every update would load them again every time.
    args: () => [this.config ? this.locales.join(',') : ''] as const,
  });

  private get categories(): readonly Category[] {
    return this.config.categories;
  }

  /** The standard label of default category `id` in `locale`, once loaded. */
  private standardLabel(id: string, locale: Locale): string | undefined {
    return this.defaultLabels.value?.[locale]?.[id];
  }

  /** What a category is called in the default language: its own label, the standard label, or its id. */
  private nameOf(category: Category): string {
    return category.label?.[this.defaultLocale] ?? this.standardLabel(category.id, this.defaultLocale) ?? category.id;
  }

  override render() {
    if (!this.config || !this.texts) return nothing;
    const { t } = this.texts;
    return html`
      <h2>${t('categories.title')}</h2>
      <p>${t('categories.intro')}</p>
      ${this.renderReadOnlyNote()} ${this.renderAnnouncement()}
      <div class="stack">
        ${this.editable ? this.renderDefaults() : nothing} ${this.renderOrder()}
        ${this.editable ? this.renderAdd() : nothing}
      </div>
    `;
  }

  private renderDefaults() {
    const { t } = this.texts;
    const error = this.refusal ?? errorAt(this.errors, ['categories']);
    return html`<fieldset aria-describedby=${describedBy('defaults-hint', errorId('defaults', error))}>
      <legend>${t('categories.defaultsTitle')}</legend>
      <p class="hint" id="defaults-hint">${t('categories.defaultsHint')}</p>
      ${fieldError('defaults', error)}
      ${defaultCategoryIds.map((id) => {
        const name = this.standardLabel(id, this.defaultLocale) ?? id;
        return html`<div class="check">
          <input
            id="offer-${id}"
            type="checkbox"
            .checked=${this.categories.some((c) => c.id === id)}
            @change=${(e: Event) => this.toggleDefault(id, e.target as HTMLInputElement)}
          />
          <label for="offer-${id}">${t('categories.offer', { name })}</label>
        </div>`;
      })}
    </fieldset>`;
  }

  private toggleDefault(id: string, input: HTMLInputElement) {
    const { t } = this.texts;
    const name = this.standardLabel(id, this.defaultLocale) ?? id;
    if (input.checked) {
      if (this.categories.length >= maxCategories) {
        input.checked = false;
        this.refuse(t('categories.tooMany'));
        return;
      }
      this.refusal = undefined;
      const restored = this.switchedOff.get(id) ?? { id };
      this.switchedOff.delete(id);
      this.edit(['categories'], [...this.categories, restored]);
      this.announce(t('sectionForm.added', { name }));
      return;
    }
    if (this.categories.length <= 1) {
      input.checked = true;
      this.refuse(t('categories.atLeastOne'));
      return;
    }
    this.refusal = undefined;
    const current = this.categories.find((c) => c.id === id);
    if (current) this.switchedOff.set(id, current);
    this.edit(
      ['categories'],
      this.categories.filter((c) => c.id !== id),
    );
    this.announce(t('sectionForm.removed', { name }));
  }

  private refuse(message: string) {
    this.refusal = message;
    this.announce(message);
  }

  private renderOrder() {
    const { t } = this.texts;
    const count = this.categories.length;
    return html`<section aria-labelledby="order-title" class="stack">
      <h3 id="order-title" tabindex="-1">${t('categories.orderTitle')}</h3>
      <p class="muted">${t('categories.orderHint')}</p>
      <ol class="items">
        ${this.categories.map((category, index) => {
          const name = this.nameOf(category);
          const standard = isDefault(category.id);
          const base = ['categories', index] as const;
          const idError = errorAt(this.errors, [...base, 'id']);
          return html`<li class="item" data-id=${category.id}>
            <div class="item-head">
              <div>
                <h4 class="name">${name}</h4>
                <p class="muted">
                  ${t(standard ? 'categories.standard' : 'categories.own')} · ${t('sectionForm.id')}:
                  <code>${category.id}</code> · ${t('categories.position', { position: index + 1, count })}
                </p>
                ${fieldError(`category-${index}-id`, idError)}
              </div>
              ${this.editable ? this.moveButtons(['categories'], this.categories, index, name, category.id) : nothing}
            </div>
            ${standard ? this.renderOverride(category, index) : this.renderOwn(category, index, name)}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  /** A default category: its standard texts, and an optional label and description of the tenant's own. */
  private renderOverride(category: Category, index: number) {
    const { t } = this.texts;
    const overridden = Boolean(
      (category.label && Object.keys(category.label).length) ||
      (category.description && Object.keys(category.description).length),
    );
    const standardHint = (locale: Locale) => {
      const label = this.standardLabel(category.id, locale);
      return label ? t('categories.defaultText', { language: localeNames[locale], label }) : undefined;
    };
    if (!this.editable && !overridden) return nothing;
    const fields = html`${this.localizedFields(['categories', index, 'label'], t('categories.label'), {
      hint: t('categories.overrideHint'),
      localeHint: standardHint,
    })}
    ${this.localizedFields(['categories', index, 'description'], t('categories.description'), {
      multiline: true,
      hint: t('categories.overrideHint'),
    })}`;
    if (!this.editable) return fields;
    return html`<details ?open=${overridden}>
      <summary>${t('categories.overrideTitle')}</summary>
      <div class="stack">${fields}</div>
    </details>`;
  }

  /** A category of the tenant's own: its label (required in the default language) and description, and removal. */
  private renderOwn(category: Category, index: number, name: string) {
    const { t } = this.texts;
    return html`${this.localizedFields(['categories', index, 'label'], t('categories.label'))}
    ${this.localizedFields(['categories', index, 'description'], t('categories.description'), { multiline: true })}
    ${this.editable ? this.removeButton(`category-${category.id}`, name, () => this.removeCategory(category.id, name)) : nothing}`;
  }

  private async removeCategory(id: string, name: string) {
    const { t } = this.texts;
    if (this.categories.length <= 1) {
      this.refuse(t('categories.atLeastOne'));
      return;
    }
    this.edit(
      ['categories'],
      this.categories.filter((c) => c.id !== id),
    );
    this.announce(t('sectionForm.removed', { name }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#order-title')?.focus();
  }

  private renderAdd() {
    const { t } = this.texts;
    const language = localeNames[this.defaultLocale];
    return html`<section aria-labelledby="add-title">
      <form class="item" novalidate @submit=${this.add}>
        <h3 id="add-title">${t('categories.addTitle')}</h3>
        ${fieldError('add-form', this.newErrors.form)}
        ${field(
          {
            id: 'new-label',
            label: t('categories.newLabel', { language }),
            ...(this.newErrors.label ? { error: this.newErrors.label } : {}),
          },
          (aria) =>
            html`<input
              id="new-label"
              type="text"
              lang=${this.defaultLocale}
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${this.newLabel}
              @input=${(e: Event) => this.typeLabel((e.target as HTMLInputElement).value)}
            />`,
        )}
        ${field(
          {
            id: 'new-id',
            label: t('sectionForm.id'),
            hint: t('sectionForm.idHint'),
            ...(this.newErrors.id ? { error: this.newErrors.id } : {}),
          },
          (aria) =>
            html`<input
              id="new-id"
              type="text"
              dir="ltr"
              spellcheck="false"
              autocomplete="off"
              maxlength=${idMaxLength}
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${this.newId}
              @input=${(e: Event) => this.typeId((e.target as HTMLInputElement).value)}
            />`,
        )}
        <div class="actions"><button type="submit" class="button">${t('categories.add')}</button></div>
      </form>
    </section>`;
  }

  private typeLabel(label: string) {
    this.newLabel = label;
    if (!this.idTyped) this.newId = idFromLabel(label);
    this.newErrors = { ...this.newErrors, label: undefined, ...(this.idTyped ? {} : { id: this.idError(this.newId) }) };
  }

  private typeId(id: string) {
    this.newId = id;
    this.idTyped = id !== '';
    this.newErrors = { ...this.newErrors, id: this.idError(id) };
  }

  /** Why `id` cannot be a new category's id (checked as typed), or undefined. */
  private idError(id: string): string | undefined {
    const { t } = this.texts;
    if (id === '') return undefined;
    if (!idPattern.test(id) || id.length > idMaxLength) return t('sectionForm.idInvalid');
    if (this.categories.some((c) => c.id === id) || isDefault(id)) return t('sectionForm.idTaken');
    return undefined;
  }

  private async add(event: Event) {
    event.preventDefault();
    const { t } = this.texts;
    const label = this.newLabel.trim();
    const errors = {
      label: label ? undefined : t('sectionForm.labelRequired'),
      id: this.newId ? this.idError(this.newId) : t('sectionForm.idInvalid'),
      form: this.categories.length >= maxCategories ? t('categories.tooMany') : undefined,
    };
    this.newErrors = errors;
    if (errors.label || errors.id || errors.form) {
      this.announce([errors.form, errors.label, errors.id].filter(Boolean).join(' '));
      await this.updateComplete;
      this.renderRoot
        .querySelector<HTMLElement>(errors.label ? '#new-label' : errors.id ? '#new-id' : '#add-title')
        ?.focus();
      return;
    }
    this.edit(['categories'], [...this.categories, { id: this.newId, label: { [this.defaultLocale]: label } }]);
    this.announce(t('sectionForm.added', { name: label }));
    this.newLabel = '';
    this.newId = '';
    this.idTyped = false;
    this.newErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#new-label')?.focus();
  }
}

define('meldpunt-config-categories', MeldpuntConfigCategories);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-categories': MeldpuntConfigCategories;
  }
}
