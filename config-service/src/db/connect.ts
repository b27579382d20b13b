import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../env.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase, type DatabaseHandle } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';

/** Opens and migrates the database the environment points at (PostgreSQL or PGlite in `DATA_DIR`). */
export async function connectFromEnv(env: Env): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    const handle = openDatabase({ url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE });
    await migrateToLatest(handle.db);
    return handle;
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
