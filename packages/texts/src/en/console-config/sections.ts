import type { PluralCategories, TextTree } from '../../text-tree.ts';
import type { sectionsTexts as nl } from '../../nl/console-config/sections.ts';

/** The configuration console's texts in English: the sections branding, categories, extra fields, follow-up, map and languages. */
export const sectionsTexts: TextTree<typeof nl, PluralCategories['en']> = {};
