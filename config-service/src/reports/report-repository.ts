import type { Kysely, Transaction } from 'kysely';
import type { Database, NewReport } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Stores a report in one statement. With an idempotency key that the tenant already used,
 * nothing is stored and `undefined` comes back (the caller then looks up the original).
 */
export async function insertReport(db: Db, report: NewReport): Promise<{ id: string; reference: string } | undefined> {
  return insertReportQuery(db, report).executeTakeFirst();
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
