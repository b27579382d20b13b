/**
 * The back office's reports resource (issue 14, `/api/v1/backoffice/tenants/:slug/…`): the inbox a page at
 * a time (its filter is the console URL's query, passed on as it is), one report (labels in the console's
 * language), its handling (`PATCH` with `If-Match`: a 412 is a {@link ReportChangedError}), notes, the
 * audited contact reveal (the answer lives in the page only, never stored), sending a delivery again, the
 * tenant's officers, the team's saved views, and the URL of the CSV export of a filter. Issue 15: messages
 * to the reporter (`POST …/messages`; a report without a receipt code is a {@link NoFollowUpChannelError}),
 * a withdrawn report (410: a {@link ReportWithdrawnError}, with when) and the list of withdrawals. Typed on
 * the contracts (`inboxPageSchema`, `reportDetailSchema`, …); the guards check the parts the console relies on.
 */
import type {
  ContactRevealInput,
  InboxItem,
  InboxPage,
  ReportDetail,
  ReportMessage,
  ReportMessageInput,
  ReportUpdate,
  RevealedContact,
  SavedView,
  SavedViewInput,
  StaffRef,
  TenantConfig,
  WithdrawalList,
} from '@meldpunt/contracts';
import { apiBase, ApiError, isDateTime, isRecord, isText, request } from './http.ts';

const base = (slug: string) => `/backoffice/tenants/${encodeURIComponent(slug)}`;
const reportPath = (slug: string, id: string) => `${base(slug)}/reports/${encodeURIComponent(id)}`;

const isStaffRef = (value: unknown): value is StaffRef =>
  isRecord(value) && isText(value['id']) && isText(value['name']);
const isTenantRef = (value: unknown) => isRecord(value) && isText(value['slug']) && isText(value['name']);
const isTexts = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
const orNull =
  <T>(guard: (value: unknown) => value is T) =>
  (value: unknown): value is T | null =>
    value === null || guard(value);

function isInboxItem(value: unknown): value is InboxItem {
  return (
    isRecord(value) &&
    isText(value['id']) &&
    isText(value['reference']) &&
    isDateTime(value['receivedAt']) &&
    isDateTime(value['occurredAt']) &&
    isText(value['timePrecision']) &&
    isText(value['role']) &&
    isTexts(value['categories']) &&
    orNull(isText)(value['locationText']) &&
    orNull(isText)(value['excerpt']) &&
    isText(value['status']) &&
    orNull(isStaffRef)(value['assignee']) &&
    typeof value['hasContact'] === 'boolean' &&
    isTenantRef(value['via']) &&
    typeof value['deliveryProblem'] === 'boolean' &&
    typeof value['demo'] === 'boolean'
  );
}

export function isInboxPage(value: unknown): value is InboxPage {
  return (
    isRecord(value) &&
    Array.isArray(value['reports']) &&
    value['reports'].every(isInboxItem) &&
    orNull(isText)(value['nextCursor'])
  );
}

export function isReportDetail(value: unknown): value is ReportDetail {
  if (!isRecord(value)) return false;
  const contact = value['contact'];
  return (
    isText(value['id']) &&
    isText(value['reference']) &&
    Number.isInteger(value['revision']) &&
    isDateTime(value['receivedAt']) &&
    isDateTime(value['occurredAt']) &&
    isText(value['status']) &&
    Array.isArray(value['categories']) &&
    Array.isArray(value['extra']) &&
    isTenantRef(value['via']) &&
    isTenantRef(value['receivingTenant']) &&
    orNull(isStaffRef)(value['assignee']) &&
    isRecord(contact) &&
    typeof contact['present'] === 'boolean' &&
    isDateTime(value['deletesAt']) &&
    Array.isArray(value['deliveries']) &&
    Array.isArray(value['notes']) &&
    Array.isArray(value['events']) &&
    typeof value['receiptCode'] === 'boolean' &&
    Array.isArray(value['messages']) &&
    value['messages'].every(isReportMessage) &&
    Array.isArray(value['feedback'])
  );
}

function isReportMessage(value: unknown): value is ReportMessage {
  return (
    isRecord(value) &&
    isText(value['id']) &&
    (value['from'] === 'municipality' || value['from'] === 'reporter') &&
    orNull(isStaffRef)(value['author']) &&
    isText(value['body']) &&
    isDateTime(value['at'])
  );
}

