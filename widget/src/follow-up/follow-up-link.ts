import type { Locale } from '@meldpunt/contracts';
import type { Translations } from '../i18n.ts';

/**
 * What the follow-up's elements (and the confirmation) get from `<meldpunt-widget>`: its texts in the language
 * shown, where the API is, and opening or closing "Follow up on my report". Types only: nothing of the
 * follow-up's code is in the widget's first chunk.
 */
export interface FollowUpLink {
  /** The widget's text instance (i18next): the follow-up's elements add their own texts to it. */
  texts?: Translations;
  locale: Locale;
  /** The API's origin. */
  base: string;
  /** The embedding reporting point (for the origin check; the code finds the report wherever it went). */
  tenant: string;
  /** How long one request may take (the API client's default when not given). */
  timeoutMs?: number;
  /** Opens the follow-up view; absent in the console's preview, which has no real report to follow up. */
  open?: () => void;
  /** Closes it: the widget drops the view, and with it everything it showed. */
  close: () => void;
}
