/** The back office's inbox (issue 14) in Dutch: the list, its filters, saved views and the export. */
export const inboxTexts = {
  inbox: {},
};
