/**
 * Why domain code refuses what it was asked to do. Services throw a `DomainError` and know nothing of
 * HTTP; `http/problem.ts` answers each code with its status and problem+json, in one place, so the
 * same refusal reads the same wherever it comes from (the widget's API now, the staff apps later).
 */
import type { DraftConflict, FieldError } from '@meldpunt/contracts';

/** One refusal per code, with what its answer needs. */
export type Refusal =
  /** The report does not fit the tenant's configuration; `errors` name the fields. */
  | { code: 'invalid-fields'; errors: FieldError[] }
  /** The report's point lies in no municipality of the Netherlands. */
  | { code: 'outside-netherlands' }
  /** The idempotency key was used before for another report body. */
  | { code: 'idempotency-key-reused' }
  /** Too many reports from this client for now; it may try again after `retryAfterSeconds`. */
  | { code: 'too-many-reports'; retryAfterSeconds: number }
  // Proof of work (issue 16, proof/): a report carries a solved challenge, each usable once.
  /** The report carries no `Meldpunt-Proof` header. */
  | { code: 'proof-required' }
  /** The proof is not one of ours: unreadable, a forged or altered challenge, a wrong solution, another tenant's. */
  | { code: 'proof-invalid' }
  /** The challenge's few minutes are over: fetch a new one. */
  | { code: 'proof-expired' }
  /** The challenge was used for a report before: each one is good for one report. */
  | { code: 'proof-replayed' }
  /** The challenge was made before the tenant's difficulty rose (a flood): fetch a new, harder one. */
  | { code: 'proof-outdated' }
  // Anonymous follow-up by receipt code (issue 15, follow-up/):
  /** No report answers to this receipt code: ill-formed, unknown, withdrawn or deleted all read the same. */
  | { code: 'receipt-code-unknown' }
  /** Too many failed receipt-code look-ups from this client; it may try again after `retryAfterSeconds`. */
  | { code: 'too-many-attempts'; retryAfterSeconds: number }
  /** The follow-up or feedback token is missing, forged, expired or no longer the report's (a new code, a withdrawal). */
  | { code: 'follow-up-token-invalid' }
  /** The report is closed: it takes no more replies. */
  | { code: 'report-closed' }
  /** Feedback of the moment `closed` before the report is closed. */
  | { code: 'report-not-closed' }
  /** The change would leave a tenant without an admin, so nobody could manage its members any more. */
  | { code: 'last-admin' }
  // Onboarding and offboarding (the platform operator):
  /** The municipality already has a tenant (`slug`): one tenant per municipality. */
  | { code: 'tenant-exists'; slug: string }
  /** No municipality with this code in the areas in force. */
  | { code: 'unknown-municipality' }
  /** A tenant is deleted only after a complete export of it in the last 24 hours. */
  | { code: 'export-required' }
  /** The slug typed to confirm a deletion is not the tenant's. */
  | { code: 'confirmation-mismatch' }
  /** The SSO issuer did not answer its OpenID discovery (unreachable, not OpenID, another issuer). */
  | { code: 'sso-discovery-failed' }
  // Issue 13: the logo upload.
  /** The upload is not a PNG, JPEG or WebP image by its content (an SVG, a text file, a broken image). */
  | { code: 'logo-not-an-image' }
  /** The upload's header declares more pixels than `maxPixels` (a decompression bomb): never decoded. */
  | { code: 'logo-too-many-pixels'; maxPixels: number }
  // Configuration console (tenants/config-drafts.ts):
  /** The draft was saved (or published) by someone else since this `If-Match`: the draft as it is now. */
  | { code: 'draft-stale'; current: DraftConflict['current']; lastChange: DraftConflict['lastChange'] }
  /** The config may not be published: a required text missing in the default language, a contrast… */
  | { code: 'not-publishable'; errors: FieldError[] }
  /** The tenant has no config version with this number. */
  | { code: 'unknown-version' }
  // Private settings and the test delivery (issue 13):
  /** The settings were saved by someone else since they were read (`If-Match` names an old revision). */
  | { code: 'settings-stale'; revision: number; updatedBy: string | null }
  /** The tenant asked for too many test deliveries; again after `retryAfterSeconds`. */
  | { code: 'too-many-test-deliveries'; retryAfterSeconds: number }
  /** A test delivery needs at least one e-mail recipient or a webhook to go to. */
  | { code: 'no-delivery-targets' }
  // The back office (issue 14, reports/):
  /** No report with this id in the tenant (another tenant's reads the same). */
  | { code: 'unknown-report' }
  /** The report changed since it was read (`If-Match` names an old revision). */
  | { code: 'report-stale'; revision: number }
  /** The workflow does not allow this move of status (contracts' `canMove`). */
  | { code: 'status-move-not-allowed'; from: string; to: string }
  /** A report is assigned to officers of its tenant only. */
  | { code: 'not-an-officer' }
  /** Retention erased the report's contact details: gone for good. */
  | { code: 'contact-erased' }
  /** The reporter gave no contact details. */
  | { code: 'no-contact' }
  // Anonymous follow-up, the officer's side (issue 15):
  /** The reporter holds no receipt code, so a message could never reach them. */
  | { code: 'no-follow-up-channel' }
  /** The reporter withdrew the report with their receipt code: it is deleted, only when is left. */
  | { code: 'report-withdrawn'; withdrawnAt: string }
  /** No delivery with this id of this report. */
  | { code: 'unknown-delivery' }
  /** Only a failed or retrying delivery is sent again. */
  | { code: 'delivery-not-retryable'; status: string }
  /** The team already has a saved view by this name. */
  | { code: 'view-name-taken' }
  /** No saved view with this id in the tenant. */
  | { code: 'unknown-view' };

export type RefusalCode = Refusal['code'];

/** A refusal thrown by domain code. The message is for logs and tests; people read the mapped answer. */
export class DomainError extends Error {
  readonly refusal: Refusal;

  constructor(refusal: Refusal, message: string) {
    super(message);
    this.name = 'DomainError';
    this.refusal = refusal;
  }

  get code(): RefusalCode {
    return this.refusal.code;
  }
}
