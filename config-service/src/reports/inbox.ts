/**
 * The officers' inbox (issue 14): a tenant's reports, newest first, filtered on the server and paged by
 * keyset on (received_at, id) — a page never skips or repeats a report, however many arrive meanwhile
 * (they are newer than any cursor). The CSV export (`reports-export.ts`) walks the same filter.
 */
import { sql, type Kysely } from 'kysely';
import { maxInboxPageSize, type InboxFilter, type InboxItem, type InboxPage } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';

/** Inbox filters as validated (`inboxQuerySchema`), with who asks (for `assignee=me`). */
export interface InboxRequest {
  tenantId: string;
  filter: InboxFilter;
  staffId: string;
}

export const defaultInboxPageSize = 25;

/** The zone of dates of receipt in the filter (`from`, `to`). */
const zone = sql.lit('Europe/Amsterdam');

// ── Text search: every word, case- and accent-insensitive, the same on PGlite and PostgreSQL ──
// No `unaccent` extension (PGlite has none): both sides fold with the same character map, the database
// with `translate()`, this module with the same map in JavaScript.
const foldedLetters = 'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿÇçÑñŞşĞğİıŁłŻżŹźŚśĆćŃńĄąĘęŒœÆæØø';
const special: Record<string, string> = {
  İ: 'i',
  ı: 'i',
  Ł: 'l',
  ł: 'l',
  Œ: 'o',
  œ: 'o',
  Æ: 'a',
  æ: 'a',
  Ø: 'o',
  ø: 'o',
};
const foldedTo = [...foldedLetters]
  .map((ch) => special[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
  .join('');

/** A word as the database's folded description holds it. */
export function foldWord(word: string): string {
  const map = new Map([...foldedLetters].map((ch, i) => [ch, foldedTo[i] ?? ch]));
  return [...word.normalize('NFC')]
    .map((ch) => map.get(ch) ?? ch)
    .join('')
    .toLowerCase();
}

/** The words of a search (at most 10; empty parts dropped). */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '')
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, 10)
    .map(foldWord);
}

// ── The cursor: the last row's exact received_at (as the database writes it) and id, opaque ──
interface Cursor {
  receivedAt: string;
  id: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const timestampText = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.receivedAt, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  const invalid = () =>
    new DomainError(
      { code: 'invalid-fields', errors: [{ path: '/cursor', message: 'Not a cursor of this inbox: start again' }] },
      'invalid cursor',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !timestampText.test(parsed[0]) ||
    !uuid.test(parsed[1])
  ) {
    throw invalid();
  }
  return { receivedAt: parsed[0], id: parsed[1] };
}

/**
 * The tenant's reports matching the filter (joined with the reporting point they came through, `s`,
 * and the assignee, `a`), without order or limit: the inbox pages it, the export walks it.
 */
export function filteredReports(
  db: Kysely<Database>,
  request: InboxRequest,
  /** `until`: only reports received up to this moment (as the database wrote it). */
  options: { until?: string } = {},
) {
  const { tenantId, filter, staffId } = request;
  const words = searchWords(filter.q);
  return db
    .selectFrom('report as r')
    .innerJoin('tenant as s', 's.id', 'r.source_tenant_id')
    .leftJoin('staff as a', 'a.id', 'r.assignee_id')
    .where('r.tenant_id', '=', tenantId)
    .where((eb) => {
      const and = [];
      if (filter.status?.length) and.push(eb('r.status', 'in', filter.status));
      if (filter.role?.length) and.push(eb('r.role', 'in', filter.role));
      if (filter.category?.length) {
        and.push(eb(sql<boolean>`r.categories && array[${sql.join(filter.category)}]::text[]`, '=', true));
      }
      if (filter.from) {
        and.push(eb('r.received_at', '>=', sql<Date>`(${filter.from}::date)::timestamp at time zone ${zone}`));
      }
      if (filter.to) {
        and.push(eb('r.received_at', '<', sql<Date>`(${filter.to}::date + 1)::timestamp at time zone ${zone}`));
      }
      if (filter.contact === 'with') and.push(eb('r.contact_sealed', 'is not', null));
      if (filter.contact === 'without') and.push(eb('r.contact_sealed', 'is', null));
      if (filter.via?.length) and.push(eb('s.slug', 'in', filter.via));
      if (filter.assignee === 'me') and.push(eb('r.assignee_id', '=', staffId));
      else if (filter.assignee === 'none') and.push(eb('r.assignee_id', 'is', null));
      else if (filter.assignee) and.push(eb('r.assignee_id', '=', filter.assignee));
      for (const word of words) {
        and.push(
          eb(
            sql<number>`strpos(lower(translate(coalesce(r.description, ''), ${foldedLetters}, ${foldedTo})), ${word})`,
            '>',
            0,
          ),
        );
      }
      if (options.until) and.push(eb('r.received_at', '<=', sql<Date>`${options.until}::timestamptz`));
      return eb.and(and);
    });
}

/** Rows after the cursor in the inbox's order (newest first). */
export function afterCursor<Q extends ReturnType<typeof filteredReports>>(query: Q, cursor: Cursor | undefined): Q {
  if (!cursor) return query;
  return query.where(
    sql<boolean>`(r.received_at, r.id) < (${cursor.receivedAt}::timestamptz, ${cursor.id}::uuid)`,
  ) as Q;
}

/** One page of the inbox; `nextCursor` null on the last. */
export async function inboxPage(db: Kysely<Database>, request: InboxRequest): Promise<InboxPage> {
  const limit = Math.min(request.filter.limit ?? defaultInboxPageSize, maxInboxPageSize);
  const cursor = request.filter.cursor ? decodeCursor(request.filter.cursor) : undefined;
  const rows = await afterCursor(filteredReports(db, request), cursor)
    .select((eb) => [
      'r.id',
      'r.reference',
      'r.received_at',
      sql<string>`r.received_at::text`.as('received_key'),
      'r.occurred_at',
      'r.time_precision',
      'r.part_of_day',
      'r.role',
      'r.categories',
      'r.location_text',
      sql<string | null>`substr(r.description, 1, 160)`.as('excerpt'),
      'r.status',
      'r.assignee_id',
      'a.name as assignee_name',
      sql<boolean>`r.contact_sealed is not null`.as('has_contact'),
      's.slug as via_slug',
      's.name as via_name',
      eb
        .exists(
          eb
            .selectFrom('delivery as d')
            .select('d.id')
            .whereRef('d.report_id', '=', 'r.id')
            // The report's own forwarding: a follow-up notice (issue 15) that found no address is no
            // problem an officer can solve (the detail lists the report's deliveries only).
            .where('d.kind', '=', 'report')
            .where('d.status', 'in', ['retrying', 'failed']),
        )
        .as('delivery_problem'),
      'r.demo',
    ])
    .orderBy('r.received_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    reports: page.map((row): InboxItem => ({
      id: row.id,
      reference: row.reference,
      receivedAt: row.received_at.toISOString(),
      occurredAt: row.occurred_at.toISOString(),
      timePrecision: row.time_precision,
      partOfDay: row.part_of_day as InboxItem['partOfDay'],
      role: row.role,
      categories: row.categories,
      locationText: row.location_text,
      excerpt: row.excerpt,
      status: row.status,
      assignee: row.assignee_id && row.assignee_name ? { id: row.assignee_id, name: row.assignee_name } : null,
      hasContact: Boolean(row.has_contact),
      via: { slug: row.via_slug, name: row.via_name },
      deliveryProblem: Boolean(row.delivery_problem),
      demo: row.demo,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ receivedAt: last.received_key, id: last.id }) : null,
  };
}
