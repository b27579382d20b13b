import { brandingContrastChecks, widgetColourDefaults, type ContrastCheck } from '@meldpunt/contracts/contrast';
import { fontFamilyPattern, logoLimits } from '@meldpunt/contracts/config-defaults';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../../../data/http.ts';
import { uploadLogo } from '../../../data/logo.ts';
import { errorAt } from '../config-edit.ts';
import { ConfigSectionElement } from './section-base.ts';

type ColourKey = 'primaryColor' | 'accentColor' | 'textColor' | 'backgroundColor';

const colourKeys: readonly ColourKey[] = ['primaryColor', 'accentColor', 'textColor', 'backgroundColor'];

const hexColour = /^#[0-9a-fA-F]{6}$/;

/** What the widget uses for a colour the tenant leaves unset. */
function fallbackColour(key: ColourKey, primary: string): string {
  switch (key) {
    case 'textColor':
      return widgetColourDefaults.text;
    case 'backgroundColor':
      return widgetColourDefaults.background;
    default:
      return primary;
  }
}

/** The contrast checks of colours that are all valid (a saved draft's are; a broken import's may not be). */
function checksOf(branding: Partial<Record<ColourKey, string>>): ContrastCheck[] {
  const valid = (value: string | undefined) => (value && hexColour.test(value) ? value : undefined);
  const primaryColor = valid(branding.primaryColor);
  if (!primaryColor) return [];
  return brandingContrastChecks({
    primaryColor,
    accentColor: valid(branding.accentColor),
    textColor: valid(branding.textColor),
    backgroundColor: valid(branding.backgroundColor),
  });
}

/**
 * The branding section of the configuration editor: the four colours (a colour picker and a hex code
 * field each, kept in sync; a code that is not a colour yet is kept in its field with a message and not
 * reported), the live contrast check of `@meldpunt/contracts/contrast` — ratio, minimum, passes or not
 * in words and icon, and that publishing is blocked while one fails — with a sample in the chosen
 * colours; the font; and the logo: upload (PNG, JPEG or WebP up to 2 MB, checked here first, decided by
 * the service), preview, removal, and its alt text per language.
 *
 * @summary Logo, colours with their contrast, and font.
 * @fires meldpunt-config-edit - A change: `branding.*`.
 */
export class MeldpuntConfigBranding extends ConfigSectionElement {
  static override styles = [
    ...ConfigSectionElement.styles,
    css`
      .colour {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      .colour .field {
        flex: 1 1 10rem;
      }
      .swatch {
        display: inline-block;
        inline-size: 1.25rem;
        block-size: 1.25rem;
        border: 1px solid var(--_meldpunt-text);
        border-radius: 0.25rem;
        vertical-align: middle;
        margin-inline-end: 0.5rem;
        background: var(--_meldpunt-swatch);
      }
      .checks {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      .check-result {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 0.5rem;
        align-items: start;
        border-inline-start: 4px solid var(--_meldpunt-border);
        padding-inline-start: 0.5rem;
      }
      .check-result.fails {
        border-inline-start-color: var(--_meldpunt-error);
      }
      .check-result p {
        margin: 0;
      }
      .icon {
        font-weight: 700;
        font-size: 1.25rem;
        line-height: 1.2;
      }
      .sample {
        border: 1px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
        padding: var(--_meldpunt-space);
        background: var(--_meldpunt-sample-background);
        color: var(--_meldpunt-sample-text);
        font-family: var(--_meldpunt-sample-font, inherit);
        display: grid;
        gap: 0.75rem;
        justify-items: start;
      }
      .sample p {
        margin: 0;
      }
      .sample .sample-button {
        min-block-size: var(--_meldpunt-target);
        padding: 0.5rem 1rem;
        border: 2px solid var(--_meldpunt-sample-primary);
        border-radius: var(--_meldpunt-radius);
        background: var(--_meldpunt-sample-primary);
        color: var(--_meldpunt-sample-on-primary);
        font: inherit;
        font-weight: 600;
      }
      .sample .sample-link {
        color: var(--_meldpunt-sample-primary);
        text-decoration: underline;
      }
      .sample .sample-border {
        border: 2px solid var(--_meldpunt-sample-primary);
        border-radius: var(--_meldpunt-radius);
        padding: 0.5rem;
      }
      .sample .sample-accent {
        border-block-end: 4px solid var(--_meldpunt-sample-accent);
        padding-block-end: 0.25rem;
      }
      .logo-preview {
        margin: 0;
        display: grid;
        gap: 0.5rem;
        justify-items: start;
      }
      .logo-preview img {
        max-inline-size: min(100%, 16rem);
        max-block-size: 8rem;
        border: 1px solid var(--_meldpunt-border);
        padding: 0.25rem;
        background: var(--_meldpunt-background);
      }
      input[type='file'] {
        font: inherit;
        min-block-size: var(--_meldpunt-target);
        max-inline-size: 100%;
      }
    `,
  ];

