/**
 * Staff: the people of a municipality (and the platform operator) who sign in to the console, and what
 * the auth API answers about them. The server is the authority on every rule; the console mirrors
 * `tenantRoles` only to show what a person may do.
 */
import { z } from 'zod';
import { municipalityCodeSchema, tenantSlugSchema } from './tenant-config.ts';
import { text } from './text.ts';

/**
 * A person's roles in one tenant (several at once):
 * - `admin`: members and their roles, invitations, SSO, private settings, the audit log;
 * - `editor`: edits the configuration draft;
 * - `publisher`: publishes and rolls back (and edits);
 * - `officer`: handles individual reports;
 * - `analyst`: figures only, never an individual report.
 * The platform operator (`platformAdmin`) is not a tenant role: it administers tenants, and reads no
 * single report unless it also holds `officer` in that tenant.
 */
export const tenantRoles = ['admin', 'editor', 'publisher', 'officer', 'analyst'] as const;
export const tenantRoleSchema = z.enum(tenantRoles);
export type TenantRole = z.infer<typeof tenantRoleSchema>;

/** An e-mail address as staff are known by: trimmed, lower-cased, at most 254 characters. */
export const staffEmailSchema = text()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Use an e-mail address like naam@gemeente.nl');

/** One tenant a person belongs to, with their roles there. */
export const membershipSchema = z.strictObject({
  tenant: tenantSlugSchema,
  /** The tenant's display name (its published config's name, else its slug). */
  tenantName: text().max(200),
  roles: z.array(tenantRoleSchema).min(1),
});
export type Membership = z.infer<typeof membershipSchema>;

/** `GET /api/v1/auth/me`: the signed-in person (401 problem+json without a session). */
export const meSchema = z.strictObject({
  id: text(z.uuid()),
  email: staffEmailSchema,
  name: text().max(200),
  platformAdmin: z.boolean(),
  memberships: z.array(membershipSchema),
  session: z.strictObject({
    /** When the session ends without activity (30 minutes after the last request). */
    idleExpiresAt: text(z.iso.datetime({ offset: true })),
    /** When it ends whatever happens (12 hours after sign-in). */
    absoluteExpiresAt: text(z.iso.datetime({ offset: true })),
  }),
});
export type Me = z.infer<typeof meSchema>;

/** `GET /api/v1/auth/demo` (demo mode only; 404 otherwise): the demo staff one can sign in as. */
export const demoStaffSchema = z.array(
  z.strictObject({
    email: staffEmailSchema,
    name: text().max(200),
    platformAdmin: z.boolean(),
    memberships: z.array(z.strictObject({ tenant: tenantSlugSchema, roles: z.array(tenantRoleSchema).min(1) })),
  }),
);
export type DemoStaff = z.infer<typeof demoStaffSchema>;

/** `POST /api/v1/auth/demo` (demo mode only): sign in as one of the demo staff. */
export const demoSignInSchema = z.strictObject({ email: staffEmailSchema });
export type DemoSignIn = z.infer<typeof demoSignInSchema>;

/** Roles as sent by the console: at least one, each once (duplicates are dropped). */
const rolesInputSchema = z
  .array(tenantRoleSchema)
  .min(1, 'Choose at least one role')
  .max(tenantRoles.length * 2)
  .transform((roles) => tenantRoles.filter((r) => roles.includes(r)));

/**
 * `GET /api/v1/console/tenants`: every tenant for the platform operator, the tenants of one's
 * memberships for everyone else, each with its state.
 */
