/**
 * The configuration resource (issue 13): the tenant's draft (read, saved with `If-Match`), publishing it,
 * the history of published versions, one version, and restoring one. Typed on the contracts, checked by
 * hand (no zod in the console). A stale save is its own error, {@link DraftConflictError}, carrying the
 * draft as it is now and who changed it, so the editor can merge.
 */
import type {
  ConfigDraft,
  ConfigVersion,
  ConfigVersionList,
  ConfigVersionSummary,
  DraftConflict,
  StaffRef,
  TenantConfigInput,
} from '@meldpunt/contracts';
import { ApiError, isDateTime, isRecord, isText, request } from './http.ts';

const base = (slug: string) => `/console/tenants/${encodeURIComponent(slug)}/config`;

const isVersion = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;
const isVersionOrNull = (value: unknown): value is number | null => value === null || isVersion(value);
const isStaffRef = (value: unknown): value is StaffRef =>
  isRecord(value) && isText(value['id']) && isText(value['name']);

/** The parts of a config the editor relies on being there. */
function isConfig(value: unknown): value is TenantConfigInput {
  return (
    isRecord(value) &&
    isText(value['slug']) &&
    Array.isArray(value['locales']) &&
    isRecord(value['branding']) &&
    Array.isArray(value['categories']) &&
    isRecord(value['followUp']) &&
    isRecord(value['privacy']) &&
    isRecord(value['map'])
  );
}

/** A draft as `GET|PUT …/config/draft` answers it. */
export function isConfigDraft(value: unknown): value is ConfigDraft {
  if (!isRecord(value)) return false;
  const completeness = value['completeness'];
  return (
    isText(value['etag']) &&
    Number.isInteger(value['revision']) &&
    isVersionOrNull(value['basedOnVersion']) &&
    isVersionOrNull(value['publishedVersion']) &&
    isConfig(value['config']) &&
    (value['updatedAt'] === null || isDateTime(value['updatedAt'])) &&
    (value['updatedBy'] === null || isStaffRef(value['updatedBy'])) &&
    isRecord(completeness) &&
    Array.isArray(completeness['languages']) &&
    Array.isArray(completeness['missingRequired']) &&
    Array.isArray(value['contrast']) &&
    Array.isArray(value['publishBlockers']) &&
    value['publishBlockers'].every((b) => isRecord(b) && isText(b['path']) && isText(b['message']))
  );
}

function isVersionSummary(value: unknown): value is ConfigVersionSummary {
  return (
    isRecord(value) &&
    isVersion(value['version']) &&
    (value['publishedAt'] === null || isDateTime(value['publishedAt'])) &&
    (value['publishedBy'] === null || isStaffRef(value['publishedBy'])) &&
    (value['note'] === null || isText(value['note'])) &&
    isVersionOrNull(value['restoredFrom']) &&
    typeof value['current'] === 'boolean'
  );
}

function isVersionList(value: unknown): value is ConfigVersionList {
  return (
    isRecord(value) &&
    isVersionOrNull(value['publishedVersion']) &&
    Array.isArray(value['versions']) &&
    value['versions'].every(isVersionSummary)
  );
}

function isConfigVersion(value: unknown): value is ConfigVersion {
  return isVersionSummary(value) && isConfig((value as Record<string, unknown>)['config']);
}

/** 412 on a save: someone else saved (or published) since this person's draft was read. */
export class DraftConflictError extends Error {
  override readonly name = 'DraftConflictError';
  constructor(
    /** The draft as it is now (its `etag` is the one to save with). */
    readonly current: ConfigDraft,
    /** Who changed it last, when, and how. */
    readonly lastChange: DraftConflict['lastChange'],
  ) {
    super('Someone else changed the draft meanwhile');
  }
}

/** The 412's `current` and `lastChange`, when the answer has them. */
function conflictOf(error: ApiError): DraftConflictError | undefined {
  const body = error.body;
  if (!isRecord(body) || !isConfigDraft(body['current'])) return undefined;
  const last = body['lastChange'];
  if (!isRecord(last) || (last['kind'] !== 'saved' && last['kind'] !== 'published')) return undefined;
  return new DraftConflictError(body['current'], {
    kind: last['kind'],
    by: isStaffRef(last['by']) ? last['by'] : null,
    at: isDateTime(last['at']) ? last['at'] : null,
  });
}

/** The tenant's draft (the published config when nobody has saved one). */
export function getDraft(slug: string, signal?: AbortSignal): Promise<ConfigDraft> {
  return request(`${base(slug)}/draft`, isConfigDraft, signal ? { signal } : {});
}

/**
 * Saves the draft, made to the draft with `etag`. Throws {@link DraftConflictError} when someone saved
 * since; an {@link ApiError} 422 with per-field errors (JSON Pointers) when a field is wrong.
 */
export async function saveDraft(slug: string, config: TenantConfigInput, etag: string): Promise<ConfigDraft> {
  try {
    return await request(`${base(slug)}/draft`, isConfigDraft, {
      method: 'PUT',
      body: config,
      headers: { 'If-Match': etag },
    });
  } catch (error) {
    const conflict = error instanceof ApiError && error.status === 412 ? conflictOf(error) : undefined;
    throw conflict ?? error;
  }
}

/**
 * Publishes the draft with `etag` as a new version. 422 (`errors`: what blocks it, per field) when it
 * may not be published; 412 when the draft changed since.
 */
export async function publishDraft(slug: string, note: string, etag: string): Promise<ConfigVersion> {
  try {
    return await request(`${base(slug)}/publish`, isConfigVersion, {
      method: 'POST',
      body: { note },
      headers: { 'If-Match': etag },
    });
  } catch (error) {
    const conflict = error instanceof ApiError && error.status === 412 ? conflictOf(error) : undefined;
    throw conflict ?? error;
  }
}

/** Every published version, newest first. */
export function listVersions(slug: string, signal?: AbortSignal): Promise<ConfigVersionList> {
  return request(`${base(slug)}/versions`, isVersionList, signal ? { signal } : {});
}

/** One published version with its config. */
export function getVersion(slug: string, version: number, signal?: AbortSignal): Promise<ConfigVersion> {
  return request(`${base(slug)}/versions/${version}`, isConfigVersion, signal ? { signal } : {});
}

/** Publishes an earlier version again, as a new one (the note defaults to "Restored version N"). */
export function restoreVersion(slug: string, version: number, note?: string): Promise<ConfigVersion> {
  return request(`${base(slug)}/versions/${version}/restore`, isConfigVersion, {
    method: 'POST',
    body: note ? { note } : {},
  });
}
