import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { i18n } from 'i18next';
import type { Locale, ReportCreated, TenantConfig } from '@meldpunt/contracts';
import { localeNames } from '@meldpunt/texts';
import { ApiError, fetchConfig, scriptOrigin, sendReport } from './api.ts';
import { define } from './define.ts';
import {
  emptyDraft,
  fieldOfPath,
  stepOfPath,
  stepsFor,
  toReportBody,
  validateStep,
  type Draft,
  type DraftError,
  type StepId,
} from './draft.ts';
import { emit } from './events.ts';
import { createTexts, ensureLocale, isRtl, pickLocale, type Translate } from './i18n.ts';
import { defaultReferrals } from './referrals.ts';
import { contactStep } from './steps/contact.ts';
import { tenantText, type StepContext } from './steps/context.ts';
import { detailsStep } from './steps/details.ts';
import { doneStep } from './steps/done.ts';
import { reviewStep } from './steps/review.ts';
import { whatStep } from './steps/what.ts';
import { whenStep } from './steps/when.ts';
import { whereStep } from './steps/where.ts';
import { whoStep } from './steps/who.ts';
import { widgetStyles } from './styles/widget-styles.ts';

type SendState = 'idle' | 'sending' | 'network' | 'server' | 'rate-limit' | 'failed';

/**
 * The reporting form a municipality embeds: `<meldpunt-widget tenant="dordrecht">`. Everything it
 * shows comes from the tenant's published config and the default texts; nothing of a report is kept
 * in browser storage, and after sending nothing of it stays in the page.
 *
 * @tagname meldpunt-widget
 * @summary Report street harassment to your municipality: accessible, anonymous by default, in your language.
 *
 * @fires meldpunt-submit - A report was stored: `{ id, reference, tenant }`.
 * @fires meldpunt-step-change - A new step is shown: `{ step, index, total }`.
 * @fires meldpunt-error - Loading or sending failed: `{ kind, status? }`.
 * @fires meldpunt-quick-exit - Quick exit was used (cancelable: `preventDefault()` keeps the page): `{ url }`.
 *
 * @csspart container - The widget's outer box.
 * @csspart emergency - The always-visible "call 112" banner.
 * @csspart help - The help and referral panel.
 * @csspart form - The form with the current step.
 * @csspart progress - "Step 2 of 6".
 * @csspart heading - The current step's heading.
 * @csspart button - Every button.
 * @csspart field-error - An inline error message.
 * @csspart reference - The reference code after sending.
 *
 * @cssproperty --meldpunt-primary-color - Primary buttons and selection. Falls back to `--utrecht-button-primary-action-background-color`, `--basis-color-action-1-inverse-bg-default`, then the tenant's colour.
 * @cssproperty --meldpunt-link-color - Links and secondary buttons. Falls back to `--utrecht-link-color`, `--basis-color-action-1-color-default`, then the primary colour.
 * @cssproperty --meldpunt-on-primary-color - Text on primary buttons.
 * @cssproperty --meldpunt-accent-color - Accents.
 * @cssproperty --meldpunt-text-color - Body text.
 * @cssproperty --meldpunt-muted-color - Hints.
 * @cssproperty --meldpunt-background-color - Background.
 * @cssproperty --meldpunt-surface-color - Panels and selected choices.
 * @cssproperty --meldpunt-border-color - Borders of fields and choices.
 * @cssproperty --meldpunt-error-color - Errors.
 * @cssproperty --meldpunt-focus-color - Focus outline.
 * @cssproperty --meldpunt-font-family - Font; falls back to `--basis-text-font-family-default`, then the tenant's font.
 * @cssproperty --meldpunt-font-size - Base font size.
 * @cssproperty --meldpunt-border-radius - Corner radius.
 * @cssproperty --meldpunt-emergency-background-color - The 112 banner's background.
 */
export class MeldpuntWidget extends LitElement {
  static override styles = [widgetStyles];

  /** The tenant (reporting point) slug, e.g. `dordrecht`. */
  @property({ attribute: 'tenant' }) tenant = '';

  /** Origin of the Meldpunt service; defaults to where this script was loaded from. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** Language to show (`nl`, `en`, `ar`, `tr`, `pl`, `uk`); defaults to the page's `<html lang>`, then the tenant's default. */
  @property({ attribute: 'locale' }) locale = '';

