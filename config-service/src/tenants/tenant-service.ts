import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { tenantImportSchema, type TenantImport } from '@meldpunt/contracts';
import type { AppendAudit, AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { webhookUrlProblem } from '../delivery/webhook-address.ts';
import type { ContactSealer } from '../secrets/contact-sealer.ts';
import { checkPgpKey } from '../secrets/pgp-key.ts';
import { openWebhookSecret, sealWebhookSecret, withoutWebhookSecret } from '../secrets/webhook-secret.ts';
import { publishBlockers } from './config-checks.ts';
import { deleteDraft, publishNewVersion } from './config-draft-repository.ts';
import {
  findTenantByMunicipality,
  findTenantBySlug,
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
  /** A console draft was set aside: the import published a newer config than the one it started from. */
  draftDiscarded: boolean;
}

/** The note of a version the operator imported, in the history. */
export const importNote = 'Imported by the operator (pnpm tenant:import)';

export interface ImportOptions {
  /** Where a published import is audited (the operator's command line); absent: not audited. */
  auditLog?: AuditLog;
  /**
   * Tests and the demo only (`DELIVERY_ALLOW_PRIVATE_ADDRESSES`): a webhook may use `http:` and a
   * loopback or private address. Otherwise the production rule: `https:` to a public address.
   */
  allowPrivateWebhooks?: boolean;
  /**
   * Seals the document's webhook secret (`secrets/webhook-secret.ts`): required when the document has
   * a webhook, since the secret is never stored in plain text.
   */
  sealer?: Pick<ContactSealer, 'sealText' | 'openText'>;
}

/**
 * Creates or updates a tenant from an import document (contracts' `tenantImportSchema`) and publishes
 * its config. Idempotent: importing the same document twice changes nothing the second time.
 *
 * The same validation and versioning as the console's publish: the config must pass the publish checks
 * (`config-checks.ts`: required texts in the default language, contrast), a changed config becomes a
 * new version (note `importNote`, no publishing person), and a console draft is set aside — it started
 * from an older version, and publishing it later would silently undo the import; the editors' console
 * gets 412 on its next save with the imported config to merge into. With `auditLog` (the CLI) each
 * published version is audited in the platform chain as the operator's command (`cli`).
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
  // The webhook's secret is not part of the stored settings: it is sealed in its own column.
  const settings = withoutWebhookSecret(jsonRoundTrip(doc.settings));
  const secret = doc.settings.delivery.webhook?.secret;
  const { sealer } = options;
  if (secret !== undefined && !sealer) {
    throw new Error(
      '/settings/delivery/webhook: storing a webhook secret needs the contact key ring (CONTACT_ENCRYPTION_KEYS)',
    );
  }
  const sealSecret = async (trx: Kysely<Database>, tenantId: string) => {
    await trx
      .updateTable('tenant')
      .set({
        webhook_secret_sealed: secret !== undefined && sealer ? sealWebhookSecret(sealer, tenantId, secret) : null,
      })
      .where('id', '=', tenantId)
      .execute();
  };
  const blockers = publishBlockers(config);
  if (blockers.length > 0) {
    throw new Error(blockers.map((e) => `/config${e.path}: ${e.message}`).join('\n'));
  }
  const municipalityCode = config.municipalityCode ?? null;
  /** The secret stored now (undefined: none, or one no key of the ring opens — replaced then). */
  const storedSecret = (tenantId: string, sealed: Uint8Array | null): string | undefined => {
    if (!sealed || !sealer) return undefined;
    try {
      return openWebhookSecret(sealer, tenantId, sealed);
    } catch {
      return undefined;
    }
  };
  const work = async (trx: Kysely<Database>, append?: AppendAudit): Promise<ImportResult> => {
    const existing = await findTenantBySlug(trx, config.slug);
    if (municipalityCode) {
      const other = await findTenantByMunicipality(trx, municipalityCode, existing?.id);
      if (other) {
        throw new Error(
          `/config/municipalityCode: municipality ${municipalityCode} is already served by tenant "${other.slug}"; one tenant per municipality`,
        );
      }
    }
    const audit = async (tenantId: string, version: number) => {
      await append?.({
        tenantId: null,
        actor: { kind: 'cli' },
        action: 'config.published',
        target: { kind: 'tenant', id: tenantId },
        details: { version },
      });
    };
    const at = new Date();
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
      if (secret !== undefined) await sealSecret(trx, tenantId);
      const version = await publishNewVersion(trx, { tenantId, config, note: importNote, publishedBy: null, at });
      await audit(tenantId, version);
      return { slug: config.slug, tenantId, outcome: 'created', version, draftDiscarded: false };
    }
    await trx.selectFrom('tenant').select('id').where('id', '=', existing.id).forUpdate().execute();
    const latest = await latestConfigVersion(trx, existing.id);
    const secretChanged =
      secret === undefined
        ? existing.webhook_secret_sealed !== null
        : secret !== storedSecret(existing.id, existing.webhook_secret_sealed);
    const settingsChanged = !isDeepStrictEqual(existing.settings, settings) || secretChanged;
    const tenantChanged =
      existing.name !== config.name ||
      existing.kind !== config.kind ||
      existing.municipality_code !== municipalityCode ||
      existing.is_demo !== doc.demo ||
      settingsChanged;
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
    if (secretChanged) await sealSecret(trx, existing.id);
    if (settingsChanged) {
      // An admin who read the settings before this import must not overwrite it unseen (412 in the console).
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
    let draftDiscarded = false;
    if (configChanged) {
      version = await publishNewVersion(trx, {
        tenantId: existing.id,
        config,
        note: importNote,
        publishedBy: null,
        at,
      });
      draftDiscarded = await deleteDraft(trx, existing.id);
      await audit(existing.id, version);
    } else if (existing.published_version !== version) {
      await publishConfigVersion(trx, existing.id, version);
      await audit(existing.id, version);
    }
    const changed = tenantChanged || configChanged || existing.published_version !== version;
    return {
      slug: config.slug,
      tenantId: existing.id,
      outcome: changed ? 'updated' : 'unchanged',
      version,
      draftDiscarded,
    };
  };
  return options.auditLog
    ? options.auditLog.transaction((trx, append) => work(trx, append))
    : db.transaction().execute((trx) => work(trx));
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
