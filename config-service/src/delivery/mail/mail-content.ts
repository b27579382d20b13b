import type { MailLocale } from '@meldpunt/contracts';

/** A row of the mail: a label and its value (plain text: the HTML renderer escapes it). */
export interface MailRow {
  label: string;
  value: string;
  /** A link to show beside the value (the map). */
  href?: string;
  /** Keep line breaks (free text). */
  multiline?: boolean;
}

/** A block of rows under an optional title; a note instead of rows when there is nothing to list. */
export interface MailSection {
  title?: string;
  rows: MailRow[];
  note?: string;
  /** A web address shown in full on its own line after the note (the notices' one link). */
  link?: string;
}

/** What the mail says, in order, in its language: the same content for the text part and the HTML part. */
export interface MailContent {
  locale: MailLocale;
  dir: 'ltr' | 'rtl';
  heading: string;
  intro: string;
  sections: MailSection[];
  footer: string;
}
