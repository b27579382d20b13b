import type { PluralCategories, TextTree } from '../../text-tree.ts';
import type { settingsTexts as nl } from '../../nl/console-config/settings.ts';

/** The configuration console's texts in English: the private settings and the embed page. */
export const settingsTexts: TextTree<typeof nl, PluralCategories['en']> = {};
