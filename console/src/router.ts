/**
 * The URL is the console's state: a person can reload, go back, bookmark and share any screen. A small
 * router on the History API rather than a library: the console has a handful of routes with at most one
 * parameter, and the browser already does the rest (history, `popstate`, links). This file is the route
 * table and the matching; `<meldpunt-console>` listens to link clicks and `popstate` and renders.
 */

/** Where the console lives (the service serves it there). */
export const consoleBase = '/console/';

export type RouteName =
  | 'home'
  | 'sign-in'
  | 'tenants'
  | 'tenant'
  | 'configuration'
  | 'configuration-section'
  | 'reports'
  | 'report'
  | 'figures'
  | 'council-report'
  | 'national-figures'
  | 'invitation'
  | 'account'
  | 'onboard'
  | 'tenant-admin'
  | 'sso'
  | 'members'
  | 'invitations'
  | 'audit'
  | 'not-found';

export interface Route {
  name: RouteName;
  /** Path parameters (`slug`). */
  params: Readonly<Record<string, string>>;
  /** Query parameters. */
  query: URLSearchParams;
}

/** Every route: its path below {@link consoleBase} (`:slug` is a tenant's slug) and whether it needs a session. */
export const routeTable: readonly { name: Exclude<RouteName, 'not-found'>; path: string; signedIn: boolean }[] = [
  { name: 'home', path: '', signedIn: false },
  { name: 'sign-in', path: 'sign-in', signedIn: false },
  { name: 'tenants', path: 'tenants', signedIn: true },
  { name: 'tenant', path: 'tenants/:slug', signedIn: true },
  { name: 'configuration', path: 'tenants/:slug/configuration', signedIn: true },
  // The configuration editor's sections (`pages/configuration/sections.ts`: texts, branding, history, …).
  { name: 'configuration-section', path: 'tenants/:slug/configuration/:section', signedIn: true },
  // The back office (issue 14): the inbox (its filter in the query), one report, the figures (period in
  // the query), the council report, and the platform operator's national overview.
  { name: 'reports', path: 'tenants/:slug/reports', signedIn: true },
  { name: 'report', path: 'tenants/:slug/reports/:id', signedIn: true },
  { name: 'figures', path: 'tenants/:slug/figures', signedIn: true },
  { name: 'council-report', path: 'tenants/:slug/figures/council-report', signedIn: true },
  { name: 'national-figures', path: 'operator/figures', signedIn: true },
  // Passkeys: an invitation link (its token after `#`), and one's own passkeys.
  { name: 'invitation', path: 'invitation', signedIn: false },
  { name: 'account', path: 'account', signedIn: true },
  // The platform operator's pages: onboarding, and one tenant's demo mark, export and offboarding.
  { name: 'onboard', path: 'operator/onboard', signedIn: true },
  { name: 'tenant-admin', path: 'operator/tenants/:slug', signedIn: true },
  { name: 'sso', path: 'tenants/:slug/sso', signedIn: true },
  // The tenant admin's pages (`pages/admin/`); the audit log's filter is in the query (`?action=`).
  { name: 'members', path: 'tenants/:slug/members', signedIn: true },
  { name: 'invitations', path: 'tenants/:slug/invitations', signedIn: true },
  { name: 'audit', path: 'tenants/:slug/audit', signedIn: true },
];

/** The route of a URL (`not-found` for any other path, also outside the console). */
export function matchRoute(url: URL): Route {
  const query = url.searchParams;
  if (!`${url.pathname}/`.startsWith(consoleBase)) return { name: 'not-found', params: {}, query };
  const rest = url.pathname.slice(consoleBase.length).replace(/\/$/, '');
  const parts = rest === '' ? [] : rest.split('/');
  for (const route of routeTable) {
    const pattern = route.path === '' ? [] : route.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, i) => {
      const part = parts[i] ?? '';
      if (!segment.startsWith(':')) return segment === part;
      try {
        params[segment.slice(1)] = decodeURIComponent(part);
      } catch {
        return false;
      }
      return part !== '';
    });
    if (matches) return { name: route.name, params, query };
  }
  return { name: 'not-found', params: {}, query };
}

/** Whether a route needs a signed-in person. */
export function needsSession(name: RouteName): boolean {
  return routeTable.find((route) => route.name === name)?.signedIn ?? false;
}

/** The console URL of a route: `href('tenant', { slug: 'dordrecht' })` → `/console/tenants/dordrecht`. */
export function href(
  name: Exclude<RouteName, 'not-found'>,
  params: Record<string, string> = {},
  query?: Record<string, string>,
): string {
  const pattern = routeTable.find((route) => route.name === name)?.path ?? '';
  const path = pattern.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
  const search = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
  return `${consoleBase}${path}${search}`;
}

/**
 * The console-internal URL a click on a link should go to without reloading, or `undefined` to let the
 * browser follow it (another origin or path, a download, a new tab, a modifier key, a prevented click).
 */
export function linkTarget(event: MouseEvent): URL | undefined {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return undefined;
  }
  const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (!anchor?.href || anchor.hasAttribute('download') || (anchor.target && anchor.target !== '_self'))
    return undefined;
  const url = new URL(anchor.href);
  return url.origin === location.origin && `${url.pathname}/`.startsWith(consoleBase) ? url : undefined;
}

/**
 * Goes to a console URL without reloading: a new history entry (or, with `replace`, instead of the current
 * one, for redirects), then a `popstate` event, the one signal `<meldpunt-console>` renders on.
 */
export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
