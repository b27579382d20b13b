import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTestContext, databaseKind, type TestContext } from '../../test/helpers.ts';
import { loadAreaSets } from '../areas/area-repository.ts';
import { openDatabase } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';

const configServiceDir = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `pnpm areas:import …` as a user runs it: the CLI in its own process, typed in `cwd` (INIT_CWD). */
function areasImport(args: string[], env: Record<string, string>, initCwd = configServiceDir): Promise<Run> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['src/cli/areas-import.ts', ...args], {
    cwd: configServiceDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, INIT_CWD: initCwd, LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe(`pnpm areas:import (${databaseKind})`, () => {
  // On PostgreSQL the CLI gets a database of its own; on PGlite a data folder of its own.
  let ctx: TestContext | undefined;
  let dataDir: string;
  let scratch: string;
  before(async () => {
    if (databaseKind === 'postgres') ctx = await createTestContext({ ownDatabase: true });
    dataDir = mkdtempSync(join(tmpdir(), 'meldpunt-areas-'));
    scratch = mkdtempSync(join(tmpdir(), 'meldpunt-areas-files-'));
  });
  after(async () => {
    await ctx?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });
  const databaseEnv = (): Record<string, string> =>
    ctx?.databaseUrl ? { DATABASE_URL: ctx.databaseUrl } : { DATA_DIR: dataDir };

  async function storedSets() {
    if (ctx) return loadAreaSets(ctx.db);
    const handle = openDatabase({ pgliteDir: join(dataDir, 'pglite') });
    try {
      await migrateToLatest(handle.db);
      return await loadAreaSets(handle.db);
    } finally {
      await handle.close();
    }
  }

  it('imports the 2025 municipalities, then finds them unchanged', async () => {
    // A path relative to where the user typed the command (the repository root), as pnpm passes it.
    const args = [
      'config-service/data/nl-gemeenten-2025.geojson',
      '--code-property',
      'statcode',
      '--name-property',
      'statnaam',
      '--valid-from',
      '2025-01-01',
    ];
    const first = await areasImport(args, databaseEnv(), repoRoot);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout.trim(), 'nl-gemeenten-2025.geojson: created, 342 areas valid from 2025-01-01');
    const second = await areasImport(['--', ...args], databaseEnv(), repoRoot);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout.trim(), 'nl-gemeenten-2025.geojson: unchanged, 342 areas valid from 2025-01-01');

    const sets = await storedSets();
    assert.deepEqual(
      sets.map((s) => [s.validFrom, s.features.length]),
      [['2025-01-01', 342]],
    );
    assert.equal(sets[0]?.features.find((f) => f.code === 'GM0505')?.name, 'Dordrecht');
  });

  it('explains wrong usage and exits 2', async () => {
    const file = 'data/nl-gemeenten-2025.geojson';
    const cases: [string[], RegExp][] = [
      [[file], /Missing --valid-from YYYY-MM-DD/],
      [[file, '--valid-from', '2025-02-30'], /--valid-from 2025-02-30 is not a date as YYYY-MM-DD/],
      [['--valid-from', '2025-01-01'], /Missing the GeoJSON file to import/],
      [[file, file, '--valid-from', '2025-01-01'], /Give exactly one GeoJSON file/],
      [[file, '--valid-from', '2025-01-01', '--code-prop', 'x'], /Unknown option '--code-prop'/],
    ];
    for (const [args, message] of cases) {
      const run = await areasImport(args, databaseEnv());
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Usage: pnpm areas:import <file\.geojson> --valid-from YYYY-MM-DD/);
      assert.equal(run.stdout, '');
    }
    const help = await areasImport(['--help'], databaseEnv());
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--code-property NAME/);
  });

  it('refuses an unusable file with what is wrong and where, and exits 2', async () => {
    const open = join(scratch, 'open.geojson');
    writeFileSync(
      open,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { statcode: 'GM0505', statnaam: 'Dordrecht' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [4.6, 51.8],
                  [4.7, 51.8],
                  [4.7, 51.9],
                  [4.6, 51.85],
                ],
              ],
            },
          },
        ],
      }),
    );
    const bad = await areasImport([open, '--valid-from', '2026-01-01'], databaseEnv());
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /open\.geojson: not a usable boundary file:\n {2}feature 0 \(GM0505\): ring 0 is not closed/,
    );
    assert.match(bad.stderr, /Nothing was imported\./);

    const missing = await areasImport([join(scratch, 'nope.geojson'), '--valid-from', '2026-01-01'], databaseEnv());
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.geojson: cannot read JSON: ENOENT/);

    const wrongProperty = await areasImport(
      ['data/nl-gemeenten-2025.geojson', '--valid-from', '2026-01-01', '--code-property', 'gemeentecode'],
      databaseEnv(),
    );
    assert.equal(wrongProperty.code, 2);
    assert.match(wrongProperty.stderr, /feature 0: property "gemeentecode" is missing/);
    assert.match(wrongProperty.stderr, /… and \d+ more problems/);

    assert.ok(!(await storedSets()).some((s) => s.validFrom === '2026-01-01'), 'nothing of 2026 was written');
  });
});
