import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { Task } from '@lit/task';
import type { AreaOutline, Locale, ReportCreated, TenantConfig } from '@meldpunt/contracts';
import { defaultTimeoutMs, scriptOrigin } from './api.ts';
import { define } from '@meldpunt/ui/define';
import {
  emptyDraft,
  hasContact,
  occurredAtOf,
  stepsFor,
  validateStep,
  type Draft,
  type DraftError,
  type StepId,
} from './draft.ts';
import { emit } from './events.ts';
import { ensureTexts, isRtl, type TextPart, type Translate, type Translations } from './i18n.ts';
import type { RouteCheck } from './location/location-picker.ts';
import type { FollowUpLink } from './follow-up/follow-up-link.ts';
import type { WidgetPreview } from './preview.ts';
import { adoptSheet, brandingSheet, logoUrl } from './shell/branding.ts';
import { loadErrorTexts, loadWidget } from './shell/config-loader.ts';
import { emergencyBanner } from './shell/emergency-banner.ts';
import { helpPanel, helpToggle } from './shell/help-panel.ts';
import { languageSwitch } from './shell/language-switch.ts';
import { loadErrorView } from './shell/load-error.ts';
import { currentStep, errorSummary, laterLoading, navButtons, progress, stepReady } from './shell/navigation.ts';
import { QuickExitController, quickExitButton } from './shell/quick-exit.ts';
import { plainText } from './shell/plain-text.ts';
import { outsideError, RouteCheckController } from './shell/route-check.ts';
import type { SendFailure, SendState } from './shell/sending.ts';
import { tenantText, type StepContext } from './steps/context.ts';
import { whatStep } from './steps/what.ts';
import { whenStep } from './steps/when.ts';
import { whereStep } from './steps/where.ts';
import { whoStep } from './steps/who.ts';
import { widgetStyles } from './styles/widget-styles.ts';

/** Private reactive state, as Lit's `@state()` declares it: it re-renders, and no attribute sets it. */
const internalState = { state: true, attribute: false } as const;

