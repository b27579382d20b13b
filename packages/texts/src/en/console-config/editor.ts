import type { PluralCategories, TextTree } from '../../text-tree.ts';
import type { editorTexts as nl } from '../../nl/console-config/editor.ts';

/** The configuration console's texts in English: the editor's frame: sections, saving, conflicts, the texts and their completeness, publishing, history and restore. */
export const editorTexts: TextTree<typeof nl, PluralCategories['en']> = {};
