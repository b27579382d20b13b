/**
 * `pnpm secrets:reseal`: after a key rotation, re-seals every sealed value (see `src/sealed-columns.ts`)
 * that is not sealed under the current key of CONTACT_ENCRYPTION_KEYS (CONTACT_ENCRYPTION_KEY_ID), or
 * is still in the old format. Prints counts, never content. Safe to run next to the service and to
 * run again; exits 1 when values remain that no key in the ring opens.
 *
 * Issue 15: it also counts the receipt codes per receipt key (RECEIPT_CODE_KEYS). Those cannot be
 * re-hashed — the service never has a code again — so an old receipt key stays in the ring until this
 * says it has no codes left (its reports withdrawn or deleted by retention).
 */
import { connectFromEnv } from '../db/connect.ts';
import { loadEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { sealedColumns } from '../sealed-columns.ts';
import { loadContactKeys } from '../secrets/load.ts';
import { ContactSealer } from '../secrets/contact-sealer.ts';
import { resealColumns } from '../secrets/reseal.ts';
import { sealPlaintextWebhookSecrets } from '../secrets/webhook-secret.ts';

try {
  const env = loadEnv(process.env, 'cli');
  const keys = loadContactKeys(env, createLogger(env.LOG_LEVEL));
  const database = await connectFromEnv(env);
  try {
    // Webhook secrets from before they were sealed at rest: sealed under the current key first.
    const sealedWebhookSecrets = await sealPlaintextWebhookSecrets(database.db, new ContactSealer(keys));
    if (sealedWebhookSecrets > 0)
      console.log(`tenant.settings: ${sealedWebhookSecrets} plain-text webhook secret(s) sealed`);
    const results = await resealColumns(database.db, keys, sealedColumns);
    let unreadable = 0;
    for (const r of results) {
      const notOpened = Object.entries(r.unreadable).map(([keyId, n]) => `${n} under key ${keyId}`);
      unreadable += Object.values(r.unreadable).reduce((sum, n) => sum + n, 0);
      console.log(
        `${r.column}: ${r.resealed} re-sealed, ${r.skipped} changed meanwhile (left as they are)` +
          (notOpened.length ? `, could not open ${notOpened.join(', ')}` : ''),
      );
    }
    console.log(`Current key: ${keys.currentId} (ring: ${keys.ids.join(', ')}).`);
    const receipts = await database.db
      .selectFrom('report')
      .select(['receipt_key_id', (eb) => eb.fn.countAll<string>().as('codes')])
      .where('receipt_key_id', 'is not', null)
      .groupBy('receipt_key_id')
      .orderBy('receipt_key_id')
      .execute();
    console.log(
      `Receipt codes by receipt key: ${receipts.length ? receipts.map((r) => `key ${r.receipt_key_id}: ${r.codes}`).join(', ') : 'none'} ` +
        '(a key without codes may leave RECEIPT_CODE_KEYS).',
    );
    if (results.some((r) => r.skipped > 0)) console.log('Some values changed while this ran: run it again.');
    if (unreadable > 0) {
      console.error(
        `${unreadable} value(s) could not be opened: keep the key(s) they name in CONTACT_ENCRYPTION_KEYS and run again.`,
      );
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
