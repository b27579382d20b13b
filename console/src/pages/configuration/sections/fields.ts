import type { ExtraField } from '@meldpunt/contracts';
import { idMaxLength, idPattern } from '@meldpunt/contracts/config-defaults';
import { localeNames } from '@meldpunt/texts';
import { define } from '@meldpunt/ui/define';
import { describedBy, errorId, field, fieldError } from '@meldpunt/ui/field';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { errorAt, type ConfigPath } from '../config-edit.ts';
import { ConfigSectionElement, idFromLabel } from './section-base.ts';

/** An extra field as the draft may hold it (before the schema's defaults). */
type Field = Omit<ExtraField, 'specialCategory'> & { specialCategory?: boolean | undefined };
type Option = NonNullable<ExtraField['options']>[number];

const maxFields = 20;
const maxOptions = 40;

/** `base`, or `base-2`, `base-3`… : the first that is not taken (and a valid id; `option` when nothing is left). */
function uniqueId(base: string, taken: readonly string[]): string {
  const start = base || 'option';
  if (!taken.includes(start)) return start;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${start.slice(0, idMaxLength - suffix.length).replace(/[-_]+$/, '')}${suffix}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/** A new extra field as typed. */
interface NewField {
  label: string;
  id: string;
  idTyped: boolean;
  type: 'select' | 'text';
  firstOption: string;
}

const emptyNewField: NewField = { label: '', id: '', idTyped: false, type: 'select', firstOption: '' };

/**
 * The extra fields section of the configuration editor: the standard intervention question on or off,
 * and the tenant's own questions — a choice from answers or one line of text — each with an id, its
 * question and description per language, its answers (added, removed, moved up and down), and the
 * special-category mark (GDPR art. 9), which asks for an explanation per language of why it is asked.
 * Removing a question asks for confirmation; a choice question keeps at least one answer (the service
 * refuses one without).
 *
 * @summary Extra questions of the form.
 * @fires meldpunt-config-edit - A change: `fields.intervention` or `fields.extra…`.
 */
export class MeldpuntConfigFields extends ConfigSectionElement {
  @state() private newField: NewField = { ...emptyNewField };
  @state() private newErrors: { label?: string; id?: string; firstOption?: string; form?: string } = {};
  /** A new answer as typed, by field index; and why it was refused. */
  @state() private newOptions: Record<number, string> = {};
  @state() private optionErrors: Record<number, string> = {};

  private get extra(): readonly Field[] {
    return this.config.fields?.extra ?? [];
  }

  override render() {
    if (!this.config || !this.texts) return nothing;
    const { t } = this.texts;
    const intervention = this.config.fields?.intervention ?? true;
    return html`
      <h2>${t('extraFields.title')}</h2>
      <p>${t('extraFields.intro')}</p>
      ${this.renderReadOnlyNote()} ${this.renderAnnouncement()}
      <div class="stack">
        ${
          this.editable
            ? html`<div>
                <div class="check">
                  <input
                    id="intervention"
                    type="checkbox"
                    aria-describedby="intervention-hint"
                    .checked=${intervention}
                    @change=${(e: Event) =>
                      this.edit(['fields', 'intervention'], (e.target as HTMLInputElement).checked)}
                  />
                  <label for="intervention">${t('extraFields.intervention')}</label>
                </div>
                <p class="hint" id="intervention-hint">${t('extraFields.interventionHint')}</p>
              </div>`
            : html`<dl class="values">
                <dt>${t('extraFields.intervention')}</dt>
                <dd>${t(intervention ? 'sectionForm.on' : 'sectionForm.off')}</dd>
              </dl>`
        }
        <section aria-labelledby="own-title" class="stack">
          <h3 id="own-title" tabindex="-1">${t('extraFields.ownTitle')}</h3>
          ${
            this.extra.length
              ? html`<ol class="items">
                  ${this.extra.map((f, index) => this.renderField(f, index))}
                </ol>`
              : html`<p class="muted">${t('extraFields.none')}</p>`
          }
        </section>
        ${this.editable ? this.renderAdd() : nothing}
      </div>
    `;
  }

  private nameOf(f: Field): string {
    return f.label[this.defaultLocale] ?? f.id;
  }

  private renderField(f: Field, index: number) {
    const { t } = this.texts;
    const base = ['fields', 'extra', index] as const;
    const name = this.nameOf(f);
    const idError = errorAt(this.errors, [...base, 'id']);
    const typeLabel = t(f.type === 'select' ? 'extraFields.typeSelect' : 'extraFields.typeText');
    return html`<li class="item" data-id=${f.id}>
      <div class="item-head">
        <div>
          <h4 class="name">${name}</h4>
          <p class="muted">
            ${t('sectionForm.id')}: <code>${f.id}</code> ·
            ${typeLabel}${f.specialCategory ? html` · ${t('extraFields.special')}` : nothing}
          </p>
          ${fieldError(`field-${index}-id`, idError)}
        </div>
        ${this.editable ? this.moveButtons(['fields', 'extra'], this.extra, index, name, `field-${f.id}`) : nothing}
      </div>
      ${this.editable ? this.renderType(f, index) : nothing}
      ${this.localizedFields([...base, 'label'], t('extraFields.question'))}
      ${this.localizedFields([...base, 'description'], t('extraFields.description'), { multiline: true })}
      ${f.type === 'select' ? this.renderAnswers(f, index) : nothing} ${this.renderSpecial(f, index)}
      ${this.editable ? this.removeButton(`field-${f.id}`, name, () => this.removeField(f.id, name)) : nothing}
    </li>`;
  }

  private renderType(f: Field, index: number) {
    const { t } = this.texts;
    const name = `type-${index}`;
    const error = errorAt(this.errors, ['fields', 'extra', index, 'type']);
    return html`<fieldset class="plain" aria-describedby=${describedBy(errorId(name, error))}>
      <legend>${t('extraFields.type')}</legend>
      ${fieldError(name, error)}
      ${(['select', 'text'] as const).map(
        (type) =>
          html`<div class="check">
            <input
              id="${name}-${type}"
              type="radio"
              name=${name}
              .checked=${f.type === type}
              @change=${() => this.edit(['fields', 'extra', index, 'type'], type)}
            />
            <label for="${name}-${type}">
              ${t(type === 'select' ? 'extraFields.typeSelect' : 'extraFields.typeText')}
            </label>
          </div>`,
      )}
    </fieldset>`;
  }

  private renderAnswers(f: Field, index: number) {
    const { t } = this.texts;
    const options = f.options ?? [];
    const path: ConfigPath = ['fields', 'extra', index, 'options'];
    const error = this.optionErrors[index] ?? errorAt(this.errors, path);
    const inputId = `new-option-${index}`;
    return html`<fieldset aria-describedby=${describedBy(errorId(`options-${index}`, error))}>
      <legend>${t('extraFields.options')}</legend>
      ${fieldError(`options-${index}`, error)}
      ${options.length === 0 ? html`<p class="muted">${t('extraFields.optionsNone')}</p>` : nothing}
      <ol class="items">
        ${options.map((option, j) => {
          const label = option.label[this.defaultLocale] ?? option.id;
          return html`<li class="item">
            <div class="item-head">
              <p class="muted">${t('sectionForm.id')}: <code>${option.id}</code></p>
              ${this.editable ? this.moveButtons(path, options, j, label, `option-${f.id}-${option.id}`) : nothing}
            </div>
            ${this.localizedFields([...path, j, 'label'], t('extraFields.optionLabel', { number: j + 1 }))}
            ${
              this.editable
                ? html`<div>
                    <button
                      type="button"
                      class="button secondary small"
                      data-remove-option=${option.id}
                      @click=${() => this.removeOption(index, j, label)}
                    >
                      ${t('sectionForm.remove', { name: label })}
                    </button>
                  </div>`
                : nothing
            }
          </li>`;
        })}
      </ol>
      ${
        this.editable
          ? html`<div class="field">
              <label for=${inputId}>${t('extraFields.newOption', { language: localeNames[this.defaultLocale] })}</label>
              <input
                id=${inputId}
                type="text"
                lang=${this.defaultLocale}
                .value=${this.newOptions[index] ?? ''}
                @input=${(e: Event) => {
                  this.newOptions = { ...this.newOptions, [index]: (e.target as HTMLInputElement).value };
                }}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    this.addOption(index);
                  }
                }}
              />
              <div>
                <button type="button" class="button secondary" @click=${() => this.addOption(index)}>
                  ${t('extraFields.addOption')}
                </button>
              </div>
            </div>`
          : nothing
      }
    </fieldset>`;
  }

  private addOption(index: number) {
    const { t } = this.texts;
    const f = this.extra[index];
    if (!f) return;
    const label = (this.newOptions[index] ?? '').trim();
    const options = f.options ?? [];
    const refuse = (message: string) => {
      this.optionErrors = { ...this.optionErrors, [index]: message };
      this.announce(message);
    };
    if (!label) return refuse(t('sectionForm.labelRequired'));
    if (options.length >= maxOptions) return refuse(t('extraFields.tooManyOptions'));
    const option: Option = {
      id: uniqueId(
        idFromLabel(label),
        options.map((o) => o.id),
      ),
      label: { [this.defaultLocale]: label },
    };
    this.edit(['fields', 'extra', index, 'options'], [...options, option]);
    this.newOptions = { ...this.newOptions, [index]: '' };
    this.optionErrors = Object.fromEntries(Object.entries(this.optionErrors).filter(([k]) => k !== String(index)));
    this.announce(t('sectionForm.added', { name: label }));
  }

  private async removeOption(index: number, j: number, name: string) {
    const { t } = this.texts;
    const f = this.extra[index];
    const options = f?.options ?? [];
    if (options.length <= 1) {
      this.optionErrors = { ...this.optionErrors, [index]: t('extraFields.optionsNone') };
      this.announce(t('extraFields.optionsNone'));
      return;
    }
    this.edit(
      ['fields', 'extra', index, 'options'],
      options.filter((_, i) => i !== j),
    );
    this.announce(t('sectionForm.removed', { name }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#new-option-${index}`)?.focus();
  }

  private renderSpecial(f: Field, index: number) {
    const { t } = this.texts;
    const base = ['fields', 'extra', index] as const;
    const special = f.specialCategory === true;
    if (!this.editable) {
      return html`<dl class="values">
          <dt>${t('extraFields.special')}</dt>
          <dd>${t(special ? 'extraFields.specialYes' : 'extraFields.specialNo')}</dd>
        </dl>
        ${special ? this.localizedFields([...base, 'explanation'], t('extraFields.explanation')) : nothing}`;
    }
    const id = `special-${index}`;
    return html`<div>
        <div class="check">
          <input
            id=${id}
            type="checkbox"
            aria-describedby="${id}-hint"
            .checked=${special}
            @change=${(e: Event) => this.edit([...base, 'specialCategory'], (e.target as HTMLInputElement).checked)}
          />
          <label for=${id}>${t('extraFields.special')}</label>
        </div>
        <p class="hint" id="${id}-hint">${t('extraFields.specialHint')}</p>
      </div>
      ${
        special
          ? this.localizedFields([...base, 'explanation'], t('extraFields.explanation'), {
              multiline: true,
              hint: t('extraFields.explanationHint'),
            })
          : nothing
      }`;
  }

  private async removeField(id: string, name: string) {
    this.edit(
      ['fields', 'extra'],
      this.extra.filter((f) => f.id !== id),
    );
    this.announce(this.texts.t('sectionForm.removed', { name }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#own-title')?.focus();
  }

  private renderAdd() {
    const { t } = this.texts;
    const language = localeNames[this.defaultLocale];
    const n = this.newField;
    const errors = this.newErrors;
    const text = (
      id: string,
      label: string,
      value: string,
      onInput: (value: string) => void,
      extra: { hint?: string; error?: string | undefined; code?: boolean } = {},
    ) =>
      field(
        { id, label, ...(extra.hint ? { hint: extra.hint } : {}), ...(extra.error ? { error: extra.error } : {}) },
        (aria) =>
          html`<input
            id=${id}
            type="text"
            lang=${extra.code ? nothing : this.defaultLocale}
            dir=${extra.code ? 'ltr' : nothing}
            spellcheck=${extra.code ? 'false' : nothing}
            maxlength=${extra.code ? idMaxLength : nothing}
            aria-invalid=${aria.invalid}
            aria-describedby=${aria.describedBy}
            .value=${value}
            @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
          />`,
      );
    return html`<section aria-labelledby="add-field-title">
      <form class="item" novalidate @submit=${this.addField}>
        <h3 id="add-field-title" tabindex="-1">${t('extraFields.addTitle')}</h3>
        ${fieldError('add-field', errors.form)}
        ${text(
          'new-field-label',
          t('extraFields.newQuestion', { language }),
          n.label,
          (label) => {
            this.newField = { ...n, label, ...(n.idTyped ? {} : { id: idFromLabel(label) }) };
            this.newErrors = {
              ...errors,
              label: undefined,
              ...(n.idTyped ? {} : { id: this.idError(idFromLabel(label)) }),
            };
          },
          { error: errors.label },
        )}
        ${text(
          'new-field-id',
          t('sectionForm.id'),
          n.id,
          (id) => {
            this.newField = { ...n, id, idTyped: id !== '' };
            this.newErrors = { ...errors, id: this.idError(id) };
          },
          { hint: t('sectionForm.idHint'), error: errors.id, code: true },
        )}
        <fieldset class="plain">
          <legend>${t('extraFields.type')}</legend>
          ${(['select', 'text'] as const).map(
            (type) =>
              html`<div class="check">
                <input
                  id="new-field-type-${type}"
                  type="radio"
                  name="new-field-type"
                  .checked=${n.type === type}
                  @change=${() => (this.newField = { ...this.newField, type })}
                />
                <label for="new-field-type-${type}">
                  ${t(type === 'select' ? 'extraFields.typeSelect' : 'extraFields.typeText')}
                </label>
              </div>`,
          )}
        </fieldset>
        ${
          n.type === 'select'
            ? text(
                'new-field-option',
                t('extraFields.newOption', { language }),
                n.firstOption,
                (firstOption) => {
                  this.newField = { ...this.newField, firstOption };
                  this.newErrors = { ...this.newErrors, firstOption: undefined };
                },
                { error: errors.firstOption },
              )
            : nothing
        }
        <div class="actions"><button type="submit" class="button">${t('extraFields.add')}</button></div>
      </form>
    </section>`;
  }

  private idError(id: string): string | undefined {
    const { t } = this.texts;
    if (id === '') return undefined;
    if (!idPattern.test(id) || id.length > idMaxLength) return t('sectionForm.idInvalid');
    if (this.extra.some((f) => f.id === id)) return t('sectionForm.idTaken');
    return undefined;
  }

  private async addField(event: Event) {
    event.preventDefault();
    const { t } = this.texts;
    const n = this.newField;
    const label = n.label.trim();
    const firstOption = n.firstOption.trim();
    const errors = {
      form: this.extra.length >= maxFields ? t('extraFields.tooMany') : undefined,
      label: label ? undefined : t('sectionForm.labelRequired'),
      id: n.id ? this.idError(n.id) : t('sectionForm.idInvalid'),
      firstOption: n.type === 'select' && !firstOption ? t('extraFields.optionsNone') : undefined,
    };
    this.newErrors = errors;
    if (errors.form || errors.label || errors.id || errors.firstOption) {
      this.announce([errors.form, errors.label, errors.id, errors.firstOption].filter(Boolean).join(' '));
      await this.updateComplete;
      const first = errors.form
        ? '#add-field-title'
        : errors.label
          ? '#new-field-label'
          : errors.id
            ? '#new-field-id'
            : '#new-field-option';
      this.renderRoot.querySelector<HTMLElement>(first)?.focus();
      return;
    }
    const added: Field = {
      id: n.id,
      type: n.type,
      label: { [this.defaultLocale]: label },
      specialCategory: false,
      ...(n.type === 'select'
        ? { options: [{ id: uniqueId(idFromLabel(firstOption), []), label: { [this.defaultLocale]: firstOption } }] }
        : {}),
    };
    this.edit(['fields', 'extra'], [...this.extra, added]);
    this.announce(t('sectionForm.added', { name: label }));
    this.newField = { ...emptyNewField };
    this.newErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#new-field-label')?.focus();
  }
}

define('meldpunt-config-fields', MeldpuntConfigFields);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-fields': MeldpuntConfigFields;
  }
}
