import { randomInt } from 'node:crypto';
import { referenceAlphabet } from '@meldpunt/contracts';

/**
 * The reference of a report sent from the console's preview (`reports/report-preview.ts`): a valid
 * reference that no stored report ever gets (`newReference` never draws it), so a sample seen on a
 * screenshot can never be mistaken for a real report.
 */
export const sampleReference = 'XXXX-XXXX';

/** A reference like `K7QM-4XTP`: 8 characters from an alphabet without look-alikes (~4·10¹¹ codes). */
export function newReference(): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 8; i++) {
      if (i === 4) code += '-';
      code += referenceAlphabet[randomInt(referenceAlphabet.length)];
    }
    if (code !== sampleReference) return code;
  }
}
