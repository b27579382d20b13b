/**
 * `pnpm audit:verify [--chain <tenant slug | tenant id | platform>] [--expect <chain>=<sequence>:<hash> …]
 * [--expect-file FILE …]`: walks every chain of the audit log (or the one named), recomputes each entry's HMAC (needs the same `SERVER_SECRET` as the service), and
 * checks each head recorded outside the database — `--expect` values, or a file of such lines or of the
 * service's JSON log (its `audit head` lines; per chain the highest sequence counts). Prints one line
 * per chain; exits 1 naming the chain and sequence of every changed, removed or cut-off entry.
 * With PGlite, stop `pnpm start` first.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseExpectations, verifyAuditLog } from '../audit/verify.ts';
import { connectFromEnv } from '../db/connect.ts';
import { loadEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { loadServerSecret } from '../secrets/load.ts';

const usage =
  'Usage: pnpm audit:verify [--chain <tenant slug | tenant id | platform>] ' +
  '[--expect <chain>=<sequence>:<hash> …] [--expect-file <file> …]';

let expected;
let chainArg: string | undefined;
try {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      expect: { type: 'string', multiple: true, default: [] },
      'expect-file': { type: 'string', multiple: true, default: [] },
      chain: { type: 'string' },
    },
  });
  chainArg = values.chain;
  expected = parseExpectations(
    values.expect,
    values['expect-file'].map((file) => readFileSync(file, 'utf8')),
  );
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

try {
  const env = loadEnv(process.env, 'cli');
  const secret = loadServerSecret(env, createLogger(env.LOG_LEVEL));
  const database = await connectFromEnv(env);
  try {
    const names = new Map(
      (await database.db.selectFrom('tenant').select(['id', 'slug']).execute()).map((t) => [t.id, t.slug]),
    );
    const only = chainArg === undefined ? undefined : [chainOfArg(chainArg, names)];
    const { chains, problems } = await verifyAuditLog(database.db, secret, expected, only);
    for (const chain of chains) {
      const name = names.has(chain.chain) ? `${chain.chain} (${names.get(chain.chain)})` : chain.chain;
      const broken = problems.some((p) => p.chain === chain.chain);
      const head = chain.head ? `, head ${chain.head.sequence}:${chain.head.hash}` : '';
      console.log(`${broken ? 'BROKEN' : 'ok'}  ${name}: ${chain.entries} entries${head}`);
    }
    for (const problem of problems) console.error(`Audit log: ${problem.kind}: ${problem.message}`);
    if (problems.length > 0) {
      process.exitCode = 1;
    } else {
      console.log(
        `Audit log intact: ${chains.length} chain(s) verified` +
          (expected.size ? `, ${expected.size} head(s) recorded outside the database matched.` : '.'),
      );
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}

/** The chain a `--chain` value names: a tenant's slug or id, or `platform`. */
function chainOfArg(value: string, slugs: ReadonlyMap<string, string>): string {
  if (value === 'platform' || slugs.has(value)) return value;
  const id = [...slugs].find(([, slug]) => slug === value)?.[0];
  // A tenant offboarded since has no slug any more; its id is the chain's name.
  return id ?? value;
}
