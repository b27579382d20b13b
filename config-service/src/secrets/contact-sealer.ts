import { reportContactSchema, type ReportContact } from '@meldpunt/contracts';
import type { KeyRing } from './key-ring.ts';
import type { SealedColumn } from './reseal.ts';

export interface ContactBinding {
  reportId: string;
  tenantId: string;
}

/**
 * Seals reporters' contact details with the contact key ring (AES-256-GCM, see `KeyRing`) before they
 * reach the database. The report's id and tenant are bound as associated data, so a sealed block
 * cannot be moved to another report. Here beside the key rings, so that `reports/` (which seals) and
 * `delivery/` (which opens) both use it without importing each other.
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

  /**
   * Seals an invitation link for the outbox row (`delivery.sealed_link`) that mails it: the link is a
   * key to an account, so it is kept like contact details — under the same rotatable ring, bound to
   * its row — and only until the mail is sent.
   */
  sealInvitationLink(link: string, deliveryId: string): Buffer {
    return this.#keys.seal(Buffer.from(link, 'utf8'), invitationLinkContext(deliveryId));
  }

  openInvitationLink(sealed: Uint8Array, deliveryId: string): string {
    return this.#keys.open(sealed, invitationLinkContext(deliveryId)).toString('utf8');
  }

  /**
   * Seals another secret kept at rest with the same rotatable ring (a tenant's SSO client secret), so
   * one rotation and one `pnpm secrets:reseal` cover it; `context` binds it to its row.
   */
  sealText(plain: string, context: Uint8Array): Buffer {
    return this.#keys.seal(Buffer.from(plain, 'utf8'), context);
  }

  /** Opens what `sealText` sealed with the same `context`; throws when no key opens it. */
  openText(sealed: Uint8Array, context: Uint8Array): string {
    return this.#keys.open(sealed, context).toString('utf8');
  }
}

/** `report.contact_sealed`, for `pnpm secrets:reseal`. */
export const contactSealedColumn: SealedColumn = {
  table: 'report',
  column: 'contact_sealed',
  id: 'id',
  binding: ['tenant_id'],
  context: (row) => contactContext({ reportId: String(row.id), tenantId: String(row.tenant_id) }),
};

function contactContext(binding: ContactBinding): Buffer {
  return Buffer.from(`meldpunt-contact:${binding.tenantId}:${binding.reportId}`, 'utf8');
}

/** `delivery.sealed_link` (invitation mails not yet sent), for `pnpm secrets:reseal`. */
export const invitationLinkSealedColumn: SealedColumn = {
  table: 'delivery',
  column: 'sealed_link',
  id: 'id',
  binding: [],
  context: (row) => invitationLinkContext(String(row.id)),
};

function invitationLinkContext(deliveryId: string): Buffer {
  return Buffer.from(`meldpunt-invitation-link:${deliveryId}`, 'utf8');
}