  @state() private locale_: Locale = 'nl';
  @state() private stepIndex = 0;
  @state() private draft: Draft = emptyDraft();
  @state() private errors: DraftError[] = [];
  @state() private sendState: SendState = 'idle';
  @state() private retryMinutes = 0;
  @state() private result?: ReportCreated;
  @state() private helpOpen = false;

  private texts?: i18n;
  /** One per draft: every attempt to send this draft carries it, so it is stored once. */
  private idempotencyKey = crypto.randomUUID();
  private moveFocus = false;
  private lastEscape = 0;
  private tenantSheet?: CSSStyleSheet;

  /** Navigation for quick exit; replaced in tests. */
  navigate = (url: string) => window.location.replace(url);

  private readonly load = new Task(this, {
    args: () => [this.tenant, this.base] as const,
    task: async ([tenant, base], { signal }) => {
      if (!tenant) throw new ApiError('not-found');
      const { config } = await fetchConfig(base, tenant, signal);
      const locale = pickLocale(config, this.locale || undefined, document.documentElement.lang || undefined);
      this.texts = await createTexts(config, locale);
      this.locale_ = locale;
      this.applyBranding(config);
      return config;
    },
  });

  private get base(): string {
    return (this.apiBase || scriptOrigin).replace(/\/+$/, '');
  }

