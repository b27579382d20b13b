import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { normaliseReceiptCode, receiptAlphabet } from '@meldpunt/contracts';
import { purposes, ServerSecret } from '../secrets/server-secret.ts';
import { newReceiptCode, ReceiptKeys } from './receipt-keys.ts';
import { issueToken, signToken, tokenReportId, verifyToken } from './tokens.ts';

describe('receipt codes and their keys', () => {
  const secret = new ServerSecret(randomBytes(32));

  it('a code is 16 characters of Crockford base32 that normalise to themselves', () => {
    for (let i = 0; i < 200; i++) {
      const code = newReceiptCode();
      assert.match(code, new RegExp(`^[${receiptAlphabet}]{16}$`));
      assert.equal(normaliseReceiptCode(code), code);
    }
  });

  it('without RECEIPT_CODE_KEYS: key 1 only, derived from the server secret (HKDF, purpose meldpunt/receipt-code/v1)', () => {
    const keys = ReceiptKeys.fromEnv(undefined, undefined, secret);
    assert.deepEqual(keys.ids, [1]);
    assert.equal(keys.hash('ABCD').hash, secret.hmac(purposes.receiptCode, 'ABCD'));
  });

  it('with keys of its own, key 1 stays the derived one unless listed; every key is tried, the current one hashes', () => {
    const two = randomBytes(32);
    const keys = ReceiptKeys.fromEnv(`2:${two.toString('base64')}`, undefined, secret);
    assert.deepEqual(keys.ids, [1, 2]);
    assert.equal(keys.currentId, 2);
    const code = newReceiptCode();
    assert.deepEqual(keys.hash(code), { keyId: 2, hash: createHmac('sha256', two).update(code).digest('base64url') });
    assert.deepEqual(
      keys.candidates(code).map((c) => c.keyId),
      [1, 2],
    );
    assert.ok(keys.matches(code, keys.candidates(code)[0]!));
    assert.ok(
      !keys.matches(code, { keyId: 2, hash: keys.candidates(code)[0]!.hash }),
      'a hash counts under its own key only',
    );
    const own = ReceiptKeys.fromEnv(`1:${two.toString('base64')}`, undefined, secret);
    assert.deepEqual(own.ids, [1]);
    assert.notEqual(own.hash(code).hash, secret.hmac(purposes.receiptCode, code));
  });
});

describe('follow-up and feedback tokens', () => {
  const secret = new ServerSecret(randomBytes(32));
  const reportId = crypto.randomUUID();

  it('hold until they expire, for their report, purpose and binding only', () => {
    const now = new Date('2026-12-10T10:00:00Z');
    const { token, expiresAt } = issueToken(secret, { reportId, purpose: 'follow-up', binding: 'h1' }, 900, now);
    assert.equal(expiresAt.toISOString(), '2026-12-10T10:15:00.000Z');
    assert.equal(tokenReportId(token, 'follow-up', now), reportId);
    assert.ok(verifyToken(secret, token, { reportId, purpose: 'follow-up', binding: 'h1' }, now));
    assert.ok(
      !verifyToken(secret, token, { reportId, purpose: 'follow-up', binding: 'h2' }, now),
      'another receipt hash',
    );
    assert.ok(!verifyToken(secret, token, { reportId, purpose: 'feedback', binding: 'h1' }, now), 'another purpose');
    assert.ok(!verifyToken(secret, token, { reportId: crypto.randomUUID(), purpose: 'follow-up', binding: 'h1' }, now));
    assert.ok(
      !verifyToken(new ServerSecret(randomBytes(32)), token, { reportId, purpose: 'follow-up', binding: 'h1' }, now),
    );
    const later = new Date(expiresAt.getTime());
    assert.ok(!verifyToken(secret, token, { reportId, purpose: 'follow-up', binding: 'h1' }, later), 'expired');
    const past = signToken(secret, { reportId, purpose: 'follow-up', binding: 'h1', expiresAt: now }).token;
    assert.ok(!verifyToken(secret, past, { reportId, purpose: 'follow-up', binding: 'h1' }, now), 'expiring now');
    assert.equal(tokenReportId('v1.x.y.z.w', 'follow-up', now), undefined);
  });
});
