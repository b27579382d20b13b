import { LitElement, html, nothing, type PropertyValues } from 'lit';
// Each decorator from its own module: the `lit/decorators.js` barrel would put `query` (only the location
// chunk uses it) into the chunk the first step loads.
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { Task, TaskStatus } from '@lit/task';
import type { i18n } from 'i18next';
import type { AreaOutline, Locale, ReportCreated, TenantConfig } from '@meldpunt/contracts';
import { localeNames } from '@meldpunt/texts';
import { ApiError, defaultTimeoutMs, fetchConfig, scriptOrigin } from './api.ts';
import { define } from '@meldpunt/ui/define';
import {
  emptyDraft,
  hasContact,
  occurredAtOf,
  stepsFor,
  validateStep,
  type Draft,
  type DraftError,
  type FollowUp,
  type StepId,
} from './draft.ts';
import { emit, type MeldpuntEventMap } from './events.ts';
import { createTexts, ensureLocale, ensureLocationTexts, isRtl, pickLocale, type Translate } from './i18n.ts';
import type { RouteCheck } from './location/location-picker.ts';
import { defaultReferrals } from './referrals.ts';
import { tenantText, type StepContext } from './steps/context.ts';
import { whatStep } from './steps/what.ts';
import { whenStep } from './steps/when.ts';
import { whereStep } from './steps/where.ts';
import { whoStep } from './steps/who.ts';
import { widgetStyles } from './styles/widget-styles.ts';

type SendState = 'idle' | 'sending' | 'network' | 'server' | 'rate-limit' | 'failed';
type LocationChunk = typeof import('./location/location-picker.ts');
type LaterChunk = typeof import('./later.ts');

/** The steps whose code is in the later chunk (`later.ts`), with the confirmation after sending. */
const laterSteps: readonly StepId[] = ['details', 'contact', 'review'];

/** A sending failure as `meldpunt-error` reports it (its kinds are the element's public API). */
const eventKinds = {
  network: 'network',
  timeout: 'network',
  validation: 'validation',
  'rate-limit': 'rate-limit',
  'origin-refused': 'server',
  'not-found': 'server',
  server: 'server',
  client: 'server',
} as const satisfies Record<ApiError['kind'], MeldpuntEventMap['meldpunt-error']['detail']['kind']>;

