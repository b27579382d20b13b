import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../../context.ts';
import { getEmbedSources, type EmbedSources } from '../../../data/embed.ts';
import { NotFoundError } from '../../../data/http.ts';
import { may } from '../../../permissions.ts';
import { href } from '../../../router.ts';
import { pageStyles, webAwesomeTheme } from '../../../styles/theme.ts';

/** The widget's defaults for a tenant that sets none (`defaultTiles`, `geocoding` of the contracts). */
const defaults = {
  tileUrl: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
  geocoder: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1',
};

/** The embed snippets of a tenant, served from `origin` (`widget/README.md`). */
export function embedSnippets(origin: string, slug: string): { module: string; classic: string } {
  const element = `<meldpunt-widget tenant="${slug}"></meldpunt-widget>`;
  return {
    module: `<script type="module" src="${origin}/widget/meldpunt-widget.js"></script>\n${element}`,
    classic: `<script src="${origin}/widget/meldpunt-widget.classic.js" defer></script>\n${element}`,
  };
}

/** The origin of an https URL (a URL template's `{z}` etc. are only in its path), or undefined. */
function originOf(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).origin;
  } catch {
    return undefined;
  }
}

/**
 * The CSP sources a host page adds for this tenant's widget: the script from the service; the config,
 * reports and address search from the service and the geocoder; the logo (uploaded logos and demo paths
 * live on the service) and the map tiles as images.
 */
export function cspLines(origin: string, sources: EmbedSources | undefined): { directive: string; values: string[] }[] {
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  const logo = sources?.branding.logoUrl;
  return [
    { directive: 'script-src', values: [origin] },
    {
      directive: 'connect-src',
      values: unique([origin, originOf(sources?.geocoding.baseUrl ?? defaults.geocoder, origin)]),
    },
    {
      directive: 'img-src',
      values: unique([
        origin,
        logo ? originOf(logo, origin) : undefined,
        originOf(sources?.map.tileUrl ?? defaults.tileUrl, origin),
      ]),
    },
  ];
}

/**
 * How a municipality puts its reporting form on its own website: the snippet to paste (module script,
 * and a classic script for a CMS without `type="module"`), each with a copy button; the lines its
 * Content-Security-Policy needs for this tenant (from the published config: logo, map tiles, address
 * search); the reminder that only allowed websites may send reports; the hosted reporting page on the
 * service (`/m/:slug`); and its QR code for posters, as SVG and PNG.
 *
 * @summary Embedding the reporting form: snippets, CSP, hosted page and QR code.
 */
