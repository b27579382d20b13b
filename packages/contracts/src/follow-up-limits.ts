/**
 * The follow-up's length limits, zod-free (`@meldpunt/contracts/follow-up-limits`): the widget's follow-up
 * chunk needs these numbers, not the schemas (zod would weigh more than the whole chunk). `follow-up.ts`
 * re-exports them.
 */

/** The longest reply of a reporter (text only). */
export const followUpReplyMaxLength = 2000;

/** The longest feedback comment. */
export const feedbackCommentMaxLength = 1000;