export const consoleTenantSchema = z.strictObject({
  slug: tenantSlugSchema,
  name: text().max(200),
  isDemo: z.boolean(),
  /** The version the public API serves; null until the first publish. */
  publishedVersion: z.number().int().min(1).nullable(),
  /** When its last report arrived; null before the first. */
  lastReportAt: text(z.iso.datetime({ offset: true })).nullable(),
  /** Deliveries (mail, webhook) given up on: someone should look at the address or the endpoint. */
  failingDeliveries: z.number().int().min(0),
  /**
   * Where its reports are forwarded (mail addresses and webhook); 0 for a tenant not set up yet, whose
   * reports are kept but go nowhere until its admin sets a delivery address.
   */
  deliveryTargets: z.number().int().min(0),
  /** The signed-in person's roles in this tenant (empty for the operator without a membership). */
  roles: z.array(tenantRoleSchema),
});
export type ConsoleTenant = z.infer<typeof consoleTenantSchema>;
export const consoleTenantListSchema = z.array(consoleTenantSchema);

/** `GET /api/v1/console/tenants/:slug/members`: one person with their roles in that tenant. */
export const memberSchema = z.strictObject({
  id: text(z.uuid()),
  email: staffEmailSchema,
  name: text().max(200),
  roles: z.array(tenantRoleSchema).min(1),
});
export type Member = z.infer<typeof memberSchema>;
export const memberListSchema = z.array(memberSchema);

/** `PUT /api/v1/console/tenants/:slug/members/:staffId/roles`: the person's new roles (their sessions end). */
export const memberRolesInputSchema = z.strictObject({ roles: rolesInputSchema });
export type MemberRolesInput = z.input<typeof memberRolesInputSchema>;

/** `POST /api/v1/console/tenants/:slug/invitations`: invite an address with roles in the tenant. */
export const invitationInputSchema = z.strictObject({ email: staffEmailSchema, roles: rolesInputSchema });
export type InvitationInput = z.input<typeof invitationInputSchema>;

/** The answer to a new invitation: its id only, never the token (that goes only into the mail). */
export const invitationCreatedSchema = z.strictObject({ id: text(z.uuid()) });
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;

/** `GET /api/v1/console/tenants/:slug/invitations`: an invitation not yet used. */
export const invitationSchema = z.strictObject({
  id: text(z.uuid()),
  email: staffEmailSchema,
  roles: z.array(tenantRoleSchema).min(1),
  createdAt: text(z.iso.datetime({ offset: true })),
  /** 72 hours after it was made; after that the link no longer works (invite again). */
  expiresAt: text(z.iso.datetime({ offset: true })),
  expired: z.boolean(),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = z.array(invitationSchema);

// Passkeys and accepting an invitation (`/api/v1/auth/invitation`, `/api/v1/auth/passkeys…`).

/** An invitation link's token (from the link's fragment): 32 random bytes, base64url. */
const invitationTokenSchema = text().regex(/^[A-Za-z0-9_-]{43}$/, 'Not an invitation link');
/** A ceremony's `state`, as the options answer gave it. */
const ceremonyStateSchema = text().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a state this service gave');

/** `POST /api/v1/auth/invitation`: what the invitation of this token grants. */
export const invitationTokenInputSchema = z.strictObject({ token: invitationTokenSchema });
export type InvitationTokenInput = z.input<typeof invitationTokenInputSchema>;

/** The answer: the invited address, the tenant and roles (or none), the platform, until when. */
export const invitationGrantSchema = z.strictObject({
  email: staffEmailSchema,
  platformAdmin: z.boolean(),
  tenant: z.strictObject({ slug: tenantSlugSchema, name: text().max(200) }).nullable(),
  roles: z.array(tenantRoleSchema),
  expiresAt: text(z.iso.datetime({ offset: true })),
});
export type InvitationGrant = z.infer<typeof invitationGrantSchema>;

/**
 * `POST /api/v1/auth/passkeys/registration-options`: with an invitation's token (accepting it), or
 * without one when signed in (adding another passkey).
 */
export const passkeyRegistrationStartSchema = z.strictObject({ token: invitationTokenSchema.optional() });
export type PasskeyRegistrationStart = z.input<typeof passkeyRegistrationStartSchema>;

/**
 * The options for `navigator.credentials.create()`/`.get()` (WebAuthn's JSON form, as
 * `@simplewebauthn/browser` takes them) and the `state` to send back with the authenticator's answer.
 */
export const passkeyOptionsSchema = z.strictObject({
  state: ceremonyStateSchema,
  options: z.record(z.string(), z.unknown()),
});
export type PasskeyOptions = z.infer<typeof passkeyOptionsSchema>;

/** base64url, as WebAuthn's JSON form writes binary values. */
const base64url = (max: number) =>
  text()
    .regex(/^[A-Za-z0-9_-]*$/, 'Not base64url')
    .max(max);

/**
 * The client extension results a browser may add. Known ones are read; others are dropped (`z.object`
 * strips unknown keys): the service uses none of them, and refusing an authenticator for an extension
 * it reports would lock people out.
 */
const clientExtensionResultsSchema = z.object({
  credProps: z.object({ rk: z.boolean().optional() }).optional(),
  appid: z.boolean().optional(),
  hmacCreateSecret: z.boolean().optional(),
});

/** What every authenticator answer in WebAuthn's JSON form has; the service verifies the rest. */
const credentialFields = {
  id: base64url(1400).min(1),
  rawId: base64url(1400).min(1),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: clientExtensionResultsSchema,
};

/** `navigator.credentials.create()`'s answer (`RegistrationResponseJSON`). */
const registrationCredentialSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(10_000).min(1),
    attestationObject: base64url(100_000).min(1),
    authenticatorData: base64url(100_000).optional(),
    transports: z.array(text().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(10_000).optional(),
  }),
});

