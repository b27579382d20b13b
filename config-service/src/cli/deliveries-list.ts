/**
 * `pnpm deliveries:list --tenant <slug> [--status queued|sending|retrying|sent|failed] [--limit 100]`:
 * a tenant's deliveries (forwarded reports and invitation mails), newest first — sent, queued,
 * retrying (with the next attempt and last error) or failed. `--platform` instead of `--tenant`: the
 * mails of invitations to the platform alone. With PGlite, stop `pnpm start` first (one process owns the data folder).
 */
import { parseArgs } from 'node:util';
import { connectFromEnv } from '../db/connect.ts';
import type { DeliveryStatus } from '../db/database.ts';
import { listDeliveries } from '../delivery/outbox-repository.ts';
import { loadEnv } from '../env.ts';

const statuses: DeliveryStatus[] = ['queued', 'sending', 'retrying', 'sent', 'failed'];
const usage = 'Usage: pnpm deliveries:list (--tenant <slug> | --platform) [--status <status>] [--limit <n>]';

let args;
try {
  args = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      tenant: { type: 'string' },
      platform: { type: 'boolean', default: false },
      status: { type: 'string' },
      limit: { type: 'string' },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const status = args.status as DeliveryStatus | undefined;
const limit = args.limit === undefined ? 100 : Number(args.limit);
if (
  !args.tenant === !args.platform ||
  (status && !statuses.includes(status)) ||
  !Number.isInteger(limit) ||
  limit < 1
) {
  console.error(usage);
  process.exit(2);
}

try {
  const database = await connectFromEnv(loadEnv());
  try {
    const rows = await listDeliveries(database.db, { tenantSlug: args.tenant ?? null, status, limit });
    if (rows.length === 0) console.log(args.tenant ? `No deliveries for tenant "${args.tenant}".` : 'No deliveries.');
    for (const row of rows) console.log(formatDelivery(row));
  } finally {
    await database.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}

function formatDelivery(row: Awaited<ReturnType<typeof listDeliveries>>[number]): string {
  const state =
    row.status === 'sent'
      ? `sent ${row.sent_at?.toISOString()}`
      : row.status === 'retrying'
        ? `retrying, next attempt ${row.next_attempt_at.toISOString()}, last error ${row.last_error}`
        : row.status === 'failed'
          ? `failed: ${row.last_error}`
          : row.status;
  return [
    row.id,
    row.reference ?? row.kind,
    row.created_at.toISOString(),
    `${row.channel} ${row.target}`,
    `attempts ${row.attempts}`,
    state,
  ].join('  ');
}