function isWithdrawalList(value: unknown): value is WithdrawalList {
  return (
    isRecord(value) &&
    Array.isArray(value['withdrawals']) &&
    value['withdrawals'].every(
      (w) =>
        isRecord(w) &&
        isText(w['reportId']) &&
        isText(w['reference']) &&
        isDateTime(w['receivedAt']) &&
        isDateTime(w['withdrawnAt']),
    )
  );
}

function isRevealedContact(value: unknown): value is RevealedContact {
  return (
    isRecord(value) &&
    orNull(isText)(value['name']) &&
    orNull(isText)(value['email']) &&
    orNull(isText)(value['phone']) &&
    typeof value['wantsFollowUp'] === 'boolean'
  );
}

/** The tenant's officers, to assign a report to (`GET …/officers`: `{ officers: StaffRef[] }`). */
export interface OfficerList {
  officers: StaffRef[];
}

function isOfficerList(value: unknown): value is OfficerList {
  return isRecord(value) && Array.isArray(value['officers']) && value['officers'].every(isStaffRef);
}

function isSavedView(value: unknown): value is SavedView {
  return (
    isRecord(value) &&
    isText(value['id']) &&
    isText(value['name']) &&
    isText(value['query']) &&
    orNull(isStaffRef)(value['createdBy'])
  );
}

function isSavedViewList(value: unknown): value is { views: SavedView[] } {
  return isRecord(value) && Array.isArray(value['views']) && value['views'].every(isSavedView);
}

/** The filter keys of the inbox query (everything but the page: `cursor`, `limit`). */
export const inboxFilterKeys = ['status', 'category', 'role', 'from', 'to', 'contact', 'via', 'assignee', 'q'] as const;
export type InboxFilterKey = (typeof inboxFilterKeys)[number];

/** Only the filter of a query string (in the keys' order, empty values left out), as the URL and a view hold it. */
export function filterQuery(query: string | URLSearchParams): URLSearchParams {
  const given = new URLSearchParams(query);
  const filter = new URLSearchParams();
  for (const key of inboxFilterKeys) {
    const value = given.get(key)?.trim();
    if (value) filter.set(key, value);
  }
  return filter;
}

