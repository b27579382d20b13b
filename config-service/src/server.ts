import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { importShippedAreasIfNone } from './areas/demo-areas.ts';
import { AuditLog } from './audit/audit-log.ts';
import { createApp } from './app.ts';
import { connectFromEnv } from './db/connect.ts';
import { startDeliveryFromEnv } from './delivery/start.ts';
import { loadEnvOrExit, trustedProxiesOf } from './env.ts';
import { createLogger } from './logger.ts';
import { startMetricsServer } from './ops/metrics-server.ts';
import { channels, startNotificationListener } from './ops/notifications.ts';
import { Readiness, startingFetch } from './ops/readiness.ts';
import { ReceiptKeys } from './follow-up/receipt-keys.ts';
import { ReceiverLookup } from './receivers/receiver-lookup.ts';
import { GuessLimiter } from './follow-up/guess-limiter.ts';
import { ReportRateLimiter } from './reports/rate-limit.ts';
import { IntakeGate } from './http/intake-gate.ts';
import { intakeFromReports, ProofDifficulty } from './proof/difficulty.ts';
import { ProofOfWork } from './proof/proof-of-work.ts';
import { ProofReplayStore } from './proof/replay-store.ts';
import { startRetention } from './retention/retention.ts';
import { defaultStaticDirs } from './routes/static-paths.ts';
import { warmStaticFiles } from './routes/static.ts';
import { ContactSealer } from './secrets/contact-sealer.ts';
import { loadContactKeys, loadServerSecret } from './secrets/load.ts';
import { sealPlaintextWebhookSecrets } from './secrets/webhook-secret.ts';
import { seedDemoStaff } from './staff/demo-staff.ts';
import { seedDemoReports } from './tenants/demo-reports.ts';
import { seedDemoTenants } from './tenants/demo-seed.ts';
import { TenantCache } from './tenants/tenant-cache.ts';

// Production unless MELDPUNT_MODE says otherwise: without its secrets this throws and names them.
const env = loadEnvOrExit('service');
const logger = createLogger(env.LOG_LEVEL);
if (env.demo) {
  // The first line, at warn so LOG_LEVEL=warn still shows it.
  logger.warn(
    { mode: env.MELDPUNT_MODE },
    'DEMO MODE: demo tenants, demo site and a development mailbox — never use this in production',
  );
}

// Listen before connecting and migrating: liveness answers 200 and readiness 503 meanwhile, so an
// orchestrator tells a migrating instance from a dead one (ops/readiness.ts).
const readiness = new Readiness();
// The node server's bindings (`env.incoming`: the socket, for loopback-only routes) pass through.
let handleRequest: (request: Request, bindings: unknown) => Response | Promise<Response> = startingFetch;
let server: ReturnType<typeof serve> | undefined;
const listening = new Promise<number>((resolve) => {
  server = serve(
    {
      fetch: (request, bindings) => handleRequest(request, bindings),
      port: env.PORT,
      ...(env.HOST ? { hostname: env.HOST } : {}),
    },
    (info) => resolve(info.port),
  );
});

const database = await connectFromEnv(env, 'service');
logger.info(
  { database: database.kind, dataDir: database.kind === 'pglite' ? env.DATA_DIR : undefined },
  'database ready',
);

// Municipal boundaries are public reference data that routing needs in every mode: a database without
// any gets the shipped municipalities of 2025 (CBS/Kadaster, CC BY 4.0); existing areas are left alone.
const areas = await importShippedAreasIfNone(database.db);
if (areas) logger.info({ outcome: areas.outcome, count: areas.count }, 'shipped municipal areas of 2025 imported');

if (env.demo) {
  const seeded = await seedDemoTenants(database.db);
  logger.info({ tenants: seeded.map((r) => `${r.slug}:${r.outcome}`) }, 'demo tenants seeded');
  await seedDemoStaff(database.db);
  logger.info('demo staff seeded: sign in with one click at /console/ (GET /api/v1/auth/demo lists them)');
}

const sealer = new ContactSealer(loadContactKeys(env, logger));
if (env.demo) {
  // After the demo tenants and staff, before retention's first sweep; sealed with the service's own keys.
  const reports = await seedDemoReports(database.db, sealer);
  logger.info({ reports: reports.map((r) => `${r.slug}:${r.outcome}:${r.count}`) }, 'demo reports seeded');
}
// Webhook secrets stored before they were sealed at rest (migration 2026-12-06T00-00): sealed now.
const sealedWebhookSecrets = await sealPlaintextWebhookSecrets(database.db, sealer);
if (sealedWebhookSecrets > 0) logger.info({ count: sealedWebhookSecrets }, 'plain-text webhook secrets sealed');
const serverSecret = loadServerSecret(env, logger);
// One audit log for the app: every new head goes to this logger, outside the database (`audit:verify`).
const auditLog = new AuditLog({ db: database.db, serverSecret, logger });

// The delivery worker runs in this process unless DELIVERY_WORKER=false (then run `pnpm worker`).
const delivery = env.DELIVERY_WORKER
  ? await startDeliveryFromEnv(env, { db: database.db, sealer, logger }, { allowDevMailbox: true })
  : undefined;

