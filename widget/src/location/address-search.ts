import { html, nothing, type LitElement, type ReactiveController } from 'lit';
import type { ControlAria } from '@meldpunt/ui/field';
import type { Translate } from '../i18n.ts';
import type { Point } from './location-value.ts';
import { isAbort, lookup, suggest, type Suggestion } from './pdok.ts';

const debounceMs = 250;
const minQueryLength = 3;

/** What the address search needs from the element it serves. */
export interface AddressSearchOptions {
  /** The geocoder to ask: the tenant's, or PDOK's Locatieserver. */
  geocoder(): { baseUrl: string; filter?: string };
  /** The element's current translate function (keys `location.search.*`). */
  t(): Translate;
  /** The reporter chose a found address, and it was looked up: its point and name. */
  found(point: Point, name: string): void;
  /** The reporter chose a found address that could not be looked up: keep its name as words. */
  unresolved(name: string): void;
}

/**
 * The address search of the location picker, as the WAI-ARIA APG combobox with a listbox popup, list
 * autocomplete and manual selection: what was typed, the suggestions (asked after a pause in typing,
 * older questions cancelled), the active option, and the status line a screen reader hears. A Lit
 * controller: it renders the input and the list into its host, and re-renders the host when it changes.
 */
export class AddressSearch implements ReactiveController {
  query = '';
  suggestions: Suggestion[] = [];
  expanded = false;
  active = -1;
  status = '';

  private readonly host: LitElement;
  private readonly options: AddressSearchOptions;
  private debounce?: ReturnType<typeof setTimeout>;
  private searchRequest?: AbortController;
  private lookupRequest?: AbortController;
  private shownActive = -1;

  constructor(host: LitElement, options: AddressSearchOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  hostUpdated(): void {
    if (this.active !== this.shownActive && this.active >= 0) {
      this.host.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
    this.shownActive = this.active;
  }

  /** Cancels what is pending: the next search, its request and a lookup. */
  stop(): void {
    clearTimeout(this.debounce);
    this.searchRequest?.abort();
    this.cancelLookup();
  }

  /** Cancels the lookup of a chosen address: another choice came first. */
  cancelLookup(): void {
    this.lookupRequest?.abort();
  }

  /** Stops and empties the search. */
  clear(): void {
    this.stop();
    this.set({ query: '', suggestions: [], expanded: false, active: -1, status: '' });
  }

  private set(patch: Partial<Pick<AddressSearch, 'query' | 'suggestions' | 'expanded' | 'active' | 'status'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  private readonly onInput = (event: InputEvent): void => {
    const query = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounce);
    this.searchRequest?.abort();
    if (query.trim().length < minQueryLength) {
      this.set({ query, active: -1, suggestions: [], expanded: false, status: '' });
      return;
    }
    this.set({ query, active: -1 });
    this.debounce = setTimeout(() => void this.search(query), debounceMs);
  };

  private async search(query: string): Promise<void> {
    const request = new AbortController();
    this.searchRequest = request;
    const { baseUrl, filter } = this.options.geocoder();
    const t = this.options.t();
    try {
      const found = await suggest(baseUrl, query, { filter, signal: request.signal });
      if (request.signal.aborted) return;
      this.set({
        suggestions: found,
        active: -1,
        expanded: found.length > 0,
        status: found.length ? t('location.search.results', { count: found.length }) : t('location.search.noResults'),
      });
    } catch (error) {
      if (isAbort(error)) return;
      this.set({ suggestions: [], expanded: false, status: t('location.search.error') });
    }
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        this.set({ expanded: true, active: event.altKey ? this.active : (this.active + 1) % count });
        break;
      case 'ArrowUp':
        if (!count) return;
        this.set({ expanded: true, active: this.active <= 0 ? count - 1 : this.active - 1 });
        break;
      case 'Enter':
        if (!this.expanded || this.active < 0) return;
        void this.select(this.active);
        break;
      case 'Escape':
        // Only when it closes the list: otherwise Escape stays free for the widget's quick exit.
        if (!this.expanded) return;
        this.set({ expanded: false, active: -1 });
        event.stopPropagation();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  private readonly onBlur = (): void => this.set({ expanded: false, active: -1 });

  private async select(index: number): Promise<void> {
    const suggestion = this.suggestions[index];
    if (!suggestion) return;
    this.set({ expanded: false, active: -1, query: suggestion.weergavenaam, status: '' });
    this.cancelLookup();
    const request = new AbortController();
    this.lookupRequest = request;
    try {
      const place = await lookup(this.options.geocoder().baseUrl, suggestion.id, { signal: request.signal });
      if (request.signal.aborted) return;
      if (!place) throw new Error('Unknown place');
      this.options.found({ lat: place.lat, lng: place.lng, source: 'search' }, place.weergavenaam);
    } catch (error) {
      if (isAbort(error)) return;
      // Never block: the element keeps the address as words, so the report still says where.
      this.set({ status: this.options.t()('location.search.lookupError') });
      this.options.unresolved(suggestion.weergavenaam);
    }
  }

  /** The combobox input, `#search`, with the ARIA its field gives it. */
  renderInput(aria: ControlAria) {
    const activeId = this.expanded && this.active >= 0 ? `option-${this.active}` : undefined;
    return html`<input
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
      aria-describedby=${aria.describedBy}
      aria-invalid=${aria.invalid}
      .value=${this.query}
      @input=${this.onInput}
      @keydown=${this.onKeydown}
      @blur=${this.onBlur}
    />`;
  }

  /** The list of found addresses and the status line, under the input. */
  renderList() {
    return html`
      <ul
        id="suggestions"
        role="listbox"
        part="listbox"
        aria-label=${this.options.t()('location.search.suggestions')}
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
      <p id="search-status" class="status" role="status">${this.status}</p>
    `;
  }
}
