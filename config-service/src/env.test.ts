import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { isSecureOrigin, loadEnv } from './env.ts';

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
