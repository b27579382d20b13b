import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AreaOutline, ReportLocation, TenantConfig } from '@meldpunt/contracts';
import { limits } from '@meldpunt/contracts/limits';
import { define } from '../define.ts';
import { emit } from '../events.ts';
import type { Translate } from '../i18n.ts';
import { isAbort, lookup, reverse, suggest, type Suggestion } from './pdok.ts';

// The widget's route preview lives in this chunk too: it loads with the picker, never before the Where step.
export { checkRoute, routeNotice, type RouteCheck } from './routing.ts';

/** A chosen point and how it was chosen. */
interface Point {
  lat: number;
  lng: number;
  source: 'map' | 'search' | 'device';
  accuracy?: number;
}

type DeviceStatus = 'busy' | 'denied' | 'unavailable' | 'timeout' | 'unsupported';

const defaultGeocoder = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';
const debounceMs = 250;
const minQueryLength = 3;

/** The map (and Leaflet with it) is a separate chunk: loaded once, when a picker first renders. */
let mapView: Promise<unknown> | undefined;
function loadMapView(): Promise<unknown> {
  mapView ??= import('./map-view.ts').catch((error: unknown) => {
    mapView = undefined; // a later picker may try again
    throw error;
  });
  return mapView;
}

/** A point in words when no address is known: `51.8133, 4.6901`. */
const coordinates = (point: { lat: number; lng: number }) => `${point.lat.toFixed(4)}, ${point.lng.toFixed(4)}`;

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
 * @cssproperty --meldpunt-primary-color - Buttons, the pin and the boundary; falls back to `--utrecht-button-primary-action-background-color`, `--basis-color-action-1-inverse-bg-default`, then the tenant's colour (as the widget).
 * @cssproperty --meldpunt-on-primary-color - Text on primary buttons.
 * @cssproperty --meldpunt-text-color - Text.
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
  static override styles = css`
    :host {
      /* The same chain as the widget's: the strong (inverse) action colour, not the light background one. */
      --_meldpunt-primary: var(
        --meldpunt-primary-color,
        var(
          --utrecht-button-primary-action-background-color,
          var(--basis-color-action-1-inverse-bg-default, var(--_meldpunt-tenant-primary, #1a4d8f))
        )
      );
      --_meldpunt-on-primary: var(
        --meldpunt-on-primary-color,
        var(--utrecht-button-primary-action-color, var(--basis-color-action-1-inverse-color-default, #ffffff))
      );
      --_meldpunt-text: var(--meldpunt-text-color, var(--basis-color-default-color-document, #1b1b1b));
      --_meldpunt-muted: var(--meldpunt-muted-color, var(--basis-color-default-color-subtle, #4a4a4a));
      --_meldpunt-background: var(--meldpunt-background-color, var(--basis-color-default-bg-document, #ffffff));
      --_meldpunt-surface: var(--meldpunt-surface-color, var(--basis-color-default-bg-subtle, #f3f4f6));
      --_meldpunt-border: var(--meldpunt-border-color, var(--basis-color-default-border-default, #6b7280));
      --_meldpunt-error: var(--meldpunt-error-color, var(--basis-color-feedback-invalid-color-default, #b00020));
      --_meldpunt-focus: var(--meldpunt-focus-color, var(--basis-focus-outline-color, #1a4d8f));
      --_meldpunt-radius: var(--meldpunt-border-radius, var(--basis-border-radius-md, 6px));
      --_meldpunt-target: max(44px, var(--meldpunt-target-size, 44px));
      display: block;
      color: var(--_meldpunt-text);
      text-align: start;
      min-inline-size: 0;
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .way {
      margin-block: 0 1.5rem;
    }
    p {
      margin-block: 0 0.5rem;
    }
    label {
      display: block;
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    .hint {
      color: var(--_meldpunt-muted);
      font-size: 0.875rem;
    }
    .error {
      color: var(--_meldpunt-error);
      font-weight: 600;
      border-inline-start: 4px solid var(--_meldpunt-error);
      padding-inline-start: 0.5rem;
    }
    input,
    textarea {
      display: block;
      inline-size: 100%;
      min-block-size: var(--_meldpunt-target);
      padding: 0.5rem 0.75rem;
      font: inherit;
      color: inherit;
      background: var(--_meldpunt-background);
      border: 2px solid var(--_meldpunt-border);
      border-radius: var(--_meldpunt-radius);
    }
    textarea {
      min-block-size: 5rem;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_meldpunt-error);
    }
    input:focus-visible,
    textarea:focus-visible,
    button:focus-visible {
      outline: 3px solid var(--_meldpunt-focus);
      outline-offset: 2px;
    }
    button {
      min-block-size: var(--_meldpunt-target);
      min-inline-size: var(--_meldpunt-target);
      padding: 0.5rem 1rem;
      font: inherit;
      font-weight: 600;
      color: var(--_meldpunt-primary);
      background: var(--_meldpunt-background);
      border: 2px solid var(--_meldpunt-primary);
      border-radius: var(--_meldpunt-radius);
      cursor: pointer;
    }
    button[aria-busy='true'] {
      cursor: progress;
    }
    [role='listbox'] {
      list-style: none;
      margin: 0.25rem 0 0;
      padding: 0;
      border: 2px solid var(--_meldpunt-border);
      border-radius: var(--_meldpunt-radius);
      background: var(--_meldpunt-background);
    }
    [role='listbox'][hidden] {
      display: none;
    }
    [role='option'] {
      min-block-size: var(--_meldpunt-target);
      padding: 0.625rem 0.75rem;
      cursor: pointer;
      overflow-wrap: anywhere;
    }
    [role='option'] + [role='option'] {
      border-block-start: 1px solid var(--_meldpunt-surface);
    }
    [role='option']:hover,
    [role='option'].active {
      background: var(--_meldpunt-surface);
    }
    [role='option'].active {
      outline: 3px solid var(--_meldpunt-focus);
      outline-offset: -3px;
    }
    .status {
      margin-block: 0.25rem 0;
      font-size: 0.875rem;
    }
    .status:empty {
      margin: 0;
    }
    .chosen {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin-block: 0 1.5rem;
    }
    .chosen.has-choice {
      padding: 0.75rem;
      background: var(--_meldpunt-surface);
      border-inline-start: 4px solid var(--_meldpunt-primary);
      border-radius: var(--_meldpunt-radius);
    }
    .readback {
      flex: 1 1 12rem;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .readback strong {
      display: block;
    }
    .chosen .error,
    .notice {
      flex: 1 1 100%;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .notice:empty {
      /* Out of the layout, but still in the accessibility tree: a live region must exist before it speaks. */
      position: absolute;
    }
    .map-message {
      padding: 0.75rem;
      background: var(--_meldpunt-surface);
      border-radius: var(--_meldpunt-radius);
    }
    @media (forced-colors: active) {
      [role='option'].active,
      input:focus-visible,
      textarea:focus-visible,
      button:focus-visible {
        outline-color: Highlight;
      }
      .chosen.has-choice {
        border: 1px solid CanvasText;
      }
    }
  `;

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
  @state() private query = '';
  @state() private suggestions: Suggestion[] = [];
  @state() private expanded = false;
  @state() private active = -1;
  @state() private searchStatus = '';
  @state() private deviceStatus?: DeviceStatus;
  @state() private cleared = false;
  @state() private mapState: 'loading' | 'ready' | 'failed' = 'loading';

  @query('#search') private searchInput?: HTMLInputElement | null;

  /** The value this element emitted last: a different `value` from the parent is restored into the fields. */
  private lastEmitted?: ReportLocation;
  private debounce?: ReturnType<typeof setTimeout>;
  private searchRequest?: AbortController;
  private lookupRequest?: AbortController;
  private reverseRequest?: AbortController;
  private deviceRequest = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounce);
    this.searchRequest?.abort();
    this.lookupRequest?.abort();
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

  protected override updated(changed: PropertyValues): void {
    if (changed.has('active') && this.active >= 0) {
      this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private get geocoder(): { baseUrl: string; filter?: string } {
    return { baseUrl: this.config?.geocoding.baseUrl ?? defaultGeocoder, filter: this.config?.geocoding.filter };
  }

  /** Takes over a value the parent set (e.g. when the reporter comes back to this step). */
  private restore(value: ReportLocation | undefined): void {
    this.lookupRequest?.abort();
    this.reverseRequest?.abort();
    if (value?.lat !== undefined && value.lng !== undefined) {
      const source = value.source && value.source !== 'text' ? value.source : 'map';
      this.point = {
        lat: value.lat,
        lng: value.lng,
        source,
        ...(value.accuracy !== undefined ? { accuracy: value.accuracy } : {}),
      };
      const [name = '', ...rest] = (value.text ?? '').split('\n');
      this.placeName = name.trim() || undefined;
      this.description = rest.join('\n');
    } else {
      this.point = undefined;
      this.placeName = undefined;
      this.description = value?.text ?? '';
    }
  }

  private compose(): ReportLocation | undefined {
    const words = this.description.trim();
    const point = this.point;
    if (!point) return words ? { text: words.slice(0, limits.locationTextMaxLength), source: 'text' } : undefined;
    const text = [this.placeName ?? coordinates(point), words].filter(Boolean).join('\n');
    return {
      lat: point.lat,
      lng: point.lng,
      text: text.slice(0, limits.locationTextMaxLength),
      source: point.source,
      ...(point.accuracy !== undefined ? { accuracy: point.accuracy } : {}),
    };
  }

  private commit(): void {
    const next = this.compose();
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

  // Address search: WAI-ARIA APG combobox with listbox popup, list autocomplete, manual selection.

  private onSearchInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.active = -1;
    clearTimeout(this.debounce);
    this.searchRequest?.abort();
    if (this.query.trim().length < minQueryLength) {
      this.suggestions = [];
      this.expanded = false;
      this.searchStatus = '';
      return;
    }
    const query = this.query;
    this.debounce = setTimeout(() => void this.search(query), debounceMs);
  }

  private async search(query: string): Promise<void> {
    const request = new AbortController();
    this.searchRequest = request;
    const { baseUrl, filter } = this.geocoder;
    try {
      const found = await suggest(baseUrl, query, { filter, signal: request.signal });
      if (request.signal.aborted) return;
      this.suggestions = found;
      this.active = -1;
      this.expanded = found.length > 0;
      this.searchStatus = found.length
        ? this.t('location.search.results', { count: found.length })
        : this.t('location.search.noResults');
    } catch (error) {
      if (isAbort(error)) return;
      this.suggestions = [];
      this.expanded = false;
      this.searchStatus = this.t('location.search.error');
    }
  }

  private onSearchKeydown(event: KeyboardEvent): void {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        this.expanded = true;
        this.active = event.altKey ? this.active : (this.active + 1) % count;
        break;
      case 'ArrowUp':
        if (!count) return;
        this.expanded = true;
        this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Enter':
        if (!this.expanded || this.active < 0) return;
        void this.select(this.active);
        break;
      case 'Escape':
        // Only when it closes the list: otherwise Escape stays free for the widget's quick exit.
        if (!this.expanded) return;
        this.expanded = false;
        this.active = -1;
        event.stopPropagation();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private onSearchBlur(): void {
    this.expanded = false;
    this.active = -1;
  }

  private async select(index: number): Promise<void> {
    const suggestion = this.suggestions[index];
    if (!suggestion) return;
    this.expanded = false;
    this.active = -1;
    this.query = suggestion.weergavenaam;
    this.searchStatus = '';
    this.lookupRequest?.abort();
    const request = new AbortController();
    this.lookupRequest = request;
    try {
      const place = await lookup(this.geocoder.baseUrl, suggestion.id, { signal: request.signal });
      if (request.signal.aborted) return;
      if (!place) throw new Error('Unknown place');
      this.choosePoint({ lat: place.lat, lng: place.lng, source: 'search' }, place.weergavenaam);
    } catch (error) {
      if (isAbort(error)) return;
      // Never block: keep the address as words, so the report still says where.
      this.searchStatus = this.t('location.search.lookupError');
      if (!this.description.includes(suggestion.weergavenaam)) {
        this.description = [suggestion.weergavenaam, this.description.trim()].filter(Boolean).join('\n');
      }
      this.cleared = false;
      this.commit();
    }
  }

  // Use my location.

  private useDevice(): void {
    const geolocation = 'geolocation' in navigator ? navigator.geolocation : undefined;
    if (!geolocation) {
      this.deviceStatus = 'unsupported';
      return;
    }
    const request = ++this.deviceRequest;
    this.deviceStatus = 'busy';
    const current = () => request === this.deviceRequest;
    try {
      geolocation.getCurrentPosition(
        (position) => {
          if (!current()) return;
          this.deviceStatus = undefined;
          const { latitude, longitude, accuracy } = position.coords;
          this.choosePoint({
            lat: Math.round(latitude * 1e6) / 1e6,
            lng: Math.round(longitude * 1e6) / 1e6,
            source: 'device',
            accuracy: Math.min(Math.max(Math.round(accuracy), 1), 100_000),
          });
        },
        (error) => {
          if (!current()) return;
          this.deviceStatus = error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable';
        },
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
      );
    } catch {
      this.deviceStatus = 'unavailable';
    }
  }

  // The map.

  private readonly onMapPick = (point: { lat: number; lng: number }): void => {
    this.choosePoint({ ...point, source: 'map' });
  };

  // Words.

  private onDescriptionInput(event: InputEvent): void {
    this.description = (event.target as HTMLTextAreaElement).value;
    this.cleared = false;
    this.commit();
  }

  private clear(): void {
    clearTimeout(this.debounce);
    this.searchRequest?.abort();
    this.lookupRequest?.abort();
    this.reverseRequest?.abort();
    this.deviceRequest++;
    this.point = undefined;
    this.placeName = undefined;
    this.description = '';
    this.query = '';
    this.suggestions = [];
    this.expanded = false;
    this.searchStatus = '';
    this.deviceStatus = undefined;
    this.cleared = true;
    this.commit();
    this.focus();
  }

  protected override render() {
    if (!this.config) return nothing;
    const t = this.t;
    const invalid = this.invalid ? 'true' : 'false';
    const error = this.errorMessage ? ' error' : '';
    const activeId = this.expanded && this.active >= 0 ? `option-${this.active}` : undefined;
    const point = this.point;
    const hasChoice = Boolean(point || this.description.trim());
    // Next to the chosen point when there is one (e.g. "not in the Netherlands"), else at the top.
    const errorLine = html`<p id="error" class="error" part="error">${this.errorMessage}</p>`;
    return html`
      <div class="picker" part="base">
        <p class="intro">${t('location.intro')}</p>
        ${this.errorMessage && !point ? errorLine : nothing}

        <div class="way">
          <label for="search">${t('location.search.label')}</label>
          <p id="search-hint" class="hint">${t('location.search.hint')}</p>
          <input
            id="search"
            part="input"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${this.expanded ? 'true' : 'false'}
            aria-controls="suggestions"
            aria-activedescendant=${activeId ?? nothing}
            aria-describedby=${`search-hint${error}`}
            aria-invalid=${invalid}
            .value=${this.query}
            @input=${this.onSearchInput}
            @keydown=${this.onSearchKeydown}
            @blur=${this.onSearchBlur}
          />
          <ul
            id="suggestions"
            role="listbox"
            part="listbox"
            aria-label=${t('location.search.suggestions')}
            ?hidden=${!this.expanded}
            @mousedown=${(event: Event) => event.preventDefault()}
          >
            ${this.suggestions.map(
              (suggestion, i) => html`
                <li
                  id="option-${i}"
                  role="option"
                  part="option"
                  class=${i === this.active ? 'active' : ''}
                  aria-selected=${i === this.active ? 'true' : 'false'}
                  @click=${() => void this.select(i)}
                >
                  ${suggestion.weergavenaam}
                </li>
              `,
            )}
          </ul>
          <p id="search-status" class="status" role="status">${this.searchStatus}</p>
        </div>

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

        <div class="way">
          <label for="describe">${t('location.describe.label')}</label>
          <p id="describe-hint" class="hint">${t('location.describe.hint')}</p>
          <textarea
            id="describe"
            part="input"
            rows="3"
            maxlength=${limits.locationTextMaxLength}
            aria-describedby=${`describe-hint${error}`}
            aria-invalid=${invalid}
            .value=${this.description}
            @input=${this.onDescriptionInput}
          ></textarea>
        </div>
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
