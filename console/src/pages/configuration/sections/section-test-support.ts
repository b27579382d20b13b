/**
 * Test support for the configuration sections' browser tests: a section element alone, given its props as
 * the page gives them and the console's texts by context, with every edit it reports recorded and applied
 * (as the page applies them), and a tenant config to start from. Not imported by the app.
 */
import { ContextProvider } from '@lit/context';
import type { ConfigDraft, TenantConfig, TenantConfigInput } from '@meldpunt/contracts';
import { fixture, html } from '@open-wc/testing';
import { textsContext } from '../../../context.ts';
import { loadConfigTexts, translator, type ConsoleLocale } from '../../../i18n.ts';
import { setIn, type ConfigEdit } from '../config-edit.ts';
import type { ConfigSectionElement } from './section-base.ts';

/** Dordrecht's config as a draft might hold it: Dutch (default) and English offered. */
export function sampleConfig(overrides: Partial<TenantConfigInput> = {}): TenantConfigInput {
  return {
    slug: 'dordrecht',
    name: 'Dordrecht',
    defaultLocale: 'nl',
    locales: ['nl', 'en'],
    branding: { primaryColor: '#00543c', logoAlt: { nl: 'Gemeente Dordrecht' } },
    texts: {},
    categories: [{ id: 'verbal' }, { id: 'following' }, { id: 'touching' }],
    fields: { intervention: true, extra: [] },
    followUp: {
      mode: 'active',
      response: { title: { nl: 'Dank je wel' }, body: { nl: 'We hebben je melding ontvangen.' } },
    },
    referrals: [],
    privacy: { retentionMonths: 12, contactRetentionMonths: 3, url: 'https://www.dordrecht.nl/privacy' },
    map: { center: { lat: 51.8133, lng: 4.6901 }, zoom: 13 },
    ...overrides,
  };
}

/** A draft answer around `config` (the sections read little of it). */
export function sampleDraft(config: TenantConfigInput): ConfigDraft {
  return {
    etag: '"1"',
    revision: 1,
    basedOnVersion: 3,
    publishedVersion: 3,
    config: config as TenantConfig,
    updatedAt: null,
    updatedBy: null,
    completeness: { defaultLocale: 'nl', languages: [], missingRequired: [] },
    contrast: [],
    publishBlockers: [],
  };
}

export interface RenderedSection<T extends ConfigSectionElement> {
  el: T;
  root: ShadowRoot;
  /** Every edit the section reported, in order (already applied to `el.config`). */
  edits: ConfigEdit[];
}

/** Renders section `tag` with `config` (editable unless said otherwise), in Dutch unless `locale` says. */
export async function renderSection<T extends ConfigSectionElement>(
  tag: string,
  config: TenantConfigInput,
  options: { editable?: boolean; errors?: Map<string, string>; locale?: ConsoleLocale } = {},
): Promise<RenderedSection<T>> {
  await loadConfigTexts();
  const locale = options.locale ?? 'nl';
  const provider = await fixture<HTMLDivElement>(html`<div></div>`);
  new ContextProvider(provider, { context: textsContext, initialValue: { locale, t: translator(locale) } });
  const el = document.createElement(tag) as T;
  el.slug = 'dordrecht';
  el.config = config;
  el.draft = sampleDraft(config);
  el.errors = options.errors ?? new Map();
  el.editable = options.editable ?? true;
  const edits: ConfigEdit[] = [];
  el.addEventListener('meldpunt-config-edit', (event) => {
    edits.push(event.detail);
    el.config = setIn(el.config, event.detail.path, event.detail.value);
  });
  provider.append(el);
  await el.updateComplete;
  const root = el.shadowRoot;
  if (!root) throw new Error(`${tag} has no shadow root`);
  return { el, root, edits };
}
