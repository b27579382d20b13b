import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Env, EnvPurpose } from '../env.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase, type DatabaseHandle } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';

/**
 * Opens and migrates the database the environment points at (PostgreSQL or PGlite in `DATA_DIR`).
 *
 * On PostgreSQL every connection waits at most `DB_CONNECT_TIMEOUT_MS`. The service and workers
 * (`purpose`) also hold every statement to `DB_QUERY_TIMEOUT_MS`, so a stalled database costs a
 * request a 503 within seconds, not a hang. Migrations and the command-line jobs (`cli`) run without
 * that limit, as psql and pg_dump do: a migration or an import cut off halfway rolls back and would
 * fail the same way on every try, and a retention run catching up on a large backlog may need minutes.
 */
export async function connectFromEnv(env: Env, purpose: EnvPurpose = 'cli'): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    const server = { url: env.DATABASE_URL, connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS };
    const migrating = openDatabase({ ...server, poolSize: 1 });
    try {
      await migrateToLatest(migrating.db);
    } finally {
      await migrating.close();
    }
    const queryTimeoutMs = purpose === 'cli' ? undefined : env.DB_QUERY_TIMEOUT_MS;
    return openDatabase({ ...server, poolSize: env.DB_POOL_SIZE, queryTimeoutMs });
  }
  mkdirSync(env.DATA_DIR, { recursive: true });
  const release = lockDataDir(join(env.DATA_DIR, 'pglite.lock'));
  const handle = openDatabase({ pgliteDir: join(env.DATA_DIR, 'pglite') });
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    release();
    throw error;
  }
  return {
    ...handle,
    close: async () => {
      await handle.close();
      release();
    },
  };
}
