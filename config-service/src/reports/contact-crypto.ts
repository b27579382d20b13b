import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { reportContactSchema, type ReportContact } from '@meldpunt/contracts';

const formatVersion = 1;
const ivLength = 12;
const tagLength = 16;

/**
 * Seals reporters' contact details with AES-256-GCM before they reach the database.
 * Layout: version (1 byte) | key id (1 byte) | IV (12) | auth tag (16) | ciphertext.
 * The report's id and tenant are bound as associated data, so a sealed block cannot be moved to another report.
 */
export class ContactSealer {
  readonly #key: Buffer;
  readonly #keyId: number;

  constructor(key: Buffer, keyId = 1) {
    if (key.length !== 32) throw new Error('The contact encryption key must be 32 bytes (base64 of 32 random bytes)');
    this.#key = key;
    this.#keyId = keyId;
  }

  seal(contact: ReportContact, binding: { reportId: string; tenantId: string }): Buffer {
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(aad(binding));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(contact), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([formatVersion, this.#keyId]), iv, cipher.getAuthTag(), ciphertext]);
  }

  open(sealed: Uint8Array, binding: { reportId: string; tenantId: string }): ReportContact {
    const data = Buffer.from(sealed);
    if (data[0] !== formatVersion || data[1] !== this.#keyId) throw new Error('Unknown contact seal version or key');
    const iv = data.subarray(2, 2 + ivLength);
    const tag = data.subarray(2 + ivLength, 2 + ivLength + tagLength);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
    decipher.setAAD(aad(binding));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(data.subarray(2 + ivLength + tagLength)), decipher.final()]);
    return reportContactSchema.parse(JSON.parse(plain.toString('utf8')));
  }
}

function aad(binding: { reportId: string; tenantId: string }): Buffer {
  return Buffer.from(`meldpunt-contact:${binding.tenantId}:${binding.reportId}`, 'utf8');
}
