import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AreaOutline, ReportLocation, TenantConfig } from '@meldpunt/contracts';
import { limits } from '@meldpunt/contracts/limits';
import { define } from '@meldpunt/ui/define';
import { field } from '@meldpunt/ui/field';
import { emit } from '../events.ts';
import type { Translate } from '../i18n.ts';
import { AddressSearch } from './address-search.ts';
import { locateDevice, type DeviceStatus } from './device-location.ts';
import { locationPickerStyles } from './location-picker-styles.ts';
import { coordinates, fromLocation, toLocation, type Point } from './location-value.ts';
import { isAbort, reverse } from './pdok.ts';

// The widget's route preview lives in this chunk too: it loads with the picker, never before the Where step.
export { checkRoute, routeNotice, type RouteCheck } from './routing.ts';
// The Where step's texts load after this chunk, from its loaders (see `i18n.ts`).
export { loadLocationTexts } from '@meldpunt/texts/step-loaders';

const defaultGeocoder = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

/** The map element (and Leaflet with it) is a separate chunk: loaded once, when a picker first renders. */
let mapView: Promise<unknown> | undefined;
function loadMapView(): Promise<unknown> {
  mapView ??= import('@meldpunt/ui/map-view').catch((error: unknown) => {
    mapView = undefined; // a later picker may try again
    throw error;
  });
  return mapView;
}

/**
 * Where did it happen? Four ways, none of them required to be the map: search an address, use the
 * device's location, place a pin on the map, or describe the place in words. The choice is read back
 * in words (visibly and in a polite live region), followed by the parent's `notice` about where the
 * report will go.
 *
 * `value.text` is the place in words: for a point its name (the address, or rounded coordinates when
 * no address is known), followed on a new line by the reporter's own description if they gave one;
 * without a point it is the description alone (`source: 'text'`).
 *
 * The element follows the standard `dir` attribute/property (`ltr` or `rtl`).
 *
 * @tagname meldpunt-location-picker
 * @summary Choose the place of an incident: address search, my location, map or words.
 *
 * @fires meldpunt-location-change - The choice changed: the new `ReportLocation`, or `undefined` when cleared.
 *
 * @csspart base - The picker's outer box.
 * @csspart error - The parent's error message (`errorMessage`).
 * @csspart input - The search field and the description field.
 * @csspart listbox - The list of found addresses.
 * @csspart option - One found address.
 * @csspart button - Every button.
 * @csspart chosen - The chosen place, read back in words.
 * @csspart notice - The parent's notice about the chosen place (where the report goes).
 * @csspart map - The map (`<meldpunt-map-view>`).
 *
 * @cssproperty --meldpunt-primary-color - Buttons, the pin and the boundary; then NL Design System tokens and the tenant's colour, as every token of the chain in `@meldpunt/ui/tokens`.
 * @cssproperty --meldpunt-on-primary-color - Text on primary buttons.
 * @cssproperty --meldpunt-text-color - Text; then NL Design System tokens and the tenant's text colour.
 * @cssproperty --meldpunt-muted-color - Hints.
 * @cssproperty --meldpunt-background-color - Background of fields.
 * @cssproperty --meldpunt-surface-color - The active suggestion and the chosen place.
 * @cssproperty --meldpunt-border-color - Borders of fields.
 * @cssproperty --meldpunt-error-color - Error message and invalid fields.
 * @cssproperty --meldpunt-focus-color - Focus outline.
 * @cssproperty --meldpunt-border-radius - Corner radius.
 * @cssproperty --meldpunt-target-size - Minimum size of targets (never below 44px).
 * @cssproperty --meldpunt-map-height - Height of the map; default `18rem`.
 */
export class MeldpuntLocationPicker extends LitElement {
  static override styles = locationPickerStyles;

  /** The tenant's published config: `map` for the map, `geocoding` for the address search. */
  @property({ attribute: false }) config?: TenantConfig;

  /** The current choice; the parent keeps it (controlled) and gets every change as `meldpunt-location-change`. */
  @property({ attribute: false }) value?: ReportLocation;

  /** The widget's translate function (i18next `t`); this element uses the keys `location.*`. */
  @property({ attribute: false }) t: Translate = (key) => key;