  private readonly t: Translate = (key, options) =>
    this.texts ? this.texts.t(key, { lng: this.locale_, ...options }) : '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeydown);
    window.removeEventListener('online', this.onOnline);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale && this.load.value) void this.switchLocale(this.locale as Locale);
    if (this.moveFocus) {
      this.moveFocus = false;
      this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
    }
  }

  override render() {
    return this.load.render({
      pending: () => html`<div class="widget" part="container" aria-busy="true"></div>`,
      complete: (config) => this.renderWidget(config),
      error: (error) => this.renderLoadError(error),
    });
  }

  // ——— Rendering ———

  private renderWidget(config: TenantConfig) {
    const steps = stepsFor(config);
    const dir = isRtl(this.locale_) ? 'rtl' : 'ltr';
    return html`
      <div class="widget" part="container" lang=${this.locale_} dir=${dir}>
        ${this.renderTop(config)} ${this.helpOpen ? this.renderHelp(config) : nothing}
        ${this.result ? this.renderDone(config, this.result, dir) : this.renderForm(config, steps, dir)}
        <div class="footer-note">
          <p><strong>${this.t('help.notPolice')}</strong> ${this.t('help.police')} ${this.t('help.punishable')}</p>
          <p class="hint">${this.t('quickExit.hint')}</p>
        </div>
      </div>
    `;
  }

  private renderTop(config: TenantConfig) {
    const logo = this.logoUrl(config);
    const offered = config.locales;
    return html`
      <div class="emergency" part="emergency">
        <p>${this.t('emergency.text')}</p>
        <a class="button call" part="button" href="tel:112">${this.t('emergency.call')}</a>
      </div>
      <div class="top">
        ${logo ? html`<img class="logo" src=${logo} alt=${tenantText({ config, locale: this.locale_ }, config.branding.logoAlt) ?? config.name} />` : html`<span></span>`}
        <div class="tools">
          ${
            offered.length > 1
              ? html`<label class="visually-hidden" for="language">${this.t('language.label')}</label>
                  <select
                    id="language"
                    @change=${(e: Event) => this.switchLocale((e.target as HTMLSelectElement).value as Locale)}
                  >
                    ${offered.map(
                      (l) =>
                        html`<option value=${l} lang=${l} ?selected=${l === this.locale_}>${localeNames[l]}</option>`,
                    )}
                  </select>`
              : nothing
          }
          <button
            type="button"
            class="secondary"
            part="button"
            aria-expanded=${this.helpOpen ? 'true' : 'false'}
            aria-controls="help"
            @click=${() => (this.helpOpen = !this.helpOpen)}
          >
            ${this.t('help.toggle')}
          </button>
          <button
            type="button"
            class="exit"
            part="button"
            aria-label=${this.t('quickExit.label')}
            @click=${this.quickExit}
          >
            ${this.t('quickExit.button')}
          </button>
        </div>
      </div>
    `;
  }

  private renderHelp(config: TenantConfig) {
    const ctx = { config, locale: this.locale_ };
    const own = config.referrals.map((r) => ({
      name: tenantText(ctx, r.name) ?? '',
      description: tenantText(ctx, r.description),
      phone: r.phone,
      url: r.url,
    }));
    const national = defaultReferrals.map((r) => ({
      name: this.t(`help.referrals.${r.key}.name`),
      description: this.t(`help.referrals.${r.key}.description`),
      phone: r.phone,
      url: r.url,
    }));
    return html`
      <section class="help" id="help" part="help" aria-labelledby="help-title">
        <h3 id="help-title">${this.t('help.title')}</h3>
        <p>${this.t('help.intro')}</p>
        <ul>
          ${[...national, ...own].map(
            (r) =>
              html`<li>
                <p class="referral-name">${r.name}</p>
                ${r.description ? html`<p>${r.description}</p>` : nothing}
                <p>
                  ${
                    r.phone
                      ? html`<a href="tel:${r.phone.replace(/[^0-9+]/g, '')}">${this.callText(r.phone)}</a>`
                      : nothing
                  }
                  ${
                    r.url
                      ? html` ·
                          <a href=${r.url} target="_blank" rel="noopener noreferrer"
                            >${this.t('help.website', { name: r.name })}</a
                          >`
                      : nothing
                  }
                </p>
              </li>`,
          )}
        </ul>
      </section>
    `;
  }

  private renderForm(config: TenantConfig, steps: StepId[], dir: 'ltr' | 'rtl') {
    const step = steps[this.stepIndex] ?? 'who';
    const ctx: StepContext = {
      config,
      draft: this.draft,
      locale: this.locale_,
      dir,
      t: this.t,
      errors: this.errors,
      update: (patch) => this.updateDraft(patch),
      goTo: (target) => this.goTo(steps.indexOf(target as StepId)),
    };
    const last = this.stepIndex === steps.length - 1;
    return html`
      <p class="widget-title">${this.t('intro.title')}</p>
      ${this.stepIndex === 0 ? html`<p class="intro">${this.t('intro.body')} ${this.t('app.anonymous')}</p>` : nothing}
      <form part="form" data-step=${step} novalidate @submit=${(e: Event) => this.onSubmit(e, steps)}>
        <div class="progress" part="progress">
          <span>${this.t('progress', { current: this.stepIndex + 1, total: steps.length })}</span>
          <progress max=${steps.length} value=${this.stepIndex + 1} aria-hidden="true"></progress>
        </div>
        <h2 id="step-heading" tabindex="-1" part="heading">${this.t(`steps.${step}.title`)}</h2>
        ${this.renderErrorSummary()} ${this.renderSendError(last)} ${this.renderStep(step, ctx, steps)}
        <div class="nav">
          ${
            this.stepIndex > 0
              ? html`<button
                  id="back"
                  type="button"
                  class="secondary"
                  part="button"
                  @click=${() => this.goTo(this.stepIndex - 1)}
                >
                  ${this.t('nav.back')}
                </button>`
              : nothing
          }
          <button id="next" type="submit" class="primary next" part="button" ?disabled=${this.sendState === 'sending'}>
            ${last ? (this.sendState === 'sending' ? this.t('nav.sending') : this.t('nav.send')) : this.t('nav.next')}
          </button>
        </div>
      </form>
    `;
  }

  private renderStep(step: StepId, ctx: StepContext, steps: StepId[]) {
    switch (step) {
      case 'who':
        return whoStep(ctx);
      case 'what':
        return whatStep(ctx);
      case 'when':
        return whenStep(ctx);
      case 'where':
        return whereStep(ctx);
      case 'details':
        return detailsStep(ctx);
      case 'contact':
        return contactStep(ctx);
      case 'review':
        return reviewStep(ctx, steps);
    }
  }

  private renderErrorSummary() {
    if (this.errors.length === 0) return nothing;
    return html`
      <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
        <h3 id="error-summary-title">${this.t('errors.summaryTitle')}</h3>
        <ul>
          ${this.errors.map(
            (e) =>
              html`<li>
                <a href="#${e.field}" @click=${(ev: Event) => this.focusField(ev, e.field)}>${this.t(e.message)}</a>
              </li>`,
          )}
        </ul>
      </div>
    `;
  }

  private renderSendError(last: boolean) {
    if (!last || this.sendState === 'idle' || this.sendState === 'sending') {
      return html`<div role="status" class="visually-hidden">
        ${this.sendState === 'sending' ? this.t('nav.sending') : ''}
      </div>`;
    }
    const message =
      this.sendState === 'network'
        ? `${this.t('errors.network')} ${this.t('errors.offline')}`
        : this.sendState === 'rate-limit'
          ? this.t('errors.rateLimit', { minutes: this.retryMinutes })
          : this.t('errors.server');
    return html`
      <div class="send-error" id="send-error" role="alert" tabindex="-1">
        <p>${message}</p>
        ${
          this.sendState === 'rate-limit'
            ? nothing
            : html`<button type="button" class="primary" part="button" @click=${this.send}>
                ${this.t('errors.tryAgain')}
              </button>`
        }
      </div>
    `;
  }

  private renderDone(config: TenantConfig, result: ReportCreated, dir: 'ltr' | 'rtl') {
    return html`
      <section part="form">
        <h2 id="step-heading" tabindex="-1" part="heading">${result.response.title}</h2>
        ${doneStep({ config, locale: this.locale_, dir, t: this.t }, result, this.logoUrl(config))}
        <div class="nav">
          <button id="another" type="button" class="primary" part="button" @click=${this.reportAnother}>
            ${this.t('steps.done.another')}
          </button>
        </div>
      </section>
    `;
  }

  private renderLoadError(error: unknown) {
    if (!this.texts) {
      // Without the tenant there are no texts yet: load the page language's defaults to explain.
      void this.loadFallbackTexts();
    }
    const kind = error instanceof ApiError ? error.kind : 'network';
    return html`
      <div class="widget" part="container" role="alert">
        <div class="emergency" part="emergency">
          <p>${this.t('emergency.text')}</p>
          <a class="button call" part="button" href="tel:112">${this.t('emergency.call')}</a>
        </div>
        <p>${this.t('app.loadError')}</p>
        ${
          kind === 'not-found'
            ? nothing
            : html`<button type="button" class="primary" part="button" @click=${() => this.load.run()}>
                ${this.t('app.retry')}
              </button>`
        }
      </div>
    `;
  }

  // ——— Behaviour ———

  private updateDraft(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    if (this.errors.length) {
      // Re-check only fields that had errors, so messages disappear as soon as they are fixed.
      const config = this.load.value;
      const step = config ? stepsFor(config)[this.stepIndex] : undefined;
      if (step) {
        const still = new Set(validateStep(step, this.draft).map((e) => e.field));
        this.errors = this.errors.filter((e) => still.has(e.field));
      }
    }
  }

  private goTo(index: number): void {
    const config = this.load.value;
    if (!config || index < 0) return;
    const steps = stepsFor(config);
    this.stepIndex = Math.min(index, steps.length - 1);
    this.errors = [];
    if (this.sendState !== 'sending') this.sendState = 'idle';
    this.moveFocus = true;
    emit(this, 'meldpunt-step-change', {
      step: steps[this.stepIndex] ?? 'who',
      index: this.stepIndex,
      total: steps.length,
    });
  }

  private async onSubmit(event: Event, steps: StepId[]): Promise<void> {
    event.preventDefault();
    const step = steps[this.stepIndex] ?? 'who';
    const errors = validateStep(step, this.draft);
    if (errors.length) {
      this.errors = errors;
      emit(this, 'meldpunt-error', { kind: 'validation' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus();
      return;
    }
    if (step === 'review') await this.send();
    else this.goTo(this.stepIndex + 1);
  }

  private send = async (): Promise<void> => {
    const config = this.load.value;
    if (!config || this.sendState === 'sending') return;
    this.sendState = 'sending';
    window.removeEventListener('online', this.onOnline);
    try {
      const body = toReportBody(this.draft, config, this.locale_);
      const result = await sendReport(this.base, this.tenant, body, this.idempotencyKey);
      this.finish(result);
    } catch (error) {
      this.failed(error, config);
    }
  };

  private finish(result: ReportCreated): void {
    // Forget the report: only the reference and the tenant's response stay on screen.
    this.draft = emptyDraft();
    this.idempotencyKey = crypto.randomUUID();
    this.errors = [];
    this.sendState = 'idle';
    this.result = result;
    this.moveFocus = true;
    emit(this, 'meldpunt-submit', { id: result.id, reference: result.reference, tenant: result.tenant });
  }

  private async failed(error: unknown, config: TenantConfig): Promise<void> {
    const apiError = error instanceof ApiError ? error : new ApiError('network');
    if (apiError.kind === 'validation') {
      const steps = stepsFor(config);
      const first = steps.indexOf(stepOfPath(apiError.errors[0]?.path ?? ''));
      this.sendState = 'idle';
      this.goTo(first >= 0 ? first : steps.length - 1);
      this.errors = apiError.errors.map((e) => ({ field: fieldOfPath(e.path), message: 'errors.invalid' }));
    } else if (apiError.kind === 'network') {
      this.sendState = 'network';
      window.addEventListener('online', this.onOnline);
    } else if (apiError.kind === 'rate-limit') {
      this.sendState = 'rate-limit';
      this.retryMinutes = Math.max(1, Math.ceil((apiError.retryAfterSeconds ?? 60) / 60));
    } else {
      this.sendState = apiError.kind === 'server' ? 'server' : 'failed';
    }
    emit(this, 'meldpunt-error', {
      kind: apiError.kind === 'not-found' || apiError.kind === 'client' ? 'server' : apiError.kind,
      ...(apiError.status ? { status: apiError.status } : {}),
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.errors.length ? '#error-summary' : '#send-error')?.focus();
  }

  private onOnline = () => {
    if (this.sendState === 'network') void this.send();
  };

  private reportAnother = () => {
    this.result = undefined;
    this.draft = emptyDraft();
    this.goTo(0);
  };

  private async switchLocale(locale: Locale): Promise<void> {
    const config = this.load.value;
    if (!config || !this.texts || !config.locales.includes(locale)) return;
    await ensureLocale(this.texts, config, locale);
    this.locale_ = locale;
  }

  private focusField(event: Event, field: string): void {
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(field)}`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const now = performance.now();
    if (now - this.lastEscape < 1000) this.quickExit();
    else this.lastEscape = now;
  };

  private quickExit = () => {
    const url = this.load.value?.quickExitUrl ?? 'https://www.google.com/';
    // Forget everything before leaving.
    this.draft = emptyDraft();
    this.result = undefined;
    this.errors = [];
    this.helpOpen = false;
    this.stepIndex = 0;
    if (emit(this, 'meldpunt-quick-exit', { url }, { cancelable: true })) this.navigate(url);
  };

  /** "Bel 0900-0101", with the number isolated left-to-right inside right-to-left text. */
  private callText(phone: string) {
    const [before = '', after = ''] = this.t('help.call', { phone: '\u0000' }).split('\u0000');
    return html`${before}<span class="tel">${phone}</span>${after}`;
  }

  private logoUrl(config: TenantConfig): string | undefined {
    const logo = config.branding.logoUrl;
    return logo ? new URL(logo, this.base + '/').href : undefined;
  }

  /** The tenant's colours and font as private custom properties, through a constructed sheet (no inline styles: strict CSP). */
  private applyBranding(config: TenantConfig): void {
    const root = this.shadowRoot;
    if (!root) return;
    const { primaryColor, accentColor, textColor, backgroundColor, fontFamily } = config.branding;
    const declarations = [
      `--_meldpunt-tenant-primary: ${primaryColor};`,
      accentColor ? `--_meldpunt-tenant-accent: ${accentColor};` : '',
      textColor ? `--_meldpunt-tenant-text: ${textColor};` : '',
      backgroundColor ? `--_meldpunt-tenant-background: ${backgroundColor};` : '',
      fontFamily ? `--_meldpunt-tenant-font: ${fontFamily};` : '',
    ].join(' ');
    this.tenantSheet ??= new CSSStyleSheet();
    this.tenantSheet.replaceSync(`:host { ${declarations} }`);
    if (!root.adoptedStyleSheets.includes(this.tenantSheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.tenantSheet];
    }
  }

  private async loadFallbackTexts(): Promise<void> {
    const lang = document.documentElement.lang?.split('-')[0] ?? 'nl';
    const locale = (Object.keys(localeNames) as Locale[]).find((l) => l === lang) ?? 'nl';
    const fallbackConfig = { texts: {}, defaultLocale: locale } as unknown as TenantConfig;
    this.texts = await createTexts(fallbackConfig, locale);
    this.locale_ = locale;
    this.requestUpdate();
  }
}

define('meldpunt-widget', MeldpuntWidget);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-widget': MeldpuntWidget;
  }
}
