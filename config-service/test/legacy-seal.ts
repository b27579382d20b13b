import { createCipheriv, randomBytes } from 'node:crypto';
import type { ReportContact } from '@meldpunt/contracts';

/**
 * A contact block exactly as the first format wrote it (before key rotation): version 1, key id 1, and
 * only the report's tenant and id as associated data — the header was not authenticated. Data stored
 * like this must stay readable.
 */
export function legacyContactSeal(
  key: Buffer,
  contact: ReportContact,
  binding: { reportId: string; tenantId: string },
) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`meldpunt-contact:${binding.tenantId}:${binding.reportId}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(contact), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([1, 1]), iv, cipher.getAuthTag(), ciphertext]);
}