  /** Set by the parent when the place is missing: marks the fields invalid and shows `errorMessage`. */
  @property({ type: Boolean }) invalid = false;

  /** The parent's message for a missing place, shown here and linked to the fields with `aria-describedby`. */
  @property({ attribute: false }) errorMessage?: string;

  /** The tenant's own municipality, drawn on the map as its boundary. */
  @property({ attribute: false }) area?: AreaOutline;

  /** The parent's word on the chosen place (e.g. which municipality gets the report), in a polite live region beside it. */
  @property({ attribute: false }) notice = '';

  @state() private point?: Point;
  /** The point's name in words: the address from search or reverse lookup. */
  @state() private placeName?: string;
  /** The reporter's own words about the place. */
  @state() private description = '';
  @state() private deviceStatus?: DeviceStatus;
  @state() private cleared = false;
  @state() private mapState: 'loading' | 'ready' | 'failed' = 'loading';

  @query('#search') private searchInput?: HTMLInputElement | null;

  private readonly search = new AddressSearch(this, {
    geocoder: () => this.geocoder,
    t: () => this.t,
    found: (point, name) => this.choosePoint(point, name),
    unresolved: (name) => {
      if (!this.description.includes(name))
        this.description = [name, this.description.trim()].filter(Boolean).join('\n');
      this.cleared = false;
      this.commit();
    },
  });

