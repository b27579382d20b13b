/** Helpers for delivery tests: a real worker with fast retry settings, and polling for outcomes. */
import type { Kysely } from 'kysely';
import type { Database, Delivery } from '../src/db/database.ts';
import { createMailer } from '../src/delivery/mailer.ts';
import { startDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from '../src/delivery/worker.ts';
import { testPublicOrigin, type TestContext } from './helpers.ts';
import { patience } from './patience.ts';

export const testMailFrom = 'Meldpunt test <meldpunt@meldpunt.example>';

/**
 * Fast retries for tests: 20 ms growing to at most 200 ms; giving up after a minute. Webhooks to
 * loopback (the tests' receivers) only with `allowPrivateAddresses: true`, as in production they are refused.
 */
export function testWorkerOptions(overrides: Partial<DeliveryWorkerOptions> = {}): DeliveryWorkerOptions {
  return {
    pollMs: 50,
    concurrency: 8,
    leaseMs: 20_000,
    retry: { baseMs: 20, maxMs: 200, giveUpMs: 60_000 },
    allowPrivateAddresses: false,
    publicOrigin: testPublicOrigin,
    ...overrides,
  };
}

export interface TestWorker {
  worker: DeliveryWorker;
  stop(): Promise<void>;
}

/** A delivery worker on the context's database (or `db`), mailing to `smtpUrl`, logging into the context's logs. */
export function startTestWorker(
  ctx: TestContext,
  smtpUrl: string,
  options: { overrides?: Partial<DeliveryWorkerOptions>; db?: Kysely<Database>; name?: string } = {},
): TestWorker {
  const mailer = createMailer({ smtpUrl, from: testMailFrom });
  const worker = startDeliveryWorker({
    db: options.db ?? ctx.db,
    sealer: ctx.deps.sealer,
    mailer,
    logger: ctx.deps.logger,
    options: testWorkerOptions(options.overrides),
    ...(options.name ? { name: options.name } : {}),
  });
  return {
    worker,
    stop: async () => {
      await worker.stop();
      mailer.close();
    },
  };
}

/** Polls until `check` returns true; throws with `what` after `timeoutMs` (by default `patience`). */
export async function waitUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs = patience) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (waited ${timeoutMs / 1000} s)`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function deliveriesOf(db: Kysely<Database>, tenantId: string): Promise<Delivery[]> {
  return db.selectFrom('delivery').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();
}

export function deliveriesOfReport(db: Kysely<Database>, reportId: string): Promise<Delivery[]> {
  return db.selectFrom('delivery').selectAll().where('report_id', '=', reportId).orderBy('target').execute();
}
