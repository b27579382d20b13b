/**
 * Staff: the people of a municipality (and the platform operator) who sign in to the console, and what
 * the auth API answers about them. The server is the authority on every rule; the console mirrors
 * `tenantRoles` only to show what a person may do.
 */
import { z } from 'zod';
import { tenantSlugSchema } from './tenant-config.ts';
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
