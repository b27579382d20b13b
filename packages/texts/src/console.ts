/**
 * The console's texts (`console` namespace), in its two UI languages, Dutch and English: staff work in
 * Dutch, and English serves those who do not (yet) read it. Its own export (`@meldpunt/texts/console`), so
 * neither the widget nor the service carries them. Both languages are small and load with the console.
 */
import { consoleTexts as en } from './en/console.ts';
import { consoleTexts as nl } from './nl/console.ts';
import type { TextTree } from './text-tree.ts';

/** The console's UI languages. */
export const consoleLocales = ['nl', 'en'] as const;
export type ConsoleLocale = (typeof consoleLocales)[number];

/** The console's texts by language, as i18next resources (namespace `console`). */
export const consoleTexts: Record<ConsoleLocale, TextTree<typeof nl>> = { nl, en };
