import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { ReportContact } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { ContactSealer } from '../secrets/contact-sealer.ts';
import { openWebhookSecret } from '../secrets/webhook-secret.ts';
import { nextRetry, type RetryPolicy } from './backoff.ts';
import { classifyFailure, PermanentDeliveryError } from './classify.ts';
import { renderInvitationMail } from './mail/invitation-mail.ts';
import { mailLocaleOf } from './mail/mail-language.ts';
import { noticeLocaleOf, renderReplyNotice, renderReporterNotice } from './mail/notice-mail.ts';
import { renderReportMail } from './mail/report-mail.ts';
import { renderTestMail } from './mail/test-mail.ts';
import { reportMessageId, type Mailer } from './mailer.ts';
import {
  claimDeliveries,
  findDeliveryInvitations,
  findDeliveryReports,
  findDeliveryTests,
  forgetLink,
  markFailed,
  markRetry,
  markSent,
  type ClaimedDelivery,
  type DeliveryInvitation,
  type DeliveryReport,
  type DeliveryTest,
} from './outbox-repository.ts';
import { pgpMimeMessage } from './pgp.ts';
import { sendWebhook, webhookEvent } from './webhook.ts';

export interface DeliveryWorkerOptions {
  /** How long an idle worker waits before it looks for due deliveries again. */
  pollMs: number;
  /** Deliveries in flight at once. */
  concurrency: number;
  /** How long a claim is this worker's; a crashed worker's claims come free after it. */
  leaseMs: number;
  retry: RetryPolicy;
  /**
   * Tests and the demo only (`DELIVERY_ALLOW_PRIVATE_ADDRESSES`): webhooks may use `http:` and reach
   * loopback and private addresses. Otherwise only `https:` to public addresses.
   */
  allowPrivateAddresses: boolean;
  /**
   * The service's own origin (`PUBLIC_ORIGIN`): the follow-up's notices (issue 15) link to the hosted
   * reporting page and to the console there. Empty when unset: notices then fail (`public-origin-unset`)
   * rather than go out with a link that leads nowhere; the rest is sent as ever.
   */
  publicOrigin: string;
}

export interface DeliveryWorkerDeps {
  db: Kysely<Database>;
  sealer: Pick<ContactSealer, 'open' | 'openInvitationLink' | 'openText'>;
  mailer: Mailer;
  logger: Logger;
  options: DeliveryWorkerOptions;
  /** Name in the logs; default host, pid and a random suffix. */
  name?: string;
}

export interface DeliveryWorker {
  /** Look for due deliveries now (a report was just accepted in this process). */
  nudge(): void;
  /** Stops claiming, lets the deliveries in flight finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * Sends due deliveries from the outbox until stopped. Claims as many as it has free slots
 * (`FOR UPDATE SKIP LOCKED`, with a lease), sends each on its channel, and records the outcome:
 * sent, retry later (temporary failure, exponential backoff with jitter), or failed (permanent, or
 * given up). Idle, it polls every `pollMs`; `nudge()` and every finished delivery wake it earlier.
 * Several workers — in one process or many — may run against one database.
 */
export function startDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { db, options } = deps;
  const worker = deps.name ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const logger = deps.logger.child({ worker });
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let woken = false;
  let wake: (() => void) | undefined;

