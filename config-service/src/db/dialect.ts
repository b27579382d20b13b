import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** `pglite`: embedded PostgreSQL in WASM (zero setup); `postgres`: a real server via `pg`. */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…`: use a real PostgreSQL server. Unset: embedded PGlite. */
  url?: string | undefined;
  /** PGlite's data folder, or `memory://` for a throwaway in-memory database. */
  pgliteDir?: string;
  /**
   * PGlite: start from this dump of a data folder (`PGlite.dumpDataDir`) instead of an empty one — the
   * tests' one migrated template, which opens in a fraction of the time an empty database takes to
   * initialise and migrate.
   */
  pgliteDump?: Blob;
  /** Pool size for a real server. */
  poolSize?: number;
  /**
   * PostgreSQL: longest wait for a connection, a new one or a free one of a full pool (pg's
   * `connectionTimeoutMillis`). Unset: wait as long as it takes.
   */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL: longest a statement may take. The client gives up then (pg's `query_timeout`, the only
   * limit that helps when the server itself stalls) and so does the server (`statement_timeout`, which
   * frees its work when the client is gone); a transaction may not sit idle longer either
   * (`idle_in_transaction_session_timeout`, which frees its locks when the client stalls).
   * Unset: no limit, as psql and pg_dump have none (migrations and command-line jobs).
   */
  queryTimeoutMs?: number;
}

/** Opens the database: a real PostgreSQL when a URL is given, else PGlite. Same migrations, same queries. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.url) {
    const timeout = options.queryTimeoutMs;
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      Client: TimeoutClient,
      ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
      ...(timeout
        ? { query_timeout: timeout, statement_timeout: timeout, idle_in_transaction_session_timeout: timeout }
        : {}),
    });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = options.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir, options.pgliteDump ? { loadDataDir: options.pgliteDump } : {});
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * A pg client that closes its connection when a query times out on the client side. pg rejects such a
 * query but keeps the connection waiting for the server's answer; back in the pool, it would hold up
 * every later query sent on it (for good, when the server never answers). Closed, it leaves the pool,
 * and the pool opens a fresh connection once the server answers again.
 *
 * It also listens for its own `error` event. pg emits one when the connection is lost while no query
 * is running on it; the pool listens only while the client is idle, so a connection cut while a
 * transaction holds it (a failover, a proxy's reset, a timed-out statement's own `end`) would crash
 * the process as an unhandled `error`. The next query on it fails instead, and the pool drops it.
 */
class TimeoutClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => {});
  }

  // `any`: pg's many overloads of `query`, passed through unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const result: unknown = super.query.apply(this, args as never);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === 'Query read timeout') void this.end();
      });
    }
    return result;
  }
}
