/**
 * The single sign-on resource: the municipalities offering it (for the sign-in page, `GET /auth/sso`),
 * where the browser goes to sign in at one (`/auth/sso/:slug/start`, a navigation, not a request), and a
 * tenant admin's settings (`/console/tenants/:slug/sso`: the client secret is write-only). Typed on the
 * contracts.
 */
import type { SsoSettingsInput, SsoSettingsView, SsoTenantList } from '@meldpunt/contracts';
import { apiBase, isDateTime, isRecord, isText, request } from './http.ts';

/** The municipalities as `GET /auth/sso` answers. */
export function isSsoTenantList(value: unknown): value is SsoTenantList {
  return Array.isArray(value) && value.every((t) => isRecord(t) && isText(t['slug']) && isText(t['name']));
}

/** A tenant's settings as `GET …/sso` answers (never with the secret). */
export function isSsoSettingsView(value: unknown): value is SsoSettingsView {
  if (!isRecord(value) || !isText(value['redirectUri'])) return false;
  const settings = value['settings'];
  return (
    settings === null ||
    (isRecord(settings) &&
      isText(settings['issuer']) &&
      isText(settings['clientId']) &&
      settings['clientSecretSet'] === true &&
      Array.isArray(settings['allowedEmailDomains']) &&
      settings['allowedEmailDomains'].every(isText) &&
      typeof settings['enabled'] === 'boolean' &&
      isDateTime(settings['updatedAt']))
  );
}

/** The municipalities whose staff may sign in with their own sign-in system. */
export function listSsoTenants(signal?: AbortSignal): Promise<SsoTenantList> {
  return request('/auth/sso', isSsoTenantList, signal ? { signal } : {});
}

/** Where the browser goes to sign in at the municipality's provider (it comes back signed in, or with an error). */
export function ssoStartUrl(slug: string): string {
  return `${apiBase}/auth/sso/${encodeURIComponent(slug)}/start`;
}

/** The tenant's settings and the redirect URI to register at the provider. */
export function getSsoSettings(slug: string, signal?: AbortSignal): Promise<SsoSettingsView> {
  return request(`/console/tenants/${encodeURIComponent(slug)}/sso`, isSsoSettingsView, signal ? { signal } : {});
}

/** Saves the tenant's settings (the service checks the issuer first); leave `clientSecret` out to keep it. */
export function saveSsoSettings(slug: string, input: SsoSettingsInput): Promise<SsoSettingsView> {
  return request(`/console/tenants/${encodeURIComponent(slug)}/sso`, isSsoSettingsView, {
    method: 'PUT',
    body: input,
  });
}

/** Removes the tenant's single sign-on. */
export function removeSsoSettings(slug: string): Promise<undefined> {
  return request(`/console/tenants/${encodeURIComponent(slug)}/sso`, undefined, { method: 'DELETE' });
}
