/**
 * The two forms of an exported audit log. JSON lines keep every field as stored (one entry per line,
 * easy to process and to check against `audit:verify`); CSV is for people opening the log in a
 * spreadsheet — via `csv-stringify`, with formula-looking cells escaped so a spreadsheet never runs one.
 */
import { stringify } from 'csv-stringify/sync';
import type { AuditEntry } from './audit-entry.ts';

export type AuditExportFormat = 'jsonl' | 'csv';

export const exportContentTypes: Record<AuditExportFormat, string> = {
  jsonl: 'application/jsonl; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** The CSV columns, in order. */
export const csvColumns = [
  'chain',
  'sequence',
  'occurred_at',
  'actor_kind',
  'actor_id',
  'action',
  'target_kind',
  'target_id',
  'details',
  'id',
  'hash',
] as const;

/** One entry as a JSON line (with its line break). */
export function jsonLine(entry: AuditEntry): string {
  return JSON.stringify(entry) + '\n';
}

/** Entries as CSV rows; the header row first when `header` is set. */
export function csvRows(entries: readonly AuditEntry[], header: boolean): string {
  return stringify(
    entries.map((e) => [
      e.chain,
      e.sequence,
      e.occurredAt,
      e.actor?.kind ?? '',
      e.actor?.kind === 'staff' ? e.actor.id : '',
      e.action,
      e.target?.kind ?? '',
      e.target?.id ?? '',
      JSON.stringify(e.details),
      e.id,
      e.hash,
    ]),
    { header, columns: [...csvColumns], escape_formulas: true, record_delimiter: 'windows' },
  );
}
