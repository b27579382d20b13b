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
  /** Pool size for a real server. */
  poolSize?: number;
}

/** Opens the database: a real PostgreSQL when a URL is given, else PGlite. Same migrations, same queries. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = options.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
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