  /** Hex codes as typed that are not colours (yet), by colour: kept in their field, not reported. */
  @state() private hexDrafts: Partial<Record<ColourKey, string>> = {};
  /** The font as typed while it is not a valid font list. */
  @state() private fontDraft?: string;
  /** The logo upload: under way, done, or refused (with the message to show beside the field). */
  @state() private logoState?: { kind: 'uploading' | 'uploaded' | 'removed' } | { kind: 'error'; message: string };

  override render() {
    if (!this.config || !this.texts) return nothing;
    const { t } = this.texts;
    return html`
      <h2>${t('branding.title')}</h2>
      <p>${t('branding.intro')}</p>
      ${this.renderReadOnlyNote()} ${this.renderAnnouncement()}
      <div class="stack">
        ${this.renderLogo()}
        <section aria-labelledby="colours-title" class="stack">
          <h3 id="colours-title">${t('branding.colours')}</h3>
          ${this.editable ? colourKeys.map((key) => this.renderColour(key)) : this.renderColoursReadOnly()}
        </section>
        ${this.renderContrast()} ${this.renderSample()} ${this.renderFont()}
      </div>
    `;
  }

  private get branding() {
    return this.config.branding;
  }

  private colourName(key: ColourKey): string {
    return this.texts.t(`branding.${key}`);
  }

  private renderColour(key: ColourKey) {
    const { t } = this.texts;
    const name = this.colourName(key);
    const value = this.branding[key];
    const typed = this.hexDrafts[key];
    const error = typed !== undefined ? t('branding.hexInvalid') : errorAt(this.errors, ['branding', key]) || undefined;
    const shown = value ?? fallbackColour(key, this.branding.primaryColor);
    const optional = key !== 'primaryColor';
    return html`<fieldset>
      <legend>${name}${optional ? html` <span class="muted">${t('sectionForm.optional')}</span>` : nothing}</legend>
      <p class="hint" id="${key}-hint">${t(`branding.${key}Hint`)}</p>
      ${optional && !value ? html`<p class="muted">${t('branding.usesDefault', { value: shown })}</p>` : nothing}
      <div class="colour">
        ${field(
          { id: `${key}-picker`, label: t('branding.picker', { name }) },
          () =>
            html`<input
              id="${key}-picker"
              type="color"
              aria-describedby="${key}-hint"
              .value=${shown.toLowerCase()}
              @input=${(e: Event) => this.setColour(key, (e.target as HTMLInputElement).value)}
            />`,
        )}
        ${field(
          {
            id: `${key}-hex`,
            label: t('branding.hex', { name }),
            hint: t('branding.hexHint'),
            ...(error ? { error } : {}),
          },
          (aria) =>
            html`<input
              id="${key}-hex"
              type="text"
              spellcheck="false"
              autocomplete="off"
              maxlength="7"
              dir="ltr"
              aria-invalid=${aria.invalid}
              aria-describedby=${aria.describedBy}
              .value=${typed ?? value ?? ''}
              @input=${(e: Event) => this.typeHex(key, (e.target as HTMLInputElement).value)}
            />`,
        )}
      </div>
      ${
        optional && value
          ? html`<div>
              <button type="button" class="button secondary small" @click=${() => this.clearColour(key)}>
                ${t('branding.useDefault', { name })}
              </button>
            </div>`
          : nothing
      }
    </fieldset>`;
  }

  private renderColoursReadOnly() {
    const { t } = this.texts;
    return html`<dl class="values">
      ${colourKeys.map((key) => {
        const value = this.branding[key];
        const shown = value ?? fallbackColour(key, this.branding.primaryColor);
        return html`<dt>${this.colourName(key)}</dt>
          <dd>
            <span class="swatch" data-colour=${shown}></span>${value ?? t('branding.usesDefault', { value: shown })}
          </dd>`;
      })}
    </dl>`;
  }

  /** A picked colour: always a valid code; reported, and the hex field shows it. */
  private setColour(key: ColourKey, value: string) {
    this.hexDrafts = Object.fromEntries(Object.entries(this.hexDrafts).filter(([k]) => k !== key));
    this.edit(['branding', key], value);
  }

