/**
 * `pnpm test` for the config-service: the whole service suite twice — on embedded PGlite and on a
 * real PostgreSQL started here (initdb in a temp folder). A missing PostgreSQL fails the run with
 * what to install; it is never skipped.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/dialect.ts';
import type { Database } from '../src/db/database.ts';
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

/**
 * The one migrated PGlite database every test context starts from (`test/helpers.ts`): made here once,
 * dumped to a file, loaded by each context — an empty PGlite takes seconds to initialise and migrate, a
 * loaded dump about one.
 */
async function pgliteTemplateFile(dir: string): Promise<string> {
  const pglite = new PGlite('memory://');
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  const file = join(dir, 'pglite-template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  return file;
}

/** The migrated PostgreSQL database that the tests' own databases are copied from (`create database … template`). */
const postgresTemplate = 'meldpunt_template';

let failed = false;
if (!only || only === 'pglite') {
  const dir = mkdtempSync(join(tmpdir(), 'meldpunt-test-template-'));
  try {
    const template = await pgliteTemplateFile(dir);
    failed = (await runSuite('PGlite', { TEST_DATABASE_URL: '', TEST_PGLITE_TEMPLATE: template })) !== 0 || failed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    await sql`create database ${sql.id(postgresTemplate)}`.execute(handle.db);
    await handle.close();
    const templateUrl = new URL(postgres.url);
    templateUrl.pathname = `/${postgresTemplate}`;
    const template = openDatabase({ url: templateUrl.toString(), poolSize: 1 });
    await migrateToLatest(template.db);
    await template.close();
    failed =
      (await runSuite('PostgreSQL', { TEST_DATABASE_URL: postgres.url, TEST_POSTGRES_TEMPLATE: postgresTemplate })) !==
        0 || failed;
  } finally {
    await postgres.stop();
  }
}
process.exit(failed ? 1 : 0);
