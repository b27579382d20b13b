import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { DevMailbox } from '../dev-mail/dev-mailbox.ts';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import type { ContactSealer } from '../secrets/contact-sealer.ts';
import { createMailer } from './mailer.ts';
import { startDeliveryWorker, type DeliveryWorkerOptions } from './worker.ts';

/** The sender in demo mode when `MAIL_FROM` is unset. */
const developmentSender = 'Meldpunt (ontwikkeling) <meldpunt@localhost>';

export interface RunningDelivery {
  nudge: () => void;
  /** Set when mail goes to the development mailbox. */
  devMailbox?: DevMailbox;
  stop(): Promise<void>;
}

/** The worker's settings from the environment. */
export function workerOptions(env: Env): DeliveryWorkerOptions {
  return {
    pollMs: env.DELIVERY_POLL_MS,
    concurrency: env.DELIVERY_CONCURRENCY,
    leaseMs: env.DELIVERY_LEASE_MS,
    retry: { baseMs: env.DELIVERY_RETRY_BASE_MS, maxMs: env.DELIVERY_RETRY_MAX_MS, giveUpMs: env.DELIVERY_GIVE_UP_MS },
    // loadEnv refuses it in production.
    allowPrivateAddresses: env.DELIVERY_ALLOW_PRIVATE_ADDRESSES,
    publicOrigin: env.PUBLIC_ORIGIN,
  };
}

/**
 * Starts a delivery worker as the environment says: mail over `SMTP_URL`, or — only when allowed
 * and in demo mode — into a development mailbox on loopback.
 */
export async function startDeliveryFromEnv(
  env: Env,
  deps: {
    db: Kysely<Database>;
    sealer: Pick<ContactSealer, 'open' | 'openInvitationLink' | 'openText'>;
    logger: Logger;
  },
  options: { allowDevMailbox: boolean },
): Promise<RunningDelivery> {
  if (!env.demo && !env.MAIL_FROM) {
    throw new Error('MAIL_FROM is not set: the sender of forwarded reports, e.g. "Meldpunt <meldpunt@gemeente.nl>".');
  }
  let smtpUrl = env.SMTP_URL;
  let devMailbox: DevMailbox | undefined;
  if (!smtpUrl) {
    if (!env.demo || !options.allowDevMailbox) {
      throw new Error(
        'SMTP_URL is not set. Set it to your mail relay (e.g. smtp://user:pass@smtp.example.nl:587); ' +
          'the demo (`pnpm start`, MELDPUNT_MODE=demo) runs a development mailbox instead.',
      );
    }
    devMailbox = await DevMailbox.start();
    smtpUrl = devMailbox.smtpUrl;
  }
  // One SMTP connection per delivery in flight, up to 10 (the URL's `maxConnections` overrides).
  const mailer = createMailer({
    smtpUrl,
    from: env.MAIL_FROM ?? developmentSender,
    maxConnections: Math.min(env.DELIVERY_CONCURRENCY, 10),
  });
  const worker = startDeliveryWorker({
    db: deps.db,
    sealer: deps.sealer,
    mailer,
    logger: deps.logger,
    options: workerOptions(env),
  });
  return {
    nudge: worker.nudge,
    devMailbox,
    stop: async () => {
      await worker.stop();
      mailer.close();
      await devMailbox?.close();
    },
  };
}
