/**
 * The configuration pages' texts in Dutch, all parts merged: what the console loads for
 * this language only (`@meldpunt/texts/console-config/nl`).
 */
import { editorTexts } from './editor.ts';
import { previewTexts } from './preview.ts';
import { sectionsTexts } from './sections.ts';
import { settingsTexts } from './settings.ts';

export const configTexts = { ...editorTexts, ...sectionsTexts, ...settingsTexts, ...previewTexts };