/** A page of the inbox for `filter` (the URL's query), after `cursor` when given. */
export function listReports(
  slug: string,
  filter: string | URLSearchParams,
  options: { cursor?: string | null; signal?: AbortSignal } = {},
): Promise<InboxPage> {
  const query = Object.fromEntries(filterQuery(filter));
  if (options.cursor) query['cursor'] = options.cursor;
  return request(`${base(slug)}/reports`, isInboxPage, {
    query,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** The URL of the CSV export of `filter` (a plain download; the service records it in the audit log). */
export function reportsCsvUrl(slug: string, filter: string | URLSearchParams): string {
  const query = filterQuery(filter).toString();
  return `${apiBase}${base(slug)}/reports.csv${query ? `?${query}` : ''}`;
}

/** The problem type's last path segment (`…/problems/report-withdrawn` → `report-withdrawn`). */
const problemSlug = (error: ApiError) => error.problem.type.split('/').at(-1);

/**
 * 410 `report-withdrawn`: the reporter withdrew the report with their receipt code; its content is deleted,
 * only that it was withdrawn (and when) is left.
 */
export class ReportWithdrawnError extends ApiError {
  override readonly name = 'ReportWithdrawnError';

  /** When the reporter withdrew it (the problem's `withdrawnAt`), when the answer says. */
  get withdrawnAt(): string | undefined {
    const value = isRecord(this.body) ? this.body['withdrawnAt'] : undefined;
    return isDateTime(value) ? value : undefined;
  }
}

/** One report, its labels in `lang`; a withdrawn one throws {@link ReportWithdrawnError}. */
export async function getReport(slug: string, id: string, lang: string, signal?: AbortSignal): Promise<ReportDetail> {
  try {
    return await request(reportPath(slug, id), isReportDetail, { query: { lang }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (error instanceof ApiError && error.status === 410 && problemSlug(error) === 'report-withdrawn')
      throw new ReportWithdrawnError(error.problem, error.body);
    throw error;
  }
}

/** 412: someone else changed the report since `revision` was read. */
export class ReportChangedError extends ApiError {
  override readonly name = 'ReportChangedError';
}

/**
 * Changes the report's status and/or assignee on top of `revision` (`If-Match: "<revision>"`). Throws
 * {@link ReportChangedError} when it changed meanwhile: read it again, keep what the officer chose.
 */
export async function updateReport(slug: string, id: string, revision: number, update: ReportUpdate): Promise<void> {
  try {
    await request(reportPath(slug, id), undefined, {
      method: 'PATCH',
      body: update,
      headers: { 'If-Match': `"${revision}"` },
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 412) throw new ReportChangedError(error.problem, error.body);
    throw error;
  }
}

/** Adds an internal note (never shown to the reporter). */
export async function addNote(slug: string, id: string, body: string): Promise<void> {
  await request(`${reportPath(slug, id)}/notes`, undefined, { method: 'POST', body: { body } });
}

/** 409 `no-follow-up-channel`: the reporter holds no receipt code, so no message can reach them. */
export class NoFollowUpChannelError extends ApiError {
  override readonly name = 'NoFollowUpChannelError';
}

/**
 * Sends a message to the reporter (they read it with their receipt code); `waitForReply` also sets the
 * status to waiting. Throws {@link NoFollowUpChannelError} for a report whose reporter has no code.
 */
export async function sendMessage(slug: string, id: string, input: ReportMessageInput): Promise<ReportMessage> {
  try {
    return await request(`${reportPath(slug, id)}/messages`, isReportMessage, { method: 'POST', body: input });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && problemSlug(error) === 'no-follow-up-channel')
      throw new NoFollowUpChannelError(error.problem, error.body);
    throw error;
  }
}

/** The reports their reporters withdrew (reference and dates only: the content is deleted). */
export async function listWithdrawals(slug: string, signal?: AbortSignal): Promise<WithdrawalList['withdrawals']> {
  return (await request(`${base(slug)}/withdrawals`, isWithdrawalList, signal ? { signal } : {})).withdrawals;
}

/** Reveals the contact details, with the officer's reason (audited). Keep the answer in memory only. */
export function revealContact(slug: string, id: string, input: ContactRevealInput): Promise<RevealedContact> {
  return request(`${reportPath(slug, id)}/contact`, isRevealedContact, { method: 'POST', body: input });
}

/** Sends one delivery of the report again. */
export async function retryDelivery(slug: string, id: string, deliveryId: string): Promise<void> {
  await request(`${reportPath(slug, id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`, undefined, {
    method: 'POST',
  });
}

/** The tenant's officers. */
export async function listOfficers(slug: string, signal?: AbortSignal): Promise<StaffRef[]> {
  return (await request(`${base(slug)}/officers`, isOfficerList, signal ? { signal } : {})).officers;
}

/** The team's saved views. */
export async function listViews(slug: string, signal?: AbortSignal): Promise<SavedView[]> {
  return (await request(`${base(slug)}/views`, isSavedViewList, signal ? { signal } : {})).views;
}

/** Saves a view for the team. */
export function saveView(slug: string, input: SavedViewInput): Promise<SavedView> {
  return request(`${base(slug)}/views`, isSavedView, { method: 'POST', body: input });
}

/** Deletes a saved view. */
export async function deleteView(slug: string, id: string): Promise<void> {
  await request(`${base(slug)}/views/${encodeURIComponent(id)}`, undefined, { method: 'DELETE' });
}

/** The tenant's categories as its published config has them (`GET /tenants/:slug/config`): ids, own labels. */
export interface PublishedCategory {
  id: string;
  label?: Partial<Record<string, string>>;
}

function isPublishedCategories(value: unknown): value is { categories: PublishedCategory[] } {
  return (
    isRecord(value) &&
    Array.isArray(value['categories']) &&
    value['categories'].every(
      (c) => isRecord(c) && isText(c['id']) && (c['label'] === undefined || isRecord(c['label'])),
    )
  );
}

/** The categories of the tenant's published reporting form (the inbox's category filter names them). */
export async function getPublishedCategories(slug: string, signal?: AbortSignal): Promise<PublishedCategory[]> {
  const config = await request(`/tenants/${encodeURIComponent(slug)}/config`, isPublishedCategories, {
    ...(signal ? { signal } : {}),
  });
  return config.categories;
}

/** The map of the tenant's published config (the report page shows the reporter's point on it). */
export type PublishedMap = TenantConfig['map'];

function isPublishedMap(value: unknown): value is { map: PublishedMap } {
  if (!isRecord(value) || !isRecord(value['map'])) return false;
  const center = value['map']['center'];
  return isRecord(center) && typeof center['lat'] === 'number' && typeof center['lng'] === 'number';
}

/** The map settings of the tenant's published reporting form. */
export async function getPublishedMap(slug: string, signal?: AbortSignal): Promise<PublishedMap> {
  return (await request(`/tenants/${encodeURIComponent(slug)}/config`, isPublishedMap, signal ? { signal } : {})).map;
}
