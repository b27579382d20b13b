import type { Locale } from '@meldpunt/contracts/limits';
import type { followUp as nlFollowUp } from './nl/follow-up.ts';
import type { TextTree } from './text-tree.ts';

/**
 * The texts of following up with the receipt code: the follow-up view, the copy and save buttons beside
 * the code, and the feedback question (`followUp.*`, `receipt.*`, `feedback.*`).
 */
export type FollowUpTexts = TextTree<typeof nlFollowUp>;

/**
 * Loads one locale's follow-up texts: their own chunk per locale, loaded with the widget's follow-up chunk
 * only. A module apart from the package's main entry, so the six loaders are not in the widget's first chunk.
 */
export const loadFollowUpTexts: Record<Locale, () => Promise<FollowUpTexts>> = {
  nl: () => import('./nl/follow-up.ts').then((m) => m.followUp),
  en: () => import('./en/follow-up.ts').then((m) => m.followUp),
  ar: () => import('./ar/follow-up.ts').then((m) => m.followUp),
  tr: () => import('./tr/follow-up.ts').then((m) => m.followUp),
  pl: () => import('./pl/follow-up.ts').then((m) => m.followUp),
  uk: () => import('./uk/follow-up.ts').then((m) => m.followUp),
};
