import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { purposes } from './server-secret.ts';
import { loadContactKeys, loadServerSecret } from './load.ts';

describe('loading the secrets', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'meldpunt-secrets-'));
    dirs.push(dir);
    return dir;
  };
  const capture = () => {
    const lines: string[] = [];
    return { lines, logger: createLogger('info', { write: (line: string) => void lines.push(line) }) };
  };

  it('demo mode: generated into DATA_DIR once (owner-only files), with a warning, and the same ever after', () => {
    const dir = dataDir();
    const env = loadEnv({ MELDPUNT_MODE: 'demo', DATA_DIR: dir }, 'service');
    const { lines, logger } = capture();
    const keys = loadContactKeys(env, logger);
    const secret = loadServerSecret(env, logger);
    assert.deepEqual(readdirSync(dir).sort(), ['contact-encryption.key', 'server-secret.key']);
    for (const file of readdirSync(dir)) assert.equal(statSync(join(dir, file)).mode & 0o777, 0o600);
    assert.equal(lines.filter((l) => JSON.parse(l).level === 40).length, 2, 'one warning per generated secret');

    const context = Buffer.from('ctx');
    const again = loadContactKeys(env, logger);
    assert.deepEqual(again.ids, [1]);
    assert.equal(again.open(keys.seal(Buffer.from('x'), context), context).toString(), 'x');
    assert.equal(loadServerSecret(env, logger).hmac(purposes.requestHash, 'x'), secret.hmac(purposes.requestHash, 'x'));
  });

  it('outside demo mode: from the environment only — nothing is generated', () => {
    const dir = dataDir();
    const env = loadEnv({ MELDPUNT_MODE: 'test', DATA_DIR: dir }, 'cli');
    const { logger } = capture();
    assert.throws(() => loadContactKeys(env, logger), /CONTACT_ENCRYPTION_KEYS is required outside demo mode/);
    assert.throws(() => loadServerSecret(env, logger), /SERVER_SECRET is required outside demo mode/);
    assert.deepEqual(readdirSync(dir), []);

    const configured = loadEnv(
      {
        MELDPUNT_MODE: 'demo',
        DATA_DIR: dir,
        CONTACT_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')},4:${randomBytes(32).toString('base64')}`,
        SERVER_SECRET: randomBytes(48).toString('base64'),
      },
      'service',
    );
    assert.equal(loadContactKeys(configured, logger).currentId, 4);
    loadServerSecret(configured, logger);
    assert.deepEqual(readdirSync(dir), [], 'set secrets win, even in demo mode');
  });

  it('a malformed key ring or server secret is an invalid environment, and the message repeats no key', () => {
    const key = randomBytes(32).toString('base64');
    const invalid = (source: Record<string, string>) => {
      try {
        loadEnv({ MELDPUNT_MODE: 'test', ...source }, 'cli');
      } catch (error) {
        const message = (error as Error).message;
        assert.ok(!message.includes(key), 'the message repeats a key');
        return message;
      }
      assert.fail('accepted');
    };
    assert.match(
      invalid({ CONTACT_ENCRYPTION_KEYS: `1:${key},1:${key}` }),
      /CONTACT_ENCRYPTION_KEYS: Key id 1 appears/,
    );
    assert.match(
      invalid({ CONTACT_ENCRYPTION_KEYS: `1:${key}`, CONTACT_ENCRYPTION_KEY_ID: '2' }),
      /CONTACT_ENCRYPTION_KEYS: The current key id 2 is not in the key ring/,
    );
    assert.match(
      invalid({ SERVER_SECRET: key.slice(0, 20) }),
      /SERVER_SECRET: The server secret must be at least 32 bytes/,
    );
  });
});
