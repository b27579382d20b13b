/**
 * What travels down the console's element tree by `@lit/context` (never a global singleton): the
 * language with its texts, and the signed-in person. The root element `<meldpunt-console>` provides
 * both; pages and components consume them (with `subscribe: true`, so a language switch or a renewed
 * session re-renders them).
 */
import { createContext } from '@lit/context';
import type { Me } from '@meldpunt/contracts';
import type { ConsoleLocale, Translate } from './i18n.ts';

export interface TextsContext {
  locale: ConsoleLocale;
  t: Translate;
}

export const textsContext = createContext<TextsContext>(Symbol('meldpunt-console-texts'));

/** The signed-in person with their memberships and session times; `null` when nobody is signed in. */
export const meContext = createContext<Me | null>(Symbol('meldpunt-console-me'));
