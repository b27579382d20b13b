import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { sealedWith, type KeyRing } from './key-ring.ts';

/**
 * A database column holding values sealed with a key ring. `pnpm secrets:reseal` re-seals every one
 * listed in `src/sealed-columns.ts`; a new sealed column is one more entry there.
 */
export interface SealedColumn {
  table: keyof Database & string;
  column: string;
  /** The row's primary key column (batches go by it; updates are guarded by it and the old value). */
  id: string;
  /** Further columns `context` needs. */
  binding: readonly string[];
  /** The context the value was sealed with (see `KeyRing.seal`), from the row's id and binding columns. */
  context(row: Readonly<Record<string, unknown>>): Uint8Array;
}

/** What one column's re-sealing did (counts only: never content). */
export interface ResealResult {
  /** `table.column`. */
  column: string;
  /** Now sealed under the current key. */
  resealed: number;
  /** Changed or erased by someone else meanwhile: left as it is (it is no longer what was opened). */
  skipped: number;
  /** Could not be opened, by the key id the value says it has (`unknown` for an unreadable header). */
  unreadable: Record<string, number>;
}

/**
 * Re-seals every value of the given columns that is not sealed in the current format under the
 * current key: opens it with whichever key of the ring sealed it and seals it again under the current
 * one, bound to the same row. Works in batches of `batchSize` rows, in primary-key order; each update
 * only applies if the value is still the one that was opened, so a concurrent change or erasure is
 * never overwritten. Idempotent: a second run finds nothing to do.
 */
export async function resealColumns(
  db: Kysely<Database>,
  keys: KeyRing,
  columns: readonly SealedColumn[],
  options: { batchSize?: number } = {},
): Promise<ResealResult[]> {
  const batchSize = options.batchSize ?? 500;
  const results: ResealResult[] = [];
  for (const spec of columns) {
    const result: ResealResult = { column: `${spec.table}.${spec.column}`, resealed: 0, skipped: 0, unreadable: {} };
    const table = sql.table(spec.table);
    const id = sql.ref(spec.id);
    const value = sql.ref(spec.column);
    const binding = spec.binding.map((c) => sql.ref(c));
    let after: unknown;
    for (;;) {
      const { rows } = await sql<Record<string, unknown> & { sealed: Uint8Array }>`
        select ${sql.join([id, ...binding])}, ${value} as sealed
        from ${table}
        where ${value} is not null
          and substring(${value} from 1 for 2) <> ${keys.currentHeader}
          ${after === undefined ? sql`` : sql`and ${id} > ${after}`}
        order by ${id}
        limit ${batchSize}`.execute(db);
      const last = rows.at(-1);
      if (!last) break;
      after = last[spec.id];
      await db.transaction().execute(async (trx) => {
        for (const row of rows) {
          let resealed: Buffer;
          try {
            const context = spec.context(row);
            resealed = keys.seal(keys.open(row.sealed, context), context);
          } catch {
            const { version, keyId } = sealedWith(row.sealed);
            const label = version === 1 || version === 2 ? String(keyId) : 'unknown';
            result.unreadable[label] = (result.unreadable[label] ?? 0) + 1;
            continue;
          }
          if (await replaceSealed(trx, spec, row[spec.id], row.sealed, resealed)) result.resealed++;
          else result.skipped++;
        }
      });
      if (rows.length < batchSize) break;
    }
    results.push(result);
  }
  return results;
}

/**
 * Sets one row's sealed value to `next` only if it still is `previous` (the value that was opened):
 * `false` when it was changed or erased meanwhile, which is then left as it is.
 */
export async function replaceSealed(
  db: Kysely<Database> | Transaction<Database>,
  spec: Pick<SealedColumn, 'table' | 'column' | 'id'>,
  id: unknown,
  previous: Uint8Array,
  next: Uint8Array,
): Promise<boolean> {
  const { rows } = await sql`
    update ${sql.table(spec.table)} set ${sql.ref(spec.column)} = ${next}
    where ${sql.ref(spec.id)} = ${id} and ${sql.ref(spec.column)} = ${previous}
    returning 1 as replaced`.execute(db);
  return rows.length === 1;
}
