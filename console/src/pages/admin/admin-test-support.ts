/**
 * Test support for the admin pages' browser tests: the console opened at a path with a fake API, the page
 * element it shows, and the person signed in as the tenant's admin. Not imported by the app.
 */
import { fixture, html } from '@open-wc/testing';
import type { Me } from '@meldpunt/contracts';
import '../../meldpunt-console.ts';
import type { MeldpuntConsole } from '../../meldpunt-console.ts';
import { person } from '../../test-support/fake-api.ts';

/** Anna, admin of Dordrecht (her id is `member()`'s). */
export const admin = (): Me =>
  person({
    id: '3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
    email: 'anna@dordrecht.example',
    name: 'Anna Admin',
    memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['admin'] }],
  });

/** Opens the console at `path` (Dutch), as a browser would. */
export async function openConsole(path: string): Promise<MeldpuntConsole> {
  localStorage.setItem('meldpunt-console-language', 'nl');
  history.replaceState(null, '', path);
  return fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
}

/** The shadow root of the page element the console shows (`meldpunt-…-page`), once it is there. */
export function pageRoot(el: MeldpuntConsole, name: string): ShadowRoot | null {
  return el.shadowRoot?.querySelector(`meldpunt-${name}-page`)?.shadowRoot ?? null;
}
