import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { TenantConfig, TenantSettings } from '@meldpunt/contracts';

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
  /** Private settings (contracts' `tenantSettingsSchema`): never sent to a browser. */
  settings: ColumnType<TenantSettings, string, string>;
  /** Version of `tenant_config_version` the public API serves; null until first published. */
  published_version: number | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface TenantConfigVersionTable {
  tenant_id: string;
  version: number;
  config: ColumnType<TenantConfig, string, string>;
  created_at: GeneratedTimestamp;
  published_at: Timestamp | null;
}

export interface ReportTable {
  id: string;
  tenant_id: string;
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
  /** AES-256-GCM sealed contact block (see reports/contact-crypto.ts); null when anonymous. */
  contact_sealed: Uint8Array | null;
  wants_follow_up: boolean;
  /** The published tenant config version the report was validated against. */
  config_version: number;
  idempotency_key: string | null;
  /** SHA-256 of the request body, to tell a retry from a different report under the same key. */
  request_hash: string | null;
  received_at: GeneratedTimestamp;
}

export type DeliveryChannel = 'email' | 'webhook';
/**
 * `queued` → `sending` (claimed, under a lease) → `sent`; on a temporary failure `retrying` (until
 * `next_attempt_at`), on a permanent one or after the give-up time `failed` (re-drivable by CLI).
 */
export type DeliveryStatus = 'queued' | 'sending' | 'retrying' | 'sent' | 'failed';

/** The outbox: one row per report and target, written in the same statement as the report. */
export interface DeliveryTable {
  id: Generated<string>;
  tenant_id: string;
  report_id: string;
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

export interface Database {
  tenant: TenantTable;
  tenant_config_version: TenantConfigVersionTable;
  report: ReportTable;
  delivery: DeliveryTable;
}

export type Tenant = Selectable<TenantTable>;
export type NewTenant = Insertable<TenantTable>;
export type TenantUpdate = Updateable<TenantTable>;
export type TenantConfigVersion = Selectable<TenantConfigVersionTable>;
export type Report = Selectable<ReportTable>;
export type NewReport = Insertable<ReportTable>;
export type Delivery = Selectable<DeliveryTable>;
