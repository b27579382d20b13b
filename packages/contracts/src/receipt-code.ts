/**
 * The receipt code (issue 15): what lets a reporter who stayed anonymous hear back. 80 bits of
 * randomness in Crockford base32 — 16 characters, shown in four groups of four (`7KQM-4XTP-9B2C-H0RD`)
 * — easy to copy, read aloud and type: no I, L, O or U, and typing is forgiving (lower case, spaces,
 * hyphens, O for 0, I or L for 1). Zod-free (`@meldpunt/contracts/receipt-code`): the widget needs
 * these helpers, not the schemas.
 */

/** Crockford's base32 alphabet: digits and letters without I, L, O and U. */
export const receiptAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters of a code: 16 × 5 bits = 80 bits. */
export const receiptCodeLength = 16;
/** The longest text accepted where a code is typed (spaces and hyphens included). */
export const receiptCodeInputMaxLength = 64;

/** The code in its shown form, four groups of four joined by hyphens. */
export function formatReceiptCode(normalised: string): string {
  return normalised.match(/.{1,4}/g)?.join('-') ?? normalised;
}

/**
 * What the reporter typed, as the 16 characters the service hashes; `null` when it cannot be a code
 * (wrong length or characters). Spaces and hyphens are dropped, lower case raised, and the look-alikes
 * O → 0 and I, L → 1 mapped as Crockford's base32 prescribes.
 */
export function normaliseReceiptCode(typed: string): string | null {
  if (typed.length > receiptCodeInputMaxLength) return null;
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== receiptCodeLength) return null;
  for (const character of code) if (!receiptAlphabet.includes(character)) return null;
  return code;
}
