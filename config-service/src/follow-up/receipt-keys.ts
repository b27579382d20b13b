import { createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { receiptAlphabet, receiptCodeLength } from '@meldpunt/contracts';
import { keysById, parseKeyList } from '../secrets/key-ring.ts';
import { purposes, type ServerSecret } from '../secrets/server-secret.ts';

/**
 * Receipt codes (issue 15) and the keys that hash them. The code is 80 random bits in Crockford base32;
 * the database holds only `HMAC-SHA256(key, code)` and the id of the key, so a dump alone neither finds
 * a report by its code nor gives a report's code. The keys are never in the database: they come from
 * `RECEIPT_CODE_KEYS`, or — without it — key 1 is derived from `SERVER_SECRET`.
 */

/** The id of the key derived from `SERVER_SECRET` (the only key when `RECEIPT_CODE_KEYS` is unset). */
export const derivedReceiptKeyId = 1;

/** A new receipt code: 10 random bytes (80 bits) as 16 characters of Crockford base32, normalised (no hyphens). */
export function newReceiptCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      code += receiptAlphabet[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (code.length !== receiptCodeLength) throw new Error('A receipt code has 16 characters'); // 80 / 5
  return code;
}

/** What `report` stores of a receipt code: the key's id and the code's keyed hash under it. */
export interface ReceiptHash {
  keyId: number;
  hash: string;
}

/**
 * The receipt keys by id (1–255): the current one hashes new codes; a typed code is hashed under every
 * key, so a code hashed before a rotation is still found. (A code cannot be re-hashed under a new key —
 * the service never has it again — so an old key stays until the reports it hashed are gone.)
 */
export class ReceiptKeys {
  /** The id of the key that hashes new codes. */
  readonly currentId: number;
  /** As key objects: an HMAC under one costs a fifth of one under the raw bytes. */
  readonly #keys: ReadonlyMap<number, KeyObject>;

  /** `currentId` defaults to the highest id. Throws on a bad or duplicate id, or a key that is not 32 bytes. */
  constructor(keys: Iterable<readonly [number, Uint8Array]>, currentId?: number) {
    const ring = keysById(keys, currentId);
    this.#keys = new Map([...ring.keys].map(([id, key]) => [id, createSecretKey(key)]));
    this.currentId = ring.currentId;
  }

  /**
   * The ring from the environment: `RECEIPT_CODE_KEYS` (`id:base64key,…`, as `CONTACT_ENCRYPTION_KEYS`)
   * and `RECEIPT_CODE_KEY_ID`. Key 1 is the one derived from `SERVER_SECRET` unless the list names an id
   * 1 of its own — so moving from the default to keys of one's own orphans no code: add `2:<new key>`,
   * and key 1 keeps finding the codes it hashed. Errors name the entry and id, never a key.
   */
  static fromEnv(
    text: string | undefined,
    currentId: number | undefined,
    secret: Pick<ServerSecret, 'deriveKey'>,
  ): ReceiptKeys {
    const listed = text === undefined ? [] : parseKeyList(text);
    const keys = listed.some(([id]) => id === derivedReceiptKeyId)
      ? listed
      : [[derivedReceiptKeyId, secret.deriveKey(purposes.receiptCode)] as const, ...listed];
    return new ReceiptKeys(keys, currentId);
  }

  /** The ids in the ring, ascending. */
  get ids(): number[] {
    return [...this.#keys.keys()].sort((a, b) => a - b);
  }

  /** The normalised code's hash under the current key: what a new report stores. */
  hash(code: string): ReceiptHash {
    return { keyId: this.currentId, hash: this.#hmac(this.currentId, code) };
  }

  /** The normalised code's hash under every key: one of them is the stored one, if the code is anyone's. */
  candidates(code: string): ReceiptHash[] {
    return this.ids.map((keyId) => ({ keyId, hash: this.#hmac(keyId, code) }));
  }

  /** Whether `stored` is the code's hash under the key it names, compared in constant time. */
  matches(code: string, stored: ReceiptHash): boolean {
    if (!this.#keys.has(stored.keyId)) return false;
    const expected = Buffer.from(this.#hmac(stored.keyId, code));
    const actual = Buffer.from(stored.hash);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  #hmac(keyId: number, code: string): string {
    const key = this.#keys.get(keyId);
    if (!key) throw new Error(`No receipt key ${keyId}`);
    return createHmac('sha256', key).update(code, 'utf8').digest('base64url');
  }
}

/** `id:base64key,id:base64key,…` as pairs; errors name the entry, never a key. */
/** Receipt keys per server secret, for apps built without `receiptKeys` (tests, benchmarks): key 1 only. */
const derivedRings = new WeakMap<object, ReceiptKeys>();

/** The ring an app uses: the one it was given, else the one derived from its server secret. */
export function receiptKeysOf(deps: {
  receiptKeys?: ReceiptKeys;
  serverSecret: Pick<ServerSecret, 'deriveKey'>;
}): ReceiptKeys {
  if (deps.receiptKeys) return deps.receiptKeys;
  let ring = derivedRings.get(deps.serverSecret);
  if (!ring) derivedRings.set(deps.serverSecret, (ring = ReceiptKeys.fromEnv(undefined, undefined, deps.serverSecret)));
  return ring;
}
