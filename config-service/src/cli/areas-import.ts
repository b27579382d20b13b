/**
 * `pnpm areas:import FILE --valid-from 2025-01-01 [--code-property statcode] [--name-property statnaam]`:
 * imports a GeoJSON FeatureCollection of municipalities as the areas in force from that date. Checks the
 * whole file before it writes anything; importing the same file again changes nothing.
 * Exit codes: 0 imported (or unchanged), 1 database error, 2 wrong usage or an unusable file.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isPlainDate } from '../areas/area-catalog.ts';
import { importAreaSet } from '../areas/area-repository.ts';
import { AreaFileError, parseAreaCollection } from '../areas/geojson.ts';
import { connectFromEnv } from '../db/connect.ts';
import { loadEnv } from '../env.ts';

const USAGE = `Usage: pnpm areas:import <file.geojson> --valid-from YYYY-MM-DD [options]

Imports the municipalities of a GeoJSON FeatureCollection (Polygon/MultiPolygon, WGS84) as the areas
in force from --valid-from. Importing the same areas again changes nothing; different areas for an
existing date replace that date's areas.

Options:
  --valid-from YYYY-MM-DD   first day these areas apply (municipal mergers: 1 January)   (required)
  --code-property NAME      feature property holding the municipality code               (default: statcode)
  --name-property NAME      feature property holding the municipality name               (default: statnaam)
  --source TEXT             where the areas came from                                    (default: the file name)
  -h, --help                show this help

Example: pnpm areas:import config-service/data/nl-gemeenten-2025.geojson --code-property statcode --name-property statnaam --valid-from 2025-01-01`;

/** Wrong usage or an unusable file: explain, point at the usage, exit 2. */
function fail(message: string, showUsage = true): never {
  console.error(message);
  if (showUsage) console.error(`\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    // pnpm may pass a literal `--` through; it is no option terminator here.
    args: process.argv.slice(2).filter((a) => a !== '--'),
    allowPositionals: true,
    options: {
      'valid-from': { type: 'string' },
      'code-property': { type: 'string', default: 'statcode' },
      'name-property': { type: 'string', default: 'statnaam' },
      source: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [file, ...extra] = positionals;
if (file === undefined) fail('Missing the GeoJSON file to import.');
if (extra.length > 0) fail('Give exactly one GeoJSON file.');
const validFrom = values['valid-from'];
if (validFrom === undefined) fail('Missing --valid-from YYYY-MM-DD: the first day these areas apply.');
if (!isPlainDate(validFrom)) fail(`--valid-from ${validFrom} is not a date as YYYY-MM-DD.`);

// pnpm runs scripts in the package folder; resolve paths against where the user typed the command.
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
let json: unknown;
try {
  json = JSON.parse(readFileSync(path, 'utf8'));
} catch (error) {
  fail(`${file}: cannot read JSON: ${(error as Error).message}`, false);
}
let features;
try {
  features = parseAreaCollection(json, {
    codeProperty: values['code-property'],
    nameProperty: values['name-property'],
  });
} catch (error) {
  if (!(error instanceof AreaFileError)) throw error;
  fail(`${file}: not a usable boundary file:\n${error.message.replace(/^/gm, '  ')}\nNothing was imported.`, false);
}

try {
  const database = await connectFromEnv(loadEnv());
  try {
    const result = await importAreaSet(database.db, {
      validFrom,
      source: values.source ?? basename(path),
      features,
    });
    console.log(`${basename(path)}: ${result.outcome}, ${result.count} areas valid from ${validFrom}`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
