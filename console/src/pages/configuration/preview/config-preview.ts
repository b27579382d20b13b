import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type {
  AreaOutline,
  Locale,
  PreviewReport,
  ReportCreated,
  ReportInputBody,
  TenantConfigInput,
} from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { tokens } from '@meldpunt/ui/tokens';
import { ApiError as WidgetApiError } from '@meldpunt/widget/api';
import type { WidgetPreview } from '@meldpunt/widget/preview';
import type { MeldpuntWidget } from '@meldpunt/widget/meldpunt-widget';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { textsContext, type TextsContext } from '../../../context.ts';
import { ApiError } from '../../../data/http.ts';
import { pageStyles } from '../../../styles/theme.ts';
import { previewReport, tenantArea } from './preview-api.ts';
import { widgetConfig } from './widget-config.ts';

/** A step of the form the preview can show, or the confirmation after sending. */
export type PreviewStep = 'who' | 'what' | 'when' | 'where' | 'details' | 'contact' | 'review' | 'sent';
const steps: readonly PreviewStep[] = ['who', 'what', 'when', 'where', 'details', 'contact', 'review', 'sent'];

/** Quick exit in the preview shows what it does to the form, but keeps the console on screen. */
const stayHere = (event: Event) => event.preventDefault();

/** How long after the last keystroke the preview follows the draft (well within the issue's 1 s). */
export const previewDelayMs = 300;

/**
 * The live preview of the configuration editor: the real `<meldpunt-widget>` — the component citizens
 * get, loaded lazily from the workspace package — rendering the draft as it is edited, in every language
 * the draft offers, at any step, including the confirmation after sending. Sending from it goes to the
 * service's preview route, which stores nothing and answers the e-mail the municipality would receive;
 * that is shown below the widgets, as text.
 *
 * @summary The draft in the real widget, at phone and desktop width, and the e-mail it would send.
 */
