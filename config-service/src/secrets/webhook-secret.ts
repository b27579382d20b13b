/**
 * A tenant's webhook secret at rest: sealed with the contact key ring (like contact details and the SSO
 * client secret) in `tenant.webhook_secret_sealed`, bound to the tenant, never in `tenant.settings`
 * (whose JSON a database dump, an export or a log line could show). Sealed where the secret is set
 * (`tenants/private-settings.ts`, `tenants/tenant-service.ts`), opened only by the delivery worker to
 * sign a webhook, re-sealed after a key rotation by `pnpm secrets:reseal` (`src/sealed-columns.ts`).
 * Here beside the key rings, so that `tenants/` (which seals) and `delivery/` (which opens) both use it
 * without importing each other.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, StoredTenantSettings } from '../db/database.ts';
import type { ContactSealer } from './contact-sealer.ts';
import type { SealedColumn } from './reseal.ts';

function webhookSecretContext(tenantId: string): Buffer {
  return Buffer.from(`meldpunt-webhook-secret:${tenantId}`, 'utf8');
}

/** `tenant.webhook_secret_sealed`, for `pnpm secrets:reseal`. */
export const webhookSecretSealedColumn: SealedColumn = {
  table: 'tenant',
  column: 'webhook_secret_sealed',
  id: 'id',
  binding: [],
  context: (row) => webhookSecretContext(String(row.id)),
};

export function sealWebhookSecret(sealer: Pick<ContactSealer, 'sealText'>, tenantId: string, secret: string): Buffer {
  return sealer.sealText(secret, webhookSecretContext(tenantId));
}

/** Opens the tenant's sealed secret; throws when no key of the ring opens it (or it belongs to another tenant). */
export function openWebhookSecret(
  sealer: Pick<ContactSealer, 'openText'>,
  tenantId: string,
  sealed: Uint8Array,
): string {
  return sealer.openText(sealed, webhookSecretContext(tenantId));
}

/**
 * Settings as `tenant.settings` stores them: the webhook with its URL only. The contracts' settings
 * (with the secret) go in; the secret is sealed apart by the caller.
 */
export function withoutWebhookSecret<S extends StoredTenantSettings>(settings: S): StoredTenantSettings {
  const { webhook, ...delivery } = settings.delivery;
  return { ...settings, delivery: { ...delivery, ...(webhook ? { webhook: { url: webhook.url } } : {}) } };
}

/**
 * Seals every webhook secret still kept in plain text in `tenant.settings` (rows from before the
 * sealed column: migration `2026-12-06T00-00-webhook-secret-sealed` added it, but a migration has no
 * keys) into `tenant.webhook_secret_sealed`, and removes it from the JSON, in one statement per tenant
 * that only applies if the row still holds that secret. Run by every process that holds the key ring
 * before it does its work — the service and the worker at start, `pnpm tenant:import`,
 * `pnpm secrets:reseal` — so the first of them to run after the upgrade leaves no plain secret behind.
 * Idempotent; returns how many it sealed.
 */
export async function sealPlaintextWebhookSecrets(
  db: Kysely<Database>,
  sealer: Pick<ContactSealer, 'sealText'>,
): Promise<number> {
  const { rows } = await sql<{ id: string; secret: string }>`
    select id, settings #>> '{delivery,webhook,secret}' as secret
    from tenant
    where settings #>> '{delivery,webhook,secret}' is not null`.execute(db);
  let sealed = 0;
  for (const row of rows) {
    const { rows: updated } = await sql`
      update tenant
      set webhook_secret_sealed = ${sealWebhookSecret(sealer, row.id, row.secret)},
          settings = settings #- '{delivery,webhook,secret}'
      where id = ${row.id} and settings #>> '{delivery,webhook,secret}' = ${row.secret}
      returning 1 as sealed`.execute(db);
    sealed += updated.length;
  }
  return sealed;
}