const tenants: TenantCache = new TenantCache(database.db, {
  refreshAfterMs: env.CONFIG_REFRESH_MS,
  areas: { outline: (code) => receivers.outline(code) },
});
const receivers = new ReceiverLookup(database.db, tenants, { refreshAfterMs: env.CONFIG_REFRESH_MS, logger });
await receivers.refresh();

// Retention periods are enforced by the code: on start and every RETENTION_INTERVAL_MS.
const retention =
  env.RETENTION_INTERVAL_MS > 0 ? startRetention(database.db, logger, env.RETENTION_INTERVAL_MS) : undefined;

// The widget in every mode; the demo site only in demo mode (the dev mailbox exists only then, too).
const { widgetDir, consoleDir, demoSite } = defaultStaticDirs();
if (!existsSync(join(widgetDir, 'meldpunt-widget.js'))) {
  logger.warn({ widgetDir }, 'The widget is not built, so /widget/ answers 404: run `pnpm build` first');
}
if (!existsSync(join(consoleDir, 'index.html'))) {
  logger.warn({ consoleDir }, 'The console is not built, so /console/ answers 404: run `pnpm build` first');
}
// Issue 16: on PostgreSQL, one connection LISTENs for what other instances and workers changed: a
// delivery due (wake the in-process worker) or a tenant changed (forget its cached config, re-read
// routing). Polling (`DELIVERY_POLL_MS`, `CONFIG_REFRESH_MS`) stays the fallback while it is down.
const notifications = env.DATABASE_URL
  ? startNotificationListener({
      url: env.DATABASE_URL,
      connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
      logger,
      on: {
        ...(delivery ? { [channels.delivery]: () => delivery.nudge() } : {}),
        [channels.tenant]: (slug: string) => {
          tenants.invalidate(slug);
          receivers.refresh().catch(() => {}); // routing: kept as it was until the next refresh
        },
      },
      // Notices sent while we were not listening are lost: catch up on whatever they might have said.
      onListening: () => {
        tenants.invalidateAll();
        delivery?.nudge();
      },
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

const app = createApp({
  db: database.db,
  readiness,
  tenants,
  receivers,
  sealer,
  serverSecret,
  // Issue 15: receipt codes are hashed under these (key 1 from SERVER_SECRET unless RECEIPT_CODE_KEYS says otherwise).
  receiptKeys: ReceiptKeys.fromEnv(env.RECEIPT_CODE_KEYS, env.RECEIPT_CODE_KEY_ID, serverSecret),
  // Issue 16: counted in the database, so every instance on it enforces one limit together.
  rateLimiter: new ReportRateLimiter(
    { db: database.db, serverSecret },
    { onSweepError: (error) => logger.warn({ err: error }, 'expired rate-limit windows not deleted') },
  ),
  // Issue 16: failed receipt-code look-ups counted in the database too.
  guessLimiter: new GuessLimiter(
    { db: database.db, serverSecret },
    {},
    { onSweepError: (error) => logger.warn({ err: error }, 'past receipt-code guess counts not deleted') },
  ),
  // Issue 16: challenges signed with a key from SERVER_SECRET, used ones kept in the database (shared by instances).
  proof: new ProofOfWork({
    serverSecret,
    difficulty: new ProofDifficulty(intakeFromReports(database.db), {
      ...(env.PROOF_MAX_NUMBER === undefined ? {} : { baseMaxNumber: env.PROOF_MAX_NUMBER }),
      ...(env.PROOF_FLOOD_FACTOR === undefined ? {} : { floodFactor: env.PROOF_FLOOD_FACTOR }),
    }),
    replays: new ProofReplayStore(database.db),
  }),
  intakeGate: new IntakeGate(env.INTAKE_MAX_IN_FLIGHT),
  logger,
  auditLog,
  trustedProxies: trustedProxiesOf(env),
  publicOrigin: env.PUBLIC_ORIGIN,
  nudgeDelivery: delivery?.nudge,
  devMailbox: delivery?.devMailbox,
  widgetDir,
  consoleDir,
  demoSite: env.demo ? demoSite : undefined,
  demoSignIn: env.demo,
  ssoAllowLoopbackHttp: env.MELDPUNT_MODE !== 'production',
  allowPrivateAddresses: env.DELIVERY_ALLOW_PRIVATE_ADDRESSES,
});

handleRequest = (request, bindings) => app.fetch(request, bindings as object);
readiness.serving();
{
  const port = await listening;
  logger.info(
    { port, mode: env.MELDPUNT_MODE, publicOrigin: env.PUBLIC_ORIGIN },
    env.demo
      ? `Meldpunt config-service listening on http://localhost:${port}; the demo site is at /demo/, the console at /console/`
      : `Meldpunt config-service listening on port ${port}`,
  );
  void warmStaticFiles(widgetDir).then((files) => logger.debug({ files: files.length }, 'widget files compressed'));
  void warmStaticFiles(consoleDir).then((files) => logger.debug({ files: files.length }, 'console files compressed'));
  if (delivery?.devMailbox) {
    logger.info(
      { smtp: delivery.devMailbox.smtpUrl },
      `No SMTP_URL: forwarded reports go to the development mailbox, http://localhost:${port}/dev/mail (this machine only)`,
    );
  }
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  readiness.stopping();
  server?.close();
  await notifications?.stop();
  await metricsServer?.close();
  await delivery?.stop();
  await retention?.stop();
  await database.close();
  logger.flush();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
