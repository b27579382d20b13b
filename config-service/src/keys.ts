import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from './env.ts';
import type { Logger } from './logger.ts';

/**
 * The AES-256-GCM key for contact details: from `CONTACT_ENCRYPTION_KEY`, or — outside production —
 * generated once into the data folder, with a warning, so a newcomer needs no set-up.
 */
export function loadContactKey(env: Env, logger: Logger): Buffer {
  if (env.CONTACT_ENCRYPTION_KEYS) return decodeKey(env.CONTACT_ENCRYPTION_KEYS.split(',')[0]!.split(':')[1] ?? '');
  if (!env.demo) throw new Error('CONTACT_ENCRYPTION_KEY is required in production');
  const file = join(env.DATA_DIR, 'contact-encryption.key');
  if (!existsSync(file)) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  logger.warn(
    { file },
    'Using a development contact encryption key from the data folder; set CONTACT_ENCRYPTION_KEY (base64 of 32 random bytes) in production',
  );
  return decodeKey(readFileSync(file, 'utf8').trim());
}

function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('CONTACT_ENCRYPTION_KEY must be base64 of exactly 32 bytes');
  return key;
}
