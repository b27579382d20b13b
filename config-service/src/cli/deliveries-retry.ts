/**
 * `pnpm deliveries:retry --tenant <slug>` or `--id <delivery uuid>`: re-drives failed deliveries (and
 * brings retrying ones forward): queued again, due now, with a fresh give-up window. A running worker
 * picks them up within DELIVERY_POLL_MS. With PGlite, stop `pnpm start` first.
 */
import { parseArgs } from 'node:util';
import { connectFromEnv } from '../db/connect.ts';
import { redriveDeliveries } from '../delivery/outbox-repository.ts';
import { loadEnv } from '../env.ts';

const usage = 'Usage: pnpm deliveries:retry --tenant <slug> | --id <delivery id>';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let args;
try {
  args = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { tenant: { type: 'string' }, id: { type: 'string' } },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (!args.tenant === !args.id || (args.id && !uuid.test(args.id))) {
  console.error(usage);
  process.exit(2);
}

try {
  const database = await connectFromEnv(loadEnv());
  try {
    const queued = await redriveDeliveries(database.db, args.id ? { id: args.id } : { tenantSlug: args.tenant ?? '' });
    console.log(
      queued === 0
        ? 'Nothing to re-drive: no failed or retrying delivery matches.'
        : `${queued} deliver${queued === 1 ? 'y' : 'ies'} queued again.`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