/** `navigator.credentials.get()`'s answer (`AuthenticationResponseJSON`). */
const authenticationCredentialSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(10_000).min(1),
    authenticatorData: base64url(100_000).min(1),
    signature: base64url(10_000).min(1),
    userHandle: base64url(1_000).optional(),
  }),
});

/** `POST /api/v1/auth/passkeys/registration`: the authenticator's answer; a label and (new people) a name. */
export const passkeyRegistrationSchema = z.strictObject({
  state: ceremonyStateSchema,
  response: registrationCredentialSchema,
  /** How the person tells this passkey apart (“Laptop”); default “Passkey n”. */
  label: text().trim().max(60).optional(),
  /** A new person's name as colleagues see it; default the invited address. Ignored for a known person. */
  name: text().trim().max(200).optional(),
});
export type PasskeyRegistration = z.input<typeof passkeyRegistrationSchema>;

/** `POST /api/v1/auth/passkeys/authentication`: the authenticator's answer to the sign-in options. */
export const passkeyAuthenticationSchema = z.strictObject({
  state: ceremonyStateSchema,
  response: authenticationCredentialSchema,
});
export type PasskeyAuthentication = z.input<typeof passkeyAuthenticationSchema>;

/** `GET /api/v1/auth/passkeys`: one of the signed-in person's passkeys. */
export const passkeySchema = z.strictObject({
  id: text(z.uuid()),
  label: text().max(60),
  createdAt: text(z.iso.datetime({ offset: true })),
  lastUsedAt: text(z.iso.datetime({ offset: true })).nullable(),
});
export type Passkey = z.infer<typeof passkeySchema>;
export const passkeyListSchema = z.array(passkeySchema);
// ── Onboarding and offboarding (the platform operator's pages) ──────────────────────────────────────

/** `GET /api/v1/console/municipalities?q=`: the name to look for (case and accents do not matter). */
export const municipalitySearchQuerySchema = z.strictObject({
  q: text().trim().min(1, 'Type part of a name').max(100),
});
export type MunicipalitySearchQuery = z.input<typeof municipalitySearchQuerySchema>;

/** One of the Netherlands' municipalities, with the slug a tenant for it gets and its tenant, if any. */
export const municipalitySchema = z.strictObject({
  /** CBS code, `GM0505`. */
  code: municipalityCodeSchema,
  name: text().max(120),
  /** Lower-case ASCII, apostrophes dropped, spaces to dashes: `s-hertogenbosch`, `sudwest-fryslan`. */
  slug: tenantSlugSchema,
  /** The slug of the tenant already serving it; null when it is not onboarded. */
  tenant: tenantSlugSchema.nullable(),
});
export type Municipality = z.infer<typeof municipalitySchema>;
export const municipalityListSchema = z.array(municipalitySchema);

