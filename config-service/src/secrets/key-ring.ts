import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Current format: the header (version, key id) is part of the associated data. */
const formatVersion = 2;
/** The first format (key id always 1): its header was not authenticated. Still opened, never written. */
const legacyVersion = 1;
const headerLength = 2;
const ivLength = 12;
const tagLength = 16;
const keyLength = 32;

/**
 * AES-256-GCM keys by id (1–255): every key opens, the current one seals. A sealed value carries the
 * id of the key that sealed it, so keys can rotate: add a new key as current, re-seal what the old one
 * sealed (`pnpm secrets:reseal`), then drop the old key.
 *
 * Sealed layout: version (1 byte) | key id (1 byte) | IV (12) | auth tag (16) | ciphertext.
 * Associated data: the header (version and key id) followed by the caller's context — what the value
 * belongs to (e.g. the report's tenant and id), so it cannot be moved to another row or relabelled.
 */
export class KeyRing {
  /** The id of the key that seals. */
  readonly currentId: number;
  readonly #keys: ReadonlyMap<number, Buffer>;

  /** `currentId` defaults to the highest id. Throws on a bad id, a duplicate id or a key that is not 32 bytes. */
  constructor(keys: Iterable<readonly [number, Uint8Array]>, currentId?: number) {
    const ring = keysById(keys, currentId);
    this.#keys = ring.keys;
    this.currentId = ring.currentId;
  }

  /**
   * Parses `id:base64key,id:base64key,…` (the form of `CONTACT_ENCRYPTION_KEYS`). Errors name the
   * entry and id, never a key.
   */
  static parse(text: string, currentId?: number): KeyRing {
    return new KeyRing(parseKeyList(text), currentId);
  }

  /** The ids in the ring, ascending. */
  get ids(): number[] {
    return [...this.#keys.keys()].sort((a, b) => a - b);
  }

  /** The two header bytes a value sealed now starts with; anything else needs re-sealing. */
  get currentHeader(): Buffer {
    return Buffer.from([formatVersion, this.currentId]);
  }

  /** Seals `plaintext` under the current key, bound to `context`. */
  seal(plaintext: Uint8Array, context: Uint8Array): Buffer {
    const header = this.currentHeader;
    const key = this.#keys.get(this.currentId);
    if (!key) throw new Error('The current key is not in the key ring'); // the constructor makes sure it is
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength });
    cipher.setAAD(Buffer.concat([header, context]));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]);
  }

  /** Opens a value sealed by any key in the ring (either format); throws if it was changed or moved. */
  open(sealed: Uint8Array, context: Uint8Array): Buffer {
    const data = Buffer.from(sealed);
    if (data.length < headerLength + ivLength + tagLength) throw new Error('The sealed value is too short');
    const { version, keyId } = sealedWith(data);
    if (version !== formatVersion && version !== legacyVersion) throw new Error(`Unknown seal format ${version}`);
    const key = this.#keys.get(keyId);
    if (!key) throw new Error(`Sealed with key ${keyId}, which is not in the key ring`);
    const iv = data.subarray(headerLength, headerLength + ivLength);
    const tag = data.subarray(headerLength + ivLength, headerLength + ivLength + tagLength);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength });
    decipher.setAAD(version === legacyVersion ? context : Buffer.concat([data.subarray(0, headerLength), context]));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data.subarray(headerLength + ivLength + tagLength)), decipher.final()]);
  }

  /** Whether a value is sealed in the current format under the current key. */
  isCurrent(sealed: Uint8Array): boolean {
    return sealed.length >= headerLength && this.currentHeader.equals(sealed.subarray(0, headerLength));
  }
}

/** The format version and key id a sealed value says it has (unauthenticated until it is opened). */
export function sealedWith(sealed: Uint8Array): { version: number; keyId: number } {
  return { version: sealed[0] ?? 0, keyId: sealed[1] ?? 0 };
}

/**
 * 32-byte keys by id (1–255) and the current id (default: the highest), checked: a bad or duplicate id,
 * a key that is not 32 bytes, an empty ring or a current id outside it throw. Shared by every ring of
 * keys from the environment (contact keys here, receipt keys in `follow-up/receipt-keys.ts`).
 */
export function keysById(
  keys: Iterable<readonly [number, Uint8Array]>,
  currentId?: number,
): { keys: ReadonlyMap<number, Buffer>; currentId: number } {
  const ring = new Map<number, Buffer>();
  for (const [id, key] of keys) {
    if (!Number.isInteger(id) || id < 1 || id > 255)
      throw new Error(`Key id ${id} is not a whole number from 1 to 255`);
    if (ring.has(id)) throw new Error(`Key id ${id} appears more than once`);
    if (key.length !== keyLength) throw new Error(`Key ${id} is not 32 bytes (it must be base64 of 32 random bytes)`);
    ring.set(id, Buffer.from(key));
  }
  if (ring.size === 0) throw new Error('The key ring has no keys');
  const current = currentId ?? Math.max(...ring.keys());
  if (!ring.has(current)) {
    throw new Error(`The current key id ${current} is not in the key ring (ids ${[...ring.keys()].join(', ')})`);
  }
  return { keys: ring, currentId: current };
}

/** `id:base64key,id:base64key,…` as pairs; errors name the entry, never a key. */
export function parseKeyList(text: string): [number, Buffer][] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, index): [number, Buffer] => {
      const [, id, key] = /^(\d{1,3}):([A-Za-z0-9+/]+={0,2})$/.exec(entry) ?? [];
      if (id === undefined || key === undefined) {
        throw new Error(`Entry ${index + 1} is not of the form id:base64key (id 1–255)`);
      }
      return [Number(id), Buffer.from(key, 'base64')];
    });
}
