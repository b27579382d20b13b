/**
 * A tenant's private settings as its admins edit them in the console: read without secrets, saved
 * whole with optimistic locking (`If-Match` on the settings' revision), validated beyond the schema
 * (OpenPGP keys that can encrypt now, the webhook rule of production, embed origins over https in
 * production), the webhook secret generated here, shown once and stored only sealed
 * (`secrets/webhook-secret.ts`), and every change audited in the
 * same transaction — by group and count, never an origin, address, URL, key or secret.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import {
  defaultMinimumCount,
  rateLimitBounds,
  tenantSettingsSchema,
  type FieldError,
  type OriginCheck,
  type SettingsInput,
  type SettingsView,
  type TenantSettings,
} from '@meldpunt/contracts';
import type { AuditActor, SettingsGroup } from '../audit/audit-entry.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database, StoredTenantSettings } from '../db/database.ts';
import { webhookUrlProblem } from '../delivery/webhook-address.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { ContactSealer } from '../secrets/contact-sealer.ts';
import { describePgpKey, pgpKeyProblem } from '../secrets/pgp-key.ts';
import { sealWebhookSecret } from '../secrets/webhook-secret.ts';

export interface PrivateSettingsDeps {
  db: Kysely<Database>;
  auditLog: AuditLog;
  /** Seals a new webhook secret before it is stored. */
  sealer: Pick<ContactSealer, 'sealText'>;
}

/**
 * The rules that differ between production and tests or the demo: `allowPrivateAddresses`
 * (`DELIVERY_ALLOW_PRIVATE_ADDRESSES`) lets webhooks and embed origins use `http:`.
 */
export interface PrivateSettingsOptions {
  allowPrivateAddresses: boolean;
}

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The tenant's settings row, with who saved last. */
async function settingsRow(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('tenant')
    .leftJoin('staff', 'staff.id', 'tenant.settings_updated_by')
    .select([
      'tenant.settings',
      'tenant.settings_revision',
      'tenant.settings_updated_at',
      'tenant.webhook_secret_created_at',
      'staff.id as updated_by_id',
      'staff.name as updated_by_name',
    ])
    .where('tenant.id', '=', tenantId)
    .executeTakeFirstOrThrow();
}

/** The settings as the console reads them: no webhook secret, PGP keys as fingerprint, user ids and expiry. */
export async function readPrivateSettings(db: Kysely<Database>, tenantId: string): Promise<SettingsView> {
  const row = await settingsRow(db, tenantId);
  const settings = row.settings;
  const email = await Promise.all(
    settings.delivery.email.map(async (r) => {
      const info = r.pgpPublicKey ? await describePgpKey(r.pgpPublicKey) : undefined;
      return {
        address: r.address,
        pgpKey: info
          ? { fingerprint: info.fingerprint, userIds: info.userIds, expiresAt: info.expiresAt?.toISOString() ?? null }
          : null,
      };
    }),
  );
  const webhook = settings.delivery.webhook;
  return {
    revision: row.settings_revision,
    updatedAt: row.settings_updated_at?.toISOString() ?? null,
    updatedBy: row.updated_by_id ? { id: row.updated_by_id, name: row.updated_by_name ?? '' } : null,
    settings: {
      allowedOrigins: settings.allowedOrigins,
      rateLimit: settings.rateLimit,
      routing: settings.routing,
      delivery: {
        email,
        webhook: webhook
          ? { url: webhook.url, secretSet: true, secretCreatedAt: row.webhook_secret_created_at?.toISOString() ?? null }
          : null,
        ...(settings.delivery.mail ? { mail: settings.delivery.mail } : {}),
      },
      figures: { minimumCount: settings.figures?.minimumCount ?? defaultMinimumCount },
    },
    rateLimitBounds: { ...rateLimitBounds },
  };
}

/** The settings' revision as an entity tag (strong, quoted). */
export function settingsEtag(revision: number): string {
  return `"settings-${revision}"`;
}

/** Whether an `If-Match` header names this revision (`*` matches any). */
export function matchesRevision(ifMatch: string, revision: number): boolean {
  if (ifMatch.trim() === '*') return true;
  return ifMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === settingsEtag(revision));
}

/**
 * Saves the settings whole when `ifMatch` names the current revision; otherwise `settings-stale` with
 * who saved last (the console shows it and keeps the admin's own input). Returns the new view, with
 * `newWebhookSecret` when one was generated (a webhook set for the first time, or a rotation asked for).
 */
