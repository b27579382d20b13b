/**
 * A tenant's single-sign-on settings: which OpenID provider its staff may sign in with, the client
 * the municipality registered there, and the e-mail domains a first sign-in may come from. The client
 * secret is sealed at rest with the contact key ring (bound to the tenant, re-sealed by
 * `pnpm secrets:reseal`) and never leaves the service again: reading the settings says only that one
 * is set. Saving runs discovery first, so a wrong issuer is refused before anything is stored. Saving
 * and removing are audited in the tenant's chain, without the issuer, client id or secret.
 */
import type { Kysely } from 'kysely';
import type { AuditActor } from '../../audit/audit-entry.ts';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { Database } from '../../db/database.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { ContactSealer } from '../../secrets/contact-sealer.ts';
import type { SealedColumn } from '../../secrets/reseal.ts';
import { connectProvider, issuerProblem, type ProviderOptions } from './provider.ts';

/** A tenant's settings as the service uses them, the secret opened. */
export interface SsoSettings {
  tenantId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedEmailDomains: string[];
  enabled: boolean;
  updatedAt: Date;
}

/** What an admin sends; `clientSecret` undefined (or empty) keeps the one saved. */
export interface SsoSettingsChange {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  allowedEmailDomains: string[];
  enabled: boolean;
}

export interface SsoSettingsDeps {
  db: Kysely<Database>;
  auditLog: AuditLog;
  sealer: ContactSealer;
}

function secretContext(tenantId: string): Buffer {
  return Buffer.from(`meldpunt-sso-client-secret:${tenantId}`, 'utf8');
}

/** `tenant_sso.client_secret_sealed`, for `pnpm secrets:reseal`. */
export const ssoSecretSealedColumn: SealedColumn = {
  table: 'tenant_sso',
  column: 'client_secret_sealed',
  id: 'tenant_id',
  binding: [],
  context: (row) => secretContext(String(row.tenant_id)),
};

/** The tenant's settings with the secret opened, or undefined when it has none. */
export async function findSsoSettings(
  deps: Pick<SsoSettingsDeps, 'db' | 'sealer'>,
  tenantId: string,
): Promise<SsoSettings | undefined> {
  const row = await deps.db.selectFrom('tenant_sso').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return undefined;
  return {
    tenantId: row.tenant_id,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: deps.sealer.openText(row.client_secret_sealed, secretContext(row.tenant_id)),
    allowedEmailDomains: row.allowed_email_domains,
    enabled: row.enabled,
    updatedAt: row.updated_at,
  };
}

/** The settings without the secret (for the admin's page); undefined when the tenant has none. */
export async function ssoSettingsView(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('tenant_sso')
    .select(['issuer', 'client_id', 'allowed_email_domains', 'enabled', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
}

/** The tenants offering SSO now (for the sign-in page), by name. */
export function tenantsOfferingSso(db: Kysely<Database>): Promise<{ slug: string; name: string }[]> {
  return db
    .selectFrom('tenant_sso')
    .innerJoin('tenant', 'tenant.id', 'tenant_sso.tenant_id')
    .select(['tenant.slug', 'tenant.name'])
    .where('tenant_sso.enabled', '=', true)
    .orderBy('tenant.name')
    .orderBy('tenant.slug')
    .execute();
}

/**
 * Saves the tenant's settings after checking them: the issuer address (https in production), a secret
 * the first time, and discovery at the provider (`sso-discovery-failed` when it does not answer as
 * the OpenID provider it claims to be). Audited (`sso.configured`).
 */
export async function saveSsoSettings(
  deps: SsoSettingsDeps,
  tenantId: string,
  change: SsoSettingsChange,
  actor: AuditActor,
  options: ProviderOptions,
  now = new Date(),
): Promise<void> {
  const issuerError = issuerProblem(change.issuer, options);
  if (issuerError) throw invalid('issuer', issuerError);
  const newSecret = change.clientSecret ? change.clientSecret : undefined;
  const current = newSecret === undefined ? await findSsoSettings(deps, tenantId) : undefined;
  const secret = newSecret ?? current?.clientSecret;
  if (secret === undefined) throw invalid('clientSecret', 'Fill in the client secret the sign-in system gave');
  try {
    await connectProvider({ issuer: change.issuer, clientId: change.clientId, clientSecret: secret }, options);
  } catch {
    throw new DomainError({ code: 'sso-discovery-failed' }, 'SSO discovery failed');
  }
  const domains = [...new Set(change.allowedEmailDomains.map((d) => d.toLowerCase()))];
  const values = {
    issuer: change.issuer,
    client_id: change.clientId,
    client_secret_sealed: deps.sealer.sealText(secret, secretContext(tenantId)),
    allowed_email_domains: domains,
    enabled: change.enabled,
    updated_at: now,
  };
  await deps.auditLog.transaction(async (trx, append) => {
    await trx
      .insertInto('tenant_sso')
      .values({ tenant_id: tenantId, ...values })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
      .execute();
    await append({
      tenantId,
      actor,
      action: 'sso.configured',
      target: { kind: 'tenant', id: tenantId },
      details: { enabled: change.enabled, allowedDomains: domains.length, secretChanged: newSecret !== undefined },
    });
  });
}

/** Removes the tenant's settings (audited); false when it had none. Bound identities stay, unused. */
export async function removeSsoSettings(deps: SsoSettingsDeps, tenantId: string, actor: AuditActor): Promise<boolean> {
  return deps.auditLog.transaction(async (trx, append) => {
    const removed = await trx.deleteFrom('tenant_sso').where('tenant_id', '=', tenantId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await append({ tenantId, actor, action: 'sso.removed', target: { kind: 'tenant', id: tenantId }, details: {} });
    return true;
  });
}

function invalid(path: string, message: string): DomainError {
  return new DomainError({ code: 'invalid-fields', errors: [{ path, message }] }, `invalid SSO settings: ${path}`);
}
