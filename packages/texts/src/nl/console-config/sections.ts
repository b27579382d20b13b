/** The configuration console's texts in Dutch (the source): the sections branding, categories, extra fields, follow-up, map and languages. */
export const sectionsTexts = {};