export async function savePrivateSettings(
  deps: PrivateSettingsDeps,
  tenantId: string,
  input: SettingsInput,
  ifMatch: string,
  actor: AuditActor,
  options: PrivateSettingsOptions,
): Promise<SettingsView> {
  const errors = await validate(input, options);
  if (errors.length > 0) {
    throw new DomainError({ code: 'invalid-fields', errors }, 'invalid private settings');
  }
  let newSecret: string | undefined;
  await deps.auditLog.transaction(async (trx, append) => {
    const current = await trx
      .selectFrom('tenant')
      .leftJoin('staff', 'staff.id', 'tenant.settings_updated_by')
      .select(['tenant.settings', 'tenant.settings_revision', 'tenant.published_version', 'staff.name'])
      .where('tenant.id', '=', tenantId)
      .forUpdate('tenant')
      .executeTakeFirstOrThrow();
    if (!matchesRevision(ifMatch, current.settings_revision)) {
      throw new DomainError(
        { code: 'settings-stale', revision: current.settings_revision, updatedBy: current.name ?? null },
        'stale private settings',
      );
    }
    const before = current.settings;
    const oldWebhook = before.delivery.webhook;
    const webhookUrl = input.delivery.webhook?.url;
    const secretNeeded = webhookUrl !== undefined && (!oldWebhook || input.rotateWebhookSecret === true);
    newSecret = secretNeeded ? generateWebhookSecret() : undefined;
    const oldKeys = new Map(before.delivery.email.map((r) => [r.address.toLowerCase(), r.pgpPublicKey]));
    // Parsed without the webhook (its URL was checked by `validate`); its secret is sealed apart.
    const parsed: TenantSettings = tenantSettingsSchema.parse({
      allowedOrigins: [...new Set(input.allowedOrigins)],
      rateLimit: input.rateLimit,
      routing: input.routing,
      delivery: {
        email: input.delivery.email.map((r) => {
          const key = r.pgpPublicKey === undefined ? oldKeys.get(r.address.toLowerCase()) : r.pgpPublicKey;
          return { address: r.address, ...(key ? { pgpPublicKey: key } : {}) };
        }),
        ...(input.delivery.mail && Object.keys(input.delivery.mail).length > 0 ? { mail: input.delivery.mail } : {}),
      },
      // Stored only when it differs from the default, so "omitted" and "5" are the same settings.
      ...(input.figures && input.figures.minimumCount !== defaultMinimumCount ? { figures: input.figures } : {}),
    });
    const next: StoredTenantSettings = {
      ...parsed,
      delivery: { ...parsed.delivery, ...(webhookUrl !== undefined ? { webhook: { url: webhookUrl } } : {}) },
    };
    // A published form that promises follow-up needs someone to receive its reports.
    if (next.delivery.email.length === 0 && !next.delivery.webhook && current.published_version !== null) {
      const config = await trx
        .selectFrom('tenant_config_version')
        .select('config')
        .where('tenant_id', '=', tenantId)
        .where('version', '=', current.published_version)
        .executeTakeFirst();
      if (config && config.config.followUp.mode !== 'none') {
        throw new DomainError(
          {
            code: 'invalid-fields',
            errors: [
              {
                path: '/delivery',
                message:
                  'Your published form promises follow-up: keep an e-mail recipient or a webhook, or publish follow-up mode "none" first',
              },
            ],
          },
          'no delivery channel while follow-up is promised',
        );
      }
    }
    const stored = JSON.parse(JSON.stringify(next)) as StoredTenantSettings;
    const groups = changedGroups(before, stored);
    if (groups.length === 0 && !newSecret) return;
    await trx
      .updateTable('tenant')
      .set({
        settings: JSON.stringify(stored),
        settings_revision: current.settings_revision + 1,
        settings_updated_by: actor.kind === 'staff' ? actor.id : null,
        settings_updated_at: new Date(),
        updated_at: new Date(),
        ...(newSecret
          ? {
              webhook_secret_created_at: new Date(),
              webhook_secret_sealed: sealWebhookSecret(deps.sealer, tenantId, newSecret),
            }
          : {}),
        ...(!stored.delivery.webhook ? { webhook_secret_created_at: null, webhook_secret_sealed: null } : {}),
      })
      .where('id', '=', tenantId)
      .execute();
    const target = { kind: 'tenant', id: tenantId } as const;
    if (groups.length > 0) {
      await append({
        tenantId,
        actor,
        action: 'settings.changed',
        target,
        details: {
          groups,
          origins: stored.allowedOrigins.length,
          recipients: stored.delivery.email.length,
          pgpKeys: stored.delivery.email.filter((r) => r.pgpPublicKey).length,
          webhook: stored.delivery.webhook !== undefined,
        },
      });
    }
    if (newSecret) {
      await append({ tenantId, actor, action: 'webhook-secret.rotated', target, details: { first: !oldWebhook } });
    }
  });
  const view = await readPrivateSettings(deps.db, tenantId);
  return newSecret ? { ...view, newWebhookSecret: newSecret } : view;
}

