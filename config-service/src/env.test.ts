import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { isSecureOrigin, loadEnv, trustedProxiesOf } from './env.ts';

const secrets = {
  CONTACT_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`,
  SERVER_SECRET: randomBytes(32).toString('base64'),
  SMTP_URL: 'smtp://mail.example.nl:587',
  MAIL_FROM: 'Meldpunt <meldpunt@example.nl>',
};

describe('PUBLIC_ORIGIN and passkeys', () => {
  it('a production service refuses a plain-http public origin: passkeys need a secure one', () => {
    assert.throws(
      () => loadEnv({ ...secrets, PUBLIC_ORIGIN: 'http://meldpunt.example.nl' }, 'service'),
      /PUBLIC_ORIGIN: Must be https in production/,
    );
    assert.equal(
      loadEnv({ ...secrets, PUBLIC_ORIGIN: 'https://meldpunt.example.nl/' }, 'service').PUBLIC_ORIGIN,
      'https://meldpunt.example.nl',
    );
  });

  it('accepts plain http on loopback names only (browsers treat them as secure), and in demo and test modes', () => {
    for (const origin of ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787']) {
      assert.ok(isSecureOrigin(origin), origin);
      assert.doesNotThrow(() => loadEnv({ ...secrets, PUBLIC_ORIGIN: origin }, 'service'));
    }
    assert.ok(!isSecureOrigin('http://localhost.example.nl'));
    assert.doesNotThrow(() =>
      loadEnv({ ...secrets, MELDPUNT_MODE: 'test', PUBLIC_ORIGIN: 'http://meldpunt.test' }, 'service'),
    );
  });

  it('demo mode defaults to http://localhost:<port>, the rp id passkeys are bound to (not 127.0.0.1)', () => {
    assert.equal(loadEnv({ MELDPUNT_MODE: 'demo', PORT: '9123' }, 'service').PUBLIC_ORIGIN, 'http://localhost:9123');
  });
});

// Issue 15: the receipt keys.
describe('RECEIPT_CODE_KEYS', () => {
  const production = { ...secrets, PUBLIC_ORIGIN: 'https://meldpunt.example.nl' };
  const key = () => randomBytes(32).toString('base64');

  it('is optional: production needs no new variable (key 1 comes from SERVER_SECRET)', () => {
    const env = loadEnv(production, 'service');
    assert.equal(env.RECEIPT_CODE_KEYS, undefined);
  });

  it('takes a key ring of its own and a current id; refuses a bad entry, a short key or a current id not in the ring, naming no key', () => {
    const ring = `2:${key()},3:${key()}`;
    assert.equal(
      loadEnv({ ...production, RECEIPT_CODE_KEYS: ring, RECEIPT_CODE_KEY_ID: '2' }, 'service').RECEIPT_CODE_KEY_ID,
      2,
    );
    const short = randomBytes(16).toString('base64');
    for (const [settings, message] of [
      [{ RECEIPT_CODE_KEYS: 'two:abc' }, /RECEIPT_CODE_KEYS: Entry 1 is not of the form id:base64key/],
      [{ RECEIPT_CODE_KEYS: `2:${short}` }, /RECEIPT_CODE_KEYS: Key 2 is not 32 bytes/],
      [{ RECEIPT_CODE_KEYS: `2:${key()},2:${key()}` }, /RECEIPT_CODE_KEYS: Key id 2 appears more than once/],
      [
        { RECEIPT_CODE_KEYS: ring, RECEIPT_CODE_KEY_ID: '7' },
        /RECEIPT_CODE_KEYS: The current key id 7 is not in the key ring/,
      ],
      // Without a list only key 1 (derived from SERVER_SECRET) exists.
      [{ RECEIPT_CODE_KEY_ID: '2' }, /RECEIPT_CODE_KEY_ID: The current key id 2 is not in the key ring \(ids 1\)/],
    ] as const) {
      assert.throws(
        () => loadEnv({ ...production, ...settings }, 'service'),
        (error: Error) => {
          assert.match(error.message, message);
          assert.ok(!error.message.includes(short), 'the message never repeats a key');
          return true;
        },
      );
    }
  });
});

describe('trusted proxies (issue 16)', () => {
  const env = { ...secrets, PUBLIC_ORIGIN: 'https://meldpunt.example.nl' };

  it('TRUSTED_PROXIES takes IPv4 and IPv6 ranges; the client is the right-most address outside them', () => {
    const proxies = trustedProxiesOf(loadEnv({ ...env, TRUSTED_PROXIES: '10.0.0.0/8, 192.168.0.0/16,::1/128' }));
    assert.equal(proxies.clientOf('::1', '198.51.100.7, 192.168.1.1')?.address, '198.51.100.7');
    assert.equal(proxies.clientOf('203.0.113.1', '198.51.100.7')?.address, '203.0.113.1');
    const hops = trustedProxiesOf(loadEnv({ ...env, TRUSTED_PROXIES: '10.0.0.0/8', TRUSTED_PROXY_HOPS: '2' }));
    assert.equal(hops.clientOf('10.0.0.1', '198.51.100.7, 203.0.113.9')?.address, '198.51.100.7');
  });

  it('TRUST_PROXY=true still works: loopback and private ranges only; unset trusts nobody', () => {
    const legacy = trustedProxiesOf(loadEnv({ ...env, TRUST_PROXY: 'true' }));
    assert.equal(legacy.clientOf('172.16.0.1', '198.51.100.7')?.address, '198.51.100.7');
    assert.equal(legacy.clientOf('203.0.113.1', '198.51.100.7')?.address, '203.0.113.1');
    assert.equal(trustedProxiesOf(loadEnv(env)).clientOf('127.0.0.1', '198.51.100.7')?.address, '127.0.0.1');
  });

  it('a wrong range, a hop count without ranges, or both settings at once are refused by name', () => {
    assert.throws(
      () => loadEnv({ ...env, TRUSTED_PROXIES: '10.0.0.0/8,proxy.internal' }),
      /TRUSTED_PROXIES: Not an address range: proxy\.internal/,
    );
    assert.throws(() => loadEnv({ ...env, TRUSTED_PROXY_HOPS: '2' }), /TRUSTED_PROXY_HOPS: Needs TRUSTED_PROXIES/);
    assert.throws(
      () => loadEnv({ ...env, TRUST_PROXY: 'true', TRUSTED_PROXIES: '10.0.0.0/8' }),
      /TRUST_PROXY: Set TRUSTED_PROXIES or TRUST_PROXY, not both/,
    );
  });
});

describe('PROOF_MAX_NUMBER (issue 16)', () => {
  const production = { ...secrets, PUBLIC_ORIGIN: 'https://meldpunt.example.nl' };
  it('lowers the proof-of-work difficulty in test and demo mode only; production refuses it', () => {
    assert.equal(
      loadEnv({ ...production, MELDPUNT_MODE: 'test', PROOF_MAX_NUMBER: '10' }, 'service').PROOF_MAX_NUMBER,
      10,
    );
    assert.equal(loadEnv({ MELDPUNT_MODE: 'demo', PROOF_MAX_NUMBER: '10' }, 'service').PROOF_MAX_NUMBER, 10);
    assert.throws(
      () => loadEnv({ ...production, PROOF_MAX_NUMBER: '10' }, 'service'),
      /PROOF_MAX_NUMBER: Not allowed in production/,
    );
    assert.equal(loadEnv(production, 'service').PROOF_MAX_NUMBER, undefined);
  });
});