  /** The value this element emitted last: a different `value` from the parent is restored into the fields. */
  private lastEmitted?: ReportLocation;
  private reverseRequest?: AbortController;
  private deviceRequest = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reverseRequest?.abort();
    this.deviceRequest++;
  }

  /** Focuses the first control: the address search. */
  override focus(options?: FocusOptions): void {
    if (this.searchInput) this.searchInput.focus(options);
    else void this.updateComplete.then(() => this.searchInput?.focus(options));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value !== this.lastEmitted) this.restore(this.value);
  }

  protected override firstUpdated(): void {
    loadMapView().then(
      () => (this.mapState = 'ready'),
      () => (this.mapState = 'failed'),
    );
  }

  private get geocoder(): { baseUrl: string; filter?: string } {
    return { baseUrl: this.config?.geocoding.baseUrl ?? defaultGeocoder, filter: this.config?.geocoding.filter };
  }

  /** Takes over a value the parent set (e.g. when the reporter comes back to this step). */
  private restore(value: ReportLocation | undefined): void {
    this.search.cancelLookup();
    this.reverseRequest?.abort();
    ({ point: this.point, placeName: this.placeName, description: this.description } = fromLocation(value));
  }

  private commit(): void {
    const next = toLocation({ point: this.point, placeName: this.placeName, description: this.description });
    this.lastEmitted = next;
    this.value = next;
    emit(this, 'meldpunt-location-change', next);
  }

  private choosePoint(point: Point, name?: string): void {
    this.reverseRequest?.abort();
    this.point = point;
    this.placeName = name;
    this.cleared = false;
    this.commit();
    if (!name) void this.readBack(point);
  }

  /** Says a map or device point in words; without an answer the rounded coordinates stay. */
  private async readBack(point: Point): Promise<void> {
    const request = new AbortController();
    this.reverseRequest = request;
    try {
      const name = await reverse(this.geocoder.baseUrl, point.lat, point.lng, { signal: request.signal });
      if (name && !request.signal.aborted && this.point === point) {
        this.placeName = name;
        this.commit();
      }
    } catch (error) {
      if (!isAbort(error)) console.info('Meldpunt: no address for this point', error);
    }
  }

  /** Use my location: only the newest question counts, so a late answer after "clear" changes nothing. */
  private useDevice(): void {
    const request = ++this.deviceRequest;
    this.deviceStatus = 'busy';
    locateDevice((found) => {
      if (request !== this.deviceRequest) return;
      if (typeof found === 'string') {
        this.deviceStatus = found;
        return;
      }
      this.deviceStatus = undefined;
      this.choosePoint(found);
    });
  }

  private readonly onMapPick = (point: { lat: number; lng: number }): void => {
    this.choosePoint({ ...point, source: 'map' });
  };

  private onDescriptionInput(event: InputEvent): void {
    this.description = (event.target as HTMLTextAreaElement).value;
    this.cleared = false;
    this.commit();
  }

  private clear(): void {
    this.search.clear();
    this.reverseRequest?.abort();
    this.deviceRequest++;
    this.point = undefined;
    this.placeName = undefined;
    this.description = '';
    this.deviceStatus = undefined;
    this.cleared = true;
    this.commit();
    this.focus();
  }

  protected override render() {
    if (!this.config) return nothing;
    const t = this.t;
    const point = this.point;
    const hasChoice = Boolean(point || this.description.trim());
    // The parent's error, linked from both fields. Next to the chosen point when there is one (e.g.
    // "not in the Netherlands"), else at the top.
    const errorLine = html`<p id="error" class="error" part="error">${this.errorMessage}</p>`;
    const invalid = { invalid: this.invalid, describedBy: [this.errorMessage && 'error'] };
    return html`
      <div class="picker" part="base">
        <p class="intro">${t('location.intro')}</p>
        ${this.errorMessage && !point ? errorLine : nothing}
        ${field(
          {
            ...invalid,
            id: 'search',
            label: t('location.search.label'),
            hint: t('location.search.hint'),
            after: this.search.renderList(),
          },
          (aria) => this.search.renderInput(aria),
        )}

        <div class="way">
          <button
            id="device"
            type="button"
            part="button"
            aria-describedby="device-hint"
            aria-busy=${this.deviceStatus === 'busy' ? 'true' : 'false'}
            @click=${this.useDevice}
          >
            ${t('location.device.button')}
          </button>
          <p id="device-hint" class="hint">${t('location.device.hint')}</p>
          <p id="device-status" class="status" role="status">
            ${this.deviceStatus ? t(`location.device.${this.deviceStatus}`) : ''}
          </p>
        </div>

        <div class="way">
          ${
            this.mapState === 'failed'
              ? html`<p class="map-message">${t('location.map.loadError')}</p>`
              : html`
                  ${this.mapState === 'loading' ? html`<p class="map-message">${t('location.map.loading')}</p>` : nothing}
                  <meldpunt-map-view
                    part="map"
                    .settings=${this.config.map}
                    .outline=${this.area?.outline}
                    ?overview=${this.config.kind === 'national'}
                    .point=${point ? { lat: point.lat, lng: point.lng } : undefined}
                    .accuracy=${point?.source === 'device' ? point.accuracy : undefined}
                    .t=${t}
                    .pick=${this.onMapPick}
                  ></meldpunt-map-view>
                `
          }
        </div>

        <div class="chosen ${point ? 'has-choice' : ''}" part="chosen">
          <p id="chosen" class="readback" role="status">
            ${
              point
                ? html`<strong>${t('location.chosen.place', { place: this.placeName ?? coordinates(point) })}</strong>
                    ${
                      point.source === 'device' && point.accuracy !== undefined
                        ? t('location.device.accuracy', { count: point.accuracy })
                        : nothing
                    }`
                : this.cleared
                  ? t('location.chosen.cleared')
                  : nothing
            }
          </p>
          ${
            hasChoice
              ? html`<button id="clear" type="button" part="button" @click=${this.clear}>
                  ${t('location.chosen.clear')}
                </button>`
              : nothing
          }
          ${this.errorMessage && point ? errorLine : nothing}
          <p id="notice" class="notice" part="notice" role="status">${point ? this.notice : ''}</p>
        </div>

        ${field(
          { ...invalid, id: 'describe', label: t('location.describe.label'), hint: t('location.describe.hint') },
          (aria) =>
            html`<textarea
              id="describe"
              part="input"
              rows="3"
              maxlength=${limits.locationTextMaxLength}
              aria-describedby=${aria.describedBy}
              aria-invalid=${aria.invalid}
              .value=${this.description}
              @input=${this.onDescriptionInput}
            ></textarea>`,
        )}
      </div>
    `;
  }
}

define('meldpunt-location-picker', MeldpuntLocationPicker);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-location-picker': MeldpuntLocationPicker;
  }
}