/** The code of the steps after the Where step, sending and the confirmation (`later.ts`). */
type LaterChunk = typeof import('./later.ts');

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

  // Declared here, not with decorators: Lit's decorator module would weigh on the first step's chunk.
  static override properties = {
    tenant: { attribute: 'tenant' },
    apiBase: { attribute: 'api-base' },
    locale: { attribute: 'locale' },
    preview: { attribute: false },
    locale_: internalState,
    step: internalState,
    draft: internalState,
    errors: internalState,
    sendState: internalState,
    retryMinutes: internalState,
    result: internalState,
    helpOpen: internalState,
    locationTexts: internalState,
    contactClearedFor: internalState,
    later: internalState,
    laterFailed: internalState,
    followUp: internalState,
  };

  /** The tenant (reporting point) slug, e.g. `dordrecht`. */
  tenant = '';

  /** Origin of the Meldpunt service; defaults to where this script was loaded from. */
  apiBase = '';

  /** Language to show (`nl`, `en`, `ar`, `tr`, `pl`, `uk`); defaults to the page's `<html lang>`, then the tenant's default. */
  locale = '';

  /**
   * Preview mode (the configuration console; property only): shows `preview.config` instead of the
   * published config, and sending calls `preview.send` instead of storing a report. A new object re-renders
   * in place, keeping the step, what was typed and focus.
   */
  preview?: WidgetPreview;

  private locale_: Locale = 'nl';
  private step: StepId = 'who';
  private draft: Draft = emptyDraft();
  private errors: DraftError[] = [];
  private sendState: SendState = 'idle';
  private retryMinutes = 0;
  private result?: ReportCreated;
  private helpOpen = false;
  /** The Where step's texts are in (for the language shown): they load when the reporter gets there. */
  private locationTexts = false;
  /** The route check for which contact details were cleared (its receiver does not follow up). */
  private contactClearedFor?: RouteCheck;
  /**
   * The steps after the Where step, once loaded: their own chunk and texts, which load when the Where step
   * opens.
   */
  private later?: LaterChunk;
  /** Loading the steps after the Where step failed (offline): those steps offer to try again. */
  private laterFailed = false;
  /**
   * "Follow up on my report" is open (or its chunk `failed` to arrive). All it shows lives in
   * `<meldpunt-follow-up>`: closing drops that element, and with it the code, the token and the thread.
   */
  private followUp?: 'open' | 'failed';

  private texts?: Translations;
  /** The tenant's own municipality (from its published config), if the service knows it. */
  private area?: AreaOutline;
  /** The later chunk on its way (once per element; forgotten after a failure, so it is tried again). */
  private laterLoading?: Promise<void>;
  /** Preview mode: the confirmation shown is the draft's sample (`showPreviewStep('sent')`), redone per language. */
  private previewSample = false;
  /** One per draft: every attempt to send this draft carries it, so it is stored once. */
  private idempotencyKey = crypto.randomUUID();
  /** Issue 16: the proof of work solved in the background for the next report (`proof.ts`). */
  private proof?: ReturnType<LaterChunk['proofFor']>;
  private moveFocus = false;
  private tenantSheet?: CSSStyleSheet;

  /** Navigation for quick exit; replaced in tests. */
  navigate = (url: string) => window.location.replace(url);

  /** How long one request to the service may take before the reporter is told it failed; lowered in tests. */
  requestTimeoutMs = defaultTimeoutMs;

  private readonly load = new Task(this, {
    args: () => [this.tenant, this.base, this.preview] as const,
    task: async ([tenant, base, preview], { signal }) => {
      const loaded = preview
        ? await (await import('./preview.ts')).loadPreview(preview, this.locale, this.textParts())
        : await loadWidget({ base, tenant, locale: this.locale, signal, timeoutMs: this.requestTimeoutMs });
      this.area = loaded.area;
      this.texts = loaded.texts;
      this.locale_ = loaded.locale;
      // Child elements (the location picker) get `t` as a property: new texts render them again.
      this.t = (key, options) => this.text(key, options);
      if (this.shadowRoot)
        adoptSheet(this.shadowRoot, (this.tenantSheet = brandingSheet(loaded.config, this.tenantSheet)));
      return loaded.config;
    },
  });

  /** Where a report placed at the chosen point would go (see `shell/route-check.ts`). */
  private readonly route = new RouteCheckController(
    this,
    () => ({
      config: this.load.value,
      area: this.area,
      base: this.base,
      tenant: this.tenant,
      location: this.draft.location,
      occurredAt: occurredAtOf(this.draft),
      timeoutMs: this.requestTimeoutMs,
    }),
    (check) => this.routeChecked(check),
  );

  constructor() {
    super();
    new QuickExitController(this, () => this.quickExit());
  }

  private get base(): string {
    return (this.apiBase || scriptOrigin).replace(/\/+$/, '');
  }

  private t: Translate = (key, options) => this.text(key, options);

  private text(key: string, options?: Record<string, unknown>): string {
    return this.texts ? this.texts.t(key, { lng: this.locale_, ...options }) : '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
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
      // A preview keeps showing the last draft until the new one is ready: no empty flash while typing.
      pending: () =>
        this.preview && this.load.value
          ? this.renderWidget(this.load.value)
          : html`<div class="widget" part="container" aria-busy="true"></div>`,
      complete: (config) => this.renderWidget(config),
      error: (error) => {
        // Without the tenant there are no texts yet: load the page language's defaults to explain.
        if (!this.texts) void this.loadErrorTexts();
        return loadErrorView(this.t, error, () => this.load.run());
      },
    });
  }

  // ——— Rendering ———

  private renderWidget(config: TenantConfig) {
    const dir = isRtl(this.locale_) ? 'rtl' : 'ltr';
    const base = this.base;
    const logo = logoUrl(config, base);
    return html`
      <div class="widget" part="container" lang=${this.locale_} dir=${dir}>
        ${emergencyBanner(this.t)}
        <div class="top">
          ${logo ? html`<img class="logo" src=${logo} alt=${tenantText({ config, locale: this.locale_ }, config.branding.logoAlt) ?? config.name} />` : html`<span></span>`}
          <div class="tools">
            ${languageSwitch(config.locales, this.locale_, this.t, (l) => this.switchLocale(l))}
            ${helpToggle(this.helpOpen, this.t, () => (this.helpOpen = !this.helpOpen))}
            ${quickExitButton(this.t, this.quickExit)}
          </div>
        </div>
        ${this.helpOpen ? helpPanel(config, this.locale_, this.t) : nothing}
        ${
          this.followUp
            ? // The follow-up view (its own chunk, in by now); if its chunk could not be loaded, the element stays
              // undefined and shows its light DOM: the load error with a retry.
              html`<meldpunt-follow-up .link=${this.followUpLink()}>
                ${laterLoading(this.t, true, this.openFollowUp)}
              </meldpunt-follow-up>`
            : this.result && this.later
              ? this.later.sentView(
                  { config, locale: this.locale_, dir, t: this.t },
                  this.result,
                  logo,
                  this.reportAnother,
                  this.followUpLink(),
                )
              : this.renderForm(config, this.steps(config), dir)
        }
        <div class="footer-note">
          <p><strong>${this.t('help.notPolice')}</strong> ${this.t('help.police')} ${this.t('help.punishable')}</p>
          <p class="hint">${this.t('quickExit.hint')}</p>
        </div>
      </div>
    `;
  }

  private renderForm(config: TenantConfig, steps: StepId[], dir: 'ltr' | 'rtl') {
    const step = currentStep(steps, this.step);
    const index = steps.indexOf(step);
    const check = this.route.current;
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
      routeNotice: this.route.notice(this.t, (c) => c === this.contactClearedFor),
      receiverName: routedTo && routedTo.participating ? routedTo.name : config.name,
      update: (patch) => this.updateDraft(patch),
      goTo: (target) => this.goTo(target as StepId),
    };
    const last = step === 'review';
    const ready = stepReady(step, this.later !== undefined);
    const sending = this.sendState === 'sending';
    const failed = last && this.later && !['idle', 'sending'].includes(this.sendState);
    return html`
      <p class="widget-title">${this.t('intro.title')}</p>
      ${
        index === 0
          ? html`<div class="intro">
              ${plainText(`${this.t('intro.body')} ${this.t('app.anonymous')}`)}
              ${
                // The console's preview has no real report to follow up.
                this.preview
                  ? nothing
                  : html`<button
                      id="start-follow-up"
                      type="button"
                      class="secondary"
                      part="button"
                      @click=${this.openFollowUp}
                    >
                      ${this.t('followUp.open')}
                    </button>`
              }
            </div>`
          : nothing
      }
      <form
        part="form"
        data-step=${step}
        aria-busy=${ready ? nothing : 'true'}
        novalidate
        @submit=${(e: Event) => this.onSubmit(e, steps)}
      >
        ${progress(this.t, index, steps.length)}
        <h2 id="step-heading" tabindex="-1" part="heading">${this.t(`steps.${step}.title`)}</h2>
        ${errorSummary(this.t, this.errors, this.focusField)}
        ${
          failed
            ? this.later?.sendErrorView(this.t, this.sendState, this.retryMinutes, this.send)
            : html`<div role="status" class="visually-hidden">${sending ? this.t('nav.sending') : ''}</div>`
        }
        ${this.renderStep(step, ctx, steps)}
        ${navButtons({ t: this.t, back: index > 0 ? () => this.goTo(steps[index - 1] ?? 'who') : undefined, last, sending, ready })}
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
    if (!later) return laterLoading(this.t, this.laterFailed, () => this.loadLaterSteps());
    switch (step) {
      case 'details':
        return later.detailsStep(ctx);
      case 'contact':
        return later.contactStep(ctx);
      case 'review':
        return later.reviewStep(ctx, steps);
    }
  }

  // ——— Behaviour ———

  /** What the follow-up's elements need of the widget: its texts, the API, and opening or closing the view. */
  private followUpLink(): FollowUpLink {
    return {
      texts: this.texts,
      locale: this.locale_,
      base: this.base,
      tenant: this.tenant,
      open: this.preview ? undefined : this.openFollowUp,
      close: () => {
        this.followUp = undefined;
        this.moveFocus = true;
      },
    };
  }

  /** Opens the follow-up view once its chunk is in (the view then focuses its own heading). */
  private openFollowUp = () => {
    import('./follow-up.ts').then(
      () => (this.followUp = 'open'),
      () => (this.followUp = 'failed'),
    );
  };

  private updateDraft(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    if (this.errors.length) {
      // Re-check only fields that had errors, so messages disappear as soon as they are fixed.
      const config = this.load.value;
      if (config) {
        const step = currentStep(this.steps(config), this.step);
        const still = new Set([...validateStep(step, this.draft), ...this.route.errors()].map((e) => e.field));
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
    // Issue 16: the report's proof of work, solved in the background from the step after Where on (so the
    // Where step's bytes stay within budget); a preview sends nothing.
    if (steps.indexOf(this.step) > steps.indexOf('where') && this.later && !this.preview) {
      this.proof = this.later.proofFor(this.proof, this.base, this.tenant);
    }
    this.errors = [];
    if (this.sendState !== 'sending') this.sendState = 'idle';
    this.moveFocus = true;
    emit(this, 'meldpunt-step-change', { step: this.step, index: steps.indexOf(this.step), total: steps.length });
  }

  /**
   * Loads the steps after the Where step (details, contact, review, done) and their texts in the language
   * shown, once; after a failure, again.
   */
  private loadLaterSteps(): void {
    const texts = this.texts;
    if (!texts) return;
    this.laterFailed = false;
    this.laterLoading ??= Promise.all([import('./later.ts'), ensureTexts(texts, this.locale_, 'later')]).then(
      ([chunk]) => {
        adoptSheet(this.shadowRoot, chunk.laterStyles.styleSheet);
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
    return stepsFor(config, this.route.followUp(config));
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
    const step = currentStep(steps, this.step);
    if (!stepReady(step, this.later !== undefined)) return;
    // The review sends only when every step is answered (a preview jumps past steps: `showPreviewStep`).
    const unanswered = step === 'review' ? steps.find((s) => validateStep(s, this.draft).length) : undefined;
    const errors = unanswered
      ? validateStep(unanswered, this.draft)
      : [...validateStep(step, this.draft), ...(step === 'where' || step === 'review' ? this.route.errors() : [])];
    if (errors.length) {
      // From the review, go back to the step to fix (the place is asked on the Where step).
      if (step === 'review') this.goTo(unanswered ?? 'where');
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
      const body = later.toReportBody(this.draft, config, this.locale_, this.route.followUp(config));
      this.finish(
        this.preview
          ? await this.preview.send(body)
          : await later.sendReport(
              this.base,
              this.tenant,
              body,
              this.idempotencyKey,
              this.requestTimeoutMs,
              (this.proof = later.proofFor(this.proof, this.base, this.tenant)),
            ),
      );
    } catch (error) {
      await this.failed(later.sendFailure(error));
    }
  };

  private finish(result: ReportCreated): void {
    // Forget the report: only the reference and the tenant's response stay on screen.
    this.previewSample = false;
    this.draft = emptyDraft();
    this.idempotencyKey = crypto.randomUUID();
    this.errors = [];
    this.sendState = 'idle';
    this.contactClearedFor = undefined;
    this.result = result;
    this.moveFocus = true;
    emit(this, 'meldpunt-submit', { id: result.id, reference: result.reference, tenant: result.tenant });
  }

  /** Shows what went wrong (see `shell/sending.ts`), and focuses it. */
  private async failed(failure: SendFailure): Promise<void> {
    this.sendState = failure.state;
    this.retryMinutes = failure.retryMinutes;
    if (failure.fix) {
      this.goTo(failure.fix.step);
      this.errors = failure.fix.errors;
    }
    if (failure.retryWhenOnline) window.addEventListener('online', this.onOnline);
    emit(this, 'meldpunt-error', failure.event);
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

  /**
   * Preview mode only: shows `step` without checking the steps before it, or (`'sent'`) the confirmation
   * after sending with the draft's response and a sample reference — for the communications team.
   */
  async showPreviewStep(step: StepId | 'sent'): Promise<void> {
    if (!this.preview) return;
    this.previewSample = step === 'sent';
    void this.loadLocationTexts();
    if (step !== 'sent') {
      this.result = undefined;
      this.goTo(step);
      // Focus stays where the person chose the step.
      this.moveFocus = false;
      return;
    }
    this.loadLaterSteps();
    const [{ sampleResult }] = await Promise.all([import('./preview.ts'), this.laterLoading, this.load.taskComplete]);
    const config = this.load.value;
    if (config) this.result = sampleResult(config, this.locale_, this.route.followUp(config));
  }

  /** The parts of the default texts the form has come to so far. */
  private textParts(): TextPart[] {
    const parts: TextPart[] = ['first'];
    if (this.locationTexts) parts.push('location');
    if (this.laterLoading) parts.push('later');
    return parts;
  }

  /** Shows another language, once the parts of its texts the form has come so far with are in. */
  private async switchLocale(locale: Locale): Promise<void> {
    const config = this.load.value;
    const texts = this.texts;
    if (!config || !texts || !config.locales.includes(locale)) return;
    await Promise.all(this.textParts().map((part) => ensureTexts(texts, locale, part)));
    this.locale_ = locale;
    if (this.previewSample && this.result) void this.showPreviewStep('sent');
  }

  private async loadLocationTexts(): Promise<void> {
    const texts = this.texts;
    if (!texts) return;
    let locale: Locale;
    try {
      do {
        locale = this.locale_;
        await ensureTexts(texts, locale, 'location');
      } while (locale !== this.locale_); // the language changed meanwhile
      this.locationTexts = true;
    } catch (error) {
      // Offline: coming back to the Where step tries again.
      console.warn('Meldpunt: the texts of the Where step could not be loaded', error);
    }
  }

  private focusField = (event: Event, field: string): void => {
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(field)}`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };

  private quickExit = () => {
    const url = this.load.value?.quickExitUrl ?? 'https://www.google.com/';
    // Forget everything before leaving.
    this.draft = emptyDraft();
    this.result = undefined;
    this.errors = [];
    this.helpOpen = false;
    this.contactClearedFor = undefined;
    this.followUp = undefined;
    this.step = 'who';
    if (emit(this, 'meldpunt-quick-exit', { url }, { cancelable: true })) this.navigate(url);
  };

  private async loadErrorTexts(): Promise<void> {
    const { texts, locale } = await loadErrorTexts();
    this.texts = texts;
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
