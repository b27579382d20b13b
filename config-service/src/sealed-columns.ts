import { contactSealedColumn, invitationLinkSealedColumn } from './secrets/contact-sealer.ts';
import type { SealedColumn } from './secrets/reseal.ts';
import { webhookSecretSealedColumn } from './secrets/webhook-secret.ts';
import { ssoSecretSealedColumn } from './staff/sso/sso-settings.ts';

/**
 * Every database column holding values sealed with the contact key ring: what `pnpm secrets:reseal`
 * re-seals after a key rotation. A column sealed with that ring must be listed here, or rotating the
 * keys would leave its values behind under a key that is about to be removed: reporters' contact
 * details, the tenants' SSO client secrets and webhook secrets, and invitation links waiting in the outbox
 * (`delivery.sealed_link`) until their mail is sent. (The audit log, `audit_entry`, holds no contact
 * data and nothing sealed: ids, role names and counts only.)
 */
export const sealedColumns: readonly SealedColumn[] = [
  contactSealedColumn,
  invitationLinkSealedColumn,
  ssoSecretSealedColumn,
  webhookSecretSealedColumn,
];
