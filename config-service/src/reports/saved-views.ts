/**
 * The team's saved inbox views (issue 14): a name and the inbox's query string, shared by the tenant's
 * officers. Saving and deleting are audited (the view's id only: never its name or filter).
 */
import type { Kysely } from 'kysely';
import { fieldErrorsFrom, inboxQuerySchema, type SavedView, type SavedViewInput } from '@meldpunt/contracts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';

export async function listViews(db: Kysely<Database>, tenantId: string): Promise<SavedView[]> {
  const rows = await db
    .selectFrom('saved_view as v')
    .leftJoin('staff as s', 's.id', 'v.created_by')
    .select(['v.id', 'v.name', 'v.query', 'v.created_by', 's.name as creator', 'v.created_at'])
    .where('v.tenant_id', '=', tenantId)
    .orderBy('v.name')
    .orderBy('v.id')
    .execute();
  return rows.map((v) => ({
    id: v.id,
    name: v.name,
    query: v.query,
    createdBy: v.created_by && v.creator ? { id: v.created_by, name: v.creator } : null,
    createdAt: v.created_at.toISOString(),
  }));
}

/** A view's query must be an inbox filter (without a cursor): `status=new&role=victim`. */
function checkQuery(query: string): string {
  const normalized = query.startsWith('?') ? query.slice(1) : query;
  const params = new URLSearchParams(normalized);
  const fields = Object.fromEntries(params);
  const parsed = inboxQuerySchema.safeParse(fields);
  const errors = parsed.success ? [] : fieldErrorsFrom(parsed.error).map((e) => ({ ...e, path: `/query${e.path}` }));
  if (params.has('cursor')) errors.push({ path: '/query', message: 'A view keeps the filter, not a page: no cursor' });
  if (errors.length) throw new DomainError({ code: 'invalid-fields', errors }, 'invalid view query');
  return normalized;
}

export async function saveView(
  deps: { auditLog: AuditLog },
  tenantId: string,
  staffId: string,
  input: SavedViewInput,
): Promise<SavedView> {
  const query = checkQuery(input.query);
  const name = input.name.trim();
  try {
    return await insertView(deps, tenantId, staffId, name, query);
  } catch (error) {
    // Two officers saving the same name at once: the unique constraint decides.
    if ((error as { code?: string }).code === '23505') {
      throw new DomainError({ code: 'view-name-taken' }, 'view name taken');
    }
    throw error;
  }
}

function insertView(deps: { auditLog: AuditLog }, tenantId: string, staffId: string, name: string, query: string) {
  return deps.auditLog.transaction(async (trx, append): Promise<SavedView> => {
    const taken = await trx
      .selectFrom('saved_view')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('name', '=', name)
      .executeTakeFirst();
    if (taken) throw new DomainError({ code: 'view-name-taken' }, 'view name taken');
    const row = await trx
      .insertInto('saved_view')
      .values({ tenant_id: tenantId, name, query, created_by: staffId })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await append({
      tenantId,
      actor: { kind: 'staff', id: staffId },
      action: 'view.saved',
      target: { kind: 'saved-view', id: row.id },
      details: {},
    });
    const creator = await trx.selectFrom('staff').select('name').where('id', '=', staffId).executeTakeFirst();
    return {
      id: row.id,
      name,
      query,
      createdBy: creator ? { id: staffId, name: creator.name } : null,
      createdAt: row.created_at.toISOString(),
    };
  });
}

export async function deleteView(
  deps: { auditLog: AuditLog },
  tenantId: string,
  staffId: string,
  viewId: string,
): Promise<void> {
  await deps.auditLog.transaction(async (trx, append) => {
    const deleted = await trx
      .deleteFrom('saved_view')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', viewId)
      .returning('id')
      .executeTakeFirst();
    if (!deleted) throw new DomainError({ code: 'unknown-view' }, 'no such view in this tenant');
    await append({
      tenantId,
      actor: { kind: 'staff', id: staffId },
      action: 'view.deleted',
      target: { kind: 'saved-view', id: viewId },
      details: {},
    });
  });
}
