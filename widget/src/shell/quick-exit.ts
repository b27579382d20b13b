// Quick exit: a button on every screen, and Escape pressed twice within a second anywhere on the page.
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Translate } from '../i18n.ts';

/** How close together two Escape presses must be to leave the page. */
const doubleEscapeMs = 1000;

/** Listens on the window, while the element is in the page, for Escape twice; then calls `exit`. */
export class QuickExitController implements ReactiveController {
  private lastEscape = 0;
  private readonly exit: () => void;

  constructor(host: ReactiveControllerHost, exit: () => void) {
    this.exit = exit;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeydown);
  }

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const now = performance.now();
    if (now - this.lastEscape < doubleEscapeMs) this.exit();
    else this.lastEscape = now;
  };
}

export function quickExitButton(t: Translate, exit: () => void) {
  return html`
    <button type="button" class="exit" part="button" aria-label=${t('quickExit.label')} @click=${exit}>
      ${t('quickExit.button')}
    </button>
  `;
}
