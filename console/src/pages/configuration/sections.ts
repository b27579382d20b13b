/**
 * The configuration editor's sections: their order (the first is where `/configuration` opens), which ones
 * edit the draft (they get `ConfigSectionProps`) and which load their own data (`.slug` only), who sees
 * them, and the code of each, loaded when the section is first shown. The element of section `x` is
 * `<meldpunt-config-x>`.
 *
 * A section shows in the editor when its loader is in {@link sectionLoaders} (a test may take one out or
 * put a stand-in there); the preview's loader also gives the compact preview beside the editing sections
 * on wide screens.
 */
import { href } from '../../router.ts';

export const sectionNames = [
  'texts',
  'branding',
  'categories',
  'fields',
  'follow-up',
  'map',
  'languages',
  'preview',
  'history',
  'embed',
  'settings',
] as const;

export type SectionName = (typeof sectionNames)[number];

/** Sections that show and edit the draft (the others load what they show themselves). */
export const draftSections: ReadonlySet<SectionName> = new Set([
  'texts',
  'branding',
  'categories',
  'fields',
  'follow-up',
  'map',
  'languages',
  'preview',
]);

/** Sections beside which wide screens show the compact preview. */
export const editingSections: ReadonlySet<SectionName> = new Set([
  'texts',
  'branding',
  'categories',
  'fields',
  'follow-up',
  'map',
  'languages',
]);

export function isSectionName(value: string): value is SectionName {
  return (sectionNames as readonly string[]).includes(value);
}

/** The code of each section that is there (see the module's comment). */
export const sectionLoaders: Partial<Record<SectionName, () => Promise<unknown>>> = {
  texts: () => import('./sections/texts.ts'),
  branding: () => import('./sections/branding.ts'),
  categories: () => import('./sections/categories.ts'),
  fields: () => import('./sections/fields.ts'),
  'follow-up': () => import('./sections/follow-up.ts'),
  map: () => import('./sections/map.ts'),
  languages: () => import('./sections/languages.ts'),
  preview: () => import('./preview/config-preview.ts'),
  history: () => import('./sections/history.ts'),
  embed: () => import('./sections/embed.ts'),
  settings: () => import('./sections/settings.ts'),
};

/** The section where the field at a JSON Pointer is edited (`/followUp/response/title/en` → `texts`). */
export function sectionOf(jsonPointer: string): SectionName {
  const [top = '', sub = ''] = jsonPointer.split('/').slice(1);
  switch (top) {
    case 'texts':
    case 'referrals':
    case 'privacy':
      return 'texts';
    case 'followUp':
      return sub === 'response' ? 'texts' : 'follow-up';
    case 'branding':
    case 'categories':
    case 'fields':
    case 'map':
      return top;
    case 'locales':
    case 'defaultLocale':
      return 'languages';
    default:
      return 'texts';
  }
}

/**
 * The URL of the field at a JSON Pointer: its section, with `?field=` naming it. The editor moves the
 * focus to the control in the section marked `data-pointer="<pointer>"` (or its section, when none is).
 */
export function fieldHref(slug: string, jsonPointer: string): string {
  return href('configuration-section', { slug, section: sectionOf(jsonPointer) }, { field: jsonPointer });
}
