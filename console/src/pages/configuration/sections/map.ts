import type { TenantConfig } from '@meldpunt/contracts';
import { defaultTiles, defaultZoomRange } from '@meldpunt/contracts/config-defaults';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import '@meldpunt/ui/map-view';
import type { LatLng, MeldpuntMapView } from '@meldpunt/ui/map-view';
import { css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { query, state } from 'lit/decorators.js';
import { errorAt } from '../config-edit.ts';
import { ConfigSectionElement } from './section-base.ts';

type NumberKey = 'lat' | 'lng' | 'zoom';

/** A number as a person types it, with a decimal point or a decimal comma; NaN when it is not one. */
function parseNumber(text: string): number {
  const normalized = text.trim().replace(',', '.');
  return /^[-−]?\d+(\.\d+)?$/.test(normalized) ? Number(normalized.replace('−', '-')) : Number.NaN;
}

/**
 * The map section of the configuration editor: where the form's map starts. The starting view is chosen
 * on the map itself (the widget's map element, `@meldpunt/ui/map-view`, with the tenant's tiles: pan and
 * zoom, then "use this view"; a click or Enter makes that spot the centre) — and, because a map alone is
 * not accessible, with number fields for latitude, longitude and zoom (a decimal comma is fine; a number
 * out of range is kept in its field with a message and not reported). The values in use are shown.
 *
 * @summary The map's starting view.
 * @fires meldpunt-config-edit - A change: `map.center` and `map.zoom`.
 */
export class MeldpuntConfigMap extends ConfigSectionElement {
  static override styles = [
    ...ConfigSectionElement.styles,
    css`
      .numbers {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
      }
      meldpunt-map-view {
        --meldpunt-map-height: 22rem;
      }
    `,
  ];

  /** The numbers as typed (kept as typed, decimal comma and all, until the map sets them). */
  @state() private typed: Partial<Record<NumberKey, string>> = {};
  /** The numbers typed that are not valid values: a message beside them, not reported. */
  @state() private invalid: readonly NumberKey[] = [];
  /** Rebuilds the map when the view is changed by the number fields (the map follows them). */
  @state() private mapKey = 0;

  @query('meldpunt-map-view') private mapView?: MeldpuntMapView | null;

  private get zoomRange() {
    return {
      min: this.config.map.minZoom ?? defaultZoomRange.minZoom,
      max: this.config.map.maxZoom ?? defaultZoomRange.maxZoom,
    };
  }

  /** The map element's settings: the config's map with the schema's defaults filled in. */
  private get settings(): TenantConfig['map'] {
    const map = this.config.map;
    return {
      center: map.center,
      zoom: map.zoom,
      ...(map.bounds ? { bounds: map.bounds } : {}),
      tileUrl: map.tileUrl ?? defaultTiles.tileUrl,
      attribution: map.attribution ?? defaultTiles.attribution,
      minZoom: this.zoomRange.min,
      maxZoom: this.zoomRange.max,
    };
  }

  override render() {
    if (!this.config || !this.texts) return nothing;
    const { t } = this.texts;
    const map = this.config.map;
    return html`
      <h2>${t('mapSection.title')}</h2>
      <p>${t('mapSection.intro')}</p>
      ${this.renderReadOnlyNote()} ${this.renderAnnouncement()}
      <div class="stack">
        ${
          this.editable
            ? html`${keyed(
                  this.mapKey,
                  html`<meldpunt-map-view
                    .settings=${this.settings}
                    .t=${this.mapText}
                    .pick=${(point: LatLng) => this.useCentre(point)}
                  ></meldpunt-map-view>`,
                )}
                <div class="actions">
                  <button type="button" class="button" id="use-view" @click=${this.useView}>
                    ${t('mapSection.useView')}
                  </button>
                </div>
                <section aria-labelledby="numbers-title" class="stack">
                  <h3 id="numbers-title">${t('mapSection.numbersTitle')}</h3>
                  <div class="numbers">
                    ${this.numberField('lat', t('mapSection.lat'), t('mapSection.latHint'))}
                    ${this.numberField('lng', t('mapSection.lng'), t('mapSection.lngHint'))}
                    ${this.numberField('zoom', t('mapSection.zoom'), t('mapSection.zoomHint', this.zoomRange))}
                  </div>
                </section>`
            : nothing
        }
        <dl class="values" id="map-result">
          <dt>${t('mapSection.result')}</dt>
          <dd>
            ${t('mapSection.viewUsed', {
              latitude: this.format(map.center.lat),
              longitude: this.format(map.center.lng),
              zoom: map.zoom,
            })}
          </dd>
          <dt>${t('mapSection.tiles')}</dt>
          <dd><code>${map.tileUrl ?? defaultTiles.tileUrl}</code></dd>
        </dl>
      </div>
    `;
  }

  /** A coordinate as the console's language writes it (`51,8133` in Dutch). */
  private format(n: number): string {
    return n.toLocaleString(this.texts.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 6 });
  }

  /** The map element's texts (its keys are the widget's `location.map.*`). */
  private mapText = (key: string): string => {
    const { t } = this.texts;
    const keys: Record<string, string> = {
      'location.map.label': 'mapSection.mapLabel',
      'location.map.instructions': 'mapSection.instructions',
      'location.map.zoomIn': 'mapSection.zoomIn',
      'location.map.zoomOut': 'mapSection.zoomOut',
      'location.map.outside': 'mapSection.outside',
      'location.map.attribution': 'mapSection.attribution',
    };
    const own = keys[key];
    return own ? t(own) : key;
  };

  private value(key: NumberKey): number {
    const map = this.config.map;
    return key === 'zoom' ? map.zoom : map.center[key];
  }

  private range(key: NumberKey): { min: number; max: number } {
    if (key === 'zoom') return this.zoomRange;
    return key === 'lat' ? { min: -90, max: 90 } : { min: -180, max: 180 };
  }

  private numberField(key: NumberKey, label: string, hint: string) {
    const { t } = this.texts;
    const typed = this.typed[key];
    const path = key === 'zoom' ? ['map', 'zoom'] : ['map', 'center', key];
    const localError = !this.invalid.includes(key)
      ? undefined
      : t(key === 'zoom' ? 'mapSection.notWhole' : 'mapSection.outOfRange', this.range(key));
    const error = localError ?? errorAt(this.errors, path);
    return field(
      { id: `map-${key}`, label, hint, ...(error ? { error } : {}) },
      (aria) =>
        html`<input
          id="map-${key}"
          type="text"
          inputmode=${key === 'zoom' ? 'numeric' : 'decimal'}
          autocomplete="off"
          dir="ltr"
          aria-invalid=${aria.invalid}
          aria-describedby=${aria.describedBy}
          .value=${typed ?? String(this.value(key))}
          @input=${(e: Event) => this.typeNumber(key, (e.target as HTMLInputElement).value)}
        />`,
    );
  }

  private typeNumber(key: NumberKey, text: string) {
    const value = parseNumber(text);
    const { min, max } = this.range(key);
    const valid = Number.isFinite(value) && value >= min && value <= max && (key !== 'zoom' || Number.isInteger(value));
    this.typed = { ...this.typed, [key]: text };
    const others = this.invalid.filter((k) => k !== key);
    this.invalid = valid ? others : [...others, key];
    if (!valid) return;
    if (key === 'zoom') this.edit(['map', 'zoom'], value);
    else this.edit(['map', 'center'], { ...this.config.map.center, [key]: value });
    // The map follows the numbers: it starts again at the new view.
    this.mapKey += 1;
  }

  /** "Use this view": the map's centre and zoom become the starting view. */
  private useView() {
    const view = this.mapView?.view;
    if (!view) return;
    this.report(view.center, view.zoom);
  }

  /** A click or Enter on the map: that spot becomes the centre, at the map's zoom. */
  private useCentre(point: LatLng) {
    this.report(point, this.mapView?.view?.zoom ?? this.config.map.zoom);
  }

  private report(center: LatLng, zoom: number) {
    const { t } = this.texts;
    this.typed = {};
    this.invalid = [];
    this.edit(['map', 'center'], center);
    this.edit(['map', 'zoom'], zoom);
    this.announce(
      t('mapSection.viewUsed', {
        latitude: this.format(center.lat),
        longitude: this.format(center.lng),
        zoom,
      }),
    );
  }
}

define('meldpunt-config-map', MeldpuntConfigMap);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-map': MeldpuntConfigMap;
  }
}
