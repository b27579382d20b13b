import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ClosingReason,
  ReferralTarget,
  ReportStatus,
  TenantConfig,
  TenantRole,
  TenantSettings,
} from '@meldpunt/contracts';

/**
 * A tenant's private settings as stored in `tenant.settings`: the contracts' `TenantSettings` without the
 * webhook's secret, which is sealed in `tenant.webhook_secret_sealed` (`tenants/webhook-secret.ts`).
 */
export type StoredTenantSettings = Omit<TenantSettings, 'delivery'> & {
  delivery: Omit<TenantSettings['delivery'], 'webhook'> & { webhook?: { url: string } };
};

/** A `timestamptz` column: read as a Date, written as a Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `timestamptz` column the database fills in on insert. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TenantTable {
  id: string;
  slug: string;
  name: string;
  kind: 'municipality' | 'national';
  is_demo: boolean;
  /**
   * Private settings (contracts' `tenantSettingsSchema`) without the webhook secret: never sent to a
   * browser. (Rows from before migration 2026-12-06T00-00 kept the secret here, until the service, the
   * worker, `pnpm tenant:import` or `pnpm secrets:reseal` sealed it: `sealPlaintextWebhookSecrets`.)
   */
  settings: ColumnType<StoredTenantSettings, string, string>;
  /** CBS code of the municipality this tenant serves (`GM0505`); null for the national tenant. */
  municipality_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** Version of `tenant_config_version` the public API serves; null until first published. */
  published_version: number | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  // Private settings edited in the console (issue 13):
  /** The settings' version an admin's `If-Match` names; one up on every save. */
  settings_revision: ColumnType<number, number | undefined, number>;
  /** Who saved the settings last in the console (null: imported, or that person is gone). */
  settings_updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  settings_updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the service generated the current webhook secret (null: none, or imported with the document). */
  webhook_secret_created_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /**
   * The webhook's Standard Webhooks secret, sealed with the contact key ring and bound to the tenant
   * (`tenants/webhook-secret.ts`); null without a webhook. Re-sealed by `pnpm secrets:reseal`.
   */
  webhook_secret_sealed: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
}

export interface TenantConfigVersionTable {
  tenant_id: string;
  version: number;
  config: ColumnType<TenantConfig, string, string>;
  created_at: GeneratedTimestamp;
  published_at: Timestamp | null;
  // ── Configuration console (migration 2026-12-05T00-00-config-drafts) ──
  /** The publisher's note; null for versions from before the console. */
  note: ColumnType<string | null, string | null | undefined, never>;
  /** Who published it; null: `pnpm tenant:import`, or the person was removed. */
  published_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** The version it restores, when it was a restore. */
  restored_from: ColumnType<number | null, number | null | undefined, never>;
}

