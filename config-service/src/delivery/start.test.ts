import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEnv } from '../env.ts';
import { workerOptions } from './start.ts';

describe('workerOptions', () => {
  it('DELIVERY_ALLOW_PRIVATE_ADDRESSES reaches the worker in test and demo mode; off unless set', () => {
    assert.equal(workerOptions(loadEnv({})).allowPrivateAddresses, false);
    assert.equal(workerOptions(loadEnv({ MELDPUNT_MODE: 'test' })).allowPrivateAddresses, false);
    for (const mode of ['test', 'demo']) {
      const env = loadEnv({ MELDPUNT_MODE: mode, DELIVERY_ALLOW_PRIVATE_ADDRESSES: 'true' }, 'cli');
      assert.equal(workerOptions(env).allowPrivateAddresses, true, mode);
    }
    // A production worker never gets it: loadEnv refuses to start.
    const production = {
      MELDPUNT_MODE: 'production',
      CONTACT_ENCRYPTION_KEYS: `1:${Buffer.alloc(32, 1).toString('base64')}`,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'Meldpunt <meldpunt@gemeente.example>',
      PUBLIC_ORIGIN: 'https://meldpunt.example',
      DELIVERY_ALLOW_PRIVATE_ADDRESSES: 'true',
    };
    assert.throws(() => loadEnv(production, 'worker'), /DELIVERY_ALLOW_PRIVATE_ADDRESSES: Not allowed in production/);
    assert.doesNotThrow(() => loadEnv({ ...production, DELIVERY_ALLOW_PRIVATE_ADDRESSES: 'false' }, 'worker'));
    // Its follow-up notices link to the hosted page and the console: a production worker needs the origin.
    const { PUBLIC_ORIGIN: _, ...withoutOrigin } = { ...production, DELIVERY_ALLOW_PRIVATE_ADDRESSES: 'false' };
    assert.throws(() => loadEnv(withoutOrigin, 'worker'), /PUBLIC_ORIGIN: Required in production/);
  });
});
