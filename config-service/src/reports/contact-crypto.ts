import { reportContactSchema, type ReportContact } from '@meldpunt/contracts';
import type { KeyRing } from '../secrets/key-ring.ts';

export interface ContactBinding {
  reportId: string;
  tenantId: string;
}

/**
 * Seals reporters' contact details with the contact key ring (AES-256-GCM, see `KeyRing`) before they
 * reach the database. The report's id and tenant are bound as associated data, so a sealed block
 * cannot be moved to another report.
 */
export class ContactSealer {
  readonly #keys: KeyRing;

  constructor(keys: KeyRing) {
    this.#keys = keys;
  }

  seal(contact: ReportContact, binding: ContactBinding): Buffer {
    return this.#keys.seal(Buffer.from(JSON.stringify(contact), 'utf8'), contactContext(binding));
  }

  open(sealed: Uint8Array, binding: ContactBinding): ReportContact {
    const plain = this.#keys.open(sealed, contactContext(binding));
    return reportContactSchema.parse(JSON.parse(plain.toString('utf8')));
  }
}

function contactContext(binding: ContactBinding): Buffer {
  return Buffer.from(`meldpunt-contact:${binding.tenantId}:${binding.reportId}`, 'utf8');
}
