/** The back office's figures (issue 14) in English: counts, hot times, hotspots, the council report, the national overview. */
export const figuresTexts = {
  figures: {},
};