export class MeldpuntConfigEmbed extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    webAwesomeTheme,
    pageStyles,
    css`
      section {
        max-inline-size: 48rem;
      }
      .code {
        display: flex;
        gap: 0.5rem;
        align-items: start;
      }
      pre {
        flex: 1 1 auto;
        min-inline-size: 0;
        margin: 0;
        padding: 0.75rem;
        background: var(--_meldpunt-surface);
        border: 1px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-size: 0.875rem;
      }
      .hint {
        color: var(--_meldpunt-muted);
      }
      ul.csp {
        padding-inline-start: 1.25rem;
      }
      ul.csp li {
        margin-block-end: 0.5rem;
      }
      .qr {
        display: grid;
        gap: 0.75rem;
        justify-items: start;
      }
      .qr img {
        inline-size: min(16rem, 100%);
        block-size: auto;
        background: #fff;
        border: 1px solid var(--_meldpunt-border);
      }
      .downloads {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
      }
      .downloads a,
      .hosted a {
        display: inline-block;
        min-block-size: var(--_meldpunt-target);
        padding-block: 0.625rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The tenant's slug. */
  @property({ attribute: 'slug' }) slug = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  private sources = new Task(this, {
    task: async ([slug], { signal }) => {
      const [sources] = await Promise.all([
        // Not published yet (404): the snippet is still the one to use once it is; the defaults apply.
        getEmbedSources(slug, signal).catch((error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        }),
        import('@awesome.me/webawesome/dist/components/copy-button/copy-button.js'),
      ]);
      return sources;
    },
    args: () => [this.slug] as const,
  });

  override render() {
    const { t } = this.texts;
    return html`
      <h2>${t('embed.title')}</h2>
      ${this.sources.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.sources.run()),
        complete: (sources) => this.renderPage(sources),
      })}
    `;
  }

  private renderCode(id: string, code: string, copyLabel: string) {
    const { t } = this.texts;
    return html`<div class="code">
      <pre id=${id}><code>${code}</code></pre>
      <wa-copy-button
        id="${id}-copy"
        value=${code}
        copy-label=${copyLabel}
        success-label=${t('embed.copied')}
        error-label=${t('embed.copyFailed')}
      ></wa-copy-button>
    </div>`;
  }

  private renderPage(sources: EmbedSources | null) {
    const { t } = this.texts;
    const origin = location.origin;
    const slug = this.slug;
    const snippets = embedSnippets(origin, slug);
    const csp = cspLines(origin, sources ?? undefined);
    const cspText = csp.map((line) => `${line.directive} ${line.values.join(' ')}`).join(';\n');
    const hosted = `${origin}/m/${encodeURIComponent(slug)}`;
    const qr = `/api/v1/tenants/${encodeURIComponent(slug)}/qr`;
    const explain: Record<string, string> = {
      'script-src': t('embed.csp.script'),
      'connect-src': t('embed.csp.connect'),
      'img-src': t('embed.csp.img'),
    };
    const settingsHref = `${href('configuration', { slug })}/settings`;
    return html`
      <p>${t('embed.intro')}</p>
      ${sources ? nothing : html`<p class="message" id="not-published">${t('embed.notPublished')}</p>`}
      <section aria-labelledby="module-title">
        <h3 id="module-title">${t('embed.moduleTitle')}</h3>
        <p class="hint">${t('embed.moduleHint')}</p>
        ${this.renderCode('module', snippets.module, t('embed.copyModule'))}
      </section>
      <section aria-labelledby="classic-title">
        <h3 id="classic-title">${t('embed.classicTitle')}</h3>
        <p class="hint">${t('embed.classicHint')}</p>
        ${this.renderCode('classic', snippets.classic, t('embed.copyClassic'))}
        <p>${t('embed.languageHint')}</p>
      </section>
      <section aria-labelledby="csp-title">
        <h3 id="csp-title">${t('embed.cspTitle')}</h3>
        <p>${t('embed.cspIntro')}</p>
        <ul class="csp">
          ${csp.map(
            (line) =>
              html`<li><code>${line.directive} ${line.values.join(' ')}</code> — ${explain[line.directive]}</li>`,
          )}
          <li><code>style-src</code> — ${t('embed.csp.style')}</li>
          <li><code>trusted-types lit-html</code> — ${t('embed.csp.trustedTypes')}</li>
        </ul>
        ${this.renderCode('csp-code', cspText, t('embed.copyCsp'))}
      </section>
      <section aria-labelledby="origins-title">
        <h3 id="origins-title">${t('embed.originsTitle')}</h3>
        ${
          may(this.me, 'settings.manage', slug)
            ? html`<p>${t('embed.originsAdmin')}</p>
                <p><a href=${settingsHref} id="settings-link">${t('embed.originsLink')}</a></p>`
            : html`<p>${t('embed.originsOther')}</p>`
        }
      </section>
      <section aria-labelledby="hosted-title" class="hosted">
        <h3 id="hosted-title">${t('embed.hostedTitle')}</h3>
        <p>${t('embed.hostedIntro')}</p>
        <p>
          <a href=${hosted} target="_blank" rel="noopener" id="hosted-link"
            >${t('embed.hostedLink', { url: hosted })}</a
          >
        </p>
      </section>
      <section aria-labelledby="qr-title" class="qr">
        <h3 id="qr-title">${t('embed.qrTitle')}</h3>
        ${
          sources
            ? html`<p>${t('embed.qrIntro')}</p>
                <img src="${qr}.svg" alt=${t('embed.qrAlt', { url: hosted })} width="256" height="256" id="qr" />
                <div class="downloads">
                  <a href="${qr}.svg" download="meldpunt-${slug}-qr.svg" id="qr-svg">${t('embed.qrSvg')}</a>
                  <a href="${qr}.png" download="meldpunt-${slug}-qr.png" id="qr-png">${t('embed.qrPng')}</a>
                </div>`
            : html`<p>${t('embed.qrNotPublished')}</p>`
        }
      </section>
    `;
  }
}

define('meldpunt-config-embed', MeldpuntConfigEmbed);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-embed': MeldpuntConfigEmbed;
  }
}
