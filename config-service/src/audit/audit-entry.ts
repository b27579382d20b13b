/**
 * What an audit entry may say. Every action has its own strict details schema that admits only ids,
 * role names, small enumerations and counts: there is no field a report's text, a contact detail, an
 * e-mail address or a name could be passed in, by the types or at run time (`parseAuditInput`). The
 * list is closed and shared: its names are the contracts' `auditActions` (which the console has a
 * sentence for each of); a new action is a new name there and its schema in `detailsSchemas` here — the
 * compiler refuses one without the other.
 */
import { z } from 'zod';
import {
  auditActions,
  closingReasons,
  contactRevealReasons,
  referralTargets,
  reportStatuses,
  tenantConfigObjectSchema,
  tenantRoles,
  type AuditActionName,
} from '@meldpunt/contracts';

/**
 * The staff roles (the contracts' tenant roles, plus the operator's `platform-admin`), as the audit log
 * names them in role changes and invitations.
 */
export const auditRoleNames = ['platform-admin', ...tenantRoles] as const;
export type AuditRoleName = (typeof auditRoleNames)[number];

/** An id of something (a uuid, a version number, a hash): letters, digits and `._:-`, no spaces. */
const idSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'an id: letters, digits and ._:- only');
const roles = z.array(z.enum(auditRoleNames)).max(auditRoleNames.length);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const signInMethod = z.enum(['passkey', 'sso', 'demo']);
/** The top-level parts of a tenant's config (`slug`, `texts`, `branding`, …): names, never content. */
const configTopLevelFields = Object.keys(tenantConfigObjectSchema.shape) as [string, ...string[]];
/** The groups of a tenant's private settings, as `settings.changed` names them. */
export const settingsGroups = [
  'allowedOrigins',
  'rateLimit',
  'routing',
  'email',
  'pgpKeys',
  'webhook',
  'mail',
  'figures',
] as const;
export type SettingsGroup = (typeof settingsGroups)[number];

/**
 * The details each action carries. Strict: an unknown key is refused, not dropped. Exactly one schema per
 * name of the shared list: `satisfies` refuses a missing name and (as an excess property) an extra one.
 */