  const signal = () => {
    woken = true;
    wake?.();
  };
  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopped) {
        woken = false;
        return resolve();
      }
      const done = () => {
        clearTimeout(timer);
        wake = undefined;
        woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = done;
    });

  const track = (work: Promise<void>) => {
    const tracked: Promise<void> = work
      .catch((error: unknown) => logger.error({ err: errorKind(error) }, 'delivery bookkeeping failed'))
      .finally(() => {
        inFlight.delete(tracked);
        signal();
      });
    inFlight.add(tracked);
  };

  const loop = (async () => {
    logger.info({ concurrency: options.concurrency }, 'delivery worker started');
    while (!stopped) {
      const free = options.concurrency - inFlight.size;
      // Claim in batches (when half the slots are free, or all): fewer claim queries under load.
      if (free > 0 && (free >= Math.ceil(options.concurrency / 2) || inFlight.size === 0)) {
        let claimed: ClaimedDelivery[] = [];
        let reports = new Map<string, DeliveryReport>();
        let invitations = new Map<string, DeliveryInvitation>();
        let tests = new Map<string, DeliveryTest>();
        try {
          claimed = await claimDeliveries(db, free, options.leaseMs);
          reports = await findDeliveryReports(
            db,
            claimed.map((d) => d.report_id),
          );
          invitations = await findDeliveryInvitations(
            db,
            claimed.map((d) => d.invitation_id),
          );
          tests = await findDeliveryTests(
            db,
            claimed.map((d) => d.test_delivery_id),
          );
        } catch (error) {
          // Claimed rows come free again when their lease runs out.
          logger.error({ err: errorKind(error) }, 'claiming deliveries failed');
          await idle(options.pollMs);
          continue;
        }
        for (const delivery of claimed) {
          const subject =
            delivery.kind === 'invitation'
              ? { invitation: invitations.get(delivery.invitation_id ?? '') }
              : delivery.kind === 'test'
                ? { test: tests.get(delivery.test_delivery_id ?? '') }
                : { report: reports.get(delivery.report_id ?? '') };
          track(deliver(delivery, subject));
        }
        // Every slot asked for was filled: more may be due; look again as soon as slots free up.
        if (claimed.length > 0 && claimed.length === free) continue;
      }
      await idle(options.pollMs);
    }
    await Promise.allSettled([...inFlight]);
    logger.info('delivery worker stopped');
  })();

  async function deliver(
    delivery: ClaimedDelivery,
    subject: { report?: DeliveryReport; invitation?: DeliveryInvitation; test?: DeliveryTest },
  ): Promise<void> {
    const started = performance.now();
    // Ids only: never the address, never an invitation's link.
    const about = {
      deliveryId: delivery.id,
      kind: delivery.kind,
      ...(delivery.kind === 'invitation'
        ? { invitationId: delivery.invitation_id }
        : delivery.kind === 'test'
          ? { testDeliveryId: delivery.test_delivery_id }
          : { reportId: delivery.report_id }),
      tenant: subject.report?.tenant_slug ?? subject.test?.tenant_slug ?? delivery.tenant_id,
      channel: delivery.channel,
      attempt: delivery.attempts,
    };
    try {
      // The send may take at most half the lease, so the claim is still ours when we record the outcome.
      const signal = AbortSignal.timeout(Math.min(60_000, Math.floor(options.leaseMs / 2)));
      if (delivery.kind === 'invitation') {
        await sendInvitation(deps, delivery, subject.invitation, signal);
      } else if (delivery.kind === 'test') {
        await sendTest(deps, delivery, subject.test, signal);
      } else {
        if (!subject.report) throw new PermanentDeliveryError('report-missing', 'The report no longer exists');
        if (delivery.kind === 'reporter-notice') await sendReporterNotice(deps, delivery, subject.report, signal);
        else if (delivery.kind === 'reply-notice') await sendReplyNotice(deps, delivery, subject.report, signal);
        else await send(deps, delivery, subject.report, signal);
      }
    } catch (error) {
      const failure = classifyFailure(error);
      const ms = Math.round(performance.now() - started);
      if (failure.temporary) {
        const since = delivery.redriven_at ?? delivery.created_at;
        const next = nextRetry(delivery.attempts, new Date(since), Date.now(), options.retry);
        if (!next.giveUp) {
          const current = await markRetry(db, delivery, next.delayMs, failure.errorClass);
          const retryAt = new Date(Date.now() + next.delayMs).toISOString();
          logger.warn(
            { ...about, outcome: 'retry', retryAt, errorClass: failure.errorClass, ms, current },
            'delivery will be retried',
          );
          return;
        }
        const current = await markFailed(db, delivery, `gave-up:${failure.errorClass}`);
        logger.error(
          { ...about, outcome: 'failed', errorClass: failure.errorClass, gaveUp: true, ms, current },
          'delivery given up',
        );
        return;
      }
      const current = await markFailed(db, delivery, failure.errorClass);
      if (current && failure.errorClass === 'invitation-closed') await forgetLink(db, delivery.id);
      logger.error({ ...about, outcome: 'failed', errorClass: failure.errorClass, ms, current }, 'delivery failed');
      return;
    }
    const current = await markSent(db, delivery);
    const ms = Math.round(performance.now() - started);
    // `current: false`: our lease had run out and another worker took over; it records the outcome.
    logger.info({ ...about, outcome: 'sent', ms, current }, 'delivery sent');
  }

  return {
    nudge: signal,
    stop: async () => {
      stopped = true;
      signal();
      await loop;
    },
  };
}

