/** The configuration console's texts in Dutch (the source): the live preview of the real widget and the e-mail. */
export const previewTexts = {};