/** `POST /api/v1/console/tenants`: onboard a municipality and invite its first admin. */
export const onboardingInputSchema = z.strictObject({
  municipalityCode: municipalityCodeSchema,
  adminEmail: staffEmailSchema,
  /** A demo tenant (shown as such; the demo seed's are). */
  demo: z.boolean().default(false),
});
export type OnboardingInput = z.input<typeof onboardingInputSchema>;

/** The answer to an onboarding: the new tenant and the invitation its first admin was mailed. */
export const onboardedSchema = z.strictObject({
  slug: tenantSlugSchema,
  name: text().max(200),
  municipalityCode: municipalityCodeSchema,
  isDemo: z.boolean(),
  invitationId: text(z.uuid()),
  /** When the invitation link expires (72 hours). */
  invitationExpiresAt: text(z.iso.datetime({ offset: true })),
});
export type Onboarded = z.infer<typeof onboardedSchema>;

/** `PUT /api/v1/console/tenants/:slug/demo`: mark a tenant as a demo tenant, or not. */
export const tenantDemoInputSchema = z.strictObject({ demo: z.boolean() });
export type TenantDemoInput = z.input<typeof tenantDemoInputSchema>;

/** `DELETE /api/v1/console/tenants/:slug`: the operator types the slug to confirm. */
export const offboardingInputSchema = z.strictObject({ confirmSlug: text().trim().max(63) });
export type OffboardingInput = z.input<typeof offboardingInputSchema>;
// ── Single sign-on per tenant (OpenID Connect) ──────────────────────────────────────────────────────

/** `GET /api/v1/auth/sso`: the municipalities whose staff may sign in with their own sign-in system. */
export const ssoTenantListSchema = z.array(z.strictObject({ slug: tenantSlugSchema, name: text().max(200) }));
export type SsoTenantList = z.infer<typeof ssoTenantListSchema>;

/** An e-mail domain a first SSO sign-in may come from: lower-case, like `gemeente.nl`. */
export const ssoEmailDomainSchema = text()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Use a domain like gemeente.nl');

/** `PUT /api/v1/console/tenants/:slug/sso`: the tenant's provider; the secret is write-only (omitted: kept). */
export const ssoSettingsInputSchema = z.strictObject({
  /** The provider's issuer identifier: https (http only to loopback in test and demo mode). */
  issuer: text(
    z.url({ protocol: /^https?$/, error: 'Use the address of the sign-in system, like https://login.gemeente.nl' }),
  ).max(500),
  clientId: text().trim().min(1, 'Fill in the client id').max(500),
  /** Omit (or send empty) to keep the secret already saved; required the first time. */
  clientSecret: text().max(2000).optional(),
  /** A first sign-in's verified address must be at one of these (at least one). */
  allowedEmailDomains: z.array(ssoEmailDomainSchema).min(1, 'Give at least one e-mail domain').max(20),
  /** Offered on the sign-in page. */
  enabled: z.boolean(),
});
export type SsoSettingsInput = z.input<typeof ssoSettingsInputSchema>;

/** `GET …/sso`: the redirect URI to register at the provider, and the settings (never the secret). */
export const ssoSettingsViewSchema = z.strictObject({
  redirectUri: text().max(500),
  settings: z
    .strictObject({
      issuer: text().max(500),
      clientId: text().max(500),
      clientSecretSet: z.literal(true),
      allowedEmailDomains: z.array(text().max(253)),
      enabled: z.boolean(),
      updatedAt: text(z.iso.datetime({ offset: true })),
    })
    .nullable(),
});
export type SsoSettingsView = z.infer<typeof ssoSettingsViewSchema>;
