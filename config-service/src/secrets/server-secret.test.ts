import assert from 'node:assert/strict';
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { purposes, ServerSecret } from './server-secret.ts';

describe('ServerSecret (SERVER_SECRET, HKDF per purpose)', () => {
  it('HMAC-SHA256 under a key derived with HKDF-SHA256 and the purpose label — not the root itself', () => {
    const root = randomBytes(32);
    const data = '{"role":"victim"}';
    const expectedKey = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'meldpunt/request-hash/v1', 32));
    assert.equal(
      new ServerSecret(root).hmac(purposes.requestHash, data),
      createHmac('sha256', expectedKey).update(data).digest('base64url'),
    );
    assert.notEqual(
      new ServerSecret(root).hmac(purposes.requestHash, data),
      createHmac('sha256', root).update(data).digest('base64url'),
    );
    assert.notEqual(
      new ServerSecret(root).hmac(purposes.requestHash, data),
      createHash('sha256').update(data).digest('base64url'),
    );
  });

  it('each purpose has a key of its own: the same data hashes differently for the audit chain', () => {
    const secret = new ServerSecret(randomBytes(32));
    assert.notEqual(secret.hmac(purposes.auditChain, 'x'), secret.hmac(purposes.requestHash, 'x'));
    assert.equal(new Set(Object.values(purposes)).size, Object.keys(purposes).length);
  });

  it('another secret gives another hash; the same secret the same one', () => {
    const root = randomBytes(32);
    const hash = new ServerSecret(root).hmac(purposes.requestHash, 'x');
    assert.equal(ServerSecret.fromBase64(root.toString('base64')).hmac(purposes.requestHash, 'x'), hash);
    assert.notEqual(new ServerSecret(randomBytes(32)).hmac(purposes.requestHash, 'x'), hash);
  });

  it('refuses fewer than 32 bytes and text that is not base64, without repeating it', () => {
    assert.throws(() => new ServerSecret(randomBytes(31)), /at least 32 bytes/);
    assert.throws(() => ServerSecret.fromBase64(randomBytes(16).toString('base64')), /at least 32 bytes/);
    assert.throws(
      () => ServerSecret.fromBase64('geheim wachtwoord!'),
      (error: Error) => /not base64/.test(error.message) && !error.message.includes('geheim'),
    );
  });
});
