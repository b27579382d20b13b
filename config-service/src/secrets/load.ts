import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import { KeyRing } from './key-ring.ts';
import { ServerSecret } from './server-secret.ts';

/**
 * The contact key ring from `CONTACT_ENCRYPTION_KEYS` (and `CONTACT_ENCRYPTION_KEY_ID`). In demo mode
 * without it: one key (id 1) generated once into the data folder, with a warning, so a newcomer needs
 * no set-up. Outside demo mode the keys come from the environment only.
 */
export function loadContactKeys(env: Env, logger: Logger): KeyRing {
  if (env.CONTACT_ENCRYPTION_KEYS) return KeyRing.parse(env.CONTACT_ENCRYPTION_KEYS, env.CONTACT_ENCRYPTION_KEY_ID);
  if (!env.demo) throw new Error('CONTACT_ENCRYPTION_KEYS is required outside demo mode');
  const { file, value } = demoSecret(env.DATA_DIR, 'contact-encryption.key');
  logger.warn(
    { file },
    'Demo mode: contact details are sealed with a key from the data folder; outside demo mode set CONTACT_ENCRYPTION_KEYS (1:<base64 of 32 random bytes>)',
  );
  return new KeyRing([[1, value]], env.CONTACT_ENCRYPTION_KEY_ID);
}

/**
 * The server secret from `SERVER_SECRET`. In demo mode without it: generated once into the data
 * folder, with a warning. Outside demo mode it comes from the environment only.
 */
export function loadServerSecret(env: Env, logger: Logger): ServerSecret {
  if (env.SERVER_SECRET) return ServerSecret.fromBase64(env.SERVER_SECRET);
  if (!env.demo) throw new Error('SERVER_SECRET is required outside demo mode');
  const { file, value } = demoSecret(env.DATA_DIR, 'server-secret.key');
  logger.warn(
    { file },
    'Demo mode: keyed hashes use a server secret from the data folder; outside demo mode set SERVER_SECRET (base64 of 32 random bytes)',
  );
  return new ServerSecret(value);
}

/**
 * 32 random bytes kept in `dataDir/name` (base64, readable by the owner only): made on first use,
 * read ever after. Written to a temporary file and linked into place, so two processes starting at
 * once end up with the same secret and never read a half-written file.
 */
function demoSecret(dataDir: string, name: string): { file: string; value: Buffer } {
  const file = join(dataDir, name);
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return { file, value: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64') };
}
