import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import * as L from './leaflet.ts';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import type { AreaOutline, TenantConfig } from '@meldpunt/contracts';
import { baseStyles } from '../base-styles.ts';
import { define } from '../define.ts';
import { tokens } from '../tokens.ts';

export interface LatLng {
  lat: number;
  lng: number;
}

/** A piece of the tenant's map attribution: text, or a link. */
export interface AttributionPart {
  text: string;
  href?: string;
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

const plain = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ''));

/**
 * Splits an attribution such as `Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a>`
 * into text and links, so it renders through Lit templates (no `innerHTML`, so strict CSP and
 * Trusted Types hold). Only http(s) links survive; every other tag becomes its text.
 */
export function parseAttribution(source: string): AttributionPart[] {
  const parts: AttributionPart[] = [];
  const link = /<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1[^>]*>(.*?)<\/a\s*>/gis;
  let at = 0;
  for (const match of source.matchAll(link)) {
    const before = plain(source.slice(at, match.index));
    if (before) parts.push({ text: before });
    const href = decodeEntities(match[2] ?? '').trim();
    const text = plain(match[3] ?? '');
    parts.push(/^https?:\/\//i.test(href) ? { text: text || href, href } : { text });
    at = match.index + match[0].length;
  }
  const rest = plain(source.slice(at));
  if (rest) parts.push({ text: rest });
  return parts;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Leaflet's own CSS (minified by Vite) as a constructed stylesheet: no `<style>` element, so strict CSP
 * holds, and this file's `css` literal below stays a plain literal the build can minify.
 */
const leafletSheet = new CSSStyleSheet();
leafletSheet.replaceSync(leafletCss);

/**
 * Leaflet map to place a pin: the widget's location picker, later the back office's maps. Load this
 * module with a dynamic `import()` where the map is needed, so Leaflet is a chunk of its own (the
 * widget's picker does, when the "Where" step opens); it registers `<meldpunt-map-view>`.
 * Click or tap places the pin; from the keyboard the arrow keys move the map under a crosshair,
 * Enter or Space places the pin there, + and - zoom. Zoom buttons and attribution are our own
 * (Lit-rendered) elements, so nothing uses `innerHTML`. The tenant's boundary, when given, is a
 * non-interactive SVG path styled by the classes below (no inline styles: strict CSP holds).
 *
 * @tagname meldpunt-map-view
 * @summary The map of the location picker: tenant tiles, a pin, full keyboard use.
 *
 * @csspart map - The focusable map (`role="application"`).
 * @csspart button - The zoom buttons.
 * @csspart instructions - How to use the map.
 * @csspart attribution - The source of the map.
 *
 * @cssproperty --meldpunt-map-height - Height of the map; default `18rem`.
 * @cssproperty --meldpunt-map-pin-color - The pin; falls back to the primary colour of the token chain (`--meldpunt-primary-color`, …).
 * @cssproperty --meldpunt-map-area-color - The tenant's boundary; falls back to the pin colour.
 * @cssproperty --meldpunt-focus-color - Focus outline (and the rest of the token chain: `@meldpunt/ui/tokens`).
 */
export class MeldpuntMapView extends LitElement {
  static override styles = [
    leafletSheet,
    tokens,
    baseStyles,
    css`
      :host {
        --_meldpunt-map-pin: var(--meldpunt-map-pin-color, var(--_meldpunt-primary));
        --_meldpunt-map-area: var(--meldpunt-map-area-color, var(--_meldpunt-map-pin));
        display: block;
      }
      .frame {
        position: relative;
        isolation: isolate;
      }
      .map {
        block-size: var(--meldpunt-map-height, 18rem);
        inline-size: 100%;
        border: 1px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
      }
      /* The focus ring (baseStyles) shows for the keyboard only, not when a click on the map focuses it. */
      .map:focus:not(:focus-visible) {
        outline: none;
      }
      .crosshair {
        position: absolute;
        inset: 0;
        margin: auto;
        inline-size: 2rem;
        block-size: 2rem;
        pointer-events: none;
        z-index: 1000;
      }
      .crosshair::before,
      .crosshair::after {
        content: '';
        position: absolute;
        background: #000000;
        box-shadow: 0 0 0 1px #ffffff;
      }
      .crosshair::before {
        inset-block: 0;
        inset-inline-start: calc(50% - 1px);
        inline-size: 2px;
      }
      .crosshair::after {
        inset-inline: 0;
        inset-block-start: calc(50% - 1px);
        block-size: 2px;
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
      button[aria-disabled='true'] {
        opacity: 0.5;
        cursor: not-allowed;
      }
      .pin {
        stroke: #ffffff;
        stroke-width: 3px;
        fill: var(--_meldpunt-map-pin);
        fill-opacity: 1;
      }
      .accuracy {
        stroke: var(--_meldpunt-map-pin);
        stroke-width: 1px;
        fill: var(--_meldpunt-map-pin);
        fill-opacity: 0.12;
      }
      .area {
        stroke: var(--_meldpunt-map-area);
        stroke-width: 3px;
        stroke-opacity: 0.9;
        stroke-dasharray: 8 4;
        fill: var(--_meldpunt-map-area);
        fill-opacity: 0.04;
      }
      .instructions,
      .attribution,
      .message {
        margin-block: 0.5rem 0;
        font-size: 0.875rem;
      }
      .message:empty {
        margin: 0;
      }
      .message {
        font-weight: 600;
      }
      .attribution a {
        color: inherit;
      }
      @media (forced-colors: active) {
        .pin {
          stroke: Canvas;
          fill: Highlight;
        }
        .accuracy {
          stroke: Highlight;
          fill: none;
        }
        .area {
          stroke: CanvasText;
          fill: none;
        }
        .crosshair::before,
        .crosshair::after {
          background: CanvasText;
        }
      }
    `,
  ];

  /** The tenant's map settings (`config.map`): centre, zoom, bounds, tiles, attribution. */
  @property({ attribute: false }) settings?: TenantConfig['map'];

  /** The chosen point, shown as the pin; when it comes from elsewhere (search, device) the map moves to it. */
  @property({ attribute: false }) point?: LatLng;

  /** Accuracy of a device location in metres, drawn as a circle around the pin. */
  @property({ attribute: false }) accuracy?: number;

  /** The tenant's boundary (GeoJSON MultiPolygon coordinates), drawn as a line; none for a national tenant. */
  @property({ attribute: false }) outline?: AreaOutline['outline'];

  /** Start with all of `settings.bounds` in view (a national tenant: the whole country) instead of its centre and zoom. */
  @property({ type: Boolean }) overview = false;

  /** The app's translate function (i18next `t`); keys `location.map.*` of `@meldpunt/texts`. */
  @property({ attribute: false }) t: (key: string) => string = (key) => key;

  /** Called when the reporter places the pin (click, tap, Enter or Space). */
  @property({ attribute: false }) pick?: (point: LatLng) => void;

  @state() private message = '';
  @state() private zoom = 0;
  /** The tenant's `minZoom`, or lower when the overview needs it to show all of the bounds. */
  @state() private minZoom = 0;

  @query('#map') private container?: HTMLDivElement | null;

  private map?: L.Map;
  private bounds?: L.LatLngBounds;
  private pin?: L.CircleMarker;
  private circle?: L.Circle;
  private area?: L.Polygon;
  /** The last point this map placed itself: no need to move the map to it. */
  private placed?: LatLng;
  private resizeObserver?: ResizeObserver;
  private readonly reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;

  /**
   * The view the map shows now: its centre (six decimals) and zoom; undefined before the map is built.
   * For a place that chooses a starting view on the map (the console's map settings).
   */
  get view(): { center: LatLng; zoom: number } | undefined {
    const map = this.map;
    if (!map) return undefined;
    const center = map.getCenter();
    return { center: { lat: round6(center.lat), lng: round6(center.lng) }, zoom: map.getZoom() };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the map was removed on disconnect, build it again.
    if (this.hasUpdated) this.createMap();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.map?.remove();
    this.map = this.pin = this.circle = this.area = undefined;
  }

  protected override willUpdate(): void {
    if (!this.map && this.settings) this.zoom = this.startZoom(this.settings);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.map) this.createMap();
    else {
      if (changed.has('outline')) this.showOutline();
      if (changed.has('point') || changed.has('accuracy')) this.showPoint(changed.has('point'));
    }
  }

  private createMap(): void {
    const settings = this.settings;
    const container = this.container;
    if (this.map || !settings || !container) return;
    this.bounds = settings.bounds ? L.latLngBounds(settings.bounds.map((c) => L.latLng(c.lat, c.lng))) : undefined;
    const animate = !this.reducedMotion;
    // On touch screens one finger scrolls the page (a map must not trap scrolling); two fingers move and zoom the map.
    const touchFirst = matchMedia('(pointer: coarse)').matches;
    const map = L.map(container, {
      // SVG, not canvas: the pin and the boundary are paths styled by this element's CSS classes.
      renderer: L.svg(),
      zoomControl: false,
      attributionControl: false,
      keyboard: false,
      dragging: !touchFirst,
      minZoom: settings.minZoom,
      maxZoom: settings.maxZoom,
      maxBounds: this.bounds,
      maxBoundsViscosity: 1,
      // Leaflet 1.9 fires a zoom-transition timer after remove(); without zoom animation there is none.
      zoomAnimation: false,
      // The ResizeObserver below follows the container; no listener on the host page's window.
      trackResize: false,
      fadeAnimation: animate,
      markerZoomAnimation: false,
      inertia: animate,
      center: this.point
        ? L.latLng(this.point.lat, this.point.lng)
        : L.latLng(settings.center.lat, settings.center.lng),
      zoom: this.startZoom(settings),
    });
    if (this.overview && this.bounds && map.getSize().y > 0) {
      // All of the bounds can be seen, even when that is further out than the tenant's minZoom.
      map.setMinZoom(0);
      map.setMinZoom(Math.min(settings.minZoom, map.getBoundsZoom(this.bounds)));
      if (!this.point) map.fitBounds(this.bounds, { animate: false });
    }
    this.minZoom = map.getMinZoom();
    this.zoom = map.getZoom();
    L.tileLayer(settings.tileUrl, {
      minZoom: this.minZoom,
      maxZoom: settings.maxZoom,
      ...(this.bounds ? { bounds: this.bounds } : {}),
    }).addTo(map);
    map.on('click', (event: L.LeafletMouseEvent) => this.place(event.latlng));
    map.on('zoomend', () => (this.zoom = map.getZoom()));
    this.map = map;
    this.showOutline();
    this.showPoint(false);
    // Leaflet measures its container once; measure again whenever it changes size or becomes visible.
    this.resizeObserver = new ResizeObserver(() => this.map?.invalidateSize({ animate: false }));
    this.resizeObserver.observe(container);
  }

  /** The tenant's boundary as a line under the pin; clicks go through it to the map. */
  private showOutline(): void {
    const map = this.map;
    if (!map) return;
    this.area?.remove();
    this.area = undefined;
    if (!this.outline?.length) return;
    const latLngs = this.outline.map((polygon) => polygon.map((ring) => ring.map(([lng, lat]) => L.latLng(lat, lng))));
    this.area = L.polygon(latLngs, { className: 'area', interactive: false }).addTo(map);
    this.area.bringToBack();
  }

  /** Close to a point that was already chosen, else the tenant's overview. */
  private startZoom(settings: TenantConfig['map']): number {
    return this.point ? Math.max(settings.zoom, Math.min(17, settings.maxZoom)) : settings.zoom;
  }

  /** Draws the pin; moves the map to a point that came from elsewhere (search, device location). */
  private showPoint(moveTo: boolean): void {
    const map = this.map;
    if (!map) return;
    const point = this.point;
    if (!point) {
      this.pin?.remove();
      this.circle?.remove();
      this.pin = this.circle = undefined;
      return;
    }
    const latLng = L.latLng(point.lat, point.lng);
    if (this.pin) this.pin.setLatLng(latLng);
    else this.pin = L.circleMarker(latLng, { radius: 10, className: 'pin', interactive: false }).addTo(map);
    if (this.accuracy && this.accuracy > 0) {
      if (this.circle) this.circle.setLatLng(latLng).setRadius(this.accuracy);
      else
        this.circle = L.circle(latLng, { radius: this.accuracy, className: 'accuracy', interactive: false }).addTo(map);
    } else {
      this.circle?.remove();
      this.circle = undefined;
    }
    const ownPoint = this.placed && this.placed.lat === point.lat && this.placed.lng === point.lng;
    if (moveTo && !ownPoint) {
      const zoom = Math.max(map.getZoom(), Math.min(17, this.settings?.maxZoom ?? 17));
      map.setView(latLng, zoom, { animate: !this.reducedMotion });
    }
  }

  private place(latLng: L.LatLng): void {
    if (this.bounds && !this.bounds.contains(latLng)) {
      this.message = this.t('location.map.outside');
      return;
    }
    this.message = '';
    const point = { lat: round6(latLng.lat), lng: round6(latLng.lng) };
    this.placed = point;
    this.pick?.(point);
  }

  private zoomBy(delta: number): void {
    const map = this.map;
    if (!map) return;
    map.setZoom(map.getZoom() + delta, { animate: !this.reducedMotion });
  }

  private onKeydown(event: KeyboardEvent): void {
    const map = this.map;
    if (!map || event.altKey || event.ctrlKey || event.metaKey) return;
    const step = event.shiftKey ? 240 : 80;
    const pan = (x: number, y: number) => map.panBy([x, y], { animate: false });
    switch (event.key) {
      case 'ArrowLeft':
        pan(-step, 0);
        break;
      case 'ArrowRight':
        pan(step, 0);
        break;
      case 'ArrowUp':
        pan(0, -step);
        break;
      case 'ArrowDown':
        pan(0, step);
        break;
      case 'Enter':
      case ' ':
        this.place(map.getCenter());
        break;
      case '+':
      case '=':
        this.zoomBy(1);
        break;
      case '-':
      case '_':
        this.zoomBy(-1);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  protected override render() {
    const settings = this.settings;
    if (!settings) return nothing;
    const atMax = this.zoom >= settings.maxZoom;
    const atMin = this.zoom <= (this.minZoom || settings.minZoom);
    return html`
      <div class="frame">
        <!-- Map content is geography, not text: Leaflet lays it out left to right in every language. -->
        <div
          id="map"
          class="map"
          part="map"
          dir="ltr"
          tabindex="0"
          role="application"
          aria-label=${this.t('location.map.label')}
          aria-describedby="instructions"
          @keydown=${this.onKeydown}
        ></div>
        <div class="crosshair" aria-hidden="true"></div>
        <div class="zoom">
          <button
            type="button"
            part="button"
            aria-label=${this.t('location.map.zoomIn')}
            aria-disabled=${atMax ? 'true' : 'false'}
            @click=${() => !atMax && this.zoomBy(1)}
          >
            <span aria-hidden="true">+</span>
          </button>
          <button
            type="button"
            part="button"
            aria-label=${this.t('location.map.zoomOut')}
            aria-disabled=${atMin ? 'true' : 'false'}
            @click=${() => !atMin && this.zoomBy(-1)}
          >
            <span aria-hidden="true">−</span>
          </button>
        </div>
      </div>
      <p class="message" role="status">${this.message}</p>
      <p id="instructions" class="instructions" part="instructions">${this.t('location.map.instructions')}</p>
      <p class="attribution" part="attribution">
        <span class="visually-hidden">${this.t('location.map.attribution')}:</span>
        ${parseAttribution(settings.attribution).map((part) =>
          part.href ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>` : part.text,
        )}
      </p>
    `;
  }
}

define('meldpunt-map-view', MeldpuntMapView);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-map-view': MeldpuntMapView;
  }
}