const detailsSchemas = {
  /** A person signed in; the target is their new session. */
  'auth.sign-in': z.strictObject({ method: signInMethod }),
  /** A sign-in failed; no address or name is kept (an attempt must not reveal or store who was tried). */
  'auth.sign-in-failed': z.strictObject({
    method: signInMethod,
    reason: z.enum(['unknown-credential', 'invalid-response', 'expired', 'no-membership', 'rate-limited']),
  }),
  /** A person signed out, of this session or (`everywhere`) of all of theirs. */
  'auth.signed-out': z.strictObject({ everywhere: z.boolean() }),
  /** An invitation was made (the address is never logged); the target is the invitation. */
  'invitation.created': z.strictObject({ roles }),
  /** The invited person used the link; the actor is that person, the target the invitation. */
  'invitation.accepted': z.strictObject({ roles }),
  /** An invitation not yet used was withdrawn; the target is the invitation. */
  'invitation.revoked': z.strictObject({ roles }),
  /** A member's roles in the tenant changed; the target is the member. */
  'membership.roles-changed': z.strictObject({ before: roles, after: roles }),
  /** A member was removed from the tenant (their sessions end). */
  'membership.removed': z.strictObject({ roles }),
  /**
   * A configuration version was published (target the version): from the console's draft (with the
   * note's length, never its text) or by `pnpm tenant:import` (platform chain, actor `cli`).
   */
  'config.published': z.strictObject({ version: count, noteLength: count.optional() }),
  /** Someone opened one report; the target is the report. Its content is never logged. */
  'report.viewed': z.strictObject({}),
  /** Someone revealed a report's contact details; the target is the report. */
  'contact.revealed': z.strictObject({
    /** Why (issue 14: from the back office's fixed list; entries before it have none). Never the remark. */
    reason: z.enum(contactRevealReasons).optional(),
  }),
  /** An export was made: of what, in which format, how many rows. */
  'export.created': z.strictObject({
    of: z.enum(['audit-log', 'reports', 'tenant', 'figures']),
    /** `json`: the one document of a tenant export. */
    format: z.enum(['jsonl', 'csv', 'json']),
    rows: count.optional(),
  }),
  /** The platform onboarded a tenant (platform chain; target the tenant). */
  'tenant.onboarded': z.strictObject({}),
  /**
   * The platform offboarded a tenant and erased its chain (platform chain; target the tenant): how
   * many entries were erased and the head they ended at, so `audit:verify` can tell an erasure from
   * a cut-off tail.
   */
  'tenant.offboarded': z.strictObject({
    erasedEntries: count,
    erasedHeadSequence: count,
    erasedHeadHash: idSchema.nullable(),
  }),
  /** A person added a passkey (actor and chains: theirs); the target is the passkey. */
  'passkey.added': z.strictObject({}),
  /** A person removed one of their passkeys, ending the sessions it started; the target is the passkey. */
  'passkey.removed': z.strictObject({ sessionsEnded: count }),
  // ── Onboarding and offboarding (the platform operator) ──
  /** The operator marked a tenant as a demo tenant, or not (platform chain; target the tenant). */
  'tenant.demo-changed': z.strictObject({ demo: z.boolean() }),
  /**
   * A tenant export (offboarding) opened its reporters' contact details: a contact reveal, of
   * `reports` reports at once (platform chain; target the tenant). Never the details themselves.
   */
  'contacts.exported': z.strictObject({ reports: count }),
  // Single sign-on (staff/sso/): never the issuer, client id or secret, never an address.
  /** A tenant's SSO settings were saved (target the tenant): offered or not, how many domains, a new secret or not. */
  'sso.configured': z.strictObject({ enabled: z.boolean(), allowedDomains: count, secretChanged: z.boolean() }),
  /** A tenant's SSO settings were removed (target the tenant); bound identities stay, unused. */
  'sso.removed': z.strictObject({}),
  /** A person was bound to their provider's subject at their first SSO sign-in (target the person). */
  'sso.identity-bound': z.strictObject({ by: z.enum(['membership', 'invitation']) }),
  // Issue 13: the logo upload. Never the image: its size as stored (re-encoded) only.
  /** A logo was uploaded for the tenant's branding (target the tenant): bytes and pixels as stored. */
  'logo.uploaded': z.strictObject({ bytes: count, width: count, height: count }),
  // Configuration console (tenants/config-drafts.ts): never a text of the config, only where it changed.
  /**
   * A person saved the draft (target the tenant): the revision, and which top-level parts of the config
   * this save changed. Not every save: one entry per person per 10 minutes, and again at once when a
   * save touches a part their last entry did not name.
   */
  'config.draft-saved': z.strictObject({
    revision: count,
    fields: z.array(z.enum(configTopLevelFields)).max(configTopLevelFields.length),
  }),
  /** An earlier version was published again as a new one (target the new version). */
  'config.restored': z.strictObject({ version: count, fromVersion: count, noteLength: count }),
  // Private settings (tenants/private-settings.ts): never an origin, address, URL, key or secret.
  /** A tenant's private settings were saved (target the tenant): which groups changed, and how many of each now. */
  'settings.changed': z.strictObject({
    groups: z.array(z.enum(settingsGroups)).max(settingsGroups.length),
    origins: count,
    recipients: count,
    pgpKeys: count,
    webhook: z.boolean(),
  }),
  /** The service generated a webhook secret (target the tenant): the first one, or a rotation. */
  'webhook-secret.rotated': z.strictObject({ first: z.boolean() }),
  /** An admin sent a test delivery (target the tenant): to how many targets, per channel. */
  'delivery.tested': z.strictObject({ emails: count, webhooks: count }),
  // The back office (issue 14): never a note's text, a remark or anything of the report.
  /** An officer changed a report's handling (target the report): the new status and its choice, and/or whether it was (un)assigned. */
  'report.updated': z.strictObject({
    status: z.enum(reportStatuses).optional(),
    referredTo: z.enum(referralTargets).optional(),
    closingReason: z.enum(closingReasons).optional(),
    /** The officer it is now assigned to (null: unassigned). */
    assigneeId: idSchema.nullable().optional(),
  }),
  /** An officer added an internal note (target the report): its length, never its text. */
  'report.note-added': z.strictObject({ length: count }),
  /** An officer asked for a failed or retrying delivery to be sent again (target the report). */
  'delivery.retried': z.strictObject({ deliveryId: idSchema, channel: z.enum(['email', 'webhook']) }),
  /** An officer saved an inbox view for the team (target the view; never its name or filter). */
  'view.saved': z.strictObject({}),
  /** An officer deleted a saved view (target the view). */
  'view.deleted': z.strictObject({}),
  // Anonymous follow-up (issue 15): never a message's text or anything of the report.
  /** An officer wrote to the reporter (target the report): its length, and whether the status became `waiting`. */
  'report.message-sent': z.strictObject({ length: count, waitForReply: z.boolean() }),
  /**
   * The reporter withdrew the report with their receipt code (actor `system`, target the report, which
   * is deleted): nothing but that it happened.
   */
  'report.withdrawn': z.strictObject({}),
  /** The reporter erased their contact details with their receipt code (actor `system`, target the report). */
  'report.contact-erased': z.strictObject({}),
} as const satisfies Record<AuditActionName, z.ZodType>;

