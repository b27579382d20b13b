import type { Locale } from '@meldpunt/contracts';
import { serverT } from '@meldpunt/texts/server';

/**
 * The answer to a report whose place lies in a municipality without a reporting point here: it is kept
 * (by the national tenant) but not forwarded, so the reporter must know to contact that municipality.
 * In the report's language; the texts are `routing.nonParticipating` in `@meldpunt/texts`.
 */
export function nonParticipatingResponse(locale: Locale, municipality: string): { title: string; body: string } {
  const t = serverT(locale, 'routing');
  return { title: t('nonParticipating.title'), body: t('nonParticipating.body', { municipality }) };
}