const outsideError: DraftError = { field: 'location', message: 'location.route.outside' };

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
  @state() private step: StepId = 'who';
  @state() private draft: Draft = emptyDraft();
  @state() private errors: DraftError[] = [];
  @state() private sendState: SendState = 'idle';
  @state() private retryMinutes = 0;
  @state() private result?: ReportCreated;
  @state() private helpOpen = false;
  /** The Where step's texts are in (for the language shown): they load when the reporter gets there. */
  @state() private locationTexts = false;
  /** The route check for which contact details were cleared (its receiver does not follow up). */
  @state() private contactClearedFor?: RouteCheck;
  /** The steps after the Where step, once loaded: their own chunk, which loads when the Where step opens. */
  @state() private later?: LaterChunk;
  /** Loading the steps after the Where step failed (offline): those steps offer to try again. */
  @state() private laterFailed = false;

  private texts?: i18n;
  /** The tenant's own municipality (from its published config), if the service knows it. */
  private area?: AreaOutline;
  /** The location chunk, once loaded: the route preview's code lives there. */
  private location?: LocationChunk;
  /** The later chunk on its way (once per element; forgotten after a failure, so it is tried again). */
  private laterLoading?: Promise<void>;
  /** One per draft: every attempt to send this draft carries it, so it is stored once. */
  private idempotencyKey = crypto.randomUUID();
  private moveFocus = false;
  private lastEscape = 0;
  private tenantSheet?: CSSStyleSheet;

  /** Navigation for quick exit; replaced in tests. */
  navigate = (url: string) => window.location.replace(url);

  /** How long one request to the service may take before the reporter is told it failed; lowered in tests. */
  requestTimeoutMs = defaultTimeoutMs;

  private readonly load = new Task(this, {
    args: () => [this.tenant, this.base] as const,
    task: async ([tenant, base], { signal }) => {
      if (!tenant) throw new ApiError('not-found');
      const { config, area } = await fetchConfig(base, tenant, signal, this.requestTimeoutMs);
      this.area = area;
      const locale = pickLocale(config, this.locale || undefined, document.documentElement.lang || undefined);
      this.texts = await createTexts(config, locale);
      this.locale_ = locale;
      this.applyBranding(config);
      return config;
    },
  });

  /**
   * Where a report placed at the chosen point would go, asked before sending when that may not be this
   * tenant: a national tenant, or a point outside this tenant's outline. Task drops the answer of a run
   * whose point has changed meanwhile; a failed request shows nothing (the service routes anyway).
   */
  private readonly route = new Task(this, {
    args: () =>
      [this.load.value, this.draft.location?.lat, this.draft.location?.lng, occurredAtOf(this.draft)] as const,
    task: async ([config, lat, lng, occurredAt], { signal }) => {
      if (!config || lat === undefined || lng === undefined) return undefined;
      this.location ??= await import('./location/location-picker.ts');
      const national = config.kind === 'national';
      const question = {
        base: this.base,
        tenant: this.tenant,
        national,
        area: this.area,
        lat,
        lng,
        occurredAt,
        signal,
        timeoutMs: this.requestTimeoutMs,
      };
      return this.location.checkRoute(question);
    },
    onComplete: (check) => this.routeChecked(check),
  });

  private get base(): string {
    return (this.apiBase || scriptOrigin).replace(/\/+$/, '');
  }

  private t: Translate = (key, options) => this.text(key, options);

  private text(key: string, options?: Record<string, unknown>): string {
    return this.texts ? this.texts.t(key, { lng: this.locale_, ...options }) : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeydown);
    window.removeEventListener('online', this.onOnline);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Child elements (the location picker) get `t` as a property: a new one per language renders them again.
    if (changed.has('locale_')) this.t = (key, options) => this.text(key, options);
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
    const steps = this.steps(config);
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
    const step = this.currentStep(steps);
    const index = steps.indexOf(step);
    const check = this.routeCheck;
    const routedTo = check?.outcome === 'routed' && check.preview.routedTo;
    const ctx: StepContext = {
      config,
      draft: this.draft,
      locale: this.locale_,
      dir,
      t: this.t,
      errors: this.errors,
      area: this.area,
      locationTexts: this.locationTexts,
      routeNotice:
        check && this.location ? this.location.routeNotice(this.t, check, check === this.contactClearedFor) : '',
      receiverName: routedTo && routedTo.participating ? routedTo.name : config.name,
      update: (patch) => this.updateDraft(patch),
      goTo: (target) => this.goTo(target as StepId),
    };
    const last = step === 'review';
    const ready = this.stepReady(step);
    return html`
      <p class="widget-title">${this.t('intro.title')}</p>
      ${index === 0 ? html`<p class="intro">${this.t('intro.body')} ${this.t('app.anonymous')}</p>` : nothing}
      <form
        part="form"
        data-step=${step}
        aria-busy=${ready ? nothing : 'true'}
        novalidate
        @submit=${(e: Event) => this.onSubmit(e, steps)}
      >
        <div class="progress" part="progress">
          <span>${this.t('progress', { current: index + 1, total: steps.length })}</span>
          <progress max=${steps.length} value=${index + 1} aria-hidden="true"></progress>
        </div>
        <h2 id="step-heading" tabindex="-1" part="heading">${this.t(`steps.${step}.title`)}</h2>
        ${this.renderErrorSummary()} ${this.renderSendError(last)} ${this.renderStep(step, ctx, steps)}
        <div class="nav">
          ${
            index > 0
              ? html`<button
                  id="back"
                  type="button"
                  class="secondary"
                  part="button"
                  @click=${() => this.goTo(steps[index - 1] ?? 'who')}
                >
                  ${this.t('nav.back')}
                </button>`
              : nothing
          }
          <button
            id="next"
            type="submit"
            class="primary next"
            part="button"
            ?disabled=${this.sendState === 'sending' || !ready}
          >
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
    }
    const later = this.later;
    if (!later) return this.renderLaterLoading();
    switch (step) {
      case 'details':
        return later.detailsStep(ctx);
      case 'contact':
        return later.contactStep(ctx);
      case 'review':
        return later.reviewStep(ctx, steps);
    }
  }

  /** A step after the Where step whose code has not arrived yet: "loading", or, if it failed, a retry. */
  private renderLaterLoading() {
    if (!this.laterFailed) return html`<p class="hint" role="status">${this.t('app.loading')}</p>`;
    return html`
      <div class="send-error" role="alert">
        <p>${this.t('app.loadError')}</p>
        <button type="button" class="primary" part="button" @click=${() => this.loadLaterSteps()}>
          ${this.t('app.retry')}
        </button>
      </div>
    `;
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
        ${
          this.later
            ? this.later.doneStep({ config, locale: this.locale_, dir, t: this.t }, result, this.logoUrl(config))
            : this.renderLaterLoading()
        }
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
      if (config) {
        const step = this.currentStep(this.steps(config));
        const still = new Set([...validateStep(step, this.draft), ...this.routeErrors()].map((e) => e.field));
        this.errors = this.errors.filter((e) => still.has(e.field));
      }
    }
  }

  private goTo(target: StepId): void {
    const config = this.load.value;
    if (!config) return;
    const steps = this.steps(config);
    this.step = steps.includes(target) ? target : 'review';
    if (this.step === 'where') void this.loadLocationTexts();
    // The steps after this one load while the reporter gives the place (or, after a failure, here).
    if (steps.indexOf(this.step) >= steps.indexOf('where')) this.loadLaterSteps();
    this.errors = [];
    if (this.sendState !== 'sending') this.sendState = 'idle';
    this.moveFocus = true;
    emit(this, 'meldpunt-step-change', { step: this.step, index: steps.indexOf(this.step), total: steps.length });
  }

  /** The step shown: when the contact step drops out (the receiver does not follow up), the review. */
  private currentStep(steps: StepId[]): StepId {
    return steps.includes(this.step) ? this.step : 'review';
  }

  /** True when the step's code is here: the first four steps always, the later ones once their chunk is in. */
  private stepReady(step: StepId): boolean {
    return this.later !== undefined || !laterSteps.includes(step);
  }

  /** Loads the steps after the Where step (details, contact, review, done), once; after a failure, again. */
  private loadLaterSteps(): void {
    this.laterFailed = false;
    this.laterLoading ??= import('./later.ts').then(
      (chunk) => {
        this.adopt(chunk.laterStyles.styleSheet);
        this.later = chunk;
      },
      (error: unknown) => {
        this.laterLoading = undefined;
        this.laterFailed = true;
        console.warn('Meldpunt: the next steps could not be loaded', error);
      },
    );
  }

  /** The steps for where the report goes: the route preview's follow-up, else this tenant's. */
  private steps(config: TenantConfig): StepId[] {
    return stepsFor(config, this.followUp(config));
  }

  private followUp(config: TenantConfig): FollowUp {
    const check = this.routeCheck;
    return check?.outcome === 'routed' ? check.preview.followUp : config.followUp.mode;
  }

  /** The route preview's answer for the point chosen now, if any. */
  private get routeCheck(): RouteCheck | undefined {
    const check = this.route.status === TaskStatus.COMPLETE ? this.route.value : undefined;
    const location = this.draft.location;
    return check && check.lat === location?.lat && check.lng === location.lng ? check : undefined;
  }

  /** A point outside the Netherlands cannot be sent: choose another place, or describe it in words. */
  private routeErrors(): DraftError[] {
    return this.routeCheck?.outcome === 'outside' ? [outsideError] : [];
  }

  /** A new answer of the route preview: say "not in the Netherlands" at once, forget unwanted contact details. */
  private routeChecked(check: RouteCheck | undefined): void {
    if (check?.outcome === 'outside' && this.step === 'where') {
      this.errors = [outsideError];
      emit(this, 'meldpunt-error', { kind: 'validation' });
    }
    if (check?.outcome === 'routed' && check.preview.followUp === 'none') {
      if (hasContact(this.draft)) {
        this.draft = { ...this.draft, wantsContact: false, name: '', email: '', phone: '' };
        this.contactClearedFor = check;
      }
      if (this.step === 'contact') {
        this.step = 'review';
        this.moveFocus = true;
      }
    }
  }

  private async onSubmit(event: Event, steps: StepId[]): Promise<void> {
    event.preventDefault();
    const step = this.currentStep(steps);
    if (!this.stepReady(step)) return;
    const errors = [
      ...validateStep(step, this.draft),
      ...(step === 'where' || step === 'review' ? this.routeErrors() : []),
    ];
    if (errors.length) {
      // The place is asked on the Where step: from the review, go back there to fix it.
      if (step === 'review') this.goTo('where');
      this.errors = errors;
      emit(this, 'meldpunt-error', { kind: 'validation' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus();
      return;
    }
    if (step === 'review') await this.send();
    else this.goTo(steps[steps.indexOf(step) + 1] ?? 'review');
  }

  private send = async (): Promise<void> => {
    const config = this.load.value;
    const later = this.later;
    if (!config || !later || this.sendState === 'sending') return;
    this.sendState = 'sending';
    window.removeEventListener('online', this.onOnline);
    try {
      const body = later.toReportBody(this.draft, config, this.locale_, this.followUp(config));
      const result = await later.sendReport(this.base, this.tenant, body, this.idempotencyKey, this.requestTimeoutMs);
      this.finish(result);
    } catch (error) {
      this.failed(error, later);
    }
  };

  private finish(result: ReportCreated): void {
    // Forget the report: only the reference and the tenant's response stay on screen.
    this.draft = emptyDraft();
    this.idempotencyKey = crypto.randomUUID();
    this.errors = [];
    this.sendState = 'idle';
    this.contactClearedFor = undefined;
    this.result = result;
    this.moveFocus = true;
    emit(this, 'meldpunt-submit', { id: result.id, reference: result.reference, tenant: result.tenant });
  }

  private async failed(error: unknown, { stepOfPath, fieldOfPath }: LaterChunk): Promise<void> {
    const apiError = error instanceof ApiError ? error : new ApiError('network');
    if (apiError.kind === 'validation') {
      const outside = apiError.type?.endsWith('/outside-netherlands');
      this.sendState = 'idle';
      this.goTo(stepOfPath(apiError.errors[0]?.path ?? ''));
      this.errors = apiError.errors.map((e) =>
        outside ? outsideError : { field: fieldOfPath(e.path), message: 'errors.invalid' },
      );
    } else if (apiError.kind === 'network' || apiError.kind === 'timeout') {
      // No answer in time is told like no connection: not sent, try again (the same Idempotency-Key).
      this.sendState = 'network';
      window.addEventListener('online', this.onOnline);
    } else if (apiError.kind === 'rate-limit') {
      this.sendState = 'rate-limit';
      this.retryMinutes = Math.max(1, Math.ceil((apiError.retryAfterSeconds ?? 60) / 60));
    } else {
      this.sendState = apiError.kind === 'server' ? 'server' : 'failed';
    }
    emit(this, 'meldpunt-error', {
      kind: eventKinds[apiError.kind],
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
    this.goTo('who');
  };

  private async switchLocale(locale: Locale): Promise<void> {
    const config = this.load.value;
    if (!config || !this.texts || !config.locales.includes(locale)) return;
    await ensureLocale(this.texts, config, locale);
    if (this.locationTexts) await ensureLocationTexts(this.texts, config, locale);
    this.locale_ = locale;
  }

  private async loadLocationTexts(): Promise<void> {
    const config = this.load.value;
    if (!config || !this.texts) return;
    let locale: Locale;
    try {
      do {
        locale = this.locale_;
        await ensureLocationTexts(this.texts, config, locale);
      } while (locale !== this.locale_); // the language changed meanwhile
      this.locationTexts = true;
    } catch (error) {
      // Offline: coming back to the Where step tries again.
      console.warn('Meldpunt: the texts of the Where step could not be loaded', error);
    }
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
    this.contactClearedFor = undefined;
    this.step = 'who';
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
    if (!this.shadowRoot) return;
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
    this.adopt(this.tenantSheet);
  }

  /** Adds a constructed stylesheet to the shadow root, after those it has, once. */
  private adopt(sheet: CSSStyleSheet | undefined): void {
    const root = this.shadowRoot;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
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
