import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { MailLocale, ReportContact, TenantConfig } from '@meldpunt/contracts';
import type { Report } from '../db/database.ts';
import { HttpStatusError } from './classify.ts';
import { categoryLabels } from './mail/mail-language.ts';
import { checkWebhookUrl, publicAddressLookup } from './webhook-address.ts';

/** A webhook delivery waits at most this long for the endpoint's answer. */
export const webhookTimeoutMs = 10_000;

/**
 * The `webhook-signature` value of the Standard Webhooks spec (standardwebhooks.com): `v1,` and the
 * base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the base64-decoded secret after `whsec_`.
 */
export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * POSTs one event to a tenant's endpoint, signed per Standard Webhooks. The delivery's id is the
 * `webhook-id`, the same on every retry, so the receiver can drop a repeat. Anything but 2xx throws
 * (`HttpStatusError`); redirects are not followed.
 *
 * Only `https:` to public addresses: the host's addresses are checked when the connection is made
 * (`ForbiddenAddressError` otherwise, see `webhook-address.ts`). `allowPrivateAddresses` (tests and
 * the demo, never production) lets `http:` and loopback or private addresses through.
 */
export async function sendWebhook(options: {
  url: string;
  secret: string;
  id: string;
  body: string;
  allowPrivateAddresses: boolean;
  signal?: AbortSignal;
  now?: () => number;
}): Promise<void> {
  const url = new URL(options.url);
  if (!options.allowPrivateAddresses) checkWebhookUrl(url);
  const timestamp = Math.floor((options.now ?? Date.now)() / 1000);
  const timeout = AbortSignal.timeout(webhookTimeoutMs);
  const status = await new Promise<number>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(options.body),
          'User-Agent': 'Meldpunt-Webhooks/1',
          'webhook-id': options.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignature(options.secret, options.id, timestamp, options.body),
        },
        // A connection of its own (no pool shared with other requests), to an address the lookup checked.
        agent: false,
        ...(options.allowPrivateAddresses ? {} : { lookup: publicAddressLookup }),
        signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
      },
      (response) => {
        // The answer's body means nothing to us: close the connection.
        response.destroy();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
  if (status < 200 || status >= 300) throw new HttpStatusError(status);
}

/** The `report.created` event: the report with labels from the tenant's config; contact only when given. */
export function webhookEvent(input: {
  report: Report;
  tenantSlug: string;
  /** The tenant whose widget it was entered in (differs from `tenantSlug` when routed by location). */
  sourceTenantSlug?: string;
  config: TenantConfig;
  /** Language of the labels: the tenant's mail language. */
  mailLocale: MailLocale;
  contact: ReportContact | undefined;
}): { type: 'report.created'; timestamp: string; data: Record<string, unknown> } {
  const { report, config } = input;
  const labels = categoryLabels(config, report.categories, input.mailLocale);
  const hasPoint = report.location_lat !== null && report.location_lng !== null;
  return {
    type: 'report.created',
    timestamp: new Date(report.received_at).toISOString(),
    data: {
      id: report.id,
      reference: report.reference,
      tenant: input.tenantSlug,
      reportedVia: input.sourceTenantSlug ?? input.tenantSlug,
      receivedAt: new Date(report.received_at).toISOString(),
      role: report.role,
      categories: report.categories.map((id, i) => ({ id, label: labels[i] })),
      occurredAt: new Date(report.occurred_at).toISOString(),
      timePrecision: report.time_precision,
      partOfDay: report.part_of_day,
      location: {
        lat: report.location_lat,
        lng: report.location_lng,
        text: report.location_text,
        municipalityCode: report.area_code,
        source: report.location_source,
        accuracy: report.location_accuracy,
        mapUrl: hasPoint
          ? `https://www.openstreetmap.org/?mlat=${report.location_lat}&mlon=${report.location_lng}#map=18/${report.location_lat}/${report.location_lng}`
          : null,
      },
      description: report.description,
      intervened: report.intervened,
      extra: report.extra,
      locale: report.locale,
      contact: input.contact ?? null,
      configVersion: report.config_version,
    },
  };
}
