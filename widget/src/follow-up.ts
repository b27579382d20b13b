/**
 * Following up with the receipt code (issue 15): its own chunk, loaded only when a reporter opens
 * "Follow up on my report", or when the confirmation shows a receipt code or asks how reporting was. It
 * defines the follow-up view, the copy and save buttons beside the code, and the feedback question; each
 * loads the follow-up texts of the language shown itself (`follow-up/follow-up-element.ts`).
 */
import './follow-up/feedback-question.ts';
import './follow-up/follow-up-view.ts';
import './follow-up/receipt-actions.ts';