  /** A typed code: reported once it is a colour (or, for an optional colour, emptied); else kept here. */
  private typeHex(key: ColourKey, typed: string) {
    const value = typed.trim();
    const rest = Object.fromEntries(Object.entries(this.hexDrafts).filter(([k]) => k !== key));
    if (hexColour.test(value)) {
      this.hexDrafts = rest;
      this.edit(['branding', key], value);
    } else if (value === '' && key !== 'primaryColor') {
      this.hexDrafts = rest;
      this.edit(['branding', key], undefined);
    } else {
      this.hexDrafts = { ...rest, [key]: typed };
    }
  }

  private clearColour(key: ColourKey) {
    this.hexDrafts = Object.fromEntries(Object.entries(this.hexDrafts).filter(([k]) => k !== key));
    this.edit(['branding', key], undefined);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${key}-hex`)?.focus());
  }

  private renderContrast() {
    const { t } = this.texts;
    const checks = checksOf(this.branding);
    const failing = checks.some((check) => !check.passes);
    const format = (n: number) => n.toLocaleString(this.texts.locale === 'nl' ? 'nl-NL' : 'en-GB');
    return html`<section aria-labelledby="contrast-title" class="stack">
      <h3 id="contrast-title">${t('branding.contrastTitle')}</h3>
      <p class="muted">${t('branding.contrastIntro')}</p>
      <ul class="checks">
        ${checks.map(
          (check) =>
            html`<li class="check-result ${check.passes ? 'passes' : 'fails'}" data-check=${check.id}>
              <span class="icon" aria-hidden="true">${check.passes ? '✓' : '✗'}</span>
              <div>
                <p>
                  <strong>${check.passes ? t('branding.passes') : t('branding.fails')}:</strong>
                  ${t(`branding.checks.${check.id}`)}
                </p>
                <p>${t('branding.ratio', { ratio: format(check.ratio), minimum: format(check.minimum) })}</p>
              </div>
            </li>`,
        )}
      </ul>
      <p id="contrast-outcome" class=${failing ? 'message error' : 'message'} aria-live="polite">
        ${failing ? t('branding.blocked') : t('branding.allPass')}
      </p>
    </section>`;
  }

  private renderSample() {
    const { t } = this.texts;
    const b = this.branding;
    const colour = (value: string | undefined, fallback: string) => (value && hexColour.test(value) ? value : fallback);
    const primary = colour(b.primaryColor, '#1a4d8f');
    const font = b.fontFamily && fontFamilyPattern.test(b.fontFamily) ? b.fontFamily : 'inherit';
    this.sampleColours = {
      '--_meldpunt-sample-primary': primary,
      '--_meldpunt-sample-on-primary': widgetColourDefaults.onPrimary,
      '--_meldpunt-sample-accent': colour(b.accentColor, primary),
      '--_meldpunt-sample-text': colour(b.textColor, widgetColourDefaults.text),
      '--_meldpunt-sample-background': colour(b.backgroundColor, widgetColourDefaults.background),
      '--_meldpunt-sample-font': font,
    };
    // The sample is a picture of the widget for the eye: nothing in it can be used (the button and link do
    // nothing), and what it shows is said in words by the checks above, so it is hidden from screen readers.
    return html`<section aria-labelledby="sample-title" class="stack">
      <h3 id="sample-title">${t('branding.sampleTitle')}</h3>
      <div class="sample" id="sample" aria-hidden="true">
        <p class="sample-accent">${t('branding.sampleText')}</p>
        <p class="sample-border">${t('branding.sampleBorder')}</p>
        <p><span class="sample-link">${t('branding.sampleLink')}</span></p>
        <span class="sample-button">${t('branding.sampleButton')}</span>
      </div>
    </section>`;
  }

  /** The sample's colours and font, as custom properties (set through the CSSOM: no `style` attribute under the console's CSP). */
  private sampleColours: Record<string, string> = {};

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const sample = this.renderRoot.querySelector<HTMLElement>('#sample');
    for (const [name, value] of Object.entries(this.sampleColours)) sample?.style.setProperty(name, value);
    for (const swatch of this.renderRoot.querySelectorAll<HTMLElement>('.swatch[data-colour]')) {
      swatch.style.setProperty('--_meldpunt-swatch', swatch.dataset['colour'] ?? '');
    }
  }

  private renderFont() {
    const { t } = this.texts;
    const value = this.branding.fontFamily;
    if (!this.editable) {
      return html`<dl class="values">
        <dt>${t('branding.font')}</dt>
        <dd>${value ?? t('sectionForm.notSet')}</dd>
      </dl>`;
    }
    const error =
      this.fontDraft !== undefined
        ? t('branding.fontInvalid')
        : errorAt(this.errors, ['branding', 'fontFamily']) || undefined;
    return field(
      {
        id: 'fontFamily',
        label: html`${t('branding.font')} <span class="muted">${t('sectionForm.optional')}</span>`,
        hint: t('branding.fontHint'),
        ...(error ? { error } : {}),
      },
      (aria) =>
        html`<input
          id="fontFamily"
          type="text"
          spellcheck="false"
          autocomplete="off"
          dir="ltr"
          aria-invalid=${aria.invalid}
          aria-describedby=${aria.describedBy}
          .value=${this.fontDraft ?? value ?? ''}
          @input=${(e: Event) => this.typeFont((e.target as HTMLInputElement).value)}
        />`,
    );
  }

  private typeFont(typed: string) {
    const value = typed.trim();
    if (value === '') {
      this.fontDraft = undefined;
      this.edit(['branding', 'fontFamily'], undefined);
    } else if (value.length <= 200 && fontFamilyPattern.test(value)) {
      this.fontDraft = undefined;
      this.edit(['branding', 'fontFamily'], value);
    } else {
      this.fontDraft = typed;
    }
  }

  private renderLogo() {
    const { t } = this.texts;
    const url = this.branding.logoUrl;
    const alt = this.branding.logoAlt?.[this.defaultLocale] ?? '';
    const logoState = this.logoState;
    const error =
      logoState?.kind === 'error' ? logoState.message : errorAt(this.errors, ['branding', 'logoUrl']) || undefined;
    const preview = url
      ? html`<figure class="logo-preview">
          <img src=${url} alt=${alt} />
          <figcaption class="muted">${t('branding.logoPreview')}</figcaption>
        </figure>`
      : html`<p class="muted">${t('branding.logoNone')}</p>`;
    return html`<section aria-labelledby="logo-title" class="stack">
      <h3 id="logo-title">${t('branding.logo')}</h3>
      ${preview}
      ${
        this.editable
          ? html`${field(
                {
                  id: 'logo-file',
                  label: t('branding.logoFile'),
                  hint: t('branding.logoHint'),
                  ...(error ? { error } : {}),
                },
                (aria) =>
                  html`<input
                    id="logo-file"
                    type="file"
                    accept=${logoLimits.uploadTypes.join(',')}
                    aria-invalid=${aria.invalid}
                    aria-describedby=${aria.describedBy}
                    ?disabled=${logoState?.kind === 'uploading'}
                    @change=${this.chooseLogo}
                  />`,
              )}
              <p role="status" class="muted" id="logo-status">
                ${
                  logoState?.kind === 'uploading'
                    ? t('branding.logoUploading')
                    : logoState?.kind === 'uploaded'
                      ? t('branding.logoUploaded')
                      : logoState?.kind === 'removed'
                        ? t('branding.logoRemoved')
                        : ''
                }
              </p>
              ${
                url
                  ? html`<div>
                      <button type="button" class="button secondary" id="logo-remove" @click=${this.removeLogo}>
                        ${t('branding.logoRemove')}
                      </button>
                    </div>`
                  : nothing
              }`
          : nothing
      }
      ${this.localizedFields(['branding', 'logoAlt'], t('branding.logoAlt'), { hint: t('branding.logoAltHint') })}
    </section>`;
  }

  private async chooseLogo(event: Event) {
    const { t } = this.texts;
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const refuse = (message: string) => {
      this.logoState = { kind: 'error', message };
      this.announce(message);
      input.value = '';
    };
    if (!(logoLimits.uploadTypes as readonly string[]).includes(file.type)) {
      refuse(t('branding.logoWrongType'));
      return;
    }
    if (file.size > logoLimits.maxUploadBytes) {
      const size = (file.size / 1024 / 1024).toLocaleString(this.texts.locale === 'nl' ? 'nl-NL' : 'en-GB', {
        maximumFractionDigits: 1,
      });
      refuse(t('branding.logoTooLarge', { size }));
      return;
    }
    this.logoState = { kind: 'uploading' };
    try {
      const logo = await uploadLogo(this.slug, file);
      this.edit(['branding', 'logoUrl'], logo.url);
      this.logoState = { kind: 'uploaded' };
      input.value = '';
    } catch (error) {
      const reason =
        error instanceof ApiError
          ? t('branding.logoRefused', { reason: error.problem.detail ?? error.problem.title })
          : t('branding.logoFailed');
      refuse(reason);
    }
  }

  private removeLogo() {
    this.edit(['branding', 'logoUrl'], undefined);
    this.logoState = { kind: 'removed' };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#logo-file')?.focus());
  }
}

define('meldpunt-config-branding', MeldpuntConfigBranding);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-branding': MeldpuntConfigBranding;
  }
}
