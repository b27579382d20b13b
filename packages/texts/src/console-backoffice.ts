/**
 * The back office's texts (issue 14), in the console's two languages: more of the `console` namespace,
 * in exports of their own so that only the back-office pages load them, and only in the language shown
 * (`@meldpunt/texts/console-backoffice/nl`, `/en`), like the configuration pages' (`./console-config.ts`).
 * One file per part, each with its own top-level key. This module holds both, for the texts' tests.
 */
import type { ConsoleLocale } from './console.ts';
import { backofficeTexts as en } from './en/console-backoffice/index.ts';
import { backofficeTexts as nl } from './nl/console-backoffice/index.ts';

/** The back office's texts by language (merged into the `console` namespace). */
export const consoleBackofficeTexts: Record<ConsoleLocale, typeof nl> = { nl, en };
