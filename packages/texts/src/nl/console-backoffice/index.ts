/**
 * The back office's texts in Dutch, all parts merged: what the console loads for this language only
 * (`@meldpunt/texts/console-backoffice/nl`).
 */
import { figuresTexts } from './figures.ts';
import { inboxTexts } from './inbox.ts';
import { reportTexts } from './report.ts';

export const backofficeTexts = { ...inboxTexts, ...reportTexts, ...figuresTexts };
