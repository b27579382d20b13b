/**
 * What the form needs only after the Where step: the details, contact and review steps, sending, what a
 * failure means and the confirmation. Its own chunk: the element starts loading it (with these steps' texts)
 * when the Where step opens, so it is there long before the reporter presses Next, and the first steps show
 * without it.
 */
export { contactStep } from './steps/contact.ts';
export { detailsStep } from './steps/details.ts';
export { reviewStep } from './steps/review.ts';
export { laterStyles } from './styles/later-styles.ts';
export { sendReport, toReportBody } from './send.ts';
// Issue 16: the proof of work, solved while the reporter fills in the later steps.
export { proofFor } from './proof.ts';
export { sendErrorView, sendFailure, sentView } from './shell/sending.ts';
// The later steps' texts load after this chunk, from its loaders (see `i18n.ts`).
export { loadLaterTexts } from '@meldpunt/texts/step-loaders';
