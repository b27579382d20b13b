import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ContactSealer } from './contact-crypto.ts';

describe('ContactSealer (AES-256-GCM)', () => {
  const binding = { reportId: 'r-1', tenantId: 't-1' };
  const contact = { name: 'Sam', email: 'sam@voorbeeld.example', wantsFollowUp: true };

  it('opens what it sealed, and the sealed bytes do not show the contact', () => {
    const sealer = new ContactSealer(randomBytes(32));
    const sealed = sealer.seal(contact, binding);
    assert.ok(!sealed.toString('latin1').includes('sam@'));
    assert.deepEqual(sealer.open(sealed, binding), contact);
  });

  it('uses a fresh IV each time', () => {
    const sealer = new ContactSealer(randomBytes(32));
    assert.notDeepEqual(sealer.seal(contact, binding), sealer.seal(contact, binding));
  });

  it('refuses a tampered block, another report’s binding and another key', () => {
    const sealer = new ContactSealer(randomBytes(32));
    const sealed = sealer.seal(contact, binding);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    assert.throws(() => sealer.open(tampered, binding));
    assert.throws(() => sealer.open(sealed, { ...binding, reportId: 'r-2' }));
    assert.throws(() => new ContactSealer(randomBytes(32)).open(sealed, binding));
  });

  it('requires a 32-byte key', () => {
    assert.throws(() => new ContactSealer(randomBytes(16)), /32 bytes/);
  });
});
