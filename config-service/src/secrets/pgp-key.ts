/**
 * The OpenPGP public keys of municipal mail recipients: checked when a tenant is imported (`tenants/`)
 * and used to encrypt when a report is sent (`delivery/`). They live here, beside the other keys, so
 * that neither of those two folders has to import the other.
 */
import * as openpgp from 'openpgp';

const keys = new Map<string, Promise<openpgp.PublicKey>>();

/** Parses an armoured public key once (keys are few and reused for every report). */
export function readPublicKey(armoredKey: string): Promise<openpgp.PublicKey> {
  let key = keys.get(armoredKey);
  if (!key) {
    key = openpgp.readKey({ armoredKey });
    if (keys.size > 1000) keys.clear();
    keys.set(armoredKey, key);
    key.catch(() => keys.delete(armoredKey));
  }
  return key;
}

/** Checks that an armoured key can encrypt (used when a tenant is imported). */
export async function checkPgpKey(armoredKey: string): Promise<void> {
  const key = await openpgp.readKey({ armoredKey });
  await key.getEncryptionKey();
}

// ── Private settings in the console (issue 13) ──
/** What the console shows of a recipient's key: never the key itself. */
export interface PgpKeyInfo {
  fingerprint: string;
  userIds: string[];
  /** Null: the key does not expire. */
  expiresAt: Date | null;
}

/** Why a key cannot be used, in words an admin can act on; undefined when it can encrypt now. */
export async function pgpKeyProblem(armoredKey: string, now = new Date()): Promise<string | undefined> {
  let key: openpgp.Key;
  try {
    key = await openpgp.readKey({ armoredKey });
  } catch {
    return 'Not an OpenPGP public key: paste the whole armoured block (-----BEGIN PGP PUBLIC KEY BLOCK-----)';
  }
  if (key.isPrivate()) return 'This is a private key: never share it; paste the recipient’s public key';
  const expires = await key.getExpirationTime();
  if (expires instanceof Date && expires.getTime() <= now.getTime()) {
    return `This key expired on ${expires.toISOString().slice(0, 10)}: ask the recipient for a current one`;
  }
  try {
    await key.getEncryptionKey(undefined, now);
  } catch {
    return 'This key cannot encrypt (no valid encryption subkey)';
  }
  return undefined;
}

/** The fingerprint, user ids and expiry of a key; undefined when it does not parse. */
export async function describePgpKey(armoredKey: string): Promise<PgpKeyInfo | undefined> {
  try {
    const key = await readPublicKey(armoredKey);
    const expires = await key.getExpirationTime();
    return {
      fingerprint: key.getFingerprint().toUpperCase(),
      userIds: key.getUserIDs(),
      expiresAt: expires instanceof Date ? expires : null,
    };
  } catch {
    return undefined;
  }
}
