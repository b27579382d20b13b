import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referenceSchema } from '@meldpunt/contracts';
import { newReference } from './reference.ts';

describe('newReference', () => {
  it('makes XXXX-XXXX codes without look-alike characters', () => {
    const codes = Array.from({ length: 2000 }, newReference);
    for (const code of codes) {
      assert.ok(referenceSchema.safeParse(code).success, code);
      assert.doesNotMatch(code, /[01ILOUV]/);
    }
    assert.equal(new Set(codes).size, codes.length);
  });
});
