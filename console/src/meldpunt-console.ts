import { provide } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { renderError, renderLoading } from './components/task-states.ts';
import { meContext, textsContext, type TextsContext } from './context.ts';
import { getMe } from './data/auth.ts';
import type { SignedInEvent, SignedOutEvent } from './events.ts';
import { configTextsFor, initialLocale, storeLocale, translator, type ConsoleLocale } from './i18n.ts';
import './pages/sign-in/sign-in-page.ts';
import './pages/sign-in/sso-sign-in.ts';
import type { SignInNotice } from './pages/sign-in/sign-in-page.ts';
import {
  consoleBase,
  href,
  linkTarget,
  matchRoute,
  navigate,
  needsSession,
  type Route,
  type RouteName,
} from './router.ts';
import { pageStyles, webAwesomeTheme } from './styles/theme.ts';

/**
 * The code of each page other than sign-in, loaded when its route is first shown: the first screen (the
 * sign-in page) carries none of it.
 */
const pageLoaders: Record<RouteName, () => Promise<unknown>> = {
  home: () => Promise.resolve(),
  'sign-in': () => Promise.resolve(),
  tenants: () => import('./pages/tenants/tenants-page.ts'),
  tenant: () => import('./pages/tenants/tenant-page.ts'),
  configuration: () => import('./pages/configuration/configuration-page.ts'),
  'configuration-section': () => import('./pages/configuration/configuration-page.ts'),
  reports: () => import('./pages/reports/reports-page.ts'),
  report: () => import('./pages/reports/report-page.ts'),
  figures: () => import('./pages/figures/figures-page.ts'),
  'council-report': () => import('./pages/figures/council-report-page.ts'),
  'national-figures': () => import('./pages/figures/national-figures-page.ts'),
  invitation: () => import('./pages/invitation/invitation-page.ts'),
  account: () => import('./pages/account/account-page.ts'),
  onboard: () => import('./pages/operator/onboard-page.ts'),
  'tenant-admin': () => import('./pages/operator/tenant-admin-page.ts'),
  sso: () => import('./pages/admin/sso-settings-page.ts'),
  members: () => import('./pages/admin/members-page.ts'),
  invitations: () => import('./pages/admin/invitations-page.ts'),
  audit: () => import('./pages/admin/audit-page.ts'),
  'not-found': () => import('./pages/not-found/not-found-page.ts'),
};

/** A `next` parameter is followed only to a console path (never to another site: no open redirect). */
function safeNext(next: string | null): string | undefined {
  return next && next.startsWith(consoleBase) && !next.startsWith('//') && !next.includes('\\') ? next : undefined;
}

/**
 * The console: the way in for the staff of a municipality. It owns what every page shares — the route
 * (from the URL: links and Back work, any screen can be shared), the signed-in person and the language
 * (provided by `@lit/context`), the skip link, the landmarks (banner, main), each route's page title, the
 * account menu and the session-expiry warning — and shows the page of the route, loading its code first.
 * A route that needs a session sends a person without one to sign-in, and back afterwards.
 *
 * @summary The staff console (mounted by `index.html`).
 */