export class MeldpuntConfigPreview extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    css`
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
        align-items: start;
      }
      select {
        min-block-size: var(--_meldpunt-target);
        max-inline-size: 100%;
      }
      .frames {
        display: flex;
        flex-wrap: wrap;
        gap: 1.5rem;
        align-items: start;
      }
      .frame {
        max-inline-size: 100%;
        min-inline-size: 0;
      }
      .frame h3 {
        font-size: 1rem;
        margin-block: 0 0.5rem;
      }
      .phone {
        inline-size: 360px;
      }
      .desktop {
        inline-size: 720px;
      }
      meldpunt-widget {
        display: block;
        max-inline-size: 100%;
      }
      .mail {
        margin-block-start: 1.5rem;
        border: 1px dashed var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
        padding: 1rem;
        max-inline-size: 720px;
      }
      .mail h3 {
        margin-block-start: 0;
      }
      .mail dt {
        font-weight: 600;
      }
      .mail dd {
        margin-inline-start: 0;
        margin-block-end: 0.75rem;
        overflow-wrap: anywhere;
      }
      .mail pre {
        white-space: pre-wrap;
        font-family: inherit;
        margin: 0;
      }
      .send-error {
        color: var(--_meldpunt-error);
        font-weight: 600;
      }
    `,
  ];

  /** The tenant's slug. */
  @property({ attribute: false }) slug = '';

  /** The draft as edited now (a new object on every edit). */
  @property({ attribute: false }) config?: TenantConfigInput;

  /** `full`: phone and desktop side by side, with the choice of language and step; `compact`: one phone, the language. */
  @property({ reflect: true }) layout: 'full' | 'compact' = 'full';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  /** What the widgets render: follows `config` `previewDelayMs` after the last edit. */
  @state() private preview?: WidgetPreview;
  /** The language chosen (empty: the draft's default language). */
  @state() private locale: Locale | '' = '';
  @state() private step: PreviewStep = 'who';
  /** The e-mail of the last report sent from the preview. */
  @state() private mail?: PreviewReport['mail'];
  @state() private sendError = '';

  private timer?: ReturnType<typeof setTimeout>;
  private area?: AreaOutline;

  /** The widget's code: the same module citizens load, in a chunk of the console's own. */
  private readonly widget = new Task(this, {
    args: () => [] as const,
    task: async () => {
      await import('@meldpunt/widget/meldpunt-widget');
      return true;
    },
  });

  /** The municipality outline for the map, once per tenant (from its published config). */
  private readonly areaTask = new Task(this, {
    args: () => [this.slug] as const,
    task: async ([slug], { signal }) => (slug ? tenantArea(slug, signal) : undefined),
    onComplete: (area) => {
      this.area = area;
      this.followDraft();
    },
    // Without the outline the map still works: the preview goes on without it.
    onError: () => undefined,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('config') || !this.config) return;
    // The first draft at once; after that, once the typing pauses.
    clearTimeout(this.timer);
    if (this.preview) this.timer = setTimeout(() => this.followDraft(), previewDelayMs);
    else this.followDraft();
  }

  protected override async updated(changed: PropertyValues): Promise<void> {
    // The confirmation shows the draft's response: shown again with each new draft.
    if ((changed.has('preview') && this.step === 'sent') || changed.has('step')) await this.showStep();
  }

  /** A new preview object for the widgets: the draft as it is now. */
  private followDraft(): void {
    const config = this.config;
    if (!config) return;
    this.preview = { config: widgetConfig(config), area: this.area, send: (body) => this.send(config, body) };
  }

  /** The widgets on the page. */
  private widgets(): MeldpuntWidget[] {
    return [...this.renderRoot.querySelectorAll('meldpunt-widget')];
  }

  private async showStep(): Promise<void> {
    const step = this.step;
    for (const widget of this.widgets()) {
      await widget.updateComplete;
      await widget.showPreviewStep(step);
    }
  }

  /** `preview.send`: to the service's preview route; the e-mail below, the widget's answer to the widget. */
  private async send(config: TenantConfigInput, body: ReportInputBody): Promise<ReportCreated> {
    this.sendError = '';
    try {
      // The draft the widget shows (the one the reporter's answers were checked against).
      const { result, mail } = await previewReport(this.slug, config, body);
      this.mail = mail;
      return result;
    } catch (error) {
      this.mail = undefined;
      if (!(error instanceof ApiError)) throw new WidgetApiError('network');
      const errors = error.problem.errors ?? [];
      // The report's fields: the widget shows them beside its own fields; the draft's: said here.
      const reportErrors = errors
        .filter((e) => e.path.startsWith('/report/'))
        .map((e) => ({ ...e, path: e.path.slice('/report'.length) }));
      if (error.status === 422 && reportErrors.length > 0) {
        throw new WidgetApiError('validation', { status: 422, problem: { errors: reportErrors } });
      }
      const { t } = this.texts;
      this.sendError = t(error.status === 422 ? 'preview.sendError.draft' : 'preview.sendError.failed');
      throw new WidgetApiError(error.status >= 500 ? 'server' : 'client', { status: error.status });
    }
  }

  override render() {
    const { t } = this.texts;
    return this.widget.render({
      pending: () => html`<p role="status">${t('preview.loading')}</p>`,
      error: () =>
        html`<div role="alert">
          <p>${t('preview.loadError')}</p>
          <button type="button" @click=${() => void this.widget.run()}>${t('preview.retry')}</button>
        </div>`,
      complete: () => this.renderPreview(),
    });
  }

  private renderPreview() {
    const { t } = this.texts;
    const config = this.preview?.config;
    if (!config) return html`<p role="status">${t('preview.loading')}</p>`;
    const locale = this.locale && config.locales.includes(this.locale) ? this.locale : config.defaultLocale;
    const full = this.layout === 'full';
    const offered = steps.filter((s) => s !== 'contact' || config.followUp.mode === 'active');
    const frame = (id: string, size: 'phone' | 'desktop', label: string) =>
      html`<section class="frame ${size}" aria-labelledby=${id}>
        <h3 id=${id}>${label}</h3>
        <meldpunt-widget
          tenant=${this.slug}
          locale=${locale}
          .preview=${this.preview}
          @meldpunt-quick-exit=${stayHere}
        ></meldpunt-widget>
      </section>`;
    return html`
      ${full ? html`<p>${t('preview.intro')}</p>` : nothing}
      <div class="controls">
        ${field(
          { id: 'preview-locale', label: t('preview.locale') },
          (aria) => html`
            <select
              id="preview-locale"
              aria-describedby=${aria.describedBy}
              @change=${(e: Event) => (this.locale = (e.target as HTMLSelectElement).value as Locale)}
            >
              ${config.locales.map(
                (l) =>
                  html`<option value=${l} lang=${l} ?selected=${l === locale}>${t(`preview.languages.${l}`)}</option>`,
              )}
            </select>
          `,
        )}
        ${
          full
            ? field(
                { id: 'preview-step', label: t('preview.step'), hint: t('preview.stepHint') },
                (aria) => html`
                  <select
                    id="preview-step"
                    aria-describedby=${aria.describedBy}
                    @change=${(e: Event) => (this.step = (e.target as HTMLSelectElement).value as PreviewStep)}
                  >
                    ${offered.map(
                      (s) => html`<option value=${s} ?selected=${s === this.step}>${t(`preview.steps.${s}`)}</option>`,
                    )}
                  </select>
                `,
              )
            : nothing
        }
      </div>
      <div class="frames">
        ${
          full
            ? [
                frame('preview-phone', 'phone', t('preview.phone')),
                frame('preview-desktop', 'desktop', t('preview.desktop')),
              ]
            : frame('preview-compact', 'phone', t('preview.compact'))
        }
      </div>
      ${this.sendError ? html`<p class="send-error" role="alert">${this.sendError}</p>` : nothing}
      ${full || this.mail ? this.renderMail() : nothing}
    `;
  }

  /** The e-mail of the last report sent from the preview, as text (never HTML), marked as a sample. */
  private renderMail() {
    const { t } = this.texts;
    const mail = this.mail;
    return html`<section class="mail" aria-labelledby="mail-title">
      <h3 id="mail-title">${t('preview.mail.title')}</h3>
      <div aria-live="polite">
        ${
          mail
            ? html`<p><strong>${t('preview.mail.sample')}</strong></p>
                <dl>
                  <dt>${t('preview.mail.subject')}</dt>
                  <dd id="mail-subject">${mail.subject}</dd>
                  <dt>${t('preview.mail.body')}</dt>
                  <dd><pre id="mail-text">${mail.text}</pre></dd>
                </dl>`
            : html`<p>${t('preview.mail.empty')}</p>`
        }
      </div>
    </section>`;
  }
}

define('meldpunt-config-preview', MeldpuntConfigPreview);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-preview': MeldpuntConfigPreview;
  }
}
