import type { Hotspots } from '@meldpunt/contracts';
import { defaultTiles } from '@meldpunt/contracts/config-defaults';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import * as L from '@meldpunt/ui/leaflet';
import { leafletSheet } from '@meldpunt/ui/leaflet-styles';
import { parseAttribution } from '@meldpunt/ui/map-view';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Translate } from '../../i18n.ts';
import { levelOf, maxOf } from './figures-shared.ts';

/**
 * The hotspot map: the period's 500 m squares on the PDOK base map (Leaflet, the parts `@meldpunt/ui/leaflet`
 * carries, as the configuration's map section and the widget use them), each square drawn from its bounds
 * and shaded by its count; squares below the minimum (or hidden) are outlined and hatched, never shaded
 * by a number. Never a single report's point: the API sends none. The map is a picture (`role="img"`);
 * the table beside it (the page's) holds the same numbers. Drag and wheel move it; the zoom buttons are
 * real buttons. Loaded as a chunk of its own when the figures page shows it.
 *
 * @summary The map of a period's hotspot squares.
 * @cssproperty --meldpunt-hotspot-map-height - Height of the map; default `24rem`.
 */
export class MeldpuntHotspotMap extends LitElement {
  static override styles = [
    leafletSheet,
    tokens,
    baseStyles,
    css`
      :host {
        display: block;
      }
      .frame {
        position: relative;
        isolation: isolate;
      }
      .map {
        block-size: var(--meldpunt-hotspot-map-height, 24rem);
        inline-size: 100%;
        border: 1px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
      }
      .zoom {
        position: absolute;
        inset-block-start: 0.5rem;
        inset-inline-end: 0.5rem;
        z-index: 1000;
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
      }
      button {
        min-inline-size: var(--_meldpunt-target);
        min-block-size: var(--_meldpunt-target);
        font: inherit;
        font-size: 1.5rem;
        line-height: 1;
        color: var(--_meldpunt-text);
        background: var(--_meldpunt-background);
        border: 2px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
        cursor: pointer;
      }
      .cell {
        stroke: #1a1a1a;
        stroke-width: 1px;
        fill-opacity: 0.75;
      }
      .level-0 {
        fill: #ffffff;
      }
      .level-1 {
        fill: var(--meldpunt-heat-1-color, #dce6f4);
      }
      .level-2 {
        fill: var(--meldpunt-heat-2-color, #a9c1e4);
      }
      .level-3 {
        fill: var(--meldpunt-heat-3-color, #2f5f9e);
      }
      .level-4 {
        fill: var(--meldpunt-heat-4-color, #16365f);
      }
      .level-suppressed {
        fill: #ffffff;
        fill-opacity: 0.4;
        stroke-dasharray: 4 3;
        stroke-width: 2px;
      }
      .attribution {
        margin-block: 0.25rem 0;
        font-size: 0.875rem;
      }
      @media print {
        .zoom {
          display: none;
        }
      }
    `,
  ];

  /** The period's squares as the API published them. */
  @property({ attribute: false }) cells: Hotspots['cells'] = [];
  /** The console's translate function (the page's). */
  @property({ attribute: false }) t: Translate = (key: string) => key;

  @state() private zoom = 0;
  @query('.map') private container?: HTMLDivElement | null;

  private map?: L.Map;
  private layers: L.Polygon[] = [];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.map?.remove();
    this.map = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.container) return;
    if (!this.map) {
      this.map = L.map(this.container, {
        renderer: L.svg(),
        zoomControl: false,
        attributionControl: false,
        keyboard: false,
        minZoom: 7,
        maxZoom: 18,
      });
      L.tileLayer(defaultTiles.tileUrl, { maxZoom: 19 }).addTo(this.map);
      this.map.on('zoomend', () => (this.zoom = this.map?.getZoom() ?? 0));
    }
    if (changed.has('cells')) this.draw();
  }

  private draw(): void {
    const map = this.map;
    if (!map) return;
    for (const layer of this.layers) layer.remove();
    const max = maxOf(this.cells);
    this.layers = this.cells.map((cell) => {
      const [[south, west], [north, east]] = cell.bounds;
      return L.polygon(
        [
          [south, west],
          [north, west],
          [north, east],
          [south, east],
        ],
        { interactive: false, className: `cell level-${levelOf(cell, max)}` },
      ).addTo(map);
    });
    if (this.cells.length > 0) {
      const corners = this.cells.flatMap((cell) => cell.bounds);
      map.fitBounds(L.latLngBounds(corners), { padding: [16, 16], animate: false });
    } else {
      map.setView(L.latLng(52.1, 5.3), 7, { animate: false });
    }
    this.zoom = map.getZoom();
  }

  override render() {
    const { t } = this;
    return html`
      <div class="frame">
        <div class="map" role="img" aria-label=${t('figures.hotspots.mapLabel')}></div>
        <div class="zoom">
          <button type="button" aria-label=${t('figures.hotspots.zoomIn')} @click=${() => this.map?.zoomIn()}>+</button>
          <button type="button" aria-label=${t('figures.hotspots.zoomOut')} @click=${() => this.map?.zoomOut()}>
            −
          </button>
        </div>
      </div>
      <p class="attribution" data-zoom=${this.zoom}>
        ${parseAttribution(defaultTiles.attribution).map((part) =>
          part.href ? html`<a href=${part.href}>${part.text}</a>` : part.text,
        )}
      </p>
    `;
  }
}

define('meldpunt-hotspot-map', MeldpuntHotspotMap);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-hotspot-map': MeldpuntHotspotMap;
  }
}
