/**
 * A tenant's private settings (`/console/tenants/:slug/settings`, role `admin`): read them without
 * secrets, save them whole with `If-Match` on their revision (412 when someone else saved meanwhile),
 * ask whether a page's origin may send reports, and send a test delivery and follow its outcome. Typed
 * on the contracts (`private-settings.ts`), checked by hand-written guards.
 */
import type { OriginCheck, SettingsInput, SettingsView, TestDelivery, TestDeliveryList } from '@meldpunt/contracts';
import { isDateTime, isRecord, isText, request } from './http.ts';

const isInteger = (value: unknown): value is number => Number.isInteger(value);
const isDateTimeOrNull = (value: unknown) => value === null || isDateTime(value);

/** The statuses of a test delivery and of each of its targets. */
export const testDeliveryStatuses = ['queued', 'sending', 'retrying', 'sent', 'failed'] as const;
/** A test delivery's status that will not change any more. */
export const isFinalStatus = (status: TestDelivery['status']) => status === 'sent' || status === 'failed';

const originCheckReasons = ['allowed', 'not-listed', 'http-in-production', 'has-path', 'not-an-origin'] as const;

function isRecipient(value: unknown): boolean {
  if (!isRecord(value) || !isText(value['address'])) return false;
  const key = value['pgpKey'];
  return (
    key === null ||
    (isRecord(key) &&
      isText(key['fingerprint']) &&
      Array.isArray(key['userIds']) &&
      key['userIds'].every(isText) &&
      isDateTimeOrNull(key['expiresAt']))
  );
}

/** The settings as `GET|PUT …/settings` answer them. */
export function isSettingsView(value: unknown): value is SettingsView {
  if (!isRecord(value) || !isInteger(value['revision']) || !isDateTimeOrNull(value['updatedAt'])) return false;
  const by = value['updatedBy'];
  if (by !== null && !(isRecord(by) && isText(by['name']))) return false;
  const bounds = value['rateLimitBounds'];
  if (
    !isRecord(bounds) ||
    !['maxReports', 'minWindowSeconds', 'maxWindowSeconds', 'maxReportsPerHour'].every((k) => isInteger(bounds[k]))
  ) {
    return false;
  }
  if (value['newWebhookSecret'] !== undefined && !isText(value['newWebhookSecret'])) return false;
  const s = value['settings'];
  if (!isRecord(s) || !Array.isArray(s['allowedOrigins']) || !s['allowedOrigins'].every(isText)) return false;
  const rate = s['rateLimit'];
  const routing = s['routing'];
  const delivery = s['delivery'];
  if (!isRecord(rate) || !isInteger(rate['reports']) || !isInteger(rate['windowSeconds'])) return false;
  if (!isRecord(routing) || typeof routing['keepReportsElsewhere'] !== 'boolean') return false;
  if (!isRecord(delivery) || !Array.isArray(delivery['email']) || !delivery['email'].every(isRecipient)) return false;
  const webhook = delivery['webhook'];
  if (
    webhook !== null &&
    !(isRecord(webhook) && isText(webhook['url']) && isDateTimeOrNull(webhook['secretCreatedAt']))
  )
    return false;
  const mail = delivery['mail'];
  return mail === undefined || isRecord(mail);
}

/** The answer of the origin check. */
export function isOriginCheck(value: unknown): value is OriginCheck {
  return (
    isRecord(value) &&
    (value['origin'] === null || isText(value['origin'])) &&
    typeof value['allowed'] === 'boolean' &&
    (originCheckReasons as readonly unknown[]).includes(value['reason'])
  );
}

const isStatus = (value: unknown): value is TestDelivery['status'] =>
  (testDeliveryStatuses as readonly unknown[]).includes(value);

/** One test delivery with its targets' outcomes. */
export function isTestDelivery(value: unknown): value is TestDelivery {
  return (
    isRecord(value) &&
    isText(value['id']) &&
    isDateTime(value['createdAt']) &&
    isStatus(value['status']) &&
    Array.isArray(value['targets']) &&
    value['targets'].every(
      (t) =>
        isRecord(t) &&
        (t['channel'] === 'email' || t['channel'] === 'webhook') &&
        isText(t['target']) &&
        isStatus(t['status']) &&
        isInteger(t['attempts']) &&
        (t['error'] === null || isText(t['error'])),
    )
  );
}

function isTestDeliveryList(value: unknown): value is TestDeliveryList {
  return isRecord(value) && Array.isArray(value['testDeliveries']) && value['testDeliveries'].every(isTestDelivery);
}

const base = (slug: string) => `/console/tenants/${encodeURIComponent(slug)}/settings`;

/** The settings' entity tag for `If-Match`: the `ETag` the service sends with them (`"settings-<revision>"`). */
export function settingsEtag(revision: number): string {
  return `"settings-${revision}"`;
}

/** The tenant's private settings (never a secret) and the operator's rate-limit bounds. */
export function getSettings(slug: string, signal?: AbortSignal): Promise<SettingsView> {
  return request(base(slug), isSettingsView, signal ? { signal } : {});
}

/**
 * Replaces the settings, if they are still at `revision` (else `ApiError` 412 `settings-stale`); the answer
 * carries `newWebhookSecret` when the service made one (shown this once).
 */
export function saveSettings(slug: string, input: SettingsInput, revision: number): Promise<SettingsView> {
  return request(base(slug), isSettingsView, {
    method: 'PUT',
    body: input,
    headers: { 'If-Match': settingsEtag(revision) },
  });
}

/** Whether a page at `origin` (or at this address) may send reports to the tenant, as the saved settings say. */
export function checkOrigin(slug: string, origin: string): Promise<OriginCheck> {
  return request(`${base(slug)}/origin-check`, isOriginCheck, { method: 'POST', body: { origin } });
}

/** Queues a test delivery to the saved recipients and webhook. */
export function sendTestDelivery(slug: string): Promise<TestDelivery> {
  return request(`${base(slug)}/test-delivery`, isTestDelivery, { method: 'POST' });
}

/** The latest test deliveries, newest first. */
export async function listTestDeliveries(slug: string, signal?: AbortSignal): Promise<TestDelivery[]> {
  const list = await request(`${base(slug)}/test-delivery`, isTestDeliveryList, signal ? { signal } : {});
  return list.testDeliveries;
}