export class MeldpuntConsole extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    webAwesomeTheme,
    pageStyles,
    css`
      :host {
        display: block;
        min-block-size: 100vh;
        color: var(--_meldpunt-text);
        background: var(--_meldpunt-background);
        font-family: var(--_meldpunt-font);
      }
      .skip-link {
        position: absolute;
        inset-inline-start: 0.5rem;
        inset-block-start: -10rem;
        padding: 0.75rem 1rem;
        background: var(--_meldpunt-background);
        color: var(--_meldpunt-link);
        border: 2px solid var(--_meldpunt-link);
        font: inherit;
        text-decoration: underline;
        z-index: 1;
      }
      .skip-link:focus {
        inset-block-start: 0.5rem;
      }
      /* Printed (the council report): the page's content only, not the console's frame. */
      @media print {
        .skip-link,
        header {
          display: none;
        }
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        padding: 0.5rem var(--_meldpunt-space);
        border-block-end: 1px solid var(--_meldpunt-border);
      }
      .brand {
        font-weight: 700;
        font-size: 1.125rem;
        color: var(--_meldpunt-text);
        text-decoration: none;
        display: inline-flex;
        align-items: center;
        min-block-size: var(--_meldpunt-target);
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      main {
        padding: var(--_meldpunt-space);
        max-inline-size: 72rem;
        margin-inline: auto;
      }
      main:focus {
        outline: none;
      }
    `,
  ];

  @provide({ context: textsContext })
  @state()
  private texts: TextsContext = { locale: initialLocale(), t: translator(initialLocale()) };

  @provide({ context: meContext })
  @state()
  private me: Me | null = null;

  @state() private route: Route = matchRoute(new URL(location.href));
  /** Why the sign-in page shows: signed out or expired (cleared when someone signs in). */
  @state() private notice?: SignInNotice;

  /** Who is signed in, asked once at start (afterwards the events below keep it). */
  private session = new Task(this, {
    task: async (_args, { signal }) => {
      this.me = await getMe({ signal });
      return this.me;
    },
    args: () => [],
  });

  /** The current route's page code. */
  private page = new Task(this, {
    task: ([name]) => pageLoaders[name](),
    args: () => [this.route.name] as const,
  });

  /** The account menu and the session guard, loaded once someone is signed in. */
  private signedInParts = new Task(this, {
    task: async ([signedIn]) => {
      if (signedIn) await import('./components/signed-in.ts');
    },
    args: () => [this.me !== null] as const,
  });

  private readonly onPopState = () => {
    this.route = matchRoute(new URL(location.href));
  };

  private readonly onClick = (event: MouseEvent) => {
    const url = linkTarget(event);
    if (!url) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    this.addEventListener('click', this.onClick);
    this.addEventListener('meldpunt-signed-in', this.onSignedIn);
    this.addEventListener('meldpunt-signed-out', this.onSignedOut);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    this.removeEventListener('click', this.onClick);
    this.removeEventListener('meldpunt-signed-in', this.onSignedIn);
    this.removeEventListener('meldpunt-signed-out', this.onSignedOut);
  }

  private readonly onSignedIn = (event: SignedInEvent) => {
    this.me = event.detail.me;
    this.notice = undefined;
    if (this.route.name === 'sign-in') this.redirect(safeNext(this.route.query.get('next')) ?? href('tenants'));
  };

  private readonly onSignedOut = (event: SignedOutEvent) => {
    const here = location.pathname + location.search;
    this.me = null;
    this.notice = event.detail.reason;
    navigate(
      href('sign-in', {}, event.detail.reason === 'expired' && needsSession(this.route.name) ? { next: here } : {}),
    );
  };

  /** Replaces the current URL (a redirect: Back does not return to it) and shows its route. */
  private redirect(url: string) {
    history.replaceState(null, '', url);
    this.route = matchRoute(new URL(location.href));
  }

  protected override willUpdate() {
    if (this.session.status !== TaskStatus.COMPLETE) return;
    const { name, query } = this.route;
    if (name === 'home') this.redirect(this.me ? href('tenants') : href('sign-in'));
    else if (name === 'sign-in' && this.me) this.redirect(safeNext(query.get('next')) ?? href('tenants'));
    else if (needsSession(name) && !this.me) {
      this.redirect(href('sign-in', {}, { next: location.pathname + location.search }));
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    // After a route change (not the first page): focus to the main content, where keyboard and
    // screen-reader users start reading the new page.
    if (changed.has('route' as keyof MeldpuntConsole) && changed.get('route' as keyof MeldpuntConsole) !== undefined) {
      this.renderRoot.querySelector<HTMLElement>('main')?.focus();
    }
    // The document's title and language are the page's: only a console still on the page sets them (a
    // removed one may still finish an update, e.g. when the shared texts change language).
    if (!this.isConnected) return;
    document.title = `${this.pageTitle()} · ${this.texts.t('app.name')}`;
    document.documentElement.lang = this.texts.locale;
  }

  /** The title of the route's page (WCAG 2.4.2), the tenant's name where there is one. */
  private pageTitle(): string {
    const { t } = this.texts;
    const slug = this.route.params['slug'] ?? '';
    const tenant = this.me?.memberships.find((m) => m.tenant === slug)?.tenantName ?? slug;
    switch (this.route.name) {
      case 'home':
      case 'sign-in':
        return t('signIn.title');
      case 'tenants':
        return t('tenants.title');
      case 'tenant':
        return tenant;
      case 'configuration':
      case 'configuration-section':
        return `${t('configuration.title')} · ${tenant}`;
      case 'reports':
        return `${t('reports.title')} · ${tenant}`;
      case 'report':
        return `${t('reports.detailTitle')} · ${tenant}`;
      case 'figures':
        return `${t('reports.figuresTitle')} · ${tenant}`;
      case 'council-report':
        return `${t('reports.councilReportTitle')} · ${tenant}`;
      case 'national-figures':
        return t('reports.nationalTitle');
      case 'invitation':
        return t('invitation.title');
      case 'account':
        return t('account.title');
      case 'onboard':
        return t('operator.onboard.title');
      case 'tenant-admin':
        return t('operator.manage.title', { tenant: slug });
      case 'sso':
        return `${t('sso.title')} · ${tenant}`;
      case 'members':
        return `${t('admin.members.title')} · ${tenant}`;
      case 'invitations':
        return `${t('admin.invitations.title')} · ${tenant}`;
      case 'audit':
        return `${t('admin.audit.title')} · ${tenant}`;
      case 'not-found':
        return t('notFound.title');
    }
  }

  private async switchLocale() {
    const locale: ConsoleLocale = this.texts.locale === 'nl' ? 'en' : 'nl';
    storeLocale(locale);
    // The configuration pages' texts in the new language first, when one of those pages has used them
    // (offline: the switch waits for the next click rather than showing keys).
    await configTextsFor(locale);
    this.texts = { locale, t: translator(locale) };
  }

  /**
   * The skip link moves focus into the main content. A button, not an `<a href="#main">`: a fragment
   * cannot reach into a shadow root.
   */
  private skipToMain() {
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  override render() {
    const { t, locale } = this.texts;
    const other: ConsoleLocale = locale === 'nl' ? 'en' : 'nl';
    const signedIn = this.me !== null && this.signedInParts.status === TaskStatus.COMPLETE;
    return html`
      <button class="skip-link" type="button" @click=${this.skipToMain}>${t('app.skipLink')}</button>
      <header>
        <a class="brand" href=${href('home')}>${t('app.name')}</a>
        <div class="tools">
          <button class="button secondary" type="button" lang=${other} @click=${() => void this.switchLocale()}>
            ${t('app.language')}
          </button>
          ${signedIn ? html`<meldpunt-account-menu></meldpunt-account-menu>` : ''}
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${this.session.render({
          pending: () => renderLoading(t),
          error: (error) => renderError(t, error, () => void this.session.run()),
          complete: () =>
            this.page.render({
              pending: () => renderLoading(t),
              error: (error) => renderError(t, error, () => void this.page.run()),
              complete: () => this.renderPage(),
            }),
        })}
      </main>
      ${signedIn ? html`<meldpunt-session-guard></meldpunt-session-guard>` : ''}
    `;
  }

  private renderPage() {
    const slug = this.route.params['slug'] ?? '';
    switch (this.route.name) {
      case 'home':
      case 'sign-in':
        return html`<meldpunt-sign-in-page .notice=${this.notice}></meldpunt-sign-in-page>`;
      case 'tenants':
        return html`<meldpunt-tenants-page></meldpunt-tenants-page>`;
      case 'tenant':
        return html`<meldpunt-tenant-page slug=${slug}></meldpunt-tenant-page>`;
      case 'configuration':
      case 'configuration-section':
        return html`<meldpunt-configuration-page
          slug=${slug}
          section=${this.route.params['section'] ?? ''}
        ></meldpunt-configuration-page>`;
      case 'reports':
        return html`<meldpunt-reports-page slug=${slug} .query=${this.route.query.toString()}></meldpunt-reports-page>`;
      case 'report':
        return html`<meldpunt-report-page
          slug=${slug}
          report-id=${this.route.params['id'] ?? ''}
        ></meldpunt-report-page>`;
      case 'figures':
        return html`<meldpunt-figures-page slug=${slug} .query=${this.route.query.toString()}></meldpunt-figures-page>`;
      case 'council-report':
        return html`<meldpunt-council-report-page
          slug=${slug}
          .query=${this.route.query.toString()}
        ></meldpunt-council-report-page>`;
      case 'national-figures':
        return html`<meldpunt-national-figures-page
          .query=${this.route.query.toString()}
        ></meldpunt-national-figures-page>`;
      case 'invitation':
        return html`<meldpunt-invitation-page></meldpunt-invitation-page>`;
      case 'account':
        return html`<meldpunt-account-page></meldpunt-account-page>`;
      case 'onboard':
        return html`<meldpunt-onboard-page></meldpunt-onboard-page>`;
      case 'tenant-admin':
        return html`<meldpunt-tenant-admin-page slug=${slug}></meldpunt-tenant-admin-page>`;
      case 'sso':
        return html`<meldpunt-sso-settings-page slug=${slug}></meldpunt-sso-settings-page>`;
      case 'members':
        return html`<meldpunt-members-page slug=${slug}></meldpunt-members-page>`;
      case 'invitations':
        return html`<meldpunt-invitations-page slug=${slug}></meldpunt-invitations-page>`;
      case 'audit':
        return html`<meldpunt-audit-page
          slug=${slug}
          action=${this.route.query.get('action') ?? ''}
        ></meldpunt-audit-page>`;
      case 'not-found':
        return html`<meldpunt-not-found-page></meldpunt-not-found-page>`;
    }
  }
}

define('meldpunt-console', MeldpuntConsole);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-console': MeldpuntConsole;
  }
}
