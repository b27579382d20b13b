import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { legacyContactSeal } from '../../test/legacy-seal.ts';
import { KeyRing } from './key-ring.ts';
import { ContactSealer } from './contact-sealer.ts';

describe('ContactSealer (AES-256-GCM, key ring)', () => {
  const binding = { reportId: 'r-1', tenantId: 't-1' };
  const contact = { name: 'Sam', email: 'sam@voorbeeld.example', wantsFollowUp: true };
  const sealerWith = (keys: [number, Buffer][], currentId?: number) => new ContactSealer(new KeyRing(keys, currentId));

  it('opens what it sealed, and the sealed bytes do not show the contact', () => {
    const sealer = sealerWith([[1, randomBytes(32)]]);
    const sealed = sealer.seal(contact, binding);
    assert.ok(!sealed.toString('latin1').includes('sam@'));
    assert.deepEqual(sealer.open(sealed, binding), contact);
  });

  it('uses a fresh IV each time', () => {
    const sealer = sealerWith([[1, randomBytes(32)]]);
    assert.notDeepEqual(sealer.seal(contact, binding), sealer.seal(contact, binding));
  });

  it('refuses a tampered block, another report’s binding and another key', () => {
    const sealer = sealerWith([[1, randomBytes(32)]]);
    const sealed = sealer.seal(contact, binding);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    assert.throws(() => sealer.open(tampered, binding));
    assert.throws(() => sealer.open(sealed, { ...binding, reportId: 'r-2' }));
    assert.throws(() => sealerWith([[1, randomBytes(32)]]).open(sealed, binding), /authenticate/);
  });

  it('seals in format 2 under the current key: version and key id lead the block', () => {
    const sealed = sealerWith([
      [1, randomBytes(32)],
      [7, randomBytes(32)],
      [3, randomBytes(32)],
    ]).seal(contact, binding);
    assert.deepEqual([...sealed.subarray(0, 2)], [2, 7], 'the highest id is current by default');
    const chosen = sealerWith(
      [
        [1, randomBytes(32)],
        [7, randomBytes(32)],
      ],
      1,
    ).seal(contact, binding);
    assert.deepEqual([...chosen.subarray(0, 2)], [2, 1]);
  });

  it('rotation: sealed with key 1, still opened once key 2 is current; after re-sealing, key 1 can go', () => {
    const [key1, key2] = [randomBytes(32), randomBytes(32)];
    const before = sealerWith([[1, key1]]).seal(contact, binding);

    const rotating = sealerWith([
      [1, key1],
      [2, key2],
    ]);
    assert.deepEqual(rotating.open(before, binding), contact, 'the old key still opens');
    const resealed = rotating.seal(rotating.open(before, binding), binding);
    assert.deepEqual([...resealed.subarray(0, 2)], [2, 2]);

    const after = sealerWith([[2, key2]]);
    assert.deepEqual(after.open(resealed, binding), contact);
    assert.throws(() => after.open(before, binding), /key 1, which is not in the key ring/);
  });

  it('a changed header byte does not open, even when the other id holds the same key', () => {
    // Both ids hold one key: only the authenticated header tells the blocks apart.
    const key = randomBytes(32);
    const sealer = sealerWith([
      [1, key],
      [2, key],
    ]);
    const sealed = sealer.seal(contact, binding);
    assert.equal(sealed[1], 2);
    const otherId = Buffer.from(sealed);
    otherId[1] = 1;
    assert.throws(() => sealer.open(otherId, binding), /authenticate/);
    // Downgraded to format 1 (whose header was not authenticated): refused too.
    const downgraded = Buffer.from(sealed);
    downgraded[0] = 1;
    assert.throws(() => sealer.open(downgraded, binding), /authenticate/);
    const unknownVersion = Buffer.from(sealed);
    unknownVersion[0] = 3;
    assert.throws(() => sealer.open(unknownVersion, binding), /Unknown seal format 3/);
  });

  it('opens blocks of format 1 (stored before key rotation) with key 1 of the ring', () => {
    const key1 = randomBytes(32);
    const legacy = legacyContactSeal(key1, contact, binding);
    const ring = sealerWith([
      [1, key1],
      [2, randomBytes(32)],
    ]);
    assert.deepEqual(ring.open(legacy, binding), contact);
    assert.throws(() => ring.open(legacy, { ...binding, tenantId: 't-2' }), /authenticate/);
    const truncated = legacy.subarray(0, 20);
    assert.throws(() => ring.open(truncated, binding), /too short/);
  });
});
