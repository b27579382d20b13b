import type { PluralCategories, TextTree } from '../../text-tree.ts';
import type { previewTexts as nl } from '../../nl/console-config/preview.ts';

/** The configuration console's texts in English: the live preview of the real widget and the e-mail. */
export const previewTexts: TextTree<typeof nl, PluralCategories['en']> = {};
