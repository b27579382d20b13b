/**
 * `pnpm worker`: a delivery worker as its own process, for scale-out next to (or instead of) the one
 * inside `pnpm start` (`DELIVERY_WORKER=false` turns that one off). Needs `SMTP_URL`. Several workers
 * may run at once against one PostgreSQL, each woken by `NOTIFY` when any instance accepts a report (a
 * dedicated LISTEN connection: needs session pooling, not a transaction pooler) and polling
 * `DELIVERY_POLL_MS` as the fallback; with the embedded PGlite only one process can open the data
 * folder, so there the worker inside `pnpm start` is the way.
 */
import { connectFromEnv } from '../db/connect.ts';
import { startDeliveryFromEnv } from '../delivery/start.ts';
import { loadEnvOrExit } from '../env.ts';
import { createLogger } from '../logger.ts';
import { startMetricsServer } from '../ops/metrics-server.ts';
import { channels, startNotificationListener } from '../ops/notifications.ts';
import { ContactSealer } from '../secrets/contact-sealer.ts';
import { loadContactKeys } from '../secrets/load.ts';
import { sealPlaintextWebhookSecrets } from '../secrets/webhook-secret.ts';

const env = loadEnvOrExit('worker');
const logger = createLogger(env.LOG_LEVEL);

try {
  const database = await connectFromEnv(env, 'worker');
  let delivery;
  try {
    const sealer = new ContactSealer(loadContactKeys(env, logger));
    // Webhook secrets stored before they were sealed at rest (migration 2026-12-06T00-00): sealed now.
    const sealed = await sealPlaintextWebhookSecrets(database.db, sealer);
    if (sealed > 0) logger.info({ count: sealed }, 'plain-text webhook secrets sealed');
    delivery = await startDeliveryFromEnv(env, { db: database.db, sealer, logger }, { allowDevMailbox: false });
  } catch (error) {
    await database.close();
    throw error;
  }
  const running = delivery;
  // Issue 16: woken at once when any instance queues a delivery; polling stays the fallback.
  const notifications = env.DATABASE_URL
    ? startNotificationListener({
        url: env.DATABASE_URL,
        connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
        logger,
        on: { [channels.delivery]: () => running.nudge() },
        onListening: () => running.nudge(),
      })
    : undefined;
  const metricsServer =
    env.METRICS_PORT === undefined
      ? undefined
      : await startMetricsServer({
          port: env.METRICS_PORT,
          host: env.METRICS_HOST,
          db: database.db,
          ...(notifications ? { listening: () => notifications.listening } : {}),
        });
  if (metricsServer) logger.info({ port: metricsServer.port, host: env.METRICS_HOST }, 'metrics at GET /metrics');
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'delivery worker shutting down');
    await notifications?.stop();
    await metricsServer?.close();
    await delivery.stop();
    await database.close();
    logger.flush();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
