/**
 * The configuration console's texts (issue 13), in the console's two languages: more of the `console`
 * namespace, in exports of their own so that only the configuration pages load them, and only in the
 * language shown (`@meldpunt/texts/console-config/nl`, `/en`) — the first screen and the editor stay
 * within their budgets (`pnpm bench:console`). One file per part, each with its own top-level keys; the
 * console merges a language's into its `console` namespace when a configuration page opens
 * (`loadConfigTexts` in `console/src/i18n.ts`). This module holds both, for the texts' tests.
 */
import type { ConsoleLocale } from './console.ts';
import { configTexts as en } from './en/console-config/index.ts';
import { configTexts as nl } from './nl/console-config/index.ts';

/** The configuration pages' texts by language (merged into the `console` namespace). */
export const consoleConfigTexts: Record<ConsoleLocale, typeof nl> = { nl, en };
