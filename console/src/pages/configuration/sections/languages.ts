import { supportedLocales, type Locale } from '@meldpunt/contracts/limits';
import { isRtl, localeNames } from '@meldpunt/texts';
import { define } from '@meldpunt/ui/define';
import { describedBy, errorId, fieldError } from '@meldpunt/ui/field';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { errorAt } from '../config-edit.ts';
import { ConfigSectionElement } from './section-base.ts';

/** Whether the config holds any text in `locale`: an override of a default text, or a text of its own. */
function hasTextsIn(value: unknown, locale: Locale): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => hasTextsIn(item, locale));
  return Object.entries(value).some(([key, child]) =>
    key === locale
      ? typeof child === 'string' || (typeof child === 'object' && child !== null && Object.keys(child).length > 0)
      : hasTextsIn(child, locale),
  );
}

/**
 * The languages section of the configuration editor: which of the supported languages the form offers
 * (checkboxes, each in its own name) and which one is the default (radios among the offered). The
 * default stays offered and at least one is offered: the section refuses, with a message beside the
 * group, instead of reporting a config that cannot be published. Switching a language off or changing
 * the default never removes a translation: the texts stay in the config, and the section says so.
 *
 * @summary Offered languages and the default.
 * @fires meldpunt-config-edit - A change: `locales` or `defaultLocale`.
 */
export class MeldpuntConfigLanguages extends ConfigSectionElement {
  /** Why the last change was refused (the default, or the last language, cannot be switched off). */
  @state() private refusal?: string;

  override render() {
    if (!this.config || !this.texts) return nothing;
    const { t } = this.texts;
    const notOffered = supportedLocales.filter(
      (locale) => !this.config.locales.includes(locale) && hasTextsIn(this.config, locale),
    );
    return html`
      <h2>${t('languages.title')}</h2>
      <p>${t('languages.intro')}</p>
      ${this.renderReadOnlyNote()} ${this.renderAnnouncement()}
      <div class="stack">
        ${this.editable ? this.renderForm() : this.renderReadOnly()}
        <p class="message">${t('languages.kept')}</p>
        ${
          notOffered.length
            ? html`<ul id="kept">
                ${notOffered.map((locale) => html`<li>${this.keptFor(locale)}</li>`)}
              </ul>`
            : nothing
        }
      </div>
    `;
  }

  private name(locale: Locale) {
    const { t } = this.texts;
    return html`<span lang=${locale}>${localeNames[locale]}</span>${
        isRtl(locale) ? html` <span class="muted">(${t('languages.rtl')})</span>` : nothing
      }`;
  }

  private keptFor(locale: Locale) {
    const parts = this.texts.t('languages.keptFor', { language: '\u0000' }).split('\u0000');
    return parts.map((part, i) => (i === 0 ? part : html`<span lang=${locale}>${localeNames[locale]}</span>${part}`));
  }

  private renderForm() {
    const { t } = this.texts;
    const localesError = this.refusal ?? errorAt(this.errors, ['locales']);
    const defaultError = errorAt(this.errors, ['defaultLocale']);
    return html`
      <fieldset aria-describedby=${describedBy('locales-hint', errorId('locales', localesError))}>
        <legend>${t('languages.offered')}</legend>
        <p class="hint" id="locales-hint">${t('languages.offeredHint')}</p>
        ${fieldError('locales', localesError)}
        ${supportedLocales.map(
          (locale) =>
            html`<div class="check">
              <input
                id="offer-${locale}"
                type="checkbox"
                .checked=${this.config.locales.includes(locale)}
                @change=${(e: Event) => this.toggle(locale, e.target as HTMLInputElement)}
              />
              <label for="offer-${locale}">${this.name(locale)}</label>
            </div>`,
        )}
      </fieldset>
      <fieldset aria-describedby=${describedBy('default-hint', errorId('defaultLocale', defaultError))}>
        <legend>${t('languages.defaultLegend')}</legend>
        <p class="hint" id="default-hint">${t('languages.defaultHint')}</p>
        ${fieldError('defaultLocale', defaultError)}
        ${this.locales.map(
          (locale) =>
            html`<div class="check">
              <input
                id="default-${locale}"
                type="radio"
                name="default"
                .checked=${locale === this.defaultLocale}
                @change=${() => this.setDefault(locale)}
              />
              <label for="default-${locale}">${this.name(locale)}</label>
            </div>`,
        )}
      </fieldset>
    `;
  }

  private renderReadOnly() {
    const { t } = this.texts;
    return html`<dl class="values">
      <dt>${t('languages.offered')}</dt>
      <dd>
        <ul>
          ${this.locales.map((locale) => html`<li>${this.localeLabel(locale)}</li>`)}
        </ul>
      </dd>
      <dt>${t('languages.defaultLegend')}</dt>
      <dd>${this.name(this.defaultLocale)}</dd>
    </dl>`;
  }

  private toggle(locale: Locale, input: HTMLInputElement) {
    const { t } = this.texts;
    const offered = this.config.locales;
    if (input.checked) {
      this.refusal = undefined;
      this.report([...offered, locale], this.defaultLocale);
      return;
    }
    const refuse = (message: string) => {
      input.checked = true;
      this.refusal = message;
      this.announce(message);
    };
    if (locale === this.defaultLocale) {
      refuse(t('languages.isDefault', { language: localeNames[locale] }));
      return;
    }
    if (offered.length <= 1) {
      refuse(t('languages.lastOne'));
      return;
    }
    this.refusal = undefined;
    this.report(
      offered.filter((l) => l !== locale),
      this.defaultLocale,
    );
  }

  private setDefault(locale: Locale) {
    this.refusal = undefined;
    this.edit(['defaultLocale'], locale);
    this.announce(this.summary(this.config.locales, locale));
  }

  private report(locales: Locale[], defaultLocale: Locale) {
    this.edit(['locales'], locales);
    this.announce(this.summary(locales, defaultLocale));
  }

  private summary(locales: readonly Locale[], defaultLocale: Locale): string {
    return this.texts.t('languages.now', {
      languages: locales.map((locale) => localeNames[locale]).join(', '),
      default: localeNames[defaultLocale],
    });
  }
}

define('meldpunt-config-languages', MeldpuntConfigLanguages);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-languages': MeldpuntConfigLanguages;
  }
}
