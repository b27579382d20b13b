import { serve } from '@hono/node-server';
import { importDemoAreas } from './areas/demo-areas.ts';
import { createApp } from './app.ts';
import { connectFromEnv } from './db/connect.ts';
import { startDeliveryFromEnv } from './delivery/start.ts';
import { loadEnv } from './env.ts';
import { ReportRateLimiter } from './http/rate-limit.ts';
import { loadContactKey } from './keys.ts';
import { createLogger } from './logger.ts';
import { ContactSealer } from './reports/contact-crypto.ts';
import { defaultStaticDirs } from './routes/static-paths.ts';
import { startRetention } from './retention/retention.ts';
import { ReportRouter } from './routing/report-router.ts';
import { seedDemoTenants } from './tenants/demo-seed.ts';
import { TenantCache } from './tenants/tenant-cache.ts';

const env = loadEnv(process.env, 'service');
const logger = createLogger(env.LOG_LEVEL);

const database = await connectFromEnv(env);
logger.info(
  { database: database.kind, dataDir: database.kind === 'pglite' ? env.DATA_DIR : undefined },
  'database ready',
);

if (env.demo) {
  // The municipalities of 2025 (CBS/Kadaster, CC BY 4.0), so the demo routes reports by location.
  const areas = await importDemoAreas(database.db);
  logger.info({ outcome: areas.outcome, count: areas.count }, 'demo municipal areas imported');
  const seeded = await seedDemoTenants(database.db);
  logger.info({ tenants: seeded.map((r) => `${r.slug}:${r.outcome}`) }, 'demo tenants seeded');
}

const sealer = new ContactSealer(loadContactKey(env, logger));

// The delivery worker runs in this process unless DELIVERY_WORKER=false (then run `pnpm worker`).
const delivery = env.DELIVERY_WORKER
  ? await startDeliveryFromEnv(env, { db: database.db, sealer, logger }, { allowDevMailbox: true })
  : undefined;

const tenants: TenantCache = new TenantCache(database.db, {
  refreshAfterMs: env.CONFIG_REFRESH_MS,
  areas: { outline: (code) => router.outline(code) },
});
const router = new ReportRouter(database.db, tenants, { refreshAfterMs: env.CONFIG_REFRESH_MS, logger });
await router.refresh();

// Retention periods are enforced by the code: on start and every RETENTION_INTERVAL_MS.
const retention =
  env.RETENTION_INTERVAL_MS > 0 ? startRetention(database.db, logger, env.RETENTION_INTERVAL_MS) : undefined;

const app = createApp({
  db: database.db,
  tenants,
  router,
  sealer,
  rateLimiter: new ReportRateLimiter(),
  logger,
  trustProxy: env.TRUST_PROXY,
  publicOrigin: env.PUBLIC_ORIGIN,
  nudgeDelivery: delivery?.nudge,
  devMailbox: delivery?.devMailbox,
  staticDirs: defaultStaticDirs(),
});

const server = serve({ fetch: app.fetch, port: env.PORT, ...(env.HOST ? { hostname: env.HOST } : {}) }, (info) => {
  logger.info({ port: info.port }, `Meldpunt config-service listening on http://localhost:${info.port}`);
  if (delivery?.devMailbox) {
    logger.info(`No SMTP_URL: forwarded reports go to the development mailbox, http://localhost:${info.port}/dev/mail`);
  }
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  server.close();
  await delivery?.stop();
  await retention?.stop();
  await database.close();
  logger.flush();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