/** Sends one delivery on its channel; throws on failure (classified by the caller). */
async function send(
  deps: Pick<DeliveryWorkerDeps, 'sealer' | 'mailer' | 'options'>,
  delivery: ClaimedDelivery,
  report: DeliveryReport,
  signal: AbortSignal,
): Promise<void> {
  const contact = openContact(deps.sealer, report);
  if (delivery.channel === 'webhook') {
    const webhook = report.settings.delivery.webhook;
    if (!webhook || webhook.url !== delivery.target) {
      throw new PermanentDeliveryError('webhook-removed', 'The tenant no longer has this webhook');
    }
    const body = JSON.stringify(
      webhookEvent({
        report,
        tenantSlug: report.tenant_slug,
        sourceTenantSlug: report.source_tenant_slug,
        config: report.config,
        mailLocale: mailLocaleOf(report.settings),
        contact,
      }),
    );
    await sendWebhook({
      url: webhook.url,
      secret: webhookSecretOf(deps.sealer, report.tenant_id, report.webhook_secret_sealed),
      id: delivery.id,
      body,
      allowPrivateAddresses: deps.options.allowPrivateAddresses,
      signal,
    });
    return;
  }
  const recipient = report.settings.delivery.email.find(
    (r) => r.address.toLowerCase() === delivery.target.toLowerCase(),
  );
  if (!recipient) throw new PermanentDeliveryError('recipient-removed', 'The tenant no longer has this recipient');
  const mail = renderReportMail({
    report,
    tenantName: report.tenant_name,
    sourceTenantName: report.source_tenant_id === report.tenant_id ? undefined : report.source_tenant_name,
    config: report.config,
    settings: report.settings,
    contact,
  });
  const messageId = reportMessageId(report.id, recipient.address);
  await mailRecipient(deps.mailer, recipient, { messageId, ...mail }, signal);
}

/**
 * One mail to a municipal recipient: PGP/MIME-encrypted to their key when they have one (the mail's
 * whole content, subject included, inside), else as it is.
 */
async function mailRecipient(
  mailer: DeliveryWorkerDeps['mailer'],
  recipient: { address: string; pgpPublicKey?: string | undefined },
  mail: { messageId: string; subject: string; text: string; html: string },
  signal: AbortSignal,
): Promise<void> {
  if (recipient.pgpPublicKey) {
    const raw = await pgpMimeMessage({
      ...mail,
      from: mailer.from,
      to: recipient.address,
      armoredKey: recipient.pgpPublicKey,
    });
    await mailer.send({ to: recipient.address, raw }, signal);
  } else {
    await mailer.send({ to: recipient.address, ...mail }, signal);
  }
}

/** The service's origin for a notice's link, or a permanent failure when it is not configured. */
function originFor(options: Pick<DeliveryWorkerOptions, 'publicOrigin'>): string {
  if (!options.publicOrigin) {
    throw new PermanentDeliveryError('public-origin-unset', 'PUBLIC_ORIGIN is not set: a notice needs its link');
  }
  return options.publicOrigin;
}

/**
 * Sends the reporter's content-free notice (issue 15): their address is opened from the report's sealed
 * contact details here, at sending, and only for this message (the outbox row's target is the word
 * `reporter`). Only an e-mail address is written to; without one the notice fails at once with a class
 * that says why — `no-address` (none given, or a phone number only), `contact-erased` (retention or the
 * reporter erased the details since) — and the address is never logged or stored.
 */
async function sendReporterNotice(
  deps: Pick<DeliveryWorkerDeps, 'sealer' | 'mailer' | 'options'>,
  delivery: ClaimedDelivery,
  report: DeliveryReport,
  signal: AbortSignal,
): Promise<void> {
  if (!report.contact_sealed) {
    throw report.contact_erased_at
      ? new PermanentDeliveryError('contact-erased', 'The contact details were erased')
      : new PermanentDeliveryError('no-address', 'The reporter left no e-mail address');
  }
  const address = openContact(deps.sealer, report)?.email;
  if (!address) throw new PermanentDeliveryError('no-address', 'The reporter left no e-mail address');
  const mail = renderReporterNotice({
    locale: noticeLocaleOf(report.locale),
    tenantName: report.tenant_name,
    link: `${originFor(deps.options)}/m/${encodeURIComponent(report.tenant_slug)}`,
  });
  await deps.mailer.send({ to: address, messageId: `<${delivery.id}@meldpunt>`, ...mail }, signal);
}

/**
 * Sends "the reporter replied to <reference>" (issue 15) to one of the receiving tenant's recipients, as
 * its settings are now (a recipient removed since: `recipient-removed`), PGP-encrypted when it has a
 * key, in the tenant's mail language, with the link to the report in the console. Never the reply.
 */
async function sendReplyNotice(
  deps: Pick<DeliveryWorkerDeps, 'mailer' | 'options'>,
  delivery: ClaimedDelivery,
  report: DeliveryReport,
  signal: AbortSignal,
): Promise<void> {
  const recipient = report.settings.delivery.email.find(
    (r) => r.address.toLowerCase() === delivery.target.toLowerCase(),
  );
  if (!recipient) throw new PermanentDeliveryError('recipient-removed', 'The tenant no longer has this recipient');
  const slug = encodeURIComponent(report.tenant_slug);
  const mail = renderReplyNotice({
    locale: mailLocaleOf(report.settings),
    tenantName: report.tenant_name,
    reference: report.reference,
    link: `${originFor(deps.options)}/console/tenants/${slug}/reports/${report.id}`,
  });
  const messageId = `<${delivery.id}@meldpunt>`;
  await mailRecipient(deps.mailer, recipient, { messageId, ...mail }, signal);
}

