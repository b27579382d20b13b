import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { KeyRing } from './key-ring.ts';

const key = () => randomBytes(32).toString('base64');

describe('KeyRing.parse (CONTACT_ENCRYPTION_KEYS)', () => {
  it('reads id:base64key entries; every key opens, the highest id (or the chosen one) seals', () => {
    const [a, b] = [key(), key()];
    const ring = KeyRing.parse(` 2:${b} , 1:${a}`);
    assert.deepEqual(ring.ids, [1, 2]);
    assert.equal(ring.currentId, 2);
    assert.equal(KeyRing.parse(`1:${a},2:${b}`, 1).currentId, 1);
    const context = Buffer.from('ctx');
    const sealedBy1 = KeyRing.parse(`1:${a}`).seal(Buffer.from('x'), context);
    assert.equal(ring.open(sealedBy1, context).toString(), 'x');
    assert.equal(ring.isCurrent(sealedBy1), false);
    assert.equal(ring.isCurrent(ring.seal(Buffer.from('x'), context)), true);
  });

  it('refuses bad ids, duplicate ids, keys that are not 32 bytes and a current id outside the ring — naming no key', () => {
    const secret = key();
    const cases: [string, number | undefined, RegExp][] = [
      [`0:${secret}`, undefined, /Key id 0 is not a whole number from 1 to 255/],
      [`256:${secret}`, undefined, /Key id 256 is not a whole number from 1 to 255/],
      [`x:${secret}`, undefined, /Entry 1 is not of the form id:base64key/],
      [`1:${secret},${secret}`, undefined, /Entry 2 is not of the form id:base64key/],
      [`1:${secret},1:${key()}`, undefined, /Key id 1 appears more than once/],
      [`1:${randomBytes(16).toString('base64')}`, undefined, /Key 1 is not 32 bytes/],
      [`1:not*base64`, undefined, /Entry 1 is not of the form/],
      ['', undefined, /no keys/],
      [`1:${secret},2:${key()}`, 3, /current key id 3 is not in the key ring \(ids 1, 2\)/],
    ];
    for (const [text, current, message] of cases) {
      assert.throws(
        () => KeyRing.parse(text, current),
        (error: Error) => {
          assert.match(error.message, message, text);
          assert.ok(!error.message.includes(secret), 'the message repeats a key');
          return true;
        },
      );
    }
  });
});