/** The groups whose stored value differs (the webhook's secret counts as `webhook` only through its URL). */
function changedGroups(before: StoredTenantSettings, after: StoredTenantSettings): SettingsGroup[] {
  const groups: SettingsGroup[] = [];
  const same = (a: unknown, b: unknown) => isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), b ?? null);
  if (!same(before.allowedOrigins, after.allowedOrigins)) groups.push('allowedOrigins');
  if (!same(before.rateLimit, after.rateLimit)) groups.push('rateLimit');
  if (!same(before.routing, after.routing)) groups.push('routing');
  const addresses = (s: StoredTenantSettings) => s.delivery.email.map((r) => r.address);
  const keys = (s: StoredTenantSettings) => s.delivery.email.map((r) => r.pgpPublicKey ?? null);
  if (!same(addresses(before), addresses(after))) groups.push('email');
  if (!same(keys(before), keys(after))) groups.push('pgpKeys');
  if (!same(before.delivery.webhook?.url, after.delivery.webhook?.url ?? null)) groups.push('webhook');
  if (!same(before.delivery.mail, after.delivery.mail ?? null)) groups.push('mail');
  if (!same(before.figures, after.figures ?? null)) groups.push('figures');
  return groups;
}

/** The checks beyond the schema, each at its field's JSON Pointer. */
async function validate(input: SettingsInput, options: PrivateSettingsOptions): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  input.allowedOrigins.forEach((origin, i) => {
    if (!options.allowPrivateAddresses && origin.toLowerCase().startsWith('http:')) {
      errors.push({ path: `/allowedOrigins/${i}`, message: 'Use https: (http: pages are not allowed in production)' });
    }
  });
  const seen = new Set<string>();
  for (const [i, recipient] of input.delivery.email.entries()) {
    const address = recipient.address.toLowerCase();
    if (seen.has(address))
      errors.push({ path: `/delivery/email/${i}/address`, message: 'This address is listed twice' });
    seen.add(address);
    if (recipient.pgpPublicKey) {
      const problem = await pgpKeyProblem(recipient.pgpPublicKey);
      if (problem) errors.push({ path: `/delivery/email/${i}/pgpPublicKey`, message: problem });
    }
  }
  const webhook = input.delivery.webhook;
  if (webhook) {
    const problem = webhookUrlProblem(webhook.url, options.allowPrivateAddresses);
    if (problem) errors.push({ path: '/delivery/webhook/url', message: problem });
  }
  if (input.rotateWebhookSecret && !webhook) {
    errors.push({ path: '/rotateWebhookSecret', message: 'There is no webhook to make a new secret for' });
  }
  return errors;
}

/**
 * Whether a page of `input` (an origin as a browser sends it) may send reports to this tenant, and why
 * not: not an origin at all, a path given (an origin is only scheme, host and port), `http:` in
 * production, or not in the list. The same comparison the public API makes (`http/tenant-origin.ts`).
 */
export function checkOrigin(
  settings: Pick<TenantSettings, 'allowedOrigins'>,
  input: string,
  options: PrivateSettingsOptions,
): OriginCheck {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { origin: null, allowed: false, reason: 'not-an-origin' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    return { origin: null, allowed: false, reason: 'not-an-origin' };
  }
  const origin = url.origin;
  const bare = input.trim().replace(/\/$/, '').toLowerCase() === origin.toLowerCase();
  if (!bare) return { origin, allowed: false, reason: 'has-path' };
  if (url.protocol === 'http:' && !options.allowPrivateAddresses) {
    return { origin, allowed: false, reason: 'http-in-production' };
  }
  const listed = settings.allowedOrigins.includes(origin);
  return { origin, allowed: listed, reason: listed ? 'allowed' : 'not-listed' };
}
