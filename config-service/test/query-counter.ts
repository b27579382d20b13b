import type { Kysely, KyselyPlugin } from 'kysely';
import type { Database } from '../src/db/database.ts';

export interface QueryCounter {
  /** The same database; every query through it is counted. */
  db: Kysely<Database>;
  /** Queries sent through `db` so far. */
  queries: number;
  /** While set, every query through `db` fails with this error instead of reaching the database. */
  failWith: Error | undefined;
}

/** Counts the queries sent through the returned `db` (a Kysely plugin: one call per executed query). */
export function countQueries(db: Kysely<Database>): QueryCounter {
  const counter: QueryCounter = { db, queries: 0, failWith: undefined };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      counter.queries++;
      if (counter.failWith) throw counter.failWith;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  counter.db = db.withPlugin(plugin);
  return counter;
}
