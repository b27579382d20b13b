/** The configuration console's texts in Dutch (the source): the private settings and the embed page. */
export const settingsTexts = {};
