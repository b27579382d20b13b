/**
 * `pnpm retention`: enforces every tenant's retention periods once (erases contact details and deletes
 * reports whose period is over, clears idempotency keys past their replay window) and prints what it
 * did, as counts per tenant. For a cron job when
 * `pnpm start` runs with RETENTION_INTERVAL_MS=0; harmless to run next to it.
 */
import { connectFromEnv } from '../db/connect.ts';
import { loadEnv } from '../env.ts';
import { enforceRetention } from '../retention/retention.ts';

try {
  const database = await connectFromEnv(loadEnv());
  try {
    const result = await enforceRetention(database.db);
    for (const t of result.byTenant) {
      console.log(`${t.slug}: ${t.contactsErased} contact block(s) erased, ${t.reportsDeleted} report(s) deleted`);
    }
    console.log(
      `Retention enforced: ${result.contactsErased} contact block(s) erased, ${result.reportsDeleted} report(s) deleted, ` +
        `${result.idempotencyKeysCleared} idempotency key(s) cleared, ${result.logosDeleted} unused logo(s) deleted, ` +
        `${result.testDeliveriesDeleted} test deliveries deleted.`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
