/**
 * What the form needs only after the Where step: the details, contact and review steps, sending, and
 * the confirmation. Its own chunk: the element starts loading it when the Where step opens, so it is
 * there long before the reporter presses Next, and the first steps show without it.
 */
export { contactStep } from './steps/contact.ts';
export { detailsStep } from './steps/details.ts';
export { doneStep } from './steps/done.ts';
export { reviewStep } from './steps/review.ts';
export { laterStyles } from './styles/later-styles.ts';
export { fieldOfPath, sendReport, stepOfPath, toReportBody } from './send.ts';
