/**
 * `pnpm tenant:import file.json [more.json …]`: creates or updates tenants from import documents
 * (contracts' `tenantImportSchema`) and publishes their config: the same checks and versioning as the
 * console's publish, each new version audited in the platform chain (actor `cli`). Validates every file
 * before it writes anything.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pino } from 'pino';
import { tenantImportSchema } from '@meldpunt/contracts';
import { AuditLog } from '../audit/audit-log.ts';
import { connectFromEnv } from '../db/connect.ts';
import { loadEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { ContactSealer } from '../secrets/contact-sealer.ts';
import { loadContactKeys, loadServerSecret } from '../secrets/load.ts';
import { sealPlaintextWebhookSecrets } from '../secrets/webhook-secret.ts';
import { importTenant } from '../tenants/tenant-service.ts';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  console.error('Usage: pnpm tenant:import <tenant.json> [more.json …]');
  process.exit(2);
}

const documents: unknown[] = [];
let invalid = false;
for (const file of files) {
  // pnpm runs scripts in the package folder; resolve paths against where the user typed the command.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`${file}: cannot read JSON: ${(error as Error).message}`);
    invalid = true;
    continue;
  }
  const parsed = tenantImportSchema.safeParse(json);
  if (!parsed.success) {
    console.error(`${file}: not a valid tenant:`);
    for (const issue of parsed.error.issues) console.error(`  /${issue.path.join('/')}: ${issue.message}`);
    invalid = true;
    continue;
  }
  documents.push(json);
}
if (invalid) {
  console.error('Nothing was imported.');
  process.exit(1);
}

try {
  const env = loadEnv();
  const serverSecret = loadServerSecret(env, createLogger('warn'));
  // Webhook secrets are stored sealed with the contact key ring.
  const sealer = new ContactSealer(loadContactKeys(env, createLogger('warn')));
  const database = await connectFromEnv(env);
  // Audit heads are logged to standard error, so standard output stays one line per tenant.
  const logger = createLogger('info', pino.destination({ dest: 2, sync: true }));
  const auditLog = new AuditLog({ db: database.db, serverSecret, logger });
  try {
    await sealPlaintextWebhookSecrets(database.db, sealer);
    for (const doc of documents) {
      // The console's rule for webhooks: https: in production (http: and private addresses in tests and the demo only).
      const result = await importTenant(database.db, doc, {
        auditLog,
        sealer,
        allowPrivateWebhooks: env.DELIVERY_ALLOW_PRIVATE_ADDRESSES,
      });
      const draft = result.draftDiscarded ? '; the console draft was set aside' : '';
      console.log(`${result.slug}: ${result.outcome} (published config version ${result.version}${draft})`);
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
