/**
 * The closed list of audit actions by name: what the service may write to the log (each with its own
 * strict details schema in `config-service/src/audit/audit-entry.ts`, whose keys must be exactly these)
 * and what the console has a sentence and a filter label for (`admin.audit.actions.<name>`).
 *
 * A module of its own, without zod, with its own export (`@meldpunt/contracts/audit-actions`, like
 * `./limits`): the console imports only types from the package's main entry, and this list is the one
 * value it needs, so importing it does not bring the schemas (and zod) into its bundle.
 */
export const auditActions = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.signed-out',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'membership.roles-changed',
  'membership.removed',
  'config.published',
  'report.viewed',
  'contact.revealed',
  'export.created',
  'tenant.onboarded',
  'tenant.offboarded',
  'passkey.added',
  'passkey.removed',
  'tenant.demo-changed',
  'contacts.exported',
  'sso.configured',
  'sso.removed',
  'sso.identity-bound',
  // Issue 13: the logo upload.
  'logo.uploaded',
  // Configuration console (drafts, versions)
  'config.draft-saved',
  'config.restored',
  // Private settings and the test delivery (issue 13):
  'settings.changed',
  'webhook-secret.rotated',
  'delivery.tested',
  // The back office (issue 14):
  'report.updated',
  'report.note-added',
  'delivery.retried',
  'view.saved',
  'view.deleted',
  // Anonymous follow-up (issue 15):
  'report.message-sent',
  'report.withdrawn',
  'report.contact-erased',
] as const;

/** One action of the closed list. */
export type AuditActionName = (typeof auditActions)[number];

/** Whether `action` (e.g. from an entry read back, or a URL) is one of the list. */
export function isAuditActionName(action: string): action is AuditActionName {
  return (auditActions as readonly string[]).includes(action);
}
