import { z } from 'zod';

/**
 * Control characters (Unicode category Cc: U+0000–U+001F and U+007F–U+009F) other than tab, line feed
 * and carriage return. None belongs in a form field or a setting, and PostgreSQL cannot store U+0000.
 */
const controlCharacter = /(?![\t\n\r])\p{Cc}/u;
/**
 * One half of a UTF-16 surrogate pair without the other: not a character, and not encodable in UTF-8
 * (PostgreSQL refuses it in JSON; a text column would silently get U+FFFD instead).
 */
const loneSurrogate = /\p{Cs}/u;
const unsafeCharacters = new RegExp(`${controlCharacter.source}|${loneSurrogate.source}`, 'gu');

const codePoint = (character: string) =>
  'U+' + (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

/** The check behind `text()`: one issue per kind of character that no string may hold. */
const wellFormedText = z.superRefine<string>((value, ctx) => {
  const control = controlCharacter.exec(value);
  if (control) {
    ctx.addIssue({
      code: 'custom',
      message: `Contains the control character ${codePoint(control[0])}; only tabs and line breaks may be used`,
    });
  }
  const surrogate = loneSurrogate.exec(value);
  if (surrogate) {
    ctx.addIssue({
      code: 'custom',
      message: `Contains ${codePoint(surrogate[0])}, half of a character (an unpaired surrogate): not valid text`,
    });
  }
});

/**
 * Every string in the contracts starts here: `text()` for free text, `text(z.email())`, `text(z.url())`…
 * for formats. It refuses control characters other than tab, line feed and carriage return and unpaired
 * surrogates, and normalises to Unicode NFC — so "é" typed as e + U+0301 is stored as the one character
 * U+00E9, and compares, searches and counts as such. Chain `.trim()`, `.min()`, `.max()`, `.regex()` after
 * it: they then see the normalised text.
 */
export function text(): z.ZodString;
export function text<T extends z.ZodString | z.ZodStringFormat>(schema: T): T;
export function text(schema: z.ZodString | z.ZodStringFormat = z.string()): z.ZodString | z.ZodStringFormat {
  return schema.check(wellFormedText).normalize('NFC');
}

/**
 * `value` with every character `text()` refuses replaced by U+FFFD: for echoing input back in an error
 * (an unknown key, say) without putting those characters into the answer.
 */
export function printable(value: string): string {
  return value.replace(unsafeCharacters, '\uFFFD');
}
