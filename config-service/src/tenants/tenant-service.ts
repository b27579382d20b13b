import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { tenantImportSchema, type TenantImport } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';
import { webhookUrlProblem } from '../delivery/webhook-address.ts';
import { checkPgpKey } from '../secrets/pgp-key.ts';
import {
  findTenantByMunicipality,
  findTenantBySlug,
  insertConfigVersion,
  insertTenant,
  latestConfigVersion,
  publishConfigVersion,
  updateTenant,
} from './tenant-repository.ts';

export interface ImportResult {
  slug: string;
  tenantId: string;
  /** `created`: new tenant; `updated`: new config version published or settings changed; `unchanged`: nothing to do. */
  outcome: 'created' | 'updated' | 'unchanged';
  version: number;
}

export interface ImportOptions {
  /**
   * Tests and the demo only (`DELIVERY_ALLOW_PRIVATE_ADDRESSES`): a webhook may use `http:` and a
   * loopback or private address. Otherwise the production rule: `https:` to a public address.
   */
  allowPrivateWebhooks?: boolean;
}

/**
 * Creates or updates a tenant from an import document (contracts' `tenantImportSchema`) and publishes
 * its config. Idempotent: importing the same document twice changes nothing the second time.
 */
export async function importTenant(
  db: Kysely<Database>,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const doc: TenantImport = tenantImportSchema.parse(input);
  await checkPgpKeys(doc);
  checkWebhook(doc, options.allowPrivateWebhooks ?? false);
  // Compare as stored: JSON drops undefined keys, jsonb forgets key order.
  const config = jsonRoundTrip(doc.config);
  const settings = jsonRoundTrip(doc.settings);
  const municipalityCode = config.municipalityCode ?? null;
  return db.transaction().execute(async (trx) => {
    const existing = await findTenantBySlug(trx, config.slug);
    if (municipalityCode) {
      const other = await findTenantByMunicipality(trx, municipalityCode, existing?.id);
      if (other) {
        throw new Error(
          `/config/municipalityCode: municipality ${municipalityCode} is already served by tenant "${other.slug}"; one tenant per municipality`,
        );
      }
    }
    if (!existing) {
      const tenantId = randomUUID();
      await insertTenant(trx, {
        id: tenantId,
        slug: config.slug,
        name: config.name,
        kind: config.kind,
        municipalityCode,
        isDemo: doc.demo,
        settings,
      });
      await insertConfigVersion(trx, tenantId, 1, config);
      await publishConfigVersion(trx, tenantId, 1);
      return { slug: config.slug, tenantId, outcome: 'created', version: 1 };
    }
    const latest = await latestConfigVersion(trx, existing.id);
    const tenantChanged =
      existing.name !== config.name ||
      existing.kind !== config.kind ||
      existing.municipality_code !== municipalityCode ||
      existing.is_demo !== doc.demo ||
      !isDeepStrictEqual(existing.settings, settings);
    const configChanged = !latest || !isDeepStrictEqual(latest.config, config);
    if (tenantChanged) {
      await updateTenant(trx, existing.id, {
        name: config.name,
        kind: config.kind,
        municipalityCode,
        isDemo: doc.demo,
        settings,
      });
    }
    if (!isDeepStrictEqual(existing.settings, settings)) {
      // An admin who read the settings before this import must not overwrite it unseen (412 in the console).
      const secretChanged = existing.settings.delivery.webhook?.secret !== settings.delivery.webhook?.secret;
      await trx
        .updateTable('tenant')
        .set((eb) => ({
          settings_revision: eb('settings_revision', '+', 1),
          settings_updated_by: null,
          settings_updated_at: new Date(),
          ...(secretChanged ? { webhook_secret_created_at: null } : {}),
        }))
        .where('id', '=', existing.id)
        .execute();
    }
    let version = existing.published_version ?? latest?.version ?? 0;
    if (configChanged) {
      version = (latest?.version ?? 0) + 1;
      await insertConfigVersion(trx, existing.id, version, config);
    }
    if (configChanged || existing.published_version !== version) {
      await publishConfigVersion(trx, existing.id, version);
    }
    const changed = tenantChanged || configChanged || existing.published_version !== version;
    return { slug: config.slug, tenantId: existing.id, outcome: changed ? 'updated' : 'unchanged', version };
  });
}

/** Every recipient's OpenPGP key must be readable and able to encrypt, or no mail could reach them. */
async function checkPgpKeys(doc: TenantImport): Promise<void> {
  for (const [i, recipient] of doc.settings.delivery.email.entries()) {
    if (!recipient.pgpPublicKey) continue;
    try {
      await checkPgpKey(recipient.pgpPublicKey);
    } catch {
      throw new Error(
        `/settings/delivery/email/${i}/pgpPublicKey: not a usable OpenPGP public key (armoured, able to encrypt, not expired)`,
      );
    }
  }
}

/** The webhook must pass the rule the console applies too (`https:` in production), or no report would reach it. */
function checkWebhook(doc: TenantImport, allowPrivate: boolean): void {
  const webhook = doc.settings.delivery.webhook;
  const problem = webhook ? webhookUrlProblem(webhook.url, allowPrivate) : undefined;
  if (problem) throw new Error(`/settings/delivery/webhook/url: ${problem}`);
}

function jsonRoundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
