/**
 * Test support for the configuration sections that load their own data (settings, embed): the element
 * mounted with the texts and the signed-in person by `@lit/context`, as the configuration page gives them.
 * Not imported by the app.
 */
import { ContextProvider } from '@lit/context';
import type { Me } from '@meldpunt/contracts';
import { fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { meContext, textsContext } from '../../../context.ts';
import { loadConfigTexts, translator, type ConsoleLocale } from '../../../i18n.ts';

/** Mounts `template` inside a host that provides the texts (`locale`) and `me`; answers the host. */
export async function mountSection(
  template: TemplateResult,
  me: Me | null,
  locale: ConsoleLocale = 'nl',
): Promise<HTMLElement> {
  await loadConfigTexts();
  const host = await fixture<HTMLElement>(html`<main></main>`);
  new ContextProvider(host, { context: textsContext, initialValue: { locale, t: translator(locale) } });
  new ContextProvider(host, { context: meContext, initialValue: me });
  render(template, host);
  return host;
}
