/**
 * The back office's texts in English, all parts merged: what the console loads for this language only
 * (`@meldpunt/texts/console-backoffice/en`).
 */
import { figuresTexts } from './figures.ts';
import { inboxTexts } from './inbox.ts';
import { reportTexts } from './report.ts';

export const backofficeTexts = { ...inboxTexts, ...reportTexts, ...figuresTexts };
