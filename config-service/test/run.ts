/**
 * `pnpm test` for the config-service: the whole service suite twice — on embedded PGlite and on a
 * real PostgreSQL started here (initdb in a temp folder). A missing PostgreSQL fails the run with
 * what to install; it is never skipped.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/dialect.ts';
import { startPostgres } from './postgres.ts';

// `pnpm --filter @meldpunt/config-service test src/x.test.ts …` runs just those files (on both databases).
const chosen = process.argv.slice(2).filter((a) => a.endsWith('.test.ts'));
const options = process.argv.slice(2).filter((a) => !a.endsWith('.test.ts'));
const files = chosen.length
  ? chosen
  : ['src', 'test', 'scripts']
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
      .filter((f) => f.endsWith('.test.ts'))
      .sort();
const only = process.env.TEST_DB; // `pglite` or `postgres` to run one of the two

function runSuite(label: string, env: Record<string, string>): Promise<number> {
  console.log(`\n=== config-service tests on ${label} (${files.length} files) ===`);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--test', '--test-reporter=spec', '--test-concurrency=2', ...options, ...files],
      { stdio: 'inherit', env: { ...process.env, ...env } },
    );
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let failed = false;
if (!only || only === 'pglite') {
  failed = (await runSuite('PGlite', { TEST_DATABASE_URL: '' })) !== 0 || failed;
}
if (!only || only === 'postgres') {
  let postgres;
  try {
    postgres = await startPostgres();
  } catch (error) {
    console.error(`\nCannot start PostgreSQL for the real-database run:\n${(error as Error).message}`);
    process.exit(1);
  }
  try {
    const handle = openDatabase({ url: postgres.url });
    await migrateToLatest(handle.db);
    await handle.close();
    failed = (await runSuite('PostgreSQL', { TEST_DATABASE_URL: postgres.url })) !== 0 || failed;
  } finally {
    await postgres.stop();
  }
}
process.exit(failed ? 1 : 0);
