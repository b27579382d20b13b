/**
 * The configuration console's texts (issue 13), in the console's two languages: more of the `console`
 * namespace, in their own export (`@meldpunt/texts/console-config`) so that only the configuration pages
 * load them — the first screen stays within its budget (`pnpm bench:console`). One file per part, each
 * with its own top-level keys; the console merges them into its `console` namespace when a configuration
 * page opens (`loadConfigTexts` in `console/src/i18n.ts`).
 */
import type { ConsoleLocale } from './console.ts';
import { editorTexts as enEditor } from './en/console-config/editor.ts';
import { previewTexts as enPreview } from './en/console-config/preview.ts';
import { sectionsTexts as enSections } from './en/console-config/sections.ts';
import { settingsTexts as enSettings } from './en/console-config/settings.ts';
import { editorTexts as nlEditor } from './nl/console-config/editor.ts';
import { previewTexts as nlPreview } from './nl/console-config/preview.ts';
import { sectionsTexts as nlSections } from './nl/console-config/sections.ts';
import { settingsTexts as nlSettings } from './nl/console-config/settings.ts';

const nl = { ...nlEditor, ...nlSections, ...nlSettings, ...nlPreview };

/** The configuration pages' texts by language (merged into the `console` namespace). */
export const consoleConfigTexts: Record<ConsoleLocale, typeof nl> = {
  nl,
  en: { ...enEditor, ...enSections, ...enSettings, ...enPreview },
};