/** A tenant's one draft of its public config (the console's editor), until it is published. */
export interface TenantConfigDraftTable {
  tenant_id: string;
  /** As saved: structurally valid (`tenantConfigObjectSchema`), texts perhaps still missing. */
  config: ColumnType<TenantConfig, string, string>;
  /** Counts the saves; `If-Match` names it. */
  revision: number;
  /** The published version the draft started from. */
  based_on_version: number | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ReportTable {
  id: string;
  /** The tenant the report belongs to: where it was routed (by location), which forwards and handles it. */
  tenant_id: string;
  /** The tenant whose widget it was entered in; its config version labels the categories and fields. */
  source_tenant_id: string;
  /** CBS code of the municipality the point lies in; null without a point. */
  area_code: string | null;
  /** Short human-friendly code the reporter can quote. */
  reference: string;
  role: 'victim' | 'bystander' | 'other';
  categories: string[];
  occurred_at: Timestamp;
  time_precision: 'exact' | 'part-of-day' | 'approximate';
  part_of_day: string | null;
  location_lat: number | null;
  location_lng: number | null;
  location_text: string | null;
  location_source: string | null;
  location_accuracy: number | null;
  description: string | null;
  intervened: string | null;
  extra: ColumnType<Record<string, string>, string, string>;
  locale: string;
  /** Contact block sealed with the contact key ring (see secrets/contact-sealer.ts); null when anonymous. */
  contact_sealed: Uint8Array | null;
  wants_follow_up: boolean;
  /** The source tenant's published config version the report was validated against. */
  config_version: number;
  /** Client-chosen Idempotency-Key; cleared (with `request_hash`) once the 48-hour replay window is over. */
  idempotency_key: string | null;
  /**
   * HMAC-SHA256 of the validated body under a key derived from `SERVER_SECRET` (never stored here), to
   * tell a retry from a different report under the same key.
   */
  request_hash: string | null;
  received_at: GeneratedTimestamp;
  // ── Issue 14: the back office ──
  /** Where the OOV team's work on it is (contracts' `reportStatuses`). */
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  /** Set with status `referred`: where to (contracts' `referralTargets`). */
  referred_to: ColumnType<ReferralTarget | null, ReferralTarget | null | undefined, ReferralTarget | null>;
  /** Set with status `closed` (contracts' `closingReasons`). */
  closing_reason: ColumnType<ClosingReason | null, ClosingReason | null | undefined, ClosingReason | null>;
  /** The officer of the tenant it is assigned to. */
  assignee_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Raised by every change of status or assignee: the detail's ETag, `If-Match` of `PATCH`. */
  revision: ColumnType<number, number | undefined, number>;
  status_changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When retention erased the contact details (they are gone for good; the report says so). */
  contact_erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Seeded for the demo (demo mode only), never a real report. */
  demo: ColumnType<boolean, boolean | undefined, boolean>;
  /**
   * The hotspot grid's 500 m square (RD New) the point lies in: the south-west corner's easting and
   * northing in metres, computed by the database from `location_lat`/`location_lng`; null without a point.
   */
  grid_e: GeneratedAlways<number | null>;
  grid_n: GeneratedAlways<number | null>;
  // ── Issue 15: anonymous follow-up ──
  /** The receipt key (`RECEIPT_CODE_KEYS` id) `receipt_hash` was made with; null without a receipt code. */
  receipt_key_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** HMAC-SHA256 (base64url) of the normalised receipt code under that key; the code itself is never stored. */
  receipt_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An internal note on a report (never shown to the reporter); deleted with the report. */
export interface ReportNoteTable {
  id: Generated<string>;
  tenant_id: string;
  report_id: string;
  author_id: string | null;
  body: string;
  created_at: GeneratedTimestamp;
}

/** One step of a report's handling, for its timeline; deleted with the report. */
export interface ReportEventTable {
  id: Generated<string>;
  tenant_id: string;
  report_id: string;
  actor_id: string | null;
  kind:
    | 'status-changed'
    | 'assigned'
    | 'note-added'
    | 'contact-revealed'
    | 'delivery-retried'
    | 'message-sent'
    | 'reporter-replied'
    | 'contact-erased-by-reporter';
  /** What changed: `{ status, referredTo, closingReason }`, `{ assigneeId }`, `{ reason, remark }`, `{ deliveryId }`. */
  details: ColumnType<Record<string, string | null>, string | undefined, string>;
  created_at: GeneratedTimestamp;
}

/** One message of the thread between the municipality and a reporter (issue 15); deleted with the report. */
export interface ReportMessageTable {
  id: Generated<string>;
  tenant_id: string;
  report_id: string;
  sender: 'municipality' | 'reporter';
  /** The officer who wrote it (`municipality` messages); null for the reporter's. */
  author_id: string | null;
  body: string;
  created_at: GeneratedTimestamp;
}

/** "How was reporting for you?": one answer after sending and one after closing; deleted with the report. */
export interface ReportFeedbackTable {
  id: Generated<string>;
  /** The receiving tenant (the report's `tenant_id`). */
  tenant_id: string;
  report_id: string;
  moment: 'sent' | 'closed';
  rating: number;
  /** Shown to the tenant's officers only. */
  comment: string | null;
  created_at: GeneratedTimestamp;
}

/** What is left of a report its reporter withdrew: its reference and dates, nothing of its content. */
export interface ReportWithdrawalTable {
  id: Generated<string>;
  tenant_id: string;
  report_id: string;
  reference: string;
  received_at: Timestamp;
  withdrawn_at: GeneratedTimestamp;
}

/** An inbox filter saved by an officer, shared by the tenant's officers. */
export interface SavedViewTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  /** The inbox query string (contracts' `inboxQuerySchema`, without `cursor`). */
  query: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export type DeliveryChannel = 'email' | 'webhook';
/**
 * `queued` → `sending` (claimed, under a lease) → `sent`; on a temporary failure `retrying` (until
 * `next_attempt_at`), on a permanent one or after the give-up time `failed` (re-drivable by CLI).
 */
export type DeliveryStatus = 'queued' | 'sending' | 'retrying' | 'sent' | 'failed';

/**
 * What an outbox row sends: a forwarded report, the mail with an invitation link, a test delivery, or
 * (issue 15) a content-free notice: `reporter-notice` to the reporter's sealed e-mail address (target
 * `reporter`: the address is opened at sending, never written here), `reply-notice` to the tenant.
 */
export type DeliveryKind = 'report' | 'invitation' | 'test' | 'reporter-notice' | 'reply-notice';

/**
 * The outbox: one row per report and target, written in the same statement as the report; and one per
 * invitation mail, written in the same transaction as the invitation.
 */
export interface DeliveryTable {
  id: Generated<string>;
  kind: ColumnType<DeliveryKind, DeliveryKind | undefined, never>;
  /** Null only for an invitation to the platform alone. */
  tenant_id: string | null;
  /** Set for `report` rows, null for `invitation` rows. */
  report_id: string | null;
  /** Set for `invitation` rows: the invitation whose link the mail carries. */
  invitation_id: ColumnType<string | null, string | null | undefined, never>;
  /**
   * `invitation` rows: the link, sealed with the contact key ring (bound to this row's id), until the
   * mail is sent; then null. Never in plain text, never logged.
   */
  sealed_link: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  /** Set for `test` rows: the test delivery an admin asked for (no report: never in the inbox or figures). */
  test_delivery_id: ColumnType<string | null, string | null | undefined, never>;
  channel: DeliveryChannel;
  /** The municipality's e-mail address or webhook URL — never reporter data. */
  target: string;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  /** Attempts started so far; also the fencing token of the current claim. */
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: GeneratedTimestamp;
  /** While `sending`: the lease; a claim whose lease has run out (a crashed worker) is claimable again. */
  locked_until: Timestamp | null;
  /** Short error class of the last failed attempt (`smtp-451`, `ECONNREFUSED`); never report content. */
  last_error: string | null;
  sent_at: Timestamp | null;
  /** Set by a re-drive; the give-up time counts from here instead of `created_at`. */
  redriven_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

/** One "send a test delivery" request of a tenant; its outbox rows are `delivery` rows of kind `test`. */
export interface TestDeliveryTable {
  id: string;
  tenant_id: string;
  requested_by: string | null;
  created_at: GeneratedTimestamp;
}

/** One imported boundary file, in force from `valid_from` until the next set's date. */
export interface AreaSetTable {
  id: Generated<string>;
  /** `YYYY-MM-DD`. */
  valid_from: ColumnType<string, string, string>;
  source: string;
  content_hash: string;
  imported_at: GeneratedTimestamp;
}

/** GeoJSON MultiPolygon coordinates: polygons of rings of [lng, lat]. */
export type MultiPolygonCoordinates = number[][][][];

export interface AreaTable {
  set_id: string;
  code: string;
  name: string;
  geometry: ColumnType<MultiPolygonCoordinates, string, string>;
}

/**
 * One entry of the audit log (`audit/`): one hash chain per tenant and one for the platform. Written
 * only by `audit/audit-log.ts`; a trigger refuses UPDATE, TRUNCATE and DELETE (but for offboarding a
 * tenant). Holds ids, role names and counts — never a report's content or contact details.
 */
export interface AuditEntryTable {
  id: string;
  /** The tenant whose chain holds it; null: the platform chain. */
  tenant_id: string | null;
  /** The chain: the tenant's id, or `platform` (generated from `tenant_id`). */
  chain: GeneratedAlways<string>;
  /** 1, 2, 3 … within its chain, without gaps. */
  sequence: number;
  occurred_at: Timestamp;
  /** `staff` (with `actor_id`), `system` or `cli`; null when nobody is known (a failed sign-in). */
  actor_kind: 'staff' | 'system' | 'cli' | null;
  actor_id: string | null;
  /** One of the contracts' `auditActions` (the closed list). */
  action: string;
  target_kind: string | null;
  target_id: string | null;
  /** Small structured details of the action (ids, role names, counts), checked per action. */
  details: ColumnType<unknown, string, never>;
  /** HMAC of the previous entry's hash and this entry's canonical encoding (audit/chain-hash.ts). */
  hash: string;
}

/** A person who signs in to the console: municipal staff or the platform operator. */
export interface StaffTable {
  id: string;
  /** Lower-case (checked by the database), unique. */
  email: string;
  name: string;
  /** The platform operator: administers every tenant (reads no report without the officer role there). */
  platform_admin: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: GeneratedTimestamp;
}

/** One role of one person in one tenant (a person with three roles has three rows). */
export interface MembershipTable {
  tenant_id: string;
  staff_id: string;
  role: TenantRole;
  created_at: GeneratedTimestamp;
}

/** A signed-in browser. Only the keyed hash of the cookie's token is stored, never the token. */
export interface StaffSessionTable {
  id: string;
  token_hash: string;
  staff_id: string;
  created_at: GeneratedTimestamp;
  last_active_at: GeneratedTimestamp;
  /** 30 minutes after the last request that counted as activity; never after `absolute_expires_at`. */
  idle_expires_at: Timestamp;
  /** 12 hours after sign-in, whatever happens. */
  absolute_expires_at: Timestamp;
  /** Set by sign-out, sign-out everywhere, a removed membership, a changed role or a removed passkey. */
  revoked_at: Timestamp | null;
  /** The passkey the person signed in with (null for other ways); removing it ends the session. */
  passkey_id: string | null;
}

/** An invitation to become staff: single use, 72 hours; only the keyed hash of its token is stored. */
export interface InvitationTable {
  id: string;
  token_hash: string;
  email: string;
  /** Null for an invitation to the platform only. */
  tenant_id: string | null;
  roles: ColumnType<TenantRole[], TenantRole[] | undefined, TenantRole[]>;
  platform_admin: ColumnType<boolean, boolean | undefined, boolean>;
  /** Null when made on the command line (`pnpm staff:invite`) or when the sender was removed. */
  invited_by: string | null;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** The WebAuthn user handle of a person (random, base64url): neither their address nor their id. */
export interface PasskeyUserTable {
  staff_id: string;
  user_handle: string;
}

/** A person's passkey (a WebAuthn credential). */
export interface PasskeyTable {
  id: string;
  staff_id: string;
  /** base64url, as WebAuthn responses name it. */
  credential_id: string;
  /** The COSE public key. */
  public_key: Uint8Array;
  /** The signature counter (`bigint`: read as a string or number, see `staff/passkeys.ts`). */
  counter: ColumnType<string | number | bigint, number, number>;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  label: string;
  created_at: GeneratedTimestamp;
  last_used_at: Timestamp | null;
}

/** A WebAuthn ceremony in progress, by the keyed hash of its `state`: single use, five minutes. */
export interface WebauthnChallengeTable {
  state_hash: string;
  kind: 'registration' | 'authentication';
  challenge: string;
  invitation_id: string | null;
  staff_id: string | null;
  user_handle: string | null;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

/** A complete export of a tenant (offboarding): deleting the tenant needs one of the last 24 hours. */
export interface TenantExportTable {
  id: string;
  tenant_id: string;
  staff_id: string | null;
  started_at: GeneratedTimestamp;
  /** Set once the whole document was written; null for an export that broke off. */
  completed_at: Timestamp | null;
}

/** A tenant's single sign-on (OpenID Connect); the client secret sealed with the contact key ring. */
export interface TenantSsoTable {
  tenant_id: string;
  /** The provider's issuer identifier (https; http only to loopback in test and demo mode). */
  issuer: string;
  client_id: string;
  /** Sealed (`staff/sso/sso-settings.ts`), bound to the tenant; re-sealed by `pnpm secrets:reseal`. */
  client_secret_sealed: Uint8Array;
  /** Lower-case domains an unbound person's verified e-mail must be at. */
  allowed_email_domains: string[];
  enabled: boolean;
  updated_at: Timestamp;
}

/** A person bound to a provider's subject (`iss` + `sub`) at their first SSO sign-in. */
export interface StaffIdentityTable {
  staff_id: string;
  issuer: string;
  subject: string;
  created_at: GeneratedTimestamp;
}

/** An SSO sign-in under way: found by the keyed hash of `state`, single use, ten minutes. */
export interface SsoSignInTable {
  state_hash: string;
  tenant_id: string;
  /** Keyed hash of the random value in the browser's `__Host-meldpunt-sso` cookie (login CSRF). */
  browser_hash: string;
  nonce: string;
  code_verifier: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

// Issue 13: the logo upload.
/** A tenant's logo, re-encoded (WebP), by the SHA-256 of its bytes (migration `2026-12-05T02-00-logo`). */
export interface LogoTable {
  tenant_id: string;
  /** Lower-case hex SHA-256 of `image`: the logo's id and the name it is served by. */
  hash: string;
  image: Buffer;
  width: number;
  height: number;
  created_at: GeneratedTimestamp;
}

/**
 * Issue 16: one client's count in one window of one limit (`limits/limit-store.ts`), shared by every
 * instance. The client is a keyed hash under the day's client key (`limits/client-keys.ts`), never an
 * address.
 */
/** Issue 16: failed receipt-code look-ups per client and UTC day (`follow-up/guess-limiter.ts`). */
export interface ReceiptGuessTable {
  scope: string;
  /** The client's network under the day's client key (`limits/client-keys.ts`); never an address. */
  client_hash: string;
  failures: number;
  /** Until when every attempt of the client is refused; in the past when it may try. */
  blocked_until: Timestamp;
  /** The end of the UTC day: the row is worth nothing after it and may be deleted. */
  expires_at: Timestamp;
}

export interface RateLimitWindowTable {
  /** Whose limit: `report-sent:<tenant id>`, `report-received:<tenant id>`. */
  scope: string;
  client_hash: string;
  window_start: Timestamp;
  count: number;
  /** The window's end: the row is worth nothing after it and may be deleted. */
  expires_at: Timestamp;
}

/**
 * Issue 16: a proof-of-work challenge already used for a report (each is good for one). Keyed by a hash
 * of the challenge's signature: nothing about the reporter. Deleted once the challenge has expired.
 */
export interface ProofRedemptionTable {
  challenge_hash: string;
  expires_at: Timestamp;
}

export interface Database {
  tenant: TenantTable;
  tenant_config_version: TenantConfigVersionTable;
  tenant_config_draft: TenantConfigDraftTable;
  report: ReportTable;
  delivery: DeliveryTable;
  test_delivery: TestDeliveryTable;
  area_set: AreaSetTable;
  area: AreaTable;
  audit_entry: AuditEntryTable;
  staff: StaffTable;
  membership: MembershipTable;
  staff_session: StaffSessionTable;
  invitation: InvitationTable;
  passkey_user: PasskeyUserTable;
  passkey: PasskeyTable;
  webauthn_challenge: WebauthnChallengeTable;
  tenant_export: TenantExportTable;
  tenant_sso: TenantSsoTable;
  staff_identity: StaffIdentityTable;
  sso_sign_in: SsoSignInTable;
  // Issue 13: the logo upload.
  logo: LogoTable;
  // Issue 14: the back office.
  report_note: ReportNoteTable;
  report_event: ReportEventTable;
  saved_view: SavedViewTable;
  report_message: ReportMessageTable;
  report_feedback: ReportFeedbackTable;
  report_withdrawal: ReportWithdrawalTable;
  // Issue 16: rate limits shared between instances.
  rate_limit_window: RateLimitWindowTable;
  receipt_guess: ReceiptGuessTable;
  // Issue 16: proof of work.
  proof_redemption: ProofRedemptionTable;
}

export type Tenant = Selectable<TenantTable>;
export type NewTenant = Insertable<TenantTable>;
export type TenantUpdate = Updateable<TenantTable>;
export type TenantConfigVersion = Selectable<TenantConfigVersionTable>;
export type Report = Selectable<ReportTable>;
export type NewReport = Insertable<ReportTable>;
export type Delivery = Selectable<DeliveryTable>;
export type Staff = Selectable<StaffTable>;
export type StaffSession = Selectable<StaffSessionTable>;
export type Invitation = Selectable<InvitationTable>;
export type Passkey = Selectable<PasskeyTable>;
