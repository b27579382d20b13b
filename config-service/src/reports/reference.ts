import { randomInt } from 'node:crypto';
import { referenceAlphabet } from '@meldpunt/contracts';

/** A reference like `K7QM-4XTP`: 8 characters from an alphabet without look-alikes (~4·10¹¹ codes). */
export function newReference(): string {
  let code = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) code += '-';
    code += referenceAlphabet[randomInt(referenceAlphabet.length)];
  }
  return code;
}
