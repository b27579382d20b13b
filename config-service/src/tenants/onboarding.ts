/**
 * Onboarding a municipality (the platform operator): in ONE transaction the tenant (code, slug, name),
 * its first configuration built from the defaults and published, an invitation for its first admin
 * with the mail queued in the outbox, and the audit entries — the tenant's chain starts with
 * `tenant.onboarded`, then the invitation; the platform chain records `tenant.onboarded` too. Either
 * all of it exists afterwards or none of it.
 *
 * A new tenant forwards reports nowhere yet (no delivery address: its admin sets one); its reports are
 * kept meanwhile, and the tenant overview shows `deliveryTargets: 0`. Its widget may be embedded
 * nowhere yet either (no allowed origins) — both are private settings its admin completes.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  defaultCategoryIds,
  tenantConfigSchema,
  tenantSettingsSchema,
  type TenantConfig,
  type TenantConfigInput,
} from '@meldpunt/contracts';
import { staffT } from '@meldpunt/texts/server';
import type { Database } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import { insertInvitation, type InvitationDeps } from '../staff/invitations.ts';
import type { InvitationMailDeps } from '../staff/invitation-mail.ts';
import { findMunicipality, municipalitySlug } from './municipalities.ts';
import { insertConfigVersion, insertTenant, publishConfigVersion } from './tenant-repository.ts';

export type OnboardingDeps = Pick<InvitationDeps, 'db' | 'serverSecret' | 'auditLog'> & {
  invitationMail: InvitationMailDeps;
};

export interface OnboardingRequest {
  municipalityCode: string;
  adminEmail: string;
  demo: boolean;
  /** The operator who onboards. */
  actorId: string;
}

export interface OnboardingResult {
  tenantId: string;
  slug: string;
  name: string;
  municipalityCode: string;
  isDemo: boolean;
  invitationId: string;
  invitationExpiresAt: Date;
}

/**
 * A new municipality's first configuration: its name, Dutch and English, the default categories, the
 * national help contacts (the widget shows them for every tenant; the follow-up text names the police
 * and Victim Support), no follow-up of its own, the privacy terms of the reference tenants, and a map
 * framed on its outline.
 */
export function defaultTenantConfig(municipality: {
  code: string;
  name: string;
  slug: string;
  bounds: { south: number; west: number; north: number; east: number };
}): TenantConfig {
  const nl = staffT('nl', 'newTenant');
  const en = staffT('en', 'newTenant');
  const m = { municipality: municipality.name };
  const { south, west, north, east } = municipality.bounds;
  const padLat = (north - south) * 0.1;
  const padLng = (east - west) * 0.1;
  const input: TenantConfigInput = {
    slug: municipality.slug,
    name: nl('name', m),
    kind: 'municipality',
    municipalityCode: municipality.code,
    defaultLocale: 'nl',
    locales: ['nl', 'en'],
    branding: { primaryColor: '#1a4d8f' },
    categories: defaultCategoryIds.map((id) => ({ id })),
    followUp: {
      mode: 'none',
      response: {
        title: { nl: nl('responseTitle', m), en: en('responseTitle', m) },
        body: { nl: nl('responseBody', m), en: en('responseBody', m) },
      },
    },
    privacy: {
      statement: { nl: nl('privacy', m), en: en('privacy', m) },
      retentionMonths: 12,
      contactRetentionMonths: 1,
    },
    map: {
      center: { lat: round((south + north) / 2), lng: round((west + east) / 2) },
      zoom: 12,
      minZoom: 9,
      bounds: [
        { lat: round(south - padLat), lng: round(west - padLng) },
        { lat: round(north + padLat), lng: round(east + padLng) },
      ],
    },
    geocoding: { filter: `gemeentenaam:${municipality.name}` },
  };
  return tenantConfigSchema.parse(input);
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Onboards a municipality; refuses one that already has a tenant (`tenant-exists`) or does not exist. */
export async function onboardMunicipality(deps: OnboardingDeps, request: OnboardingRequest): Promise<OnboardingResult> {
  const result = await deps.auditLog.transaction(async (trx, append) => {
    const municipality = await findMunicipality(trx, request.municipalityCode);
    if (!municipality) {
      throw new DomainError({ code: 'unknown-municipality' }, `No municipality ${request.municipalityCode}`);
    }
    const slug = municipalitySlug(municipality.name);
    // The tenant table's unique slug and municipality code are the last word (two operators at once).
    await lockTenants(trx);
    const existing = await trx
      .selectFrom('tenant')
      .select('slug')
      .where((eb) => eb.or([eb('municipality_code', '=', municipality.code), eb('slug', '=', slug)]))
      .executeTakeFirst();
    if (existing) {
      throw new DomainError({ code: 'tenant-exists', slug: existing.slug }, `${municipality.code} has a tenant`);
    }
    const config = defaultTenantConfig({ ...municipality, slug });
    const tenantId = randomUUID();
    await insertTenant(trx, {
      id: tenantId,
      slug,
      name: config.name,
      kind: 'municipality',
      municipalityCode: municipality.code,
      isDemo: request.demo,
      settings: tenantSettingsSchema.parse({}),
    });
    await insertConfigVersion(trx, tenantId, 1, config);
    await publishConfigVersion(trx, tenantId, 1);
    const actor = { kind: 'staff', id: request.actorId } as const;
    const target = { kind: 'tenant', id: tenantId } as const;
    // The tenant's chain first (it starts here), then the platform's: the audit log's lock order.
    await append({ tenantId, actor, action: 'tenant.onboarded', target, details: {} });
    const invitation = await insertInvitation(trx, append, deps, {
      email: request.adminEmail,
      tenantId,
      roles: ['admin'],
      invitedBy: request.actorId,
    });
    await append({ tenantId: null, actor, action: 'tenant.onboarded', target, details: {} });
    return {
      tenantId,
      slug,
      name: config.name,
      municipalityCode: municipality.code,
      isDemo: request.demo,
      invitationId: invitation.id,
      invitationExpiresAt: invitation.expiresAt,
    };
  });
  deps.invitationMail.nudgeDelivery?.();
  return result;
}

/** Marks a tenant as a demo tenant or not; false when there is no such tenant. */
export async function setTenantDemo(db: Kysely<Database>, tenantId: string, demo: boolean): Promise<boolean> {
  const result = await db
    .updateTable('tenant')
    .set({ is_demo: demo, updated_at: new Date() })
    .where('id', '=', tenantId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Serialises onboardings: a transaction-scoped advisory lock, so two operators onboarding the same
 * municipality at once get one tenant and one clear `tenant-exists` (not a constraint error).
 */
async function lockTenants(trx: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('meldpunt.onboarding'))`.execute(trx);
}
