/** One report in the back office (issue 14) in Dutch: what the reporter gave, handling, notes, contact, deliveries. */
export const reportTexts = {
  reportDetail: {},
};
