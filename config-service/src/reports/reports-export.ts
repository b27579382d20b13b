/**
 * The officers' CSV export of the inbox's current filter (issue 14): for Dutch spreadsheets (UTF-8 with
 * a byte order mark, `;` between cells, CRLF), every cell that starts like a formula (`=`, `+`, `-`, `@`,
 * tab, carriage return) made inert by `csv-stringify`'s `escape_formulas` (a leading `'`). Streamed in
 * keyset batches, so an export of any size holds one batch in memory. Never contact details or notes:
 * those need the audited reveal. The export itself is audited before its first byte. Categories are
 * written as labels in the receiving tenant's default language, from its published config, as the detail
 * view labels them (a category the config no longer holds: its default label, else its id).
 */
import { stringify } from 'csv-stringify/sync';
import { sql, type Kysely } from 'kysely';
import { figuresTimeZone, hotspotCellId } from '@meldpunt/contracts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { categoryLabels } from '../delivery/mail/mail-language.ts';
import { findPublishedTenant } from '../tenants/tenant-repository.ts';
import { afterCursor, filteredReports, type InboxRequest } from './inbox.ts';

/** The columns, in order (their names are the header row). */
export const reportCsvColumns = [
  'reference',
  'received',
  'occurred',
  'time_precision',
  'part_of_day',
  'categories',
  'role',
  'place',
  'grid_cell',
  'description',
  'status',
  'referred_to',
  'closing_reason',
  'assignee',
  'receiving_tenant',
  'via',
] as const;

export const reportCsvBatchSize = 500;

/** The byte order mark that tells Excel the file is UTF-8. */
const bom = '\uFEFF';

const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: figuresTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('sv-SE', {
  timeZone: figuresTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Rows as CSV text (the header first when `header`). */
export function reportCsvText(rows: readonly (string | null)[][], header: boolean): string {
  return stringify(
    rows.map((row) => row.map((cell) => cell ?? '')),
    {
      header,
      columns: [...reportCsvColumns],
      delimiter: ';',
      record_delimiter: 'windows',
      escape_formulas: true,
    },
  );
}

export interface ReportsExport {
  rows: number;
  /** `meldingen-<slug>-<date>.csv`. */
  filename: string;
  /** The file, piece by piece: the BOM and header first, then one batch of rows per piece. */
  chunks: AsyncGenerator<string>;
}

/**
 * Exports the reports the filter finds (received up to now), audited as `export.created` with the number
 * of rows before the first byte is produced.
 */
export async function exportReports(
  deps: { db: Kysely<Database>; auditLog: AuditLog },
  request: InboxRequest & { tenantSlug: string },
  options: { batchSize?: number } = {},
): Promise<ReportsExport> {
  const batchSize = options.batchSize ?? reportCsvBatchSize;
  const { db } = deps;
  const { rows: nowRows } = await sql<{ now: string }>`select now()::text as now`.execute(db);
  const until = nowRows[0]?.now ?? new Date().toISOString();
  const counted = await filteredReports(db, request, { until })
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = Number(counted.n);
  const config = (await findPublishedTenant(db, request.tenantSlug))?.config;
  const labelsOf = (ids: readonly string[]) => (config ? categoryLabels(config, ids, config.defaultLocale) : ids);
  await deps.auditLog.append({
    tenantId: request.tenantId,
    actor: { kind: 'staff', id: request.staffId },
    action: 'export.created',
    target: null,
    details: { of: 'reports', format: 'csv', rows },
  });

  async function* chunks(): AsyncGenerator<string> {
    yield bom + reportCsvText([], true);
    let cursor: { receivedAt: string; id: string } | undefined;
    for (;;) {
      const batch = await afterCursor(filteredReports(db, request, { until }), cursor)
        .innerJoin('tenant as t', 't.id', 'r.tenant_id')
        .select([
          'r.id',
          sql<string>`r.received_at::text`.as('received_key'),
          'r.reference',
          'r.received_at',
          'r.occurred_at',
          'r.time_precision',
          'r.part_of_day',
          'r.categories',
          'r.role',
          'r.location_text',
          'r.grid_e',
          'r.grid_n',
          'r.description',
          'r.status',
          'r.referred_to',
          'r.closing_reason',
          'a.name as assignee',
          't.name as tenant_name',
          's.name as via_name',
        ])
        .orderBy('r.received_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(batchSize)
        .execute();
      if (batch.length > 0) {
        yield reportCsvText(
          batch.map((r) => [
            r.reference,
            dateTime.format(r.received_at),
            r.time_precision === 'exact' ? dateTime.format(r.occurred_at) : dateOnly.format(r.occurred_at),
            r.time_precision,
            r.part_of_day,
            labelsOf(r.categories).join(', '),
            r.role,
            r.location_text,
            r.grid_e !== null && r.grid_n !== null ? hotspotCellId(r.grid_e, r.grid_n) : null,
            r.description,
            r.status,
            r.referred_to,
            r.closing_reason,
            r.assignee,
            r.tenant_name,
            r.via_name,
          ]),
          false,
        );
      }
      const last = batch.at(-1);
      if (!last || batch.length < batchSize) return;
      cursor = { receivedAt: last.received_key, id: last.id };
    }
  }

  const date = until.slice(0, 10);
  return { rows, filename: `meldingen-${request.tenantSlug}-${date}.csv`, chunks: chunks() };
}