/**
 * The tenant's webhook secret, opened from its sealed column only here, to sign one event. Without one
 * (a webhook whose secret was never sealed) or with none of the ring's keys opening it, the delivery
 * cannot be signed: a permanent failure, re-drivable once the key is back (`pnpm deliveries:retry`).
 */
function webhookSecretOf(sealer: Pick<ContactSealer, 'openText'>, tenantId: string, sealed: Uint8Array | null): string {
  if (!sealed) throw new PermanentDeliveryError('webhook-secret-missing', 'The webhook has no stored secret');
  try {
    return openWebhookSecret(sealer, tenantId, sealed);
  } catch {
    throw new PermanentDeliveryError('webhook-secret-key', 'The webhook secret cannot be opened with this key');
  }
}

/**
 * Sends an invitation mail: the link opened from its sealed column only here, for the message. A used
 * or expired invitation is not mailed any more (the link would not work).
 */
async function sendInvitation(
  deps: Pick<DeliveryWorkerDeps, 'sealer' | 'mailer'>,
  delivery: ClaimedDelivery,
  invitation: DeliveryInvitation | undefined,
  signal: AbortSignal,
): Promise<void> {
  if (!invitation) throw new PermanentDeliveryError('invitation-missing', 'The invitation was withdrawn');
  if (invitation.used_at || invitation.expires_at.getTime() <= Date.now()) {
    throw new PermanentDeliveryError('invitation-closed', 'The invitation was used or has expired');
  }
  if (!delivery.sealed_link) throw new PermanentDeliveryError('link-missing', 'The link is no longer stored');
  let link: string;
  try {
    link = deps.sealer.openInvitationLink(delivery.sealed_link, delivery.id);
  } catch {
    throw new PermanentDeliveryError('link-key', 'The link cannot be opened with this key');
  }
  const roles = [...(invitation.platform_admin ? ['platform-admin'] : []), ...invitation.roles];
  const mail = renderInvitationMail({
    tenantName: invitation.tenant_name,
    inviterName: invitation.inviter_name,
    roles,
    expiresAt: invitation.expires_at,
    link,
  });
  await deps.mailer.send({ to: delivery.target, messageId: `<${delivery.id}@meldpunt>`, ...mail }, signal);
}

/**
 * Sends a test delivery to its target as the tenant's settings are now (a target removed since is
 * `recipient-removed`/`webhook-removed`, like a report's): the marked test mail (PGP-encrypted when the
 * recipient has a key) or a signed `delivery.test` webhook event. Nothing of any report is in either.
 */
async function sendTest(
  deps: Pick<DeliveryWorkerDeps, 'sealer' | 'mailer' | 'options'>,
  delivery: ClaimedDelivery,
  test: DeliveryTest | undefined,
  signal: AbortSignal,
): Promise<void> {
  if (!test) throw new PermanentDeliveryError('test-missing', 'The test delivery was deleted');
  if (delivery.channel === 'webhook') {
    const webhook = test.settings.delivery.webhook;
    if (!webhook || webhook.url !== delivery.target) {
      throw new PermanentDeliveryError('webhook-removed', 'The tenant no longer has this webhook');
    }
    const body = JSON.stringify({
      type: 'delivery.test',
      timestamp: test.created_at.toISOString(),
      data: { id: test.id, tenant: test.tenant_slug, test: true },
    });
    await sendWebhook({
      url: webhook.url,
      secret: webhookSecretOf(deps.sealer, delivery.tenant_id ?? '', test.webhook_secret_sealed),
      id: delivery.id,
      body,
      allowPrivateAddresses: deps.options.allowPrivateAddresses,
      signal,
    });
    return;
  }
  const recipient = test.settings.delivery.email.find((r) => r.address.toLowerCase() === delivery.target.toLowerCase());
  if (!recipient) throw new PermanentDeliveryError('recipient-removed', 'The tenant no longer has this recipient');
  const mail = renderTestMail({ tenantName: test.tenant_name, requestedAt: test.created_at });
  const messageId = `<${delivery.id}@meldpunt>`;
  await mailRecipient(deps.mailer, recipient, { messageId, ...mail }, signal);
}

function openContact(sealer: Pick<ContactSealer, 'open'>, report: DeliveryReport): ReportContact | undefined {
  if (!report.contact_sealed) return undefined;
  try {
    return sealer.open(report.contact_sealed, { reportId: report.id, tenantId: report.tenant_id });
  } catch {
    throw new PermanentDeliveryError('contact-key', 'The contact details cannot be opened with this key');
  }
}

/** The kind of an unexpected error, for the logs: never its message (SQL errors may quote values). */
function errorKind(error: unknown) {
  const e = error as { name?: string; code?: string };
  return { name: e?.name, code: e?.code };
}
