import { consume } from '@lit/context';
import type { Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { html, LitElement, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { meContext, textsContext, type TextsContext } from '../context.ts';
import { getMe, signOut, staySignedIn } from '../data/auth.ts';
import { emit } from '../events.ts';

/**
 * The dialogs' code (Web Awesome's dialog, callout and button), loaded when one is first needed: most
 * sessions never see a warning, and every signed-in page would carry it otherwise (`pnpm bench:console`).
 */
function loadDialogs(): Promise<unknown> {
  return Promise.all([
    import('@awesome.me/webawesome/dist/components/button/button.js'),
    import('@awesome.me/webawesome/dist/components/callout/callout.js'),
    import('@awesome.me/webawesome/dist/components/dialog/dialog.js'),
  ]);
}

/** How long before the session ends the warning shows (issue 12: two minutes). */
export const warningBefore = 2 * 60_000;

/**
 * Keeps a person from losing their work to the session's idle timeout (WCAG 2.2.1 Timing Adjustable):
 * two minutes before the session ends it opens a dialog that counts down, with "stay signed in" (one
 * request: the idle timer starts again) — over the page, which stays as it is, so nothing typed is lost.
 * Closing the dialog also stays signed in. Before warning and at the end it asks the server (passively,
 * without counting as activity) when the session really ends, since every request — also from another tab —
 * moves that time. When it has ended, a dialog says so and offers to sign in again; what is on the page
 * stays readable behind it.
 *
 * @summary The session-expiry warning.
 * @fires meldpunt-signed-in - The session was renewed; `detail.me` has the new expiry times.
 * @fires meldpunt-signed-out - The session ended (`reason`: `expired` when the person chose to sign in again, `signed-out` from the warning).
 */
export class MeldpuntSessionGuard extends LitElement {
  static override styles = [tokens, baseStyles];

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  @state() private phase: 'quiet' | 'warning' | 'expired' = 'quiet';
  @state() private secondsLeft = 0;
  @state() private stayFailed = false;
  /** The dialogs' code is in (see {@link loadDialogs}); until then nothing is rendered. */
  @state() private dialogs = false;

  private timer?: ReturnType<typeof setTimeout>;
  private ticker?: ReturnType<typeof setInterval>;

  /** When the session ends (the idle end, or the absolute end when that comes first), in ms. */
  private endsAt(me: Me): number {
    return Math.min(Date.parse(me.session.idleExpiresAt), Date.parse(me.session.absoluteExpiresAt));
  }

  /** Whether staying signed in can help: not when the absolute end (12 hours after sign-in) is what comes. */
  private canStay(me: Me): boolean {
    return Date.parse(me.session.idleExpiresAt) <= Date.parse(me.session.absoluteExpiresAt);
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('me' as keyof MeldpuntSessionGuard) && this.me && this.phase !== 'expired') this.schedule(this.me);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
  }

  private stop() {
    clearTimeout(this.timer);
    clearInterval(this.ticker);
  }

  private schedule(me: Me) {
    this.stop();
    this.phase = 'quiet';
    this.timer = setTimeout(
      () => void this.beforeWarning(me),
      Math.max(0, this.endsAt(me) - warningBefore - Date.now()),
    );
  }

  /** Two minutes before the end we know of: the server says whether that is still the end. */
  private async beforeWarning(known: Me) {
    const fresh = await getMe({ passive: true }).catch(() => known);
    if (!fresh) {
      await this.expire();
      return;
    }
    if (this.endsAt(fresh) > this.endsAt(known) + 1000) return emit(this, 'meldpunt-signed-in', { me: fresh });
    await this.loadDialogs();
    this.phase = 'warning';
    this.tick(fresh);
    this.ticker = setInterval(() => this.tick(fresh), 1000);
  }

  private tick(me: Me) {
    const left = this.endsAt(me) - Date.now();
    this.secondsLeft = Math.max(0, Math.ceil(left / 1000));
    if (left <= 0) {
      clearInterval(this.ticker);
      void this.atEnd(me);
    }
  }

  /** At the end: has it ended (or did another tab keep it alive)? */
  private async atEnd(known: Me) {
    const fresh = await getMe({ passive: true }).catch(() => null);
    if (fresh && this.endsAt(fresh) > this.endsAt(known)) emit(this, 'meldpunt-signed-in', { me: fresh });
    else await this.expire();
  }

  private async expire() {
    this.stop();
    await this.loadDialogs();
    this.phase = 'expired';
  }

  /** The dialogs' code (if it cannot load, offline, their words still show in the page). */
  private async loadDialogs() {
    await loadDialogs().catch(() => undefined);
    this.dialogs = true;
  }

  private async stay() {
    this.stayFailed = false;
    try {
      const me = await staySignedIn();
      this.phase = 'quiet';
      emit(this, 'meldpunt-signed-in', { me });
    } catch {
      this.stayFailed = true;
    }
  }

  private async signOutNow() {
    this.stop();
    await signOut().catch(() => undefined);
    emit(this, 'meldpunt-signed-out', { reason: 'signed-out' });
  }

  override render() {
    const { t } = this.texts;
    const me = this.me;
    if (!me || !this.dialogs) return '';
    return html`
      <wa-dialog
        id="warning"
        label=${t('session.warningTitle')}
        ?open=${this.phase === 'warning'}
        @wa-hide=${(event: Event) => {
          // Escape or the close button: staying is the safe choice (nothing is lost).
          if (event.target === event.currentTarget && this.phase === 'warning') void this.stay();
        }}
      >
        <p>${t('session.warningText', { count: this.secondsLeft })}</p>
        ${this.stayFailed ? html`<wa-callout variant="danger" role="alert">${t('session.stayFailed')}</wa-callout>` : ''}
        <wa-button slot="footer" appearance="outlined" @click=${this.signOutNow}>${t('session.signOutNow')}</wa-button>
        ${
          this.canStay(me)
            ? html`<wa-button slot="footer" variant="brand" autofocus @click=${this.stay}
                >${t('session.stay')}</wa-button
              >`
            : ''
        }
      </wa-dialog>
      <wa-dialog id="expired" label=${t('session.expiredTitle')} ?open=${this.phase === 'expired'}>
        <p>${t('session.expiredText')}</p>
        <wa-button slot="footer" variant="brand" autofocus @click=${this.signInAgain}
          >${t('session.signInAgain')}</wa-button
        >
      </wa-dialog>
      ${
        this.phase === 'expired'
          ? html`<wa-callout variant="warning" role="alert">
              ${t('session.expiredText')}
              <wa-button appearance="outlined" @click=${this.signInAgain}>${t('session.signInAgain')}</wa-button>
            </wa-callout>`
          : ''
      }
    `;
  }

  private signInAgain() {
    emit(this, 'meldpunt-signed-out', { reason: 'expired' });
  }
}

define('meldpunt-session-guard', MeldpuntSessionGuard);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-session-guard': MeldpuntSessionGuard;
  }
}
