// A tenant's own texts (the intro, the response after sending, the privacy statement, a referral's
// description) are plain text: paragraphs split by a blank line, and https links. They become elements
// here, each part a Lit text binding — never HTML, so `<img onerror>` in a text shows as those characters.
import { html } from 'lit';

/** An https link up to the next space, without the punctuation that ends a sentence after it. */
const link = /(https:\/\/\S+?)(?=[.,;:!?)]*(?:\s|$))/;

/** One part of a paragraph: text, or (every odd part of the split) a link that opens in a new tab. */
const part = (text: string, i: number) =>
  i % 2 ? html`<a href=${text} target="_blank" rel="noopener noreferrer">${text}</a>` : text;

/** `text` as paragraphs (`<p>`), with its https links as links. */
export const plainText = (text: string) =>
  text.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph.split(link).map(part)}</p>`);
