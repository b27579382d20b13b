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
