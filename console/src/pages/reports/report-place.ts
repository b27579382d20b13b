import { Task } from '@lit/task';
import type { ReportDetail } from '@meldpunt/contracts';
import { defaultTiles } from '@meldpunt/contracts/config-defaults';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { getPublishedMap } from '../../data/reports.ts';
import type { Translate } from '../../i18n.ts';
import { pageStyles } from '../../styles/theme.ts';
import { reportStyles } from './report-styles.ts';

/**
 * Where it happened: the place in words, the square of the national grid it lies in and the accuracy (the
 * text alternative, always shown), and the reporter's point on the tenant's map (`<meldpunt-map-view>` of
 * `@meldpunt/ui`, loaded with Leaflet only when there is a point; read only: no pin can be placed). A map
 * that cannot load leaves the words.
 *
 * @summary The place of a report, in words and on a map
 */
export class MeldpuntReportPlace extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    reportStyles,
    css`
      meldpunt-map-view {
        --meldpunt-map-height: 18rem;
        display: block;
        margin-block-start: 1rem;
      }
    `,
  ];

  /** The tenant's slug (its published map). */
  @property({ attribute: false }) slug = '';
  /** The report's location. */
  @property({ attribute: false }) location: ReportDetail['location'] = null;
  /** The page's translate function (keys `reportDetail.place.*`). */
  @property({ attribute: false }) t: Translate = (key) => key;

  /** The map's code and the tenant's map settings, when there is a point to show. */
  private map = new Task(this, {
    task: async ([slug, hasPoint], { signal }) => {
      if (!hasPoint) return undefined;
      const [settings] = await Promise.all([getPublishedMap(slug, signal), import('@meldpunt/ui/map-view')]);
      return {
        ...settings,
        tileUrl: settings.tileUrl ?? defaultTiles.tileUrl,
        attribution: settings.attribution ?? defaultTiles.attribution,
      };
    },
    args: () => [this.slug, this.location?.lat != null && this.location.lng != null] as const,
  });

  private mapText = (key: string): string => {
    const own: Record<string, string> = {
      'location.map.label': 'reportDetail.place.mapLabel',
      'location.map.instructions': 'reportDetail.place.mapInstructions',
      'location.map.zoomIn': 'reportDetail.place.zoomIn',
      'location.map.zoomOut': 'reportDetail.place.zoomOut',
      'location.map.outside': 'reportDetail.place.outside',
      'location.map.attribution': 'reportDetail.place.attribution',
    };
    const mapped = own[key];
    return mapped ? this.t(mapped) : key;
  };

  override render() {
    const t = this.t;
    const place = this.location;
    if (!place) return html`<p>${t('reportDetail.place.none')}</p>`;
    const point = place.lat != null && place.lng != null ? { lat: place.lat, lng: place.lng } : undefined;
    return html`<dl>
        <dt>${t('reportDetail.place.inWords')}</dt>
        <dd>${place.text ?? t('reportDetail.place.none')}</dd>
        ${
          place.gridCell
            ? html`<dt>${t('reportDetail.place.gridCell')}</dt>
                <dd>
                  ${place.gridCell}
                  ${place.accuracy ? html`(${t('reportDetail.place.accuracy', { metres: Math.round(place.accuracy) })})` : nothing}
                </dd>`
            : nothing
        }
      </dl>
      ${
        point
          ? this.map.render({
              complete: (settings) =>
                settings
                  ? html`<meldpunt-map-view
                      .settings=${settings}
                      .point=${point}
                      .accuracy=${place.accuracy ?? undefined}
                      .t=${this.mapText}
                    ></meldpunt-map-view>`
                  : nothing,
              error: () => nothing,
            })
          : html`<p>${t('reportDetail.place.noPoint')}</p>`
      }`;
  }
}

define('meldpunt-report-place', MeldpuntReportPlace);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-report-place': MeldpuntReportPlace;
  }
}