export type AuditAction = AuditActionName;
export type AuditDetails<A extends AuditAction> = z.output<(typeof detailsSchemas)[A]>;

/** Who did it: a staff member, the service itself, or an operator's command. */
export type AuditActor = { kind: 'staff'; id: string } | { kind: 'system' } | { kind: 'cli' };

export const auditTargetKinds = [
  'tenant',
  'staff',
  'membership',
  'invitation',
  'session',
  'passkey',
  'report',
  'config-version',
  'export',
  // Issue 14: an officer's saved inbox view.
  'saved-view',
] as const;
/** What it was done to. */
export interface AuditTarget {
  kind: (typeof auditTargetKinds)[number];
  id: string;
}

/** What a caller appends: the chain follows from `tenantId` (null: the platform chain). */
export type AuditInput = {
  [A in AuditAction]: {
    tenantId: string | null;
    /** Null only when nobody is known (a failed sign-in of an unknown credential). */
    actor: AuditActor | null;
    action: A;
    target: AuditTarget | null;
    details: AuditDetails<A>;
  };
}[AuditAction];

/** An entry as stored and read back. */
export type AuditEntry = AuditInput & {
  id: string;
  /** The tenant's id, or `platform`. */
  chain: string;
  sequence: number;
  /** ISO 8601, milliseconds, UTC. */
  occurredAt: string;
  hash: string;
};

const actorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('staff'), id: idSchema }),
  z.strictObject({ kind: z.literal('system') }),
  z.strictObject({ kind: z.literal('cli') }),
]);
const targetSchema = z.strictObject({ kind: z.enum(auditTargetKinds), id: idSchema });

/**
 * Checks an input at run time as the types do at compile time, so a cast or a plain-JavaScript caller
 * cannot slip content into the log either. Throws a `ZodError` naming the offending field.
 */
export function parseAuditInput(input: AuditInput): AuditInput {
  const base = z
    .strictObject({
      tenantId: z.uuid().nullable(),
      actor: actorSchema.nullable(),
      action: z.enum(auditActions),
      target: targetSchema.nullable(),
      details: z.unknown(),
    })
    .parse(input);
  const details = detailsSchemas[base.action].parse(base.details);
  return { ...base, details } as AuditInput;
}

/** The chain an entry of this tenant (or of the platform, null) belongs to. */
export function chainOf(tenantId: string | null): string {
  return tenantId ?? platformChain;
}

/** The name of the platform's chain. */
export const platformChain = 'platform';
