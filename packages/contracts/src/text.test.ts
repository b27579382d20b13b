import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import * as contracts from './index.ts';
import { fieldErrorsFrom, problemSchema } from './problem.ts';
import { reportInputSchema } from './report.ts';
import { printable, text } from './text.ts';

const controlCharacters = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
].map((code) => String.fromCharCode(code));

describe('text()', () => {
  it('refuses every control character but tab, line feed and carriage return', () => {
    for (const character of controlCharacters) {
      const result = text().safeParse(`voor${character}na`);
      if (['\t', '\n', '\r'].includes(character)) {
        assert.equal(result.success, true, JSON.stringify(character));
      } else {
        assert.equal(result.success, false, JSON.stringify(character));
        const code = character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        assert.match(result.error!.issues[0]!.message, new RegExp(`control character U\\+${code};`));
      }
    }
  });

  it('refuses half a surrogate pair, and takes whole pairs (emoji, rare CJK)', () => {
    for (const broken of ['\uD800', 'a\uDC00b', 'eind\uDBFF', '\uDE00\uD83D']) {
      const result = text().safeParse(broken);
      assert.equal(result.success, false, JSON.stringify(broken));
      assert.match(result.error!.issues[0]!.message, /unpaired surrogate/);
    }
    assert.equal(text().parse('Nageroepen 😠 bij 𠀀'), 'Nageroepen 😠 bij 𠀀');
  });

  it('normalises to NFC, before trimming and length limits', () => {
    assert.equal(text().parse('Cafe\u0301'), 'Caf\u00e9');
    assert.equal(text().parse('\u212B'), '\u00C5'); // the Ångström sign is the letter Å
    assert.equal(text().trim().max(4).parse(' Cafe\u0301 '), 'Caf\u00e9');
  });

  it('checks formats as well: text(z.email()), text(z.url())', () => {
    assert.equal(text(z.url()).safeParse('https://www.dordrecht.nl/pad\u0000').success, false);
    assert.equal(text(z.url()).safeParse('https://www.dordrecht.nl/pad').success, true);
  });

  it('printable() puts U+FFFD where text() would refuse a character', () => {
    assert.equal(printable('a\u0000b\uD800c\td\u009F'), 'a\uFFFDb\uFFFDc\td\uFFFD');
  });
});

/**
 * Values of any shape, allowed only where the service builds the value and never reads it back: the
 * WebAuthn options SimpleWebAuthn makes for the browser.
 */
const answersOfAnyShape = new Set(['passkeyOptionsSchema.options']);

/** Every string schema reachable from `schema`: object fields, array items, record keys and values… */
function stringSchemas(schema: z.ZodType, where: string, found: [string, z.ZodType][] = []): [string, z.ZodType][] {
  const def = schema.def as unknown as Record<string, unknown> & { type: string };
  const into = (child: unknown, name: string) => stringSchemas(child as z.ZodType, `${where}${name}`, found);
  if (answersOfAnyShape.has(where)) return found;
  switch (def.type) {
    case 'string':
      found.push([where, schema]);
      break;
    case 'object':
      for (const [key, child] of Object.entries(def.shape as object)) into(child, `.${key}`);
      if (def.catchall) into(def.catchall, '.*');
      break;
    case 'array':
      into(def.element, '[]');
      break;
    case 'record':
      into(def.keyType, '{key}');
      into(def.valueType, '{}');
      break;
    case 'tuple':
      (def.items as unknown[]).forEach((item, i) => into(item, `[${i}]`));
      if (def.rest) into(def.rest, '[…]');
      break;
    case 'union':
      (def.options as unknown[]).forEach((option, i) => into(option, `|${i}`));
      break;
    case 'intersection':
      into(def.left, '&0');
      into(def.right, '&1');
      break;
    case 'pipe':
      into(def.in, '>in');
      into(def.out, '>out');
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      into(def.innerType, '');
      break;
    case 'enum':
    case 'literal':
    case 'number':
    case 'boolean':
    case 'null':
    case 'never':
    case 'transform': // reads nothing from the input itself: its pipe's `in` side was checked
      break;
    case 'unknown':
      throw new Error(`${where}: a value of any shape is read unchecked; describe it, or name it in answersOfAnyShape`);
    default:
      throw new Error(`${where}: teach this test about zod's "${def.type}"`);
  }
  return found;
}

describe('every string of every schema goes through text()', () => {
  /** The string schemas of everything the contracts export, named by where they sit. */
  const allStrings = () =>
    Object.entries(contracts as Record<string, unknown>).flatMap(([name, value]) =>
      value instanceof z.ZodType ? stringSchemas(value, name) : [],
    );

  it('finds the strings of the report, the tenant config, its settings and the answers', () => {
    const where = allStrings().map(([path]) => path);
    for (const path of [
      'reportInputSchema.occurredAt',
      'reportInputSchema.description',
      'reportInputSchema.contact.email',
      'reportInputSchema.extra{key}',
      'reportInputSchema.extra{}',
      'tenantImportSchema.config.texts{}{key}',
      'tenantImportSchema.config.followUp.response.title{}',
      'tenantImportSchema.settings.delivery.email[].pgpPublicKey',
      'tenantImportSchema.settings.delivery.webhook.url',
      'problemSchema.errors[].message',
      'idempotencyKeySchema',
    ]) {
      assert.ok(where.includes(path), `${path} not among ${where.length} strings`);
    }
  });

  it('each refuses NUL and unpaired surrogates, and normalises to NFC', () => {
    for (const [path, schema] of allStrings()) {
      for (const [bad, reason] of [
        ['a\u0000', /control character U\+0000/],
        ['\uD800', /unpaired surrogate/],
      ] as const) {
        const result = schema.safeParse(bad);
        assert.ok(
          !result.success && result.error.issues.some((issue) => reason.test(issue.message)),
          `${path} takes ${JSON.stringify(bad)}`,
        );
      }
      const result = schema.safeParse('Cafe\u0301');
      if (result.success) assert.equal(result.data, 'Caf\u00e9', path);
    }
  });
});

describe('field errors', () => {
  it('quote refused characters of the input as U+FFFD, so the problem answer passes problemSchema', () => {
    const result = reportInputSchema.safeParse({ ['x\u0000\uD800']: 1 });
    assert.equal(result.success, false);
    const errors = fieldErrorsFrom(result.error!);
    assert.ok(errors.some((e) => e.message.includes('x\uFFFD\uFFFD')));
    assert.equal(
      problemSchema.safeParse({ type: 'about:blank', title: 'Invalid', status: 422, errors }).success,
      true,
      JSON.stringify(errors),
    );
    assert.equal(
      fieldErrorsFrom({ issues: [{ path: ['extra', 'a\u0000/b'], message: 'x' }] })[0]!.path,
      '/extra/a\uFFFD~1b',
    );
  });
});
