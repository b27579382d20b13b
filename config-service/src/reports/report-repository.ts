import { isDeepStrictEqual } from 'node:util';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database, NewReport } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Stores a report in one statement. With an idempotency key that the tenant already used,
 * nothing is stored and `undefined` comes back (the caller then looks up the original).
 */
export async function insertReport(db: Db, report: NewReport): Promise<{ id: string; reference: string } | undefined> {
  const { rows } = await db.executeQuery<{ id: string; reference: string }>(compiledInsert(db, report));
  return rows[0];
}

/**
 * Every report row has the same columns, so the statement is compiled once per column list and
 * reused with the row's values: the hot path of intake skips building and compiling a query.
 */
const insertStatements = new Map<string, string | null>();

function compiledInsert(db: Db, report: NewReport): CompiledQuery {
  const columns = Object.keys(report) as (keyof NewReport)[];
  const key = columns.join(',');
  let statement = insertStatements.get(key);
  if (statement === undefined) {
    const compiled = insertReportQuery(db, report).compile();
    // Reuse only when the parameters are exactly the row's values in column order.
    statement = isDeepStrictEqual(
      compiled.parameters,
      columns.map((c) => report[c]),
    )
      ? compiled.sql
      : null;
    insertStatements.set(key, statement);
  }
  return statement === null
    ? insertReportQuery(db, report).compile()
    : CompiledQuery.raw(
        statement,
        columns.map((c) => report[c]),
      );
}

/** The insert statement itself; the API benchmark hands its SQL to pgbench as the reference. */
export function insertReportQuery(db: Db, report: NewReport) {
  return db
    .insertInto('report')
    .values(report)
    .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
    .returning(['id', 'reference']);
}

export async function findReportByIdempotencyKey(db: Db, tenantId: string, key: string) {
  return db
    .selectFrom('report')
    .select(['id', 'reference', 'request_hash', 'locale'])
    .where('tenant_id', '=', tenantId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}
