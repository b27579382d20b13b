/** The configuration console's texts in Dutch (the source): the editor's frame: sections, saving, conflicts, the texts and their completeness, publishing, history and restore. */
export const editorTexts = {};
